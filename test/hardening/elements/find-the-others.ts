/** `<civic-find-the-others>` in every state (see docs/accessibility/civic-find-the-others.md). */
import { careless, scripted, type Script } from '../adapters.js';
import { harnessData } from '../data.js';
import { waitFor } from '../dom.js';
import type { Built, ElementHarness, StateContext } from '../types.js';

const TAG = 'civic-find-the-others';

const q = (b: Built, selector: string) => b.el.shadowRoot?.querySelector(selector) ?? null;
const has = (selector: string) => (b: Built) => q(b, selector) !== null;
const formReady = (b: Built) => has('form')(b) && has('#interest-0')(b);

let outboxes = 0;
function signup(ctx: StateContext, props: Record<string, unknown>, wrapper?: HTMLElement): Built {
  const el = ctx.doc.createElement(TAG);
  // No wait before sending (the spam guard's minimum fill time), and a queue of its own, so a state
  // that queues a sign-up never meets the element's own tests in the page's shared storage.
  el.setAttribute('min-fill-seconds', '0');
  // No deadline: a state that holds a write keeps showing it on its way, however slow the run.
  el.setAttribute('send-timeout', '0');
  el.setAttribute('outbox-key', `civic-hardening:outbox:${++outboxes}:${Math.random().toString(36).slice(2)}`);
  Object.assign(el, props);
  const root = wrapper ?? ctx.doc.createElement('div');
  root.style.setProperty('max-inline-size', '36rem');
  root.append(el);
  return { root, el };
}

function throughAdapter(ctx: StateContext, script: Script = {}, wrapper?: HTMLElement): Built {
  const s = scripted(ctx, harnessData(ctx), script);
  return { ...signup(ctx, { adapter: s.adapter }, wrapper), release: s.release };
}

export interface Answers {
  name: string;
  email: string;
  message: string;
}

/** Fill the form as a person would (typing, ticking) and send it. */
async function fillAndSend(
  b: Built,
  a: Answers = { name: 'Sam Neighbour', email: 'sam@example.org', message: 'Hello' },
) {
  await waitFor(() => formReady(b), 'the form never showed its interests');
  const set = (selector: string, value: string) => {
    const input = q(b, selector) as HTMLInputElement | null;
    if (!input) return;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  };
  set('#name', a.name);
  set('#email', a.email);
  set('#place', 'bristol');
  set('#message', a.message);
  (q(b, '#interest-0') as HTMLInputElement).click();
  (q(b, 'input[name="consent"][value="connect"]') as HTMLInputElement | null)?.click();
  await (b.el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  (q(b, 'form') as HTMLFormElement).requestSubmit();
}

export const findTheOthers: ElementHarness = {
  tag: TAG,
  criteria: 'docs/accessibility/civic-find-the-others.md',
  states: [
    { name: 'form', build: (ctx) => throughAdapter(ctx), ready: formReady },
    {
      name: 'interests-from-property',
      build: (ctx) =>
        signup(ctx, {
          interests: [
            { id: 'repair', label: 'Repair' },
            { id: 'food', label: 'Food growing' },
          ],
        }),
      ready: formReady,
    },
    {
      name: 'validation-errors',
      build: (ctx) => throughAdapter(ctx),
      act: async (b) => {
        await waitFor(() => formReady(b), 'no form');
        (q(b, 'form') as HTMLFormElement).requestSubmit();
      },
      ready: has('[part="error-summary"]'),
    },
    {
      name: 'sending',
      build: (ctx) => throughAdapter(ctx, { hold: ['findOthers'] }),
      act: (b) => fillAndSend(b),
      ready: (b) => /\S/.test(q(b, '.outcome')?.textContent ?? ''),
    },
    {
      name: 'matches',
      build: (ctx) => throughAdapter(ctx),
      act: (b) => fillAndSend(b),
      ready: has('[part="results"]'),
    },
    {
      name: 'queued-after-a-network-failure',
      // Every try fails: the sign-up stays queued while the element retries it by itself.
      build: (ctx) => throughAdapter(ctx, { failAlways: { findOthers: 'network' } }),
      act: (b) => fillAndSend(b),
      ready: has('.message--queued'),
    },
    {
      name: 'refused',
      build: (ctx) => throughAdapter(ctx, { fail: { findOthers: 'unauthorized' } }),
      act: (b) => fillAndSend(b),
      ready: has('.message--error[role="alert"]'),
    },
    {
      name: 'right-to-left-page',
      build: (ctx) => {
        const wrapper = ctx.doc.createElement('div');
        wrapper.lang = 'ar';
        wrapper.dir = 'rtl';
        return throughAdapter(ctx, {}, wrapper);
      },
      ready: formReady,
    },
    {
      name: 'dark-theme',
      build: (ctx) => {
        const provider = ctx.doc.createElement('civic-provider');
        provider.setAttribute('theme', 'dark');
        // Interests as a property: a provider with no data source of its own hands down none.
        const b = signup(ctx, { interests: [{ id: 'repair', label: 'Repair' }] });
        provider.append(b.root);
        return { ...b, root: provider };
      },
      ready: formReady,
    },
  ],
  announcements: [
    {
      name: 'the sign-up is being sent',
      from: 'form',
      region: '.outcome[role="status"]',
      act: (b) => fillAndSend(b),
      says: /\S/,
    },
  ],
  hostile: {
    model: (text) => ({ id: `id-${text}`.slice(0, 200), label: text }),
    viaProperty: (data, ctx) => signup(ctx, { interests: [data, { id: 'plain', label: 'Plain cause' }] }),
    viaAdapter: (data, ctx, adapter) => signup(ctx, { adapter: adapter ?? careless(data) }),
    // Invalid interests given as a property leave the question out, silently (reported: the card and the
    // poll show an error for malformed data instead).
    settled: (b) => has('form')(b) && !has('[aria-busy="true"]')(b),
    shown: has('#interest-0'),
  },
  async signUp(ctx, person) {
    const b = throughAdapter(ctx);
    ctx.doc.body.append(b.root);
    await fillAndSend(b, person);
    await waitFor(() => has('[part="results"]')(b), 'the sign-up was never confirmed');
    return b;
  },
};
