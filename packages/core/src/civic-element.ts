import { consume } from '@lit/context';
import { css, LitElement, type CSSResultGroup } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { CivicAdapter } from './adapter.js';
import { adapterContext, voterContext } from './context.js';
import { ensureContextRoot } from './context-root.js';
import { LocalizeController, type StringOverrides } from './controllers/localize.js';
import { CivicErrorEvent } from './events.js';
import { CivicError } from './errors.js';
import { listAttributeProblem } from './list-attribute.js';

/**
 * The base of every Civic Kit element: host styles shared by all, and strings, numbers and dates in
 * the language of the nearest `lang`.
 */
export class CivicElement extends LitElement {
  static override styles: CSSResultGroup = css`
    :host {
      display: block;
      box-sizing: border-box;
      color: var(--civic-color-text, CanvasText);
      font-family: var(--civic-font-body, system-ui, sans-serif);
      font-size: var(--civic-font-size, 1em);
      line-height: 1.5;
    }
    :host([hidden]) {
      display: none !important;
    }
    /* A list attribute that does not parse (checkListAttribute), said on the element itself. */
    :host([data-civic-problem])::before {
      content: attr(data-civic-problem);
      display: block;
      margin-block-end: 0.5em;
      padding: 0.5em;
      border: 2px solid currentColor;
      white-space: pre-line;
    }
    *,
    *::before,
    *::after {
      box-sizing: inherit;
    }
    .visually-hidden {
      position: absolute !important;
      width: 1px !important;
      height: 1px !important;
      margin: 0 !important;
      padding: 0 !important;
      overflow: hidden !important;
      clip: rect(0 0 0 0) !important;
      clip-path: inset(50%) !important;
      border: 0 !important;
      white-space: nowrap !important;
    }
  `;

  /** Replace any of this instance's strings: `el.strings = { retry: 'Try once more' }`. */
  @property({ attribute: false })
  strings: StringOverrides | undefined;

  protected readonly localize = new LocalizeController(this);

  private listProblems = new Map<string, string>();

  /**
   * Checks a list attribute against the one list form (`parseListAttribute`: a JSON array, or items
   * separated by commas). A value that does not parse, or holds items `read` cannot use, is reported
   * in the console, as a `civic-error` event (`misconfigured`) and on the element itself, which
   * shows it above its content until the attribute is fixed.
   */
  protected checkListAttribute(name: string, read: (item: unknown) => unknown): void {
    const problem = listAttributeProblem(this.getAttribute(name), read);
    const message = problem && `<${this.localName}> ${name}: ${problem}`;
    if (message === this.listProblems.get(name)) return;
    if (message) {
      this.listProblems.set(name, message);
      console.warn(message);
      this.dispatchEvent(new CivicErrorEvent(new CivicError('misconfigured', message)));
    } else this.listProblems.delete(name);
    if (this.listProblems.size) this.setAttribute('data-civic-problem', [...this.listProblems.values()].join('\n'));
    else this.removeAttribute('data-civic-problem');
  }
}

/** A Civic Kit element that talks to a backend: the adapter and voter from the nearest provider. */
export class CivicDataElement extends CivicElement {
  /** The backend; set by the nearest `<civic-provider>`, or directly as a property. */
  @consume({ context: adapterContext, subscribe: true })
  @property({ attribute: false })
  adapter: CivicAdapter | undefined;

  /** Opaque voter token from the host site, passed with every write. */
  @consume({ context: voterContext, subscribe: true })
  @state()
  protected voter: string | undefined;

  override connectedCallback(): void {
    // Before the context request goes out, so a provider defined later still answers it.
    ensureContextRoot();
    super.connectedCallback();
  }

  /** Tell the host page something failed, without throwing into it. */
  protected reportError(error: CivicError): void {
    this.dispatchEvent(new CivicErrorEvent(error));
  }
}
