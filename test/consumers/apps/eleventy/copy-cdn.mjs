// The browser's copy of the elements: the package's CDN bundle beside the pages.
import { cpSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

const require = createRequire(import.meta.url);
cpSync(dirname(require.resolve('@civic-kit/elements/cdn/civic-kit.js')), 'dist/civic-kit', { recursive: true });
