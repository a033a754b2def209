/**
 * The self-contained CDN bundle: `<script type="module" src=".../civic-kit.js">` and every tag works.
 * English is inside; each other language is a chunk beside it, fetched when a page's `lang` asks for it.
 */
export * from './elements.js';
