import vue from '@vitejs/plugin-vue';
import { isCivicElement } from '@civic-kit/vue';
import { defineConfig } from 'vite';

export default defineConfig({ plugins: [vue({ template: { compilerOptions: { isCustomElement: isCivicElement } } })] });
