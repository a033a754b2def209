/** `@civic-kit/adapters/rest`: the REST adapter and its factory for `<civic-provider adapter="rest">`. */
import { CivicError, type AdapterConfig } from '@civic-kit/core';
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
 * (`timeout-ms`, `retries` and `source-filter` attributes are optional).
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
  const sourceFilter = sourceFilterOf(a['source-filter']);
  return new RestAdapter({
    endpoint,
    voter: a['voter-token'] || undefined,
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(retries !== undefined ? { retries } : {}),
    ...(sourceFilter ? { sourceFilter } : {}),
    ...extra,
  });
}

/** `source-filter`: `local`, `followed`, or one followed community's https address; absent or empty: all. */
function sourceFilterOf(raw: string | undefined): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  if (value === 'local' || value === 'followed') return value;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url?.protocol === 'https:' || url?.protocol === 'http:') return value;
  throw new CivicError(
    'misconfigured',
    `adapter="rest": source-filter="${value}" must be local, followed, or a community's https address`,
  );
}
