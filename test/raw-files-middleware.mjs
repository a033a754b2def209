/**
 * Serves the built CDN files byte for byte under `/__raw/packages/elements/cdn/…`. The test runner
 * rewrites the imports of every JavaScript file it serves, so a Subresource Integrity hash could never
 * match there; a site's own server sends the bytes as built, and so does this path.
 */
import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';

const PREFIX = '/__raw/packages/elements/cdn/';
const ROOT = join(process.cwd(), 'packages/elements/cdn');

export function rawCdnMiddleware() {
  return async (ctx, next) => {
    if (!ctx.path.startsWith(PREFIX)) return next();
    const file = normalize(join(ROOT, ctx.path.slice(PREFIX.length)));
    if (!file.startsWith(ROOT)) return (ctx.status = 403);
    try {
      ctx.body = await readFile(file);
      ctx.type = file.endsWith('.json') ? 'application/json' : 'text/javascript';
      ctx.set('Access-Control-Allow-Origin', '*');
    } catch {
      ctx.status = 404;
    }
  };
}
