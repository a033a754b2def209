import { css } from 'lit';

/** The list around the cards; the cards themselves are styled by the card's own stylesheet. */
export const initiativeListStyles = css`
  :host {
    --_min-column: var(--civic-list-min-column, 18em);
    --_gap: var(--civic-list-gap, var(--_space-m));
  }
  .base {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space-m);
  }
  /* A surface of its own: its text stays readable in a colour scheme other than the page's. */
  .base {
    background: var(--_color-surface);
    color: var(--_color-text);
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: var(--_space-s) var(--_space-m);
    margin: 0;
  }
  .field {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    flex: 1 1 10em;
    gap: var(--_space-xs);
    min-inline-size: 0;
  }
  .field--search {
    flex: 3 1 16em;
  }
  .field--distance {
    flex: 2 1 12em;
  }
  label {
    font-weight: 600;
  }
  .search-row {
    display: flex;
    gap: var(--_space-xs);
  }
  .search-row input {
    flex: 1;
    min-inline-size: 0;
  }
  input,
  select {
    min-block-size: 2.75em;
    inline-size: 100%;
    min-inline-size: 0;
    max-inline-size: 100%;
    padding: var(--_space-xs) var(--_space-s);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-m);
    background: var(--_color-surface);
    color: var(--_color-text);
    font: inherit;
  }
  .search-row input {
    inline-size: auto;
  }
  .hint {
    color: var(--_color-text-muted);
    font-size: var(--_font-size-s);
  }
  .field--distance .button {
    justify-self: start;
  }
  /* Not .summary: the card's stylesheet (for the cards drawn here) clips that class to six lines. */
  .list-summary {
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
  .count:empty {
    display: none;
  }
  .items,
  .skeletons {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--_min-column)), 1fr));
    gap: var(--_gap);
  }
  .items[aria-busy='true'] {
    opacity: 0.6;
  }
  .items--virtual {
    display: block;
  }
  .item {
    container-type: inline-size;
    min-inline-size: 0;
    border-radius: var(--_radius-m);
  }
  .items--virtual > .item {
    inline-size: 100%;
    padding-block-end: var(--_gap);
  }
  .item:focus {
    outline: none;
  }
  .item:focus-visible {
    outline: var(--_focus-width) solid var(--_color-focus);
    outline-offset: 2px;
  }
  .more {
    justify-self: center;
  }
  .problem,
  .empty {
    display: grid;
    justify-items: start;
    gap: var(--_space-s);
  }
  .note {
    grid-column: 1 / -1;
  }
  @media (forced-colors: active) {
    input,
    select {
      border-color: CanvasText;
    }
  }
`;
