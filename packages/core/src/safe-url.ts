// Browsers skip ASCII whitespace and control characters in and around a scheme (`java\tscript:`).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0020\u007f-\u009f]/g;

/**
 * The one gate every `href` and `src` passes through. `new URL()` and schema validators accept
 * `javascript:`, `data:` and `vbscript:` URLs, so only http(s) and relative references get out.
 */
export function safeUrl(value: unknown, base?: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  const compact = trimmed.replace(CONTROL, '');
  if (!compact) return undefined;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  if (!scheme) {
    // A relative reference (`//host` keeps the page's own http(s) scheme); a leading control
    // character or backslash has no honest use and some parsers treat `\\` as `//`.
    return compact !== trimmed.replace(/\s+/g, '') || trimmed.startsWith('\\') ? undefined : trimmed;
  }
  const s = scheme[1]!.toLowerCase();
  if (s !== 'http' && s !== 'https') return undefined;
  try {
    return new URL(trimmed, base ?? globalThis.location?.href).href;
  } catch {
    return undefined;
  }
}
