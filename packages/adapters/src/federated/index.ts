/** `@civic-kit/adapters/federated`: several adapters as one, for `<civic-provider adapter="federated">`. */
import {
  CivicError,
  getAdapterFactory,
  registeredAdapters,
  toCivicError,
  unavailableAdapter,
  type AdapterConfig,
  type CivicAdapter,
} from '@civic-kit/core';
import { FederatedAdapter, type FederatedAdapterOptions, type FederatedSource } from './federated-adapter.js';

export { FederatedAdapter, type FederatedAdapterOptions, type FederatedSource } from './federated-adapter.js';

/** One entry of the `sources` attribute. */
export interface SourceDeclaration {
  /** A registered adapter name: `rest`, `static`, `activitystreams`, `decidim`, `memory`… */
  adapter: string;
  endpoint?: string;
  /** Shown on cards and in notices. Default: the endpoint's host, or the adapter name. */
  name?: string;
  url?: string;
  key?: string;
  'timeout-ms'?: number | string;
  /** The visitor's voter token is for this source (default: the first source, when none says). */
  voter?: boolean | string;
  /** Any other attribute the adapter reads (`source-name`, `coordinate-order`, `persist`…). */
  [attribute: string]: unknown;
}

const hostOf = (endpoint: string | undefined) => {
  try {
    return endpoint ? new URL(endpoint, globalThis.location?.href).host : undefined;
  } catch {
    return undefined;
  }
};

/** The `sources` attribute, checked: a JSON array of objects with an `adapter` name. */
export function parseSources(raw: string | undefined): SourceDeclaration[] {
  if (!raw?.trim())
    throw new CivicError(
      'misconfigured',
      'adapter="federated" needs a sources=\'[{"adapter":"rest","endpoint":"…","name":"…"}, …]\' attribute',
    );
  let list: unknown;
  try {
    list = JSON.parse(raw);
  } catch (e) {
    throw new CivicError('misconfigured', `The sources attribute is not JSON (${(e as Error).message})`, { cause: e });
  }
  if (!Array.isArray(list) || !list.length)
    throw new CivicError('misconfigured', 'sources must be a non-empty JSON array');
  return list.map((entry, i) => {
    if (typeof entry !== 'object' || entry === null || typeof (entry as { adapter?: unknown }).adapter !== 'string')
      throw new CivicError('misconfigured', `sources[${i}] needs an "adapter" name`);
    return entry as SourceDeclaration;
  });
}

/**
 * Build a federated adapter from
 * `<civic-provider adapter="federated" sources='[{"adapter":"rest","endpoint":"…","name":"Our town"}, …]'>`
 * (optional `timeout-ms`). Each source is built by the adapter registered under its name, so each
 * adapter's code loads only when a source uses it. A source that cannot be built (an unknown adapter,
 * no endpoint) shows as a failed source with a notice; the others still work.
 */
export async function createFederatedAdapter(
  config: AdapterConfig,
  extra: Partial<FederatedAdapterOptions> = {},
): Promise<FederatedAdapter> {
  const declared = parseSources(config.attributes['sources']);
  const sources = await Promise.all(
    declared.map(async (d, i): Promise<FederatedSource> => {
      const name = (typeof d.name === 'string' && d.name.trim()) || hostOf(d.endpoint) || `${d.adapter} ${i + 1}`;
      const attributes: Record<string, string> = {};
      for (const [k, v] of Object.entries(d))
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') attributes[k] = String(v);
      let adapter: CivicAdapter;
      try {
        if (d.adapter === 'federated') throw new CivicError('misconfigured', 'A federated source cannot be federated');
        const factory = getAdapterFactory(d.adapter);
        if (!factory)
          throw new CivicError(
            'misconfigured',
            `No adapter is registered as "${d.adapter}" (registered: ${registeredAdapters().join(', ')})`,
          );
        adapter = await factory({
          endpoint: typeof d.endpoint === 'string' ? d.endpoint : undefined,
          persist: typeof d['persist'] === 'string' ? d['persist'] : undefined,
          attributes,
        });
      } catch (e) {
        const error = toCivicError(e);
        console.error(`<civic-provider adapter="federated">: source "${name}": ${error.message}`, e);
        adapter = unavailableAdapter(
          error.code === 'misconfigured' ? error : new CivicError('misconfigured', error.message, { cause: e }),
        );
      }
      const timeout = Number(d['timeout-ms']);
      return {
        name,
        adapter,
        ...(typeof d.url === 'string' ? { url: d.url } : {}),
        ...(typeof d.key === 'string' ? { key: d.key } : {}),
        ...(timeout > 0 ? { timeoutMs: timeout } : {}),
        ...(d.voter !== undefined ? { voter: d.voter === true || d.voter === 'true' } : {}),
      };
    }),
  );
  const timeoutMs = Number(config.attributes['timeout-ms']);
  return new FederatedAdapter({ sources, ...(timeoutMs > 0 ? { timeoutMs } : {}), ...extra });
}
