import { defineConfig } from 'vite';

// Shared by Storybook's Vite builder: workspace packages resolve to their TypeScript sources.
export default defineConfig({
  resolve: { conditions: ['source', 'module', 'browser', 'development|production'] },
});
