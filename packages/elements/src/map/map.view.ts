/**
 * Everything Leaflet: loaded only when a `<civic-map>` connects (`import('./map.view.js')`), so a
 * page with only cards never downloads it. The element owns the data, the words and the popup's
 * content; this module owns the slippy map, clustering, markers and keyboard behaviour on the map.
 */
import type { Map as LeafletMap } from 'leaflet';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import * as L from 'leaflet/dist/leaflet-src.esm.js';
import { createClusterer, WORKER_ABOVE, type BBox, type Clusterer, type ClusterItem } from './map.cluster.js';
import { leafletStyles } from './map.leaflet.styles.js';
import { yieldToMain } from '../initiative-list/initiative-list.data.js';

export interface ViewPin {
  key: string;
  lat: number;
  lng: number;
  label: string;
}

export interface MapViewOptions {
  container: HTMLElement;
  /** Where Leaflet's CSS is adopted (the element's shadow root). */
  root: ShadowRoot;
  center: { lat: number; lng: number } | undefined;
  zoom: number | undefined;
  /** A raster tile URL template chosen by the site; without one, the offline basemap is drawn. */
  tileUrl: string | undefined;
  maxZoom: number;
  /** Animate zooms and pans (off for `prefers-reduced-motion` and hidden pages). */
  animate: boolean;
  rtl: boolean;
  labels: {
    cluster: (count: number) => string;
    clusterCount: (count: number) => string;
  };
  /** Cluster in a worker above this many points. */
  workerAbove?: number;
  /** The visible area changed and its markers are drawn. */
  onViewChange: () => void;
  /** A pin was activated (click, Enter or Space). */
  onSelect: (pin: ViewPin) => void;
  /**
   * A cluster was activated that zooming cannot split (its pins share a place): list them. `key` is
   * the cluster's marker, which gets focus back when the popup closes.
   */
  onSelectGroup: (pins: ViewPin[], at: { lat: number; lng: number }, key: string) => void;
  /** A wheel turned over the map without focus or a modifier: tell the visitor how to zoom. */
  onWheelHint: () => void;
  /** The offline basemap could not be drawn (the map still works). */
  onBasemapError?: (error: unknown) => void;
  /**
   * Where a card shows on a map too small for a popup to fit (beside or below the map). Without
   * one, popups are always used.
   */
  panel?: HTMLElement;
  /** Controls drawn over the map (the zoom buttons): popups keep clear of them. */
  overlays?: () => readonly Element[];
}

type Marker = L.Marker & { civicKey?: string };

/** Room kept free between a popup and the map's edges (and the controls over it), px. */
const POPUP_MARGIN = 16;
/** A map narrower or lower than this shows cards in its panel instead of popups, px. */
export const SMALL_MAP = { width: 400, height: 320 } as const;

/** The key codes Leaflet's keyboard handler zooms with (its `keyCodes.zoomIn` and `zoomOut`). */
const ZOOM_IN_KEYS = [187, 107, 61, 171];
const ZOOM_OUT_KEYS = [189, 109, 54, 173];

const keyOf = (item: ClusterItem, pins: readonly ViewPin[]) =>
  item.kind === 'cluster' ? `c:${item.id}` : `p:${pins[item.index]?.key ?? item.index}`;

/** Adopt Leaflet's CSS into the shadow root, before the element's own rules (which refine it). */
function adoptLeafletStyles(root: ShadowRoot): void {
  const sheet = leafletStyles.styleSheet;
  if (sheet && Array.isArray(root.adoptedStyleSheets)) {
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [sheet, ...root.adoptedStyleSheets];
    return;
  }
  if (root.querySelector('style[data-leaflet]')) return;
  const style = document.createElement('style');
  style.dataset['leaflet'] = '';
  const nonce = (globalThis as { litNonce?: string }).litNonce;
  if (nonce) style.setAttribute('nonce', nonce);
  style.textContent = leafletStyles.cssText;
  root.prepend(style);
}

export class MapView {
  // Typed from 'leaflet' (@types/leaflet), so the declarations need no module declaration of the path.
  readonly map: LeafletMap;
  private readonly options: MapViewOptions;
  private readonly markerLayer: L.LayerGroup;
  private clusterer: Clusterer;
  private pins: ViewPin[] = [];
  private readonly markers = new Map<string, { marker: Marker; item: ClusterItem }>();
  private order: string[] = [];
  private refreshRun = 0;
  private loadRun = 0;
  private popup: L.Popup | undefined;
  private popupKey: string | undefined;
  /** The card shown in the panel (on a small map), and the marker it belongs to. */
  private panelKey: string | undefined;
  /** Sizes the open popup again whenever its content changes size (a card that has loaded). */
  private popupObserver: ResizeObserver | undefined;
  private fitTimer: ReturnType<typeof setTimeout> | undefined;
  /** Undoes the hooks that refit the popup after each update of an element inside it. */
  private unhookPopup: (() => void) | undefined;
  /** After a cluster is expanded: the keys of its children, the first of which gets focus. */
  private focusNext: Set<string> | undefined;
  private focusWithin = false;
  private readonly cleanups: (() => void)[] = [];
  private ready: Promise<void>;
  private destroyed = false;
  /** The load for which a clustering worker was last started. */
  private workerFor = -1;
  private basemapLayers: L.Layer[] = [];
  private tiles: L.TileLayer | undefined;

  constructor(options: MapViewOptions) {
    this.options = options;
    const { container, animate, maxZoom } = options;
    this.map = L.map(container, {
      zoomControl: false,
      attributionControl: false,
      scrollWheelZoom: false,
      zoomAnimation: animate,
      fadeAnimation: animate,
      markerZoomAnimation: animate,
      inertia: animate,
      worldCopyJump: true,
      maxZoom,
      minZoom: 1,
      keyboardPanDelta: 120,
    });
    // The drawn basemap is a picture of land and borders: the region's name and its pins carry the meaning.
    this.map.getPane('overlayPane')?.setAttribute('aria-hidden', 'true');
    this.markerLayer = L.layerGroup().addTo(this.map);
    this.clusterer = createClusterer(0, options.workerAbove ?? WORKER_ABOVE);
    this.map.setView(options.center ?? { lat: 30, lng: 0 }, options.zoom ?? (options.center ? 12 : 2), {
      animate: false,
    });
    this.ready = options.tileUrl ? Promise.resolve(this.addTiles(options.tileUrl)) : this.addBasemap();
    this.map.on('moveend', () => void this.refresh());
    // Not synchronously: a zoom the element starts while it updates must not update it again inside that update.
    this.map.on('zoomend', () => queueMicrotask(() => !this.destroyed && this.options.onViewChange()));
    this.listen(container);
  }

  /** Resolves once the base layer (tiles or the offline basemap) is on the map. */
  get basemapReady(): Promise<void> {
    return this.ready;
  }

  /** Where clustering runs now (for tests and diagnostics). */
  get clusteringIn(): 'main' | 'worker' {
    return this.clusterer.where;
  }

  private addTiles(url: string): void {
    this.tiles = L.tileLayer(url, { maxZoom: this.options.maxZoom }).addTo(this.map);
  }

  /** Switch from the offline basemap to raster tiles (after the visitor agreed to load them). */
  useTiles(url: string): void {
    if (this.tiles) return;
    for (const layer of this.basemapLayers.splice(0)) layer.remove();
    this.addTiles(url);
    this.ready = Promise.resolve();
  }

  private async addBasemap(): Promise<void> {
    try {
      const { basemap } = await import('./map.basemap.js');
      if (this.destroyed) return;
      const { land, borders } = basemap();
      // Decoding, land and borders each in a task of their own (together they took 80 ms).
      await yieldToMain();
      if (this.tiles || this.destroyed) return; // the visitor chose tiles while the basemap was loading
      this.basemapLayers.push(
        L.geoJSON(land, {
          interactive: false,
          // Not clipped to the view on every move (that took ~50 ms; the whole world is ~10,000 points).
          style: { className: 'civic-land', stroke: false, fillOpacity: 1, noClip: true } as L.PolylineOptions,
        }).addTo(this.map),
      );
      await yieldToMain();
      if (this.tiles || this.destroyed) return;
      this.basemapLayers.push(
        L.geoJSON(borders, { interactive: false, style: { className: 'civic-border', weight: 1, fill: false } }).addTo(
          this.map,
        ),
      );
    } catch (e) {
      this.options.onBasemapError?.(e);
    }
  }

  /** Keyboard and wheel behaviour that Leaflet leaves to the page. */
  private listen(container: HTMLElement): void {
    const on = <K extends keyof HTMLElementEventMap>(
      type: K,
      fn: (e: HTMLElementEventMap[K]) => void,
      capture = false,
    ) => {
      container.addEventListener(type, fn as EventListener, capture);
      this.cleanups.push(() => container.removeEventListener(type, fn as EventListener, capture));
    };
    on('focusin', () => {
      this.focusWithin = true;
      this.map.scrollWheelZoom.enable();
    });
    on('focusout', (e) => {
      if (e.relatedTarget instanceof Node && container.contains(e.relatedTarget)) return;
      this.focusWithin = false;
      this.map.scrollWheelZoom.disable();
    });
    // The page keeps scrolling under the map unless the map has focus or a modifier is held.
    on(
      'wheel',
      (e) => {
        const wanted = this.focusWithin || e.ctrlKey || e.metaKey;
        if (wanted) this.map.scrollWheelZoom.enable();
        else {
          this.map.scrollWheelZoom.disable();
          this.options.onWheelHint();
        }
      },
      true,
    );
    // Leaflet zooms three levels when Shift is held, and + is Shift with = on many keyboards: one level.
    on(
      'keydown',
      (e) => {
        if (e.target !== container || !e.shiftKey || e.altKey || e.ctrlKey || e.metaKey) return;
        const delta = ZOOM_IN_KEYS.includes(e.keyCode) ? 1 : ZOOM_OUT_KEYS.includes(e.keyCode) ? -1 : 0;
        if (!delta) return;
        e.preventDefault();
        e.stopPropagation();
        this.zoomBy(delta);
      },
      true,
    );
    const escape = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || (!this.popup && this.panelKey === undefined)) return;
      e.stopPropagation();
      this.closePopup();
    };
    on('keydown', escape);
    const panel = this.options.panel;
    if (panel) {
      panel.addEventListener('keydown', escape);
      this.cleanups.push(() => panel.removeEventListener('keydown', escape));
    }
  }

  /**
   * About `count` pins are on their way: above the worker threshold the clustering worker starts now,
   * while they load, rather than after (starting it took ~200 ms).
   */
  expectPins(count: number): void {
    if (this.workerFor === this.loadRun) return; // tried for this load already (it may have failed)
    const limit = this.options.workerAbove ?? WORKER_ABOVE;
    if (count > limit && this.clusterer.where === 'main' && !this.destroyed) {
      this.workerFor = this.loadRun;
      this.clusterer.dispose();
      this.clusterer = createClusterer(count, limit);
    }
  }

  /** Replace the pins; resolves when they are clustered and drawn. */
  async setPins(pins: readonly ViewPin[]): Promise<void> {
    this.expectPins(pins.length);
    const run = ++this.loadRun;
    this.pins = [...pins];
    const coords = new Float64Array(pins.length * 2);
    pins.forEach((p, i) => {
      coords[i * 2] = p.lng;
      coords[i * 2 + 1] = p.lat;
    });
    await this.clusterer.load(coords);
    if (run !== this.loadRun || this.destroyed) return;
    // Cluster ids are only meaningful within one data set.
    for (const { marker } of this.markers.values()) marker.remove();
    this.markers.clear();
    await this.refresh();
  }

  /** Fit the view around these pins (or keep it when there are none). */
  fit(pins: readonly ViewPin[]): void {
    if (!pins.length) return;
    // One pass over plain numbers: a LatLng for each of 100,000 pins kept the main thread busy.
    let [south, west, north, east] = [90, 180, -90, -180];
    for (const p of pins) {
      if (p.lat < south) south = p.lat;
      if (p.lat > north) north = p.lat;
      if (p.lng < west) west = p.lng;
      if (p.lng > east) east = p.lng;
    }
    const bounds = L.latLngBounds([south, west], [north, east]);
    // Clear of the zoom buttons in the top corner, so no pin starts out under them.
    const [start, end] = this.options.rtl ? [32, 64] : [64, 32];
    this.map.fitBounds(bounds, {
      paddingTopLeft: [start, 112],
      paddingBottomRight: [end, 32],
      maxZoom: 14,
      animate: false,
    });
  }

  /** The visible area as `[west, south, east, north]`, longitudes within ±180 (west > east across the antimeridian). */
  bounds(pad = 0): BBox {
    const b = this.map.getBounds().pad(pad);
    const south = Math.max(-90, b.getSouth());
    const north = Math.min(90, b.getNorth());
    if (b.getEast() - b.getWest() >= 360) return [-180, south, 180, north];
    const wrap = (lng: number) => ((((lng + 180) % 360) + 360) % 360) - 180;
    return [wrap(b.getWest()), south, wrap(b.getEast()), north];
  }

  /** Recluster for the current view and update the markers. */
  async refresh(): Promise<void> {
    const run = ++this.refreshRun;
    const b = this.map.getBounds().pad(0.25);
    const items = await this.clusterer.clusters(
      [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
      this.map.getZoom(),
    );
    if (run !== this.refreshRun || this.destroyed) return;
    this.draw(items);
    this.options.onViewChange();
  }

  private draw(items: ClusterItem[]): void {
    const wanted = new Map(items.map((item) => [keyOf(item, this.pins), item]));
    const focused = this.focusedKey();
    let lostFocus = false;
    for (const [key, { marker }] of this.markers) {
      if (wanted.has(key)) continue;
      if (key === focused) lostFocus = true;
      marker.remove();
      this.markers.delete(key);
    }
    for (const [key, item] of wanted) if (!this.markers.has(key)) this.addMarker(key, item);
    this.reorder();
    if (this.focusNext) {
      const next = this.order.find((k) => this.focusNext!.has(k));
      this.focusNext = undefined;
      if (next) {
        this.markerElement(next)?.focus();
        return;
      }
      lostFocus = true;
    }
    if (lostFocus) this.options.container.focus({ preventScroll: true });
  }

  private addMarker(key: string, item: ClusterItem): void {
    const cluster = item.kind === 'cluster';
    const pin = item.kind === 'point' ? this.pins[item.index] : undefined;
    const face = document.createElement('span');
    face.className = 'civic-marker__face';
    face.setAttribute('aria-hidden', 'true');
    let size = 28;
    let className = 'civic-marker civic-marker--pin';
    if (item.kind === 'cluster') {
      face.textContent = this.options.labels.clusterCount(item.count);
      size = item.count < 10 ? 36 : item.count < 100 ? 42 : item.count < 1000 ? 48 : item.count < 10_000 ? 56 : 64;
      className = `civic-marker civic-marker--cluster${item.count >= 10_000 ? ' civic-marker--huge' : ''}`;
    }
    const marker: Marker = L.marker([item.lat, item.lng], {
      icon: L.divIcon({ className, html: face, iconSize: [size, size] }),
      keyboard: true,
      riseOnHover: true,
    });
    marker.civicKey = key;
    marker.on('click', () => void this.activate(key));
    marker.on('keydown', (e: L.LeafletKeyboardEvent) => {
      const k = e.originalEvent.key;
      if (k !== 'Enter' && k !== ' ') return;
      e.originalEvent.preventDefault();
      void this.activate(key);
    });
    marker.addTo(this.markerLayer);
    const el = marker.getElement();
    if (el) {
      el.dataset['key'] = key;
      el.setAttribute(
        'aria-label',
        item.kind === 'cluster' ? this.options.labels.cluster(item.count) : (pin?.label ?? ''),
      );
      if (!cluster) {
        el.setAttribute('aria-haspopup', 'dialog');
        el.setAttribute('aria-expanded', String(this.popupKey === key));
      }
    }
    this.markers.set(key, { marker, item });
  }

  /** Tab order follows reading order: rows from the top, then along the row in the page's direction. */
  private reorder(): void {
    const row = 48;
    const placed = [...this.markers].map(([key, { marker }]) => {
      const p = this.map.latLngToContainerPoint(marker.getLatLng());
      return { key, band: Math.floor(p.y / row), x: this.options.rtl ? -p.x : p.x };
    });
    placed.sort((a, b) => a.band - b.band || a.x - b.x);
    const order = placed.map((p) => p.key);
    if (order.length === this.order.length && order.every((k, i) => k === this.order[i])) return;
    this.order = order;
    const active = this.focusedKey();
    const pane = this.map.getPane('markerPane');
    for (const key of order) {
      const el = this.markerElement(key);
      if (el && pane) pane.append(el);
    }
    if (active) this.markerElement(active)?.focus({ preventScroll: true });
  }

  private markerElement(key: string): HTMLElement | undefined {
    return this.markers.get(key)?.marker.getElement();
  }

  private focusedKey(): string | undefined {
    const active = this.options.root.activeElement;
    return active instanceof HTMLElement && this.options.container.contains(active) ? active.dataset['key'] : undefined;
  }

  /** The order markers are reached by Tab, as keys (`p:…` pins, `c:…` clusters). */
  get markerOrder(): readonly string[] {
    return this.order;
  }

  private async activate(key: string): Promise<void> {
    const entry = this.markers.get(key);
    if (!entry) return;
    const { item } = entry;
    if (item.kind === 'point') {
      const pin = this.pins[item.index];
      if (pin) this.options.onSelect(pin);
      return;
    }
    const { zoom, children } = await this.clusterer.expand(item.id);
    if (this.destroyed) return;
    if (zoom > this.map.getMaxZoom() || this.map.getZoom() >= this.map.getMaxZoom()) {
      const indices = await this.clusterer.leaves(item.id, 200);
      const pins = indices.map((i) => this.pins[i]).filter((p): p is ViewPin => !!p);
      if (!this.destroyed) this.options.onSelectGroup(pins, { lat: item.lat, lng: item.lng }, key);
      return;
    }
    this.focusNext = new Set(
      children.map((c) => (c.kind === 'cluster' ? `c:${c.id}` : `p:${this.pins[c.index]?.key ?? c.index}`)),
    );
    const target = Math.min(Math.max(zoom, this.map.getZoom() + 1), this.map.getMaxZoom());
    this.map.setView([item.lat, item.lng], target, { animate: this.options.animate });
  }

  /** Open `content` in a popup at `pin`; focus moves into it, and back to the pin when it closes. */
  openPopup(pin: ViewPin, content: HTMLElement): void {
    this.openPopupAt(pin, content, `p:${pin.key}`);
  }

  /** Whether the map is too small for a popup: cards then show in the panel. */
  get small(): boolean {
    const size = this.map.getSize();
    return !!this.options.panel && (size.x < SMALL_MAP.width || size.y < SMALL_MAP.height);
  }

  /**
   * Open `content` in a popup at `at` (in the panel on a small map); focus moves into it, and back
   * to the marker `key` (or the map) when it closes.
   */
  openPopupAt(at: { lat: number; lng: number }, content: HTMLElement, key: string): void {
    this.closePopup(false);
    if (this.small) {
      this.openPanel(content, key);
      return;
    }
    const size = this.map.getSize();
    const popup = L.popup({
      closeButton: false,
      closeOnEscapeKey: false,
      // Panned by fitPopup once its content is laid out (and again when the content changes size).
      autoPan: false,
      keepInView: false,
      maxWidth: Math.max(160, size.x - 4 * POPUP_MARGIN),
      minWidth: Math.min(200, Math.max(120, size.x - 4 * POPUP_MARGIN)),
      className: 'civic-popup',
    })
      .setLatLng([at.lat, at.lng])
      .setContent(content);
    this.popup = popup;
    this.popupKey = key;
    popup.on('remove', () => {
      this.popupObserver?.disconnect();
      this.unhookPopup?.();
      this.unhookPopup = undefined;
      clearTimeout(this.fitTimer);
      if (this.popup !== popup) return;
      const hadFocus = popup.getElement()?.contains(this.options.root.activeElement) ?? false;
      this.popup = undefined;
      this.popupKey = undefined;
      this.markerElement(key)?.setAttribute('aria-expanded', 'false');
      if (hadFocus || this.closingRestoresFocus) this.focusPin(key);
    });
    popup.openOn(this.map);
    this.markerElement(key)?.setAttribute('aria-expanded', 'true');
    this.fitPopup();
    // Focus only what can be seen: the popup is inside the map now, and the map in the page's view.
    popup.getElement()?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    content.querySelector<HTMLElement>('[data-autofocus]')?.focus({ preventScroll: true });
    const refit = () => {
      // Not inside the observer's callback: fitting changes sizes it observes.
      clearTimeout(this.fitTimer);
      this.fitTimer = setTimeout(() => this.fitPopup());
    };
    this.popupObserver ??= new ResizeObserver(refit);
    this.popupObserver.disconnect();
    this.popupObserver.observe(content);
    // A card inside loads, then renders again: refit after each of its updates too, without waiting
    // for a frame (the resize observer waits for one, which a page in a background tab never paints).
    this.unhookPopup = hookUpdates(content, () => queueMicrotask(() => this.fitPopup()));
  }

  /** The box inside the map that a popup must stay in: the map less a margin and the controls over it. */
  private popupRoom(): { left: number; top: number; right: number; bottom: number } {
    const box = this.options.container.getBoundingClientRect();
    const room = {
      left: box.left + POPUP_MARGIN,
      top: box.top + POPUP_MARGIN,
      right: box.right - POPUP_MARGIN,
      bottom: box.bottom - POPUP_MARGIN,
    };
    for (const control of this.options.overlays?.() ?? []) {
      const r = control.getBoundingClientRect();
      if (!r.width || !r.height) continue;
      // A control sits in a corner: the popup keeps to the side of it that leaves the most room.
      if (r.left - box.left < box.right - r.right) room.left = Math.max(room.left, r.right + POPUP_MARGIN / 2);
      else room.right = Math.min(room.right, r.left - POPUP_MARGIN / 2);
    }
    return room;
  }

  /**
   * Fit the open popup inside the map: no taller than the room there (its content scrolls), then
   * panned so all of it is in view, clear of the controls.
   */
  private fitPopup(): void {
    const el = this.popup?.getElement();
    const content = el?.querySelector<HTMLElement>('.leaflet-popup-content > *');
    if (!el || !content || this.destroyed) return;
    const room = this.popupRoom();
    // Below the popup: its tip's margin and the pin it points at, which stay in view too.
    room.bottom -= Number.parseFloat(getComputedStyle(el).marginBottom) + POPUP_MARGIN;
    content.style.maxBlockSize = '';
    const chrome = el.getBoundingClientRect().height - content.getBoundingClientRect().height;
    const height = Math.floor(room.bottom - room.top - chrome);
    const tall = content.scrollHeight > height;
    content.classList.toggle('popup--scrolled', tall);
    if (tall) content.style.maxBlockSize = `${Math.max(0, height)}px`;
    const r = el.getBoundingClientRect();
    const dx = r.left < room.left ? r.left - room.left : r.right > room.right ? r.right - room.right : 0;
    const dy = r.top < room.top ? r.top - room.top : r.bottom > room.bottom ? r.bottom - room.bottom : 0;
    if (Math.abs(dx) >= 1 || Math.abs(dy) >= 1) this.map.panBy([Math.round(dx), Math.round(dy)], { animate: false });
  }

  /** On a small map: the card below it, in the panel; focus moves into it. */
  private openPanel(content: HTMLElement, key: string): void {
    const panel = this.options.panel!;
    panel.replaceChildren(content);
    panel.hidden = false;
    this.panelKey = key;
    this.popupKey = key;
    this.markerElement(key)?.setAttribute('aria-expanded', 'true');
    // Scrolls the page to the panel if need be (the panel is not inside the map).
    content.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }

  private closePanel(restore: boolean): void {
    const key = this.panelKey;
    const panel = this.options.panel;
    if (key === undefined || !panel) return;
    this.panelKey = undefined;
    this.popupKey = undefined;
    panel.replaceChildren();
    panel.hidden = true;
    this.markerElement(key)?.setAttribute('aria-expanded', 'false');
    if (!restore) return;
    this.focusPin(key);
    // The page was scrolled down to the panel: back up to the pin (inside the map's box, so only the page scrolls).
    this.markerElement(key)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  /** Set while `closePopup` closes it (Leaflet also closes popups itself, e.g. on a map click). */
  private closingRestoresFocus = false;

  /** Close the open popup; focus goes back to its pin (or the map) unless `restore` is false. */
  closePopup(restore = true): void {
    this.closePanel(restore);
    if (!this.popup) return;
    this.closingRestoresFocus = restore;
    this.map.closePopup(this.popup);
    this.closingRestoresFocus = false;
  }

  private focusPin(key: string): void {
    (this.markerElement(key) ?? this.options.container).focus({ preventScroll: true });
  }

  /** Centre on a pin (zooming in to at least `zoom`) and draw the markers there. */
  async showPin(pin: ViewPin, zoom = 15): Promise<void> {
    this.map.setView([pin.lat, pin.lng], Math.max(this.map.getZoom(), Math.min(zoom, this.map.getMaxZoom())), {
      animate: false,
    });
    await this.refresh();
  }

  /** Zoom in (+1) or out (−1) around the centre. */
  zoomBy(delta: number): void {
    this.map.setZoom(this.map.getZoom() + delta, { animate: this.options.animate });
  }

  /** Where the zoom level stands between its limits, for the zoom buttons. */
  get zoomRange(): { atMin: boolean; atMax: boolean } {
    const z = this.map.getZoom();
    return { atMin: z <= this.map.getMinZoom(), atMax: z >= this.map.getMaxZoom() };
  }

  invalidateSize(): void {
    this.map.invalidateSize({ animate: false, pan: false });
  }

  destroy(): void {
    this.destroyed = true;
    this.closePanel(false);
    this.popupObserver?.disconnect();
    clearTimeout(this.fitTimer);
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.clusterer.dispose();
    // Leaflet's wheel zoom waits ~40 ms before zooming and does not cancel that wait on remove().
    clearTimeout((this.map.scrollWheelZoom as unknown as { _timer?: ReturnType<typeof setTimeout> })._timer);
    this.map.remove();
  }
}

export function createMapView(options: MapViewOptions): MapView {
  adoptLeafletStyles(options.root);
  return new MapView(options);
}

/** Call `onUpdated` after every update of each Lit element in `root`; returns what undoes it. */
function hookUpdates(root: HTMLElement, onUpdated: () => void): () => void {
  const controller: ReactiveController = { hostUpdated: onUpdated };
  const hosts = [...root.querySelectorAll('*')].filter(
    (el): el is Element & ReactiveControllerHost => 'addController' in el && 'removeController' in el,
  );
  for (const host of hosts) host.addController(controller);
  return () => hosts.forEach((host) => host.removeController(controller));
}
