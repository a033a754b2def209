import { css } from 'lit';

export const pollStyles = css`
  :host {
    --_bar: var(--civic-poll-bar-color, var(--_color-action));
    --_bar-mine: var(--civic-poll-bar-mine-color, var(--_bar));
    --_track: var(--civic-poll-bar-track-color, var(--_color-surface-alt));
    --_bar-h: var(--civic-poll-bar-height, 0.75em);
    --_gap: var(--civic-poll-spacing, var(--_space-m));
  }
  .poll {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
    /* Narrower padding on a narrow poll (a percentage is of the poll's own width). */
    padding: clamp(var(--_space-s), 4.5%, var(--_space-m));
    container-type: inline-size;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-m);
    background: var(--_color-surface);
    color: var(--_color-text);
    overflow-wrap: anywhere;
  }
  .poll--empty {
    display: none;
  }
  p {
    margin: 0;
  }
  .intro,
  .form,
  .results,
  .ranking,
  .round,
  .your-vote-block {
    display: grid;
    gap: var(--_space-s);
  }
  .form {
    gap: var(--_gap);
  }
  .question {
    margin: 0;
    font-family: var(--_font-heading);
    font-size: var(--_font-size-l);
    line-height: 1.3;
  }
  .when,
  .hint,
  .note,
  .machine-translated {
    color: var(--_color-text-muted);
    font-size: var(--_font-size-s);
  }
  /* An empty live region stays in the page (so it is heard when it fills) but takes no room. */
  .live {
    display: grid;
    gap: var(--_space-s);
  }
  .live:not(:has(p)) {
    margin-block-end: calc(-1 * var(--_gap));
  }

  /* The ballot */
  .fieldset {
    display: grid;
    gap: var(--_space-s);
    min-inline-size: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  .legend {
    padding: 0;
    margin-block-end: var(--_space-s);
  }
  .fieldset--error {
    padding-inline-start: var(--_space-m);
    border-inline-start: 4px solid var(--_color-danger);
  }
  .field-error {
    color: var(--_color-danger);
    font-weight: 600;
  }
  /* Kept in the page while empty (a live region must exist before it speaks), taking no room. */
  .count:empty {
    block-size: 0;
    margin-block-end: calc(-1 * var(--_space-s));
  }
  .choices {
    display: grid;
    gap: var(--_space-xs);
  }
  .choice {
    display: flex;
    align-items: center;
    gap: var(--_space-s);
    min-block-size: 2.75em;
  }
  .control {
    flex: none;
    font-size: inherit;
    inline-size: 1.5em;
    block-size: 1.5em;
    margin: 0;
    accent-color: var(--_color-action);
    cursor: pointer;
  }
  .choice label {
    flex: 1;
    padding-block: var(--_space-xs);
    cursor: pointer;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
  }

  /* Ranked choice */
  .list-title {
    font-weight: 600;
  }
  .ranked,
  .unranked {
    display: grid;
    gap: var(--_space-xs);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .ranked-item {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-xs) var(--_space-s);
    padding: var(--_space-xs) var(--_space-s);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-m);
    background: var(--_color-surface);
  }
  .ranked-item--dragging {
    outline: 2px dashed var(--_color-action);
    background: var(--_color-surface-alt);
  }
  .handle {
    flex: none;
    inline-size: 1.5em;
    block-size: 2.5em;
    color: var(--_color-text-muted);
    background-image: radial-gradient(circle, currentColor 0.125em, transparent 0.14em);
    background-size: 0.6em 0.6em;
    background-position: center;
    cursor: grab;
    touch-action: none;
  }
  .ranked-item--dragging .handle {
    cursor: grabbing;
  }
  .position {
    flex: none;
    min-inline-size: 1.5em;
    font-weight: 700;
    text-align: center;
  }
  .ranked-label {
    flex: 1 1 8em;
    min-inline-size: 0;
  }
  .tools {
    display: flex;
    gap: var(--_space-xs);
    margin-inline-start: auto;
  }
  .icon-button {
    display: inline-grid;
    place-items: center;
    inline-size: 2.5em;
    block-size: 2.5em;
    padding: 0;
    border: 2px solid var(--_color-action);
    border-radius: var(--_radius-m);
    background: transparent;
    color: var(--_color-action);
    font: inherit;
    font-weight: 700;
    cursor: pointer;
  }
  .icon-button[aria-disabled='true'] {
    border-style: dashed;
    border-color: var(--_color-border);
    color: var(--_color-text-muted);
    cursor: not-allowed;
  }
  .add {
    display: flex;
    align-items: center;
    gap: var(--_space-s);
    inline-size: 100%;
    min-block-size: 2.75em;
    padding: var(--_space-xs) var(--_space-s);
    border: 1px dashed var(--_color-border);
    border-radius: var(--_radius-m);
    background: transparent;
    color: var(--_color-text);
    font: inherit;
    text-align: start;
    cursor: pointer;
  }
  .add .icon {
    display: grid;
    flex: none;
    place-items: center;
    inline-size: 1.5em;
    block-size: 1.5em;
    border-radius: 50%;
    background: var(--_color-action);
    color: var(--_color-action-text);
    font-weight: 700;
  }
  .empty {
    color: var(--_color-text-muted);
    font-style: italic;
  }

  /* Results */
  .results-title,
  .round-title {
    margin: 0;
    font-family: var(--_font-heading);
    font-size: var(--_font-size-m);
    font-weight: 700;
  }
  .totals,
  .outcome,
  .your-vote {
    font-weight: 600;
  }
  .your-vote-block {
    justify-items: start;
  }
  .bars,
  .rounds {
    display: grid;
    gap: var(--_space-s);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .rounds {
    gap: var(--_gap);
  }
  .round {
    padding-block-start: var(--_space-s);
    border-block-start: 1px solid var(--_color-border);
  }
  .round-note {
    font-size: var(--_font-size-s);
  }
  .result {
    display: grid;
    gap: var(--_space-xs);
  }
  .result-text {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    column-gap: var(--_space-s);
  }
  .result-label {
    font-weight: 600;
  }
  .result-figures {
    font-variant-numeric: tabular-nums;
  }
  .mark {
    padding: 0 var(--_space-s);
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: var(--_font-size-s);
  }
  .mark--mine {
    color: var(--_color-success);
  }
  .bar {
    display: block;
    block-size: var(--_bar-h);
    overflow: hidden;
    border-radius: 999px;
    background: var(--_track);
  }
  .fill {
    display: block;
    block-size: 100%;
    inline-size: calc(var(--_w, 0) * 100%);
    border-radius: inherit;
    background: var(--_bar);
    transition: inline-size 0.3s ease;
  }
  .result--mine .fill {
    background: var(--_bar-mine);
  }
  .options {
    margin: 0;
    padding-inline-start: var(--_space-l);
  }

  /* Loading */
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
  .poll--error .button {
    align-self: flex-start;
  }
  @keyframes pulse {
    50% {
      opacity: 0.5;
    }
  }

  @container (max-width: 22em) {
    .tools {
      justify-content: flex-end;
      inline-size: 100%;
    }
    .actions .button {
      flex: 1;
    }
  }
  @media (forced-colors: active) {
    .poll,
    .ranked-item,
    .fieldset--error {
      border-color: CanvasText;
    }
    .bar {
      border: 1px solid CanvasText;
    }
    .fill,
    .add .icon,
    .handle {
      forced-color-adjust: none;
    }
    .fill {
      background: Highlight;
    }
    .add .icon {
      background: ButtonText;
      color: ButtonFace;
    }
    .handle {
      color: CanvasText;
    }
    .icon-button,
    .add {
      border-color: ButtonText;
    }
  }
`;
