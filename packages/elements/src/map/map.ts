import {
  adapterContext,
  CivicDataElement,
  CivicPinSelectEvent,
  inBBox,
  parseInitiative,
  parseLatLng,
  toCivicError,
  type BBox,
  type CivicError,
  type Initiative,
  type LocalizeController,
} from '@civic-kit/core';
import { ContextProvider } from '@lit/context';
import { html, nothing, render, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { initiativeCardStyles } from '../initiative-card/initiative-card.styles.js';
import {
  inSlices,
  pageShape,
  VIRTUALIZE_ABOVE,
  virtualizer,
  yieldToMain,
} from '../initiative-list/initiative-list.data.js';
import { cardTemplate, heading, type HeadingLevel } from '../initiative-card/initiative-card.template.js';
import { errorText } from '../shared/error-message.js';
import { sharedStyles } from '../shared/shared.styles.js';
import type { CivicTranslation } from '../translations/translation.js';
import { attributionParts } from './map.attribution.js';
import { coordinateProblem, problemReporter, swappedAmong } from './map.coords.js';
import type { MapStrings } from './map.strings.js';
import { mapStyles } from './map.styles.js';
import type * as ViewModule from './map.view.js';
import type { MapView } from './map.view.js';

export const MAP_VIEWS = ['map', 'list'] as const;
export type MapViewMode = (typeof MAP_VIEWS)[number];

/** One pin, from a `<civic-map-pin>` child or from an initiative the adapter sent. */
export interface MapPin {
  /** Stable within one map. */
  key: string;
  lat: number;
  lng: number;
  label: string;
  initiativeId?: string | undefined;
  readonly initiative?: Initiative | undefined;
}

/**
 * A pin from the adapter. It keeps the item as the adapter gave it (checked once on loading) and checks
 * it again when a card shows it: 100,000 checked copies kept alive made the garbage collector stop the
 * page for 70 ms at a time.
 */
class AdapterPin implements MapPin {
  private checked: Initiative | undefined;
  constructor(
    readonly key: string,
    readonly lat: number,
    readonly lng: number,
    readonly label: string,
    readonly initiativeId: string,
    private readonly item: unknown,
  ) {}

  get initiative(): Initiative | undefined {
    if (!this.checked) {
      try {
        this.checked = parseInitiative(this.item);
      } catch {
        return undefined; // changed since it was loaded: shown as a pin without a card
      }
    }
    return this.checked;
  }
}

const PAGE_LIMIT = 500;
const MOVE_DEBOUNCE_MS = 300;
const HINT_MS = 1500;
/** Above this many pins, which are in view is worked out in a task after the move, not during it. */
const FILTER_LATER_ABOVE = 5000;
const WORLD: BBox = [-180, -90, 180, 90];

/** Stands for a name inside a sentence until the name is put there as an element of its own. */
const MARK = '\u0000';
/**
 * A sentence with a name in it (`sentence` holds `MARK` where the name goes), the name in a `<bdi>`:
 * isolated from the sentence's direction without invisible marks in the accessible name.
 */
function isolated(sentence: string, name: string): TemplateResult {
  const [before = '', after = ''] = sentence.split(MARK);
  return html`<span>${before}<bdi>${name}</bdi>${after}</span>`;
}

const attributeNumber = (value: string | null) => (value === null || value.trim() === '' ? NaN : Number(value));
/** Does `outer` contain all of `inner`? (`undefined` is the whole world.) */
function covers(outer: BBox | undefined, inner: BBox): boolean {
  if (!outer) return true;
  const [w, s, e, n] = inner;
  return inBBox({ lat: s, lng: w }, outer) && inBBox({ lat: n, lng: e }, outer) && outer[0] <= outer[2] === w <= e;
}

/**
 * A real slippy map of initiatives (Leaflet, loaded only when a map connects), with pins from the
 * adapter — the initiatives in the visible area, fetched as the map moves — or declared as
 * `<civic-map-pin>` children. Thousands of pins cluster (in a Web Worker above a few thousand);
 * clusters and pins are keyboard-reachable in reading order, and a pin opens a popup with the
 * initiative's card. "Show as list" shows the same initiatives as cards, and so does the map when it
 * cannot load: the map is never the only way to reach an initiative.
 *
 * Without `tile-url` the map draws a light offline basemap (Natural Earth) from a chunk of its own,
 * and makes no request to any host the site did not configure. Tiles from another host than the
 * page's load only once the visitor presses "Show the detailed map from …" (the tile server sees
 * their IP address), unless the site sets `tiles-without-asking`.
 *
 * ```html
 * <civic-map tile-url="https://tiles.example.org/{z}/{x}/{y}.png" attribution="© Our tiles"></civic-map>
 * ```
 *
 * @tagname civic-map
 * @summary A map of initiatives, with a list alternative.
 *
 * @slot - `<civic-map-pin>` elements. With none, the pins come from the adapter.
 *
 * @fires civic-pin-select - Cancelable. A visitor activated a pin (`initiativeId`, `label`, `lat`, `lng`, `initiative`); `preventDefault()` keeps the popup shut.
 * @fires civic-error - Loading pins failed or the data was malformed (`error: CivicError`).
 *
 * @csspart base - The wrapper of everything.
 * @csspart count - How many initiatives are in the visible area (a polite live region).
 * @csspart view-toggle - "Show as list" / "Show as map".
 * @csspart map - The map.
 * @csspart zoom - The zoom buttons.
 * @csspart attribution - The basemap's attribution.
 * @csspart tile-choice - The offer to load another host's tiles, and its note.
 * @csspart show-tiles - The button that loads them.
 * @csspart list - The list view.
 * @csspart item - One entry of the list view.
 * @csspart card - The card inside a list entry.
 * @csspart show-on-map - A list entry's "Show on the map" button.
 * @csspart popup-close - The close button of a pin's popup.
 * @csspart panel - Where a pin's card shows on a map too small for popups (below the map).
 * @csspart message - Error messages.
 * @csspart retry-button - The retry button of the error state.
 *
 * @cssprop --civic-map-height - Height of the map (default `26em`).
 * @cssprop --civic-map-pin-color - Pins and cluster rings (default `--civic-color-action`).
 * @cssprop --civic-map-land-color - Land on the offline basemap (default `--civic-color-surface-alt`).
 * @cssprop --civic-map-water-color - Sea on the offline basemap (default `--civic-color-surface`).
 */
export class CivicMap extends CivicDataElement {
  static override styles: CSSResultGroup = [CivicDataElement.styles, sharedStyles, initiativeCardStyles, mapStyles];

  /** Loads the Leaflet chunk. Replaceable (tests use it to see what a failed load looks like). */
  static loadView: () => Promise<typeof ViewModule> = () => import('./map.view.js');

  /** Where the map starts, as `"lat,lng"`. Unset: the map fits itself around the pins. */
  @property({ type: String })
  center: string | undefined;

  /** Zoom level to start at with `center` (1–18; default 12). */
  @property({ type: Number })
  zoom: number | undefined;

  /** A raster tile URL template chosen by the site (`…/{z}/{x}/{y}.png`). Unset: an offline basemap, no tile requests. */
  @property({ type: String, attribute: 'tile-url' })
  tileUrl: string | undefined;

  /**
   * What to call the tile source on the "Show the detailed map from …" button (default: its host
   * name). Tiles from another host than the page's load only after the visitor presses that button:
   * the tile server sees each visitor's IP address.
   */
  @property({ type: String, attribute: 'tile-provider' })
  tileProvider: string | undefined;

  /** Load another host's tiles without asking (the site already has its visitors' consent). */
  @property({ type: Boolean, attribute: 'tiles-without-asking' })
  tilesWithoutAsking = false;

  /** Credit for the tile source, as its terms ask (`&copy; <a href="…">…</a>`); links go through the safe-URL check. */
  @property({ type: String })
  attribution: string | undefined;

  /** Fit the view around the pins whenever they change (by default only the first time, and only without `center`). */
  @property({ type: Boolean, attribute: 'fit-to-pins' })
  fitToPins = false;

  /** `map` or `list`: which of the two views shows. */
  @property({ type: String, reflect: true })
  view: MapViewMode = 'map';

  /** Level of the cards' headings in popups and the list view (2–6). */
  @property({ type: Number, attribute: 'heading-level' })
  headingLevel: HeadingLevel = 3;

  /** At most this many pins are loaded from the adapter for one area. */
  @property({ type: Number, attribute: 'max-pins' })
  maxPins = 10_000;

  declare protected readonly localize: LocalizeController<CivicTranslation & MapStrings>;

  @state() private pins: MapPin[] = [];
  @state() private phase: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  @state() private error: CivicError | undefined;
  @state() private mapState: 'loading' | 'ready' | 'failed' = 'loading';
  @state() private inView: MapPin[] | undefined;
  @state() private truncated = false;
  /** Initiatives with an address but no point: left off the map, and said so (counted on a whole-world load). */
  @state() private unpinned = 0;
  private unpinnedInLoad = 0;
  @state() private hint = false;
  @state() private zoomLimits = { atMin: false, atMax: false };
  /** The visitor pressed "Show the detailed map". */
  @state() private tilesChosen = false;

  /** Cards in popups and the list view use this map's adapter, also when it was set as a property. */
  private readonly adapterProvider = new ContextProvider(this, { context: adapterContext });
  /** The Leaflet view, once its chunk has loaded. */
  private mapView: MapView | undefined;
  private building = false;
  private observer: MutationObserver | undefined;
  private pinKeys = new WeakMap<Element, string>();
  private nextPinKey = 0;
  private readonly report = problemReporter('civic-map');
  private controller: AbortController | undefined;
  private loadRun = 0;
  private loaded: { bbox: BBox | undefined; complete: boolean; source: unknown } | undefined;
  private fitted = false;
  private moveTimer: ReturnType<typeof setTimeout> | undefined;
  private inViewRun = 0;
  private hintTimer: ReturnType<typeof setTimeout> | undefined;
  private declaredQueued = false;
  private rebuild = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.observer = new MutationObserver(() => this.queueDeclared());
    this.observer.observe(this, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['lat', 'lng', 'label', 'initiative-id'],
    });
    this.readDeclared();
    if (this.hasUpdated) void this.buildMap();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
    this.controller?.abort();
    clearTimeout(this.moveTimer);
    clearTimeout(this.hintTimer);
    this.mapView?.destroy();
    this.mapView = undefined;
    this.mapState = 'loading';
    this.fitted = false;
  }

  protected override firstUpdated(): void {
    void this.buildMap();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('adapter')) this.adapterProvider.setValue(this.adapter);
    if (this.mapView && (changed.has('tileUrl') || changed.has('tilesWithoutAsking'))) {
      // Another base layer: the map is built again after this update (its pins are kept).
      this.mapView.destroy();
      this.mapView = undefined;
      this.tilesChosen = false;
      this.mapState = 'loading';
      this.rebuild = true;
    }
    if (changed.has('adapter') || changed.has('maxPins')) {
      this.loaded = undefined;
      if (!this.declared) void this.loadAdapterPins();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    const view = this.mapView;
    if (this.rebuild) {
      this.rebuild = false;
      void this.buildMap();
      return;
    }
    if (view && (changed.has('center') || changed.has('zoom'))) {
      const center = parseLatLng(this.center);
      if (center)
        view.map.setView(center, Number.isFinite(this.zoom) ? this.zoom! : view.map.getZoom(), { animate: false });
      else if (this.zoom !== undefined && Number.isFinite(this.zoom)) view.map.setZoom(this.zoom, { animate: false });
    }
    if (changed.has('view') && this.view === 'map' && this.mapView) {
      this.mapView.invalidateSize();
      if (!this.fitted) this.fitOnce();
      void this.mapView.refresh();
    }
  }

  /** Whether the pins are declared as children (else they come from the adapter). */
  private get declared(): boolean {
    // Server rendering (@lit-labs/ssr) gives the element no children to look at.
    return typeof this.querySelector === 'function' && !!this.querySelector('civic-map-pin');
  }

  /** The tile URL template, if any. */
  private get tiles(): string | undefined {
    return this.tileUrl?.trim() || undefined;
  }

  /** The host the tiles come from, when it is not the page's own. */
  private get foreignTileHost(): string | undefined {
    const tiles = this.tiles;
    if (!tiles) return undefined;
    try {
      const url = new URL(tiles.replace(/\{[^}]*\}/g, '0'), document.baseURI);
      return url.origin === location.origin ? undefined : url.host;
    } catch {
      return undefined;
    }
  }

  /** Tiles may load: the site's own, pre-approved by the site, or chosen by the visitor. */
  private get tilesAllowed(): boolean {
    return !!this.tiles && (this.tilesChosen || this.tilesWithoutAsking || !this.foreignTileHost);
  }

  private showTiles = (): void => {
    const tiles = this.tiles;
    if (!tiles) return;
    this.tilesChosen = true;
    this.mapView?.useTiles(tiles);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#map')?.focus());
  };

  private get wantsFit(): boolean {
    return this.fitToPins || !parseLatLng(this.center);
  }

  /** The Leaflet view, for tests and advanced hosts (undefined until the map chunk has loaded). */
  get leafletView(): MapView | undefined {
    return this.mapView;
  }

  // --- the map -----------------------------------------------------------------------------------

  private async buildMap(): Promise<void> {
    if (this.building || this.mapView) return;
    const container = this.renderRoot.querySelector<HTMLElement>('#map');
    if (!container) return;
    this.building = true;
    this.mapState = 'loading';
    try {
      const { createMapView } = await (this.constructor as typeof CivicMap).loadView();
      // The element's own first render is painted before Leaflet lays the map out (a task each).
      await yieldToMain();
      if (!this.isConnected || this.mapView) return;
      const t = this.localize;
      const reduced = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
      const center = parseLatLng(this.center);
      this.mapView = createMapView({
        container,
        root: this.renderRoot as ShadowRoot,
        center,
        zoom: center && this.zoom !== undefined && Number.isFinite(this.zoom) ? this.zoom : undefined,
        tileUrl: this.tilesAllowed ? this.tiles : undefined,
        maxZoom: 18,
        animate: !reduced && document.visibilityState === 'visible',
        rtl: t.dir() === 'rtl',
        labels: {
          cluster: (n) => t.term('mapClusterLabel', n, t.number(n)),
          clusterCount: (n) => t.number(n),
        },
        onViewChange: () => this.viewChanged(),
        onSelect: (pin) => this.select(pin),
        onSelectGroup: (pins, at, key) => this.selectGroup(pins, at, key),
        onWheelHint: () => this.showHint(),
        onBasemapError: (e) => console.error('<civic-map>: the offline basemap could not be drawn', e),
        panel: this.renderRoot.querySelector<HTMLElement>('#panel') ?? undefined,
        overlays: () => [...this.renderRoot.querySelectorAll('[part="zoom"]')],
      });
      this.mapState = 'ready';
      if (this.pins.length) {
        await this.mapView.setPins(this.pins);
        this.fitOnce();
      }
      if (!this.declared) void this.loadAdapterPins();
    } catch (e) {
      this.mapState = 'failed';
      console.error('<civic-map>: the map could not be loaded; showing the list instead.', e);
      if (!this.declared) void this.loadAdapterPins();
    } finally {
      this.building = false;
    }
  }

  private fitOnce(): void {
    if (!this.mapView || !this.wantsFit || this.view !== 'map') return;
    if (this.fitted && !this.fitToPins) return;
    if (!this.pins.length) return;
    this.mapView.fit(this.pins);
    this.fitted = true;
  }

  private viewChanged(): void {
    const view = this.mapView;
    if (!view) return;
    const limits = view.zoomRange;
    if (limits.atMin !== this.zoomLimits.atMin || limits.atMax !== this.zoomLimits.atMax) this.zoomLimits = limits;
    // A hidden map (list view) has no area: the list keeps the last one seen, or shows every pin.
    const size = view.map.getSize();
    if (size.x > 0 && size.y > 0) {
      const bbox = view.bounds();
      const inView = () => (this.inView = this.pins.filter((p) => inBBox(p, bbox)));
      // Many pins: after Leaflet has drawn the move, in a task of its own (the latest move wins).
      const run = ++this.inViewRun;
      if (this.pins.length <= FILTER_LATER_ABOVE) inView();
      else void yieldToMain().then(() => run === this.inViewRun && inView());
    } else if (this.inView) {
      this.inViewRun++;
      const keys = new Set(this.inView.map((p) => p.key));
      this.inView = this.pins.filter((p) => keys.has(p.key));
    }
    if (this.declared || !this.adapter) return;
    clearTimeout(this.moveTimer);
    this.moveTimer = setTimeout(() => void this.loadAdapterPins(), MOVE_DEBOUNCE_MS);
  }

  private showHint(): void {
    this.hint = true;
    clearTimeout(this.hintTimer);
    this.hintTimer = setTimeout(() => (this.hint = false), HINT_MS);
  }

  // --- pins --------------------------------------------------------------------------------------

  private keyFor(el: Element): string {
    let key = this.pinKeys.get(el);
    if (!key) this.pinKeys.set(el, (key = `d${++this.nextPinKey}`));
    return key;
  }

  private queueDeclared(): void {
    if (this.declaredQueued) return;
    this.declaredQueued = true;
    queueMicrotask(() => {
      this.declaredQueued = false;
      this.readDeclared();
    });
  }

  /** Read the `<civic-map-pin>` children; pins with bad coordinates are left off and reported. */
  private readDeclared(): void {
    const elements = [...this.querySelectorAll('civic-map-pin')];
    if (!elements.length) {
      if (this.loaded === undefined && this.pins.some((p) => p.key.startsWith('d'))) {
        this.pins = [];
        void this.loadAdapterPins();
      }
      return;
    }
    this.controller?.abort();
    this.loaded = undefined;
    const good: MapPin[] = [];
    elements.forEach((el, n) => {
      const lat = attributeNumber(el.getAttribute('lat'));
      const lng = attributeNumber(el.getAttribute('lng'));
      const initiativeId = el.getAttribute('initiative-id')?.trim() || undefined;
      const label = el.getAttribute('label')?.trim() || initiativeId || `${lat}, ${lng}`;
      const id = initiativeId ?? el.getAttribute('label')?.trim() ?? `pin ${n + 1}`;
      const problem = coordinateProblem(lat, lng);
      if (problem) this.report(id, problem, el.getAttribute('lat'), el.getAttribute('lng'));
      else good.push({ key: this.keyFor(el), lat, lng, label, initiativeId });
    });
    this.setPins(this.dropSwapped(good));
    this.phase = 'ready';
    this.error = undefined;
  }

  private dropSwapped(pins: MapPin[]): MapPin[] {
    const swapped = swappedAmong(pins);
    for (const p of swapped) this.report(p.initiativeId ?? p.label, 'swapped', p.lat, p.lng);
    return swapped.size ? pins.filter((p) => !swapped.has(p)) : pins;
  }

  private setPins(pins: MapPin[]): void {
    this.pins = pins;
    if (!this.mapView) return;
    const view = this.mapView;
    void view.setPins(pins).then(() => {
      if (view === this.mapView) this.fitOnce();
    });
  }

  /** The area to ask the adapter for: everything the first time a map fits itself, else the view and a margin. */
  private wantedArea(): { ask: BBox | undefined; visible: BBox } {
    const view = this.mapView;
    if (!view || this.mapState !== 'ready') return { ask: undefined, visible: WORLD };
    if (!this.fitted && this.wantsFit) return { ask: undefined, visible: WORLD };
    const visible = view.bounds();
    const [w, s, e, n] = view.bounds(0.5);
    return { ask: e - w >= 359 || (w === -180 && e === 180) ? WORLD : [w, s, e, n], visible };
  }

  /** Load the adapter's initiatives for the visible area (unless what is loaded already covers it). */
  private async loadAdapterPins(): Promise<void> {
    const adapter = this.adapter;
    if (this.declared || this.mapState === 'loading') return;
    if (!adapter) {
      this.phase = 'idle';
      return;
    }
    const { ask, visible } = this.wantedArea();
    const loaded = this.loaded;
    if (loaded && loaded.source === adapter && loaded.complete && covers(loaded.bbox, visible)) return;
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    const run = ++this.loadRun;
    this.phase = 'loading';
    try {
      const raw: unknown[] = [];
      let cursor: string | undefined;
      let truncated = false;
      do {
        const page = pageShape(
          await adapter.listInitiatives(
            { bbox: ask && ask !== WORLD ? ask : undefined, cursor, limit: PAGE_LIMIT },
            { signal: controller.signal, locale: this.localize.lang() },
          ),
        );
        raw.push(...page.items);
        cursor = page.nextCursor;
        this.mapView?.expectPins(Math.min(this.maxPins, page.total ?? raw.length));
        if (raw.length >= this.maxPins) {
          truncated = !!cursor;
          raw.length = Math.min(raw.length, this.maxPins);
          break;
        }
      } while (cursor);
      this.unpinnedInLoad = 0;
      const checked = await inSlices(raw, (item, n) => this.pinFrom(item, n), controller.signal);
      // An area's load leaves out what has no point at all: only a load of everything counts them.
      const unpinned = ask && ask !== WORLD ? this.unpinned : this.unpinnedInLoad;
      // Each step in a task of its own: with 100,000 pins, one task for all of them took 100 ms.
      await yieldToMain();
      if (run !== this.loadRun || this.declared) return;
      const pins = this.dropSwapped(checked);
      await yieldToMain();
      if (run !== this.loadRun || this.declared) return;
      this.loaded = { bbox: ask, complete: !truncated, source: adapter };
      this.truncated = truncated;
      this.unpinned = unpinned;
      this.error = undefined;
      this.phase = 'ready';
      this.setPins(pins);
    } catch (e) {
      const error = toCivicError(e);
      if (run !== this.loadRun || error.code === 'aborted') return;
      this.reportError(error);
      this.error = error;
      this.phase = 'error';
    }
  }

  /**
   * One adapter item as a pin. A malformed initiative fails the whole load (`invalid-response`), as
   * everywhere in Civic Kit; an initiative whose only fault is its place is left off and reported.
   */
  private pinFrom(item: unknown, n: number): MapPin | undefined {
    let initiative: Initiative;
    try {
      initiative = parseInitiative(item);
    } catch (e) {
      const raw = item as { id?: unknown; place?: { lat?: unknown; lng?: unknown } } | null;
      if (raw && typeof raw === 'object' && raw.place !== undefined) {
        try {
          parseInitiative({ ...raw, place: undefined });
        } catch {
          throw e;
        }
        const problem = coordinateProblem(raw.place?.lat, raw.place?.lng) ?? 'not-a-number';
        const id = typeof raw.id === 'string' || typeof raw.id === 'number' ? String(raw.id) : `item ${n + 1}`;
        this.report(id, problem, raw.place?.lat, raw.place?.lng);
        return undefined;
      }
      throw e;
    }
    const place = initiative.place;
    if (!place) {
      if (initiative.address) this.unpinnedInLoad++;
      return undefined;
    }
    const problem = coordinateProblem(place.lat, place.lng);
    if (problem) {
      this.report(initiative.id, problem, place.lat, place.lng);
      return undefined;
    }
    return new AdapterPin(`i:${initiative.id}`, place.lat, place.lng, initiative.title, initiative.id, item);
  }

  // --- user actions ------------------------------------------------------------------------------

  private select(pin: MapPin): void {
    const event = new CivicPinSelectEvent(pin.initiativeId, pin.label, pin.lat, pin.lng, pin.initiative);
    if (!this.dispatchEvent(event)) return;
    this.mapView?.openPopup(pin, this.popupContent(pin));
  }

  /** Pins that share one place: a popup that lists them; each opens its own popup. */
  private selectGroup(pins: MapPin[], at: { lat: number; lng: number }, key: string): void {
    const t = this.localize;
    const label = t.term('mapGroupLabel', pins.length, t.number(pins.length));
    const content = this.popupShell(label);
    render(
      html`${this.closeButton()}
        <div class="popup-label">${heading(this.headingLevel, undefined, label)}</div>
        <ul class="group" role="list">
          ${pins.map(
            (pin) =>
              html`<li>
                <button class="button button--secondary" type="button" dir="auto" @click=${() => this.select(pin)}>
                  ${pin.label}
                </button>
              </li>`,
          )}
        </ul>`,
      content,
    );
    this.mapView?.openPopupAt(at, content, key);
  }

  private popupShell(label: string): HTMLElement {
    const content = document.createElement('div');
    content.className = 'popup';
    content.setAttribute('role', 'dialog');
    content.setAttribute('aria-label', label);
    content.dir = this.localize.dir();
    return content;
  }

  private closeButton(): TemplateResult {
    return html`<button
      part="popup-close"
      class="popup-close"
      type="button"
      data-autofocus
      aria-label=${this.localize.term('mapClosePopup')}
      @click=${() => this.mapView?.closePopup()}
    >
      <span aria-hidden="true">×</span>
    </button>`;
  }

  private popupContent(pin: MapPin): HTMLElement {
    const content = this.popupShell(pin.label);
    let body: unknown;
    if (pin.initiative)
      body = html`<civic-initiative-card
        .initiative=${pin.initiative}
        heading-level=${this.headingLevel}
      ></civic-initiative-card>`;
    else if (pin.initiativeId)
      body = html`<civic-initiative-card
        initiative-id=${pin.initiativeId}
        heading-level=${this.headingLevel}
      ></civic-initiative-card>`;
    else body = html`<div class="popup-label">${heading(this.headingLevel, undefined, pin.label)}</div>`;
    render(html`${this.closeButton()} ${body}`, content);
    return content;
  }

  private toggleView = (): void => {
    this.view = this.view === 'map' ? 'list' : 'map';
  };

  private async showOnMap(pin: MapPin): Promise<void> {
    this.view = 'map';
    await this.updateComplete;
    const view = this.mapView;
    if (!view) return;
    view.invalidateSize();
    await view.showPin(pin);
    this.select(pin);
  }

  // --- rendering ---------------------------------------------------------------------------------

  private get listShown(): boolean {
    return this.view === 'list' || this.mapState === 'failed';
  }

  private countText(): string {
    const t = this.localize;
    if (this.phase === 'loading' && !this.pins.length) return t.term('mapLoadingPins');
    const shown = this.mapState === 'ready' && !this.listShown ? (this.inView ?? this.pins) : this.listPins;
    if (this.mapState === 'loading' && !shown.length) return t.term('mapLoadingPins');
    if (!shown.length) return t.term('mapNoPinsInView');
    return t.term('mapPinsInView', shown.length, t.number(shown.length));
  }

  /** What the list view shows: the pins in the map's area, or every pin when there is no map. */
  private get listPins(): MapPin[] {
    return this.mapState === 'ready' && this.inView ? this.inView : this.pins;
  }

  override render(): TemplateResult {
    const t = this.localize;
    const list = this.listShown;
    const busy = this.phase === 'loading' || this.mapState === 'loading';
    return html`<div part="base" class="base" dir=${t.dir()}>
      <div class="bar">
        <p part="count" class="count" role="status">${this.countText()}</p>
        ${
          this.mapState === 'failed'
            ? nothing
            : html`<button part="view-toggle" class="button button--secondary" type="button" @click=${this.toggleView}>
                ${list ? t.term('mapShowAsMap') : t.term('mapShowAsList')}
              </button>`
        }
      </div>
      ${this.mapState === 'failed' ? html`<p part="message" class="message message--error" role="alert">${t.term('mapFailed')}</p>` : nothing}
      ${
        this.phase === 'error' && this.error
          ? html`<div class="problem">
              <p part="message" class="message message--error" role="alert">${errorText(this.localize, this.error)}</p>
              <button part="retry-button" class="button button--secondary" type="button" @click=${this.retry}>
                ${t.term('retry')}
              </button>
            </div>`
          : nothing
      }
      ${this.truncated ? html`<p class="note">${t.term('mapTooManyPins', t.number(this.pins.length))}</p>` : nothing}
      ${
        this.unpinned && !this.declared
          ? html`<p class="note">${t.term('mapNotOnMap', this.unpinned, t.number(this.unpinned))}</p>`
          : nothing
      }
      <div class="map-wrap" ?hidden=${list}>
        ${this.renderTileChoice()}
        <div
          part="map"
          id="map"
          class="map"
          role="region"
          aria-label=${t.term('mapLabel')}
          aria-describedby="map-help"
          aria-busy=${busy ? 'true' : 'false'}
        ></div>
        ${this.mapState === 'ready' ? this.renderZoom() : nothing}
        <p id="map-help" class="visually-hidden">${t.term('mapHelp')}</p>
        <p class="hint ${this.hint ? 'hint--shown' : ''}" aria-hidden="true">
          ${/Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '') ? t.term('mapScrollHintMac') : t.term('mapScrollHint')}
        </p>
        ${this.mapState === 'ready' ? this.renderAttribution() : nothing}
        <div part="panel" id="panel" class="panel" hidden></div>
      </div>
      ${list ? this.renderList() : nothing}
    </div>`;
  }

  private retry = (): void => {
    this.loaded = undefined;
    void this.loadAdapterPins();
  };

  /** Native buttons rather than Leaflet's control (whose links it fills through `innerHTML`). */
  private renderZoom(): TemplateResult {
    const t = this.localize;
    const { atMin, atMax } = this.zoomLimits;
    const zoom = (delta: number, disabled: boolean) => () => {
      if (!disabled) this.mapView?.zoomBy(delta);
    };
    return html`<div part="zoom" class="zoom">
      <button
        type="button"
        aria-label=${t.term('mapZoomIn')}
        aria-disabled=${atMax ? 'true' : 'false'}
        @click=${zoom(1, atMax)}
      >
        <span aria-hidden="true">+</span>
      </button>
      <button
        type="button"
        aria-label=${t.term('mapZoomOut')}
        aria-disabled=${atMin ? 'true' : 'false'}
        @click=${zoom(-1, atMin)}
      >
        <span aria-hidden="true">−</span>
      </button>
    </div>`;
  }

  private renderTileChoice(): TemplateResult | typeof nothing {
    const host = this.foreignTileHost;
    if (!host || this.tilesAllowed || this.mapState !== 'ready') return nothing;
    const t = this.localize;
    const provider = this.tileProvider?.trim() || host;
    return html`<div part="tile-choice" class="tile-choice">
      <button part="show-tiles" class="button" type="button" aria-describedby="tiles-note" @click=${this.showTiles}>
        ${t.term('mapShowTiles', provider)}
      </button>
      <p id="tiles-note" class="tile-note">${t.term('mapTilesNote', provider)}</p>
    </div>`;
  }

  private renderAttribution(): TemplateResult {
    const t = this.localize;
    const credit = this.tilesAllowed
      ? attributionParts(this.attribution ?? '')
      : [html`<a href="https://www.naturalearthdata.com/">${t.term('mapBasemapAttribution')}</a>`];
    return html`<p part="attribution" class="attribution">
      <a href="https://leafletjs.com/">Leaflet</a>${credit.length ? html`${' | '}${credit}` : nothing}
    </p>`;
  }

  private renderList(): TemplateResult {
    const t = this.localize;
    const pins = this.listPins;
    const virtualize = pins.length > VIRTUALIZE_ABOVE ? virtualizer(() => this.requestUpdate()) : undefined;
    const virtual = !!virtualize;
    const canShow = this.mapState === 'ready';
    const item = (pin: MapPin, index: number) =>
      html`<div
        part="item"
        class="list-item"
        role="listitem"
        aria-posinset=${virtual ? index + 1 : nothing}
        aria-setsize=${virtual ? pins.length : nothing}
      >
        ${
          pin.initiative
            ? cardTemplate(pin.initiative, this.localize, { headingLevel: this.headingLevel, idPrefix: `l${index}` })
            : pin.initiativeId
              ? html`<civic-initiative-card
                  initiative-id=${pin.initiativeId}
                  heading-level=${this.headingLevel}
                ></civic-initiative-card>`
              : html`<article part="card" class="card">
                  <div class="body">${heading(this.headingLevel, undefined, pin.label)}</div>
                </article>`
        }
        ${
          canShow
            ? html`<button
                part="show-on-map"
                class="button button--secondary show-on-map"
                type="button"
                @click=${() => void this.showOnMap(pin)}
              >
                ${isolated(t.term('mapShowOnMap', MARK), pin.label)}
              </button>`
            : nothing
        }
      </div>`;
    return html`<section part="list" id="list" class="list" aria-label=${t.term('mapListLabel')}>
      ${
        pins.length
          ? html`<div class="list-items ${virtual ? 'list-items--virtual' : ''}" role="list">
              ${virtualize ? virtualize({ items: pins, renderItem: item, keyFunction: (p) => p.key }) : pins.slice(0, VIRTUALIZE_ABOVE).map(item)}
            </div>`
          : nothing
      }
    </section>`;
  }
}
