/** `@civic-kit/adapters/activitystreams`: an ActivityStreams outbox or collection, for `adapter="activitystreams"`. */
import type { AdapterConfig } from '@civic-kit/core';
import { endpointUrl } from '../static/shared.js';
import { ActivityStreamsAdapter, type ActivityStreamsAdapterOptions } from './activitystreams-adapter.js';

export {
  ActivityStreamsAdapter,
  type ActivityStreamsAdapterOptions,
  type SendContext,
  type VoteActivity,
} from './activitystreams-adapter.js';
export { htmlToText } from './as2-text.js';

/**
 * Build an ActivityStreams adapter from
 * `<civic-provider adapter="activitystreams" endpoint="https://…/outbox">` (optional: `source-name`,
 * `source-url`, `coordinate-order="lng-lat"`, `max-items`, `timeout-ms`). Voting needs a `send`
 * function, so it is only offered to an adapter built in script (`extra.send`).
 */
export function createActivityStreamsAdapter(
  config: AdapterConfig,
  extra: Partial<ActivityStreamsAdapterOptions> = {},
): ActivityStreamsAdapter {
  const url = endpointUrl(config.endpoint, 'activitystreams');
  const a = config.attributes;
  const positive = (name: string) => {
    const n = Number(a[name]);
    return a[name] !== undefined && Number.isFinite(n) && n > 0 ? n : undefined;
  };
  const name = a['source-name']?.trim();
  const timeoutMs = positive('timeout-ms');
  const maxItems = positive('max-items');
  return new ActivityStreamsAdapter({
    url,
    ...(name ? { source: { name, ...(a['source-url'] ? { url: a['source-url'] } : {}) } } : {}),
    ...(a['coordinate-order'] === 'lng-lat' ? { coordinateOrder: 'lng-lat' as const } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(maxItems !== undefined ? { maxItems } : {}),
    ...extra,
  });
}
