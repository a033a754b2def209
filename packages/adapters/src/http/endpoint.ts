/**
 * Endpoint URLs: checked to be http(s), and named by their host.
 */
import { CivicError } from '@civic-kit/core';

/** Readable name for a URL: its host (or the URL itself). */
export function hostOf(url: string): string {
  try {
    return new URL(url, globalThis.location?.href).host || url;
  } catch {
    return url;
  }
}

/** An http(s) URL, resolved against the page; anything else is a misconfiguration. */
export function endpointUrl(endpoint: string | undefined, adapter: string): string {
  const value = endpoint?.trim();
  if (!value) throw new CivicError('misconfigured', `adapter="${adapter}" needs an endpoint="https://…" attribute`);
  let url: URL;
  try {
    url = new URL(value, globalThis.location?.href);
  } catch (e) {
    throw new CivicError('misconfigured', `The endpoint "${value}" is not a URL`, { cause: e });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new CivicError('misconfigured', `The endpoint "${value}" must be an http(s) URL`);
  return url.href;
}
