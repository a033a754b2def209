/**
 * The wrappers in React 19 (react-dom/client), in real Chromium: a wrapper renders its element, passes
 * props as properties (strings, numbers, objects, `false`), follows re-renders, and hands its `on…`
 * props the element's own event classes. React comes bundled (`pnpm build:examples`): it ships
 * CommonJS only.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type * as Runtime from '../test/runtime.js';

// Built from ../test/runtime.ts; the types are the source's.
const {
  act,
  createElement: h,
  createRoot,
  CivicInitiativeCard,
  CivicPoll,
  CivicProvider,
  CivicSupportEvent,
  CivicVoteEvent,
  MemoryAdapter,
  // @ts-expect-error -- a build output, typed through `Runtime`
} = (await import('../test/dist/runtime.js')) as typeof Runtime;

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const poll = (id: string, question: string) => ({
  id,
  question,
  kind: 'single',
  status: 'open',
  options: [
    { id: 'yes', label: 'Yes' },
    { id: 'no', label: 'No' },
  ],
  results: { counts: { yes: 1, no: 2 }, voters: 3 },
});
const data = {
  polls: [poll('bench', 'A bench by the pond?'), poll('bins', 'More recycling bins?')],
  initiatives: [{ id: 'repair', title: 'Repair café', status: 'active', supporters: { count: 4 } }],
};

const shadowText = (el: Element | null) => (el?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');

describe('@civic-kit/react', () => {
  let host: HTMLElement;
  let root: ReturnType<typeof createRoot>;
  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
  });
  afterEach(async () => {
    await act(async () => root.unmount());
    host.remove();
  });

  it('renders a poll through the provider, follows its props and hands onCivicVote a CivicVoteEvent', async () => {
    const adapter = new MemoryAdapter({ data });
    const votes: InstanceType<typeof CivicVoteEvent>[] = [];
    const app = (pollId: string) =>
      h(
        CivicProvider,
        { adapter },
        h(CivicPoll, { pollId, headingLevel: 2, structuredData: false, onCivicVote: (e) => votes.push(e) }),
      );
    await act(async () => root.render(app('bench')));
    const el = host.querySelector('civic-poll')!;
    expect(el).to.be.instanceOf(customElements.get('civic-poll')!);
    expect(host.querySelector('civic-provider')!.adapter, 'an object prop is set as the property').to.equal(adapter);
    expect(el.headingLevel, 'a number stays a number').to.equal(2);
    expect(el.structuredData).to.equal(false);
    await waitUntil(() => shadowText(el).includes('A bench by the pond?'), 'the poll did not load');
    expect(el.shadowRoot!.querySelector('h2')).to.not.equal(null);

    await act(async () => root.render(app('bins')));
    expect(host.querySelector('civic-poll'), 'the same element, updated').to.equal(el);
    expect(el.pollId).to.equal('bins');
    await waitUntil(() => shadowText(el).includes('More recycling bins?'), 'the poll did not follow pollId');

    el.shadowRoot!.querySelector<HTMLInputElement>('input[value="yes"]')!.click();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="vote-button"]')!.click();
    await waitUntil(() => votes.length === 1, 'onCivicVote was not called');
    expect(votes[0]).to.be.instanceOf(CivicVoteEvent);
    expect(votes[0]!.pollId).to.equal('bins');
    expect(votes[0]!.ballot.choices).to.deep.equal(['yes']);
  });

  it('lets a host take over a write: preventDefault in onCivicSupport stops the adapter write', async () => {
    const adapter = new MemoryAdapter({ data });
    const seen: InstanceType<typeof CivicSupportEvent>[] = [];
    let wrote = false;
    const write = adapter.supportInitiative.bind(adapter);
    adapter.supportInitiative = (...args) => ((wrote = true), write(...args));
    await act(async () =>
      root.render(
        h(
          CivicProvider,
          { adapter },
          h(CivicInitiativeCard, {
            initiativeId: 'repair',
            onCivicSupport: (e) => {
              seen.push(e);
              e.preventDefault();
            },
          }),
        ),
      ),
    );
    const card = host.querySelector('civic-initiative-card')!;
    await waitUntil(() => card.shadowRoot?.querySelector('[part~="support-button"]'), 'no Support button');
    card.shadowRoot!.querySelector<HTMLButtonElement>('[part~="support-button"]')!.click();
    await waitUntil(() => seen.length === 1, 'onCivicSupport was not called');
    expect(seen[0]).to.be.instanceOf(CivicSupportEvent);
    expect(seen[0]!.initiativeId).to.equal('repair');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(wrote, 'the adapter was not written to').to.equal(false);
  });

  it('removes a listener when its prop goes away', async () => {
    const adapter = new MemoryAdapter({ data });
    let calls = 0;
    const onCivicVote = () => void calls++;
    await act(async () => root.render(h(CivicProvider, { adapter }, h(CivicPoll, { pollId: 'bench', onCivicVote }))));
    const el = host.querySelector('civic-poll')!;
    el.dispatchEvent(new CivicVoteEvent('bench', { choices: ['yes'] }, 'k1', false));
    await act(async () => root.render(h(CivicProvider, { adapter }, h(CivicPoll, { pollId: 'bench' }))));
    el.dispatchEvent(new CivicVoteEvent('bench', { choices: ['yes'] }, 'k2', false));
    expect(calls).to.equal(1);
  });
});
