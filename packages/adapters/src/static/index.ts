/** `@civic-kit/adapters/static`: a JSON or GeoJSON file at a URL, for `<civic-provider adapter="static">`. */
import type { AdapterConfig } from '@civic-kit/core';
import { endpointUrl } from '../http/index.js';
import { parseFieldMap, StaticAdapter, type StaticAdapterOptions } from './static-adapter.js';

export {
  MAPPABLE_FIELDS,
  parseFieldMap,
  parseStaticFile,
  STATIC_CAPABILITIES,
  StaticAdapter,
  type FieldMap,
  type MappableField,
  type StaticAdapterOptions,
} from './static-adapter.js';

/**
 * Build a static adapter from `<civic-provider adapter="static" endpoint="/data/initiatives.geojson">`
 * (optional: `source-name` and `source-url`, shown on cards whose initiative names no source;
 * `fields`, which property holds which field, as JSON: `fields='{"id":"mapid","title":"name"}'`;
 * `timeout-ms`).
 */
export function createStaticAdapter(config: AdapterConfig, extra: Partial<StaticAdapterOptions> = {}): StaticAdapter {
  const url = endpointUrl(config.endpoint, 'static');
  const a = config.attributes;
  const timeoutMs = Number(a['timeout-ms']);
  const name = a['source-name']?.trim();
  return new StaticAdapter({
    url,
    ...(name ? { source: { name, ...(a['source-url'] ? { url: a['source-url'] } : {}) } } : {}),
    ...(a['timeout-ms'] && timeoutMs > 0 ? { timeoutMs } : {}),
    ...(a['fields']?.trim() ? { fields: parseFieldMap(a['fields']) } : {}),
    ...extra,
  });
}
