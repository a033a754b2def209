import {
  CivicDataElement,
  CivicError,
  CivicSignupDoneEvent,
  CivicSignupEvent,
  WriteController,
  can,
  checkListAttribute,
  listConverter,
  listProblemStyles,
  readString,
  coarsen,
  SEND_TIMEOUT_SECONDS,
  locate,
  lookUpPlaces,
  newIdempotencyKey,
  parseInterests,
  parseMatches,
  parseSignup,
  parseSignupForm,
  safeUrl,
  signupTrapped,
  toCivicError,
  type Consent,
  type Outbox,
  type Interest,
  type LocalizeController,
  type Matches,
  type PlaceMatch,
  type SignupForm,
  type SignupInput,
} from '@civic-kit/core';
import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { errorText } from '../shared/error-message.js';
import { errorSummary, errorSummaryStyles } from '../shared/error-summary.js';
import { heading, headingLevel, type HeadingLevel } from '../shared/heading.js';
import { sharedStyles } from '../shared/shared.styles.js';
import type { CivicTranslation } from '../translations/translation.js';
import { findTheOthersStyles } from './find-the-others.styles.js';
import type { FindTheOthersStrings } from './find-the-others.strings.js';

/** What the place field asks for; decides its label and its `autocomplete` token. */
export const PLACE_INPUTS = ['postcode-or-town', 'postcode', 'town'] as const;
export type PlaceInput = (typeof PLACE_INPUTS)[number];

/** The distances offered, in kilometres (a `radius-km` outside the list is added to it). */
export const RADIUS_CHOICES_KM = [1, 2, 5, 10, 25, 50, 100] as const;

/** One purpose a person can consent to, with the exact words they are shown. */
export interface ConsentPurpose {
  /** Purpose id recorded in the receipt, e.g. `connect`, `share-with-groups`, `news`. */
  purpose: string;
  /** The exact words shown next to the checkbox (and recorded in the receipt). */
  text: string;
  /** Version of this wording, recorded in the receipt. */
  version: string;
  /** The sign-up cannot be sent without it (the consent the matching itself rests on). */
  required?: boolean;
  /** The organisations that rely on this consent; defaults to the element's `organisations`. */
  organisations?: readonly string[];
}

/** The fields, in the order of the form (and of the error summary). */
const FIELDS = ['name', 'email', 'place', 'radius', 'interests', 'message', 'consent'] as const;
type Field = (typeof FIELDS)[number];

const MAX = { name: 200, email: 254, place: 200, message: 2000 } as const;
/** The shape the sign-up schema accepts, closely enough to catch a typo before the server does. */
const EMAIL = /^[^\s@"(),:;<>[\\\]]+@[^\s@"(),:;<>[\\\]]+\.[^\s@"(),:;<>[\\\]]+$/u;
const DEFAULT_VERSION = 'civic-kit-1';
/** A queued sign-up (name, email, place) is kept unsent for 24 hours at most. */
const SIGNUP_KEPT_MS = 24 * 3_600_000;

interface Values {
  name: string;
  email: string;
  place: string;
  radiusKm: number;
  interests: string[];
  message: string;
  consents: string[];
  trap: string;
}

type Locating = 'pending' | 'denied' | 'unavailable' | undefined;

/**
 * One cause of the `interests` attribute: `"id: Label"` or a label alone (its id made from it) in
 * either list form, or `{"id": …, "label": …}` in JSON.
 */
function readInterest(item: unknown): Interest | undefined {
  if (item && typeof item === 'object') {
    const { id, label } = item as Record<string, unknown>;
    return typeof id === 'string' && id.trim() && typeof label === 'string' && label.trim()
      ? { id: id.trim(), label: label.trim() }
      : undefined;
  }
  if (typeof item !== 'string' || !item.trim()) return undefined;
  const colon = item.indexOf(':');
  const label = (colon > 0 ? item.slice(colon + 1) : item).trim();
  const slug = label
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
  return label ? { id: colon > 0 ? item.slice(0, colon).trim() : slug || label, label } : undefined;
}

/** One consent purpose of the `consents` attribute (JSON objects only: the exact words are needed). */
function readConsent(item: unknown): ConsentPurpose | undefined {
  if (!item || typeof item !== 'object') return undefined;
  const c = item as Record<string, unknown>;
  return typeof c['purpose'] === 'string' && typeof c['text'] === 'string' && typeof c['version'] === 'string'
    ? (c as unknown as ConsentPurpose)
    : undefined;
}

/**
 * The "find the others" sign-up: name, email, place (typed, or the person's location on request,
 * rounded to about 1 km unless they choose exact), distance, the causes they care about, an optional
 * message and granular consent. Validation the GOV.UK way (on submit, an error summary that takes focus,
 * inline messages, nothing cleared). Once sent, a results panel says how many people nearby share each
 * interest and shows nearby initiatives: never anyone else's details.
 *
 * A sign-up that cannot be sent (offline, network failure) waits in this browser's storage for 24 hours
 * at most and is sent again by itself, once, while the page is open or when it is back online. A honeypot field and a minimum fill time stop scripted sign-ups
 * silently, with no third-party captcha.
 *
 * ```html
 * <civic-provider adapter="memory">
 *   <civic-find-the-others organisations="Bristol Transition Town, Bristol Civic Square"></civic-find-the-others>
 * </civic-provider>
 * ```
 *
 * @tagname civic-find-the-others
 * @summary A sign-up form that connects people who care about the same cause nearby.
 *
 * @fires civic-signup - Cancelable. Before the sign-up is sent or queued (`signup`, `idempotencyKey`); `preventDefault()` to handle it yourself.
 * @fires civic-signup-done - After the sign-up was stored (`matches`), finally failed (`error`) or was queued to send later (`queued`); again with `delivered` when sent from the queue.
 * @fires civic-error - The list of causes could not be loaded (`error: CivicError`).
 *
 * @csspart base - The outer wrapper.
 * @csspart form - The `<form>`.
 * @csspart error-summary - "There is a problem", with a link to each field in error.
 * @csspart field - Each question (label, hint, error and control).
 * @csspart label - Each label and legend.
 * @csspart hint - Each hint.
 * @csspart field-error - Each inline error message.
 * @csspart input - The text inputs, the select and the textarea.
 * @csspart checkbox - The checkboxes.
 * @csspart locate-button - "Use my location".
 * @csspart location - What the place is once the location is used.
 * @csspart place-choices - The places that match what was typed, when several do, to pick one from.
 * @csspart radio - Each of those places' radio button.
 * @csspart submit-button - The submit button.
 * @csspart message - Sending, queued and failure messages.
 * @csspart results - The panel shown once signed up.
 * @csspart shared-interests - The list of counts per interest.
 * @csspart initiatives - The list of nearby initiative cards.
 * @csspart receipt - What the person agreed to, as the data source recorded it (when it says).
 *
 * @cssprop --civic-signup-max-width - Widest the form grows (default `40em`).
 * @cssprop --civic-signup-error-color - Error summary and field error accents (default `--civic-color-danger`).
 * @cssprop --civic-color-action - Buttons, links and checkboxes.
 * @cssprop --civic-color-surface - Inputs and the results panel.
 * @cssprop --civic-color-text - Body text and input borders.
 * @cssprop --civic-color-text-muted - Hints.
 * @cssprop --civic-color-danger - Errors.
 * @cssprop --civic-color-success - The results panel's accent.
 * @cssprop --civic-radius-m - Corner radius.
 * @cssprop --civic-space-m - Spacing.
 */
export class CivicFindTheOthers extends CivicDataElement {
  static override styles: CSSResultGroup = [
    CivicDataElement.styles,
    sharedStyles,
    errorSummaryStyles,
    findTheOthersStyles,
    listProblemStyles,
  ];

  /**
   * The causes to choose from. Attribute: a list (JSON array, or items separated by commas) of
   * `id: Label` pairs or labels alone (`interests="food, energy: Community energy"`). Unset: the
   * adapter's list of interests.
   */
  @property({ attribute: 'interests', converter: listConverter(readInterest) })
  interests: Interest[] | undefined;

  /**
   * Names of the organisations that rely on the consent given here. Attribute: a JSON array, or names
   * separated by commas.
   */
  @property({ attribute: 'organisations', converter: listConverter(readString) })
  organisations: string[] | undefined;

  /** Version of the consent wording, recorded in every receipt (change it whenever the wording changes). */
  @property({ type: String, attribute: 'consent-version' })
  consentVersion: string | undefined;

  /**
   * Use explicit-consent wording (joining a cause can reveal political opinions or beliefs: special
   * category data under the GDPR).
   */
  @property({ type: Boolean, attribute: 'explicit-consent' })
  explicitConsent = false;

  /**
   * The consent purposes and their exact words, replacing the defaults (`connect` required,
   * `share-with-groups` and `news` optional). As an attribute: JSON.
   */
  @property({ attribute: 'consents', converter: listConverter(readConsent) })
  consents: ConsentPurpose[] | undefined;

  /** Link to the site's privacy notice, shown with the consent questions. */
  @property({ type: String, attribute: 'privacy-url' })
  privacyUrl: string | undefined;

  /** What the place field asks for: `postcode-or-town`, `postcode` or `town`. */
  @property({ type: String, attribute: 'place-input' })
  placeInput: PlaceInput = 'postcode-or-town';

  /** The distance selected at first, in kilometres. */
  @property({ type: Number, attribute: 'radius-km' })
  radiusKm = 5;

  /** Level of the results and error summary headings, to fit the page's outline (2–6). */
  @property({ type: Number, attribute: 'heading-level' })
  headingLevel: HeadingLevel = 2;

  /**
   * Storage key of the offline queue. Forms on one site that send to different data sources need
   * different keys, so a queued sign-up is only ever sent where it was meant to go.
   */
  @property({ type: String, attribute: 'outbox-key' })
  outboxKey = 'civic-kit:outbox';

  /** Where a sign-up waits while it cannot be sent, when not the page's queue under `outbox-key`. */
  @property({ attribute: false })
  outbox: Outbox | undefined;

  /**
   * A sign-up sent sooner than this after the form appeared is silently dropped (a script, not a person).
   * Where the data source serves a sign-up form (`signupForm`), its shortest fill time counts instead,
   * from when its form arrived: the rule the data source itself enforces.
   */
  @property({ type: Number, attribute: 'min-fill-seconds' })
  minFillSeconds = 3;

  /**
   * Seconds to wait for the data source to answer a sign-up; with no answer by then it is queued and sent
   * again with the same key (stored once). Not a positive number: wait as long as it takes.
   */
  @property({ type: Number, attribute: 'send-timeout' })
  sendTimeout: number = SEND_TIMEOUT_SECONDS;

  declare protected readonly localize: LocalizeController<CivicTranslation & FindTheOthersStrings>;

  /** Looking the place up, before the sign-up is sent: already busy. */
  @state() private preparing = false;
  @state() private found: Matches | undefined;
  @state() private errors: Partial<Record<Field, string>> = {};
  /** Field messages from the data source for fields this form does not have. */
  @state() private otherErrors: string[] = [];
  @state() private located: { lat: number; lng: number } | undefined;
  @state() private exact = false;
  @state() private locating: Locating;
  /** The places that matched what was typed, when more than one did, and which one is chosen. */
  @state() private placeChoices: { text: string; matches: PlaceMatch[]; chosen?: number } | undefined;

  /** What the person has entered (kept through every failure). Not reactive: the inputs hold it. */
  private values: Values = {
    name: '',
    email: '',
    place: '',
    radiusKm: 5,
    interests: [],
    message: '',
    consents: [],
    trap: '',
  };
  /** The distance and interest labels of the sign-up the results are about. */
  private resultsFor: { radiusKm: number; labels: Map<string, string> } | undefined;
  /** The sign-up on its way, queued, stored or refused. */
  private readonly writes = new WriteController<SignupInput, Matches>(this, {
    kind: 'signup',
    target: () => 'signup',
    voter: () => this.voter,
    timeout: () => this.sendTimeout,
    outbox: () => this.outbox,
    storageKey: () => this.outboxKey,
    ready: () => !!this.adapter?.findOthers && can(this.adapter, 'find-others'),
    send: async (signup, o) =>
      parseMatches(await this.adapter!.findOthers!(signup, { ...o, locale: this.localize.lang() })),
    expires: () => Date.now() + SIGNUP_KEPT_MS,
    delivered: (w, matches, end) => {
      if (end.mine) this.succeed(w.payload, matches);
      this.dispatchEvent(new CivicSignupDoneEvent(w.key, matches, { delivered: end.fromQueue }));
    },
    failed: (w, error, end) => {
      this.dispatchEvent(new CivicSignupDoneEvent(w.key, undefined, { error, delivered: end.fromQueue }));
      if (end.mine) this.fail(error);
    },
    queued: (w, error) => this.dispatchEvent(new CivicSignupDoneEvent(w.key, undefined, { queued: true, error })),
    deliveredElsewhere: () => this.writes.reset(),
    restored: (w) => {
      this.restore(w.payload);
      this.key = w.key;
    },
  });
  private get phase() {
    return this.preparing ? 'sending' : this.writes.phase;
  }
  /** One key per sign-up, reused on every retry and by the offline queue until it is stored: stored once. */
  private key: string | undefined;
  private shownAt = 0;
  private focusNext: 'summary' | 'results' | 'location' | 'place-choices' | undefined;

  private readonly interestsTask = new Task(this, {
    task: async ([adapter, locale], { signal }): Promise<Interest[]> => {
      if (!adapter?.listInterests || !can(adapter, 'list-interests')) return [];
      try {
        return parseInterests(await adapter.listInterests({ signal, locale }));
      } catch (e) {
        const error = toCivicError(e);
        if (error.code !== 'aborted') this.reportError(error);
        throw error;
      }
    },
    args: () => [this.interests === undefined ? this.adapter : undefined, this.localize.lang()] as const,
  });

  /** Bumped when a form's stamp is used up (a sign-up stored, or the stamp refused): a new form is fetched. */
  @state() private formRound = 0;
  /** The data source's form for this showing (stamp, shortest fill time, consent words), and when it came. */
  private readonly formTask = new Task(this, {
    task: async ([adapter], { signal }): Promise<{ form: SignupForm; at: number } | undefined> => {
      if (!adapter?.signupForm || !can(adapter, 'find-others')) return undefined;
      try {
        return { form: parseSignupForm(await adapter.signupForm({ signal })), at: performance.now() };
      } catch (e) {
        // No form (an older server, offline): the sign-up goes without a stamp, checked by our own rule.
        if (toCivicError(e).code !== 'aborted') console.warn('<civic-find-the-others>: no sign-up form', e);
        return undefined;
      }
    },
    args: () => [this.adapter, this.formRound] as const,
  });

  /** Aborted when the element leaves the page: ends the wait for a place lookup. */
  private leaving = new AbortController();

  override connectedCallback(): void {
    super.connectedCallback();
    this.leaving = new AbortController();
    this.shownAt = performance.now();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.leaving.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('radiusKm') && this.phase === 'idle') this.values.radiusKm = this.radiusKm;
    if (changed.has('interests')) this.checkInterests();
    if (changed.has('interests')) checkListAttribute(this, 'interests', readInterest);
    if (changed.has('organisations')) checkListAttribute(this, 'organisations', readString);
    if (changed.has('consents')) checkListAttribute(this, 'consents', readConsent);
  }

  /** Causes given by the host: validated once per change; a bad list is an error people can see. */
  private givenInterests: Interest[] | undefined;
  private givenInterestsError: CivicError | undefined;
  private checkInterests(): void {
    this.givenInterests = undefined;
    this.givenInterestsError = undefined;
    if (this.interests === undefined) return;
    try {
      this.givenInterests = parseInterests(this.interests);
    } catch (e) {
      this.givenInterestsError = toCivicError(e);
      console.error('<civic-find-the-others>: the `interests` given are not a valid list of causes.', e);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    // After this update, not during it.
    if (
      changed.has('adapter') ||
      (changed as Map<PropertyKey, unknown>).has('voter') ||
      changed.has('outboxKey') ||
      changed.has('outbox')
    ) {
      // A sign-up this voter left queued (before a reload, say) is shown in the form, and sent.
      this.writes.resume();
    }
    const focus = this.focusNext;
    this.focusNext = undefined;
    if (focus) this.find(`[data-focus="${focus}"]`)?.focus();
  }

  private find<T extends HTMLElement = HTMLElement>(selector: string): T | null {
    return this.renderRoot.querySelector<T>(selector);
  }

  // --- what the form shows -----------------------------------------------------------------------

  /** The causes to offer: the attribute/property, or the adapter's list; undefined while loading. */
  private get interestList(): Interest[] | undefined {
    if (this.interests !== undefined) return this.givenInterests;
    return this.interestsTask.value;
  }

  private get organisationNames(): string {
    const names = this.organisations?.filter(Boolean) ?? [];
    return names.length ? this.localize.list(names) : this.localize.term('signupOrganisersDefault');
  }

  /**
   * The consent questions, with the exact words shown now: the data source's words for each purpose it
   * words (what its receipt records), the element's for the others.
   */
  private get purposes(): ConsentPurpose[] {
    const own = this.ownPurposes;
    const served = this.formTask.value?.form.consents ?? [];
    if (!served.length) return own;
    const words = new Map(served.map((c) => [c.purpose, c]));
    const merged = own.map((p) => {
      const w = words.get(p.purpose);
      return w ? { ...p, text: w.text, version: w.version } : p;
    });
    for (const c of served) if (!own.some((p) => p.purpose === c.purpose)) merged.push({ ...c });
    return merged;
  }

  /** The element's own consent questions: the `consents` given, or the defaults. */
  private get ownPurposes(): ConsentPurpose[] {
    const given = (Array.isArray(this.consents) ? this.consents : []).filter(
      (c): c is ConsentPurpose =>
        typeof c?.purpose === 'string' &&
        !!c.purpose.trim() &&
        typeof c.text === 'string' &&
        !!c.text.trim() &&
        typeof c.version === 'string' &&
        !!c.version.trim(),
    );
    if (given.length) return given;
    const t = this.localize;
    const o = this.organisationNames;
    const version = this.consentVersion || (this.explicitConsent ? `${DEFAULT_VERSION}-explicit` : DEFAULT_VERSION);
    const explicit = this.explicitConsent;
    return [
      {
        purpose: 'connect',
        text: t.term(explicit ? 'signupConsentConnectExplicit' : 'signupConsentConnect', o),
        version,
        required: true,
      },
      {
        purpose: 'share-with-groups',
        text: t.term(explicit ? 'signupConsentShareExplicit' : 'signupConsentShare', o),
        version,
      },
      { purpose: 'news', text: t.term('signupConsentNews', o), version },
    ];
  }

  private get placeLabel(): string {
    const key = {
      'postcode-or-town': 'signupPlace',
      postcode: 'signupPlacePostcode',
      town: 'signupPlaceTown',
    } as const;
    return this.localize.term(key[this.placeInput] ?? 'signupPlace');
  }

  private get radiusChoices(): number[] {
    const wanted = this.values.radiusKm;
    const all = new Set<number>([...RADIUS_CHOICES_KM, ...(wanted > 0 && wanted <= 500 ? [wanted] : [])]);
    return [...all].sort((a, b) => a - b);
  }

  private km(n: number): string {
    return this.localize.number(n, { style: 'unit', unit: 'kilometer', maximumFractionDigits: 1 });
  }

  // --- rendering ---------------------------------------------------------------------------------

  override render(): TemplateResult {
    const dir = this.localize.dir() === 'rtl' ? 'rtl' : 'ltr';
    return html`<div part="base" class="base" dir=${dir}>
      ${this.phase === 'done' && this.found ? this.renderResults(this.found) : this.renderForm()}
    </div>`;
  }

  private heading(level: number, id: string, content: string): TemplateResult {
    return heading(level, content, { id, className: 'heading' });
  }

  private get level(): HeadingLevel {
    return headingLevel(this.headingLevel, 2);
  }

  private renderForm(): TemplateResult {
    const t = this.localize;
    const sending = this.phase === 'sending';
    const submitLabel =
      this.phase === 'queued'
        ? t.term('signupSubmitNow')
        : this.phase === 'failed'
          ? t.term('signupSubmitAgain')
          : t.term('signupSubmit');
    return html`<form
      part="form"
      class="form"
      novalidate
      aria-busy=${sending ? 'true' : 'false'}
      @submit=${this.onSubmit}
      @input=${this.onInput}
      @change=${this.onInput}
    >
      ${this.renderSummary()}
      ${this.renderText('name', t.term('signupName'), { autocomplete: 'name', spellcheck: false })}
      ${this.renderText('email', t.term('signupEmail'), {
        type: 'email',
        autocomplete: 'email',
        spellcheck: false,
        hint: t.term('signupEmailHint'),
      })}
      ${this.renderPlace()} ${this.renderRadius()} ${this.renderInterests()}
      ${this.renderText('message', t.term('signupMessage'), { optional: true, hint: t.term('signupMessageHint') })}
      ${this.renderConsent()} ${this.renderTrap()} ${this.renderOutcome()}
      <div class="actions">
        <button part="submit-button" class="button" type="submit" aria-disabled=${sending ? 'true' : 'false'}>
          ${submitLabel}
        </button>
      </div>
    </form>`;
  }

  private renderSummary(): TemplateResult | typeof nothing {
    const t = this.localize;
    const fields = FIELDS.filter((f) => this.errors[f]);
    if (!fields.length && !this.otherErrors.length) return nothing;
    return errorSummary(t.term('signupErrorSummary'), this.level, [
      ...fields.map((f) => ({
        text: this.errors[f] ?? '',
        href: `#${this.controlId(f)}`,
        onClick: (e: Event) => this.focusField(e, f),
      })),
      ...this.otherErrors.map((text) => ({ text })),
    ]);
  }

  /** The control a summary link moves to: the field itself, or the first box of a group. */
  private controlId(field: Field): string {
    if (field === 'place' && this.located) return 'location';
    if (field === 'place' && this.placeChoices) return 'place-choice-0';
    if (field === 'interests') return 'interest-0';
    if (field === 'consent') {
      const purposes = this.purposes;
      const i = purposes.findIndex((p) => p.required && !this.values.consents.includes(p.purpose));
      return `consent-${Math.max(0, i)}`;
    }
    return field;
  }

  private focusField(e: Event, field: Field): void {
    // The fragment would be looked up in the page, not in this shadow root.
    e.preventDefault();
    const control = this.find(`#${this.controlId(field)}`);
    // Bring the whole question (label and all) into view, as GOV.UK's summary does.
    control?.closest('.field')?.scrollIntoView?.({ block: 'start' });
    control?.focus({ preventScroll: true });
  }

  private describedBy(field: Field, hint: boolean): string | typeof nothing {
    const ids = [hint ? `${field}-hint` : '', this.errors[field] ? `${field}-error` : ''].filter(Boolean);
    return ids.length ? ids.join(' ') : nothing;
  }

  private renderError(field: Field): TemplateResult | typeof nothing {
    const message = this.errors[field];
    if (!message) return nothing;
    return html`<p id="${field}-error" part="field-error" class="error-message">
      <span class="visually-hidden">${this.localize.term('signupErrorPrefix')}${' '}</span>${message}
    </p>`;
  }

  private renderLabel(id: string, label: string, optional = false): TemplateResult {
    return html`<label part="label" class="label" for=${id}
      >${label}${optional ? html`<span class="optional">${` ${this.localize.term('signupOptional')}`}</span>` : nothing}</label
    >`;
  }

  private renderText(
    field: 'name' | 'email' | 'message',
    label: string,
    o: { type?: string; autocomplete?: string; spellcheck?: boolean; hint?: string; optional?: boolean },
  ): TemplateResult {
    const invalid = !!this.errors[field];
    const control =
      field === 'message'
        ? html`<textarea
            id="message"
            name="message"
            part="input"
            class="input textarea"
            rows="4"
            aria-describedby=${this.describedBy(field, !!o.hint)}
            aria-invalid=${invalid ? 'true' : 'false'}
            .value=${live(this.values.message)}
          ></textarea>`
        : html`<input
            id=${field}
            name=${field}
            part="input"
            class="input"
            type=${o.type ?? 'text'}
            autocomplete=${o.autocomplete ?? 'off'}
            spellcheck=${o.spellcheck === false ? 'false' : 'true'}
            aria-describedby=${this.describedBy(field, !!o.hint)}
            aria-invalid=${invalid ? 'true' : 'false'}
            .value=${live(this.values[field])}
          />`;
    return html`<div part="field" class="field ${invalid ? 'field--error' : ''}">
      ${this.renderLabel(field, label, o.optional)}
      ${o.hint ? html`<p id="${field}-hint" part="hint" class="hint">${o.hint}</p>` : nothing}
      ${this.renderError(field)} ${control}
    </div>`;
  }

  private renderPlace(): TemplateResult {
    const t = this.localize;
    const invalid = !!this.errors.place;
    const located = this.located;
    const locateMessage =
      this.locating === 'pending'
        ? html`<p class="hint">${t.term('signupLocating')}</p>`
        : this.locating === 'denied' || this.locating === 'unavailable'
          ? html`<p class="message message--error">
              ${t.term(this.locating === 'denied' ? 'signupLocateDenied' : 'signupLocateUnavailable')}
            </p>`
          : nothing;
    if (located) {
      return html`<div part="field" class="field ${invalid ? 'field--error' : ''}">
        <p part="label" class="label">${this.placeLabel}</p>
        ${this.renderError('place')}
        <div part="location" class="location">
          <p id="location" class="location-status" tabindex="-1" data-focus="location" role="status">
            ${t.term(this.exact ? 'signupLocatedExact' : 'signupLocated')}
          </p>
          <div class="checkbox">
            <input
              id="exact"
              part="checkbox"
              type="checkbox"
              .checked=${live(this.exact)}
              @change=${(e: Event) => (this.exact = (e.target as HTMLInputElement).checked)}
            />
            <label for="exact">${t.term('signupLocateExact')}</label>
          </div>
          <button class="button button--secondary" type="button" @click=${this.clearLocation}>
            ${t.term('signupLocateClear')}
          </button>
        </div>
      </div>`;
    }
    const autocomplete = this.placeInput === 'town' ? 'address-level2' : 'postal-code';
    return html`<div part="field" class="field ${invalid ? 'field--error' : ''}">
      ${this.renderLabel('place', this.placeLabel)}
      <p id="place-hint" part="hint" class="hint">${t.term('signupPlaceHint')}</p>
      ${this.renderError('place')}
      <input
        id="place"
        name="place"
        part="input"
        class="input input--short"
        type="text"
        autocomplete=${autocomplete}
        aria-describedby=${this.describedBy('place', true)}
        aria-invalid=${invalid ? 'true' : 'false'}
        .value=${live(this.values.place)}
      />
      <div class="locate">
        <button
          part="locate-button"
          class="button button--secondary"
          type="button"
          aria-disabled=${this.locating === 'pending' ? 'true' : 'false'}
          @click=${() => void this.locate()}
        >
          ${t.term('signupLocate')}
        </button>
        <div role="status" class="locate-status">${locateMessage}</div>
      </div>
      ${this.renderPlaceChoices()}
    </div>`;
  }

  /** Several places matched what was typed: one radio each, to pick from (GOV.UK's "select an address"). */
  private renderPlaceChoices(): TemplateResult | typeof nothing {
    const choices = this.placeChoices;
    if (!choices) return nothing;
    const t = this.localize;
    const invalid = !!this.errors.place;
    return html`<fieldset part="place-choices" class="place-choices" aria-describedby="place-choices-hint">
      <legend class="label" tabindex="-1" data-focus="place-choices">
        ${t.term('signupPlaceChoose', choices.text)}
      </legend>
      <p id="place-choices-hint" part="hint" class="hint">${t.term('signupPlaceChooseHint')}</p>
      <div class="checkboxes">
        ${choices.matches.map(
          (match, i) =>
            html`<div class="checkbox">
              <input
                id="place-choice-${i}"
                name="place-choice"
                part="radio"
                type="radio"
                value=${i}
                aria-invalid=${invalid ? 'true' : 'false'}
                .checked=${live(choices.chosen === i)}
              />
              <label for="place-choice-${i}">${match.label}</label>
            </div>`,
        )}
      </div>
    </fieldset>`;
  }

  private renderRadius(): TemplateResult {
    const t = this.localize;
    const invalid = !!this.errors.radius;
    return html`<div part="field" class="field ${invalid ? 'field--error' : ''}">
      ${this.renderLabel('radius', t.term('signupRadius'))}
      <p id="radius-hint" part="hint" class="hint">${t.term('signupRadiusHint')}</p>
      ${this.renderError('radius')}
      <select
        id="radius"
        name="radius"
        part="input"
        class="input input--short"
        aria-describedby=${this.describedBy('radius', true)}
        aria-invalid=${invalid ? 'true' : 'false'}
      >
        ${this.radiusChoices.map(
          (km) =>
            html`<option value=${km} .selected=${live(km === this.values.radiusKm)}>
              ${t.term('signupRadiusOption', this.km(km))}
            </option>`,
        )}
      </select>
    </div>`;
  }

  private renderInterests(): TemplateResult | typeof nothing {
    const t = this.localize;
    const interests = this.interestList;
    const invalid = !!this.errors.interests;
    if (this.givenInterestsError) {
      // Retrying cannot mend the host's list: the message alone, and the details in the console.
      return html`<div part="field" class="field">
        <p part="label" class="label">${t.term('signupInterests')}</p>
        <p class="message message--error" role="alert">${t.term('signupInterestsFailed')}</p>
      </div>`;
    }
    if (interests === undefined) {
      const failed = this.interestsTask.status === TaskStatus.ERROR;
      if (!failed && !this.adapter) return nothing;
      return html`<div part="field" class="field">
        <p part="label" class="label">${t.term('signupInterests')}</p>
        ${
          failed
            ? html`<p class="message message--error" role="alert">${t.term('signupInterestsFailed')}</p>
                <button class="button button--secondary" type="button" @click=${() => void this.interestsTask.run()}>
                  ${t.term('retry')}
                </button>`
            : html`<p class="hint" role="status" aria-busy="true">${t.term('signupInterestsLoading')}</p>`
        }
      </div>`;
    }
    if (!interests.length) return nothing;
    return html`<fieldset
      part="field"
      class="field ${invalid ? 'field--error' : ''}"
      aria-describedby=${this.describedBy('interests', true)}
    >
      <legend part="label" class="label">${t.term('signupInterests')}</legend>
      <p id="interests-hint" part="hint" class="hint">${t.term('signupInterestsHint')}</p>
      ${this.renderError('interests')}
      <div class="checkboxes checkboxes--columns">
        ${interests.map(
          (interest, i) =>
            html`<div class="checkbox">
              <input
                id="interest-${i}"
                name="interests"
                part="checkbox"
                type="checkbox"
                value=${interest.id}
                aria-invalid=${invalid ? 'true' : 'false'}
                .checked=${live(this.values.interests.includes(interest.id))}
              />
              <label for="interest-${i}">${interest.label}</label>
            </div>`,
        )}
      </div>
    </fieldset>`;
  }

  private renderConsent(): TemplateResult {
    const t = this.localize;
    const invalid = !!this.errors.consent;
    const privacy = safeUrl(this.privacyUrl);
    return html`<fieldset
      part="field"
      class="field ${invalid ? 'field--error' : ''}"
      aria-describedby=${this.describedBy('consent', true)}
    >
      <legend part="label" class="label">${t.term('signupConsent')}</legend>
      <p id="consent-hint" part="hint" class="hint">
        ${`${t.term('signupConsentHint')} ${t.term('signupWithdraw', this.organisationNames)}`}
        ${privacy ? html`${' '}<a href=${privacy}>${t.term('signupPrivacy')}</a>` : nothing}
      </p>
      ${this.renderError('consent')}
      <div class="checkboxes">
        ${this.purposes.map((p, i) => {
          const boxInvalid = invalid && !!p.required && !this.values.consents.includes(p.purpose);
          return html`<div class="checkbox">
            <input
              id="consent-${i}"
              name="consent"
              part="checkbox"
              type="checkbox"
              value=${p.purpose}
              aria-invalid=${boxInvalid ? 'true' : 'false'}
              .checked=${live(this.values.consents.includes(p.purpose))}
            />
            <label for="consent-${i}"
              >${p.text}${
                p.required ? nothing : html`<span class="optional">${` ${t.term('signupOptional')}`}</span>`
              }</label
            >
          </div>`;
        })}
      </div>
    </fieldset>`;
  }

  /** For scripts only: hidden from people, their assistive technology and their keyboard. */
  private renderTrap(): TemplateResult {
    return html`<div class="trap" aria-hidden="true">
      <label for="trap">${this.localize.term('signupTrap')}</label>
      <input id="trap" name="website" type="text" tabindex="-1" autocomplete="off" .value=${live(this.values.trap)} />
    </div>`;
  }

  private renderOutcome(): TemplateResult {
    const t = this.localize;
    let content: TemplateResult | typeof nothing = nothing;
    if (this.phase === 'sending') content = html`<p class="message">${t.term('signupSending')}</p>`;
    else if (this.phase === 'queued') content = html`<p class="message message--queued">${this.queuedText()}</p>`;
    // The failure is announced by its own alert, so it is not read twice by the status region.
    return html`<div part="message" class="outcome" role="status">${content}</div>
      ${
        this.phase === 'failed' && this.writes.error
          ? html`<p part="message" class="message message--error" role="alert">
              ${t.term('signupFailed', this.failureText(this.writes.error))}
            </p>`
          : nothing
      }`;
  }

  /** Why the sign-up waits, truthfully: offline only when the browser says so. */
  private queuedText(): string {
    const t = this.localize;
    const w = this.writes;
    if (w.offline) return t.term(w.persistent ? 'signupQueued' : 'signupQueuedThisPage');
    return t.term(w.persistent ? 'signupQueuedRetry' : 'signupQueuedRetryThisPage');
  }

  private failureText(error: CivicError): string {
    if (!this.adapter && error.code === 'unsupported') return this.localize.term('errorNoSource');
    return errorText(this.localize, error);
  }

  private renderResults(m: Matches): TemplateResult {
    const t = this.localize;
    const level = this.level;
    // The data source may match within a larger radius than asked (it keeps a minimum) and withhold small counts.
    const radius = this.km(m.radiusKm ?? this.resultsFor?.radiusKm ?? this.values.radiusKm);
    const withheld = (n: number) => m.fewerThan !== undefined && m.fewerThan > 1 && n < m.fewerThan;
    const fewer = t.number(m.fewerThan ?? 0);
    const labels = this.resultsFor?.labels ?? new Map<string, string>();
    const privacy = safeUrl(this.privacyUrl);
    return html`<section
      part="results"
      class="results"
      tabindex="-1"
      data-focus="results"
      aria-labelledby="results-title"
    >
      ${this.heading(level, 'results-title', t.term('signupResults'))}
      <p class="nearby">
        ${
          withheld(m.nearbyCount)
            ? t.term('signupNearbyFewer', fewer, radius)
            : t.term('signupNearby', m.nearbyCount, t.number(m.nearbyCount), radius)
        }
      </p>
      ${
        m.sharedInterests.length
          ? html`${this.heading(level + 1, 'shared-title', t.term('signupShared'))}
              <ul part="shared-interests" class="shared" aria-labelledby="shared-title">
                ${m.sharedInterests.map(
                  (s) =>
                    html`<li>
                      ${
                        withheld(s.count)
                          ? t.term('signupSharedFewer', fewer, labels.get(s.interest) ?? s.label ?? s.interest)
                          : t.term(
                              'signupSharedCount',
                              s.count,
                              t.number(s.count),
                              labels.get(s.interest) ?? s.label ?? s.interest,
                            )
                      }
                    </li>`,
                )}
              </ul>`
          : nothing
      }
      ${this.heading(level + 1, 'initiatives-title', t.term('signupInitiatives'))}
      ${
        m.initiatives.length
          ? html`<ul part="initiatives" class="initiatives" aria-labelledby="initiatives-title">
              ${m.initiatives.map(
                (i) =>
                  html`<li>
                    <civic-initiative-card
                      .initiative=${i}
                      heading-level=${Math.min(6, level + 2)}
                    ></civic-initiative-card>
                  </li>`,
              )}
            </ul>`
          : html`<p>${t.term('signupNoInitiatives', radius)}</p>`
      }
      ${this.heading(level + 1, 'next-title', t.term('signupNext'))}
      <p>${t.term('signupNextText')}</p>
      ${
        m.receipt?.length
          ? html`${this.heading(level + 1, 'receipt-title', t.term('signupReceipt'))}
              <ul part="receipt" class="receipt" aria-labelledby="receipt-title">
                ${m.receipt.map(
                  (c) =>
                    html`<li>
                      <q>${c.text}</q>${' '}${t.term(
                        'signupReceiptGiven',
                        c.version,
                        t.date(c.timestamp, { dateStyle: 'long', timeStyle: 'short' }),
                      )}
                    </li>`,
                )}
              </ul>`
          : nothing
      }
      <p>
        ${t.term('signupWithdraw', this.organisationNames)}
        ${privacy ? html`${' '}<a href=${privacy}>${t.term('signupPrivacy')}</a>` : nothing}
      </p>
    </section>`;
  }

  // --- what the person does ----------------------------------------------------------------------

  /** Every edit is kept (not validated: that waits for submit). */
  private onInput = (e: Event): void => {
    const target = e.target as HTMLInputElement;
    const v = this.values;
    switch (target.name) {
      case 'place':
        // A different place: the earlier choices no longer answer it.
        if (this.placeChoices && target.value.trim() !== this.placeChoices.text) this.placeChoices = undefined;
        v.place = target.value;
        break;
      case 'place-choice':
        if (this.placeChoices) this.placeChoices = { ...this.placeChoices, chosen: Number(target.value) };
        break;
      case 'name':
      case 'email':
      case 'message':
        v[target.name] = target.value;
        break;
      case 'website':
        v.trap = target.value;
        break;
      case 'radius':
        v.radiusKm = Number(target.value);
        break;
      case 'interests':
      case 'consent': {
        const key = target.name === 'interests' ? 'interests' : 'consents';
        const rest = v[key].filter((x) => x !== target.value);
        v[key] = target.checked ? [...rest, target.value] : rest;
        break;
      }
    }
  };

  private readonly locate = async (): Promise<void> => {
    if (this.locating === 'pending') return;
    this.locating = 'pending';
    const found = await locate();
    if (typeof found === 'string') {
      this.locating = found;
      return;
    }
    this.located = found;
    this.exact = false;
    this.locating = undefined;
    this.focusNext = 'location';
  };

  private readonly clearLocation = (): void => {
    this.located = undefined;
    this.exact = false;
    void this.updateComplete.then(() => this.find('#place')?.focus());
  };

  private readonly onSubmit = (e: SubmitEvent): void => {
    e.preventDefault();
    void this.submit();
  };

  /** Take what the inputs hold now (autofill may not have fired an event). */
  private readForm(): void {
    const form = this.find<HTMLFormElement>('form');
    if (!form) return;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value;
    const v = this.values;
    v.name = value('name') ?? v.name;
    v.email = value('email') ?? v.email;
    if (!this.located) v.place = value('place') ?? v.place;
    const choices = this.placeChoices;
    if (choices && v.place.trim() !== choices.text) this.placeChoices = undefined;
    else if (choices) {
      const picked = form.querySelector<HTMLInputElement>('input[name="place-choice"]:checked');
      if (picked) this.placeChoices = { ...choices, chosen: Number(picked.value) };
    }
    v.message = value('message') ?? v.message;
    v.trap = value('website') ?? v.trap;
    const radius = Number(value('radius'));
    if (radius > 0) v.radiusKm = radius;
    const checked = (name: string) =>
      [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)]
        .filter((c) => c.checked)
        .map((c) => c.value);
    v.interests = checked('interests');
    v.consents = checked('consent');
  }

  private validate(): Partial<Record<Field, string>> {
    const t = this.localize;
    const v = this.values;
    const errors: Partial<Record<Field, string>> = {};
    const max = (n: number) => t.number(n);
    const name = v.name.trim();
    if (!name) errors.name = t.term('signupErrorName');
    else if (name.length > MAX.name) errors.name = t.term('signupErrorNameLong', max(MAX.name));
    const email = v.email.trim();
    if (!email) errors.email = t.term('signupErrorEmail');
    else if (email.length > MAX.email) errors.email = t.term('signupErrorEmailLong', max(MAX.email));
    else if (!EMAIL.test(email)) errors.email = t.term('signupErrorEmailFormat');
    if (!this.located) {
      const place = v.place.trim();
      const missing = {
        'postcode-or-town': 'signupErrorPlace',
        postcode: 'signupErrorPlacePostcode',
        town: 'signupErrorPlaceTown',
      } as const;
      if (!place) errors.place = t.term(missing[this.placeInput] ?? 'signupErrorPlace');
      else if (place.length > MAX.place) errors.place = t.term('signupErrorPlaceLong', max(MAX.place));
    }
    if (this.interestList?.length && !v.interests.length) errors.interests = t.term('signupErrorInterests');
    if (v.message.trim().length > MAX.message) errors.message = t.term('signupErrorMessageLong', max(MAX.message));
    if (this.purposes.some((p) => p.required && !v.consents.includes(p.purpose)))
      errors.consent = t.term('signupErrorConsent');
    return errors;
  }

  /** A honeypot filled in, or a form sent faster than a person can: a script. */
  private get trapped(): boolean {
    const served = this.formTask.value;
    const since = served ? served.at : this.shownAt;
    const min = served ? served.form.minFillSeconds : this.minFillSeconds;
    return signupTrapped({ trap: this.values.trap }, performance.now() - since, min) !== undefined;
  }

  /** The sign-up as it leaves the browser: trimmed, the place coarse unless chosen exact, with the receipts. */
  private buildSignup(found?: PlaceMatch): SignupInput {
    const v = this.values;
    const locale = this.localize.lang();
    const timestamp = new Date().toISOString();
    const offered = new Set(this.interestList?.map((i) => i.id) ?? []);
    const place = this.located
      ? this.exact
        ? { ...this.located, precision: 'exact' as const }
        : { ...coarsen(this.located, 1), precision: 'area' as const }
      : found
        ? { text: found.label, lat: found.lat, lng: found.lng, precision: 'area' as const }
        : { text: v.place.trim(), precision: 'area' as const };
    const consent: Consent[] = this.purposes
      .filter((p) => v.consents.includes(p.purpose))
      .map((p) => ({
        purpose: p.purpose,
        text: p.text,
        version: p.version,
        timestamp,
        locale,
        organisations: [...(p.organisations ?? this.organisations ?? [])],
      }));
    const message = v.message.trim();
    const stamp = this.formTask.value?.form.stamp;
    return {
      name: v.name.trim(),
      email: v.email.trim(),
      place,
      radiusKm: v.radiusKm,
      interests: v.interests.filter((i) => offered.has(i)),
      ...(message ? { message } : {}),
      consent,
      ...(stamp ? { form: { stamp } } : {}),
    };
  }

  private async submit(): Promise<void> {
    if (this.phase === 'sending') return;
    this.readForm();
    const errors = this.validate();
    this.otherErrors = [];
    this.errors = errors;
    if (Object.keys(errors).length) {
      this.focusNext = 'summary';
      return;
    }
    // Silently: no message, no event, no request. A person who was only quick can send again.
    if (this.trapped) return;
    // Busy at once (the live region says so before any wait); back as it was if nothing is sent after all.
    this.preparing = true;
    const found = await this.findPlace();
    const signup = found === false ? undefined : this.buildSignup(found);
    try {
      if (signup) parseSignup(signup);
    } catch (e) {
      this.preparing = false;
      this.showFieldErrors(toCivicError(e).fields ?? {}, true);
      return;
    }
    this.preparing = false;
    if (!signup) return;
    // One key per sign-up, reused when it is sent again (failed, or waiting in the queue): stored once.
    const w = this.writes;
    const key = (this.key ??= newIdempotencyKey());
    if (!this.dispatchEvent(new CivicSignupEvent(signup, key))) return;
    const adapter = this.adapter;
    if (!adapter?.findOthers || !can(adapter, 'find-others'))
      return w.refuse(signup, key, new CivicError('unsupported', 'This data source cannot take sign-ups'));
    await w.submit(signup, key);
  }

  /**
   * A typed place, looked up where the data source can (`find-places`): the one place that matches, or
   * `false` when the person must first correct it (no match) or pick one (several). `undefined`: send
   * the text as typed (no lookup offered, or the lookup itself failed; the data source then places it).
   */
  private async findPlace(): Promise<PlaceMatch | false | undefined> {
    const adapter = this.adapter;
    const text = this.values.place.trim();
    // Offline the sign-up is queued as typed; the data source places it when it arrives.
    if (this.located || !adapter?.findPlaces || !can(adapter, 'find-places') || this.writes.offline) return undefined;
    const t = this.localize;
    const ask = (message: string) => {
      this.errors = { place: message };
      this.focusNext = 'summary';
      return false as const;
    };
    const choices = this.placeChoices;
    if (choices?.text === text) {
      const chosen = choices.chosen === undefined ? undefined : choices.matches[choices.chosen];
      return chosen ?? ask(t.term('signupErrorPlaceChoose', text));
    }
    let matches: PlaceMatch[];
    try {
      const o = { locale: this.localize.lang(), seconds: this.sendTimeout, leave: this.leaving.signal };
      matches = await lookUpPlaces(adapter, text, o);
    } catch (e) {
      console.warn('<civic-find-the-others>: the place lookup failed; sending the place as typed', e);
      return undefined;
    }
    if (!matches.length) return ask(t.term('signupErrorPlaceUnknown', text));
    if (matches.length === 1) return matches[0];
    this.placeChoices = { text, matches };
    this.focusNext = 'place-choices';
    return false;
  }

  private succeed(signup: SignupInput, matches: Matches): void {
    const labels = new Map((this.interestList ?? []).map((i) => [i.id, i.label]));
    this.resultsFor = { radiusKm: signup.radiusKm, labels };
    this.key = undefined;
    this.found = matches;
    this.formRound++; // its stamp is used: the next sign-up gets a new form
    this.errors = {};
    this.otherErrors = [];
    this.focusNext = 'results';
    // Nothing personal is kept once it is stored.
    this.values = { ...this.values, name: '', email: '', place: '', message: '', consents: [] };
  }

  private fail(error: CivicError): void {
    // The form's stamp refused (too soon, too old, used): a new form, so sending again works.
    if (Object.keys(error.fields ?? {}).some((path) => path.split('.')[0] === 'form')) this.formRound++;
    if (error.code === 'invalid-request' && error.fields && Object.keys(error.fields).length) {
      // Rejected, so nothing was stored: the corrected sign-up is a new write.
      this.key = undefined;
      this.writes.reset();
      this.showFieldErrors(error.fields, false);
    }
  }

  /** Messages per field from the data source (or the schema), in the same summary and slots as ours. */
  private showFieldErrors(fields: Readonly<Record<string, string>>, fromSchema: boolean): void {
    const map: Record<string, Field> = {
      name: 'name',
      email: 'email',
      place: 'place',
      radiusKm: 'radius',
      radius: 'radius',
      interests: 'interests',
      message: 'message',
      consent: 'consent',
    };
    const errors: Partial<Record<Field, string>> = {};
    const other: string[] = [];
    for (const [path, message] of Object.entries(fields)) {
      const field = map[path.split('.')[0] ?? ''];
      const text =
        fromSchema && field === 'email'
          ? this.localize.term('signupErrorEmailFormat')
          : fromSchema || !message
            ? this.localize.term('signupErrorInvalid')
            : message;
      if (field) errors[field] ??= text;
      else other.push(text);
    }
    if (!Object.keys(errors).length && !other.length) other.push(this.localize.term('errorInvalid'));
    this.errors = errors;
    this.otherErrors = other;
    this.focusNext = 'summary';
  }

  /** Put a queued sign-up back in the form, so what was entered is never lost. */
  private restore(s: SignupInput): void {
    const shown = new Map(this.purposes.map((p) => [p.purpose, p.text]));
    this.values = {
      name: s.name,
      email: s.email,
      place: s.place.text ?? '',
      radiusKm: s.radiusKm,
      interests: [...s.interests],
      message: s.message ?? '',
      // Only consents whose words are still the ones shown.
      consents: s.consent.filter((c) => shown.get(c.purpose) === c.text).map((c) => c.purpose),
      trap: '',
    };
    if (s.place.lat !== undefined && s.place.lng !== undefined) {
      this.located = { lat: s.place.lat, lng: s.place.lng };
      this.exact = s.place.precision === 'exact';
    }
    this.requestUpdate();
  }
}
