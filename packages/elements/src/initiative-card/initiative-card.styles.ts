import { css } from 'lit';

export const initiativeCardStyles = css`
  :host {
    --_progress: var(--civic-card-progress-color, var(--_color-action));
    --_ratio: var(--civic-card-image-ratio, 16 / 9);
  }
  .card {
    container-type: inline-size;
    display: flex;
    flex-direction: column;
    block-size: 100%;
    overflow: hidden;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-m);
    background: var(--_color-surface);
    color: var(--_color-text);
    overflow-wrap: anywhere;
  }
  .card--empty {
    display: none;
  }
  .card--loading,
  .card--error {
    gap: var(--_space-s);
    padding: var(--_space-m);
  }
  .card--error .button {
    align-self: flex-start;
  }
  .image {
    display: block;
    inline-size: 100%;
    aspect-ratio: var(--_ratio);
    object-fit: cover;
    background: var(--_color-surface-alt);
  }
  .body {
    display: flex;
    flex: 1;
    flex-direction: column;
    gap: var(--_space-s);
    padding: var(--_space-m);
  }
  .body > * {
    margin: 0;
  }
  .status {
    align-self: flex-start;
    padding: 0 var(--_space-s);
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: var(--_font-size-s);
    font-weight: 600;
  }
  .status--active {
    color: var(--_color-success);
  }
  .status--proposed {
    color: var(--_color-action);
  }
  .status--completed,
  .status--closed {
    color: var(--_color-text-muted);
  }
  .title {
    font-family: var(--_font-heading);
    font-size: var(--_font-size-l);
    line-height: 1.3;
  }
  .title a {
    color: inherit;
  }
  .summary {
    display: -webkit-box;
    overflow: hidden;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 6;
  }
  .description {
    display: grid;
    gap: var(--_space-s);
  }
  .description--text {
    white-space: pre-line;
  }
  .description > * {
    margin: 0;
  }
  .description :is(ul, ol) {
    padding-inline-start: 1.5em;
  }
  .description blockquote {
    padding-inline-start: var(--_space-s);
    border-inline-start: 3px solid var(--_color-border);
  }
  .description :is(h3, h4, h5, h6) {
    font-size: inherit;
  }
  /* Links in running text: 24 px tall with the line around them (WCAG 2.5.8). */
  .description a {
    padding-block: 0.25em;
  }
  .machine-translated,
  .muted,
  .source,
  .details dt {
    color: var(--_color-text-muted);
    font-size: var(--_font-size-s);
  }
  .details {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: var(--_space-xs) var(--_space-s);
    margin: 0;
  }
  .details div {
    display: contents;
  }
  .details dt {
    padding-block-start: 0.1em;
  }
  .details dd {
    margin: 0;
  }
  /* Links in small print still get a 24 px target (WCAG 2.5.8 without the spacing exception). */
  .details a,
  .source a {
    display: inline-block;
    min-block-size: 24px;
  }
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs);
    padding: 0;
    list-style: none;
  }
  .tag {
    padding: 0 var(--_space-s);
    border-radius: var(--_radius-m);
    background: var(--_color-surface-alt);
    font-size: var(--_font-size-s);
  }
  .supporters {
    display: grid;
    gap: var(--_space-s);
    margin-block-start: auto;
  }
  .supporters > p {
    margin: 0;
  }
  progress {
    inline-size: 100%;
    block-size: 0.5em;
    border: 1px solid var(--_color-border);
    border-radius: 999px;
    background: var(--_color-surface-alt);
    accent-color: var(--_progress);
    appearance: none;
  }
  progress::-webkit-progress-bar {
    border-radius: 999px;
    background: var(--_color-surface-alt);
  }
  progress::-webkit-progress-value {
    border-radius: 999px;
    background: var(--_progress);
  }
  progress::-moz-progress-bar {
    border-radius: 999px;
    background: var(--_progress);
  }
  .supporters .button {
    justify-self: start;
  }
  .supported {
    color: var(--_color-success);
    font-weight: 600;
  }
  .skeleton {
    block-size: 1em;
    border-radius: var(--_radius-m);
    background: var(--_color-surface-alt);
    animation: pulse 1.5s ease-in-out infinite;
  }
  .skeleton--title {
    block-size: 1.5em;
    inline-size: 70%;
  }
  .skeleton--short {
    inline-size: 40%;
  }
  .note {
    margin: 0;
    color: var(--_color-text-muted);
    font-size: var(--_font-size-s);
  }
  @keyframes pulse {
    50% {
      opacity: 0.5;
    }
  }
  @container (max-width: 20em) {
    .body {
      padding: var(--_space-s);
    }
    .details {
      grid-template-columns: 1fr;
      row-gap: 0;
    }
    .details div + div dt {
      margin-block-start: var(--_space-xs);
    }
    .supporters .button {
      justify-self: stretch;
    }
  }
  @media (forced-colors: active) {
    .card {
      border-color: CanvasText;
    }
    progress::-webkit-progress-value {
      background: Highlight;
    }
    progress::-webkit-progress-bar {
      border: 1px solid CanvasText;
    }
  }
`;
