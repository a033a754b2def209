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
 *
 * Attributes read by the adapter that `adapter` names (every one: packages/adapters/README.md):
 * @attr {number} timeout-ms - rest, decidim, federated: time allowed per request (federated: per source), in milliseconds.
 * @attr {number} retries - rest: attempts after a network failure, a 429 or a 503.
 * @attr {string} sources - federated: the sources as a JSON array, `[{"adapter": "rest", "endpoint": "…", "name": "Our town"}]`.
 * @attr {string} participatory-space - decidim: the space whose proposals or meetings to show (`green-streets`, `assemblies/7`).
 * @attr {'initiatives' | 'proposals' | 'meetings'} resource - decidim: what to show.
 * @attr {string} component - decidim: only this component of the space (by id).
 * @attr {string} locale - decidim: the language wanted from the instance.
 * @attr {string} fallback-locales - decidim: languages to fall back on, in order.
 * @attr {number} goal - decidim: signatures or votes needed, for the progress bar.
 * @attr {'votes' | 'likes'} supporters - decidim: what counts as supporters of a proposal.
 * @attr {'auto' | 'on' | 'off'} voting - decidim: whether to offer voting.
 * @attr {string} status-map - decidim: extra state mappings, `in_progress:active, done:completed`.
 * @attr {string} bounds - decidim: `west,south,east,north` of the area places should be in.
 * @attr {number} max-items - decidim, activitystreams: most items fetched for one list.
 * @attr {number} requests-per-minute - decidim: this page's request budget for the instance.
 * @attr {string} source-name - decidim, static, activitystreams: the name shown as the initiatives' source.
 * @attr {string} source-url - static, activitystreams: the link of that source.
 * @attr {'lat-lng' | 'lng-lat'} coordinate-order - activitystreams: the order of a place's coordinates.
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
        /* A surface of its own: readable in a colour scheme other than the page's. */
        background: var(--_color-surface);
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
  /** Attributes that say nothing about the data source: changing them never rebuilds the adapter. */
  private static readonly ownAttributes = new Set([
    'lang',
    'dir',
    'theme',
    'voter-token',
    'class',
    'style',
    'id',
    'hidden',
    // Declared properties: willUpdate sees their changes.
    'adapter',
    'endpoint',
    'persist',
  ]);
  private attributeWatch: MutationObserver | undefined;

  private get hostSupplied(): boolean {
    return this.adapter !== undefined && this.adapter !== this.built;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // An adapter's own settings (`sources`, `space`, …) are attributes the provider does not declare.
    this.attributeWatch ??= new MutationObserver((records) => {
      if (records.some((r) => r.attributeName && !this.isOwnAttribute(r.attributeName))) void this.build();
    });
    this.attributeWatch.observe(this, { attributes: true });
    // Back on the page after its built adapter was let go: build a fresh one.
    if (this.hasUpdated && !this.built && !this.hostSupplied) void this.build();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.attributeWatch?.disconnect();
    // Moved within the page (removed and put back in the same task): keep the adapter.
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.buildCount++; // a build still under way is not wanted any more
      this.release();
    });
  }

  private isOwnAttribute(name: string): boolean {
    return CivicProvider.ownAttributes.has(name) || name.startsWith('aria-') || name.startsWith('data-');
  }

  /** Dispose the adapter built from attributes (channels, timers) and stop providing it. */
  private release(): void {
    const built = this.built;
    if (!built) return;
    this.built = undefined;
    if (this.adapter === built) this.adapter = undefined;
    built.dispose?.();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // From a framework binding (`adapter="memory"` set as a property): the name of a registered adapter.
    if (typeof (this.adapter as unknown) === 'string') {
      this.adapterName = this.adapter as unknown as string;
      this.adapter = this.built;
    }
    if (this.hostSupplied) {
      this.problem = undefined;
      this.buildCount++; // a build still under way must not replace the host's adapter
      return;
    }
    if (changed.has('adapterName') || changed.has('endpoint') || changed.has('persist')) void this.build();
  }

  private async build(): Promise<void> {
    if (this.hostSupplied) return;
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
      if (run !== this.buildCount || !this.isConnected) {
        adapter.dispose?.(); // superseded while it was being built
        return;
      }
      this.release();
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
    this.release();
    this.built = unavailableAdapter(new CivicError('misconfigured', problem, { cause }));
    this.adapter = this.built;
  }

  override render(): TemplateResult {
    return html`${this.problem ? html`<p part="message" class="message message--error" role="alert">${this.problem}</p>` : nothing}<slot
      ></slot>`;
  }
}
