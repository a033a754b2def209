/**
 * Workers are started as `new Worker(new URL('./x.worker.js', import.meta.url))`, the one form every
 * bundler resolves, and only the built `.js` is published. The test server runs the TypeScript sources:
 * a request for a `*.worker.js` that does not exist is answered with the `*.worker.ts` beside it (which
 * the esbuild plugin then compiles), as Vite does for Storybook.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export function workerSourceMiddleware(root = process.cwd()) {
  return (ctx, next) => {
    if (ctx.path.endsWith('.worker.js') && !existsSync(join(root, ctx.path))) {
      const ts = `${ctx.path.slice(0, -3)}.ts`;
      if (existsSync(join(root, ts))) ctx.url = ts + (ctx.querystring ? `?${ctx.querystring}` : '');
    }
    return next();
  };
}
