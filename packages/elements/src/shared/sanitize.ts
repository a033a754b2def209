/**
 * The one way backend HTML reaches the screen: DOMPurify, keeping the tags of formatted text and nothing else. Links pass `safeUrl` (http, https or
 * relative) and open nothing of the page to the linked site; everything else is dropped, content of
 * `<script>`, `<style>` and the like with it.
 *
 * The result is a list of DOM nodes, never a string: nothing is parsed again, and under Trusted Types
 * DOMPurify parses through its own policy (`dompurify`; a page whose CSP lists allowed policy names
 * adds it).
 *
 * Elements import this module only when they have HTML to show (`import()`), so a page without any
 * never downloads it.
 */
import { safeUrl } from '@civic-kit/core';
import DOMPurify, { type Config } from 'dompurify';

/** Formatted text: paragraphs, emphasis, lists, quotes and links (a heading keeps only its text: the card has its own). */
const ALLOWED_TAGS = [
  'p',
  'br',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'sub',
  'sup',
  'small',
  'mark',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'a',
  'span',
  'abbr',
  'q',
  'cite',
];
const ALLOWED_ATTR = ['href', 'lang', 'dir', 'title'];

let instance: typeof DOMPurify | undefined;

function purifier(): typeof DOMPurify {
  if (instance) return instance;
  // An instance of its own: hooks set here never touch a copy the host page uses.
  const purify = (instance = DOMPurify(window));
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName !== 'A') return;
    const a = node as HTMLAnchorElement;
    const href = safeUrl(a.getAttribute('href'));
    if (href) a.setAttribute('href', href);
    else a.removeAttribute('href');
    a.setAttribute('rel', 'noopener noreferrer nofollow ugc');
  });
  return purify;
}

const CONFIG: Config & { RETURN_DOM_FRAGMENT: true } = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOWED_URI_REGEXP: /^(?:https?:|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  RETURN_DOM_FRAGMENT: true,
};

/** Backend HTML as safe nodes to render (never a string: nothing is parsed again). */
export function sanitizeHtml(html: string): Node[] {
  return [...purifier().sanitize(html, CONFIG).childNodes];
}
