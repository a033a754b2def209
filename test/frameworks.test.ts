/**
 * The example pages for React, Vue and WordPress, as a visitor gets them: each mounts its elements, the
 * app's handlers receive the elements' typed events, a prop change reaches the element, and the page
 * passes axe. The React and Vue apps are bundles: `pnpm build` (or `pnpm build:examples`) first.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { expectAccessible, injectAxe } from './helpers/axe.js';

async function load(src: string): Promise<Document> {
  const frame = document.createElement('iframe');
  frame.title = 'Example page';
  frame.src = src;
  frame.style.width = '900px';
  frame.style.height = '900px';
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  return frame.contentDocument!;
}

const shadowText = (el: Element | null | undefined) => (el?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');
const wait = (what: () => unknown, message: string) => waitUntil(what, message, { timeout: 8000 });

/** Picks the poll's option and presses Vote, as a visitor would. */
async function vote(doc: Document, option: string): Promise<void> {
  const poll = doc.querySelector('civic-poll')!;
  await wait(() => poll.shadowRoot?.querySelector(`input[value="${option}"]`), `no option ${option}`);
  poll.shadowRoot!.querySelector<HTMLInputElement>(`input[value="${option}"]`)!.click();
  poll.shadowRoot!.querySelector<HTMLButtonElement>('[part~="vote-button"]')!.click();
}

/** Chooses another poll in the page's own select, which the app passes to the element as a prop. */
function choosePoll(doc: Document, pollId: string): void {
  const select = doc.querySelector<HTMLSelectElement>('#poll-choice')!;
  select.value = pollId;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

for (const framework of ['react', 'vue'] as const) {
  describe(`the ${framework === 'react' ? 'React' : 'Vue'} example page`, () => {
    afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

    it('mounts the elements, passes props and receives typed events', async () => {
      // A fresh start: the example keeps what a visitor did in this browser's storage.
      localStorage.removeItem(`civic-kit-${framework}-example`);
      const doc = await load(`/examples/${framework}.html`);
      const poll = () => doc.querySelector('civic-poll');
      await wait(() => shadowText(poll()).includes('Which project should'), 'the poll did not render');
      await wait(() => shadowText(doc.querySelector('civic-initiative-card')).includes('Repair Café'), 'no card');

      choosePoll(doc, 'budget-priorities');
      await wait(() => shadowText(poll()).includes('How should we spend'), 'the new pollId did not reach the element');
      expect(poll()!.getAttribute('poll-id')).to.equal('budget-priorities');
      choosePoll(doc, 'first-project');
      await wait(() => shadowText(poll()).includes('Which project should'), 'the first poll did not come back');

      await vote(doc, 'street-trees');
      await wait(
        () => doc.querySelector('#news')?.textContent?.includes('street-trees'),
        'the app did not get the civic-vote event',
      );
      expect(doc.querySelector('#news')!.textContent).to.contain('“first-project”');

      await injectAxe(doc);
      await expectAccessible(doc.documentElement);
    });
  });
}

describe('the WordPress snippet', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('shows every element it contains from one script tag', async () => {
    const doc = await load('/examples/wordpress.html');
    await wait(() => shadowText(doc.querySelector('civic-poll')).includes('Which project should'), 'no poll');
    await wait(
      () => doc.querySelector('civic-initiative-list')?.shadowRoot?.querySelector('[part~="card"]'),
      'no list',
    );
    await wait(() => doc.querySelector('civic-find-the-others')?.shadowRoot?.querySelector('form'), 'no sign-up form');
    const scripts = [...doc.querySelectorAll('script')].filter((s) => !s.src.includes('/__web-dev-server'));
    expect(scripts.map((s) => new URL(s.src).pathname)).to.deep.equal(['/packages/elements/cdn/civic-kit.js']);
    await injectAxe(doc);
    await expectAccessible(doc.documentElement);
  });
});
