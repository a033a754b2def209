/** `@civic-kit/adapters/rest`: the REST adapter and its factory for `<civic-provider adapter="rest">`. */
import { CivicError, type AdapterConfig } from '@civic-kit/core';
import { RestAdapter, type RestAdapterOptions } from './rest-adapter.js';

export {
  errorFromResponse,
  parseRetryAfter,
  REST_CAPABILITIES,
  RestAdapter,
  type RestAdapterOptions,
} from './rest-adapter.js';

/**
 * Build a REST adapter from `<civic-provider adapter="rest" endpoint="…" voter-token="…">`
 * (`timeout-ms` and `retries` attributes are optional).
 */
export function createRestAdapter(config: AdapterConfig, extra: Partial<RestAdapterOptions> = {}): RestAdapter {
  const endpoint = config.endpoint?.trim();
  if (!endpoint) throw new CivicError('misconfigured', 'adapter="rest" needs an endpoint="https://…" attribute');
  let url: URL;
  try {
    url = new URL(endpoint, globalThis.location?.href);
  } catch (e) {
    throw new CivicError('misconfigured', `The endpoint "${endpoint}" is not a URL`, { cause: e });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new CivicError('misconfigured', `The endpoint "${endpoint}" must be an http(s) URL`);
  const a = config.attributes;
  const number = (name: string) => {
    const n = Number(a[name]);
    return a[name] !== undefined && Number.isFinite(n) && n >= 0 ? n : undefined;
  };
  const timeoutMs = number('timeout-ms');
  const retries = number('retries');
  return new RestAdapter({
    endpoint: url.href,
    voter: a['voter-token'] || undefined,
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(retries !== undefined ? { retries } : {}),
    ...extra,
  });
}
