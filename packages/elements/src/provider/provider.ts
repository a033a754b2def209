import {
  adapterContext,
  CivicElement,
  getAdapterFactory,
  registeredAdapters,
  toCivicError,
  unavailableAdapter,
  voterContext,
  CivicError,
  type CivicAdapter,
  type LocalizeController,
} from '@civic-kit/core';
import { provide } from '@lit/context';
import { css, html, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { sharedStyles } from '../shared/shared.styles.js';
import type { CivicTranslation } from '../translations/translation.js';

export const PROVIDER_THEMES = ['auto', 'light', 'dark'] as const;
export type ProviderTheme = (typeof PROVIDER_THEMES)[number];

/**
 * Gives every Civic Kit element inside it a backend (adapter), a voter identity and a theme. Its own
 * `lang`/`dir` set the language of the elements inside.
 *
 * ```html
 * <civic-provider adapter="memory" lang="en">
 *   <civic-initiative-card initiative-id="repair-cafe"></civic-initiative-card>
 * </civic-provider>
 * ```
 *
 * @tagname civic-provider
 * @summary Provides a data source, voter and theme to the Civic Kit elements inside it.
 *
 * @slot - The Civic Kit elements (and anything else) that use this provider.
 * @csspart message - Shown above the content when the data source is misconfigured.
 */
export class CivicProvider extends CivicElement {
  static override styles: CSSResultGroup = [
    CivicElement.styles,
    sharedStyles,
    css`
      :host([theme='light']) {
        color-scheme: light;
      }
      :host([theme='dark']) {
        color-scheme: dark;
      }
      :host([theme='auto']) {
        color-scheme: light dark;
      }
      .message {
        margin-block-end: var(--_space-s);
      }
    `,
  ];

  /** Name of a registered adapter to build from attributes, e.g. `memory` (the demo data) or `rest`. */
  @property({ type: String, attribute: 'adapter' })
  adapterName: string | undefined;

  /** Where the backend lives, for adapters that talk to one. */
  @property({ type: String })
  endpoint: string | undefined;

  /** Memory adapter: keep votes and supports in localStorage under this key. */
  @property({ type: String })
  persist: string | undefined;

  /** `light`, `dark`, or `auto` (follows the visitor's `prefers-color-scheme`). Unset: the page's scheme. */
  @property({ type: String, reflect: true })
  theme: ProviderTheme | undefined;

  /** The adapter itself; overrides `adapter`/`endpoint`. Replace it, never mutate it. */
  @provide({ context: adapterContext })
  @property({ attribute: false })
  adapter: CivicAdapter | undefined;

  /** A voter token signed by the host site, sent with every vote, support and sign-up. */
  @provide({ context: voterContext })
  @property({ type: String, attribute: 'voter-token' })
  voterToken: string | undefined;

  declare protected readonly localize: LocalizeController<CivicTranslation>;

  @state() private problem: string | undefined;
  /** The adapter this provider built from its attributes; a different `.adapter` is the host's own. */
  private built: CivicAdapter | undefined;
  private buildCount = 0;

  private get hostSupplied(): boolean {
    return this.adapter !== undefined && this.adapter !== this.built;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.hostSupplied) {
      this.problem = undefined;
      this.buildCount++; // a build still under way must not replace the host's adapter
      return;
    }
    if (changed.has('adapterName') || changed.has('endpoint') || changed.has('persist')) void this.build();
  }

  private async build(): Promise<void> {
    const run = ++this.buildCount;
    const name = this.adapterName?.trim();
    if (!name) return;
    const factory = getAdapterFactory(name);
    if (!factory) {
      this.fail(this.localize.term('errorUnknownAdapter', name, registeredAdapters().join(', ') || '—'));
      return;
    }
    const attributes: Record<string, string> = {};
    for (const a of Array.from(this.attributes)) attributes[a.name] = a.value;
    try {
      const adapter = await factory({ endpoint: this.endpoint, persist: this.persist, attributes });
      if (run !== this.buildCount) return;
      (this.built as { dispose?: () => void } | undefined)?.dispose?.();
      this.built = adapter;
      this.problem = undefined;
      this.adapter = adapter;
    } catch (e) {
      if (run !== this.buildCount) return;
      this.fail(toCivicError(e).message, e);
    }
  }

  /** Show the site maintainer what is wrong, and let the elements inside show an error, not wait forever. */
  private fail(problem: string, cause?: unknown): void {
    this.problem = problem;
    console.error(`<civic-provider>: ${problem}`, ...(cause === undefined ? [] : [cause]));
    this.built = unavailableAdapter(new CivicError('misconfigured', problem, { cause }));
    this.adapter = this.built;
  }

  override render(): TemplateResult {
    return html`${this.problem ? html`<p part="message" class="message message--error" role="alert">${this.problem}</p>` : nothing}<slot
      ></slot>`;
  }
}
