// webpack 5 through its Node API (no CLI), in production mode, then the page beside the bundle.
import { copyFileSync, mkdirSync } from 'node:fs';
import webpack from 'webpack';

const compiler = webpack({
  mode: 'production',
  entry: './src/index.js',
  output: { path: new URL('./dist/', import.meta.url).pathname, filename: 'main.js', clean: true },
  performance: { hints: false },
});
compiler.run((error, stats) => {
  if (error || stats.hasErrors()) {
    console.error(error ?? stats.toString({ all: false, errors: true, errorDetails: true }));
    process.exit(1);
  }
  console.log(stats.toString({ all: false, assets: true, warnings: true }));
  mkdirSync('dist', { recursive: true });
  copyFileSync('index.html', 'dist/index.html');
  compiler.close(() => {});
});
