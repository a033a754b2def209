import {
  CivicError,
  MemoryAdapter,
  Outbox,
  type CivicVoteDoneEvent,
  type CivicVoteEvent,
  type MemoryAdapterOptions,
  type PollInput,
  type WriteOptions,
} from '@civic-kit/core';
import { demoData } from '@civic-kit/core/demo';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { render } from 'lit';
import { careless, ScriptedAdapter } from '../../../../test/helpers/adapters.js';
import { expectAccessible } from '../../../../test/helpers/axe.js';
import { describeWrites } from '../../../../test/helpers/write-suite.js';
import '../define/civic-poll.js';
import '../define/civic-provider.js';
import '../translations/all.js';
import { registerStrings } from '../translations/languages.js';
import type { CivicPoll } from './poll.js';
import { pollStrings } from './poll.strings.js';

registerStrings(pollStrings);

/** The demo polls are open on this day: tests do not depend on the date they run. */
const NOW = new Date('2026-12-01T12:00:00Z');
const demo = (o: Omit<MemoryAdapterOptions, 'data'> = {}) => ScriptedAdapter.demo({ now: () => NOW, ...o });

const shadow = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [
  ...shadow(el).querySelectorAll<T>(selector),
];
const text = (el: Element) => (shadow(el).textContent ?? '').replace(/\s+/g, ' ');
const uncaught: unknown[] = [];
window.addEventListener('error', (e) => uncaught.push(e.error ?? e.message));
window.addEventListener('unhandledrejection', (e) => uncaught.push(e.reason));

let outboxKeys: string[] = [];
/** A queue of its own for each test, in real localStorage. */
function outbox(): Outbox {
  const key = `civic-poll-test-outbox-${Math.random().toString(36).slice(2)}`;
  outboxKeys.push(key);
  return new Outbox(key);
}

async function poll(props: Partial<CivicPoll> & Record<string, unknown>): Promise<CivicPoll> {
  const el = await fixture<CivicPoll>(html`<civic-poll></civic-poll>`);
  Object.assign(el, { outbox: outbox(), ...props });
  await el.updateComplete;
  return el;
}

async function settled(el: CivicPoll, what: () => boolean, message = 'poll did not settle'): Promise<void> {
  await waitUntil(what, message, { timeout: 3000 });
  await el.updateComplete;
}

async function loaded(adapter: ScriptedAdapter, pollId: string, props: Record<string, unknown> = {}) {
  const el = await poll({ adapter, pollId, ...props });
  await settled(el, () => !!$(el, '[part~="question"]'));
  return el;
}

/** Tick options by clicking their labels, as a person would. */
function choose(el: CivicPoll, ...labels: string[]): void {
  for (const l of labels) {
    const label = $$<HTMLLabelElement>(el, '.choice label').find((x) => x.textContent?.trim() === l);
    if (!label) throw new Error(`No option "${l}"`);
    label.click();
  }
}
const voteButton = (el: CivicPoll) => $<HTMLButtonElement>(el, '[part~="vote-button"]');
const resultFor = (el: CivicPoll, label: string) =>
  $$(el, '[part~="result"]').find((r) => r.querySelector('.result-label')?.textContent?.trim() === label);
const votesFor = (el: CivicPoll, label: string) => {
  const figures = resultFor(el, label)?.querySelector('.result-figures')?.textContent ?? '';
  return Number.parseInt(figures.replace(/,/g, ''), 10);
};
const keysOf = (adapter: ScriptedAdapter) =>
  (adapter.calls['vote'] ?? []).map((args) => (args[2] as WriteOptions).idempotencyKey);

const single: PollInput = {
  id: 'lunch',
  question: 'What should we bring to the picnic?',
  description: 'One dish each.',
  kind: 'single',
  options: [
    { id: 'bread', label: 'Bread' },
    { id: 'salad', label: 'Salad' },
    { id: 'cake', label: 'Cake' },
  ],
  results: { counts: { bread: 3, salad: 1, cake: 0 }, voters: 4 },
  status: 'open',
  closesAt: '2027-03-01T12:00:00Z',
};

describe('<civic-poll>', () => {
  beforeEach(() => (uncaught.length = 0));
  afterEach(() => {
    for (const k of outboxKeys) localStorage.removeItem(k);
    outboxKeys = [];
    expect(uncaught, 'uncaught errors in the page').to.deep.equal([]);
  });

  describe('single choice', () => {
    it('is a native fieldset of radios with the question as its legend', async () => {
      const el = await loaded(demo(), 'first-project');
      const fieldset = $<HTMLFieldSetElement>(el, 'fieldset')!;
      expect(fieldset.querySelector('legend h3')?.textContent?.trim()).to.equal(
        'Which project should our new neighbourhood group take on first?',
      );
      const radios = $$<HTMLInputElement>(el, 'input[type="radio"]');
      expect(radios).to.have.length(4);
      expect(radios.every((r) => r.labels?.[0]?.textContent?.trim())).to.equal(true);
      expect(
        radios.some((r) => r.checked),
        'nothing is chosen for the person',
      ).to.equal(false);
      expect(text(el)).to.contain('Choose one option.');
      expect(text(el)).to.contain('Open until March 1, 2027');
      expect(fieldset.getAttribute('aria-describedby')).to.contain('hint');
      // Results are public in this poll: numbers in words beside each bar.
      expect(text(el)).to.contain('124 people have voted.');
      expect(resultFor(el, 'A monthly repair café')?.textContent).to.contain('42 votes (34%)');
      await expectAccessible(el);
    });

    it('is voted in by keyboard alone, counted at once, then confirmed with focus on the outcome', async () => {
      const adapter = demo();
      const el = await loaded(adapter, 'first-project');
      const before = votesFor(el, 'Planting street trees');
      const gate = adapter.hold('vote');
      $<HTMLInputElement>(el, 'input[type="radio"]')!.focus();
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect($$<HTMLInputElement>(el, 'input[type="radio"]')[1]!.checked).to.equal(true);
      await sendKeys({ press: 'Tab' });
      expect(shadow(el).activeElement === voteButton(el)).to.equal(true);
      const events: CivicVoteEvent[] = [];
      el.addEventListener('civic-vote', (e) => events.push(e));
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      // Optimistic: counted on screen before the backend has answered.
      expect(votesFor(el, 'Planting street trees')).to.equal(before + 1);
      expect(text(el)).to.contain('Sending your vote');
      expect(text(el)).to.contain('125 people have voted.');
      await gate.arrived;
      expect(events).to.have.length(1);
      expect(events[0]!.ballot.choices).to.deep.equal(['street-trees']);
      expect(events[0]!.change).to.equal(false);
      expect(events[0]!.cancelable).to.equal(true);
      const done = oneEvent(el, 'civic-vote-done');
      gate.release();
      const result = (await done) as unknown as CivicVoteDoneEvent;
      await el.updateComplete;
      expect(result.error).to.equal(undefined);
      expect(result.idempotencyKey).to.equal(events[0]!.idempotencyKey);
      expect(result.poll?.myBallot?.choices).to.deep.equal(['street-trees']);
      expect(votesFor(el, 'Planting street trees')).to.equal(before + 1);
      expect(text(el)).to.contain('Your vote has been counted');
      expect(text(el)).to.contain('Your vote: Planting street trees');
      expect(resultFor(el, 'Planting street trees')?.textContent).to.contain('Your choice');
      expect($(el, 'form'), 'the ballot is put away once counted').to.equal(null);
      expect(shadow(el).activeElement?.id, 'focus moves to the outcome, not to the page').to.equal('outcome');
      expect(keysOf(adapter)).to.deep.equal([events[0]!.idempotencyKey]);
      await expectAccessible(el);
    });

    it('asks for a choice when none is made, with an error summary that takes focus', async () => {
      const adapter = demo();
      const el = await loaded(adapter, 'first-project');
      voteButton(el)!.click();
      await el.updateComplete;
      await el.updateComplete;
      const summary = $(el, '[part~="error-summary"]')!;
      // A heading, as GOV.UK's and the sign-up's are: at the question's level, 3 by default.
      const title = summary.querySelector('h3');
      expect(title?.textContent?.trim(), '"There is a problem" is a heading').to.equal('There is a problem');
      expect(summary.textContent).to.contain('Choose an option.');
      expect(shadow(el).activeElement === summary).to.equal(true);
      expect($(el, 'fieldset')!.getAttribute('aria-describedby')).to.contain('choice-error');
      expect(adapter.calls['vote']).to.equal(undefined);
      await expectAccessible(el);
      summary.querySelector('a')!.click();
      expect(shadow(el).activeElement === $(el, 'input[type="radio"]')).to.equal(true);
      choose(el, 'A tool library');
      await el.updateComplete;
      expect($(el, '[part~="error-summary"]'), 'the problem goes once it is fixed').to.equal(null);
    });

    it('moves focus from Retry to the poll that replaced it, not to the page', async () => {
      const adapter = demo().failNext('getPoll', 'network');
      const el = await poll({ adapter, pollId: 'first-project' });
      await settled(el, () => !!$(el, '[part~="retry-button"]'));
      $<HTMLButtonElement>(el, '[part~="retry-button"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await settled(el, () => !!$(el, '[part~="question"]'));
      await el.updateComplete;
      expect(document.activeElement, 'focus stays in the poll').to.equal(el);
      expect(shadow(el).activeElement?.matches('[part~="question"]'), 'on the question').to.equal(true);
    });

    it('lets the host handle the vote (no adapter): the event has the ballot and key', async () => {
      const el = await poll({ poll: single });
      expect(text(el)).to.contain('What should we bring to the picnic?');
      const seen: CivicVoteEvent[] = [];
      el.addEventListener('civic-vote', (e) => {
        seen.push(e);
        e.preventDefault();
      });
      choose(el, 'Cake');
      voteButton(el)!.click();
      await el.updateComplete;
      expect(seen).to.have.length(1);
      expect(seen[0]!.pollId).to.equal('lunch');
      expect(seen[0]!.ballot.choices).to.deep.equal(['cake']);
      expect(seen[0]!.idempotencyKey).to.be.a('string').and.not.equal('');
      expect(() => (seen[0]!.ballot.choices as string[]).push('x'), 'the ballot is read-only').to.throw();
      expect(text(el)).not.to.contain('Sending');
      // The host counts it and hands the poll back.
      el.poll = {
        ...single,
        results: { counts: { bread: 3, salad: 1, cake: 1 }, voters: 5 },
        myBallot: { choices: ['cake'] },
      };
      await el.updateComplete;
      expect(text(el)).to.contain('Your vote: Cake');
      expect(resultFor(el, 'Cake')?.textContent).to.contain('1 vote (20%)');
      await expectAccessible(el);
    });

    it('says so when nobody handles the vote and there is no data source', async () => {
      const el = await poll({ poll: single });
      choose(el, 'Bread');
      const done = oneEvent(el, 'civic-vote-done');
      voteButton(el)!.click();
      const e = (await done) as unknown as CivicVoteDoneEvent;
      await el.updateComplete;
      expect(e.error?.code).to.equal('misconfigured');
      expect($(el, '[role="alert"]')?.textContent).to.contain('No data source');
      expect(votesFor(el, 'Bread'), 'nothing counted').to.equal(3);
    });

    it('lets the host cancel a vote through the adapter', async () => {
      const adapter = demo();
      const el = await loaded(adapter, 'first-project');
      el.addEventListener('civic-vote', (e) => e.preventDefault());
      choose(el, 'A tool library');
      voteButton(el)!.click();
      await el.updateComplete;
      expect(adapter.calls['vote']).to.equal(undefined);
    });
  });

  describe('multiple choice', () => {
    it('says clearly when more are ticked than allowed, and will not send them', async () => {
      const adapter = demo();
      const el = await loaded(adapter, 'budget-priorities');
      expect($$(el, 'input[type="checkbox"]')).to.have.length(5);
      expect(text(el)).to.contain('Choose up to 2 options.');
      choose(el, 'Secure bike parking', 'Youth club equipment', 'A top-up for the food bank');
      await el.updateComplete;
      const count = $(el, '#count')!;
      expect(count.getAttribute('role')).to.equal('status');
      expect(count.textContent).to.contain('You have chosen 3 options. Choose no more than 2.');
      expect($(el, 'fieldset')!.getAttribute('aria-describedby')).to.contain('count');
      await expectAccessible(el);
      voteButton(el)!.click();
      await el.updateComplete;
      await el.updateComplete;
      expect($(el, '[part~="error-summary"]')?.textContent).to.contain('Choose no more than 2');
      expect(adapter.calls['vote']).to.equal(undefined);
      await expectAccessible(el);
      choose(el, 'Youth club equipment');
      await el.updateComplete;
      expect($(el, '#count')!.textContent?.trim()).to.equal('');
      expect($(el, '[part~="error-summary"]')).to.equal(null);
    });

    it('is voted in by keyboard alone', async () => {
      const adapter = demo();
      const el = await loaded(adapter, 'budget-priorities');
      $<HTMLInputElement>(el, '#choice-0')!.focus();
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect($$<HTMLInputElement>(el, 'input:checked').map((i) => i.value)).to.deep.equal([
        'bike-parking',
        'youth-club',
      ]);
      for (let i = 0; i < 3; i++) await sendKeys({ press: 'Tab' });
      expect(shadow(el).activeElement === voteButton(el), 'Vote is next in tab order').to.equal(true);
      const done = oneEvent(el, 'civic-vote-done');
      await sendKeys({ press: 'Enter' });
      expect(((await done) as unknown as CivicVoteDoneEvent).ballot.choices).to.deep.equal([
        'bike-parking',
        'youth-club',
      ]);
    });

    it('shows hidden results once the person has voted, both choices marked in words', async () => {
      const adapter = demo();
      const el = await loaded(adapter, 'budget-priorities');
      expect($(el, '[part~="results"]'), 'results hidden until a vote').to.equal(null);
      expect(text(el)).to.contain('Results will be shown once you have voted.');
      await expectAccessible(el);
      choose(el, 'Secure bike parking', 'Solar lighting on the canal path');
      const done = oneEvent(el, 'civic-vote-done');
      voteButton(el)!.click();
      const e = (await done) as unknown as CivicVoteDoneEvent;
      await el.updateComplete;
      expect(e.ballot.choices).to.deep.equal(['bike-parking', 'solar-lights']);
      expect(text(el)).to.contain('88 people have voted.');
      expect(resultFor(el, 'Secure bike parking')?.textContent).to.contain('47 votes (53%)');
      expect(resultFor(el, 'Secure bike parking')?.textContent).to.contain('Your choice');
      expect(resultFor(el, 'Solar lighting on the canal path')?.textContent).to.contain('Your choice');
      expect(resultFor(el, 'Youth club equipment')?.textContent).not.to.contain('Your choice');
      expect(text(el)).to.contain('percentages are of people who voted');
      expect(text(el)).to.contain('Your vote: Secure bike parking and Solar lighting on the canal path');
      await expectAccessible(el);
    });

    it('shows the error of an adapter that rejects the ballot, and keeps the choices', async () => {
      const adapter = demo();
      await adapter
        .vote('budget-priorities', { choices: ['bike-parking', 'youth-club', 'food-bank'] }, { idempotencyKey: 'x' })
        .then(
          () => expect.fail('three choices were accepted'),
          (e: CivicError) => expect(e.code).to.equal('invalid-request'),
        );
      adapter.failNext('vote', 'invalid-request');
      const el = await loaded(adapter, 'budget-priorities');
      choose(el, 'Secure bike parking');
      const done = oneEvent(el, 'civic-vote-done');
      voteButton(el)!.click();
      expect(((await done) as unknown as CivicVoteDoneEvent).error?.code).to.equal('invalid-request');
      await el.updateComplete;
      expect($(el, '[role="alert"]')?.textContent).to.contain('did not accept this ballot');
      expect($<HTMLInputElement>(el, '#choice-0')!.checked).to.equal(true);
      expect(voteButton(el)!.textContent?.trim(), 'the same ballot would fail again: no retry').to.equal('Vote');
      await expectAccessible(el);
    });

    it('changes a vote where the poll and the adapter allow it', async () => {
      const adapter = demo();
      const el = await loaded(adapter, 'budget-priorities');
      choose(el, 'Secure bike parking');
      let done = oneEvent(el, 'civic-vote-done');
      voteButton(el)!.click();
      await done;
      await el.updateComplete;
      const change = $<HTMLButtonElement>(el, '[part~="change-button"]')!;
      expect(change.textContent?.trim()).to.equal('Change my vote');
      change.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await el.updateComplete;
      const first = $<HTMLInputElement>(el, '#choice-0')!;
      expect(first.checked, 'the earlier choices are ticked').to.equal(true);
      expect(shadow(el).activeElement === first).to.equal(true);
      await sendKeys({ press: 'Space' }); // untick bike parking
      choose(el, 'A top-up for the food bank');
      await el.updateComplete;
      expect(voteButton(el)!.textContent?.trim()).to.equal('Save my new vote');
      const changed = oneEvent(el, 'civic-vote');
      done = oneEvent(el, 'civic-vote-done');
      voteButton(el)!.click();
      expect(((await changed) as unknown as CivicVoteEvent).change).to.equal(true);
      const e = (await done) as unknown as CivicVoteDoneEvent;
      await el.updateComplete;
      expect(e.poll?.results?.voters, 'a change is not a second voter').to.equal(88);
      expect(votesFor(el, 'Secure bike parking')).to.equal(46);
      expect(votesFor(el, 'A top-up for the food bank')).to.equal(32);
      expect(text(el)).to.contain('Your vote has been changed');
      const keys = keysOf(adapter);
      expect(keys).to.have.length(2);
      expect(keys[0], 'a new ballot has a new key').not.to.equal(keys[1]);
      await expectAccessible(el);
    });

    it('keeps a vote that was cast where the poll or the adapter does not allow changing', async () => {
      const adapter = demo({ without: ['change-vote'] });
      const el = await loaded(adapter, 'budget-priorities');
      choose(el, 'Secure bike parking');
      const done = oneEvent(el, 'civic-vote-done');
      voteButton(el)!.click();
      await done;
      await el.updateComplete;
      expect($(el, '[part~="change-button"]')).to.equal(null);
      expect(text(el)).to.contain('Votes in this poll cannot be changed.');
      const single = await loaded(demo(), 'first-project');
      choose(single, 'A tool library');
      const singleDone = oneEvent(single, 'civic-vote-done');
      voteButton(single)!.click();
      await singleDone;
      await single.updateComplete;
      expect($(single, '[part~="change-button"]'), 'allowChange is false').to.equal(null);
    });
  });

  describe('results and status', () => {
    it('shows a closed poll with its results and when it closed', async () => {
      const el = await loaded(demo(), 'meeting-night');
      expect($(el, 'form')).to.equal(null);
      expect($(el, '[part~="when"]')?.textContent).to.contain('This poll closed on October 1, 2026');
      expect($(el, '[part~="when"] time')?.getAttribute('datetime')).to.equal('2026-10-01T09:00:00Z');
      expect($(el, '#results-title')?.textContent?.trim()).to.equal('Results');
      expect(resultFor(el, 'Tuesday')?.textContent).to.contain('31 votes (36%)');
      expect(text(el)).to.contain('86 people have voted.');
      await expectAccessible(el);
    });

    it('says when a scheduled poll opens, lists its options and keeps results until it closes', async () => {
      const el = await loaded(demo(), 'solar-coop-name');
      expect($(el, 'form')).to.equal(null);
      expect($(el, '[part~="when"]')?.textContent).to.contain('Voting opens on January 15, 2027');
      expect($$(el, '[part~="options"] li').map((li) => li.textContent?.trim())).to.include('Dart Valley Sun');
      expect($(el, '[part~="results"]')).to.equal(null);
      expect(text(el)).to.contain('Results will be shown when the poll closes on February 15, 2027');
      await expectAccessible(el);
    });

    it('opens the ballot when the opening time comes, without a reload', async () => {
      const opensAt = new Date(Date.now() + 300).toISOString();
      const adapter = new MemoryAdapter({ data: { polls: [{ ...single, status: 'scheduled', opensAt }] } });
      const el = await poll({ adapter, pollId: 'lunch' });
      await settled(el, () => text(el).includes('Voting opens on'));
      expect($(el, 'form')).to.equal(null);
      await waitUntil(() => !!$(el, 'form'), 'the ballot did not open', { timeout: 4000 });
    });

    it('honours the poll’s own visibility rule even when a host hands in the results', async () => {
      const el = await poll({ poll: { ...single, resultsVisibility: 'after-vote' } });
      expect($(el, '[part~="results"]')).to.equal(null);
      el.poll = { ...single, resultsVisibility: 'after-close' };
      await el.updateComplete;
      expect($(el, '[part~="results"]')).to.equal(null);
      el.poll = { ...single, resultsVisibility: 'after-close', status: 'closed' };
      await el.updateComplete;
      expect($(el, '[part~="results"]')).to.exist;
    });

    it('sizes bars through the CSSOM, with no style attribute from the template', async () => {
      const el = await poll({ poll: single });
      const fills = $$(el, '[part~="bar-fill"]');
      expect(fills.map((f) => f.style.getPropertyValue('--_w'))).to.deep.equal(['0.75', '0.25', '0']);
      const track = resultFor(el, 'Bread')!.querySelector<HTMLElement>('[part~="bar"]')!;
      const width = fills[0]!.getBoundingClientRect().width / track.getBoundingClientRect().width;
      expect(width).to.be.closeTo(0.75, 0.02);
      expect(shadow(el).querySelectorAll('[style]:not(.fill)')).to.have.length(0);
    });

    it('puts the question at the heading level the page needs', async () => {
      const el = await poll({ poll: single, headingLevel: 2 });
      expect($(el, 'legend h2')).to.exist;
      expect($(el, 'h3#results-title')).to.exist;
    });
  });

  describe('writes that lose nothing', () => {
    it('rolls back and says so on failure, and a retry with the same key is counted once', async () => {
      const adapter = demo().failNext('vote', 'rate-limited');
      const el = await loaded(adapter, 'first-project');
      choose(el, 'A tool library');
      const failed = oneEvent(el, 'civic-vote-done');
      voteButton(el)!.click();
      await el.updateComplete;
      expect(votesFor(el, 'A tool library'), 'optimistic').to.equal(29);
      expect(((await failed) as unknown as CivicVoteDoneEvent).error?.code).to.equal('rate-limited');
      await el.updateComplete;
      expect(votesFor(el, 'A tool library'), 'rolled back').to.equal(28);
      expect($(el, '[role="alert"]')?.textContent).to.contain('Your vote was not counted. Too many requests');
      expect($<HTMLInputElement>(el, '#choice-2')!.checked, 'the ballot is kept').to.equal(true);
      expect(voteButton(el)!.textContent?.trim()).to.equal('Send my vote again');
      await expectAccessible(el);
      const ok = oneEvent(el, 'civic-vote-done');
      voteButton(el)!.click();
      expect(((await ok) as unknown as CivicVoteDoneEvent).poll?.results?.counts['tool-library']).to.equal(29);
      const keys = keysOf(adapter);
      expect(keys).to.have.length(2);
      expect(keys[0]).to.equal(keys[1]);
      expect((await adapter.getPoll('first-project')).results?.voters).to.equal(125);
    });

    it('queues a ballot the data source never answers once send-timeout passes, and counts it once', async () => {
      const adapter = demo();
      const el = await loaded(adapter, 'first-project', { sendTimeout: 0.2 });
      const gate = adapter.hold('vote');
      choose(el, 'A tool library');
      voteButton(el)!.click();
      await gate.arrived;
      expect($(el, '[part~="message"]')?.textContent, 'sending at first').to.contain('Sending');
      await settled(el, () => !!$(el, '[part~="send-now-button"]'), 'not queued after the deadline');
      const first = adapter.calls['vote']![0]![2] as WriteOptions;
      expect(first.signal?.aborted, 'the unanswered call was aborted').to.equal(true);
      expect(votesFor(el, 'A tool library'), 'still shown as counted').to.equal(29);
      gate.release(); // the first call may still land: the key keeps it to one vote
      const done = oneEvent(el, 'civic-vote-done');
      $<HTMLButtonElement>(el, '[part~="send-now-button"]')!.click();
      expect(((await done) as unknown as CivicVoteDoneEvent).poll?.results?.counts['tool-library']).to.equal(29);
      const keys = keysOf(adapter);
      expect(keys).to.have.length(2);
      expect(keys[0]).to.equal(keys[1]);
      expect((await adapter.getPoll('first-project')).results?.voters).to.equal(125);
    });

    it('queues a ballot still on its way when the poll leaves the page; the next poll sends it once', async () => {
      const adapter = demo();
      const box = outbox();
      const el = await loaded(adapter, 'first-project', { outbox: box });
      const gate = adapter.hold('vote');
      choose(el, 'A tool library');
      voteButton(el)!.click();
      await gate.arrived;
      el.remove();
      await waitUntil(() => box.list().length === 1, 'the ballot was not queued when the poll left');
      expect((adapter.calls['vote']![0]![2] as WriteOptions).signal?.aborted, 'its call was aborted').to.equal(true);
      gate.release();
      const next = await loaded(adapter, 'first-project', { outbox: box });
      await settled(next, () => box.list().length === 0, 'the next poll did not send it');
      const keys = keysOf(adapter);
      expect(keys).to.have.length(2);
      expect(keys[0]).to.equal(keys[1]);
      expect((await adapter.getPoll('first-project')).results?.voters).to.equal(125);
    });

    it('says the earlier vote stands when the person had already voted elsewhere', async () => {
      const adapter = demo();
      const el = await loaded(adapter, 'first-project');
      await adapter.vote('first-project', { choices: ['play-street'] }, { idempotencyKey: 'other-tab' });
      choose(el, 'A tool library');
      const done = oneEvent(el, 'civic-vote-done');
      voteButton(el)!.click();
      expect(((await done) as unknown as CivicVoteDoneEvent).error?.code).to.equal('conflict');
      await settled(el, () => text(el).includes('Your vote: A monthly play street'));
      expect($(el, '[role="alert"]')?.textContent).to.contain('Your earlier vote stands');
      expect($(el, 'form')).to.equal(null);
      await expectAccessible(el);
    });

    it('shows results, not a retry, when the poll closed meanwhile', async () => {
      let clock = NOW;
      const adapter = ScriptedAdapter.demo({ now: () => clock });
      const el = await loaded(adapter, 'first-project');
      clock = new Date('2027-03-02T00:00:00Z');
      choose(el, 'A tool library');
      voteButton(el)!.click();
      await settled(el, () => !$(el, 'form') && !!$(el, '[part~="when"]'));
      expect($(el, '[part~="when"]')?.textContent).to.contain('closed');
      expect($(el, '[role="alert"]')?.textContent).to.contain('This poll has closed, so your vote was not counted.');
      expect($(el, 'form')).to.equal(null);
      expect(votesFor(el, 'A tool library')).to.equal(28);
    });

    it('queues a vote the data source did not take, says why truthfully, and sends it once on `online`', async () => {
      const adapter = demo().failNext('vote', 'network');
      const box = outbox();
      const el = await loaded(adapter, 'first-project', { outbox: box });
      choose(el, 'Planting street trees');
      voteButton(el)!.click();
      await settled(el, () => text(el).includes('could not be reached'));
      expect(text(el), 'the browser is online: not "offline"').not.to.contain('offline');
      expect(text(el)).to.contain('saved on this device and will be sent again by itself');
      expect(shadow(el).activeElement?.id).to.equal('outcome');
      expect(box.list({ kind: 'vote', target: 'first-project' })).to.have.length(1);
      expect(votesFor(el, 'Planting street trees'), 'shown as counted while it waits').to.equal(36);
      expect(text(el)).to.contain('Your vote: Planting street trees');
      expect($(el, '[part~="send-now-button"]')).to.exist;
      expect((await adapter.getPoll('first-project')).results?.voters, 'not counted yet').to.equal(124);
      await expectAccessible(el);
      const done = oneEvent(el, 'civic-vote-done');
      window.dispatchEvent(new Event('online'));
      const e = (await done) as unknown as CivicVoteDoneEvent;
      await el.updateComplete;
      expect(e.delivered, 'sent from the queue').to.equal(true);
      expect(e.queued, 'no longer waiting').to.equal(false);
      expect(e.poll?.myBallot?.choices).to.deep.equal(['street-trees']);
      expect(text(el)).to.contain('Your saved vote has been sent and counted.');
      expect(box.list()).to.deep.equal([]);
      const keys = keysOf(adapter);
      expect(keys).to.have.length(2);
      expect(keys[0]).to.equal(keys[1]);
      window.dispatchEvent(new Event('online'));
      await el.updateComplete;
      expect(keysOf(adapter), 'sent once').to.have.length(2);
      expect((await adapter.getPoll('first-project')).results?.voters).to.equal(125);
    });

    it('keeps a queued vote across a reload and delivers it when the poll is shown again', async () => {
      const server = demo().failNext('vote', 'network').failNext('vote', 'network');
      const key = `civic-poll-test-outbox-reload-${Math.random()}`;
      outboxKeys.push(key);
      const first = await loaded(server, 'budget-priorities', { outbox: new Outbox(key) });
      choose(first, 'Youth club equipment');
      voteButton(first)!.click();
      await settled(first, () => text(first).includes('could not be reached'));
      first.remove();
      // "Reload": a new element and a new queue over the same storage; still offline once more.
      const second = await loaded(server, 'budget-priorities', { outbox: new Outbox(key) });
      await settled(second, () => (server.calls['vote'] ?? []).length === 2);
      await settled(second, () => text(second).includes('could not be reached'));
      expect(text(second)).to.contain('Your vote: Youth club equipment');
      expect(new Outbox(key).list()[0]?.attempts).to.equal(1);
      await expectAccessible(second);
      // Back online: the element reconnects (shown again) and delivers it.
      const done = oneEvent(second, 'civic-vote-done');
      second.remove();
      document.body.append(second);
      await done;
      await settled(second, () => text(second).includes('Your saved vote has been sent and counted.'));
      expect(text(second)).to.contain('88 people have voted.');
      expect(new Set(keysOf(server)).size, 'one key throughout').to.equal(1);
      expect(new Outbox(key).list()).to.deep.equal([]);
      second.remove();
    });

    it('says the vote lasts only for this page where storage is blocked', async () => {
      const blocked = () => {
        throw new Error('blocked');
      };
      const box = new Outbox('x', { getItem: blocked, setItem: blocked, removeItem: blocked });
      const el = await loaded(demo().failNext('vote', 'network'), 'first-project', { outbox: box });
      choose(el, 'A tool library');
      voteButton(el)!.click();
      await settled(el, () => text(el).includes('as long as this page stays open'));
    });

    it('counts 100 ballots through an adapter that fails, times out, never answers and answers twice: exactly 100', async () => {
      let seed = 7;
      const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
      class Flaky extends MemoryAdapter {
        override async vote(...a: Parameters<MemoryAdapter['vote']>) {
          const r = random();
          if (r < 0.25) throw new CivicError('network', 'Connection refused');
          if (r < 0.45) {
            await super.vote(...a); // counted, then the answer is lost
            throw new CivicError('network', 'Timed out');
          }
          if (r < 0.65) {
            await super.vote(...a); // the request went out twice
            return super.vote(...a);
          }
          if (r < 0.75) {
            await super.vote(...a); // counted, then no answer ever comes
            return new Promise<never>(() => {});
          }
          return super.vote(...a);
        }
      }
      const adapter = new Flaky({ data: demoData(NOW), now: () => NOW });
      const box = outbox();
      const wrap = document.createElement('div');
      const voters = Array.from({ length: 100 }, (_, i) => `voter-${i}`);
      render(
        html`${voters.map(
          (v) =>
            html`<civic-provider .adapter=${adapter} voter-token=${v}
              ><civic-poll poll-id="first-project" send-timeout="0.2" .outbox=${box}></civic-poll
            ></civic-provider>`,
        )}`,
        wrap,
      );
      document.body.append(wrap);
      const done: CivicVoteDoneEvent[] = [];
      wrap.addEventListener('civic-vote-done', (e) => done.push(e));
      const polls = [...wrap.querySelectorAll('civic-poll')];
      await Promise.all(polls.map((p) => waitUntil(() => !!p.shadowRoot?.querySelector('form'), 'no ballot')));
      polls.forEach((p, i) => {
        const inputs = p.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]');
        inputs[i % 4]!.click();
      });
      await Promise.all(polls.map((p) => p.updateComplete));
      polls.forEach((p) => p.shadowRoot!.querySelector<HTMLButtonElement>('[part~="vote-button"]')!.click());
      const settledAll = () =>
        polls.every((p) => /has been counted|sent and counted/.test(p.shadowRoot!.textContent ?? ''));
      for (let round = 0; round < 200 && !settledAll(); round++) {
        await new Promise((r) => setTimeout(r, 20));
        if (box.list().length) window.dispatchEvent(new Event('online'));
      }
      expect(settledAll(), 'every ballot reached the backend').to.equal(true);
      const result = await adapter.getPoll('first-project');
      expect(result.results?.voters).to.equal(124 + 100);
      const counted = Object.values(result.results!.counts).reduce((a, b) => a + b, 0);
      expect(counted).to.equal(124 + 100);
      expect(box.list()).to.deep.equal([]);
      expect(done.filter((e) => e.poll).length, 'one success event per ballot').to.equal(100);
      expect(new Set(done.map((e) => e.idempotencyKey)).size).to.equal(100);
      expect(
        done.filter((e) => e.error && !e.queued),
        'no final failure',
      ).to.deep.equal([]);
      wrap.remove();
    });
  });

  describe('live updates', () => {
    it('update the results of every poll on the page and are announced politely, never taking focus', async () => {
      const adapter = demo();
      const wrap = document.createElement('div');
      render(
        html`<civic-poll id="a" poll-id="first-project" .adapter=${adapter} .outbox=${outbox()}></civic-poll>
          <civic-poll id="b" poll-id="first-project" .adapter=${adapter} .outbox=${outbox()}></civic-poll>`,
        wrap,
      );
      document.body.append(wrap);
      const a = wrap.querySelector<CivicPoll>('#a')!;
      const b = wrap.querySelector<CivicPoll>('#b')!;
      await settled(a, () => !!$(a, 'form') && !!$(b, 'form'));
      const radio = $<HTMLInputElement>(b, '#choice-3')!;
      radio.focus();
      radio.click();
      // Someone else votes through the same adapter: both polls follow, and b keeps its focus.
      await adapter.vote('first-project', { choices: ['repair-cafe'] }, { idempotencyKey: 'k', voter: 'someone' });
      await settled(b, () => votesFor(b, 'A monthly repair café') === 43, 'the other poll did not update');
      expect(votesFor(a, 'A monthly repair café')).to.equal(43);
      const announcer = $(b, '[part~="announcer"]')!;
      expect(announcer.getAttribute('role')).to.equal('status');
      expect(announcer.textContent).to.contain('Results updated. 125 people have voted.');
      expect(shadow(b).activeElement === radio, 'focus stays where it was').to.equal(true);
      expect(radio.checked, 'a half-made ballot is kept').to.equal(true);
      expect(text(b)).not.to.contain('Your vote:');
      await expectAccessible(wrap);
      wrap.remove();
    });

    it('are announced at most every 5 seconds, the latest winning', async () => {
      const adapter = demo();
      const el = await loaded(adapter, 'first-project');
      const announcer = $(el, '[part~="announcer"]')!;
      const vote = (voter: string) =>
        adapter.vote('first-project', { choices: ['play-street'] }, { idempotencyKey: voter, voter });
      await vote('v1');
      await settled(el, () => announcer.textContent.includes('125 people'));
      const first = Date.now();
      await vote('v2');
      await vote('v3');
      await el.updateComplete;
      expect(votesFor(el, 'A monthly play street'), 'the numbers update at once').to.equal(22);
      expect(announcer.textContent, 'the announcement waits').to.contain('125 people');
      await waitUntil(() => announcer.textContent.includes('127 people'), 'the latest was not announced', {
        timeout: 7000,
      });
      expect(Date.now() - first).to.be.at.least(4500);
      expect(announcer.textContent).not.to.contain('126');
    });

    it('arrive from another tab through the memory adapter’s BroadcastChannel', async () => {
      const channel = `civic-poll-test-${Math.random()}`;
      const here = demo({ channel });
      const otherTab = demo({ channel });
      const el = await loaded(here, 'first-project');
      await otherTab.vote('first-project', { choices: ['play-street'] }, { idempotencyKey: 'k', voter: 'someone' });
      await settled(el, () => votesFor(el, 'A monthly play street') === 20, 'no update from the other tab');
      here.dispose();
      otherTab.dispose();
    });

    it('ignore a malformed live update', async () => {
      let push: ((e: unknown) => void) | undefined;
      const adapter = {
        ...careless(single),
        capabilities: new Set(['get-poll', 'subscribe'] as const),
        subscribe: (_t: unknown, cb: (e: unknown) => void) => ((push = cb), () => (push = undefined)),
      };
      const el = await poll({ adapter: adapter as never, pollId: 'lunch' });
      await settled(el, () => !!push && !!$(el, '[part~="results"]'));
      push!({ kind: 'poll', id: 'lunch', poll: { ...single, options: [] } });
      push!({ kind: 'poll', id: 'lunch', poll: { ...single, results: { counts: { pizza: 3 }, voters: 3 } } });
      await el.updateComplete;
      expect(votesFor(el, 'Bread')).to.equal(3);
      push!({ kind: 'poll', id: 'lunch', poll: { ...single, results: { counts: { bread: 9 }, voters: 9 } } });
      await el.updateComplete;
      expect(votesFor(el, 'Bread')).to.equal(9);
    });
  });

  describe('ranked choice', () => {
    const ranked = (el: CivicPoll) => $$(el, '[part~="ranked-item"] .ranked-label').map((x) => x.textContent?.trim());
    const announced = (el: CivicPoll) => $(el, '[part~="announcer"]')!.textContent?.trim();

    it('shows instant-runoff rounds as text and bars, where the leader differs from first choices', async () => {
      const el = await loaded(demo(), 'community-garden-site');
      expect($(el, 'fieldset legend')).to.exist;
      expect(text(el)).to.contain('Nothing ranked yet.');
      expect($$(el, '[part~="add-button"]').map((b) => b.textContent?.replace(/\s+/g, ' ').trim())).to.include(
        '+Corner of the primary school fieldAdd Corner of the primary school field to your ranking',
      );
      expect($(el, '[part~="outcome"]')?.textContent).to.contain(
        'North-east corner of the park leads in round 3, with 12 of 20 votes (60%).',
      );
      const rounds = $$(el, '[part~="round"]');
      expect(rounds).to.have.length(3);
      expect(rounds[0]!.querySelector('.round-title')?.textContent?.trim()).to.equal('Round 1 of 3');
      expect(rounds[0]!.textContent).to.contain('Corner of the primary school field 7 votes (35%)');
      expect(rounds[0]!.textContent).to.contain('Unused land behind the parish hall leaves the count');
      expect(rounds[2]!.querySelectorAll('[part~="result"]')).to.have.length(2);
      expect(rounds[2]!.textContent).to.contain('Leading');
      expect(rounds[2]!.querySelectorAll('[part~="bar-fill"]')).to.have.length(2);
      await expectAccessible(el);
    });

    it('is ranked and voted by keyboard alone, each move announced politely', async () => {
      const adapter = demo();
      const el = await loaded(adapter, 'community-garden-site');
      $<HTMLButtonElement>(el, '#add-0')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(ranked(el)).to.deep.equal(['Corner of the primary school field']);
      expect(announced(el)).to.equal('Corner of the primary school field added to your ranking at position 1 of 1.');
      expect(shadow(el).activeElement?.id, 'focus moves to the next option to add').to.equal('add-1');
      await sendKeys({ press: 'Enter' }); // parish hall
      await el.updateComplete;
      expect(ranked(el)).to.deep.equal(['Corner of the primary school field', 'Unused land behind the parish hall']);
      // Move the parish hall up to first place.
      $<HTMLButtonElement>(el, '#up-1')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(ranked(el)).to.deep.equal(['Unused land behind the parish hall', 'Corner of the primary school field']);
      expect(announced(el)).to.equal('Unused land behind the parish hall moved to position 1 of 2.');
      expect(shadow(el).activeElement?.id, 'focus follows the moved option').to.equal('up-1');
      expect(shadow(el).activeElement?.getAttribute('aria-disabled')).to.equal('true');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(announced(el)).to.equal('Unused land behind the parish hall is already first.');
      await expectAccessible(el);
      const vote = oneEvent(el, 'civic-vote');
      voteButton(el)!.focus();
      await sendKeys({ press: 'Enter' });
      expect(((await vote) as unknown as CivicVoteEvent).ballot.choices).to.deep.equal(['parish-hall', 'school-field']);
      await settled(el, () => text(el).includes('Your vote has been counted'));
      expect(text(el)).to.contain('Your ranking: 1. Unused land behind the parish hall and 2. Corner of the primary');
      expect(text(el)).to.contain('21 people have voted.');
      const first = $$(el, '[part~="round"]')[0]!;
      expect(first.textContent).to.contain('Unused land behind the parish hall 4 votes (19%) ✓ Your rank: 1');
      expect(shadow(el).activeElement?.id).to.equal('outcome');
      await expectAccessible(el);
    });

    it('gives every control a name a screen reader can say', async () => {
      const el = await loaded(demo(), 'community-garden-site');
      $<HTMLButtonElement>(el, '#add-3')!.click();
      await el.updateComplete;
      $<HTMLButtonElement>(el, '#add-0')!.click();
      await el.updateComplete;
      // A button's name from its content, as the accessibility tree computes it: hidden icons left out.
      const nameOf = (n: Node): string =>
        n instanceof Element
          ? n.getAttribute('aria-hidden') === 'true'
            ? ''
            : [...n.childNodes].map(nameOf).join('')
          : n.nodeType === Node.TEXT_NODE
            ? (n.textContent ?? '')
            : '';
      const buttons = $$(el, 'button').map((b) => nameOf(b).replace(/\s+/g, ' ').trim());
      expect(buttons).to.deep.equal([
        'Move North-east corner of the park up',
        'Move North-east corner of the park down',
        'Remove North-east corner of the park from your ranking',
        'Move Corner of the primary school field up',
        'Move Corner of the primary school field down',
        'Remove Corner of the primary school field from your ranking',
        'Add Unused land behind the parish hall to your ranking',
        'Add The old railway verge to your ranking',
        'Vote',
      ]);
    });

    it('takes an option out of the ranking and keeps focus in the list', async () => {
      const el = await loaded(demo(), 'community-garden-site');
      for (const i of [0, 1, 2]) {
        $<HTMLButtonElement>(el, `#add-${i}`)!.click();
        await el.updateComplete;
      }
      $<HTMLButtonElement>(el, '#remove-1')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(ranked(el)).to.deep.equal(['Corner of the primary school field', 'The old railway verge']);
      expect(announced(el)).to.equal('Unused land behind the parish hall removed from your ranking.');
      expect(shadow(el).activeElement?.id).to.equal('remove-2');
      $<HTMLButtonElement>(el, '#remove-0')!.click();
      $<HTMLButtonElement>(el, '#remove-2')!.click();
      await el.updateComplete;
      expect(ranked(el)).to.deep.equal([]);
      voteButton(el)!.click();
      await el.updateComplete;
      await el.updateComplete;
      expect($(el, '[part~="error-summary"]')?.textContent).to.contain('Add at least one option to your ranking.');
    });

    it('reorders by dragging the handle (pointer events), and announces the new place', async () => {
      const el = await loaded(demo(), 'community-garden-site');
      for (const i of [0, 1, 2]) {
        $<HTMLButtonElement>(el, `#add-${i}`)!.click();
        await el.updateComplete;
      }
      // Pointer events dispatched in the page: `sendMouse` waits for a frame, which never comes in a
      // background tab (tests run two at a time).
      const handle = $$(el, '[part~="drag-handle"]')[2]!;
      const from = handle.getBoundingClientRect();
      const top = $$(el, '[part~="ranked-item"]')[0]!.getBoundingClientRect();
      const x = from.left + from.width / 2;
      const pointer = (type: string, y: number) =>
        new PointerEvent(type, { bubbles: true, composed: true, button: 0, pointerId: 1, clientX: x, clientY: y });
      handle.dispatchEvent(pointer('pointerdown', from.top + from.height / 2));
      await el.updateComplete;
      expect($$(el, '.ranked-item--dragging')).to.have.length(1);
      window.dispatchEvent(pointer('pointermove', top.top + 3));
      await el.updateComplete;
      window.dispatchEvent(pointer('pointerup', top.top + 3));
      await el.updateComplete;
      expect(ranked(el)).to.deep.equal([
        'The old railway verge',
        'Corner of the primary school field',
        'Unused land behind the parish hall',
      ]);
      expect(announced(el)).to.equal('The old railway verge moved to position 1 of 3.');
      expect($$(el, '.ranked-item--dragging')).to.have.length(0);
    });

    it('shows first choices when the backend sends no ballots, and a tie in words', async () => {
      const base: PollInput = {
        id: 'r',
        question: 'Which name?',
        kind: 'ranked',
        options: [
          { id: 'a', label: 'Alder' },
          { id: 'b', label: 'Birch' },
        ],
        results: { counts: { a: 2, b: 1 }, voters: 3 },
        status: 'closed',
      };
      const el = await poll({ poll: base });
      expect(text(el)).to.contain('gives only first choices');
      expect(resultFor(el, 'Alder')?.textContent).to.contain('2 votes (67%)');
      el.poll = { ...base, results: { counts: { a: 1, b: 1 }, voters: 2, ballots: [['a'], ['b']] } };
      await el.updateComplete;
      expect($(el, '[part~="outcome"]')?.textContent).to.contain('The count ends in a tie between Alder and Birch.');
      await expectAccessible(el);
    });
  });

  describe('states', () => {
    it('is busy while loading', async () => {
      const adapter = demo();
      const gate = adapter.hold('getPoll');
      const el = await poll({ adapter, pollId: 'first-project' });
      await gate.arrived;
      await el.updateComplete;
      expect($(el, '[aria-busy="true"]')).to.exist;
      expect($(el, '[role="status"]')?.textContent).to.contain('Loading');
      await expectAccessible(el);
      gate.release();
      await settled(el, () => !!$(el, 'form'));
      expect($(el, '[aria-busy="true"]')).to.equal(null);
    });

    it('offers a retry by keyboard after a failed load, and tells the page', async () => {
      const adapter = demo().failNext('getPoll', 'network');
      const el = await poll({});
      const errors: Event[] = [];
      el.addEventListener('civic-error', (e) => errors.push(e));
      Object.assign(el, { adapter, pollId: 'first-project' });
      await settled(el, () => !!$(el, '[part~="retry-button"]'));
      expect($(el, '[role="alert"]')?.textContent).to.contain('The connection failed');
      expect(errors).to.have.length(1);
      await expectAccessible(el);
      $<HTMLButtonElement>(el, '[part~="retry-button"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await settled(el, () => !!$(el, 'form'));
    });

    it('says so when the poll does not exist', async () => {
      const el = await poll({ adapter: demo(), pollId: 'no-such-poll' });
      await settled(el, () => !!$(el, '[role="alert"]'));
      expect(text(el)).to.contain('This poll could not be found.');
      expect($(el, '[part~="retry-button"]')).to.equal(null);
      await expectAccessible(el);
    });

    const malformed: [string, unknown][] = [
      ['missing options', { ...single, options: undefined }],
      ['one option only', { ...single, options: [{ id: 'a', label: 'A' }] }],
      ['negative counts', { ...single, results: { counts: { bread: -3 }, voters: 4 } }],
      ['an unknown option in results', { ...single, results: { counts: { pizza: 3 }, voters: 4 } }],
      [
        'an unknown option in ballots',
        { ...single, kind: 'ranked', results: { counts: {}, voters: 1, ballots: [['x']] } },
      ],
      ['an unknown kind', { ...single, kind: 'approval' }],
      ['not an object', 'poll'],
    ];
    for (const [what, data] of malformed) {
      it(`shows a visible error, and throws nothing, for ${what}`, async () => {
        const el = await poll({ adapter: careless(data), pollId: 'x' });
        await settled(el, () => !!$(el, '[role="alert"]'));
        expect(text(el)).to.contain('cannot show');
        await expectAccessible(el);
        const direct = await poll({ poll: data });
        expect($(direct, '[role="alert"]')?.textContent).to.contain('cannot show');
      });
    }

    it('follows the nearest lang and direction: Arabic, right to left, with Arabic plurals', async () => {
      const wrap = document.createElement('div');
      render(
        html`<div lang="ar" dir="rtl">
            <civic-poll id="ar" .poll=${{ ...single, language: 'en' }} .outbox=${outbox()}></civic-poll>
          </div>
          <div lang="de"><civic-poll id="de" .poll=${single} .outbox=${outbox()}></civic-poll></div>`,
        wrap,
      );
      document.body.append(wrap);
      const ar = wrap.querySelector<CivicPoll>('#ar')!;
      const de = wrap.querySelector<CivicPoll>('#de')!;
      await ar.updateComplete;
      await de.updateComplete;
      expect(text(ar)).to.contain('اختر خيارًا واحدًا.');
      expect(text(ar)).to.contain('أشخاص'); // 4 voters: the "few" form
      expect(getComputedStyle($(ar, '[part~="base"]')!).direction).to.equal('rtl');
      expect($(ar, '.choice label')?.getAttribute('lang'), 'English options keep their language').to.equal('en');
      expect(text(de)).to.contain('4 Personen haben abgestimmt.');
      expect(voteButton(de)!.textContent?.trim()).to.equal('Abstimmen');
      await expectAccessible(wrap);
      wrap.remove();
    });

    it('fits 320 px with targets of at least 24 × 24 px, in every kind', async () => {
      for (const id of ['first-project', 'budget-priorities', 'community-garden-site']) {
        const el = await loaded(demo(), id);
        el.style.width = '320px';
        if (id === 'community-garden-site') {
          $<HTMLButtonElement>(el, '#add-0')!.click();
          await el.updateComplete;
          $<HTMLButtonElement>(el, '#add-1')!.click();
        }
        await el.updateComplete;
        const base = $(el, '[part~="base"]')!;
        expect(base.scrollWidth, id).to.be.at.most(base.clientWidth + 1);
        for (const target of $$(el, 'button, input, a')) {
          const r = target.getBoundingClientRect();
          expect(Math.min(r.width, r.height), `${id}: ${target.outerHTML.slice(0, 60)}`).to.be.at.least(24);
        }
        await expectAccessible(el);
      }
    });

    it('reads well in the dark theme', async () => {
      const wrap = document.createElement('div');
      render(
        html`<civic-provider theme="dark"
          ><civic-poll .poll=${{ ...single, myBallot: { choices: ['bread'] } }} .outbox=${outbox()}></civic-poll
        ></civic-provider>`,
        wrap,
      );
      document.body.append(wrap);
      await wrap.querySelector<CivicPoll>('civic-poll')!.updateComplete;
      await expectAccessible(wrap);
      wrap.remove();
    });

    it('takes per-instance string overrides', async () => {
      const el = await poll({ poll: single, strings: { pollVote: 'Cast my vote' } });
      expect(voteButton(el)!.textContent?.trim()).to.equal('Cast my vote');
    });
  });
});

describeWrites({
  tag: '<civic-poll>',
  method: 'vote',
  event: 'civic-vote-done',
  adapter: () => demo(),
  mount: async (adapter, props) => {
    const el = await poll({ adapter, pollId: 'first-project', ...props });
    await settled(el, () => !!$(el, '[part~="question"]'));
    return el;
  },
  write: async (el) => {
    choose(el as CivicPoll, 'A tool library');
    voteButton(el as CivicPoll)!.click();
  },
  keptMs: async (adapter) => {
    // Until the poll closes, and 7 days at most.
    const closes = Date.parse((await MemoryAdapter.prototype.getPoll.call(adapter, 'first-project')).closesAt!);
    return Math.min(closes - Date.now(), 7 * 24 * 3_600_000);
  },
  counted: async (adapter) =>
    (await MemoryAdapter.prototype.getPoll.call(adapter, 'first-project')).results!.voters -
    (await MemoryAdapter.prototype.getPoll.call(demo(), 'first-project')).results!.voters,
  says: {
    unreachable: /could not be reached\. Your vote is saved|could not be reached\. Your vote will be sent again/,
    offline: /You seem to be offline/,
    thisPage: /as long as this page stays open/,
    done: /Your vote has been counted|Your saved vote has been sent and counted/,
  },
});
