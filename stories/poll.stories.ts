import { type CivicAdapter, type Outbox, type PollInput, type StringOverrides } from '@civic-kit/core';
import '@civic-kit/elements/define/civic-poll.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { CivicPoll } from '../packages/elements/src/poll/poll.js';
import { pollStrings } from '../packages/elements/src/poll/poll.strings.js';
import { registerStrings } from '../packages/elements/src/translations/languages.js';
import { careless, ScriptedAdapter } from '../test/helpers/adapters.js';
import { inShadow, played, storyOutbox, until, type Steps } from './story-steps.js';

// Every language, for the right-to-left story (a page that imports one element registers English only).
registerStrings(pollStrings);

/** Args of `<civic-poll>`: attribute names as in custom-elements.json, plus its object properties. */
interface PollArgs {
  'poll-id'?: string | undefined;
  'heading-level': number;
  'structured-data': boolean;
  poll?: unknown;
  strings?: StringOverrides | undefined;
  /** Documented from the manifest; stories that need one build it in their render function. */
  adapter?: never;
  outbox?: never;
  onCivicVote?: (e: Event) => void;
  onCivicVoteDone?: (e: Event) => void;
  onCivicError?: (e: Event) => void;
}

/** The demo polls are open on this day, whatever day the stories are opened. */
const NOW = new Date('2026-12-01T12:00:00Z');
const demo = () => ScriptedAdapter.demo({ now: () => NOW });

const firstProject: PollInput = {
  id: 'first-project',
  question: 'Which project should our new neighbourhood group take on first?',
  description: 'We can start one project this spring. Choose the one you would most like to help with.',
  kind: 'single',
  options: [
    { id: 'repair-cafe', label: 'A monthly repair café' },
    { id: 'street-trees', label: 'Planting street trees' },
    { id: 'tool-library', label: 'A tool library' },
    { id: 'play-street', label: 'A monthly play street' },
  ],
  results: {
    counts: { 'repair-cafe': 42, 'street-trees': 35, 'tool-library': 28, 'play-street': 19 },
    voters: 124,
  },
  closesAt: '2027-03-01T23:59:00Z',
  status: 'open',
  resultsVisibility: 'always',
  language: 'en',
};

const budget: PollInput = {
  id: 'budget-priorities',
  question: 'How should we spend this year’s £5,000 community budget?',
  description: 'Pick up to two priorities. You can change your vote until the poll closes.',
  kind: 'multiple',
  maxChoices: 2,
  options: [
    { id: 'bike-parking', label: 'Secure bike parking' },
    { id: 'park-benches', label: 'Benches and shade in the park' },
    { id: 'youth-club', label: 'Youth club equipment' },
    { id: 'food-bank', label: 'A top-up for the food bank' },
    { id: 'solar-lights', label: 'Solar lighting on the canal path' },
  ],
  results: {
    counts: { 'bike-parking': 46, 'park-benches': 35, 'youth-club': 27, 'food-bank': 31, 'solar-lights': 22 },
    voters: 87,
  },
  closesAt: '2027-01-31T23:59:00Z',
  status: 'open',
  resultsVisibility: 'always',
  allowChange: true,
  language: 'en',
};

const gardenBallots = [
  ...Array.from({ length: 3 }, () => ['school-field', 'park-corner']),
  ...Array.from({ length: 4 }, () => ['school-field', 'railway-verge']),
  ...Array.from({ length: 6 }, () => ['park-corner', 'school-field']),
  ...Array.from({ length: 3 }, () => ['railway-verge', 'park-corner']),
  ['railway-verge', 'parish-hall'],
  ...Array.from({ length: 2 }, () => ['parish-hall', 'park-corner']),
  ['parish-hall', 'railway-verge'],
];
const garden: PollInput = {
  id: 'community-garden-site',
  question: 'Where should the new community garden go?',
  description: 'Rank the sites in order of preference. You do not have to rank all of them.',
  kind: 'ranked',
  options: [
    { id: 'school-field', label: 'Corner of the primary school field' },
    { id: 'parish-hall', label: 'Unused land behind the parish hall' },
    { id: 'railway-verge', label: 'The old railway verge' },
    { id: 'park-corner', label: 'North-east corner of the park' },
  ],
  results: {
    counts: { 'school-field': 7, 'parish-hall': 3, 'railway-verge': 4, 'park-corner': 6 },
    voters: gardenBallots.length,
    ballots: gardenBallots,
  },
  closesAt: '2026-12-20T23:59:00Z',
  status: 'open',
  language: 'en',
};

const meetingNight: PollInput = {
  id: 'meeting-night',
  question: 'Which evening suits you best for the monthly meeting?',
  kind: 'single',
  options: [
    { id: 'monday', label: 'Monday' },
    { id: 'tuesday', label: 'Tuesday' },
    { id: 'wednesday', label: 'Wednesday' },
    { id: 'thursday', label: 'Thursday' },
  ],
  results: { counts: { monday: 12, tuesday: 31, wednesday: 18, thursday: 25 }, voters: 86 },
  opensAt: '2026-09-01T09:00:00Z',
  closesAt: '2026-10-01T09:00:00Z',
  status: 'closed',
  myBallot: { choices: ['thursday'] },
  language: 'en',
};

const solarName: PollInput = {
  id: 'solar-coop-name',
  question: 'What should we call the new solar co-op?',
  description: 'The Totnes community energy group is setting up a co-op for its next roofs. Voting opens in January.',
  kind: 'single',
  options: [
    { id: 'dart-valley-sun', label: 'Dart Valley Sun' },
    { id: 'totnes-light-and-power', label: 'Totnes Light & Power' },
    { id: 'sunny-side-up', label: 'Sunny Side Up Energy' },
    { id: 'river-town-solar', label: 'River Town Solar' },
  ],
  opensAt: '2030-01-15T09:00:00Z',
  closesAt: '2030-02-15T23:59:00Z',
  status: 'scheduled',
  resultsVisibility: 'after-close',
  language: 'en',
};

const arabic: PollInput = {
  id: 'kitchen-day',
  question: 'في أي يوم نفتح مطبخ إيستون المجتمعي؟',
  description: 'اختر اليوم الذي يناسبك للمساعدة في الطبخ أو التقديم.',
  kind: 'single',
  options: [
    { id: 'thursday', label: 'الخميس' },
    { id: 'friday', label: 'الجمعة' },
    { id: 'saturday', label: 'السبت' },
  ],
  results: { counts: { thursday: 9, friday: 23, saturday: 12 }, voters: 44 },
  closesAt: '2027-01-10T18:00:00Z',
  status: 'open',
  language: 'ar',
};

/**
 * Steps a person takes on the ballot once it is shown (each selector clicked in turn, then Vote when
 * `settledWhen` is not about the ballot itself), done when `settledWhen` is in the shadow root.
 */
const press =
  (clicks: string[], settledWhen: string, vote = true): Steps<CivicPoll> =>
  async (el) => {
    await until(() => inShadow(el, 'form'));
    await el.updateComplete;
    for (const selector of clicks) {
      inShadow(el, selector)?.click();
      await el.updateComplete;
    }
    if (vote) inShadow(el, '[part~="vote-button"]')?.click();
    await until(() => inShadow(el, settledWhen));
    await el.updateComplete;
  };
const FAILED = '[part~="message"][role="alert"]';
const QUEUED = '[part~="send-now-button"]';
const VOTED = '[part~="your-vote"]';

/**
 * A story that votes in a demo poll: `clicks` on its ballot, then Vote, through the demo data with the
 * send `outcome` — counted, refused (rate-limited, so a retry is offered) or lost twice (so it is queued).
 */
const voting = (pollId: string, clicks: string[], outcome: 'counted' | 'failed' | 'queued'): Story => ({
  args: { 'poll-id': pollId },
  render: (args) => {
    const adapter = demo();
    if (outcome === 'failed') adapter.failNext('vote', 'rate-limited');
    if (outcome === 'queued') adapter.failNext('vote', 'network').failNext('vote', 'network');
    const settledWhen = { counted: VOTED, failed: FAILED, queued: QUEUED }[outcome];
    return framed(poll(args, { adapter, outbox: storyOutbox(), steps: press(clicks, settledWhen) }));
  },
});

/** The poll with the story's args; `adapter` and extras only where a story supplies them. */
const poll = (
  args: PollArgs,
  extra: {
    adapter?: CivicAdapter;
    outbox?: Outbox;
    steps?: Steps<CivicPoll>;
    preview?: boolean;
  } = {},
): TemplateResult => {
  const el = html`<civic-poll
    poll-id=${args['poll-id'] ?? nothing}
    heading-level=${args['heading-level']}
    ?structured-data=${args['structured-data']}
    .poll=${args.poll}
    .strings=${args.strings}
    .adapter=${extra.adapter ?? nothing}
    .outbox=${extra.outbox ?? nothing}
    @civic-vote=${args.onCivicVote}
    @civic-vote-done=${args.onCivicVoteDone}
    @civic-error=${args.onCivicError}
    ${extra.preview ? dataBlockPreview : nothing}
  ></civic-poll>`;
  return extra.steps ? played(extra.steps, el) : el;
};

/**
 * Copy the element's data block, pretty-printed, into the `<pre>` after it, whenever it changes: the
 * story shows what search engines and fediverse tools read.
 */
const dataBlockPreview = ref((node) => {
  if (!node) return;
  const copy = () => {
    const pre = node.nextElementSibling?.querySelector('pre');
    const block = node.querySelector(':scope > script');
    if (pre) pre.textContent = block ? JSON.stringify(JSON.parse(block.textContent ?? 'null'), null, 2) : '';
  };
  new MutationObserver(copy).observe(node, { childList: true, characterData: true, subtree: true });
  copy();
});

// Story styles go in <style> elements with classes: no style="" attributes (a strict CSP blocks them).
const frame = html`<style>
  .civic-story-poll {
    max-inline-size: 30rem;
  }
  .civic-story-data pre {
    overflow: auto;
    max-block-size: 20rem;
    font-size: 0.8rem;
  }
</style>`;
const framed = (content: TemplateResult) =>
  html`${frame}
    <div class="civic-story-poll">${content}</div>`;

const meta: Meta<PollArgs> = {
  title: 'Elements/Poll',
  component: 'civic-poll',
  args: { 'heading-level': 3, 'structured-data': false },
  argTypes: {
    'heading-level': { control: 'select', options: [2, 3, 4, 5, 6] },
    'structured-data': { control: 'boolean' },
    'poll-id': { control: 'text' },
    poll: { control: 'object' },
    strings: { control: 'object' },
    adapter: { control: false },
    outbox: { control: false },
  },
  render: (args) => framed(poll(args)),
};
export default meta;

type Story = StoryObj<PollArgs>;

/** Single choice: a fieldset of radios; public results as bars with the numbers written out. */
export const SingleChoice: Story = { args: { poll: firstProject } };

/** Through `<civic-provider adapter="memory">` (the demo data): votes count, and two tabs update each other. */
export const FromDemoData: Story = {
  args: { 'poll-id': 'first-project' },
  render: (args) => framed(html`<civic-provider adapter="memory">${poll(args)}</civic-provider>`),
};

/** Multiple choice with three ticked where two are allowed: said at once, and again on sending. */
export const MultipleTooMany: Story = {
  args: { poll: budget },
  render: (args) =>
    framed(
      poll(args, {
        steps: press(['#choice-0', '#choice-2', '#choice-3'], '[part~="error-summary"]'),
      }),
    ),
};

/** Multiple choice, voted: both choices marked in words, and the vote can be changed. */
export const MultipleVoted: Story = {
  args: {
    poll: {
      ...budget,
      results: { ...budget.results!, counts: { ...budget.results!.counts, 'bike-parking': 47, 'food-bank': 32 } },
      myBallot: { choices: ['bike-parking', 'food-bank'] },
    },
  },
  render: (args) => framed(poll(args, { adapter: demo() })),
};

/** Ranked choice: options added and moved by buttons (or dragged by the handle), rounds of the count below. */
export const RankedWithRounds: Story = {
  args: { poll: garden },
  render: (args) =>
    framed(poll(args, { steps: press(['#add-3', '#add-0', '#add-2'], '[part~="ranked-item"]', false) })),
};

/** A closed ranked poll: the winner and every round of the instant-runoff count, the voter's ranks marked. */
export const RankedClosed: Story = {
  args: {
    poll: {
      ...garden,
      closesAt: '2026-11-20T23:59:00Z',
      status: 'closed',
      myBallot: { choices: ['railway-verge', 'park-corner'] },
    },
  },
};

/** Ranked choice, voted through the demo data: the ballot's ranks marked in words, the runoff recounted with it. */
export const RankedVoted: Story = voting('community-garden-site', ['#add-2', '#add-3'], 'counted');

/** Ranked choice with results hidden until the person has ranked and voted (`after-vote`). */
export const RankedHiddenUntilVote: Story = { args: { poll: { ...garden, resultsVisibility: 'after-vote' } } };

/** A ranked ballot that failed: the order is kept, with the reason and a retry. */
export const RankedVotingFailed: Story = voting('community-garden-site', ['#add-1', '#add-0'], 'failed');

/** A ranked ballot sent offline: queued, shown as counted, sent once when back online. */
export const RankedQueuedOffline: Story = voting('community-garden-site', ['#add-0', '#add-3'], 'queued');

/** Multiple choice, closed: the results, when it closed and both of the person's choices in words. */
export const MultipleClosed: Story = {
  args: {
    poll: {
      ...budget,
      status: 'closed',
      closesAt: '2026-11-20T23:59:00Z',
      myBallot: { choices: ['park-benches', 'food-bank'] },
    },
  },
};

/** Multiple choice, open, results kept until the poll closes (`after-close`). */
export const MultipleHiddenUntilClose: Story = { args: { poll: { ...budget, resultsVisibility: 'after-close' } } };

/** Two choices that failed to send: both stay ticked, with the reason and a retry. */
export const MultipleVotingFailed: Story = voting('budget-priorities', ['#choice-0', '#choice-3'], 'failed');

/** Two choices sent offline: queued and sent once when back online. */
export const MultipleQueuedOffline: Story = voting('budget-priorities', ['#choice-1', '#choice-4'], 'queued');

/** `after-vote`: results stay hidden until the person has voted. */
export const HiddenUntilVote: Story = { args: { poll: { ...budget, resultsVisibility: 'after-vote' } } };

/** A closed poll shows its results, when it closed, and the person's own vote. */
export const Closed: Story = { args: { poll: meetingNight } };

/** A scheduled poll says when voting opens; results wait until it closes (`after-close`). */
export const Scheduled: Story = { args: { poll: solarName } };

/** The vote failed: rolled back, a message that says why, and a retry that reuses the same key. */
export const VotingFailed: Story = voting('first-project', ['#choice-2'], 'failed');

/** Offline: the ballot waits in the outbox, shown as counted, and is sent once when back online. */
export const QueuedOffline: Story = voting('first-project', ['#choice-1'], 'queued');

/** No adapter: the host handles `civic-vote` (`preventDefault()`), counts it, and sets `.poll` again. */
export const HostHandlesTheVote: Story = {
  args: { poll: firstProject },
  render: (args) => {
    const onVote = (e: Event) => {
      const vote = e as Event & { ballot: { choices: readonly string[] } };
      vote.preventDefault();
      const el = e.target as CivicPoll;
      const p = el.poll as typeof firstProject;
      const counts = { ...p.results!.counts };
      for (const c of vote.ballot.choices) counts[c] = (counts[c] ?? 0) + 1;
      el.poll = {
        ...p,
        results: { counts, voters: p.results!.voters + 1 },
        myBallot: { choices: [...vote.ballot.choices] },
      };
    };
    return framed(html`<div @civic-vote=${onVote}>${poll(args)}</div>`);
  },
};

/**
 * `structured-data`: the poll also writes itself into its light DOM as an ActivityStreams `Question`
 * (`application/activity+json`: `oneOf`/`anyOf` with each option's count in `replies.totalItems`,
 * `votersCount`, `endTime`, `closed`), shown below as fediverse tools read it.
 */
export const StructuredData: Story = {
  args: { poll: budget, 'structured-data': true },
  render: (args) =>
    framed(
      html`${poll(args, { preview: true })}
        <figure class="civic-story-data">
          <figcaption>The data block</figcaption>
          <pre tabindex="0"></pre>
        </figure>`,
    ),
};

/** Arabic in a right-to-left container: strings, numbers, dates and plurals follow the nearest `lang`. */
export const RTL: Story = {
  args: { poll: arabic },
  render: (args) =>
    html`${frame}
      <div lang="ar" dir="rtl" class="civic-story-poll">${poll(args)}</div>`,
};

/** `<civic-provider theme="dark">` switches the tokens to their dark values. */
export const Dark: Story = {
  args: { poll: { ...firstProject, myBallot: { choices: ['street-trees'] } } },
  parameters: { layout: 'fullscreen' },
  render: (args) =>
    html`<style>
        .civic-story-dark {
          box-sizing: border-box;
          min-block-size: 100vh;
          padding: 1.5rem;
          background: #0d1117;
          color: #e8eaed;
          color-scheme: dark;
        }
      </style>
      <div class="civic-story-dark">
        <civic-provider theme="dark">${framed(poll(args))}</civic-provider>
      </div>`,
};

/** A site's own colours through `--civic-*` tokens and the `--civic-poll-*` hooks. */
export const CustomTheme: Story = {
  args: { poll: { ...budget, myBallot: { choices: ['youth-club'] } } },
  render: (args) =>
    html`<style>
        .our-town {
          /* A palette for light pages: it says so, or the tokens it leaves out take their dark values. */
          color-scheme: light;
          --civic-color-action: #7a1f5c;
          --civic-color-surface: #fffaf2;
          --civic-color-surface-alt: #f3e6d4;
          --civic-color-text: #2b2118;
          --civic-color-text-muted: #5e4b3c;
          --civic-color-border: #a0826d;
          --civic-font-body: Georgia, 'DejaVu Serif', serif;
          --civic-radius-m: 0;
          --civic-poll-bar-color: #7a1f5c;
          --civic-poll-bar-mine-color: #2d6a2f;
          --civic-poll-bar-track-color: #f3e6d4;
          --civic-poll-bar-height: 1.25rem;
          --civic-poll-spacing: 1.5rem;
        }
      </style>
      ${frame}
      <div class="our-town civic-story-poll">${poll(args)}</div>`,
};

/** The smallest width WCAG reflow asks for, with a ranked ballot (the widest controls). */
export const Narrow320: Story = {
  args: { poll: garden },
  render: (args) =>
    html`<style>
        .civic-story-narrow {
          inline-size: 320px;
          outline: 1px dashed #8c959f;
        }
      </style>
      <div class="civic-story-narrow">
        ${poll(args, { steps: press(['#add-1', '#add-3'], '[part~="ranked-item"]', false) })}
      </div>`,
};

/** Waiting for an adapter that never answers. */
export const Loading: Story = {
  args: { 'poll-id': 'first-project' },
  render: (args) => {
    const adapter = demo();
    adapter.hold('getPoll');
    return framed(poll(args, { adapter }));
  },
};

/** The connection failed while loading: a message that says what to do, and a retry. */
export const ErrorState: Story = {
  name: 'Error',
  args: { 'poll-id': 'first-project' },
  render: (args) => framed(poll(args, { adapter: demo().failNext('getPoll', 'network') })),
};

/** A careless adapter sends a poll whose results name an option it does not have: an error, never half a poll. */
export const Malformed: Story = {
  args: { 'poll-id': 'x' },
  render: (args) =>
    framed(
      poll(args, {
        adapter: careless({ ...firstProject, results: { counts: { 'not-an-option': 3 }, voters: 3 } }),
      }),
    ),
};
