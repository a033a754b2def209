/**
 * The hardening harness: every element × every state, described once and used by every check (strict
 * CSP page, axe sweep, XSS corpus, accessibility criteria, privacy, other engines).
 *
 * Nothing here may import Civic Kit at run time: the same descriptions render the elements from the
 * workspace sources (tests) and from the built CDN bundle (the strict-CSP page, WebKit). What a state
 * needs from the library (the memory adapter, `CivicError`) comes in through `ctx.kit`.
 */
import type {
  CivicAdapter,
  CivicError,
  CivicErrorCode,
  CivicErrorOptions,
  MemoryAdapter,
  MemoryAdapterOptions,
} from '@civic-kit/core';

/** The part of the library the harness uses: `@civic-kit/elements` or the CDN bundle's exports. */
export interface Kit {
  MemoryAdapter: new (options?: MemoryAdapterOptions) => MemoryAdapter;
  CivicError: new (code: CivicErrorCode, message: string, options?: CivicErrorOptions) => CivicError;
}

export interface StateContext {
  kit: Kit;
  /** The document the state is built in (a frame's own in the strict-CSP page). */
  doc: Document;
  /** A same-origin asset URL (images must not come from another host: privacy and `img-src 'self'`). */
  asset(name: string): string;
}

/** What a state builds: `root` goes into the page; `el` is the element under test inside it. */
export interface Built {
  root: HTMLElement;
  el: HTMLElement;
  /** Lets a held adapter call go on (states that must be left busy never call it). */
  release?: () => void;
}

export interface ElementState {
  /** Short, unique per element: `loading`, `support-failed`… */
  name: string;
  build(ctx: StateContext): Built;
  /** User actions that bring the element into this state once it is in the page (a click, typing). */
  act?(built: Built): Promise<void> | void;
  /** True when the element shows this state. */
  ready(built: Built): boolean;
  /** axe rules switched off for this state, each with the reason (the issue asks for it written down). */
  axeExceptions?: Record<string, string>;
  /** Leave this state out of the strict-CSP page and the engine smoke tests, with the reason. */
  skipInPage?: string;
  /**
   * Criteria this state is known to fail today, each with the element bug (file, cause). The check
   * still runs: it is reported as pending while it fails, and fails once it passes (remove the entry).
   */
  knownIssues?: Partial<Record<Criterion, string>>;
}

/** The per-state checks of test/hardening/states.test.ts and a11y-criteria.test.ts. */
export type Criterion = 'words' | 'axe' | 'target-size' | 'keyboard' | 'reflow' | 'forced-colors' | 'reduced-motion';

/**
 * Hostile data fed through the element: `model` puts `text` in every text field and `url` in every URL
 * field of a model object; the element then gets it once as a property and once from an adapter that
 * does not validate (a careless community adapter).
 */
export interface HostileFeed {
  model(text: string, url: string): unknown;
  viaProperty(data: unknown, ctx: StateContext): Built;
  /** From an adapter: by default one that validates nothing (`careless(data)`), or the one given. */
  viaAdapter(data: unknown, ctx: StateContext, adapter?: CivicAdapter): Built;
  /** The element has finished with the data: shown it, or shown an error instead. */
  settled(built: Built): boolean;
  /** It shows the data (rather than an error), so every text field must appear verbatim as text. */
  shown(built: Built): boolean;
}

/** A live region must exist before the change it announces, and then say it. */
export interface Announcement {
  name: string;
  /** The state the user starts in (by name). */
  from: string;
  /** Selector (in the element's shadow root) of the live region; it must be there before `act`. */
  region: string;
  act(built: Built): Promise<void> | void;
  /** Text the region holds once the change happened. */
  says: RegExp;
}

export interface ElementHarness {
  tag: string;
  /** The element's written criteria: `docs/accessibility/<tag>.md`. */
  criteria: string;
  states: ElementState[];
  hostile?: HostileFeed;
  announcements?: Announcement[];
  /**
   * Regions that need two-dimensional layout for their meaning (a map's panes): WCAG 1.4.10 exempts
   * them from reflow, so what they clip is not checked for sticking out. A CSS selector.
   */
  twoDimensional?: string;
  /**
   * Known element bugs that break the strict-CSP page (`csp`), with the cause. Its states are then
   * rendered after the count that must be 0, and their violations reported apart; the test fails once
   * they render cleanly, so the entry is removed with the fix.
   *
   * The robustness checks (test/hardening/robustness-*.test.ts) read two more, each with the cause:
   * `flexRow`, the element collapses when the page puts it in a shrink-to-fit box (a flex row); `leaks`,
   * mounting and removing it leaves listeners, timers, subscriptions or memory behind. Their checks keep
   * running, reported as pending while they fail and failing once they pass.
   */
  knownIssues?: { csp?: string; flexRow?: string; leaks?: string };
  /**
   * A confirmed sign-up with this name and email, for the privacy check of what stays in storage.
   * Resolves once the element shows the confirmation.
   */
  signUp?(ctx: StateContext, person: { name: string; email: string; message: string }): Promise<Built>;
}
