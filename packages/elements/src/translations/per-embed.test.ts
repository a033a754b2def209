/**
 * Every element in the language of its own nearest `lang`: two embeds on one page in Spanish and in
 * Arabic (right to left, from the language alone), no English left on screen in an Arabic page, and
 * any single string replaced on one instance through `strings`.
 */
import { MemoryAdapter, type StringOverrides } from '@civic-kit/core';
import { expect, waitUntil } from '@open-wc/testing';
import type { LitElement } from 'lit';
import '../define/civic-find-the-others.js';
import '../define/civic-initiative-card.js';
import '../define/civic-initiative-list.js';
import '../define/civic-map.js';
import '../define/civic-map-pin.js';
import '../define/civic-poll.js';
import '../define/civic-provider.js';
import './all.js';
import { STRING_TABLES } from './tables.js';

/** A community whose content is all in Arabic, as an Arabic site's backend would send it. */
function arabicSource(): MemoryAdapter {
  return new MemoryAdapter({
    now: () => new Date('2026-12-01T12:00:00Z'),
    data: {
      initiatives: [
        {
          id: 'kitchen',
          title: 'مطبخ الحي المجتمعي',
          summary: 'وجبات مشتركة كل خميس.',
          status: 'active',
          place: { lat: 51.4627, lng: -2.5626, address: 'شارع المحطة' },
          tags: ['طعام'],
          supporters: { count: 23, goal: 50 },
          startsAt: '2026-11-01T10:00:00Z',
          endsAt: '2027-03-01T10:00:00Z',
          organiser: { name: 'جمعية الحي' },
          source: { name: 'موقع الحي' },
          language: 'ar',
        },
        {
          id: 'garden',
          title: 'حديقة الحي',
          status: 'proposed',
          place: { lat: 51.465, lng: -2.566 },
          supporters: { count: 3 },
          language: 'ar',
        },
      ],
      polls: [
        {
          id: 'day',
          question: 'في أي يوم نفتح المطبخ؟',
          description: 'اختر يومًا واحدًا.',
          kind: 'single',
          status: 'open',
          closesAt: '2027-01-10T18:00:00Z',
          options: [
            { id: 'thu', label: 'الخميس' },
            { id: 'fri', label: 'الجمعة' },
          ],
          results: { counts: { thu: 11, fri: 2 }, voters: 13 },
          language: 'ar',
        },
      ],
      interests: [
        { id: 'food', label: 'طعام' },
        { id: 'nature', label: 'طبيعة' },
      ],
      places: { بريستول: { lat: 51.46, lng: -2.57 } },
      people: [
        { lat: 51.461, lng: -2.571, interests: ['food'] },
        { lat: 51.462, lng: -2.572, interests: ['food', 'nature'] },
        { lat: 51.463, lng: -2.569, interests: ['nature'] },
      ],
    },
  });
}

interface Case {
  tag: string;
  /** Attributes and properties that make the element show its main state. */
  setup: (el: HTMLElement & Record<string, unknown>, adapter: MemoryAdapter) => void;
  /** The element shows its main state. */
  ready: (root: ShadowRoot) => boolean;
  /** A key shown in that state, to replace per instance. */
  key: string;
}

const CASES: Case[] = [
  {
    tag: 'civic-initiative-card',
    setup: (el, adapter) => Object.assign(el, { adapter, initiativeId: 'kitchen' }),
    ready: (r) => !!r.querySelector('[part="title"]'),
    key: 'organisedBy',
  },
  {
    tag: 'civic-initiative-list',
    setup: (el, adapter) => Object.assign(el, { adapter, near: '51.46,-2.56' }),
    ready: (r) => !!r.querySelector('[part="item"]') && !r.querySelector('[aria-busy="true"]'),
    key: 'listSortLabel',
  },
  {
    tag: 'civic-poll',
    setup: (el, adapter) => Object.assign(el, { adapter, pollId: 'day' }),
    ready: (r) => !!r.querySelector('[part~="vote-button"]'),
    key: 'pollVote',
  },
  {
    tag: 'civic-map',
    setup: (el, adapter) => Object.assign(el, { adapter }),
    ready: (r) => r.querySelectorAll('.leaflet-marker-icon').length > 0 && !!r.querySelector('[part="zoom"]'),
    key: 'mapShowAsList',
  },
  {
    tag: 'civic-map',
    setup: (el, adapter) => Object.assign(el, { adapter, view: 'list' }),
    ready: (r) => !!r.querySelector('[part="list"] [part="item"], [part="list"] li'),
    key: 'mapShowAsMap',
  },
  {
    tag: 'civic-find-the-others',
    setup: (el, adapter) => Object.assign(el, { adapter }),
    ready: (r) => !!r.querySelector('#interest-0'),
    key: 'signupEmail',
  },
];

const english = Object.assign({}, ...Object.values(STRING_TABLES).map((t) => t.en)) as Record<string, unknown>;
const spanish = Object.assign({}, ...Object.values(STRING_TABLES).map((t) => t.es)) as Record<string, unknown>;
const arabic = Object.assign({}, ...Object.values(STRING_TABLES).map((t) => t.ar)) as Record<string, unknown>;

/** Everything a person sees or hears from a shadow root: its text and its names and descriptions. */
function perceivable(root: ShadowRoot): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node instanceof HTMLStyleElement || node instanceof HTMLScriptElement) return;
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.nodeValue ?? '');
    if (node instanceof Element) {
      if ((node as HTMLElement).hidden) return;
      for (const a of ['aria-label', 'title', 'alt', 'placeholder', 'aria-roledescription', 'aria-valuetext'])
        if (node.hasAttribute(a)) parts.push(node.getAttribute(a)!);
      if (node.shadowRoot) walk(node.shadowRoot);
    }
    node.childNodes.forEach(walk);
  };
  walk(root);
  return parts.join(' ').replace(/\s+/g, ' ');
}

const mounted: HTMLElement[] = [];
afterEach(() => mounted.splice(0).forEach((m) => m.remove()));

async function mount(c: Case, attrs: Record<string, string>, strings?: StringOverrides) {
  const wrap = document.createElement('div');
  for (const [k, v] of Object.entries(attrs)) wrap.setAttribute(k, v);
  const el = document.createElement(c.tag) as LitElement & Record<string, unknown>;
  c.setup(el, arabicSource());
  if (strings) el['strings'] = strings;
  wrap.append(el);
  document.body.append(wrap);
  mounted.push(wrap);
  await waitUntil(() => !!el.shadowRoot && c.ready(el.shadowRoot), `<${c.tag}> did not show its main state`, {
    timeout: 8000,
  });
  await el.updateComplete;
  const base = el.shadowRoot!.querySelector<HTMLElement>('[part~="base"]')!;
  return { el, root: el.shadowRoot!, base };
}

describe('every element in the language of its nearest lang', function () {
  this.timeout(30_000);

  for (const c of CASES) {
    describe(`<${c.tag}> (${c.key})`, () => {
      it('two embeds on one page: one Spanish, one Arabic and right to left from its lang alone', async () => {
        const es = await mount(c, { lang: 'es' });
        const ar = await mount(c, { lang: 'ar' });
        expect(perceivable(es.root)).to.contain(spanish[c.key]);
        expect(perceivable(ar.root)).to.contain(arabic[c.key]);
        expect(perceivable(es.root)).not.to.contain(arabic[c.key]);
        expect(getComputedStyle(ar.base).direction).to.equal('rtl');
        expect(getComputedStyle(es.base).direction).to.equal('ltr');
      });

      it('follows a change of lang on the page', async () => {
        const { el, root, base } = await mount(c, { lang: 'es' });
        el.parentElement!.setAttribute('lang', 'ar');
        await waitUntil(() => perceivable(root).includes(arabic[c.key] as string), 'did not switch to Arabic');
        expect(getComputedStyle(base).direction).to.equal('rtl');
      });

      it('a regional tag takes its language’s direction and strings (ar-EG)', async () => {
        const { root, base } = await mount(c, { lang: 'ar-EG' });
        expect(getComputedStyle(base).direction).to.equal('rtl');
        expect(perceivable(root)).to.contain(arabic[c.key]);
      });

      it('an explicit dir wins over the language’s', async () => {
        const { base } = await mount(c, { lang: 'ar', dir: 'ltr' });
        expect(getComputedStyle(base).direction).to.equal('ltr');
      });

      it('leaves no English on screen in an Arabic page', async () => {
        const { root } = await mount(c, { lang: 'ar', dir: 'rtl' });
        // Latin words left: names (the map's credits) and the keys' own labels are not English.
        const latin = perceivable(root)
          .replace(/Leaflet|OpenStreetMap|Natural Earth|\b(Tab|Enter|Ctrl|Esc|Shift)\b/g, '')
          .match(/[A-Za-z]{2,}/g);
        expect(latin, 'Latin-script words').to.equal(null);
      });

      it('leaves no English string on screen in a Spanish page', async () => {
        const { root } = await mount(c, { lang: 'es' });
        const text = perceivable(root);
        const left = Object.entries(english)
          .filter(([k, v]) => typeof v === 'string' && v.length > 4 && v !== spanish[k] && text.includes(v))
          .map(([k]) => k);
        expect(left).to.deep.equal([]);
      });

      it(`a host replaces one string on one instance (strings.${c.key})`, async () => {
        const mine = await mount(c, { lang: 'es' }, { [c.key]: 'Texto del sitio' });
        const other = await mount(c, { lang: 'es' });
        expect(perceivable(mine.root)).to.contain('Texto del sitio');
        expect(perceivable(mine.root)).not.to.contain(spanish[c.key]);
        expect(perceivable(other.root)).not.to.contain('Texto del sitio');
        expect(perceivable(other.root)).to.contain(spanish[c.key]);
      });
    });
  }

  it('<civic-provider>: its own message in its language, and replaceable', async () => {
    const wrap = document.createElement('div');
    wrap.lang = 'ar';
    const provider = document.createElement('civic-provider') as LitElement & { strings?: StringOverrides };
    provider.setAttribute('adapter', 'no-such-adapter');
    wrap.append(provider);
    document.body.append(wrap);
    mounted.push(wrap);
    const original = console.error;
    console.error = () => {};
    try {
      await waitUntil(() => !!provider.shadowRoot?.querySelector('[role="alert"]'), 'no message');
      expect(perceivable(provider.shadowRoot!)).to.contain('مصدر بيانات غير معروف');
      provider.strings = { errorUnknownAdapter: (name: string) => `؟ ${name}` };
      provider.setAttribute('adapter', 'another-missing-one');
      await waitUntil(() => perceivable(provider.shadowRoot!).includes('؟ another-missing-one'), 'not replaced');
    } finally {
      console.error = original;
    }
  });

  describe('backend content keeps its own language, and says when it was machine-translated', () => {
    const foreign = { language: 'de', machineTranslated: true };
    for (const [tag, setup, selector] of [
      [
        'civic-initiative-card',
        (el: Record<string, unknown>) =>
          (el['initiative'] = {
            id: 'a',
            title: 'Reparaturcafé',
            summary: 'Jeden Samstag.',
            status: 'active',
            ...foreign,
          }),
        '[part="title"] [lang]',
      ],
      [
        'civic-initiative-list',
        (el: Record<string, unknown>) =>
          (el['initiatives'] = [{ id: 'a', title: 'Reparaturcafé', status: 'active', ...foreign }]),
        '[part="title"] [lang]',
      ],
      [
        'civic-poll',
        (el: Record<string, unknown>) =>
          (el['poll'] = {
            id: 'p',
            question: 'Welcher Tag?',
            kind: 'single',
            status: 'open',
            options: [
              { id: 'a', label: 'Montag' },
              { id: 'b', label: 'Dienstag' },
            ],
            ...foreign,
          }),
        '[part~="question"] [lang]',
      ],
    ] as const) {
      it(`<${tag}>: lang and dir=auto on the text, a visible mark in the page's language`, async () => {
        const c: Case = { tag, setup, ready: (r) => !!r.querySelector(selector), key: '' };
        const { root } = await mount(c, { lang: 'ar' });
        const text = root.querySelector(selector)!;
        expect(text.getAttribute('lang')).to.equal('de');
        expect(text.getAttribute('dir')).to.equal('auto');
        const mark = root.querySelector<HTMLElement>('.machine-translated');
        expect(mark?.textContent?.trim()).to.equal(arabic['machineTranslated']);
        expect(mark!.getBoundingClientRect().height, 'the mark is visible').to.be.greaterThan(0);
      });
    }
  });

  describe('no English in an Arabic page in other states either', () => {
    const latin = (root: ShadowRoot) =>
      perceivable(root)
        .replace(/Leaflet|OpenStreetMap|Natural Earth|\b(Tab|Enter|Ctrl|Esc|Shift)\b/g, '')
        .match(/[A-Za-z]{2,}/g);
    const states: (Case & { name: string; act?: (root: ShadowRoot) => void; after?: (root: ShadowRoot) => boolean })[] =
      [
        {
          name: 'a card that does not exist',
          tag: 'civic-initiative-card',
          setup: (el, adapter) => Object.assign(el, { adapter, initiativeId: 'nope' }),
          ready: (r) => !!r.querySelector('[role="alert"]'),
          key: '',
        },
        {
          name: 'a list with nothing matching',
          tag: 'civic-initiative-list',
          setup: (el, adapter) => Object.assign(el, { adapter, q: 'لا شيء يطابق هذا' }),
          ready: (r) => !!r.querySelector('[part="message"]') && !r.querySelector('[aria-busy="true"]'),
          key: '',
        },
        {
          name: 'a poll just voted in',
          tag: 'civic-poll',
          setup: (el, adapter) => Object.assign(el, { adapter, pollId: 'day' }),
          ready: (r) => !!r.querySelector('[part~="vote-button"]'),
          act: (r) => {
            r.querySelector<HTMLElement>('#choice-1')?.click();
            r.querySelector<HTMLElement>('[part~="vote-button"]')?.click();
          },
          after: (r) =>
            !!r.querySelector('[part~="your-vote"]') && !!r.querySelector('.message--success, [part~="results"]'),
          key: '',
        },
        {
          name: 'a poll sent with nothing chosen',
          tag: 'civic-poll',
          setup: (el, adapter) => Object.assign(el, { adapter, pollId: 'day' }),
          ready: (r) => !!r.querySelector('[part~="vote-button"]'),
          act: (r) => r.querySelector<HTMLElement>('[part~="vote-button"]')?.click(),
          after: (r) => !!r.querySelector('[part="error-summary"]'),
          key: '',
        },
        {
          name: 'a sign-up sent, with who and what is near',
          tag: 'civic-find-the-others',
          setup: (el, adapter) => Object.assign(el, { adapter, minFillSeconds: 0 }),
          ready: (r) => !!r.querySelector('#interest-0'),
          act: (r) => {
            const set = (selector: string, value: string) => {
              const input = r.querySelector<HTMLInputElement>(selector)!;
              input.value = value;
              input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
            };
            set('#name', 'سلمى');
            set('#email', 'salma@example.org');
            set('#place', 'بريستول');
            r.querySelector<HTMLElement>('#interest-0')?.click();
            r.querySelectorAll<HTMLInputElement>('input[name="consent"]').forEach((c) => c.click());
            r.querySelector('form')?.requestSubmit();
          },
          after: (r) => !!r.querySelector('[part="results"]'),
          key: '',
        },
        {
          name: 'a sign-up sent empty',
          tag: 'civic-find-the-others',
          setup: (el, adapter) => Object.assign(el, { adapter, minFillSeconds: 0 }),
          ready: (r) => !!r.querySelector('#interest-0'),
          act: (r) => r.querySelector('form')?.requestSubmit(),
          after: (r) => !!r.querySelector('[part="error-summary"]'),
          key: '',
        },
      ];
    for (const c of states) {
      it(c.name, async () => {
        const { el, root } = await mount(c, { lang: 'ar', dir: 'rtl' });
        if (c.act) {
          c.act(root);
          await waitUntil(() => c.after!(root), `<${c.tag}> did not reach the state`, { timeout: 5000 });
          await (el as LitElement).updateComplete;
        }
        expect(latin(root), 'Latin-script words').to.equal(null);
      });
    }
  });
});
