import {
  MemoryAdapter,
  type CivicAdapter,
  type Initiative,
  type InitiativeInput,
  type InitiativeQuery,
  type Page,
} from '@civic-kit/core';
import { CONFORMANCE_FIXTURE } from '@civic-kit/core/testing';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { careless, ScriptedAdapter } from '../../../../test/helpers/adapters.js';
import { expectAccessible } from '../../../../test/helpers/axe.js';
import { focusProblems } from '../../../../test/helpers/focus.js';
import '../define/civic-initiative-list.js';
import '../translations/all.js';
import { registerStrings } from '../translations/languages.js';
import type { CivicInitiativeList } from './initiative-list.js';
import { initiativeListStrings } from './initiative-list.strings.js';

registerStrings(initiativeListStrings);

const shadow = (el: Element) => el.shadowRoot!;
const text = (el: Element) => (shadow(el).textContent ?? '').replace(/\s+/g, ' ');
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<T>(selector);
const shownIds = (el: CivicInitiativeList) =>
  [...shadow(el).querySelectorAll('[part="item"] [part="title"]')].map((h) => h.textContent?.trim() ?? '');
const count = (el: CivicInitiativeList) => $(el, '[part="count"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const uncaught: unknown[] = [];
window.addEventListener('error', (e) => uncaught.push(e.error));
window.addEventListener('unhandledrejection', (e) => uncaught.push(e.reason));

async function list(props: Partial<CivicInitiativeList> = {}, attrs: Record<string, string> = {}) {
  const el = await fixture<CivicInitiativeList>(html`<civic-initiative-list></civic-initiative-list>`);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  Object.assign(el, props);
  await el.updateComplete;
  return el;
}

const settled = async (el: CivicInitiativeList, what: () => boolean, message = 'list did not settle') => {
  await waitUntil(what, message, { timeout: 4000 });
  await el.updateComplete;
};
const loaded = (el: CivicInitiativeList) =>
  settled(el, () => !$(el, '[aria-busy="true"]') && !!$(el, '[part="list"], [part="message"]'));

/** Every id an adapter returns for `query`, across all its pages. */
async function idsFor(adapter: CivicAdapter, query: InitiativeQuery): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await adapter.listInitiatives({ ...query, cursor, limit: 100 });
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

const titleOf = new Map(CONFORMANCE_FIXTURE.initiatives.map((i) => [i.id, i.title]));
const conformance = () => new MemoryAdapter({ data: structuredClone(CONFORMANCE_FIXTURE) });

/** An adapter with everything in one page, as a static JSON file would be. */
function bulk(n: number): CivicAdapter {
  const initiatives: InitiativeInput[] = Array.from({ length: n }, (_, k) => ({
    id: `bulk-${k}`,
    title: `Initiative number ${k}`,
    status: 'active',
    place: { lat: 50 + (k % 100) / 50, lng: -3 + Math.floor(k / 100) / 50 },
    tags: [k % 2 ? 'odd' : 'even'],
  }));
  return {
    capabilities: new Set(['list-initiatives', 'get-initiative', 'get-poll']),
    listInitiatives: async () => ({ items: initiatives, total: n }) as Page<Initiative>,
    getInitiative: async () => initiatives[0] as Initiative,
    getPoll: () => Promise.reject(new Error('none')),
  };
}

describe('<civic-initiative-list>', () => {
  beforeEach(() => (uncaught.length = 0));
  afterEach(() => expect(uncaught, 'uncaught errors in the page').to.deep.equal([]));

  it('lists initiatives passed in as a property, with no adapter', async () => {
    const el = await list({ initiatives: structuredClone(CONFORMANCE_FIXTURE.initiatives) });
    await loaded(el);
    expect(shownIds(el)).to.have.length(CONFORMANCE_FIXTURE.initiatives.length);
    expect(count(el)).to.equal(`${CONFORMANCE_FIXTURE.initiatives.length} initiatives`);
    expect($(el, '[part="count"]')?.getAttribute('role')).to.equal('status');
    expect($(el, 'h3'), 'card headings at the default level').to.exist;
    expect($(el, '[part="list"]')?.getAttribute('role')).to.equal('list');
    await expectAccessible(el);
  });

  it('is busy while the first page loads, then shows it with a count', async () => {
    const adapter = ScriptedAdapter.demo();
    const gate = adapter.hold('listInitiatives');
    const el = await list({ adapter });
    await gate.arrived;
    await el.updateComplete;
    expect($(el, '[aria-busy="true"]')).to.exist;
    expect(count(el)).to.equal('Loading…');
    await expectAccessible(el);
    gate.release();
    await loaded(el);
    expect(shownIds(el)).to.have.length(20);
    expect(count(el)).to.equal('Showing 20 of 40 initiatives');
  });

  describe('filters and sorts agree with the adapter (conformance fixture)', () => {
    const cases: [string, Record<string, string>, InitiativeQuery][] = [
      ['text', { q: 'repair' }, { q: 'repair' }],
      ['one tag', { tags: 'energy' }, { tags: ['energy'] }],
      ['two tags', { tags: 'energy,housing' }, { tags: ['energy', 'housing'] }],
      ['status', { status: 'completed,closed' }, { status: ['completed', 'closed'] }],
      [
        'near + radius',
        { near: '51.454,-2.587', 'radius-km': '10' },
        { near: { lat: 51.454, lng: -2.587 }, radiusKm: 10 },
      ],
      [
        'everything at once',
        { near: '51.454,-2.587', 'radius-km': '10', status: 'active', tags: 'repair' },
        { near: { lat: 51.454, lng: -2.587 }, radiusKm: 10, status: ['active'], tags: ['repair'] },
      ],
      ['newest first', { sort: 'newest' }, { sort: 'newest' }],
      ['most supported first', { sort: 'supporters' }, { sort: 'supporters' }],
      ['ending soon first', { sort: 'ending-soon' }, { sort: 'ending-soon' }],
      [
        'nearest first',
        { near: '51.454,-2.587', sort: 'distance' },
        { near: { lat: 51.454, lng: -2.587 }, sort: 'distance' },
      ],
      ['nearest first by default with a point', { near: '51.454,-2.587' }, { near: { lat: 51.454, lng: -2.587 } }],
    ];
    for (const [name, attrs, query] of cases) {
      it(name, async () => {
        const adapter = conformance();
        const el = await list({ adapter, pageSize: 100 }, attrs);
        await loaded(el);
        const expected = (await idsFor(adapter, query)).map((id) => titleOf.get(id));
        expect(shownIds(el)).to.deep.equal(expected);
      });
    }
  });

  it('searches as you type, and only the last search counts', async () => {
    const adapter = ScriptedAdapter.demo();
    const el = await list({ adapter });
    await loaded(el);
    $<HTMLInputElement>(el, '#q')!.focus();
    const changes: Event[] = [];
    el.addEventListener('change', (e) => changes.push(e));
    await sendKeys({ type: 'repa' });
    await sendKeys({ type: 'ir' });
    await settled(el, () => el.q === 'repair' && count(el).endsWith('initiatives') && !count(el).startsWith('Showing'));
    expect(el.getAttribute('q'), 'reflected').to.equal('repair');
    expect(changes).to.have.length(1);
    const expected = await idsFor(adapter, { q: 'repair' });
    expect(shownIds(el)).to.have.length(expected.length);
    expect(count(el)).to.equal(`${expected.length} initiatives`);
  });

  it('aborts a request that a newer one replaces', async () => {
    const adapter = ScriptedAdapter.demo();
    const el = await list({ adapter });
    await loaded(el);
    const gate = adapter.hold('listInitiatives');
    el.q = 'garden';
    await gate.arrived;
    el.q = 'repair';
    gate.release();
    await settled(el, () => count(el).includes('initiative') && !count(el).startsWith('Showing'));
    const calls = adapter.calls['listInitiatives']!;
    const signalOf = (i: number) => (calls[i]![1] as { signal: AbortSignal }).signal;
    expect(signalOf(calls.length - 2).aborted, 'the superseded request').to.equal(true);
    expect(shownIds(el)).to.have.length((await idsFor(adapter, { q: 'repair' })).length);
  });

  it('filters by status and topic from the form, by keyboard, and reflects them', async () => {
    const adapter = ScriptedAdapter.demo();
    const el = await list({ adapter });
    await loaded(el);
    const status = $<HTMLSelectElement>(el, '#status')!;
    status.focus();
    const changed = oneEvent(el, 'change');
    await sendKeys({ press: 'ArrowDown' }); // Any → Proposed
    await sendKeys({ press: 'Enter' }); // committed
    await changed;
    await loaded(el);
    expect(status.value).to.equal('proposed');
    expect(el.getAttribute('status')).to.equal('proposed');
    const proposed = await idsFor(adapter, { status: ['proposed'] });
    expect(shownIds(el)).to.have.length(Math.min(20, proposed.length));

    await settled(el, () => !!$(el, '#tag option[value="repair"]'), 'topics come from the adapter’s interests');
    const tag = $<HTMLSelectElement>(el, '#tag')!;
    tag.value = 'repair';
    tag.dispatchEvent(new Event('change'));
    await loaded(el);
    expect(el.getAttribute('tags')).to.equal('repair');
    const both = await idsFor(adapter, { status: ['proposed'], tags: ['repair'] });
    expect(shownIds(el)).to.have.length(both.length);
    await expectAccessible(el);
  });

  it('applies a select when its choice is committed, not on each arrow key (GOV.UK)', async () => {
    const adapter = ScriptedAdapter.demo();
    const el = await list({ adapter });
    await loaded(el);
    const before = count(el);
    const queries = adapter.calls['listInitiatives']?.length ?? 0;
    let changes = 0;
    el.addEventListener('change', () => changes++);
    const status = $<HTMLSelectElement>(el, '#status')!;
    status.focus();
    await sendKeys({ press: 'ArrowDown' }); // Any → Proposed
    await sendKeys({ press: 'ArrowDown' }); // → Active
    await new Promise((r) => setTimeout(r, 400));
    expect(status.value, 'the select shows the choice').to.equal('active');
    expect(changes, 'no change while browsing').to.equal(0);
    expect(el.hasAttribute('status')).to.equal(false);
    expect(adapter.calls['listInitiatives']?.length ?? 0, 'no reload while browsing').to.equal(queries);
    expect(count(el), 'nothing announced while browsing').to.equal(before);
    await sendKeys({ press: 'Enter' });
    await loaded(el);
    expect(changes, 'one change on Enter').to.equal(1);
    expect(el.getAttribute('status')).to.equal('active');

    // Leaving the select commits it too.
    await sendKeys({ press: 'ArrowDown' }); // → Completed
    expect(changes).to.equal(1);
    await sendKeys({ press: 'Tab' });
    await loaded(el);
    expect(changes, 'one change on leaving').to.equal(2);
    expect(el.getAttribute('status')).to.equal('completed');

    // A choice made with the pointer, or any change not from a key, applies at once.
    const tag = $<HTMLSelectElement>(el, '#tag')!;
    await settled(el, () => !!$(el, '#tag option[value="repair"]'), 'no topics');
    tag.dispatchEvent(new PointerEvent('pointerdown'));
    tag.value = 'repair';
    tag.dispatchEvent(new Event('change'));
    expect(changes).to.equal(3);
    await el.updateComplete;
    expect(el.getAttribute('tags')).to.equal('repair');
  });

  it('offers topics by the words the initiatives carry, as their cards show them', async () => {
    const el = await list({
      initiatives: [
        {
          id: 'a',
          title: 'Seed swap',
          status: 'active',
          tags: ['food-growing'],
          tagLabels: { 'food-growing': 'Food growing' },
        },
        { id: 'b', title: 'Tool library', status: 'active', tags: ['repair'] },
      ] as InitiativeInput[],
    });
    await loaded(el);
    const options = [...shadow(el).querySelectorAll<HTMLOptionElement>('#tag option')].map((o) => [
      o.value,
      o.text.trim(),
    ]);
    expect(options).to.deep.include(['food-growing', 'Food growing']);
    expect(options).to.deep.include(['repair', 'repair']);
    const chip = shadow(el).querySelector('[part="item"] [part="tag"]')!;
    expect(chip.textContent?.trim()).to.equal('Food growing');
  });

  it('pages with "Show more", moving focus to the first new initiative', async () => {
    const el = await list({ adapter: ScriptedAdapter.demo() });
    await loaded(el);
    $(el, '[part="more-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await settled(el, () => shownIds(el).length === 40);
    expect($(el, '[part="more-button"]'), 'the last page has no "Show more"').to.equal(null);
    expect(count(el)).to.equal('40 initiatives');
    await settled(el, () => shadow(el).activeElement?.getAttribute('data-index') === '20');
    await expectAccessible(el);
  });

  it('says when a further page fails, and retries it', async () => {
    const adapter = ScriptedAdapter.demo();
    const el = await list({ adapter });
    await loaded(el);
    adapter.failNext('listInitiatives', 'network');
    $(el, '[part="more-button"]')!.click();
    await settled(el, () => !!$(el, '[role="alert"]'));
    expect(shownIds(el), 'what was shown stays').to.have.length(20);
    expect(text(el)).to.contain('connection failed');
    await expectAccessible(el);
    $(el, '[part="more-button"]')!.click();
    await settled(el, () => shownIds(el).length === 40);
  });

  it('shows the sources a joined-up adapter could not read, in words and with the count', async () => {
    const memory = ScriptedAdapter.demo();
    const warn = (page: Page<Initiative>, source: string): Page<Initiative> => ({
      ...page,
      warnings: [...(page.warnings ?? []), { source, code: 'network', message: 'did not answer' }],
    });
    let calls = 0;
    const adapter: CivicAdapter = {
      capabilities: memory.capabilities,
      listInitiatives: async (q, o) => {
        const page = await memory.listInitiatives(q, o);
        return calls++ === 0 ? warn(page, 'Neighbours') : warn(page, 'The region');
      },
      getInitiative: (id, o) => memory.getInitiative(id, o),
      getPoll: (id, o) => memory.getPoll(id, o),
    };
    const el = await list({ adapter });
    await loaded(el);
    expect($(el, '[part="notice"]')?.textContent).to.contain('Neighbours');
    expect(count(el)).to.contain('Neighbours');
    expect($(el, '[role="alert"]'), 'not an error: the others are shown').to.equal(null);
    await expectAccessible(el);
    $(el, '[part="more-button"]')!.click();
    await settled(el, () => shownIds(el).length === 40);
    expect($(el, '[part="notice"]')?.textContent).to.contain('Neighbours and The region');
  });

  it('shows an empty state that clears the filters', async () => {
    const el = await list({ adapter: ScriptedAdapter.demo() }, { q: 'no-such-words-anywhere', status: 'active' });
    await loaded(el);
    expect(text(el)).to.contain('No initiatives match these filters.');
    expect(count(el)).to.equal('No initiatives match these filters.');
    await expectAccessible(el);
    $(el, '.empty [part="clear-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await settled(el, () => shownIds(el).length === 20);
    expect(el.hasAttribute('q')).to.equal(false);
    expect(el.hasAttribute('status')).to.equal(false);
    expect(shadow(el).activeElement?.id, 'focus goes back to the search field').to.equal('q');
  });

  it('shows all of "Clear filters"’ focus outline, nothing clipping it', async () => {
    const el = await list({ adapter: ScriptedAdapter.demo() }, { status: 'active' });
    await loaded(el);
    const clear = $(el, '[part="clear-button"]')!;
    clear.focus();
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ press: 'Tab' }); // by keyboard, so :focus-visible applies
    expect(shadow(el).activeElement).to.equal(clear);
    expect(focusProblems(clear)).to.deep.equal([]);
  });

  it('shows an error with a retry when the adapter fails', async () => {
    const adapter = ScriptedAdapter.demo().failNext('listInitiatives', 'network');
    const errors: Event[] = [];
    const el = await fixture<CivicInitiativeList>(
      html`<civic-initiative-list @civic-error=${(e: Event) => errors.push(e)}></civic-initiative-list>`,
    );
    el.adapter = adapter;
    await settled(el, () => !!$(el, '[part="retry-button"]'));
    expect($(el, '[role="alert"]')?.textContent).to.contain('connection failed');
    expect(errors).to.have.length(1);
    await expectAccessible(el);
    $(el, '[part="retry-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await settled(el, () => shownIds(el).length === 20);
  });

  it('shows an accessible error, and throws nothing, when the adapter sends malformed data', async () => {
    const el = await list({ adapter: careless({ id: 3, title: ['x'], status: 'sort-of' }) });
    await settled(el, () => !!$(el, '[role="alert"]'));
    expect(text(el)).to.contain('cannot show');
    await expectAccessible(el);
    const page = await list({
      adapter: { ...careless(null), listInitiatives: async () => ({ items: 'nope' }) as never },
    });
    await settled(page, () => !!$(page, '[role="alert"]'));
    expect(text(page)).to.contain('cannot show');
  });

  it('shows an error for malformed data passed as a property', async () => {
    const el = await list({ initiatives: [{ id: 'ok', title: 'Fine', status: 'active' }, { id: 'bad' }] });
    await settled(el, () => !!$(el, '[role="alert"]'));
    expect(text(el)).to.contain('cannot show');
  });

  it('keeps the DOM small with thousands of initiatives (virtual scrolling)', async () => {
    const el = await list({ adapter: bulk(10_000), pageSize: 1000 });
    await settled(el, () => count(el) === '10,000 initiatives', 'never showed the count');
    // The virtualizer is loaded the first time a list passes 100 items; until then the first 100 show.
    await settled(el, () => !!shadow(el).querySelector('[part="item"][aria-setsize]'), 'never virtualised');
    const rendered = shadow(el).querySelectorAll('[part="item"]');
    expect(rendered.length, 'items in the DOM').to.be.below(100);
    expect(rendered[0]!.getAttribute('aria-setsize')).to.equal('10000');
    expect(rendered[0]!.getAttribute('aria-posinset')).to.equal('1');
    await expectAccessible(el);
    // Scrolled far down, the items there are rendered instead, and the DOM stays small. A hidden
    // test tab (wtr runs two at once) runs no rendering steps, so it gets no scroll events: only a
    // visible one can check this.
    if (document.visibilityState === 'visible') {
      const items = $(el, '[part="list"]')!;
      const target = items.getBoundingClientRect().top + window.scrollY + items.scrollHeight / 2;
      const first = () => Number(shadow(el).querySelector('[part="item"]')?.getAttribute('data-index') ?? 0);
      // Nudged on every poll: a tab that was hidden a moment ago may take a frame to treat scrolls
      // as the visitor's (the virtualizer resets its scroll-correction flag in animation frames).
      let nudge = 0;
      await settled(
        el,
        () => first() > 1000 || (window.scrollTo(0, target + (nudge = 1 - nudge)), false),
        'scrolling did not move the rendered window',
      );
      expect(shadow(el).querySelectorAll('[part="item"]').length).to.be.below(100);
    }
    window.scrollTo(0, 0);
  });

  it('filters by distance from the visitor’s location, on request, coarsened', async () => {
    const geo = navigator.geolocation;
    const original = geo.getCurrentPosition.bind(geo);
    geo.getCurrentPosition = (ok) =>
      ok({ coords: { latitude: 51.45612345, longitude: -2.5871234 }, timestamp: Date.now() } as GeolocationPosition);
    try {
      const adapter = ScriptedAdapter.demo();
      const el = await list({ adapter });
      await loaded(el);
      const changed = oneEvent(el, 'change');
      $(el, '[part="location-button"]')!.click();
      await changed;
      await loaded(el);
      expect(el.radiusKm).to.equal(10);
      const [lat, lng] = el.near!.split(',').map(Number);
      expect(Math.abs(lat! - 51.456)).to.be.below(0.01);
      expect(Math.abs(lng! + 2.587)).to.be.below(0.02);
      expect(String(lat).length, 'not the exact position').to.be.below(String(51.45612345).length);
      expect(text(el)).to.contain('from your location');
      expect($<HTMLSelectElement>(el, '#sort')!.value).to.equal('distance');
      const expected = await idsFor(adapter, { near: { lat: lat!, lng: lng! }, radiusKm: 10 });
      expect(shownIds(el)).to.have.length(Math.min(20, expected.length));
      await expectAccessible(el);
    } finally {
      geo.getCurrentPosition = original;
    }
  });

  it('measures from a typed town or postcode, looked up through the adapter: one place, several, or none', async () => {
    const adapter = ScriptedAdapter.demo();
    const el = await list({ adapter });
    await loaded(el);
    const type = async (value: string) => {
      const input = $<HTMLInputElement>(el, '[part="place-input"]')!;
      input.focus();
      input.value = value;
      await sendKeys({ press: 'Enter' });
    };
    // One place: the list is measured from it, 10 km by default, nearest first.
    await type('Totnes');
    await settled(el, () => el.near === '50.431,-3.686', 'Totnes was not looked up');
    await loaded(el);
    expect(el.nearLabel).to.equal('Totnes');
    expect(el.radiusKm).to.equal(10);
    expect(text(el)).to.contain('from Totnes');
    const nearTotnes = await adapter.listInitiatives({ near: { lat: 50.431, lng: -3.686 }, radiusKm: 10, limit: 100 });
    expect(shownIds(el)).to.have.members(nearTotnes.items.map((i) => i.title));
    // Several: a choice, focused; picking one measures from it.
    await type('BS');
    await settled(el, () => !!$(el, '#near-choice'), 'no choice offered');
    const choice = $<HTMLSelectElement>(el, '#near-choice')!;
    expect(shadow(el).activeElement).to.equal(choice);
    expect([...choice.options].map((o) => o.textContent?.trim())).to.deep.equal([
      'Choose a place',
      'BS1',
      'BS2',
      'BS3',
      'BS5',
      'BS6',
    ]);
    expect(text(el)).to.contain('Which “BS” do you mean?');
    await expectAccessible(el);
    choice.value = '2';
    choice.dispatchEvent(new Event('change'));
    await settled(el, () => el.nearLabel === 'BS3', 'BS3 was not picked');
    expect(el.near).to.equal('51.44,-2.6');
    expect($(el, '#near-choice'), 'the choice is gone').to.equal(null);
    // None: said, and the list stays as it was.
    await type('Atlantis');
    await settled(el, () => !!$(el, '#near-place-error'), 'no message for a place that matches nothing');
    expect($(el, '#near-place-error')!.textContent).to.contain('We could not find “Atlantis”');
    expect($(el, '[part="place-input"]')!.getAttribute('aria-describedby')).to.equal('near-place-error');
    expect(el.nearLabel).to.equal('BS3');
    await expectAccessible(el);
  });

  it('offers no place box when the adapter cannot look places up', async () => {
    const el = await list({ adapter: ScriptedAdapter.demo({ without: ['find-places'] }) });
    await loaded(el);
    expect($(el, '[part="place-input"]')).to.equal(null);
    expect($(el, '[part="location-button"]')).to.exist;
  });

  it('says so when the location is not available', async () => {
    const geo = navigator.geolocation;
    const original = geo.getCurrentPosition.bind(geo);
    geo.getCurrentPosition = (_ok, fail) => fail?.({ code: 1, message: 'denied' } as GeolocationPositionError);
    try {
      const el = await list({ adapter: ScriptedAdapter.demo() });
      await loaded(el);
      $(el, '[part="location-button"]')!.click();
      await settled(el, () => !!$(el, '[role="alert"]'));
      expect(text(el)).to.contain('location is not available');
      expect(el.near).to.equal(undefined);
    } finally {
      geo.getCurrentPosition = original;
    }
  });

  it('waits for a data source, and says so after a while', async () => {
    const el = await list();
    expect($(el, '[aria-busy="true"]')).to.exist;
    await expectAccessible(el);
    await waitUntil(() => text(el).includes('No data source'), 'never said there is no data source', { timeout: 5000 });
  });

  it('follows the nearest lang, with its own strings and the card’s', async () => {
    const wrap = await fixture<HTMLElement>(html`<civic-initiative-list lang="ar" dir="rtl"></civic-initiative-list>`);
    const el = wrap as CivicInitiativeList;
    el.initiatives = structuredClone(CONFORMANCE_FIXTURE.initiatives.slice(0, 2));
    await loaded(el);
    expect(count(el)).to.equal('مبادرتان');
    expect(text(el)).to.contain('الحالة');
    expect(getComputedStyle($(el, '[part="base"]')!).direction).to.equal('rtl');
    await expectAccessible(el);
    // A change of language says the count again in the new one (not the old words, not nothing).
    el.setAttribute('lang', 'en');
    el.setAttribute('dir', 'ltr');
    await waitUntil(() => count(el) === '2 initiatives', `the count stayed "${count(el)}"`, { timeout: 3000 });
    expect($(el, '[part="count"]')?.getAttribute('role')).to.equal('status');
  });

  it('fits a 320 px viewport (304 px inside the page’s margins)', async () => {
    const el = await list({ adapter: ScriptedAdapter.demo() }, { near: '51.454,-2.587', 'radius-km': '25' });
    el.style.width = '304px';
    await loaded(el);
    const base = $(el, '[part="base"]')!;
    expect(base.getBoundingClientRect().width).to.be.at.most(304);
    expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
    for (const field of shadow(el).querySelectorAll('select, input, button, [part="item"]'))
      expect(field.getBoundingClientRect().right, field.outerHTML.slice(0, 40)).to.be.at.most(
        el.getBoundingClientRect().right + 1,
      );
    await expectAccessible(el);
  });

  it('names its form and list after its label, so two lists on a page can be told apart', async () => {
    const wrap = await fixture<CivicInitiativeList>(
      html`<civic-initiative-list label="initiatives in Bristol"></civic-initiative-list>`,
    );
    const other: CivicInitiativeList = document.createElement('civic-initiative-list');
    other.setAttribute('label', 'initiatives in Totnes');
    wrap.after(other);
    try {
      for (const el of [wrap, other]) {
        el.initiatives = structuredClone(CONFORMANCE_FIXTURE.initiatives.slice(0, 3));
        await loaded(el);
      }
      expect($(wrap, '[part="filters"]')!.getAttribute('aria-label')).to.equal('Filter initiatives in Bristol');
      expect($(wrap, '[part="list"]')!.getAttribute('aria-label')).to.equal('initiatives in Bristol');
      await expectAccessible(wrap.parentElement!);
    } finally {
      other.remove();
    }
  });
});
