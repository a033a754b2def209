/** Side effect: makes `<civic-provider adapter="rest" endpoint="…">` build a REST adapter. */
import { registerAdapter } from '@civic-kit/core';
import { createRestAdapter } from './index.js';

registerAdapter('rest', (config) => createRestAdapter(config));
