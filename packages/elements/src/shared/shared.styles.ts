import { css } from 'lit';
import { tokenStyles } from '../themes/tokens.js';

/** Focus, buttons and message blocks every element shares; values only through the theme locals. */
export const sharedStyles = [
  tokenStyles,
  css`
    :host {
      color: var(--_color-text);
      font-family: var(--_font-body);
      font-size: var(--_font-size-m);
    }
    /*
     * A width from content where the page sizes the element by it (a flex row, a float): the boxes
     * inside that answer container queries (inline-size containment) give none, so the element would
     * be 0 px wide. Twenty em dashes, a break allowed after each, ask for about 20em at most and
     * one dash at least (a narrow column stays narrow). No height, hidden from everyone.
     */
    :host::before {
      content: '\\2014\\200b\\2014\\200b\\2014\\200b\\2014\\200b\\2014\\200b\\2014\\200b\\2014\\200b\\2014\\200b\\2014\\200b\\2014\\200b\\2014\\200b\\2014\\200b\\2014\\200b\\2014\\200b\\2014\\200b\\2014\\200b\\2014\\200b\\2014\\200b\\2014\\200b\\2014\\200b' /
        '';
      display: block;
      block-size: 0;
      overflow: hidden;
      visibility: hidden;
      line-height: 0;
    }
    :focus-visible {
      outline: var(--_focus-width) solid var(--_color-focus);
      outline-offset: 2px;
    }
    /* Scrolled into view on focus with room for the whole outline, not only the box inside it. */
    :is(a, button, input, select, textarea, summary, [tabindex]) {
      scroll-margin: calc(var(--_focus-width) + 2px + var(--_space-xs));
    }
    a {
      color: var(--_color-action);
      text-underline-offset: 0.15em;
    }
    a:hover {
      text-decoration-thickness: 0.15em;
    }
    .button {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: var(--_space-xs);
      min-block-size: 2.75em;
      min-inline-size: 2.75em;
      padding: var(--_space-s) var(--_space-m);
      border: 2px solid var(--_color-action);
      border-radius: var(--_radius-m);
      background: var(--_color-action);
      color: var(--_color-action-text);
      font: inherit;
      font-weight: 600;
      cursor: pointer;
    }
    .button--secondary {
      background: transparent;
      color: var(--_color-action);
    }
    .button:disabled,
    .button[aria-disabled='true'] {
      cursor: not-allowed;
      opacity: 0.7;
    }
    .message {
      margin: 0;
      padding: var(--_space-s) var(--_space-m);
      border-inline-start: 4px solid currentColor;
    }
    .message--error {
      color: var(--_color-danger);
    }
    .message--success {
      color: var(--_color-success);
    }
    .message > span {
      color: var(--_color-text);
    }
    @media (forced-colors: active) {
      .button {
        border-color: ButtonText;
      }
      .message {
        border-color: CanvasText;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      *,
      *::before,
      *::after {
        animation: none !important;
        transition: none !important;
      }
    }
  `,
];
