import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { summaryReporter } from './scripts/wtr-summary-reporter.mjs';
import { civicServerPlugin } from './test/server-plugin.mjs';
import { decidimServerPlugin } from './test/servers/decidim-plugin.mjs';
import { staticFilesPlugin } from './test/servers/static-plugin.mjs';
import { cspMiddleware, hardeningCommands } from './test/hardening/wtr-plugins.mjs';
import { rawCdnMiddleware } from './test/raw-files-middleware.mjs';
import { tilesMiddleware } from './test/tiles-middleware.mjs';
import { workerSourceMiddleware } from './test/worker-source-middleware.mjs';

/** Browser tests in real headless Chromium (`CHROME_PATH` overrides the Debian binary). */
export default {
  files: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  rootDir: '.',
  concurrency: 2,
  // A file's own tests have their timeouts; this only stops a file that hangs (120 s by default, which
  // the slowest files, the accessibility walks, come near on a busy machine).
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 10000 } },
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.base.json' }),
    hardeningCommands(),
    civicServerPlugin(),
    decidimServerPlugin(),
    staticFilesPlugin(),
  ],
  // Pages under test/fixtures/csp/ are served with a strict Content-Security-Policy.
  // Map tiles are PNGs made by the test server itself (test/tiles-middleware.mjs).
  middleware: [rawCdnMiddleware(), cspMiddleware(), tilesMiddleware(), workerSourceMiddleware()],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--disable-quic',
        ],
      },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter()],
};
