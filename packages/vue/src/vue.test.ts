/**
 * The elements in a Vue 3 app, through Vue's own runtime and template compiler: props and attributes
 * reach the element, `@civic-vote` receives the element's `CivicVoteEvent`.
 */
import '@civic-kit/elements';
import type { CivicPoll, CivicVoteEvent } from '@civic-kit/elements';
import { expect, waitUntil } from '@open-wc/testing';
// The full build (runtime + template compiler) as one browser module; its types are vue's.
// @ts-expect-error -- the file ships without a declaration of its own
import * as VueBrowser from 'vue/dist/vue.esm-browser.js';
import type * as Vue from 'vue';
import { isCivicElement } from './index.js';

const { createApp, ref } = VueBrowser as typeof Vue;

const shadow = (el: Element) => el.shadowRoot!;
const text = (el: Element) => (shadow(el).textContent ?? '').replace(/\s+/g, ' ');

describe('Civic Kit in Vue', () => {
  let host: HTMLElement;
  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
  });
  afterEach(() => host.remove());

  it('renders <civic-poll> from a template, takes its props and hands @civic-vote a typed event', async () => {
    const warnings: string[] = [];
    const votes: CivicVoteEvent[] = [];
    const pollId = ref('meeting-night');
    const last = ref('');
    const app = createApp({
      setup: () => ({
        pollId,
        last,
        onVote(event: CivicVoteEvent) {
          votes.push(event);
          last.value = event.ballot.choices.join(', ');
        },
      }),
      template: `
        <civic-provider adapterName="memory" lang="en">
          <civic-poll :poll-id="pollId" :heading-level="2" @civic-vote="onVote"></civic-poll>
        </civic-provider>
        <p id="last">{{ last }}</p>`,
    });
    app.config.compilerOptions.isCustomElement = isCivicElement;
    app.config.warnHandler = (message) => void warnings.push(message);
    app.mount(host);

    const poll = host.querySelector<CivicPoll>('civic-poll')!;
    expect(poll).to.be.instanceOf(customElements.get('civic-poll')!);
    await waitUntil(() => text(poll).includes('Which evening suits you best'), 'the first poll did not load', {
      timeout: 5000,
    });
    expect(shadow(poll).querySelector('h2'), 'heading-level from a bound attribute').to.not.equal(null);

    pollId.value = 'first-project';
    await waitUntil(() => text(poll).includes('Which project should'), 'the poll did not follow its prop', {
      timeout: 5000,
    });
    expect(poll.getAttribute('poll-id')).to.equal('first-project');

    shadow(poll).querySelector<HTMLInputElement>('input[value="street-trees"]')!.click();
    shadow(poll).querySelector<HTMLButtonElement>('[part~="vote-button"]')!.click();
    await waitUntil(() => votes.length === 1, 'no civic-vote reached the handler');
    const [vote] = votes;
    expect(vote!.constructor.name).to.equal('CivicVoteEvent');
    expect(vote!.pollId).to.equal('first-project');
    expect(vote!.ballot.choices).to.deep.equal(['street-trees']);
    await waitUntil(() => host.querySelector('#last')!.textContent === 'street-trees', 'the template did not update');
    expect(warnings, 'Vue resolved no civic-* tag as a component').to.deep.equal([]);
    app.unmount();
  });

  it('treats every civic-* tag, and only those, as custom elements', () => {
    const tags = ['provider', 'initiative-card', 'initiative-list', 'poll', 'map', 'map-pin', 'find-the-others'];
    for (const tag of tags) expect(isCivicElement(`civic-${tag}`), tag).to.equal(true);
    expect(isCivicElement('router-view')).to.equal(false);
    expect(isCivicElement('div')).to.equal(false);
  });
});
