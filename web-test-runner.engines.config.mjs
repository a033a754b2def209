/**
 * The browser tests in the other engines. Firefox ESR (Debian's `firefox-esr`) through puppeteer-core
 * over WebDriver BiDi — the puppeteer-core that @web/test-runner-chrome already brings, so no other
 * package is needed. WebKit (WebKitGTK) has no puppeteer driver: test/hardening/webkit.mjs runs the
 * strict-CSP page and a smoke test of every element there through WebKitWebDriver.
 *
 * Files: what crosses packages — the axe sweep over every story, the plain-HTML embed, and every
 * hardening check (strict CSP, XSS corpus, accessibility criteria, privacy). Give file globs on the
 * command line to run others (`pnpm test:firefox "packages/*\/src/**\/*.test.ts"`).
 */
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import base from './web-test-runner.config.mjs';

export default {
  ...base,
  files: ['test/stories.test.ts', 'test/cdn-embed.test.ts', 'test/hardening/**/*.test.ts'],
  // One page at a time: with two, key presses missed the background page and the run was slower.
  concurrency: 1,
  browsers: [
    chromeLauncher({
      puppeteer: puppeteerCore,
      launchOptions: {
        browser: 'firefox',
        executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
        headless: true,
        // Every window counts as focused (as in Mozilla's own test harness), so key presses reach the page.
        extraPrefsFirefox: { 'focusmanager.testmode': true },
      },
    }),
  ],
};
