/**
 * React, react-dom and the wrappers as one browser module, for src/react.test.ts: React ships only
 * CommonJS, which the test runner serves as is. Bundled by `pnpm build:examples` into
 * test/dist/runtime.js (one copy of everything, so `instanceof` holds between the events and classes
 * exported here).
 */
export { createElement, StrictMode } from 'react';
export { act } from 'react';
export { createRoot } from 'react-dom/client';
export * from '../src/index.js';
export { CivicVoteEvent, CivicSupportEvent, MemoryAdapter } from '@civic-kit/elements';
