import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import puppeteer from 'puppeteer-core';
const server = await startDevServer({ config: { rootDir: '/work/main', port: 8765, nodeResolve: { exportConditions: ['source', 'browser', 'development'] }, plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: '/work/main/tsconfig.base.json' })] }, readCliArgs: false, readFileConfig: false, logStartMessage: false });
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const shots = JSON.parse(process.argv[2]);
for (const [name, query, actions] of shots) {
  const page = await browser.newPage();
  await page.setViewport({ width: 700, height: 1400 });
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log('console', m.text()); });
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  await page.goto(`http://localhost:8765/packages/elements/src/poll/tmp/view.html?${query}`);
  await page.waitForFunction(() => window.ready);
  await new Promise((r) => setTimeout(r, 400));
  for (const act of actions ?? []) {
    await page.evaluate((act) => {
      const el = document.querySelector('civic-poll');
      const t = el.shadowRoot.querySelector(act);
      t.click();
    }, act);
    await new Promise((r) => setTimeout(r, 150));
  }
  const el = await page.$('civic-poll');
  await el.screenshot({ path: `/tmp/shot-${name}.png` });
  await page.close();
}
await browser.close();
await server.stop();
