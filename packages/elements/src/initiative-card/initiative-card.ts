import type { Outbox } from '@civic-kit/core';
import {
  CivicDataElement,
  CivicError,
  CivicSupportDoneEvent,
  CivicSupportEvent,
  SEND_TIMEOUT_SECONDS,
  WriteController,
  can,
  newIdempotencyKey,
  parseInitiative,
  safeUrl,
  toCivicError,
  type Initiative,
  type LocalizeController,
} from '@civic-kit/core';
import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { errorText } from '../shared/error-message.js';
import { ReplacedFocusController } from '../shared/focus.js';
import { ParsedProperty } from '../shared/parsed-property.js';
import { SOURCE_WAIT_MS } from '../shared/source-wait.js';
import { sharedStyles } from '../shared/shared.styles.js';
import type { CivicTranslation } from '../translations/translation.js';
import { initiativeCardStyles } from './initiative-card.styles.js';
import { cardTemplate, type HeadingLevel } from './initiative-card.template.js';

/** Whether a description has markup for the sanitizer (a tag or a character reference); else it is text. */
const looksLikeHtml = (value: string | undefined): value is string =>
  !!value && /<[a-z!/]|&(#\d+|#x[\da-f]+|[a-z]+);/i.test(value);

/**
 * One initiative: title, summary, image, status, place, topics, supporters with progress to a goal,
 * dates, organiser and source, and a support action where the backend allows it.
 *
 * Give it `initiative-id` to load through the nearest `<civic-provider>`, or set `.initiative` to show
 * data you already have (no adapter needed).
 *
 * A support goes out with one idempotency key, reused on every retry. With no answer within
 * `send-timeout`, or when the connection fails, it waits in the page's outbox and is sent again by
 * itself (also after a reload), counted once.
 *
 * @tagname civic-initiative-card
 * @summary An initiative card.
 *
 * @fires civic-support - Cancelable. Before support is sent; `preventDefault()` to handle it yourself.
 * @fires civic-support-done - After support was counted (`initiative`), finally failed (`error`), or was queued (`queued`); again with `delivered` when sent from the queue.
 * @fires civic-error - Loading failed or the data was malformed (`error: CivicError`).
 *
 * @csspart base - The card's outer `article`.
 * @csspart image - The image, when the initiative has one.
 * @csspart body - Everything below the image.
 * @csspart status - The status label.
 * @csspart title - The heading.
 * @csspart summary - The summary paragraph.
 * @csspart description - The full description (`show-body`).
 * @csspart details - The list of place, dates and organiser.
 * @csspart tags - The list of topics.
 * @csspart tag - One topic.
 * @csspart supporters - Supporter count and progress.
 * @csspart progress - The progress bar toward the goal.
 * @csspart support-button - The support button.
 * @csspart source - Where the initiative comes from.
 * @csspart message - Confirmation and error messages.
 * @csspart retry-button - The retry button of the error state.
 *
 * @cssprop --civic-card-image-ratio - Aspect ratio of the image (default `16 / 9`).
 * @cssprop --civic-card-progress-color - Fill of the progress bar (default `--civic-color-action`).
 * @cssprop --civic-color-action - Buttons, links and the progress bar.
 * @cssprop --civic-color-surface - The card's background.
 * @cssprop --civic-color-text - Body text.
 * @cssprop --civic-color-text-muted - Places, dates, source.
 * @cssprop --civic-color-border - The card's border.
 * @cssprop --civic-radius-m - Corner radius.
 * @cssprop --civic-space-m - Padding.
 */
export class CivicInitiativeCard extends CivicDataElement {
  static override styles: CSSResultGroup = [CivicDataElement.styles, sharedStyles, initiativeCardStyles];

  /** Id of the initiative to load through the adapter. */
  @property({ type: String, attribute: 'initiative-id', reflect: true })
  initiativeId: string | undefined;

  /** The initiative to show, when you already have it. Validated; malformed data shows an error. */
  @property({ attribute: false })
  initiative: unknown;

  /** Level of the card's heading, to fit the page's outline (2–6). */
  @property({ type: Number, attribute: 'heading-level' })
  headingLevel: HeadingLevel = 3;

  /**
   * Also write the initiative as schema.org JSON-LD (`Event` with `Place` and `Organization`) into this
   * element's light DOM, for search engines. Off by default.
   * Under Trusted Types the block's text goes through a policy named `civic-kit-data` (JSON only): a
   * page whose CSP lists allowed policy names (`trusted-types …`) adds that one.
   */
  @property({ type: Boolean, attribute: 'structured-data' })
  structuredData = false;

  /**
   * Also show the initiative's full description under its summary. Formatting the backend sent as
   * HTML (paragraphs, lists, links) is kept, through the sanitizer, which is loaded only then.
   */
  @property({ type: Boolean, attribute: 'show-body' })
  showBody = false;

  /** Hide the support action even when the backend offers it. */
  @property({ type: Boolean, attribute: 'no-support' })
  noSupport = false;

  /**
   * Seconds to wait for the data source to answer a support; with no answer by then it is queued and
   * sent again with the same key (counted once). Not a positive number: wait as long as it takes.
   */
  @property({ type: Number, attribute: 'send-timeout' })
  sendTimeout = SEND_TIMEOUT_SECONDS;

  /** Where a support waits while it cannot be sent. Defaults to one queue per page, in `localStorage`. */
  @property({ attribute: false })
  outbox: Outbox | undefined;

  declare protected readonly localize: LocalizeController<CivicTranslation>;

  /** The latest copy after a support or a live update; replaces what was loaded. */
  @state() private updated_: Initiative | undefined;
  /** The support on its way, queued, counted or refused, and the card as it was before it. */
  private readonly writes = new WriteController<string, Initiative>(this, {
    kind: 'support',
    target: () => this.current?.id ?? this.initiativeId,
    voter: () => this.voter,
    timeout: () => this.sendTimeout,
    outbox: () => this.outbox,
    ready: () => !!this.adapter?.supportInitiative && can(this.adapter, 'support-initiative'),
    send: async (id, o) =>
      parseInitiative(await this.adapter!.supportInitiative!(id, { ...o, locale: this.localize.lang() })),
    expires: () => Date.now() + SUPPORT_KEPT_MS,
    delivered: (w, result, end) => {
      if (end.mine)
        this.updated_ = { ...result, supporters: { ...(result.supporters ?? { count: 1 }), supportedByMe: true } };
      this.dispatchEvent(new CivicSupportDoneEvent(w.payload, w.key, result, { delivered: end.fromQueue }));
    },
    failed: (w, error, end) => {
      if (end.mine && error.code === 'conflict') {
        // Already counted (e.g. from another tab): keep it shown as supported, not as a failure.
        this.writes.phase = 'done';
        this.dispatchEvent(new CivicSupportDoneEvent(w.payload, w.key, this.updated_, { delivered: end.fromQueue }));
        return;
      }
      if (end.mine) this.updated_ = this.beforeSupport;
      this.dispatchEvent(new CivicSupportDoneEvent(w.payload, w.key, undefined, { error, delivered: end.fromQueue }));
    },
    queued: (w, error) =>
      this.dispatchEvent(new CivicSupportDoneEvent(w.payload, w.key, undefined, { queued: true, error })),
    deliveredElsewhere: () => {
      this.writes.phase = 'done';
      if (this.initiative === undefined) void this.loader.run();
    },
  });
  /** The copy shown before an optimistic support, to roll back to. */
  private beforeSupport: Initiative | undefined;
  /** When a control is replaced (support, retry), focus goes to what replaced it. */
  protected readonly focusRule = new ReplacedFocusController(this, () => [
    '.live .message',
    '[part~="title"]',
    '[part~="message"]',
    '[part~="base"]',
  ]);
  private unsubscribe: (() => void) | undefined;
  private readonly parsed = new ParsedProperty(parseInitiative);
  /** An image that failed to load is left out rather than shown as a broken box. */
  @state() private brokenImage: string | undefined;
  /** The description's HTML as sanitized nodes, with the HTML they were made from. */
  @state() private bodyNodes: { html: string; nodes: Node[] } | undefined;
  /** The HTML being sanitized now (a newer one wins). */
  private sanitizing: string | undefined;
  /** After a while with no adapter, say so (a provider defined later still takes over). */
  @state() private waitedForSource = false;
  private sourceTimer: ReturnType<typeof setTimeout> | undefined;
  /** A data block was asked for (so turning it off removes it). */
  private dataWritten = false;

  private readonly loader = new Task(this, {
    task: async ([adapter, id, locale], { signal }) => {
      if (!id || !adapter) return undefined;
      try {
        // Validated again here: a community adapter may not have checked what its backend sent.
        return parseInitiative(await adapter.getInitiative(id, { signal, locale }));
      } catch (e) {
        const error = toCivicError(e);
        if (error.code !== 'aborted') this.reportError(error);
        throw error;
      }
    },
    args: () =>
      [this.adapter, this.initiative === undefined ? this.initiativeId : undefined, this.localize.lang()] as const,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.sourceTimer = setTimeout(() => (this.waitedForSource = true), SOURCE_WAIT_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.sourceTimer);
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('initiativeId') || changed.has('initiative')) {
      this.updated_ = undefined;
      this.writes.reset();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('adapter') || changed.has('initiativeId') || changed.has('initiative')) {
      this.resubscribe();
      this.writes.resume();
    }
    const shown = this.current;
    this.writeStructuredData(this.structuredData ? shown : undefined);
    this.sanitizeBody(shown);
  }

  /** The JSON-LD block, written by a chunk loaded only once a card asks for structured data. */
  private writeStructuredData(data: Initiative | undefined): void {
    if (!data && !this.dataWritten) return;
    this.dataWritten = !!data;
    import('./initiative-card.structured-data.js').then(
      // What is current when the chunk is here (a later update may have changed it).
      ({ writeCardData }) => writeCardData(this, this.structuredData ? this.current : undefined),
      (e: unknown) => console.warn('<civic-initiative-card>: the structured data could not be written.', e),
    );
  }

  /** Start sanitizing the description's HTML when it is to be shown (the text is shown meanwhile). */
  private sanitizeBody(i: Initiative | undefined): void {
    const source = this.showBody && looksLikeHtml(i?.bodyHtml) ? i.bodyHtml : undefined;
    if (!source || source === this.sanitizing || source === this.bodyNodes?.html) return;
    this.sanitizing = source;
    // The sanitizer (DOMPurify) is downloaded only by a page that shows backend HTML.
    import('../shared/sanitize.js')
      .then(({ sanitizeHtml }) => sanitizeHtml(source))
      .then(
        (nodes) => {
          if (this.sanitizing === source) this.bodyNodes = { html: source, nodes };
        },
        // Its text (`body`), when the data has one, stays shown; the HTML is never shown unsanitized.
        (e: unknown) => console.warn('<civic-initiative-card>: the sanitizer could not be loaded.', e),
      );
  }

  /** The full description: sanitized HTML once ready, else its text. */
  private renderDescription(i: Initiative): TemplateResult | undefined {
    if (!this.showBody) return undefined;
    const lang = i.language || nothing;
    const source = looksLikeHtml(i.bodyHtml) ? i.bodyHtml : undefined;
    if (source && this.bodyNodes?.html === source)
      return html`<div part="description" class="description" lang=${lang} dir="auto">${this.bodyNodes.nodes}</div>`;
    const text = i.body ?? (source ? undefined : i.bodyHtml);
    return text
      ? html`<div part="description" class="description description--text" lang=${lang} dir="auto">${text}</div>`
      : undefined;
  }

  /** Follow live support counts while connected. */
  private resubscribe(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    const id = this.current?.id ?? this.initiativeId;
    if (!id || !this.adapter?.subscribe || !can(this.adapter, 'subscribe')) return;
    this.unsubscribe = this.adapter.subscribe({ kind: 'initiative', id }, (e) => {
      if (e.kind !== 'initiative' || this.writes.phase === 'sending') return;
      try {
        const fresh = parseInitiative(e.initiative);
        const mine = this.current?.supporters?.supportedByMe;
        this.updated_ =
          mine && fresh.supporters ? { ...fresh, supporters: { ...fresh.supporters, supportedByMe: true } } : fresh;
      } catch {
        /* a malformed live update is ignored; the loaded copy stays */
      }
    });
  }

  /** The initiative shown now, or the error that stops it being shown. */
  private get shown(): Initiative | CivicError | undefined {
    if (this.updated_) return this.updated_;
    if (this.initiative !== undefined) return this.parsed.of(this.initiative);
    return this.loader.value;
  }

  private get current(): Initiative | undefined {
    const s = this.shown;
    return s instanceof CivicError ? undefined : s;
  }

  override render(): TemplateResult {
    const shown = this.shown;
    if (shown instanceof CivicError) return this.renderError(shown);
    if (shown) return this.renderCard(shown);
    if (this.initiativeId === undefined && this.initiative === undefined) return this.renderEmpty();
    if (this.loader.status === TaskStatus.ERROR) return this.renderError(toCivicError(this.loader.error));
    if (!this.adapter && this.waitedForSource) return this.renderLoading(this.localize.term('errorNoSource'));
    return this.renderLoading();
  }

  private renderEmpty(): TemplateResult {
    return html`<article part="base" dir=${this.localize.dir()} class="card card--empty"></article>`;
  }

  private renderLoading(note?: string): TemplateResult {
    return html`<article part="base" dir=${this.localize.dir()} class="card card--loading" aria-busy="true">
      <div class="skeleton skeleton--title"></div>
      <div class="skeleton"></div>
      <div class="skeleton skeleton--short"></div>
      <p class="visually-hidden" role="status">${this.localize.term('loading')}</p>
      ${note ? html`<p class="note">${note}</p>` : nothing}
    </article>`;
  }

  private renderError(error: CivicError): TemplateResult {
    const text =
      error.code === 'not-found' ? this.localize.term('initiativeNotFound') : errorText(this.localize, error);
    const canRetry = this.initiative === undefined && error.code !== 'not-found';
    return html`<article part="base" dir=${this.localize.dir()} class="card card--error">
      <p part="message" class="message message--error" role="alert">${text}</p>
      ${
        canRetry
          ? html`<button
              part="retry-button"
              class="button button--secondary"
              type="button"
              @click=${() => void this.loader.run()}
            >
              ${this.localize.term('retry')}
            </button>`
          : nothing
      }
    </article>`;
  }

  private renderCard(i: Initiative): TemplateResult {
    const image = i.image ? safeUrl(i.image.url) : undefined;
    return cardTemplate(image && image === this.brokenImage ? { ...i, image: undefined } : i, this.localize, {
      headingLevel: this.headingLevel,
      idPrefix: 'card',
      part: 'base',
      dir: this.localize.dir(),
      supportAction: this.renderSupportAction(i),
      description: this.renderDescription(i),
      onImageError: () => (this.brokenImage = image),
    });
  }

  /** The support button and what it says while a support is sent (under the count the template shows). */
  private renderSupportAction(i: Initiative): TemplateResult | undefined {
    const t = this.localize;
    const canSupport =
      !this.noSupport &&
      !!this.adapter?.supportInitiative &&
      can(this.adapter, 'support-initiative') &&
      (i.status === 'active' || i.status === 'proposed');
    if (!i.supporters && !canSupport) return undefined;
    const phase = this.writes.phase;
    const queued = phase === 'queued';
    const supported = i.supporters?.supportedByMe === true || queued;
    const error = phase === 'failed' ? this.writes.error : undefined;
    let status: string | undefined;
    if (phase === 'sending') status = t.term('supportSending');
    else if (queued) status = t.term(this.writes.offline ? 'supportQueuedOffline' : 'supportQueued');
    else if (phase === 'done') status = `✓ ${t.term('supportThanks')}`;
    return html`${
        canSupport && !supported
          ? html`<button
              part="support-button"
              class="button"
              type="button"
              aria-disabled=${phase === 'sending' ? 'true' : 'false'}
              aria-label=${`${phase === 'failed' ? t.term('supportRetry') : t.term('support')}: ${i.title}`}
              @click=${() => void this.onSupport(i)}
            >
              ${phase === 'failed' ? t.term('supportRetry') : t.term('support')}
            </button>`
          : nothing
      }
      ${supported && phase !== 'done' && !queued ? html`<p class="supported">✓ ${t.term('youSupport')}</p>` : nothing}
      <div class="live" role="status" part="message">
        ${status ? html`<p class="message ${phase === 'done' ? 'message--success' : ''}">${status}</p>` : nothing}
      </div>
      ${
        error
          ? html`<p class="message message--error" role="alert" part="message">
              ${t.term('supportFailed', errorText(t, error))}
            </p>`
          : nothing
      }`;
  }

  private async onSupport(i: Initiative): Promise<void> {
    const adapter = this.adapter;
    if (!adapter?.supportInitiative || this.writes.phase === 'sending') return;
    // Kept across retries of this support, so it is counted once.
    const last = this.writes.write;
    const key = this.writes.phase === 'failed' && last?.payload === i.id ? last.key : newIdempotencyKey();
    if (!this.dispatchEvent(new CivicSupportEvent(i.id, key))) return;
    this.beforeSupport = i === this.loader.value || i === this.parsed.result ? undefined : i;
    // Optimistic: counted on screen in the same frame, rolled back if the write fails.
    this.updated_ = {
      ...i,
      supporters: { ...(i.supporters ?? { count: 0 }), count: (i.supporters?.count ?? 0) + 1, supportedByMe: true },
    };
    await this.writes.submit(i.id, key);
  }
}

/** How long a queued support is kept unsent: 7 days. */
const SUPPORT_KEPT_MS = 7 * 24 * 3_600_000;
