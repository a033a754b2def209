/**
 * The one interface every backend speaks to Civic Kit through. See docs/adr/0001-adapter-contract.md.
 */
import type { CivicError } from './errors.js';
import type { Initiative, InitiativeSort, InitiativeStatus, Page } from './model.js';
import type { Ballot, Poll } from './poll-model.js';
import type { Interest, Matches, PlaceMatch, SignupForm, SignupInput } from './signup-model.js';

export const CAPABILITIES = [
  'list-initiatives',
  'get-initiative',
  'support-initiative',
  'get-poll',
  'vote',
  /** The backend lets a voter replace their ballot while the poll is open. */
  'change-vote',
  'list-interests',
  'find-others',
  /** The backend can turn a typed town or postcode into places (`findPlaces`). */
  'find-places',
  'subscribe',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

export interface CallOptions {
  signal?: AbortSignal | undefined;
  /** BCP 47 locale the caller would like translated content in. */
  locale?: string | undefined;
  /** The host's voter token, so reads can say what this person did (`myBallot`, `supportedByMe`). */
  voter?: VoterToken | undefined;
}

/** A token the host site issues to identify a voter (signed by the host; opaque to Civic Kit). */
export type VoterToken = string;

export interface WriteOptions extends CallOptions {
  /** Chosen once per ballot / support / sign-up by the element, reused on every retry. */
  idempotencyKey: string;
}

/** A box of south-west and north-east corners: `[west, south, east, north]` in degrees. */
export type BBox = readonly [west: number, south: number, east: number, north: number];

export interface InitiativeQuery {
  /** Free text, matched against title, summary, tags and place. */
  q?: string | undefined;
  /** Every tag listed must be present. */
  tags?: readonly string[] | undefined;
  status?: readonly InitiativeStatus[] | undefined;
  near?: { lat: number; lng: number } | undefined;
  /** With `near`: only initiatives within this many kilometres. */
  radiusKm?: number | undefined;
  bbox?: BBox | undefined;
  sort?: InitiativeSort | undefined;
  cursor?: string | undefined;
  /** Page size; adapters may cap it. */
  limit?: number | undefined;
}

export type Topic = { kind: 'poll'; id: string } | { kind: 'initiative'; id: string };
export type ChangeEvent =
  { kind: 'poll'; id: string; poll: Poll } | { kind: 'initiative'; id: string; initiative: Initiative };

export interface CivicAdapter {
  /** What this backend can do; elements hide actions it cannot. */
  readonly capabilities: ReadonlySet<Capability>;
  listInitiatives(query: InitiativeQuery, options?: CallOptions): Promise<Page<Initiative>>;
  getInitiative(id: string, options?: CallOptions): Promise<Initiative>;
  supportInitiative?(id: string, options: WriteOptions): Promise<Initiative>;
  getPoll(id: string, options?: CallOptions): Promise<Poll>;
  vote?(pollId: string, ballot: Ballot, options: WriteOptions): Promise<Poll>;
  listInterests?(options?: CallOptions): Promise<Interest[]>;
  findOthers?(signup: SignupInput, options: WriteOptions): Promise<Matches>;
  /** A fresh sign-up form (stamp, shortest fill time, consent words), fetched each time a form is shown. */
  signupForm?(options?: CallOptions): Promise<SignupForm>;
  /** Places whose name matches a typed town or postcode, best first; none when nothing matches. */
  findPlaces?(text: string, options?: CallOptions): Promise<PlaceMatch[]>;
  /** Live changes; returns the unsubscribe function. */
  subscribe?(topic: Topic, onEvent: (event: ChangeEvent) => void): () => void;
  /**
   * Release what the adapter holds open (channels, timers, sockets). `<civic-provider>` calls it on an
   * adapter it built from its attributes once it no longer uses it; a host disposes its own adapters.
   */
  dispose?(): void;
}

export const can = (adapter: CivicAdapter | undefined, capability: Capability): boolean =>
  adapter?.capabilities.has(capability) ?? false;

/** A fresh key for one write (kept by the element across retries). */
export const newIdempotencyKey = (): string =>
  globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** Stands in for a data source that could not be set up: every call fails with `error`, visibly. */
export function unavailableAdapter(error: CivicError): CivicAdapter {
  const fail = () => Promise.reject(error);
  return { capabilities: new Set(), listInitiatives: fail, getInitiative: fail, getPoll: fail };
}
