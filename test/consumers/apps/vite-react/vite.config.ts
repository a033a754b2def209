import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The whole app, and for measuring what one component costs: the card alone, React alone, the card element alone.
export default defineConfig({
  plugins: [react()],
  build: {
    manifest: true,
    rolldownOptions: {
      input: { index: 'index.html', card: 'card.html', react: 'react.html', element: 'element.html' },
    },
  },
});
