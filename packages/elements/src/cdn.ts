/** The self-contained CDN bundle: `<script type="module" src=".../civic-kit.js">` and every tag works. */
export * from './index.js';
