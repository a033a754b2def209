/**
 * Decidim's GraphQL payloads → the normalised model. Every payload is first checked against the
 * shapes below (a malformed one is `invalid-response` naming the field, e.g.
 * `space.components.0.list.edges.3.node.voteCount`), then mapped, then checked again against the
 * core model with `parseInitiative`.
 */
import {
  CivicError,
  inBBox,
  parseInitiative,
  safeUrl,
  type BBox,
  type Initiative,
  type InitiativeInput,
  type InitiativeStatus,
  type Place,
} from '@civic-kit/core';
import { array, bool, count, date, id, maybe, num, object, orRejected, str, type Check, type Infer } from './check.js';
import { clip, firstParagraph, htmlToText } from '../html-text.js';

// ─── raw shapes ───────────────────────────────────────────────────────────────────────────────

const LocalizedString = object({ locale: str, text: maybe(str), machineTranslated: maybe(bool) });
const Translated = maybe(object({ translations: maybe(array(maybe(LocalizedString))) }));
type TranslatedField = Infer<typeof Translated>;
const Named = object({ id: maybe(id), name: Translated });
type NamedValue = Infer<typeof Named>;
const Coordinates = maybe(object({ latitude: maybe(num), longitude: maybe(num) }));
const Author = maybe(object({ name: maybe(str), nickname: maybe(str), profilePath: maybe(str) }));

const common = {
  id,
  title: Translated,
  url: maybe(str),
  reference: maybe(str),
  author: Author,
  taxonomies: maybe(array(maybe(Named))),
  category: maybe(Named),
  scope: maybe(Named),
};

export const ProposalSchema = object({
  ...common,
  body: Translated,
  state: maybe(str),
  voteCount: maybe(count),
  likesCount: maybe(count),
  endorsementsCount: maybe(count),
  address: maybe(str),
  coordinates: Coordinates,
  publishedAt: maybe(date),
  withdrawn: maybe(bool),
  withdrawnAt: maybe(date),
  official: maybe(bool),
});
export type RawProposal = Infer<typeof ProposalSchema>;

export const MeetingSchema = object({
  ...common,
  description: Translated,
  startTime: date,
  endTime: date,
  address: maybe(str),
  location: Translated,
  coordinates: Coordinates,
  typeOfMeeting: maybe(str),
  closed: maybe(bool),
  isWithdrawn: maybe(bool),
  withdrawn: maybe(bool),
  attendeeCount: maybe(count),
});
export type RawMeeting = Infer<typeof MeetingSchema>;

export const InitiativeRawSchema = object({
  ...common,
  slug: maybe(str),
  description: Translated,
  state: maybe(str),
  signatureType: maybe(str),
  signatureStartDate: maybe(date),
  signatureEndDate: maybe(date),
  publishedAt: maybe(date),
  onlineVotes: maybe(count),
  offlineVotes: maybe(count),
  initiativeVotesCount: maybe(count),
  initiativeSupportsCount: maybe(count),
});
export type RawInitiative = Infer<typeof InitiativeRawSchema>;

// A node that fails its check is a `Rejected` in its place: the page goes on without it.
const PageOf = <T>(node: Check<T>) =>
  object({
    pageInfo: object({ hasNextPage: bool, endCursor: maybe(str) }),
    edges: array(maybe(object({ node: maybe(orRejected(node, 'item')) }))),
  });

const componentOf = <T>(node: Check<T>) =>
  object({ id, __typename: maybe(str), list: maybe(PageOf(node)), item: maybe(node) });

export const spaceResponse = <T>(node: Check<T>) =>
  object({
    space: maybe(object({ id, slug: maybe(str), components: maybe(array(maybe(componentOf(node)))) })),
  });
export const componentResponse = <T>(node: Check<T>) => object({ component: maybe(componentOf(node)) });
export const InitiativesResponse = object({
  initiatives: maybe(array(maybe(orRejected(InitiativeRawSchema, 'initiative')))),
});
export const InitiativeResponse = object({ initiative: maybe(InitiativeRawSchema) });
export const VoteResponse = object({
  component: maybe(object({ proposal: maybe(object({ vote: maybe(object({ id, voteCount: maybe(count) })) })) })),
});

const TypeFields = maybe(object({ fields: maybe(array(object({ name: str }))) }));
export const IntrospectionResponse = object({
  proposal: TypeFields,
  meeting: TypeFields,
  initiative: TypeFields,
  localizedString: TypeFields,
  proposalMutation: TypeFields,
});

export { parseDecidim } from './check.js';

// ─── mapping ──────────────────────────────────────────────────────────────────────────────────

export interface MapContext {
  /** Wanted locale, then fallbacks, most wanted first. */
  locales: readonly string[];
  /** The instance's base URL (links are resolved against it). */
  base: string;
  source: { name: string; url: string };
  statusMap: Readonly<Record<string, InitiativeStatus>>;
  goal: number | undefined;
  /** `votes` (default) or `likes` (endorsements on older versions) as the supporters count. */
  supporters: 'votes' | 'likes';
  bounds: BBox | undefined;
  now: number;
  /** Where the item lives, for links when the instance does not send a `url`. */
  spacePath?: string | undefined;
  componentId?: string | undefined;
}

interface Picked {
  text: string;
  locale: string;
  machine: boolean;
}

/** The text of a translated field in the best locale: human text first, then machine translation. */
export function pickTranslation(field: TranslatedField, locales: readonly string[]): Picked | undefined {
  const all = (field?.translations ?? []).filter(
    (t): t is NonNullable<typeof t> & { text: string } => !!t && typeof t.text === 'string' && t.text.trim() !== '',
  );
  if (!all.length) return undefined;
  const lang = (l: string) => l.toLowerCase().split(/[-_]/)[0];
  const find = (pred: (t: (typeof all)[number]) => boolean) => all.find(pred);
  for (const wanted of locales) {
    const w = wanted.toLowerCase();
    const hit =
      find((t) => t.locale.toLowerCase() === w && !t.machineTranslated) ??
      find((t) => t.locale.toLowerCase() === w) ??
      find((t) => lang(t.locale) === lang(w) && !t.machineTranslated) ??
      find((t) => lang(t.locale) === lang(w));
    if (hit) return { text: hit.text, locale: hit.locale, machine: !!hit.machineTranslated };
  }
  const any = find((t) => !t.machineTranslated) ?? all[0]!;
  return { text: any.text, locale: any.locale, machine: !!any.machineTranslated };
}

const DEFAULT_PROPOSAL_STATES: Record<string, InitiativeStatus> = {
  '': 'proposed',
  not_answered: 'proposed',
  published: 'proposed',
  evaluating: 'proposed',
  accepted: 'active',
  rejected: 'closed',
  withdrawn: 'closed',
  // Custom states (0.28+) that say the work is done.
  implemented: 'completed',
  completed: 'completed',
  executed: 'completed',
  done: 'completed',
};
const DEFAULT_INITIATIVE_STATES: Record<string, InitiativeStatus> = {
  created: 'proposed',
  validating: 'proposed',
  published: 'active',
  open: 'active',
  accepted: 'completed',
  rejected: 'closed',
  discarded: 'closed',
  closed: 'closed',
};

/** A point from Decidim's `coordinates{latitude,longitude}`: missing → none; swapped → put right when it is certain. */
export function mapCoordinates(
  c: Infer<typeof Coordinates>,
  address: string | undefined,
  bounds: BBox | undefined,
  what: string,
): Place | undefined {
  const lat = c?.latitude;
  const lng = c?.longitude;
  if (typeof lat !== 'number' || typeof lng !== 'number') return undefined;
  // (0, 0) is where a failed geocoding lands, not a place in the Gulf of Guinea.
  if (lat === 0 && lng === 0) return undefined;
  const isLat = (x: number) => Math.abs(x) <= 90;
  const isLng = (x: number) => Math.abs(x) <= 180;
  const ok = (a: number, b: number) => isLat(a) && isLng(b);
  const at = (la: number, ln: number): Place => ({
    lat: la,
    lng: ln,
    precision: 'exact',
    ...(address ? { address: clip(address, 500) } : {}),
  });
  if (ok(lat, lng)) {
    // Inside the range either way round: only the host's area can tell a swapped pair.
    if (bounds && !inBBox({ lat, lng }, bounds) && inBBox({ lat: lng, lng: lat }, bounds)) return at(lng, lat);
    return at(lat, lng);
  }
  if (ok(lng, lat)) return at(lng, lat);
  const field = isLat(lat) ? 'longitude' : 'latitude';
  throw new CivicError(
    'invalid-response',
    `The backend sent a malformed Decidim ${what} (coordinates.${field}: ${field === 'latitude' ? lat : lng} is out of range)`,
  );
}

const plain = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/**
 * Decidim's rich text as plain text. Hashtags and mentions are stored as global ids
 * (`gid://app/Decidim::Hashtag/3/_trees`, `gid://app/Decidim::User/12`): a hashtag becomes `#trees`,
 * other ids are left out.
 */
export const decidimText = (html: string) =>
  globalIds(htmlToText(html))
    .replace(/[^\S\n]{2,}/g, ' ')
    .trim();

/** Hashtag ids as `#name`; other global ids left out. */
const globalIds = (s: string) =>
  s
    .replace(/gid:\/\/[^\s/<>"]+\/Decidim::Hashtag\/\d+\/_?([\p{L}\p{N}_-]+)/gu, '#$1')
    .replace(/gid:\/\/[^\s/<>"]+\/Decidim::[\w:]+\/\d+(\/_?[\p{L}\p{N}_-]+)?/gu, '');

/**
 * Decidim's rich text as the HTML it is (paragraphs, lists, links) for the elements' sanitizer, with
 * global ids as in `decidimText`; none when it has no markup or is longer than the model allows (the
 * text stays).
 */
export const decidimHtml = (html: string): string | undefined =>
  /<[a-z!/]/i.test(html) && html.length <= 200_000 ? globalIds(html).trim() : undefined;

/** An absolute http(s) link: paths are the instance's own (`/profiles/ana`), under its base URL. */
function link(path: string | null | undefined, base: string): string | undefined {
  const p = path?.trim();
  if (!p) return undefined;
  const absolute = p.startsWith('/') && !p.startsWith('//') ? `${base}${p}` : p;
  const url = /^https?:\/\//i.test(absolute) ? safeUrl(absolute) : undefined;
  return url && url.length <= 2048 ? url : undefined;
}

function tagsOf(
  item: { taxonomies?: unknown; category?: unknown; scope?: unknown },
  ctx: MapContext,
  extra: NamedValue[] = [],
): string[] {
  const named = [
    ...((item.taxonomies as (NamedValue | null)[] | null | undefined) ?? []),
    item.category as NamedValue | null | undefined,
    item.scope as NamedValue | null | undefined,
    ...extra,
  ];
  const tags: string[] = [];
  for (const n of named) {
    const text = plain(pickTranslation(n?.name, ctx.locales)?.text);
    if (text && !tags.includes(clip(text, 100))) tags.push(clip(text, 100));
  }
  return tags;
}

function organiser(a: Infer<typeof Author>, ctx: MapContext): Initiative['organiser'] | undefined {
  const name = plain(a?.name) || plain(a?.nickname);
  if (!name) return undefined;
  const url = link(a?.profilePath, ctx.base);
  return { name: clip(name, 300), ...(url ? { url } : {}) };
}

/** Title, summary, body, language and the machine-translation mark from translated fields. */
function texts(title: TranslatedField, body: TranslatedField, ctx: MapContext, what: string) {
  const t = pickTranslation(title, ctx.locales);
  const titleText = t ? plain(t.text) : '';
  if (!titleText)
    throw new CivicError(
      'invalid-response',
      `The backend sent a malformed Decidim ${what} (title: no text in any language)`,
    );
  const b = pickTranslation(body, ctx.locales);
  const bodyText = b ? decidimText(b.text) : '';
  const bodyHtml = bodyText && b ? decidimHtml(b.text) : undefined;
  return {
    title: titleText,
    ...(bodyText ? { summary: firstParagraph(bodyText, 300), body: clip(bodyText, 100_000) } : {}),
    ...(bodyHtml ? { bodyHtml } : {}),
    language: (b ?? t)!.locale.slice(0, 35),
    machineTranslated: !!t?.machine || !!b?.machine,
  };
}

/** Run the core check on a mapped item; its message names the Decidim item. */
function finish(input: InitiativeInput, what: string): Initiative {
  try {
    return parseInitiative(input);
  } catch (e) {
    if (e instanceof CivicError) throw new CivicError(e.code, `${what}: ${e.message}`, { cause: e.cause });
    throw e;
  }
}

const stateOf = (state: string | null | undefined, defaults: Record<string, InitiativeStatus>, ctx: MapContext) => {
  const key = (state ?? '').trim().toLowerCase();
  return ctx.statusMap[key] ?? defaults[key];
};

export function mapProposal(p: RawProposal, ctx: MapContext): Initiative {
  const what = `proposal ${p.id}`;
  const status: InitiativeStatus =
    p.withdrawn || p.withdrawnAt ? 'closed' : (stateOf(p.state, DEFAULT_PROPOSAL_STATES, ctx) ?? 'proposed');
  const count = ctx.supporters === 'likes' ? (p.likesCount ?? p.endorsementsCount) : p.voteCount;
  const address = plain(p.address);
  const place = mapCoordinates(p.coordinates, address, ctx.bounds, what);
  const url =
    link(p.url, ctx.base) ??
    (ctx.spacePath && ctx.componentId
      ? link(
          `${ctx.spacePath}/f/${encodeURIComponent(ctx.componentId)}/proposals/${encodeURIComponent(p.id)}`,
          ctx.base,
        )
      : undefined);
  const org = p.official ? { name: ctx.source.name, url: ctx.source.url } : organiser(p.author, ctx);
  return finish(
    {
      id: p.id,
      ...texts(p.title, p.body, ctx, what),
      status,
      tags: tagsOf(p, ctx),
      ...(place ? { place } : {}),
      // A hidden count (null) is left out, never shown as 0.
      ...(typeof count === 'number' ? { supporters: { count, ...(ctx.goal ? { goal: ctx.goal } : {}) } } : {}),
      ...(p.publishedAt ? { startsAt: p.publishedAt } : {}),
      ...(url ? { url } : {}),
      ...(org ? { organiser: org } : {}),
      source: ctx.source,
    },
    `Decidim ${what}`,
  );
}

export function mapMeeting(m: RawMeeting, ctx: MapContext): Initiative {
  const what = `meeting ${m.id}`;
  const end = Date.parse(m.endTime);
  const status: InitiativeStatus =
    m.isWithdrawn || m.withdrawn ? 'closed' : m.closed || end < ctx.now ? 'completed' : 'active';
  const location = pickTranslation(m.location, ctx.locales);
  const address = [plain(location?.text), plain(m.address)].filter(Boolean).join(', ');
  const place = mapCoordinates(m.coordinates, address, ctx.bounds, what);
  const url =
    link(m.url, ctx.base) ??
    (ctx.spacePath && ctx.componentId
      ? link(`${ctx.spacePath}/f/${encodeURIComponent(ctx.componentId)}/meetings/${encodeURIComponent(m.id)}`, ctx.base)
      : undefined);
  const org = organiser(m.author, ctx);
  return finish(
    {
      id: m.id,
      ...texts(m.title, m.description, ctx, what),
      status,
      tags: tagsOf(m, ctx),
      ...(place ? { place } : {}),
      startsAt: m.startTime,
      endsAt: m.endTime,
      ...(url ? { url } : {}),
      ...(org ? { organiser: org } : {}),
      source: ctx.source,
    },
    `Decidim ${what}`,
  );
}

export function mapInitiative(i: RawInitiative, ctx: MapContext): Initiative {
  const what = `initiative ${i.id}`;
  const status = stateOf(i.state, DEFAULT_INITIATIVE_STATES, ctx) ?? 'proposed';
  const online = i.onlineVotes ?? i.initiativeVotesCount ?? i.initiativeSupportsCount ?? undefined;
  const offline = i.offlineVotes ?? undefined;
  const count = online === undefined && offline === undefined ? undefined : (online ?? 0) + (offline ?? 0);
  const url = link(i.url, ctx.base) ?? link(`/initiatives/${encodeURIComponent(i.slug ?? `i-${i.id}`)}`, ctx.base);
  const org = organiser(i.author, ctx);
  return finish(
    {
      id: i.id,
      ...texts(i.title, i.description, ctx, what),
      status,
      tags: tagsOf({ scope: i.scope }, ctx),
      ...(count !== undefined ? { supporters: { count, ...(ctx.goal ? { goal: ctx.goal } : {}) } } : {}),
      ...(i.signatureStartDate ? { startsAt: i.signatureStartDate } : {}),
      ...(i.signatureEndDate ? { endsAt: i.signatureEndDate } : {}),
      ...(url ? { url } : {}),
      ...(org ? { organiser: org } : {}),
      source: ctx.source,
    },
    `Decidim ${what}`,
  );
}
