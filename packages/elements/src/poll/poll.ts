import type { Outbox } from '@civic-kit/core';
import {
  CivicDataElement,
  CivicError,
  CivicVoteDoneEvent,
  CivicVoteEvent,
  WriteController,
  can,
  instantRunoff,
  SEND_TIMEOUT_SECONDS,
  newIdempotencyKey,
  resultsVisible as resultsVisibleBy,
  toCivicError,
  writeDataBlock,
  type Ballot,
  type CallOptions,
  type ChangeEvent,
  type LocalizeController,
  type Poll,
  type RunoffResult,
} from '@civic-kit/core';
import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { AnnouncerController } from '../shared/announcer.js';
import { errorText } from '../shared/error-message.js';
import { errorSummary, errorSummaryStyles } from '../shared/error-summary.js';
import { ParsedProperty } from '../shared/parsed-property.js';
import { heading, headingLevel, HEADING_LEVELS } from '../shared/heading.js';
import { ReplacedFocusController, focusFirst } from '../shared/focus.js';
import { SOURCE_WAIT_MS } from '../shared/source-wait.js';
import { sharedStyles } from '../shared/shared.styles.js';
import type { CivicTranslation } from '../translations/translation.js';
import { checkPoll, maxChoices, sameBallot, shareBase, withBallot } from './poll.data.js';
import type { PollStrings } from './poll.strings.js';
import { ACTIVITY_STREAMS_TYPE, pollActivityStreams } from './poll.structured-data.js';
import { pollStyles } from './poll.styles.js';

export const POLL_HEADING_LEVELS = HEADING_LEVELS;
export type PollHeadingLevel = (typeof POLL_HEADING_LEVELS)[number];

/** What a vote sends: the ballot, and whether it replaces one the voter cast before. */
interface VotePayload {
  ballot: Ballot;
  change?: boolean | undefined;
}

/** Failures a retry of the same ballot cannot cure. */
const FINAL = new Set(['conflict', 'closed', 'invalid-request', 'misconfigured', 'unsupported']);
/** Live updates are announced at most this often; the latest wins. */
const LIVE_ANNOUNCE_GAP_MS = 5000;
/** A queued ballot is kept until its poll closes, and 7 days at most. */
const BALLOT_KEPT_MS = 7 * 24 * 3_600_000;

/**
 * A poll: single choice (radios), multiple choice (checkboxes, up to `maxChoices`) or ranked choice
 * (reorder by buttons or by dragging), with results as bars whose numbers are written out, live
 * updates, and votes that are never lost nor counted twice.
 *
 * Give it `poll-id` to load through the nearest `<civic-provider>`, or set `.poll` to show a poll you
 * already have: with no adapter, handle `civic-vote` (call `preventDefault()`), send the ballot
 * yourself and set `.poll` to the poll as it then is (with `myBallot`).
 *
 * A vote goes out with one idempotency key per ballot, reused when it is retried. Its result shows at
 * once and is rolled back, with a message and a retry, if the vote fails. Offline, or when the
 * data source cannot be reached, the ballot waits in the page's outbox (`localStorage`) and is sent
 * again by itself while the page is open, when the browser is back online, or when the poll is shown
 * again (also after a reload) — counted once.
 *
 * @tagname civic-poll
 * @summary A poll with accessible ballots, live results and offline-safe voting.
 *
 * @fires civic-vote - Cancelable. Before a ballot is sent (`pollId`, `ballot`, `idempotencyKey`, `change`); `preventDefault()` to send it yourself.
 * @fires civic-vote-done - After a ballot was counted (`poll`), finally failed (`error`), or was queued (`queued`); again with `delivered` when sent from the queue.
 * @fires civic-error - Loading failed or the poll was malformed (`error: CivicError`).
 *
 * @csspart base - The poll's outer element.
 * @csspart question - The question (a heading, inside the legend while the ballot is shown).
 * @csspart description - The poll's description.
 * @csspart machine-translated - The mark on a poll whose text was machine-translated.
 * @csspart when - When the poll closes, closed or opens.
 * @csspart form - The ballot's form.
 * @csspart hint - How many options to choose or how to rank.
 * @csspart error-summary - The problem found when the ballot was sent incomplete.
 * @csspart choices - The radios or checkboxes.
 * @csspart choice - One radio or checkbox with its label.
 * @csspart ranking - The list of ranked options.
 * @csspart ranked-item - One ranked option.
 * @csspart drag-handle - The handle to drag a ranked option by.
 * @csspart move-button - The move up and move down buttons.
 * @csspart remove-button - The button taking an option out of the ranking.
 * @csspart add-button - The button adding an option to the ranking.
 * @csspart vote-button - The button that sends the ballot.
 * @csspart change-button - The button to change a vote already cast.
 * @csspart cancel-button - The button that keeps the vote already cast.
 * @csspart send-now-button - Retries a ballot waiting in the offline queue.
 * @csspart your-vote - What the person voted for, in words.
 * @csspart message - Sending, counted, queued and failure messages.
 * @csspart results - The results section.
 * @csspart totals - How many people voted.
 * @csspart result - One option's result row.
 * @csspart bar - The track of a result bar.
 * @csspart bar-fill - The filled part of a result bar.
 * @csspart your-choice - The words marking the person's own choice.
 * @csspart outcome - The instant-runoff outcome.
 * @csspart round - One round of an instant-runoff count.
 * @csspart retry-button - The retry button of the error state.
 *
 * @cssprop --civic-poll-bar-color - Fill of the result bars (default `--civic-color-action`).
 * @cssprop --civic-poll-bar-mine-color - Fill of the bar of the person's own choice (default: the bar colour).
 * @cssprop --civic-poll-bar-track-color - Track of the result bars (default `--civic-color-surface-alt`).
 * @cssprop --civic-poll-bar-height - Height of the result bars (default `0.75em`).
 * @cssprop --civic-poll-spacing - Space between rows and sections (default `--civic-space-m`).
 * @cssprop --civic-color-action - Buttons, radios, checkboxes and bars.
 * @cssprop --civic-color-surface - The poll's background.
 * @cssprop --civic-color-text - Body text.
 * @cssprop --civic-color-border - The poll's border.
 * @cssprop --civic-radius-m - Corner radius.
 * @cssprop --civic-space-m - Padding.
 */
export class CivicPoll extends CivicDataElement {
  static override styles: CSSResultGroup = [CivicDataElement.styles, sharedStyles, errorSummaryStyles, pollStyles];

  /** Id of the poll to load through the adapter. */
  @property({ type: String, attribute: 'poll-id', reflect: true })
  pollId: string | undefined;

  /** The poll to show, when you already have it. Validated; malformed data shows an error. */
  @property({ attribute: false })
  poll: unknown;

  /** Level of the question's heading, to fit the page's outline (2–6). */
  @property({ type: Number, attribute: 'heading-level' })
  headingLevel: PollHeadingLevel = 3;

  /**
   * Also write the poll as an ActivityStreams 2.0 `Question` (`oneOf`/`anyOf` options with their
   * counts, `votersCount`, `endTime`, `closed`) into this element's light DOM, as an
   * `application/activity+json` data block that fediverse tools can read. Counts only while the
   * results are shown. Off by default.
   * Under Trusted Types the block's text goes through a policy named `civic-kit-data` (JSON only): a
   * page whose CSP lists allowed policy names (`trusted-types …`) adds that one.
   */
  @property({ type: Boolean, attribute: 'structured-data' })
  structuredData = false;

  /** Where ballots wait while offline. Defaults to one queue per page, in `localStorage`. */
  @property({ attribute: false })
  outbox: Outbox | undefined;

  /**
   * Seconds to wait for the data source to answer a vote; with no answer by then the ballot is queued
   * and sent again with the same key (counted once). Not a positive number: wait as long as it takes.
   */
  @property({ type: Number, attribute: 'send-timeout' })
  sendTimeout: number = SEND_TIMEOUT_SECONDS;

  declare protected readonly localize: LocalizeController<CivicTranslation & PollStrings>;

  /** The latest copy after a vote, a refresh or a live update; replaces what was loaded. */
  @state() private latest: Poll | undefined;
  /** The options chosen on the ballot now (ranked: in order of preference). */
  @state() private selection: readonly string[] = [];
  /** How the last ballot was counted: sent now, as a change, or from the queue. */
  @state() private outcome: 'counted' | 'changed' | 'delivered' | undefined;
  /** The ballot was sent incomplete or with too many choices. */
  @state() private problem: 'choose' | 'too-many' | undefined;
  /** Showing the ballot again to change a vote already cast. */
  @state() private changing = false;
  /** Polite announcements: reordering and live results. */
  private readonly announcer = new AnnouncerController(this, () => this.localize.lang());
  /** The ranked option being dragged. */
  @state() private dragging: string | undefined;
  @state() private waitedForSource = false;

  private readonly parsed = new ParsedProperty(checkPoll);
  private runoff: { ballots: readonly (readonly string[])[]; options: string; result: RunoffResult } | undefined;
  private unsubscribe: (() => void) | undefined;
  private sourceTimer: ReturnType<typeof setTimeout> | undefined;
  private clockTimer: ReturnType<typeof setTimeout> | undefined;
  private clockAt: number | undefined;
  private endDrag: (() => void) | undefined;

  private readonly loader = new Task(this, {
    task: async ([adapter, id, locale, voter], { signal }) => {
      if (!id || !adapter) return undefined;
      try {
        // Validated again here: a community adapter may not have checked what its backend sent.
        return checkPoll(await adapter.getPoll(id, readOptions(locale, voter, signal)));
      } catch (e) {
        const error = toCivicError(e);
        if (error.code !== 'aborted') this.reportError(error);
        throw error;
      }
    },
    args: () =>
      [this.adapter, this.poll === undefined ? this.pollId : undefined, this.localize.lang(), this.voter] as const,
    onComplete: () => {
      if (this.writes.phase !== 'sending') this.latest = undefined;
    },
  });

  /** The ballot on its way, queued, counted or refused. */
  private readonly writes = new WriteController<VotePayload, Poll>(this, {
    kind: 'vote',
    target: () => this.targetId,
    voter: () => this.voter,
    timeout: () => this.sendTimeout,
    outbox: () => this.outbox,
    ready: () => !!this.adapter?.vote && can(this.adapter, 'vote'),
    send: async (p, o) =>
      checkPoll(await this.adapter!.vote!(this.targetId ?? '', p.ballot, { ...o, locale: this.localize.lang() })),
    expires: () => {
      const closes = Date.parse(this.current?.closesAt ?? '');
      return Math.min(Date.now() + BALLOT_KEPT_MS, Number.isFinite(closes) ? closes : Infinity);
    },
    replaces: true,
    delivered: (w, result, end) => {
      if (end.mine) this.succeed(w.payload, result, end.fromQueue);
      this.dispatchEvent(
        new CivicVoteDoneEvent(result.id, w.payload.ballot, w.key, result, { delivered: end.fromQueue }),
      );
    },
    failed: (w, error, end) => {
      if (end.mine) this.fail(w.payload, error);
      const id = this.targetId ?? '';
      this.dispatchEvent(
        new CivicVoteDoneEvent(id, w.payload.ballot, w.key, undefined, { error, delivered: end.fromQueue }),
      );
    },
    queued: (w, error) => {
      this.changing = false;
      this.dispatchEvent(
        new CivicVoteDoneEvent(this.targetId ?? '', w.payload.ballot, w.key, undefined, { queued: true, error }),
      );
    },
    deliveredElsewhere: (w) => void this.deliveredElsewhere(w.payload),
  });

  /** When a control is replaced (the vote button by the outcome, a retry), focus goes to what replaced it. */
  protected readonly focusRule = new ReplacedFocusController(this, () => [
    '#outcome',
    '[part~="message"]',
    '[part~="question"]',
    '[part~="base"]',
  ]);

  /** The ballot shown as sent or waiting, while it is on its way or in the queue. */
  private get attempt(): VotePayload | undefined {
    const w = this.writes;
    return w.phase === 'sending' || w.phase === 'queued' || w.phase === 'failed' ? w.write?.payload : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.sourceTimer = setTimeout(() => (this.waitedForSource = true), SOURCE_WAIT_MS);
    window.addEventListener('online', this.onOnline);
    if (this.hasUpdated) this.resubscribe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.sourceTimer);
    clearTimeout(this.clockTimer);
    this.clockAt = undefined;
    window.removeEventListener('online', this.onOnline);
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.endDrag?.();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const has = (k: string) => (changed as Map<PropertyKey, unknown>).has(k);
    if (has('pollId') || has('poll') || has('adapter') || has('voter') || has('outbox')) {
      this.latest = undefined;
      this.selection = [];
      this.outcome = undefined;
      this.problem = undefined;
      this.changing = false;
      this.writes.reset();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    const has = (k: string) => (changed as Map<PropertyKey, unknown>).has(k);
    if (has('pollId') || has('poll') || has('adapter') || has('voter') || has('outbox')) {
      this.resubscribe();
      this.writes.resume();
    }
    this.watchClock();
    // Bar widths through the CSSOM: a style attribute from the template would break a strict CSP.
    for (const fill of this.renderRoot.querySelectorAll<HTMLElement>('.fill[data-share]')) {
      fill.style.setProperty('--_w', fill.dataset['share'] ?? '0');
    }
    const shown = this.structuredData ? this.shown : undefined;
    writeDataBlock(this, shown && pollActivityStreams(shown, resultsVisible(shown)), ACTIVITY_STREAMS_TYPE);
  }

  // --- data --------------------------------------------------------------------------------------

  /** The poll as loaded or given, or the error that stops it being shown. */
  private get base(): Poll | CivicError | undefined {
    if (this.latest) return this.latest;
    if (this.poll !== undefined) return this.parsed.of(this.poll);
    return this.loader.value;
  }

  private get current(): Poll | undefined {
    const b = this.base;
    return b instanceof CivicError ? undefined : b;
  }

  /** The poll as shown: a ballot on its way or waiting in the queue is already counted. */
  private get shown(): Poll | undefined {
    const poll = this.current;
    const a = this.attempt;
    if (!poll || !a || this.writes.phase === 'failed') return poll;
    return withBallot(poll, a.ballot, poll.myBallot);
  }

  private get targetId(): string | undefined {
    return this.current?.id ?? this.pollId;
  }

  private readOptions(): CallOptions {
    return readOptions(this.localize.lang(), this.voter);
  }

  /** Fetch the poll again, as this voter, keeping what is shown if that fails. */
  private async refresh(): Promise<Poll | undefined> {
    const adapter = this.adapter;
    const id = this.targetId;
    if (!adapter || !id) return undefined;
    try {
      return (this.latest = checkPoll(await adapter.getPoll(id, this.readOptions())));
    } catch {
      return undefined;
    }
  }

  /** Ask the backend again when the poll opens or closes, so the page need not be reloaded. */
  private watchClock(): void {
    const poll = this.current;
    const when = poll?.status === 'scheduled' ? poll.opensAt : poll?.status === 'open' ? poll.closesAt : undefined;
    const at = when && this.adapter && this.isConnected ? Date.parse(when) + 1000 : undefined;
    if (at === this.clockAt) return;
    clearTimeout(this.clockTimer);
    this.clockAt = at;
    const wait = at === undefined ? NaN : at - Date.now();
    if (wait > 0 && wait < 2 ** 31 - 1) {
      this.clockTimer = setTimeout(() => {
        this.clockAt = undefined;
        const before = this.current;
        void this.refresh().then((fresh) => fresh && this.announceChange(before, fresh));
      }, wait);
    }
  }

  private resubscribe(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    const id = this.targetId;
    const adapter = this.adapter;
    if (!id || !this.isConnected || !adapter?.subscribe || !can(adapter, 'subscribe')) return;
    try {
      this.unsubscribe = adapter.subscribe({ kind: 'poll', id }, (e) => this.onLive(e));
    } catch {
      /* no live updates from this backend now; the poll still works */
    }
  }

  private onLive(e: ChangeEvent): void {
    if (e.kind !== 'poll' || this.writes.phase === 'sending') return;
    let fresh: Poll;
    try {
      fresh = checkPoll(e.poll);
    } catch {
      return; // a malformed live update is ignored; the copy shown stays
    }
    const before = this.current;
    const mine = before?.myBallot;
    // A live update is the same for everyone: this voter's own ballot stays as it was.
    const { myBallot: _theirs, ...rest } = fresh;
    const next: Poll = mine ? { ...rest, myBallot: mine } : rest;
    if (!next.results && before?.results && mine)
      void this.refresh(); // results shown to voters only
    else this.latest = next;
    this.writes.recheck();
    this.announceChange(before, next);
  }

  private announceChange(before: Poll | undefined, next: Poll): void {
    const t = this.localize;
    if (before && before.status !== 'closed' && next.status === 'closed') {
      this.announceLive(t.term('pollLiveClosed'));
    } else if (
      before?.results &&
      next.results &&
      before.results.voters !== next.results.voters &&
      resultsVisible(this.shown ?? next)
    ) {
      const n = next.results.voters;
      this.announceLive(t.term('pollLiveUpdate', t.term('pollVoters', n, t.number(n))));
    }
  }

  private announceLive(text: string): void {
    this.announcer.announceAtMost(text, LIVE_ANNOUNCE_GAP_MS);
  }

  private announce(text: string): void {
    this.announcer.announce(text);
  }

  // --- voting ------------------------------------------------------------------------------------

  private async submit(): Promise<void> {
    const poll = this.current;
    if (!poll || this.writes.phase === 'sending') return;
    const order = poll.options.map((o) => o.id);
    let choices = this.selection.filter((c) => order.includes(c));
    if (poll.kind !== 'ranked') choices = order.filter((id) => choices.includes(id));
    this.problem = choices.length === 0 ? 'choose' : choices.length > maxChoices(poll) ? 'too-many' : undefined;
    if (this.problem) {
      await this.updateComplete;
      this.focusOn('.error-summary');
      return;
    }
    const ballot: Ballot = { choices };
    const change = !!poll.myBallot;
    // One key per ballot: a retry of the same ballot reuses it, a different ballot gets its own.
    const last = this.writes.phase === 'failed' ? this.writes.write : undefined;
    const key = last && sameBallot(last.payload.ballot, ballot) ? last.key : newIdempotencyKey();
    if (!this.dispatchEvent(new CivicVoteEvent(poll.id, ballot, key, change))) return;
    this.outcome = undefined;
    const adapter = this.adapter;
    if (!adapter?.vote) {
      const code = adapter ? 'unsupported' : 'misconfigured';
      this.writes.refuse({ ballot, change }, key, new CivicError(code, 'There is no data source to send the vote to'));
      return;
    }
    // Optimistic: `shown` counts the ballot from now on, so it is on screen in this same frame.
    await this.writes.submit(change ? { ballot, change } : { ballot }, key);
    if (this.writes.phase === 'done' || this.writes.phase === 'queued') {
      await this.updateComplete;
      // The form made way for the outcome: focus goes there, unless the person has moved on meanwhile.
      const active = (this.renderRoot as ShadowRoot).activeElement;
      if (!active || active.matches('[part~="vote-button"]')) this.focusOn('#outcome');
    }
  }

  private succeed(p: VotePayload, result: Poll, fromQueue: boolean): void {
    this.latest = result.myBallot ? result : { ...result, myBallot: { choices: [...p.ballot.choices] } };
    this.outcome = fromQueue ? 'delivered' : p.change ? 'changed' : 'counted';
    this.changing = false;
    this.selection = [...p.ballot.choices];
  }

  /** The ballot was refused: rolled back on screen, kept on the form, and said so. */
  private fail(p: VotePayload, error: CivicError): void {
    this.selection = [...p.ballot.choices];
    this.changing = !!p.change;
    // Already voted, or closed meanwhile: show the poll as it now is.
    if (error.code === 'conflict' || error.code === 'closed') {
      this.changing = false;
      void this.refresh();
    }
  }

  /** Another element or tab sent this voter's queued ballot: show what the backend now says. */
  private async deliveredElsewhere(p: VotePayload): Promise<void> {
    const fresh = await this.refresh();
    if (fresh?.myBallot) {
      this.writes.phase = 'done';
      this.outcome = 'delivered';
    } else {
      this.writes.phase = 'idle';
      this.selection = [...p.ballot.choices];
    }
    this.requestUpdate();
  }

  private readonly onOnline = (): void => {
    if (this.loader.status === TaskStatus.ERROR) void this.loader.run();
  };

  private startChange(): void {
    const mine = this.current?.myBallot;
    this.changing = true;
    this.writes.phase = 'idle';
    this.problem = undefined;
    this.selection = mine ? [...mine.choices] : [];
    void this.updateComplete.then(() =>
      this.focusOn('.choices input:checked', '.choices input', '.ranked button', '.unranked button'),
    );
  }

  private cancelChange(): void {
    this.changing = false;
    this.problem = undefined;
    this.writes.phase = 'idle';
    this.requestUpdate();
    void this.updateComplete.then(() => this.focusOn('[part~="change-button"]'));
  }

  /** Focus the first element matching the first selector that matches anything. */
  private focusOn(...selectors: string[]): void {
    focusFirst(this.renderRoot, selectors);
  }

  // --- the ballot --------------------------------------------------------------------------------

  private readonly onToggle = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    const id = input.value;
    if (input.type === 'radio') this.selection = input.checked ? [id] : [];
    else {
      const rest = this.selection.filter((c) => c !== id);
      this.selection = input.checked ? [...rest, id] : rest;
    }
  };

  private label(poll: Poll, id: string): string {
    return poll.options.find((o) => o.id === id)?.label ?? id;
  }

  private async move(poll: Poll, id: string, by: -1 | 1): Promise<void> {
    const t = this.localize;
    const from = this.selection.indexOf(id);
    const to = from + by;
    const label = this.label(poll, id);
    if (from < 0) return;
    if (to < 0 || to >= this.selection.length) {
      this.announce(t.term(by < 0 ? 'pollAlreadyFirst' : 'pollAlreadyLast', label));
      return;
    }
    const next = [...this.selection];
    next.splice(from, 1);
    next.splice(to, 0, id);
    this.selection = next;
    this.announce(t.term('pollMoved', label, t.number(to + 1), t.number(next.length)));
    await this.updateComplete;
    this.focusOn(`#${by < 0 ? 'up' : 'down'}-${optionIndex(poll, id)}`);
  }

  private async add(poll: Poll, id: string): Promise<void> {
    const t = this.localize;
    const unranked = poll.options.map((o) => o.id).filter((o) => !this.selection.includes(o));
    const at = unranked.indexOf(id);
    this.selection = [...this.selection, id];
    this.announce(
      t.term('pollAdded', this.label(poll, id), t.number(this.selection.length), t.number(this.selection.length)),
    );
    await this.updateComplete;
    const left = unranked.filter((o) => o !== id);
    const next = left[at] ?? left[at - 1];
    this.focusOn(next === undefined ? `#up-${optionIndex(poll, id)}` : `#add-${optionIndex(poll, next)}`);
  }

  private async unrank(poll: Poll, id: string): Promise<void> {
    const at = this.selection.indexOf(id);
    const left = this.selection.filter((o) => o !== id);
    this.selection = left;
    this.announce(this.localize.term('pollRemoved', this.label(poll, id)));
    await this.updateComplete;
    const next = left[at] ?? left[at - 1];
    this.focusOn(next === undefined ? `#add-${optionIndex(poll, id)}` : `#remove-${optionIndex(poll, next)}`);
  }

  /** Drag a ranked option by its handle (pointer events): an enhancement of the move buttons. */
  private startDrag(e: PointerEvent, poll: Poll, id: string): void {
    if (e.button !== 0 || this.writes.phase === 'sending') return;
    e.preventDefault();
    this.endDrag?.();
    const from = this.selection.indexOf(id);
    const dragged = String(optionIndex(poll, id));
    this.dragging = id;
    const onMove = (ev: PointerEvent) => {
      const others = [...this.renderRoot.querySelectorAll<HTMLElement>('.ranked-item')].filter(
        (li) => li.dataset['index'] !== dragged,
      );
      const above = others.filter((li) => {
        const r = li.getBoundingClientRect();
        return r.top + r.height / 2 < ev.clientY;
      }).length;
      const rest = this.selection.filter((o) => o !== id);
      const next = [...rest.slice(0, above), id, ...rest.slice(above)];
      if (next.some((o, i) => o !== this.selection[i])) this.selection = next;
    };
    const end = () => {
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', end);
      window.removeEventListener('pointercancel', end);
      this.endDrag = undefined;
      this.dragging = undefined;
      const to = this.selection.indexOf(id);
      if (to !== from && to >= 0) {
        const t = this.localize;
        this.announce(t.term('pollMoved', this.label(poll, id), t.number(to + 1), t.number(this.selection.length)));
      }
    };
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', end);
    window.addEventListener('pointercancel', end);
    this.endDrag = end;
  }

  // --- rendering ---------------------------------------------------------------------------------

  override render(): TemplateResult {
    const base = this.base;
    if (base instanceof CivicError) return this.renderError(base);
    const poll = this.shown;
    if (poll) return this.renderPoll(poll);
    if (this.pollId === undefined && this.poll === undefined) {
      return html`<div part="base" dir=${this.localize.dir()} class="poll poll--empty"></div>`;
    }
    if (this.loader.status === TaskStatus.ERROR) return this.renderError(toCivicError(this.loader.error));
    if (!this.adapter && this.waitedForSource) return this.renderLoading(this.localize.term('errorNoSource'));
    return this.renderLoading();
  }

  private renderLoading(note?: string): TemplateResult {
    return html`<div part="base" dir=${this.localize.dir()} class="poll poll--loading" aria-busy="true">
      <div class="skeleton skeleton--title"></div>
      <div class="skeleton"></div>
      <div class="skeleton"></div>
      <div class="skeleton skeleton--short"></div>
      <p class="visually-hidden" role="status">${this.localize.term('loading')}</p>
      ${note ? html`<p class="note">${note}</p>` : nothing}
    </div>`;
  }

  private renderError(error: CivicError): TemplateResult {
    const t = this.localize;
    const text = error.code === 'not-found' ? t.term('pollNotFound') : errorText(t, error);
    const canRetry = this.poll === undefined && error.code !== 'not-found';
    return html`<div part="base" dir=${this.localize.dir()} class="poll poll--error">
      <p part="message" class="message message--error" role="alert">${text}</p>
      ${
        canRetry
          ? html`<button
              part="retry-button"
              class="button button--secondary"
              type="button"
              @click=${() => void this.loader.run()}
            >
              ${t.term('retry')}
            </button>`
          : nothing
      }
      ${
        this.writes.phase === 'queued'
          ? html`<p part="message" class="message" role="status">${this.queuedText()}</p>`
          : nothing
      }
    </div>`;
  }

  private heading(level: number, id: string, part: string, content: unknown): TemplateResult {
    return heading(level, content, { id, part, className: part });
  }

  private get level(): number {
    return headingLevel(this.headingLevel, 3);
  }

  /** Backend text carries its own `lang` (when the backend says it), and `dir=auto`. */
  private contentLang(poll: Poll): { lang: string | typeof nothing; dir: 'auto' } {
    return { lang: poll.language || nothing, dir: 'auto' };
  }

  private renderPoll(poll: Poll): TemplateResult {
    const adapter = this.adapter;
    const open = poll.status === 'open';
    const takesVotes = !adapter || (!!adapter.vote && can(adapter, 'vote'));
    const voted = !!poll.myBallot;
    const baseVoted = !!this.current?.myBallot;
    const formShown = open && takesVotes && this.writes.phase !== 'queued' && (!baseVoted || this.changing);
    const results = this.renderResults(poll);
    const { lang, dir } = this.contentLang(poll);
    const question = this.heading(
      this.level,
      'question',
      'question',
      html`<span lang=${lang} dir=${dir}>${poll.question}</span>`,
    );
    const description = html`${
      poll.machineTranslated
        ? html`<p part="machine-translated" class="machine-translated">${this.localize.term('machineTranslated')}</p>`
        : nothing
    }${
      poll.description
        ? html`<p id="description" part="description" class="description" lang=${lang} dir=${dir}>
            ${poll.description}
          </p>`
        : nothing
    }`;
    return html`<div part="base" dir=${this.localize.dir()} class="poll poll--${poll.kind} poll--${poll.status}">
      ${
        formShown
          ? this.renderForm(poll, question, description)
          : html`<div class="intro">${question}${description}${this.renderWhen(poll)}</div>`
      }
      ${!formShown && voted ? this.renderYourVote(poll) : nothing}
      ${!formShown && open && !takesVotes ? html`<p class="note">${this.localize.term('pollCannotVote')}</p>` : nothing}
      ${!formShown && !voted && !(resultsVisible(poll) && poll.results) ? this.renderOptionList(poll) : nothing}
      ${this.renderMessages()} ${results} ${this.announcer.render()}
    </div>`;
  }

  private renderWhen(poll: Poll): TemplateResult | typeof nothing {
    const t = this.localize;
    const now = Date.now();
    const at = (iso: string, text: string) =>
      html`<p id="when" part="when" class="when"><time datetime=${iso}>${text}</time></p>`;
    const fmt = (iso: string) => t.date(iso, { dateStyle: 'long', timeStyle: 'short' });
    if (poll.status === 'closed') {
      return poll.closesAt && Date.parse(poll.closesAt) <= now
        ? at(poll.closesAt, t.term('pollClosedOn', fmt(poll.closesAt)))
        : html`<p id="when" part="when" class="when">${t.term('pollClosed')}</p>`;
    }
    if (poll.status === 'scheduled') {
      return poll.opensAt && Date.parse(poll.opensAt) > now
        ? at(poll.opensAt, t.term('pollOpensOn', fmt(poll.opensAt)))
        : html`<p id="when" part="when" class="when">${t.term('pollNotOpenYet')}</p>`;
    }
    return poll.closesAt ? at(poll.closesAt, t.term('pollOpenUntil', fmt(poll.closesAt))) : nothing;
  }

  private renderForm(poll: Poll, question: TemplateResult, description: unknown): TemplateResult {
    const t = this.localize;
    const max = maxChoices(poll);
    const all = poll.options.length;
    const hint =
      poll.kind === 'single'
        ? t.term('pollHintSingle')
        : poll.kind === 'multiple'
          ? max >= all
            ? t.term('pollHintMultipleAny')
            : t.term('pollHintMultiple', max, t.number(max))
          : max >= all
            ? t.term('pollHintRanked')
            : t.term('pollHintRankedMax', max, t.number(max));
    const chosen = this.selection.length;
    const tooMany = chosen > max;
    const tooManyText = tooMany ? t.term('pollTooMany', chosen, t.number(chosen), max, t.number(max)) : '';
    const problem =
      this.problem === 'choose' && chosen === 0
        ? t.term(poll.kind === 'ranked' ? 'pollErrorRank' : 'pollErrorChoose')
        : this.problem === 'too-many' && tooMany
          ? tooManyText
          : undefined;
    const describedBy = [
      poll.description ? 'description' : '',
      this.renderWhen(poll) === nothing ? '' : 'when',
      'hint',
      problem && !tooMany ? 'choice-error' : '',
      tooMany ? 'count' : '',
    ]
      .filter(Boolean)
      .join(' ');
    const sending = this.writes.phase === 'sending';
    const a = this.attempt;
    const retry =
      this.writes.phase === 'failed' &&
      !!a &&
      !!this.writes.error &&
      !FINAL.has(this.writes.error.code) &&
      sameBallot(a.ballot, { choices: [...this.selection] });
    const submitLabel = retry ? t.term('pollVoteRetry') : this.changing ? t.term('pollVoteChange') : t.term('pollVote');
    return html`<form
      part="form"
      class="form"
      novalidate
      @submit=${(e: SubmitEvent) => {
        e.preventDefault();
        void this.submit();
      }}
    >
      ${
        problem
          ? errorSummary(t.term('pollErrorSummary'), this.level, [
              {
                text: problem,
                href: '#choices',
                onClick: (e: Event) => {
                  e.preventDefault();
                  this.focusOn('.choices input', '.ranked button', '.unranked button');
                },
              },
            ])
          : nothing
      }
      <fieldset class="fieldset ${problem ? 'fieldset--error' : ''}" aria-describedby=${describedBy}>
        <legend part="legend" class="legend">${question}</legend>
        ${description} ${this.renderWhen(poll)}
        <p id="hint" part="hint" class="hint">${hint}</p>
        ${
          problem && !tooMany
            ? html`<p id="choice-error" class="field-error">
                <span class="visually-hidden">${t.term('pollErrorPrefix')}${' '}</span>${problem}
              </p>`
            : nothing
        }
        <p id="count" class="field-error count" role="status">${tooManyText}</p>
        ${poll.kind === 'ranked' ? this.renderRanking(poll) : this.renderChoices(poll)}
      </fieldset>
      <div class="actions">
        <button part="vote-button" class="button" type="submit" aria-disabled=${sending ? 'true' : 'false'}>
          ${submitLabel}
        </button>
        ${
          this.changing
            ? html`<button
                part="cancel-button"
                class="button button--secondary"
                type="button"
                @click=${() => this.cancelChange()}
              >
                ${t.term('pollKeepVote')}
              </button>`
            : nothing
        }
      </div>
    </form>`;
  }

  private renderChoices(poll: Poll): TemplateResult {
    const type = poll.kind === 'single' ? 'radio' : 'checkbox';
    const { lang, dir } = this.contentLang(poll);
    return html`<div id="choices" part="choices" class="choices">
      ${poll.options.map(
        (o, i) =>
          html`<div part="choice" class="choice">
            <input
              id="choice-${i}"
              class="control"
              type=${type}
              name="choice"
              .value=${o.id}
              .checked=${this.selection.includes(o.id)}
              @change=${this.onToggle}
            />
            <label for="choice-${i}" lang=${lang} dir=${dir}>${o.label}</label>
          </div>`,
      )}
    </div>`;
  }

  private renderRanking(poll: Poll): TemplateResult {
    const t = this.localize;
    const { lang, dir } = this.contentLang(poll);
    const ranked = this.selection.filter((id) => poll.options.some((o) => o.id === id));
    const unranked = poll.options.filter((o) => !ranked.includes(o.id));
    const last = ranked.length - 1;
    return html`<div id="choices" class="ranking">
      <p id="ranked-title" class="list-title">${t.term('pollRanking')}</p>
      ${
        ranked.length
          ? html`<ol part="ranking" class="ranked" aria-labelledby="ranked-title">
              ${repeat(
                ranked,
                (id) => id,
                (id, pos) => {
                  const i = optionIndex(poll, id);
                  const label = this.label(poll, id);
                  return html`<li
                    part="ranked-item"
                    class="ranked-item ${this.dragging === id ? 'ranked-item--dragging' : ''}"
                    data-index=${i}
                  >
                    <span
                      part="drag-handle"
                      class="handle"
                      aria-hidden="true"
                      @pointerdown=${(e: PointerEvent) => this.startDrag(e, poll, id)}
                    ></span>
                    <span class="position" aria-hidden="true">${t.number(pos + 1)}</span>
                    <span class="ranked-label" lang=${lang} dir=${dir}>${label}</span>
                    <span class="tools">
                      <button
                        id="up-${i}"
                        part="move-button"
                        class="icon-button"
                        type="button"
                        aria-disabled=${pos === 0 ? 'true' : 'false'}
                        @click=${() => void this.move(poll, id, -1)}
                      >
                        <span class="icon" aria-hidden="true">↑</span
                        ><span class="visually-hidden">${t.term('pollMoveUp', label)}</span>
                      </button>
                      <button
                        id="down-${i}"
                        part="move-button"
                        class="icon-button"
                        type="button"
                        aria-disabled=${pos === last ? 'true' : 'false'}
                        @click=${() => void this.move(poll, id, 1)}
                      >
                        <span class="icon" aria-hidden="true">↓</span
                        ><span class="visually-hidden">${t.term('pollMoveDown', label)}</span>
                      </button>
                      <button
                        id="remove-${i}"
                        part="remove-button"
                        class="icon-button"
                        type="button"
                        @click=${() => void this.unrank(poll, id)}
                      >
                        <span class="icon" aria-hidden="true">✕</span
                        ><span class="visually-hidden">${t.term('pollRemove', label)}</span>
                      </button>
                    </span>
                  </li>`;
                },
              )}
            </ol>`
          : html`<p class="empty">${t.term('pollRankingEmpty')}</p>`
      }
      <p id="unranked-title" class="list-title">${t.term('pollNotRanked')}</p>
      ${
        unranked.length
          ? html`<ul class="unranked" aria-labelledby="unranked-title">
              ${unranked.map((o) => {
                const i = optionIndex(poll, o.id);
                return html`<li class="unranked-item">
                  <button
                    id="add-${i}"
                    part="add-button"
                    class="add"
                    type="button"
                    @click=${() => void this.add(poll, o.id)}
                  >
                    <span class="icon" aria-hidden="true">+</span
                    ><span class="add-label" aria-hidden="true" lang=${lang} dir=${dir}>${o.label}</span
                    ><span class="visually-hidden">${t.term('pollAdd', o.label)}</span>
                  </button>
                </li>`;
              })}
            </ul>`
          : html`<p class="empty">${t.term('pollAllRanked')}</p>`
      }
    </div>`;
  }

  private renderOptionList(poll: Poll): TemplateResult {
    const { lang, dir } = this.contentLang(poll);
    return html`<ul part="options" class="options" aria-label=${this.localize.term('pollOptions')}>
      ${poll.options.map((o) => html`<li lang=${lang} dir=${dir}>${o.label}</li>`)}
    </ul>`;
  }

  private renderYourVote(poll: Poll): TemplateResult {
    const t = this.localize;
    const labels = (poll.myBallot?.choices ?? []).map((id) => this.label(poll, id));
    const text =
      poll.kind === 'ranked'
        ? t.term('pollYourRanking', t.list(labels.map((l, i) => `${t.number(i + 1)}. ${l}`)))
        : t.term('pollYourVote', t.list(labels));
    const adapter = this.adapter;
    const settled = this.writes.phase !== 'sending' && this.writes.phase !== 'queued';
    const mayChange = poll.allowChange && (!adapter || can(adapter, 'change-vote'));
    let action: TemplateResult | typeof nothing = nothing;
    if (poll.status === 'open' && settled) {
      action = mayChange
        ? html`<button
            part="change-button"
            class="button button--secondary"
            type="button"
            @click=${() => this.startChange()}
          >
            ${t.term('pollChangeVote')}
          </button>`
        : html`<p class="note">${t.term('pollCannotChange')}</p>`;
    }
    return html`<div class="your-vote-block">
      <p part="your-vote" class="your-vote">${text}</p>
      ${action}
    </div>`;
  }

  private renderMessages(): TemplateResult {
    const t = this.localize;
    let status: string | undefined;
    if (this.writes.phase === 'sending') status = t.term('pollSending');
    else if (this.writes.phase === 'queued') status = this.queuedText();
    else if (this.writes.phase === 'done') {
      status = t.term(
        this.outcome === 'delivered'
          ? 'pollQueuedDelivered'
          : this.outcome === 'changed'
            ? 'pollChanged'
            : 'pollCounted',
      );
    }
    const failure = this.writes.phase === 'failed' ? this.writes.error : undefined;
    return html`<div class="live" role="status">
        ${
          status
            ? html`<p
                id="outcome"
                part="message"
                class="message ${this.writes.phase === 'done' ? 'message--success' : ''}"
                tabindex="-1"
              >
                ${this.writes.phase === 'done' ? html`<span aria-hidden="true">✓${' '}</span>` : nothing}${status}
              </p>`
            : nothing
        }
      </div>
      ${
        this.writes.phase === 'queued'
          ? html`<button
              part="send-now-button"
              class="button button--secondary"
              type="button"
              @click=${() => void this.writes.flush()}
            >
              ${t.term('pollSendNow')}
            </button>`
          : nothing
      }
      ${
        failure
          ? html`<p part="message" class="message message--error" role="alert">${this.failureText(failure)}</p>`
          : nothing
      }`;
  }

  /** Why the ballot waits, truthfully: offline only when the browser says so. */
  private queuedText(): string {
    const t = this.localize;
    const w = this.writes;
    if (w.offline) return t.term(w.persistent ? 'pollQueued' : 'pollQueuedThisPage');
    return t.term(w.persistent ? 'pollQueuedRetry' : 'pollQueuedRetryThisPage');
  }

  private failureText(error: CivicError): string {
    const t = this.localize;
    switch (error.code) {
      case 'conflict':
        return t.term('pollConflict');
      case 'closed':
        return t.term('pollClosedNow');
      case 'invalid-request':
        return t.term('pollInvalidBallot');
      default: {
        const reason = error.code === 'misconfigured' ? t.term('errorNoSource') : errorText(t, error);
        return t.term(this.writes.fromQueue ? 'pollQueuedFailed' : 'pollFailed', reason);
      }
    }
  }

  private renderResults(poll: Poll): TemplateResult | typeof nothing {
    const t = this.localize;
    const closed = poll.status === 'closed';
    if (!resultsVisible(poll)) {
      const fmt = (iso: string) => t.date(iso, { dateStyle: 'long', timeStyle: 'short' });
      const text =
        poll.resultsVisibility === 'after-vote'
          ? t.term('pollResultsAfterVote')
          : poll.closesAt
            ? t.term('pollResultsAfterCloseOn', fmt(poll.closesAt))
            : t.term('pollResultsAfterClose');
      return html`<p class="note results-note">${text}</p>`;
    }
    const results = poll.results;
    if (!results) return closed ? html`<p class="note">${t.term('pollResultsUnavailable')}</p>` : nothing;
    const n = results.voters;
    return html`<div part="results" class="results">
      ${this.heading(this.level + 1, 'results-title', 'results-title', t.term(closed ? 'pollResults' : 'pollResultsSoFar'))}
      <p part="totals" class="totals">${t.term('pollVoters', n, t.number(n))}</p>
      ${poll.kind === 'ranked' ? this.renderRunoff(poll) : this.renderBars(poll)}
    </div>`;
  }

  private percent(share: number): string {
    return this.localize.number(share, { style: 'percent', maximumFractionDigits: 0 });
  }

  private bar(share: number): TemplateResult {
    return html`<span part="bar" class="bar" aria-hidden="true"
      ><span part="bar-fill" class="fill" data-share=${String(Math.min(1, Math.max(0, share)))}></span
    ></span>`;
  }

  private resultRow(
    poll: Poll,
    id: string,
    votes: number,
    share: number,
    marks: string[],
    mine: boolean,
  ): TemplateResult {
    const t = this.localize;
    const { lang, dir } = this.contentLang(poll);
    return html`<li part="result" class="result ${mine ? 'result--mine' : ''}">
      <p class="result-text">
        <span class="result-label" lang=${lang} dir=${dir}>${this.label(poll, id)}</span>${' '}<span
          class="result-figures"
          >${t.term('pollVotes', votes, t.number(votes), this.percent(share))}</span
        >${marks.map(
          (m, i) =>
            html`${' '}<strong
                part=${i === 0 && mine ? 'your-choice' : 'mark'}
                class="mark ${i === 0 && mine ? 'mark--mine' : ''}"
                >${i === 0 && mine ? html`<span aria-hidden="true">✓${' '}</span>` : nothing}${m}</strong
              >`,
        )}
      </p>
      ${this.bar(share)}
    </li>`;
  }

  private renderBars(poll: Poll): TemplateResult {
    const t = this.localize;
    const results = poll.results!;
    const base = shareBase(poll);
    const mine = new Set(poll.myBallot?.choices ?? []);
    return html`<ul class="bars" role="list">
        ${poll.options.map((o) => {
          const n = results.counts[o.id] ?? 0;
          const isMine = mine.has(o.id) && poll.kind !== 'ranked';
          return this.resultRow(poll, o.id, n, base ? n / base : 0, isMine ? [t.term('pollYourChoice')] : [], isMine);
        })}
      </ul>
      ${poll.kind === 'multiple' ? html`<p class="note">${t.term('pollMultipleNote')}</p>` : nothing}`;
  }

  private count(poll: Poll, ballots: readonly (readonly string[])[]): RunoffResult {
    const options = poll.options.map((o) => o.id);
    const key = options.join('\n');
    if (this.runoff?.ballots !== ballots || this.runoff.options !== key) {
      this.runoff = { ballots, options: key, result: instantRunoff(options, ballots) };
    }
    return this.runoff.result;
  }

  private renderRunoff(poll: Poll): TemplateResult {
    const t = this.localize;
    const results = poll.results!;
    if (!results.ballots) {
      return html`<p class="note">${t.term('pollRoundsUnavailable')}</p>
        <p class="list-title">${t.term('pollFirstChoices')}</p>
        ${this.renderBars(poll)}`;
    }
    const r = this.count(poll, results.ballots);
    if (r.ballots === 0) return html`<p class="note">${t.term('pollNoVotes')}</p>`;
    const closed = poll.status === 'closed';
    const last = r.rounds[r.rounds.length - 1]!;
    const total = t.number(r.rounds.length);
    let outcome: string;
    if (r.winner !== undefined) {
      const votes = last.counts[r.winner] ?? 0;
      outcome = t.term(
        closed ? 'pollWinner' : 'pollLeading',
        this.label(poll, r.winner),
        total,
        t.number(votes),
        t.number(last.continuing),
        this.percent(last.continuing ? votes / last.continuing : 0),
      );
    } else outcome = t.term('pollTie', t.list(r.tied.map((id) => this.label(poll, id))));
    const rank = (id: string) => poll.myBallot?.choices.indexOf(id) ?? -1;
    const names = (ids: readonly string[]) => t.list(ids.map((id) => this.label(poll, id)));
    return html`<p part="outcome" class="outcome">${outcome}</p>
      <p class="note">${t.term('pollRoundsExplain')}</p>
      <p class="list-title">${t.term('pollRounds')}</p>
      <ol class="rounds" role="list">
        ${r.rounds.map(
          (round, i) =>
            html`<li part="round" class="round">
              ${this.heading(this.level + 2, `round-${i}`, 'round-title', t.term('pollRound', t.number(i + 1), total))}
              <ul class="bars" role="list">
                ${poll.options
                  .filter((o) => o.id in round.counts)
                  .map((o) => {
                    const votes = round.counts[o.id] ?? 0;
                    const marks: string[] = [];
                    const mine = rank(o.id) >= 0;
                    if (mine) marks.push(t.term('pollYourRank', t.number(rank(o.id) + 1)));
                    if (round.winner === o.id) marks.push(t.term(closed ? 'pollWinnerMark' : 'pollLeadingMark'));
                    if (round.eliminated.includes(o.id)) marks.push(t.term('pollLeavesMark'));
                    return this.resultRow(
                      poll,
                      o.id,
                      votes,
                      round.continuing ? votes / round.continuing : 0,
                      marks,
                      mine,
                    );
                  })}
              </ul>
              ${
                round.eliminated.length
                  ? html`<p class="round-note">
                      ${t.term('pollEliminated', names(round.eliminated), round.eliminated.length)}
                      ${
                        round.tieBreak
                          ? t.term(round.tieBreak === 'earlier-rounds' ? 'pollTieEarlier' : 'pollTieOrder')
                          : nothing
                      }
                    </p>`
                  : nothing
              }
              ${
                round.exhausted
                  ? html`<p class="round-note">
                      ${t.term('pollExhausted', round.exhausted, t.number(round.exhausted))}
                    </p>`
                  : nothing
              }
            </li>`,
        )}
      </ol>
      <p class="note">${t.term('pollRoundPercentNote')}</p>`;
  }
}

/** Read options with the voter, so a backend can say which ballot is this voter's own. */
function readOptions(locale: string, voter: string | undefined, signal?: AbortSignal): CallOptions {
  // `voter` is not part of `CallOptions` yet; adapters that know whose ballot to return read it.
  const o: CallOptions & { voter?: string } = { locale };
  if (voter !== undefined) o.voter = voter;
  if (signal) o.signal = signal;
  return o;
}

const optionIndex = (poll: Poll, id: string): number => poll.options.findIndex((o) => o.id === id);

/** Whether this poll's results may be shown now, by its own rule (core's, with this voter's ballot). */
const resultsVisible = (p: Poll): boolean => resultsVisibleBy(p, !!p.myBallot);
