/** `pnpm start`: serves the example community page (examples/index.html) with the built CDN bundle. */
const port = Number(process.env.PORT ?? 8000);
const hostname = process.env.HOST ?? '127.0.0.1';

export default {
  rootDir: '.',
  port,
  hostname,
  open: false,
  watch: false,
  middleware: [
    function exampleAtRoot(ctx, next) {
      if (ctx.path === '/') {
        ctx.redirect('/examples/');
        return undefined;
      }
      return next();
    },
  ],
  plugins: [
    {
      name: 'say-where',
      serverStart() {
        console.log(`\nThe example community page: http://${hostname}:${port}/examples/\n`);
      },
    },
  ],
};
