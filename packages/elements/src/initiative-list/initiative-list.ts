import {
  can,
  CivicDataElement,
  coarsen,
  INITIATIVE_SORTS,
  locate,
  lookUpPlaces,
  INITIATIVE_STATUSES,
  MemoryAdapter,
  checkListAttribute,
  listConverter,
  listProblemStyles,
  parseInitiative,
  readId,
  parseLatLng,
  tagLabel,
  toCivicError,
  writeDataBlock,
  type CivicAdapter,
  type CivicError,
  type Initiative,
  type InitiativeQuery,
  type InitiativeSort,
  type InitiativeStatus,
  type LocalizeController,
  type PageWarning,
  type PlaceMatch,
} from '@civic-kit/core';
import { html, isServer, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { initiativeCardStyles } from '../initiative-card/initiative-card.styles.js';
import { AnnouncerController } from '../shared/announcer.js';
import { errorText } from '../shared/error-message.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { SOURCE_WAIT_MS } from '../shared/source-wait.js';
import type { CivicTranslation } from '../translations/translation.js';
import { parsePageInSlices, VIRTUALIZE_ABOVE, virtualizer } from './initiative-list.data.js';
import { cardTemplate, type HeadingLevel } from '../initiative-card/initiative-card.template.js';
import type { InitiativeListStrings } from './initiative-list.strings.js';
import { initiativeListJsonLd } from './initiative-list.structured-data.js';
import { initiativeListStyles } from './initiative-list.styles.js';

/** Radius choices offered when the list has a point to measure from. */
export const LIST_RADIUS_CHOICES_KM = [1, 2, 5, 10, 25, 50, 100] as const;
/** Sort orders the list offers, in menu order (`distance` only with a point). */
export const LIST_SORTS = [
  'relevance',
  'newest',
  'supporters',
  'distance',
  'ending-soon',
] as const satisfies readonly InitiativeSort[];
export { VIRTUALIZE_ABOVE } from './initiative-list.data.js';
const MAX_PAGE_SIZE = 1000;
const SEARCH_DEBOUNCE_MS = 400;

/** `tags` and `status`: lists of ids (a JSON array, or ids separated by commas); none when absent. */
const idList = listConverter(readId);
const ids = { ...idList, fromAttribute: (value: string | null): string[] => idList.fromAttribute(value) ?? [] };

type Phase = 'waiting' | 'loading' | 'ready' | 'error';
/** Keys that move a closed select's choice without committing it. */
const BROWSE_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);
interface TagOption {
  id: string;
  label: string;
}

/**
 * Many initiatives, searchable: free text, topic, status and distance filters, five sort orders,
 * paging through the adapter ("Show more"), and virtual scrolling once thousands are loaded. The
 * result count is announced politely; loading, empty and error states are shown in words.
 *
 * Filters are attributes (and reflect, so a host can save and restore them):
 *
 * ```html
 * <civic-initiative-list near="51.454,-2.587" near-label="Bristol" radius-km="10" sort="newest"></civic-initiative-list>
 * ```
 *
 * Set `.initiatives` to list data you already have (filtered and paged in the browser).
 *
 * @tagname civic-initiative-list
 * @summary A searchable, filterable list of initiatives.
 *
 * @fires change - The visitor changed a filter or the sort order (read the new values from the element). A
 *   select's choice counts once committed — picked from its open list, Enter, or leaving the select —
 *   not while arrow keys move through its options.
 * @fires civic-error - Loading failed or the data was malformed (`error: CivicError`).
 *
 * @csspart base - The wrapper of everything.
 * @csspart filters - The search and filter form.
 * @csspart search - The search field.
 * @csspart place-input - The town or postcode to measure distance from (where the adapter can look places up).
 * @csspart count - The result count (a polite live region).
 * @csspart list - The list of initiatives.
 * @csspart item - One entry of the list.
 * @csspart card - The card inside an entry (and its inner parts: `title`, `summary`, `status`, …).
 * @csspart more-button - "Show more initiatives".
 * @csspart clear-button - "Clear filters".
 * @csspart message - Error and empty-state messages.
 * @csspart notice - Which sources of a joined-up (federated) list could not be read.
 * @csspart retry-button - The retry button of the error state.
 *
 * @cssprop --civic-list-min-column - Narrowest a column of cards may get before the grid drops one (default `18em`).
 * @cssprop --civic-list-gap - Space between cards (default `--civic-space-m`).
 * @cssprop --civic-color-action - Buttons and links.
 * @cssprop --civic-color-border - Form fields and cards.
 */
export class CivicInitiativeList extends CivicDataElement {
  static override styles: CSSResultGroup = [
    CivicDataElement.styles,
    sharedStyles,
    initiativeCardStyles,
    initiativeListStyles,
    listProblemStyles,
  ];

  /** Free-text search. */
  @property({ type: String, reflect: true })
  q: string | undefined;

  /** Topics every shown initiative must have (separated by commas in the attribute). */
  @property({ converter: ids, reflect: true })
  tags: string[] = [];

  /** Statuses to show (separated by commas in the attribute); empty shows every status. */
  @property({ converter: ids, reflect: true })
  status: InitiativeStatus[] = [];

  /** The point distances are measured from, as `"lat,lng"`. */
  @property({ type: String, reflect: true })
  near: string | undefined;

  /** What `near` is called on this page ("Bristol"), for the words next to the distance filter. */
  @property({ type: String, attribute: 'near-label' })
  nearLabel: string | undefined;

  /** With `near`: only initiatives within this many kilometres. */
  @property({ type: Number, attribute: 'radius-km', reflect: true })
  radiusKm: number | undefined;

  /** `relevance`, `newest`, `supporters`, `distance` (needs `near`) or `ending-soon`. Unset: nearest first with `near`, else best match. */
  @property({ type: String, reflect: true })
  sort: InitiativeSort | undefined;

  /** Initiatives per page ("Show more" loads the next page). Adapters may cap it. */
  @property({ type: Number, attribute: 'page-size' })
  pageSize = 20;

  /** Level of each card's heading, to fit the page's outline (2–6). */
  @property({ type: Number, attribute: 'heading-level' })
  headingLevel: HeadingLevel = 3;

  /**
   * What this list is called on the page ("initiatives in Bristol"): names the list and its search
   * form, so two lists on one page can be told apart. Default: "Initiatives".
   */
  @property({ type: String })
  label: string | undefined;

  /**
   * Also write the initiatives shown as one schema.org `ItemList` of `Event`s (each with its `Place`
   * and organising `Organization`) into this element's light DOM, as JSON-LD for search engines.
   * Off by default.
   * Under Trusted Types the block's text goes through a policy named `civic-kit-data` (JSON only): a
   * page whose CSP lists allowed policy names (`trusted-types …`) adds that one.
   */
  @property({ type: Boolean, attribute: 'structured-data' })
  structuredData = false;

  /** Hide the search and filter form (the attributes still filter). */
  @property({ type: Boolean, attribute: 'no-filters' })
  noFilters = false;

  /** Initiatives you already have, to list without a backend. Validated; malformed data shows an error. */
  @property({ attribute: false })
  initiatives: unknown;

  declare protected readonly localize: LocalizeController<CivicTranslation & InitiativeListStrings>;

  @state() private items: Initiative[] = [];
  @state() private total: number | undefined;
  @state() private nextCursor: string | undefined;
  @state() private phase: Phase = 'waiting';
  @state() private loadingMore = false;
  @state() private error: CivicError | undefined;
  @state() private moreError: CivicError | undefined;
  /** Sources a federated adapter could not read for the pages shown. */
  @state() private warnings: PageWarning[] = [];
  @state() private interests: TagOption[] | undefined;
  @state() private seenTags: readonly string[] = [];
  /** The words the initiatives loaded so far give their tags (the first one seen for each). */
  private seenTagLabels = new Map<string, string>();
  @state() private location: 'idle' | 'busy' | 'failed' | 'mine' = 'idle';
  /** A typed place being looked up, the places it may mean (when several), or that none matched. */
  @state() private placeLookup:
    | { text: string; state: 'busy' }
    | { text: string; state: 'none' }
    | { text: string; state: 'failed'; error: CivicError }
    | { text: string; state: 'choose'; matches: PlaceMatch[] }
    | undefined;
  @state() private waitedForSource = false;

  private controller: AbortController | undefined;
  private loadRun = 0;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private sourceTimer: ReturnType<typeof setTimeout> | undefined;
  private local: { input: unknown; adapter: MemoryAdapter } | undefined;
  private interestsFor: CivicAdapter | undefined;
  /** Index of the first item of the page just loaded by "Show more", to move focus to. */
  private focusIndex: number | undefined;
  /** The count, read out politely; a change of `lang` writes it again in the new language. */
  private readonly announcer = new AnnouncerController(
    this,
    () => this.localize.lang(),
    () => (this.phase === 'ready' ? this.summaryText() : ''),
  );
  /** Aborted when the element leaves the page: ends the wait for a place lookup. */
  private leaving = new AbortController();
  private dataFor: { items: readonly Initiative[]; name: string | undefined } | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.leaving = new AbortController();
    this.sourceTimer = setTimeout(() => (this.waitedForSource = true), SOURCE_WAIT_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.sourceTimer);
    clearTimeout(this.searchTimer);
    this.controller?.abort();
    this.leaving.abort();
  }

  /** Load the first page again with the current filters. */
  refresh(): void {
    void this.load(false);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Server rendering: nothing asynchronous finishes before the HTML is written, so `.initiatives`
    // given as data is shown at once (its first page, invalid items left out); the browser's first
    // render shows the same (so it hydrates the server's DOM), then loads with the filters.
    if (isServer) return this.showGivenAtOnce();
    if (!this.hasUpdated) this.showGivenAtOnce();
    if (changed.has('tags')) checkListAttribute(this, 'tags', readId);
    if (changed.has('status')) checkListAttribute(this, 'status', readId);
    const reload = ['q', 'tags', 'status', 'near', 'radiusKm', 'sort', 'pageSize', 'adapter', 'initiatives'] as const;
    if (reload.some((k) => changed.has(k))) void this.load(false);
    const source = this.source;
    if (source !== this.interestsFor) this.loadInterests(source);
  }

  private showGivenAtOnce(): void {
    if (!Array.isArray(this.initiatives)) return;
    const valid = (this.initiatives as unknown[]).flatMap((raw) => {
      try {
        return [parseInitiative(raw)];
      } catch {
        return [];
      }
    });
    this.items = valid.slice(0, Math.max(1, Math.floor(this.pageSize) || 20));
    this.total = valid.length;
    this.phase = 'ready';
  }

  protected override updated(): void {
    this.writeStructuredData();
    if (this.focusIndex === undefined) return;
    const target = this.renderRoot.querySelector<HTMLElement>(`[data-index="${this.focusIndex}"]`);
    this.focusIndex = undefined;
    target?.focus();
  }

  /** The JSON-LD data block, rebuilt only when what is listed (or the list's name) changes. */
  private writeStructuredData(): void {
    const items = this.structuredData && this.phase === 'ready' ? this.items : undefined;
    const name = this.label?.trim() || undefined;
    if (items === this.dataFor?.items && name === this.dataFor?.name) return;
    this.dataFor = items && { items, name };
    writeDataBlock(this, items && initiativeListJsonLd(items, name));
  }

  /** The adapter in use: an in-browser one over `.initiatives`, or the provider's. */
  private get source(): CivicAdapter | undefined {
    if (this.initiatives === undefined) return this.adapter;
    if (this.local?.input !== this.initiatives) {
      const list = Array.isArray(this.initiatives) ? (this.initiatives as unknown[]) : [this.initiatives];
      this.local = { input: this.initiatives, adapter: new MemoryAdapter({ data: { initiatives: list } }) };
    }
    return this.local.adapter;
  }

  private get point(): { lat: number; lng: number } | undefined {
    return parseLatLng(this.near);
  }

  private get effectiveSort(): InitiativeSort {
    const point = this.point;
    if (this.sort && INITIATIVE_SORTS.includes(this.sort) && (this.sort !== 'distance' || point)) return this.sort;
    return point ? 'distance' : 'relevance';
  }

  private get statuses(): InitiativeStatus[] {
    return this.status.filter((s) => INITIATIVE_STATUSES.includes(s));
  }

  private get filtered(): boolean {
    return !!this.q?.trim() || this.tags.length > 0 || this.statuses.length > 0 || this.radiusKm !== undefined;
  }

  private query(): InitiativeQuery {
    const near = this.point;
    const radius = this.radiusKm;
    return {
      q: this.q?.trim() || undefined,
      tags: this.tags.length ? this.tags : undefined,
      status: this.statuses.length ? this.statuses : undefined,
      near,
      radiusKm: near && radius !== undefined && Number.isFinite(radius) && radius > 0 ? radius : undefined,
      sort: this.effectiveSort,
      limit: Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(this.pageSize) || 20)),
    };
  }

  private async load(more: boolean): Promise<void> {
    const adapter = this.source;
    if (more && (!this.nextCursor || this.loadingMore)) return;
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    const run = ++this.loadRun;
    this.moreError = undefined;
    if (!adapter) {
      this.phase = 'waiting';
      return;
    }
    if (more) this.loadingMore = true;
    else {
      this.phase = 'loading';
      this.error = undefined;
    }
    this.announce(more ? this.localize.term('listLoadingMore') : this.localize.term('loading'));
    try {
      const raw = await adapter.listInitiatives(
        { ...this.query(), cursor: more ? this.nextCursor : undefined },
        { signal: controller.signal, locale: this.localize.lang() },
      );
      const page = await parsePageInSlices(raw, controller.signal);
      if (run !== this.loadRun) return;
      const before = more ? this.items : [];
      const known = new Set(before.map((i) => i.id));
      const fresh = page.items.filter((i) => !known.has(i.id) && known.add(i.id));
      this.items = [...before, ...fresh];
      this.nextCursor = page.nextCursor;
      this.total = page.total;
      const missing = (more ? this.warnings : []).concat(page.warnings ?? []);
      const same = (a: PageWarning, b: PageWarning) => a.source === b.source && !a.skipped === !b.skipped;
      this.warnings = missing.filter((w, n) => missing.findIndex((x) => same(x, w)) === n);
      this.phase = 'ready';
      this.loadingMore = false;
      this.noteTags(fresh);
      if (more && fresh.length) this.focusIndex = before.length;
      this.announce(this.summaryText());
    } catch (e) {
      const error = toCivicError(e);
      if (run !== this.loadRun || error.code === 'aborted') return;
      this.reportError(error);
      this.loadingMore = false;
      if (more) this.moreError = error;
      else {
        this.error = error;
        this.phase = 'error';
        this.items = [];
        this.nextCursor = undefined;
        this.total = undefined;
        this.warnings = [];
      }
      this.announce('');
    }
  }

  private loadInterests(source: CivicAdapter | undefined): void {
    this.interestsFor = source;
    this.interests = undefined;
    this.seenTags = [];
    this.seenTagLabels = new Map();
    if (!source?.listInterests || !can(source, 'list-interests')) return;
    source.listInterests({ locale: this.localize.lang() }).then(
      (list) => {
        if (this.interestsFor !== source || !Array.isArray(list)) return;
        const ok = list.filter(
          (i): i is TagOption =>
            typeof i === 'object' && i !== null && typeof i.id === 'string' && typeof i.label === 'string',
        );
        if (ok.length) this.interests = ok;
      },
      () => {
        /* topics then come from the initiatives loaded */
      },
    );
  }

  private noteTags(items: readonly Initiative[]): void {
    const all = new Set(this.seenTags);
    const before = all.size;
    for (const i of items)
      for (const t of i.tags) {
        all.add(t);
        if (!this.seenTagLabels.has(t) && i.tagLabels?.[t]) this.seenTagLabels.set(t, tagLabel(i, t));
      }
    if (all.size !== before) this.seenTags = [...all].sort((a, b) => a.localeCompare(b));
  }

  private countText(): string {
    const t = this.localize;
    const shown = this.items.length;
    if (!shown) return this.filtered ? t.term('listNoMatches') : t.term('listNoneYet');
    if (this.total !== undefined && this.total > shown)
      return t.term('listShowingOf', t.number(shown), this.total, t.number(this.total));
    return t.term('listResultCount', this.total ?? shown, t.number(this.total ?? shown));
  }

  /** Sources that could not be read, and items a source sent that could not be shown (counted). */
  private noticeText(): string {
    const t = this.localize;
    const unread = this.warnings.filter((w) => !w.skipped).map((w) => w.source);
    const skipped = this.warnings.filter((w) => w.skipped);
    const count = skipped.reduce((n, w) => n + (w.skipped ?? 0), 0);
    return [
      unread.length ? t.term('listPartial', t.list(unread)) : '',
      count ? t.term('listSkipped', count, t.number(count), t.list(skipped.map((w) => w.source))) : '',
    ]
      .filter(Boolean)
      .join(' ');
  }

  /** The count and what could not be shown, as the count line says them. */
  private summaryText(): string {
    return [this.countText(), this.noticeText()].filter(Boolean).join(' ');
  }

  private announce(text: string): void {
    this.announcer.announce(text);
  }

  // --- user actions ------------------------------------------------------------------------------

  private changed(): void {
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  private onSearchInput = (e: Event): void => {
    const value = (e.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.setSearch(value), SEARCH_DEBOUNCE_MS);
  };

  private onSubmit = (e: Event): void => {
    e.preventDefault();
    clearTimeout(this.searchTimer);
    const input = this.renderRoot.querySelector<HTMLInputElement>('#q');
    if (input) this.setSearch(input.value);
  };

  private setSearch(value: string): void {
    const q = value.trim() || undefined;
    if (q === (this.q?.trim() || undefined)) return;
    this.q = q;
    this.changed();
  }

  /** Selects whose choice was moved by a key and not yet committed, with what applies it. */
  private readonly uncommitted = new WeakMap<HTMLSelectElement, () => void>();
  /** Selects whose next `change` comes from a key that only moves the choice. */
  private readonly browsing = new WeakSet<HTMLSelectElement>();

  /**
   * A filter select applies its choice when the visitor commits it — a pick from its open list,
   * Enter, or leaving it — not on each arrow key on the closed select, which would reload the list and
   * announce a count for every option passed (GOV.UK advises against selects that act by themselves).
   */
  private selectHandlers(apply: (select: HTMLSelectElement) => void) {
    const commit = (select: HTMLSelectElement) => {
      const pending = this.uncommitted.get(select);
      this.uncommitted.delete(select);
      pending?.();
    };
    return {
      keydown: (e: KeyboardEvent) => {
        const select = e.currentTarget as HTMLSelectElement;
        if (e.key === 'Enter') {
          if (this.uncommitted.has(select)) e.preventDefault();
          commit(select);
        } else if (e.altKey || e.key === ' ' || e.key === 'F4')
          this.browsing.delete(select); // opens its list
        else if (BROWSE_KEYS.has(e.key) || (e.key.length === 1 && !e.ctrlKey && !e.metaKey)) this.browsing.add(select);
      },
      pointerdown: (e: PointerEvent) => this.browsing.delete(e.currentTarget as HTMLSelectElement),
      change: (e: Event) => {
        const select = e.currentTarget as HTMLSelectElement;
        if (this.browsing.has(select)) this.uncommitted.set(select, () => apply(select));
        else apply(select);
        this.browsing.delete(select);
      },
      blur: (e: FocusEvent) => commit(e.currentTarget as HTMLSelectElement),
    };
  }

  private onStatus = this.selectHandlers((select) => {
    const value = select.value as InitiativeStatus | '';
    this.status = value ? [value] : [];
    this.changed();
  });

  private onTag = this.selectHandlers((select) => {
    this.tags = select.value ? [select.value] : [];
    this.changed();
  });

  private onRadius = this.selectHandlers((select) => {
    const value = Number(select.value);
    this.radiusKm = value > 0 ? value : undefined;
    this.changed();
  });

  private onSort = this.selectHandlers((select) => {
    this.sort = select.value as InitiativeSort;
    this.changed();
  });

  private clearFilters = (): void => {
    clearTimeout(this.searchTimer);
    this.q = undefined;
    this.tags = [];
    this.status = [];
    this.radiusKm = undefined;
    this.sort = undefined;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#q');
    if (input) input.value = '';
    this.changed();
    // The button goes away with the filters: keep the keyboard user in the form.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#q')?.focus());
  };

  /** Measure from a typed town or postcode, looked up through the adapter (`find-places`). */
  private async findNearPlace(): Promise<void> {
    const adapter = this.adapter;
    const text = this.renderRoot.querySelector<HTMLInputElement>('#near-place')?.value.trim() ?? '';
    if (!text || !adapter?.findPlaces || !can(adapter, 'find-places') || this.placeLookup?.state === 'busy') return;
    this.placeLookup = { text, state: 'busy' };
    let matches: PlaceMatch[];
    try {
      matches = await lookUpPlaces(adapter, text, { locale: this.localize.lang(), leave: this.leaving.signal });
    } catch (e) {
      this.placeLookup = { text, state: 'failed', error: toCivicError(e) };
      return;
    }
    if (matches.length === 1) this.nearPlace(matches[0]!);
    else if (!matches.length) this.placeLookup = { text, state: 'none' };
    else {
      this.placeLookup = { text, state: 'choose', matches };
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#near-choice')?.focus());
    }
  }

  private nearPlace(place: PlaceMatch): void {
    this.placeLookup = undefined;
    this.location = 'idle';
    this.near = `${place.lat},${place.lng}`;
    this.nearLabel = place.label;
    this.radiusKm ??= 10;
    this.changed();
  }

  private async useMyLocation(): Promise<void> {
    this.location = 'busy';
    const found = await locate();
    if (typeof found === 'string') {
      this.location = 'failed';
      return;
    }
    // About a kilometre is enough to sort and filter by; the exact point stays in the browser.
    const p = coarsen(found, 1);
    this.location = 'mine';
    this.near = `${p.lat},${p.lng}`;
    this.radiusKm ??= 10;
    this.changed();
  }

  // --- rendering ---------------------------------------------------------------------------------

  override render(): TemplateResult {
    return html`<div part="base" class="base" dir=${this.localize.dir()}>
      ${this.noFilters ? nothing : this.renderFilters()}
      <div class="list-summary">
        <p part="count" class="count" role="status">${this.announcer.text}</p>
        ${
          this.filtered && !(this.phase === 'ready' && !this.items.length)
            ? html`<button
                part="clear-button"
                class="button button--secondary"
                type="button"
                @click=${this.clearFilters}
              >
                ${this.localize.term('listClearFilters')}
              </button>`
            : nothing
        }
      </div>
      ${this.warnings.length ? html`<p part="notice" class="message notice">${this.noticeText()}</p>` : nothing}
      ${this.renderBody()}
    </div>`;
  }

  private renderFilters(): TemplateResult {
    const t = this.localize;
    const status = this.statuses.length === 1 ? this.statuses[0] : '';
    const tag = this.tags.length === 1 ? this.tags[0] : '';
    const point = this.point;
    const sort = this.effectiveSort;
    const topics: TagOption[] =
      this.interests ?? this.seenTags.map((id) => ({ id, label: this.seenTagLabels.get(id) ?? id }));
    if (tag && !topics.some((o) => o.id === tag)) topics.push({ id: tag, label: tag });
    const from =
      this.location === 'mine'
        ? t.term('listYourLocation')
        : (this.nearLabel ?? (point ? `${t.number(point.lat)}, ${t.number(point.lng)}` : ''));
    const radii = [...LIST_RADIUS_CHOICES_KM] as number[];
    if (this.radiusKm !== undefined && this.radiusKm > 0 && !radii.includes(this.radiusKm)) {
      radii.push(this.radiusKm);
      radii.sort((a, b) => a - b);
    }
    const km = (n: number) => t.number(n, { style: 'unit', unit: 'kilometer' });
    const sortLabels: Record<InitiativeSort, string> = {
      relevance: t.term('listSortRelevance'),
      newest: t.term('listSortNewest'),
      supporters: t.term('listSortSupporters'),
      distance: t.term('listSortDistance'),
      'ending-soon': t.term('listSortEndingSoon'),
    };
    const name = this.label?.trim();
    return html`<form
      part="filters"
      class="filters"
      role="search"
      aria-label=${name ? t.term('listFiltersFor', name) : t.term('listFiltersLabel')}
      novalidate
      @submit=${this.onSubmit}
    >
      <div class="field field--search">
        <label for="q">${t.term('listSearch')}</label>
        <div class="search-row">
          <input
            part="search"
            id="q"
            name="q"
            type="search"
            autocomplete="off"
            .value=${this.q ?? ''}
            @input=${this.onSearchInput}
          />
          <button class="button" type="submit">${t.term('listSearchButton')}</button>
        </div>
      </div>
      <div class="field">
        <label for="status">${t.term('listStatusFilter')}</label>
        <select
          id="status"
          @change=${this.onStatus.change}
          @keydown=${this.onStatus.keydown}
          @pointerdown=${this.onStatus.pointerdown}
          @blur=${this.onStatus.blur}
        >
          <option value="" ?selected=${!status}>${t.term('listAnyStatus')}</option>
          ${INITIATIVE_STATUSES.map(
            (s) =>
              html`<option value=${s} ?selected=${s === status}>
                ${{ proposed: t.term('statusProposed'), active: t.term('statusActive'), completed: t.term('statusCompleted'), closed: t.term('statusClosed') }[s]}
              </option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="tag">${t.term('listTopicFilter')}</label>
        <select
          id="tag"
          @change=${this.onTag.change}
          @keydown=${this.onTag.keydown}
          @pointerdown=${this.onTag.pointerdown}
          @blur=${this.onTag.blur}
        >
          <option value="" ?selected=${!tag}>${t.term('listAnyTopic')}</option>
          ${topics.map((o) => html`<option value=${o.id} ?selected=${o.id === tag}>${o.label}</option>`)}
        </select>
      </div>
      <div class="field field--distance">
        ${
          point
            ? html`<label for="radius">${t.term('listDistanceFilter')}</label>
                <select
                  id="radius"
                  aria-describedby="from"
                  @change=${this.onRadius.change}
                  @keydown=${this.onRadius.keydown}
                  @pointerdown=${this.onRadius.pointerdown}
                  @blur=${this.onRadius.blur}
                >
                  <option value="" ?selected=${this.radiusKm === undefined}>${t.term('listAnyDistance')}</option>
                  ${radii.map(
                    (r) =>
                      html`<option value=${r} ?selected=${r === this.radiusKm}>
                        ${t.term('listWithinDistance', km(r))}
                      </option>`,
                  )}
                </select>
                <span class="hint" id="from">${t.term('listFromPlace', from)}</span>`
            : nothing
        }
        ${this.renderNearPlace()}
        <button
          part="location-button"
          class="button button--secondary"
          type="button"
          aria-disabled=${this.location === 'busy' ? 'true' : 'false'}
          @click=${() => this.location !== 'busy' && void this.useMyLocation()}
        >
          ${this.location === 'busy' ? t.term('listLocating') : t.term('listUseMyLocation')}
        </button>
        ${this.location === 'failed' ? html`<p class="message message--error" role="alert">${t.term('listLocationFailed')}</p>` : nothing}
      </div>
      <div class="field">
        <label for="sort">${t.term('listSortLabel')}</label>
        <select
          id="sort"
          @change=${this.onSort.change}
          @keydown=${this.onSort.keydown}
          @pointerdown=${this.onSort.pointerdown}
          @blur=${this.onSort.blur}
        >
          ${LIST_SORTS.filter((s) => s !== 'distance' || point).map(
            (s) => html`<option value=${s} ?selected=${s === sort}>${sortLabels[s]}</option>`,
          )}
        </select>
      </div>
    </form>`;
  }

  /** "Near a town or postcode", where the adapter can look places up; several matches give a choice. */
  private renderNearPlace(): TemplateResult | typeof nothing {
    const adapter = this.adapter;
    if (!adapter?.findPlaces || !can(adapter, 'find-places')) return nothing;
    const t = this.localize;
    const lookup = this.placeLookup;
    const find = (e: Event) => {
      e.preventDefault();
      void this.findNearPlace();
    };
    return html`<label for="near-place">${t.term('listNearPlace')}</label>
      <div class="search-row">
        <input
          part="place-input"
          id="near-place"
          type="text"
          autocomplete="off"
          aria-describedby=${lookup?.state === 'none' || lookup?.state === 'failed' ? 'near-place-error' : nothing}
          @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && find(e)}
        />
        <button
          class="button button--secondary"
          type="button"
          aria-disabled=${lookup?.state === 'busy' ? 'true' : 'false'}
          @click=${find}
        >
          ${t.term('listFindPlace')}
        </button>
      </div>
      ${
        lookup?.state === 'none' || lookup?.state === 'failed'
          ? html`<p id="near-place-error" class="message message--error" role="alert">
              ${lookup.state === 'none' ? t.term('listPlaceNotFound', lookup.text) : errorText(t, lookup.error)}
            </p>`
          : nothing
      }
      ${
        lookup?.state === 'choose'
          ? html`<label for="near-choice">${t.term('listPlaceChoose', lookup.text)}</label>
              <select
                id="near-choice"
                @change=${(e: Event) => {
                  const i = Number((e.target as HTMLSelectElement).value);
                  if (lookup.matches[i]) this.nearPlace(lookup.matches[i]);
                }}
              >
                <option value="" selected>${t.term('listPlaceChooseNone')}</option>
                ${lookup.matches.map((m, i) => html`<option value=${i}>${m.label}</option>`)}
              </select>`
          : nothing
      }`;
  }

  private renderBody(): TemplateResult {
    const t = this.localize;
    if (this.phase === 'error' && this.error) {
      return html`<div class="problem">
        <p part="message" class="message message--error" role="alert">${errorText(this.localize, this.error)}</p>
        <button part="retry-button" class="button button--secondary" type="button" @click=${() => this.refresh()}>
          ${t.term('retry')}
        </button>
      </div>`;
    }
    if (this.phase === 'waiting' || (this.phase === 'loading' && !this.items.length)) {
      const note = this.phase === 'waiting' && this.waitedForSource ? t.term('errorNoSource') : undefined;
      return html`<div class="skeletons" aria-busy="true">
        ${[0, 1, 2].map(
          () =>
            html`<div class="card card--loading">
              <div class="skeleton skeleton--title"></div>
              <div class="skeleton"></div>
              <div class="skeleton skeleton--short"></div>
            </div>`,
        )}
        ${note ? html`<p class="note">${note}</p>` : nothing}
      </div>`;
    }
    if (!this.items.length) {
      return html`<div class="empty">
        <p part="message" class="message">${this.filtered ? t.term('listNoMatches') : t.term('listNoneYet')}</p>
        ${
          this.filtered
            ? html`<button
                part="clear-button"
                class="button button--secondary"
                type="button"
                @click=${this.clearFilters}
              >
                ${t.term('listClearFilters')}
              </button>`
            : nothing
        }
      </div>`;
    }
    const virtualize = this.items.length > VIRTUALIZE_ABOVE ? virtualizer(() => this.requestUpdate()) : undefined;
    const virtual = !!virtualize;
    const total = Math.max(this.total ?? 0, this.items.length);
    const item = (i: Initiative, index: number) =>
      html`<div
        part="item"
        class="item"
        role="listitem"
        tabindex="-1"
        data-index=${index}
        aria-posinset=${virtual ? index + 1 : nothing}
        aria-setsize=${virtual ? total : nothing}
      >
        ${cardTemplate(i, this.localize, { headingLevel: this.headingLevel, idPrefix: `i${index}` })}
      </div>`;
    return html`<div
        part="list"
        class="items ${virtual ? 'items--virtual' : ''}"
        role="list"
        aria-label=${this.label?.trim() || t.term('listLabel')}
        aria-busy=${this.phase === 'loading' ? 'true' : 'false'}
      >
        ${
          virtualize
            ? virtualize({ items: this.items, renderItem: item, keyFunction: (i) => i.id })
            : repeat(
                this.items.slice(0, this.items.length > VIRTUALIZE_ABOVE ? VIRTUALIZE_ABOVE : undefined),
                (i) => i.id,
                item,
              )
        }
      </div>
      ${
        this.moreError
          ? html`<p part="message" class="message message--error" role="alert">
              ${errorText(this.localize, this.moreError)}
            </p>`
          : nothing
      }
      ${
        this.nextCursor
          ? html`<button
              part="more-button"
              class="button more"
              type="button"
              aria-disabled=${this.loadingMore ? 'true' : 'false'}
              @click=${() => void this.load(true)}
            >
              ${this.moreError ? t.term('retry') : t.term('listShowMore')}
            </button>`
          : nothing
      }`;
  }
}
