import { css } from 'lit';

/** The map, its markers and popups (Leaflet's own CSS comes with the map chunk), and the list view. */
export const mapStyles = css`
  :host {
    --_map-height: var(--civic-map-height, 26em);
    --_pin: var(--civic-map-pin-color, var(--_color-action));
    --_land: var(--civic-map-land-color, var(--_color-surface-alt));
    --_water: var(--civic-map-water-color, var(--_color-surface));
  }
  [hidden] {
    display: none !important;
  }
  .base {
    display: grid;
    gap: var(--_space-s);
  }
  /* A surface of its own: its text stays readable in a colour scheme other than the page's. */
  .base {
    background: var(--_color-surface);
    color: var(--_color-text);
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-s);
  }
  .count {
    margin: 0;
    color: var(--_color-text-muted);
  }
  .map-wrap {
    position: relative;
    isolation: isolate;
  }
  .map {
    block-size: var(--_map-height);
    min-block-size: 12em;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-m);
    background: var(--_water);
    color: var(--_color-text);
    font: inherit;
    font-size: var(--_font-size-s);
  }
  .map:focus-visible {
    outline: var(--_focus-width) solid var(--_color-focus);
    outline-offset: 2px;
  }
  .civic-land {
    fill: var(--_land);
  }
  .civic-border {
    stroke: var(--_color-border);
    stroke-width: 1;
  }
  .civic-marker {
    display: flex;
    align-items: center;
    justify-content: center;
    border-radius: 50%;
    box-sizing: border-box;
    cursor: pointer;
  }
  .civic-marker--pin {
    border: 3px solid var(--_color-surface);
    background: var(--_pin);
    box-shadow: 0 0 0 1px var(--_color-text);
  }
  .civic-marker--pin .civic-marker__face {
    inline-size: 6px;
    block-size: 6px;
    border-radius: 50%;
    background: var(--_color-surface);
  }
  .civic-marker--cluster {
    border: 4px solid var(--_pin);
    background: var(--_color-surface);
    box-shadow: 0 0 0 1px var(--_color-text);
    color: var(--_color-text);
    font-size: var(--_font-size-s);
    font-weight: 700;
    line-height: 1;
  }
  .civic-marker--huge {
    font-size: 0.75em;
  }
  .civic-marker:focus {
    outline: none;
  }
  .civic-marker:focus-visible {
    outline: var(--_focus-width) solid var(--_color-focus);
    outline-offset: 3px;
  }
  .civic-marker[aria-expanded='true'] {
    box-shadow:
      0 0 0 2px var(--_color-surface),
      0 0 0 5px var(--_color-text);
  }
  .zoom {
    position: absolute;
    z-index: 1000;
    inset-block-start: var(--_space-s);
    inset-inline-start: var(--_space-s);
    display: grid;
    overflow: hidden;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-m);
    background: var(--_color-surface);
  }
  .zoom button {
    inline-size: 2.75em;
    block-size: 2.75em;
    padding: 0;
    border: 0;
    background: var(--_color-surface);
    color: var(--_color-text);
    font: inherit;
    font-size: 1.5em;
    line-height: 1;
    cursor: pointer;
  }
  .zoom button + button {
    border-block-start: 1px solid var(--_color-border);
  }
  .zoom button:focus-visible {
    outline: var(--_focus-width) solid var(--_color-focus);
    outline-offset: calc(-1 * var(--_focus-width) - 2px);
  }
  .zoom button[aria-disabled='true'] {
    color: var(--_color-text-muted);
    cursor: not-allowed;
  }
  .leaflet-popup-content-wrapper,
  .leaflet-popup-tip {
    border: 1px solid var(--_color-border);
    background: var(--_color-surface);
    color: var(--_color-text);
    box-shadow: 0 3px 14px rgb(0 0 0 / 0.35);
  }
  .leaflet-popup-content-wrapper {
    border-radius: var(--_radius-m);
  }
  .leaflet-popup-content {
    margin: var(--_space-s);
    font-size: var(--_font-size-m);
    line-height: 1.5;
  }
  .popup {
    display: grid;
    gap: var(--_space-xs);
    inline-size: 17em;
    max-inline-size: 100%;
  }
  /* A popup taller than the room in the map scrolls (fitPopup sets its height); room for focus outlines. */
  .popup--scrolled {
    overflow-y: auto;
    padding: var(--_space-s);
  }
  .panel {
    margin-block-start: var(--_space-s);
    padding: var(--_space-s);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-m);
    background: var(--_color-surface);
    color: var(--_color-text);
  }
  .panel .popup {
    inline-size: auto;
  }
  .popup-close {
    justify-self: end;
    min-block-size: 2.75em;
    min-inline-size: 2.75em;
    padding: 0;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-m);
    background: var(--_color-surface);
    color: var(--_color-text);
    font: inherit;
    font-size: 1.5em;
    line-height: 1;
    cursor: pointer;
  }
  .popup-label {
    margin: 0;
  }
  .popup-label .title {
    margin: 0;
    font-size: var(--_font-size-l);
  }
  .group {
    display: grid;
    gap: var(--_space-xs);
    max-block-size: 16em;
    margin: 0;
    padding: 0;
    overflow-y: auto;
    list-style: none;
  }
  .group .button {
    inline-size: 100%;
    justify-content: start;
    text-align: start;
  }
  .attribution {
    margin: var(--_space-xs) 0 0;
    color: var(--_color-text-muted);
    font-size: var(--_font-size-s);
    text-align: end;
  }
  .tile-choice {
    position: absolute;
    z-index: 1001;
    inset-block-start: var(--_space-s);
    inset-inline: 3.75em var(--_space-s);
    display: grid;
    justify-items: start;
    gap: var(--_space-xs);
    padding: var(--_space-s);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-m);
    background: var(--_color-surface);
    color: var(--_color-text);
  }
  .tile-note {
    margin: 0;
    font-size: var(--_font-size-s);
  }
  .hint {
    position: absolute;
    z-index: 1000;
    inset-block-start: 50%;
    inset-inline: var(--_space-m);
    margin: 0;
    padding: var(--_space-s) var(--_space-m);
    border-radius: var(--_radius-m);
    background: var(--_color-text);
    color: var(--_color-surface);
    font-weight: 600;
    text-align: center;
    pointer-events: none;
    opacity: 0;
    transition: opacity 0.2s;
    transform: translateY(-50%);
  }
  .hint--shown {
    opacity: 1;
  }
  .list-items {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 18em), 1fr));
    gap: var(--_space-m);
    margin: 0;
    padding: 0;
  }
  .list-items--virtual {
    display: block;
  }
  .list-items--virtual > .list-item {
    inline-size: 100%;
    padding-block-end: var(--_space-m);
  }
  .list-item {
    display: grid;
    grid-template-rows: 1fr auto;
    gap: var(--_space-xs);
    min-inline-size: 0;
    container-type: inline-size;
  }
  .show-on-map {
    justify-self: start;
  }
  .problem {
    display: grid;
    justify-items: start;
    gap: var(--_space-s);
  }
  @media (forced-colors: active) {
    .map {
      border-color: CanvasText;
    }
    .civic-land {
      fill: Canvas;
      stroke: CanvasText;
    }
    .civic-border {
      stroke: GrayText;
    }
    .civic-marker {
      forced-color-adjust: none;
      border-color: ButtonText;
      background: ButtonFace;
      color: ButtonText;
      box-shadow: none;
    }
    .civic-marker--pin .civic-marker__face {
      background: ButtonText;
    }
    .civic-marker:focus-visible {
      outline-color: Highlight;
    }
    .civic-marker[aria-expanded='true'] {
      border-color: Highlight;
    }
    .zoom,
    .zoom button,
    .leaflet-popup-content-wrapper,
    .tile-choice,
    .popup-close {
      border-color: CanvasText;
    }
  }
`;
