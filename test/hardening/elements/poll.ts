/** `<civic-poll>` in every state it has (see docs/accessibility/civic-poll.md). */
import { Outbox } from '@civic-kit/core';
import { careless, scripted, type Script } from '../adapters.js';
import {
  closedPoll,
  harnessData,
  multiplePoll,
  poll as singlePoll,
  rankedPoll,
  scheduledPoll,
  votedPoll,
} from '../data.js';
import { waitFor } from '../dom.js';
import type { Built, ElementHarness, StateContext } from '../types.js';

const TAG = 'civic-poll';

const q = (b: Built, selector: string) => b.el.shadowRoot?.querySelector(selector) ?? null;
const has = (selector: string) => (b: Built) => q(b, selector) !== null;
const shows = (text: RegExp) => (b: Built) => text.test(b.el.shadowRoot?.textContent ?? '');
const asked = has('[part~="question"]');
const alerting = (b: Built) => has('[role="alert"]')(b) && !asked(b);

let outboxes = 0;

function pollEl(ctx: StateContext, props: Record<string, unknown>, wrapper?: HTMLElement): Built {
  const el = ctx.doc.createElement(TAG);
  el.setAttribute('heading-level', '2');
  // A queue of its own: a ballot queued here (say, by an element removed mid-send) stays out of other tests.
  const outbox = new Outbox(`civic-hardening:poll-outbox:${++outboxes}:${Math.random().toString(36).slice(2)}`);
  // No deadline: a state that holds a vote keeps showing it on its way, however slow the run.
  Object.assign(el, { outbox, sendTimeout: 0, ...props });
  const root = wrapper ?? ctx.doc.createElement('div');
  root.style.setProperty('max-inline-size', '32rem');
  root.append(el);
  return { root, el };
}

function throughAdapter(ctx: StateContext, id: string, script: Script = {}): Built {
  const s = scripted(ctx, harnessData(ctx), script);
  return { ...pollEl(ctx, { adapter: s.adapter, pollId: id }), release: s.release };
}

/** Tick the first option and press the vote button, as a person would. */
async function vote(b: Built): Promise<void> {
  await waitFor(() => has('form')(b), 'no ballot');
  (q(b, '.choice label, fieldset label') as HTMLLabelElement).click();
  await (b.el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  (q(b, '[part~="vote-button"]') as HTMLButtonElement).click();
}
async function voteEmpty(b: Built): Promise<void> {
  await waitFor(() => has('[part~="vote-button"]')(b), 'no vote button');
  (q(b, '[part~="vote-button"]') as HTMLButtonElement).click();
}

export const poll: ElementHarness = {
  tag: TAG,
  criteria: 'docs/accessibility/civic-poll.md',
  states: [
    { name: 'open-single-choice', build: (ctx) => throughAdapter(ctx, 'first-project'), ready: has('form') },
    { name: 'open-multiple-choice', build: (ctx) => throughAdapter(ctx, 'priorities'), ready: has('form') },
    { name: 'ranked-choice', build: (ctx) => throughAdapter(ctx, 'garden-site'), ready: has('form') },
    {
      name: 'closed-with-results',
      build: (ctx) => throughAdapter(ctx, 'closed-poll'),
      ready: has('[part~="results"]'),
    },
    { name: 'scheduled', build: (ctx) => throughAdapter(ctx, 'scheduled-poll'), ready: has('[part~="when"]') },
    { name: 'from-property', build: (ctx) => pollEl(ctx, { poll: singlePoll }), ready: asked },
    { name: 'already-voted', build: (ctx) => pollEl(ctx, { poll: votedPoll }), ready: asked },
    { name: 'closed-from-property', build: (ctx) => pollEl(ctx, { poll: closedPoll }), ready: asked },
    { name: 'multiple-from-property', build: (ctx) => pollEl(ctx, { poll: multiplePoll }), ready: asked },
    { name: 'ranked-from-property', build: (ctx) => pollEl(ctx, { poll: rankedPoll }), ready: asked },
    { name: 'scheduled-from-property', build: (ctx) => pollEl(ctx, { poll: scheduledPoll }), ready: asked },
    {
      name: 'right-to-left-page',
      build: (ctx) => {
        const wrapper = ctx.doc.createElement('div');
        wrapper.lang = 'ar';
        wrapper.dir = 'rtl';
        return pollEl(ctx, { poll: singlePoll }, wrapper);
      },
      ready: asked,
    },
    {
      name: 'dark-theme',
      build: (ctx) => {
        const provider = ctx.doc.createElement('civic-provider');
        provider.setAttribute('theme', 'dark');
        const b = pollEl(ctx, { poll: singlePoll });
        provider.append(b.root);
        return { root: provider, el: b.el };
      },
      ready: asked,
    },
    {
      name: 'loading',
      build: (ctx) => throughAdapter(ctx, 'first-project', { hold: ['getPoll'] }),
      ready: has('[aria-busy="true"]'),
    },
    {
      name: 'network-error',
      build: (ctx) => throughAdapter(ctx, 'first-project', { fail: { getPoll: 'network' } }),
      ready: (b) => alerting(b) && has('[part~="retry-button"]')(b),
    },
    { name: 'not-found', build: (ctx) => throughAdapter(ctx, 'no-such-poll'), ready: alerting },
    {
      name: 'malformed',
      build: (ctx) => pollEl(ctx, { adapter: careless({ ...singlePoll, options: [] }), pollId: 'x' }),
      ready: alerting,
    },
    {
      name: 'nothing-chosen',
      build: (ctx) => throughAdapter(ctx, 'first-project'),
      act: voteEmpty,
      ready: has('[part~="error-summary"]'),
    },
    {
      name: 'vote-sending',
      build: (ctx) => throughAdapter(ctx, 'first-project', { hold: ['vote'] }),
      act: vote,
      ready: shows(/Sending/),
    },
    {
      name: 'vote-counted',
      build: (ctx) => throughAdapter(ctx, 'first-project'),
      act: vote,
      ready: has('.message--success'),
    },
    {
      name: 'vote-failed',
      // Rate-limited: rolled back with a retry (a network failure would queue the vote instead).
      build: (ctx) => throughAdapter(ctx, 'first-project', { fail: { vote: 'rate-limited' } }),
      act: vote,
      ready: (b) => has('[role="alert"]')(b) && has('[part~="vote-button"]')(b),
    },
  ],
  announcements: [
    {
      name: 'a vote is being sent',
      from: 'open-single-choice',
      region: '.live[role="status"]',
      act: vote,
      says: /Sending|counted/,
    },
  ],
  hostile: {
    model: (text) => ({
      id: `id-${text}`.slice(0, 200),
      question: text,
      description: text,
      kind: 'single',
      options: [
        { id: 'a', label: text },
        { id: 'b', label: 'Plain option' },
      ],
      results: { counts: { a: 1, b: 2 }, voters: 3 },
      status: 'open',
      resultsVisibility: 'always',
      language: 'ar',
    }),
    viaProperty: (data, ctx) => pollEl(ctx, { poll: data }),
    viaAdapter: (data, ctx, adapter) => pollEl(ctx, { adapter: adapter ?? careless(data), pollId: 'hostile' }),
    settled: (b) => asked(b) || alerting(b),
    shown: asked,
  },
};
