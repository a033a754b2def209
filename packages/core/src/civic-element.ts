import { consume } from '@lit/context';
import { css, LitElement, type CSSResultGroup } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { CivicAdapter } from './adapter.js';
import { adapterContext, voterContext } from './context.js';
import { ensureContextRoot } from './context-root.js';
import { LocalizeController, type StringOverrides } from './controllers/localize.js';
import { CivicErrorEvent } from './events.js';
import type { CivicError } from './errors.js';

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

  // An element in a language whose strings are still loading renders once they are here, in it.
  protected override scheduleUpdate(): void | Promise<unknown> {
    const loading = this.localize.languageLoading();
    return loading ? loading.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
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
