// Eleventy with the Lit plugin: every page's Civic Kit tags are rendered on the server into
// declarative shadow DOM; the packed CDN bundle then takes them over in the browser.
import litPlugin from '@lit-labs/eleventy-plugin-lit';

export default function (config) {
  config.addPlugin(litPlugin, { mode: 'worker', componentModules: ['./components.mjs'] });
  return { dir: { input: 'pages', output: 'dist' } };
}
