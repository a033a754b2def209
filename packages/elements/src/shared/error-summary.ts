import { css, html, type TemplateResult } from 'lit';
import { heading } from './heading.js';

/** One problem in the summary: its words, and the control it links to (when there is one). */
export interface SummaryItem {
  text: string;
  /** `#id` of the control; the link's click handler moves focus there (the fragment is not looked up in a shadow root). */
  href?: string;
  onClick?: (e: Event) => void;
}

/**
 * The GOV.UK error summary, the same in every form: "There is a problem" as a heading at `level`, a
 * link to each field in error, announced as an alert. It takes focus (`tabindex="-1"`, `data-focus="summary"`)
 * when a form is sent with problems.
 */
export function errorSummary(title: string, level: number, items: readonly SummaryItem[]): TemplateResult {
  return html`<div part="error-summary" class="error-summary" tabindex="-1" data-focus="summary">
    <div role="alert">
      ${heading(level, title, { id: 'error-summary-title', className: 'error-summary-title' })}
      <ul class="error-list">
        ${items.map(
          (item) =>
            html`<li>
              ${item.href ? html`<a href=${item.href} @click=${item.onClick}>${item.text}</a>` : item.text}
            </li>`,
        )}
      </ul>
    </div>
  </div>`;
}

export const errorSummaryStyles = css`
  .error-summary {
    padding: var(--_space-m);
    border: 5px solid var(--_error, var(--_color-danger));
    border-radius: var(--_radius-m);
  }
  .error-summary:focus {
    outline: var(--_focus-width) solid var(--_color-focus);
    outline-offset: 0;
  }
  .error-summary-title {
    margin: 0 0 var(--_space-s);
    font-family: var(--_font-heading);
    font-size: var(--_font-size-l);
    line-height: 1.3;
  }
  .error-list {
    display: grid;
    gap: var(--_space-xs);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .error-list a {
    display: inline-block;
    min-block-size: 1.5em;
    color: var(--_error, var(--_color-danger));
    font-weight: 600;
  }
  @media (forced-colors: active) {
    .error-summary {
      border-color: CanvasText;
    }
  }
`;
