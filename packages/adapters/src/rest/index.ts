/** `@civic-kit/adapters/rest`: the REST adapter and its factory for `<civic-provider adapter="rest">`. */
import type { AdapterConfig } from '@civic-kit/core';
import { endpointUrl } from '../http/index.js';
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
  const endpoint = endpointUrl(config.endpoint, 'rest');
  const a = config.attributes;
  const number = (name: string) => {
    const n = Number(a[name]);
    return a[name] !== undefined && Number.isFinite(n) && n >= 0 ? n : undefined;
  };
  const timeoutMs = number('timeout-ms');
  const retries = number('retries');
  return new RestAdapter({
    endpoint,
    voter: a['voter-token'] || undefined,
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(retries !== undefined ? { retries } : {}),
    ...extra,
  });
}
