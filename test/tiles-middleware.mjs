/**
 * Raster map tiles made in the test set-up: `GET /__civic-test/tiles/{z}/{x}/{y}.png` answers a 256 px
 * PNG drawn here (a pale fill that differs per tile, with a darker edge), so the map's tile tests ask
 * the local test server for real images and no request leaves for any other host.
 */
import { crc32, deflateSync } from 'node:zlib';

const SIZE = 256;
const cache = new Map();

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A truecolour PNG of one tile; its colour follows z/x/y so neighbouring tiles can be told apart. */
export function tilePng(z, x, y) {
  const key = `${z}/${x}/${y}`;
  if (cache.has(key)) return cache.get(key);
  const fill = [200 + ((x * 7) % 40), 215 + ((y * 5) % 30), 190 + ((z * 3) % 50)];
  const rows = Buffer.alloc(SIZE * (1 + SIZE * 3));
  for (let row = 0; row < SIZE; row++) {
    const start = row * (1 + SIZE * 3);
    rows[start] = 0; // no filter
    for (let col = 0; col < SIZE; col++) {
      const edge = row === 0 || col === 0;
      const at = start + 1 + col * 3;
      for (let c = 0; c < 3; c++) rows[at + c] = edge ? fill[c] - 80 : fill[c];
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, truecolour, deflate, no filter, no interlace
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  cache.set(key, png);
  return png;
}

/** Koa middleware for @web/dev-server and @web/test-runner. */
export function tilesMiddleware() {
  return async (ctx, next) => {
    const m = /^\/__civic-test\/tiles\/(\d{1,2})\/(\d{1,7})\/(\d{1,7})\.png$/.exec(ctx.path);
    if (!m) return next();
    ctx.type = 'image/png';
    ctx.set('Cache-Control', 'no-store');
    ctx.body = tilePng(Number(m[1]), Number(m[2]), Number(m[3]));
    return undefined;
  };
}
