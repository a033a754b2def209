import { css } from 'lit';

export const findTheOthersStyles = css`
  :host {
    --_max: var(--civic-signup-max-width, 40em);
    --_error: var(--civic-signup-error-color, var(--_color-danger));
  }
  /* Its own surface, as the card and the poll: in a dark theme on a light page the text stays legible. */
  .base {
    container-type: inline-size;
    max-inline-size: var(--_max);
    padding: var(--_space-m);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-m);
    background: var(--_color-surface);
    color: var(--_color-text);
    overflow-wrap: anywhere;
  }
  .form {
    display: grid;
    gap: var(--_space-l);
  }
  .field {
    display: grid;
    gap: var(--_space-xs);
    min-inline-size: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  .field--error {
    padding-inline-start: var(--_space-m);
    border-inline-start: 5px solid var(--_error);
  }
  .field > p,
  .location > p {
    margin: 0;
  }
  .label {
    margin: 0;
    padding: 0;
    font-weight: 600;
  }
  .optional {
    font-weight: 400;
  }
  .hint {
    margin: 0;
    color: var(--_color-text-muted);
  }
  .error-message {
    margin: 0;
    color: var(--_error);
    font-weight: 600;
  }
  .input {
    box-sizing: border-box;
    inline-size: 100%;
    min-block-size: 2.75em;
    padding: var(--_space-xs) var(--_space-s);
    border: 2px solid var(--_color-text);
    border-radius: var(--_radius-m);
    background: var(--_color-surface);
    color: var(--_color-text);
    font: inherit;
  }
  .input--short {
    max-inline-size: 20em;
  }
  .textarea {
    min-block-size: 6em;
    resize: vertical;
  }
  .field--error .input {
    border-color: var(--_error);
  }
  .input:focus-visible {
    outline: var(--_focus-width) solid var(--_color-focus);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px var(--_color-text);
  }
  .checkboxes {
    display: grid;
    gap: var(--_space-s);
  }
  .checkboxes--columns {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 14em), 1fr));
  }
  .checkbox {
    display: flex;
    align-items: flex-start;
    gap: var(--_space-s);
  }
  .checkbox input {
    flex: none;
    font-size: inherit;
    inline-size: 1.5em;
    block-size: 1.5em;
    margin: 0;
    accent-color: var(--_color-action);
  }
  .checkbox label {
    flex: 1;
    min-inline-size: 0;
    padding-block: 0.0625em;
    cursor: pointer;
  }
  .locate,
  .location {
    display: grid;
    justify-items: start;
    gap: var(--_space-s);
    margin-block-start: var(--_space-xs);
  }
  .location-status {
    font-weight: 600;
  }
  .locate-status:empty {
    display: none;
  }
  .place-choices {
    display: grid;
    gap: var(--_space-xs);
    min-inline-size: 0;
    margin: var(--_space-s) 0 0;
    padding: 0;
    border: 0;
  }
  .place-choices > p {
    margin: 0;
  }
  .outcome:empty {
    display: none;
  }
  .message--queued {
    color: var(--_color-text);
    border-color: var(--_color-action);
  }
  .actions .button {
    min-inline-size: 10em;
  }
  .trap {
    position: absolute;
    inset-inline-start: -100vw;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
  }
  .results {
    display: grid;
    gap: var(--_space-m);
    padding: var(--_space-m);
    border: 1px solid var(--_color-border);
    border-block-start: 5px solid var(--_color-success);
    border-radius: var(--_radius-m);
    background: var(--_color-surface);
  }
  .results:focus-visible {
    outline: var(--_focus-width) solid var(--_color-focus);
  }
  .results > * {
    margin: 0;
  }
  .results .heading {
    font-family: var(--_font-heading);
    font-size: var(--_font-size-l);
    line-height: 1.3;
  }
  .results .heading:not(:first-child) {
    margin-block-start: var(--_space-s);
    font-size: var(--_font-size-m);
  }
  .nearby {
    font-size: var(--_font-size-l);
  }
  .shared,
  .receipt {
    display: grid;
    gap: var(--_space-xs);
    padding-inline-start: var(--_space-l);
  }
  .initiatives {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 16em), 1fr));
    gap: var(--_space-m);
    padding: 0;
    list-style: none;
  }
  @container (max-width: 22em) {
    .field--error {
      padding-inline-start: var(--_space-s);
    }
    .results {
      padding: var(--_space-s);
    }
    .actions .button {
      inline-size: 100%;
    }
  }
  @media (forced-colors: active) {
    .field--error,
    .input {
      border-color: FieldText;
    }
  }
`;
