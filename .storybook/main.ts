import type { StorybookConfig } from '@storybook/web-components-vite';

/** Storybook for Civic Kit. Vite settings (the `source` export condition) come from the root vite.config.ts. */
const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  core: { disableTelemetry: true },
  // Vite inlines small assets as `data:` URLs, which the elements' safe-URL gate rightly refuses:
  // story pictures (`new URL('./assets/…', import.meta.url)`) stay same-origin files.
  viteFinal: (vite) => ({ ...vite, build: { ...vite.build, assetsInlineLimit: 0 } }),
};

export default config;
