/**
 * The demo community page (examples/index.html, what `pnpm start` and the README's demo serve on the
 * embedded demo data) as a visitor uses it: a vote in one tab updates the poll in another, and the
 * "find the others" form answers with matches from the demo data, and the map shows every demo initiative
 * with a place, the list beside it. Built bundles: `pnpm build` first.
 */
import { demoData } from '@civic-kit/core/demo';
import { expect, waitUntil } from '@open-wc/testing';

const PAGE = '/examples/index.html';
const wait = (what: () => unknown, message: string, timeout = 10_000) => waitUntil(what, message, { timeout });

/** A tab: the page in a frame of its own (same origin, so the tabs share storage and broadcasts). */
async function tab(): Promise<Document> {
  const frame = document.createElement('iframe');
  frame.title = 'The demo community page';
  frame.src = PAGE;
  frame.style.width = '1000px';
  frame.style.height = '900px';
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  return frame.contentDocument!;
}

const inShadow = <T extends Element>(host: Element | null, selector: string) =>
  host?.shadowRoot?.querySelector<T>(selector) ?? null;

/** The figures written beside one option's bar ("125 votes, 42%"), as a number of votes. */
function votesFor(poll: Element, label: string): number {
  const result = [...(poll.shadowRoot?.querySelectorAll('[part~="result"]') ?? [])].find(
    (r) => r.querySelector('.result-label')?.textContent?.trim() === label,
  );
  return Number.parseInt((result?.querySelector('.result-figures')?.textContent ?? '').replace(/,/g, ''), 10);
}

describe('the demo community page', function () {
  this.timeout(60_000);
  beforeEach(() => localStorage.removeItem('civic-kit-example'));
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('shows a live poll: a vote in one tab updates the other', async () => {
    const [a, b] = [await tab(), await tab()];
    const pollIn = (doc: Document) => doc.querySelector('civic-poll[poll-id="first-project"]')!;
    const label = 'A monthly repair café';
    for (const doc of [a, b])
      await wait(() => Number.isFinite(votesFor(pollIn(doc), label)), 'the poll shows no results');
    const before = votesFor(pollIn(b), label);

    const poll = pollIn(a);
    const option = [...poll.shadowRoot!.querySelectorAll<HTMLLabelElement>('.choice label')].find(
      (l) => l.textContent?.trim() === label,
    )!;
    option.click();
    inShadow<HTMLButtonElement>(poll, '[part~="vote-button"]')!.click();
    await wait(() => votesFor(pollIn(a), label) === before + 1, 'the vote is not counted in its own tab');
    await wait(() => votesFor(pollIn(b), label) === before + 1, 'the other tab did not update');
  });

  it('shows the demo initiatives on the map, the list of those near Bristol beside it', async () => {
    const doc = await tab();
    const map = doc.querySelector('civic-map')!;
    const list = doc.querySelector('civic-initiative-list')!;
    const markers = () => [...(map.shadowRoot?.querySelectorAll<HTMLElement>('.leaflet-marker-icon') ?? [])];
    // A cluster stands for as many initiatives as it says; a pin for one.
    const onMap = () =>
      markers().reduce(
        (n, m) => n + (m.dataset['key']?.startsWith('c:') ? Number.parseInt(m.textContent ?? '0', 10) : 1),
        0,
      );
    const placed = demoData().initiatives!.filter((i) => (i as { place?: unknown }).place).length;
    await wait(() => onMap() === placed, `the map does not show the ${placed} initiatives with a place`, 20_000);
    await wait(() => list.shadowRoot?.querySelectorAll('[part="item"]').length, 'the list shows no initiatives');
    const [m, l] = [map.getBoundingClientRect(), list.getBoundingClientRect()];
    expect(l.left, 'the list is beside the map').to.be.at.least(m.right);
    expect(Math.abs(l.top - m.top), 'side by side').to.be.below(2);
  });

  it('shows topics as words in each card’s language, never as keys', async () => {
    const doc = await tab();
    const chips = (id: string) =>
      [
        ...(doc
          .querySelector(`civic-initiative-card[initiative-id="${id}"]`)
          ?.shadowRoot?.querySelectorAll('[part="tag"]') ?? []),
      ].map((c) => c.textContent?.trim());
    await wait(() => chips('vauban-lastenrad').length, 'the German card shows no topics');
    expect(chips('vauban-lastenrad')).to.deep.equal(['Rad- und Fußverkehr', 'Nachbarschaftshilfe']);
    await wait(() => chips('repair-cafe').length, 'the English card shows no topics');
    expect(chips('repair-cafe')).to.deep.equal(['Repair and reuse', 'Local economy']);
  });

  it('answers the "find the others" form with matches from the demo data', async () => {
    const doc = await tab();
    const form = doc.querySelector('civic-find-the-others')!;
    await wait(() => inShadow(form, 'input[name="interests"]'), 'no interests from the demo data');
    const set = (selector: string, value: string) => {
      const input = inShadow<HTMLInputElement>(form, selector)!;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    };
    set('#name', 'Ada Lovelace');
    set('#email', 'ada@example.org');
    set('#place', 'Bristol');
    for (const box of [...form.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="interests"]')].slice(0, 3))
      box.click();
    // Agree to be put in touch (the purpose a sign-up needs; the others stay unticked).
    inShadow<HTMLInputElement>(form, 'input[name="consent"][value="connect"]')!.click();
    // The page keeps the form's spam guard: a person takes a few seconds to fill it in.
    await new Promise((r) => setTimeout(r, 3200));
    inShadow<HTMLFormElement>(form, 'form')!.requestSubmit();
    await wait(
      () => inShadow(form, '[part="results"]') ?? inShadow(form, '[part="error-summary"]'),
      'the form did not answer',
    );
    expect(inShadow(form, '[part="error-summary"]')?.textContent ?? '', 'no problem reported').to.equal('');
    const text = (inShadow(form, '[part="results"]')!.textContent ?? '').replace(/\s+/g, ' ');
    expect(text, 'how many people nearby share an interest').to.match(/\d/);
    await wait(
      () => inShadow(form, '[part="results"]')!.querySelectorAll('civic-initiative-card').length > 0,
      'no nearby initiatives among the matches',
    );
  });
});
