/** `@civic-kit/adapters/decidim`: the Decidim adapter and its factory for `<civic-provider adapter="decidim">`. */
import { CivicError, INITIATIVE_STATUSES, type AdapterConfig, type BBox, type InitiativeStatus } from '@civic-kit/core';
import {
  DECIDIM_RESOURCES,
  DecidimAdapter,
  parseSpace,
  type DecidimAdapterOptions,
  type DecidimResource,
} from './decidim-adapter.js';

export {
  DECIDIM_RESOURCES,
  DecidimAdapter,
  parseSpace,
  type DecidimAdapterOptions,
  type DecidimResource,
  type DecidimToken,
} from './decidim-adapter.js';
export { decodeEntities, htmlToText } from '../html-text.js';

const bad = (message: string) => new CivicError('misconfigured', `adapter="decidim": ${message}`);

/**
 * Build a Decidim adapter from `<civic-provider adapter="decidim" endpoint="https://decidim.example" …>`.
 * Attributes: `resource` (initiatives | proposals | meetings), `participatory-space`, `component`,
 * `locale`, `fallback-locales`, `goal`, `supporters` (votes | likes), `source-name`, `voter-token`,
 * `voting` (auto | on | off), `status-map`, `bounds`, `timeout-ms`, `max-items`, `requests-per-minute`.
 * Anything set wrongly is a `misconfigured` error that says what and how to put it right.
 */
export function createDecidimAdapter(
  config: AdapterConfig,
  extra: Partial<DecidimAdapterOptions> = {},
): DecidimAdapter {
  const a = config.attributes;
  const attr = (name: string) => {
    const value = a[name]?.trim();
    return value ? value : undefined;
  };
  const endpoint = config.endpoint?.trim() || attr('endpoint');
  if (!endpoint) throw bad('needs an endpoint="https://…" attribute: the Decidim instance (or its /api)');
  let url: URL;
  try {
    url = new URL(endpoint, globalThis.location?.href);
  } catch (e) {
    throw new CivicError('misconfigured', `adapter="decidim": the endpoint "${endpoint}" is not a URL`, { cause: e });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw bad(`the endpoint "${endpoint}" must be an http(s) URL`);

  const space = attr('participatory-space');
  const resource = attr('resource') ?? (space ? 'proposals' : 'initiatives');
  if (!(DECIDIM_RESOURCES as readonly string[]).includes(resource))
    throw bad(`resource="${resource}" is not one of ${DECIDIM_RESOURCES.join(', ')}`);
  if (resource !== 'initiatives' && !space)
    throw bad(`resource="${resource}" needs participatory-space="<process slug>" (or "assemblies/<id>")`);
  if (space) parseSpace(space); // says what is wrong with it

  const positive = (name: string, integer = true): number | undefined => {
    const raw = attr(name);
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n)))
      throw bad(`${name}="${raw}" must be a positive ${integer ? 'whole ' : ''}number`);
    return n;
  };
  const goal = positive('goal');
  const timeoutMs = positive('timeout-ms');
  const maxItems = positive('max-items');
  const perMinute = positive('requests-per-minute');

  const supporters = attr('supporters');
  if (supporters !== undefined && supporters !== 'votes' && supporters !== 'likes')
    throw bad(`supporters="${supporters}" must be "votes" or "likes"`);

  const votingRaw = attr('voting')?.toLowerCase();
  const voting =
    votingRaw === undefined || votingRaw === 'auto'
      ? 'auto'
      : ['on', 'true', 'yes'].includes(votingRaw)
        ? true
        : ['off', 'false', 'no'].includes(votingRaw)
          ? false
          : undefined;
  if (voting === undefined) throw bad(`voting="${votingRaw}" must be "auto", "on" or "off"`);

  let statusMap: Record<string, InitiativeStatus> | undefined;
  const map = attr('status-map');
  if (map) {
    statusMap = {};
    for (const pair of map.split(',')) {
      const [state, status] = pair.split(':').map((s) => s.trim());
      if (!state || !status || !(INITIATIVE_STATUSES as readonly string[]).includes(status))
        throw bad(`status-map entry "${pair.trim()}" must be "<decidim state>:<${INITIATIVE_STATUSES.join('|')}>"`);
      statusMap[state.toLowerCase()] = status as InitiativeStatus;
    }
  }

  let bounds: BBox | undefined;
  const box = attr('bounds');
  if (box) {
    const n = box.split(',').map((s) => Number(s.trim()));
    const [w, s, e, north] = n as [number, number, number, number];
    if (
      n.length !== 4 ||
      n.some((x) => !Number.isFinite(x)) ||
      Math.abs(w) > 180 ||
      Math.abs(e) > 180 ||
      Math.abs(s) > 90 ||
      Math.abs(north) > 90 ||
      s > north
    )
      throw bad(`bounds="${box}" must be "west,south,east,north" in degrees`);
    bounds = [w, s, e, north];
  }

  const fallback = attr('fallback-locales')
    ?.split(/[\s,]+/)
    .filter(Boolean);

  return new DecidimAdapter({
    endpoint: url.href,
    resource: resource as DecidimResource,
    space,
    component: attr('component'),
    locale: attr('locale'),
    ...(fallback?.length ? { fallbackLocales: fallback } : {}),
    goal,
    supporters: supporters,
    sourceName: attr('source-name'),
    token: attr('voter-token'),
    voting,
    statusMap,
    bounds,
    timeoutMs,
    maxItems,
    maxRequestsPerMinute: perMinute,
    ...extra,
  });
}
