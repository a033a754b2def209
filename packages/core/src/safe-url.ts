/**
 * The one gate every `href` and `src` passes through. `new URL()` and schema validators accept
 * `javascript:`, `data:` and `vbscript:` URLs, so only http(s) and relative references get out.
 */
export function safeUrl(value: unknown, base?: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  // Browsers ignore ASCII whitespace and control characters inside schemes (`java\tscript:`).
  // eslint-disable-next-line no-control-regex
  const trimmed = value.replace(/[\u0000-\u0020\u007f-\u009f]+/g, (m, offset: number) => (offset === 0 ? '' : m)).trim();
  if (!trimmed) return undefined;
  // eslint-disable-next-line no-control-regex
  const compact = trimmed.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  if (!scheme) {
    // Relative reference; `//host` keeps the page's scheme, which is http(s) on any real page.
    return trimmed.startsWith('\\') ? undefined : trimmed;
  }
  const s = scheme[1]!.toLowerCase();
  if (s !== 'http' && s !== 'https') return undefined;
  try {
    return new URL(trimmed, base ?? globalThis.location?.href).href;
  } catch {
    return undefined;
  }
}
