/**
 * The admin page at `/admin/`: the built files of `@civic-kit/admin` (its `dist/`, or
 * `CIVIC_ADMIN_DIR`), read from disk — the server never imports the elements — and sent under a
 * strict Content-Security-Policy.
 */
import type { Hono } from 'hono';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HttpProblem } from '../problems.js';

/** `packages/admin/dist/`, from `src/admin/` and `dist/admin/` alike. */
export const ADMIN_DIR = fileURLToPath(new URL('../../../admin/dist/', import.meta.url));

export const ADMIN_CSP =
  "default-src 'self'; style-src 'self'; script-src 'self'; require-trusted-types-for 'script'; " +
  "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
};

export function serveAdminPage(app: Hono): void {
  const dir = () => process.env.CIVIC_ADMIN_DIR || ADMIN_DIR;
  app.get('/admin', (c) => c.redirect('/admin/', 308));
  app.get('/admin/:file{[A-Za-z0-9_.-]*}', async (c) => {
    const name = c.req.param('file') || 'index.html';
    const type = TYPES[extname(name)];
    if (name.startsWith('.') || !type) throw new HttpProblem(404, 'not-found', `Nothing at ${c.req.path}`);
    let content: Buffer;
    try {
      content = await readFile(join(dir(), name));
    } catch {
      throw new HttpProblem(
        404,
        'not-found',
        name === 'index.html'
          ? 'The admin page is not built: run `pnpm build` (or `pnpm --filter @civic-kit/admin build`)'
          : `Nothing at ${c.req.path}`,
      );
    }
    return c.body(new Uint8Array(content), 200, {
      'Content-Type': type,
      'Content-Security-Policy': ADMIN_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': name === 'index.html' ? 'no-cache' : 'public, max-age=300',
    });
  });
}
