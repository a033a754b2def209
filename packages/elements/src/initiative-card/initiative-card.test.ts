import { MemoryAdapter, type CivicSupportDoneEvent, type Initiative, type InitiativeInput } from '@civic-kit/core';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { render } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import { careless, ScriptedAdapter } from '../../../../test/helpers/adapters.js';
import { expectAccessible } from '../../../../test/helpers/axe.js';
import { focusedNode } from '../../../../test/hardening/commands.js';
import { describeWrites } from '../../../../test/helpers/write-suite.js';
import '../define/civic-initiative-card.js';
import '../define/civic-provider.js';
import '../translations/all.js';
import type { CivicInitiativeCard } from './initiative-card.js';

const full: InitiativeInput = {
  id: 'repair',
  title: 'Repair café',
  summary: 'Bring broken things and fix them with neighbours.',
  url: 'https://example.org/repair',
  image: { url: 'https://images.example.org/repair.jpg', alt: 'People fixing a lamp at a long table' },
  status: 'active',
  place: { lat: 51.45, lng: -2.58, address: 'Old Market, Bristol', precision: 'exact' },
  tags: ['repair', 'local-economy'],
  supporters: { count: 120, goal: 500 },
  startsAt: '2026-06-01T10:00:00Z',
  endsAt: '2027-06-01T10:00:00Z',
  organiser: { name: 'Bristol Repair Collective', url: 'https://example.org/collective' },
  source: { name: 'Bristol Civic Square', url: 'https://civic-square.example.org' },
};

const shadow = (el: Element) => el.shadowRoot!;
const text = (el: Element) => (shadow(el).textContent ?? '').replace(/\s+/g, ' ');
const uncaught: unknown[] = [];
window.addEventListener('error', (e) => uncaught.push(e.error));
window.addEventListener('unhandledrejection', (e) => uncaught.push(e.reason));

async function card(props: Partial<CivicInitiativeCard>, attrs = ''): Promise<CivicInitiativeCard> {
  const el = await fixture<CivicInitiativeCard>(
    html`<civic-initiative-card heading-level=${attrs || '3'}></civic-initiative-card>`,
  );
  Object.assign(el, props);
  await el.updateComplete;
  return el;
}

async function settled(el: CivicInitiativeCard, what: () => boolean): Promise<void> {
  await waitUntil(what, 'card did not settle', { timeout: 3000 });
  await el.updateComplete;
}

describe('<civic-initiative-card>', () => {
  beforeEach(() => (uncaught.length = 0));
  afterEach(() => {
    localStorage.removeItem('civic-kit:outbox');
    expect(uncaught, 'uncaught errors in the page').to.deep.equal([]);
  });

  describe('from a property, with no adapter', () => {
    it('shows everything the initiative has, in words', async () => {
      const el = await card({ initiative: full });
      const t = text(el);
      expect(shadow(el).querySelector('h3')?.textContent?.trim()).to.equal('Repair café');
      expect(shadow(el).querySelector('h3 a')?.getAttribute('href')).to.equal('https://example.org/repair');
      expect(shadow(el).querySelector('img')?.getAttribute('alt')).to.equal('People fixing a lamp at a long table');
      expect(t).to.contain('Status: Active');
      expect(t).to.contain('Old Market, Bristol');
      expect(t).to.contain('120 of 500 supporters (24%)');
      expect(t).to.contain('Bristol Repair Collective');
      expect(t).to.contain('From Bristol Civic Square');
      expect(t).to.contain('June 1, 2026 to June 1, 2027');
      expect([...shadow(el).querySelectorAll('[part="tag"]')].map((x) => x.textContent)).to.deep.equal([
        'repair',
        'local-economy',
      ]);
      const progress = shadow(el).querySelector('progress')!;
      expect(progress.max).to.equal(500);
      expect(progress.value).to.equal(120);
      expect(shadow(el).querySelector('[part="support-button"]'), 'no adapter, no support').to.equal(null);
      await expectAccessible(el);
    });

    it('copes with the least an initiative can have', async () => {
      const el = await card({ initiative: { id: 'x', title: 'Just a title', status: 'proposed' } });
      expect(text(el)).to.contain('Just a title');
      expect(shadow(el).querySelector('[part="details"]'), 'no empty details list').to.equal(null);
      expect(shadow(el).querySelector('img')).to.equal(null);
      expect(shadow(el).querySelector('[part="supporters"]')).to.equal(null);
      await expectAccessible(el);
    });

    it('keeps long text inside the card at 320 px', async () => {
      const long = 'Neighbourhood'.repeat(12);
      const el = await card({ initiative: { ...full, title: `${long} ${long}`, summary: `${long} `.repeat(40) } });
      el.style.width = '320px';
      await el.updateComplete;
      const base = shadow(el).querySelector('[part="base"]')!;
      expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
      await expectAccessible(el);
    });

    it('shows the heading at the level the page needs', async () => {
      const el = await card({ initiative: full }, '2');
      expect(shadow(el).querySelector('h2')).to.exist;
    });

    it('turns unsafe URLs into plain text and drops unsafe images', async () => {
      const el = await card({
        initiative: {
          ...full,
          url: 'javascript:alert(1)',
          image: { url: 'data:image/svg+xml,<svg onload=alert(1)>', alt: 'x' },
          organiser: { name: 'Org', url: 'vbscript:msgbox(1)' },
          source: { name: 'Src', url: ' JaVa\tScRiPt:alert(1)' },
        },
      });
      expect(shadow(el).querySelectorAll('a')).to.have.length(0);
      expect(shadow(el).querySelector('img')).to.equal(null);
      expect(text(el)).to.contain('Repair café');
    });

    it('keeps markup in backend text as text', async () => {
      const el = await card({ initiative: { ...full, title: '<img src=x onerror=alert(1)>', summary: '<b>bold</b>' } });
      expect(shadow(el).querySelector('h3')!.textContent).to.contain('<img src=x onerror=alert(1)>');
      expect(shadow(el).querySelector('b')).to.equal(null);
    });

    it('shows a visible, accessible error for malformed data', async () => {
      const el = await card({ initiative: { id: 7, title: null, status: 'sort-of' } });
      const alert = shadow(el).querySelector('[role="alert"]');
      expect(alert?.textContent).to.contain('cannot show');
      await expectAccessible(el);
    });

    it('writes schema.org JSON-LD into its light DOM only when asked, with markup kept inert', async () => {
      const el = await card({ initiative: { ...full, title: 'Repair </script><script>window.__xss=1</script>' } });
      expect(el.querySelector('script')).to.equal(null);
      el.structuredData = true;
      await el.updateComplete;
      // Written by a chunk loaded on first use.
      await waitUntil(() => el.querySelector('script[type="application/ld+json"]'), 'no data block');
      const block = el.querySelector('script[type="application/ld+json"]')!;
      expect(block.textContent).not.to.contain('</script>');
      const data = JSON.parse(block.textContent) as Record<string, unknown>;
      expect(data['@type']).to.equal('Event');
      expect(data['name']).to.equal('Repair </script><script>window.__xss=1</script>');
      expect((data['location'] as { geo: { latitude: number } }).geo.latitude).to.equal(51.45);
      expect((data['organizer'] as { name: string }).name).to.equal('Bristol Repair Collective');
      expect((window as { __xss?: unknown }).__xss).to.equal(undefined);
      el.structuredData = false;
      await el.updateComplete;
      await waitUntil(() => !el.querySelector('script'), 'the data block stayed');
    });

    it('shows topic words where the data source sends them, the same in the chips and the JSON-LD', async () => {
      const el = await card({
        initiative: {
          ...full,
          language: 'de',
          tags: ['repair', 'local-economy', 'no-label'],
          tagLabels: { repair: 'Reparieren', 'local-economy': 'Lokale Wirtschaft' },
        },
      });
      const chips = [...shadow(el).querySelectorAll('[part="tag"]')].map((c) => c.textContent?.trim());
      expect(chips).to.deep.equal(['Reparieren', 'Lokale Wirtschaft', 'no-label']);
      el.structuredData = true;
      await el.updateComplete;
      await waitUntil(() => el.querySelector('script[type="application/ld+json"]'), 'no data block');
      const data = JSON.parse(el.querySelector('script[type="application/ld+json"]')!.textContent) as Record<
        string,
        unknown
      >;
      expect(data['keywords']).to.equal('Reparieren, Lokale Wirtschaft, no-label');
    });

    it('marks a machine translation and the content language', async () => {
      const el = await card({ initiative: { ...full, language: 'de', machineTranslated: true } });
      expect(text(el)).to.contain('Machine translated');
      expect(shadow(el).querySelector('[part="summary"]')?.getAttribute('lang')).to.equal('de');
    });
  });

  describe('through an adapter', () => {
    it('is busy while loading, then shows the initiative', async () => {
      const adapter = ScriptedAdapter.demo();
      const gate = adapter.hold('getInitiative');
      const el = await card({ adapter, initiativeId: 'repair-cafe' });
      await gate.arrived;
      await el.updateComplete;
      expect(shadow(el).querySelector('[aria-busy="true"]')).to.exist;
      await expectAccessible(el);
      gate.release();
      await settled(el, () => !!shadow(el).querySelector('h3'));
      expect(shadow(el).querySelector('[aria-busy="true"]')).to.equal(null);
      expect(text(el)).to.contain('Repair');
    });

    it('says so when the initiative does not exist', async () => {
      const el = await card({ adapter: ScriptedAdapter.demo(), initiativeId: 'nope' });
      await settled(el, () => !!shadow(el).querySelector('[role="alert"]'));
      expect(text(el)).to.contain('could not be found');
      expect(shadow(el).querySelector('[part="retry-button"]')).to.equal(null);
      await expectAccessible(el);
    });

    it('offers a retry after a failure, by keyboard', async () => {
      const adapter = ScriptedAdapter.demo().failNext('getInitiative', 'network');
      const errors: Event[] = [];
      const el = await card({});
      el.addEventListener('civic-error', (e) => errors.push(e));
      Object.assign(el, { adapter, initiativeId: 'repair-cafe' });
      await settled(el, () => !!shadow(el).querySelector('[part="retry-button"]'));
      expect(text(el)).to.contain('connection failed');
      expect(errors).to.have.length(1);
      await expectAccessible(el);
      shadow(el).querySelector<HTMLButtonElement>('[part="retry-button"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await settled(el, () => !!shadow(el).querySelector('h3'));
      expect(adapter.calls['getInitiative']).to.have.length(2);
    });

    it('shows an error state, and throws nothing into the page, when the adapter sends malformed data', async () => {
      const el = await card({ adapter: careless({ id: 1, title: ['not', 'a', 'string'] }), initiativeId: 'x' });
      await settled(el, () => !!shadow(el).querySelector('[role="alert"]'));
      expect(text(el)).to.contain('cannot show');
      await expectAccessible(el);
    });

    it('waits for a data source when there is none, and says so', async () => {
      const el = await card({ initiativeId: 'repair-cafe' });
      expect(shadow(el).querySelector('[aria-busy="true"]')).to.exist;
      expect(text(el), 'not at once: a provider may be defined a moment later').not.to.contain('No data source');
      await waitUntil(() => text(el).includes('No data source'), 'never said there is no data source', {
        timeout: 5000,
      });
    });
  });

  describe('support', () => {
    const load = async (adapter: ScriptedAdapter) => {
      const el = await card({ adapter, initiativeId: 'repair-cafe' });
      await settled(el, () => !!shadow(el).querySelector('[part="support-button"]'));
      return el;
    };
    const count = (el: CivicInitiativeCard) =>
      Number.parseInt((shadow(el).querySelector('.count')?.textContent ?? '').trim().replace(/,/g, ''), 10);

    it('names the button "Support: <title>", with no space before the colon', async () => {
      const el = await load(ScriptedAdapter.demo());
      shadow(el).querySelector<HTMLButtonElement>('[part="support-button"]')!.focus();
      const node = await focusedNode();
      expect(node.role).to.equal('button');
      const title = shadow(el).querySelector('[part="title"]')!.textContent.trim();
      expect(node.name).to.equal(`Support: ${title}`);
    });

    it('counts optimistically in the same frame, then confirms', async () => {
      const adapter = ScriptedAdapter.demo();
      const el = await load(adapter);
      const before = count(el);
      const events: string[] = [];
      el.addEventListener('civic-support', (e) => events.push(`${e.type}:${e.initiativeId}`));
      const gate = adapter.hold('supportInitiative');
      shadow(el).querySelector<HTMLButtonElement>('[part="support-button"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(count(el)).to.equal(before + 1);
      expect(text(el)).to.contain('Sending your support');
      const done = oneEvent(el, 'civic-support-done');
      gate.release();
      const e = (await done) as unknown as CivicSupportDoneEvent;
      await el.updateComplete;
      expect(e.error).to.equal(undefined);
      expect(e.initiative?.supporters?.count).to.equal(before + 1);
      expect(events).to.deep.equal(['civic-support:repair-cafe']);
      expect(count(el)).to.equal(before + 1);
      expect(text(el)).to.contain('Your support has been counted');
      expect(shadow(el).querySelector('[part="support-button"]')).to.equal(null);
      await expectAccessible(el);
    });

    it('moves focus from Support to the message that replaced it, so Escape still reaches what holds the card', async () => {
      const adapter = ScriptedAdapter.demo();
      const el = await load(adapter);
      const keys: string[] = [];
      el.parentElement!.addEventListener('keydown', (e) => keys.push(e.key)); // a popup closing on Escape
      shadow(el).querySelector<HTMLButtonElement>('[part="support-button"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await settled(el, () => text(el).includes('Your support has been counted'));
      await el.updateComplete;
      expect(document.activeElement, 'not <body>').to.equal(el);
      expect(shadow(el).activeElement?.textContent).to.contain('Thank you');
      await sendKeys({ press: 'Escape' });
      expect(keys).to.include('Escape');
      await expectAccessible(el);
    });

    it('moves focus from Retry to the card that replaced it', async () => {
      const adapter = ScriptedAdapter.demo().failNext('getInitiative', 'network');
      const el = await card({ adapter, initiativeId: 'repair-cafe' });
      await settled(el, () => !!shadow(el).querySelector('[part="retry-button"]'));
      shadow(el).querySelector<HTMLButtonElement>('[part="retry-button"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await settled(el, () => !!shadow(el).querySelector('[part="title"]'));
      await el.updateComplete;
      expect(document.activeElement).to.equal(el);
      expect(shadow(el).activeElement?.matches('[part="title"]'), 'on the title').to.equal(true);
    });

    it('lets the host handle support itself', async () => {
      const adapter = ScriptedAdapter.demo();
      const el = await load(adapter);
      el.addEventListener('civic-support', (e) => e.preventDefault());
      shadow(el).querySelector<HTMLButtonElement>('[part="support-button"]')!.click();
      await el.updateComplete;
      expect(adapter.calls['supportInitiative']).to.equal(undefined);
    });

    it('rolls back and says so on failure, and a retry is counted once', async () => {
      const adapter = ScriptedAdapter.demo().failNext('supportInitiative', 'rate-limited');
      const el = await load(adapter);
      const before = count(el);
      const done = oneEvent(el, 'civic-support-done');
      shadow(el).querySelector<HTMLButtonElement>('[part="support-button"]')!.click();
      const failed = (await done) as unknown as CivicSupportDoneEvent;
      await el.updateComplete;
      expect(failed.error?.code).to.equal('rate-limited');
      expect(count(el)).to.equal(before);
      expect(shadow(el).querySelector('[role="alert"]')?.textContent).to.contain('not counted');
      await expectAccessible(el);
      const again = oneEvent(el, 'civic-support-done');
      shadow(el).querySelector<HTMLButtonElement>('[part="support-button"]')!.click();
      const ok = (await again) as unknown as CivicSupportDoneEvent;
      expect(ok.initiative?.supporters?.count).to.equal(before + 1);
      const keys = adapter.calls['supportInitiative']!.map(
        (args) => (args[1] as { idempotencyKey: string }).idempotencyKey,
      );
      expect(keys).to.have.length(2);
      expect(keys[0]).to.equal(keys[1]);
      expect((await adapter.getInitiative('repair-cafe')).supporters?.count).to.equal(before + 1);
    });

    it('hides the action when the backend cannot take support', async () => {
      const adapter = ScriptedAdapter.demo({ without: ['support-initiative'] });
      const el = await card({ adapter, initiativeId: 'repair-cafe' });
      await settled(el, () => !!shadow(el).querySelector('h3'));
      expect(shadow(el).querySelector('[part="support-button"]')).to.equal(null);
    });

    it('updates live when someone else supports it', async () => {
      const adapter = ScriptedAdapter.demo();
      const el = await load(adapter);
      const before = count(el);
      await adapter.supportInitiative('repair-cafe', { idempotencyKey: 'elsewhere', voter: 'someone-else' });
      await settled(el, () => count(el) === before + 1);
    });
  });

  describe('language', () => {
    it('follows the nearest lang, across providers, and its direction', async () => {
      // Not `fixture()`: for a plain root it waits a frame, which never comes in a background tab.
      const wrap = document.createElement('div');
      render(
        html`<div lang="ar" dir="rtl"><civic-initiative-card id="ar" .initiative=${full}></civic-initiative-card></div>
          <div lang="es"><civic-initiative-card id="es" .initiative=${full}></civic-initiative-card></div>`,
        wrap,
      );
      document.body.append(wrap);
      const ar = wrap.querySelector<CivicInitiativeCard>('#ar')!;
      const es = wrap.querySelector<CivicInitiativeCard>('#es')!;
      await ar.updateComplete;
      await es.updateComplete;
      expect(text(ar)).to.contain('نشطة');
      expect(text(es)).to.contain('Activa');
      expect(getComputedStyle(shadow(ar).querySelector('[part="base"]')!).direction).to.equal('rtl');
      await expectAccessible(wrap);
      wrap.querySelector('[lang="es"]')!.setAttribute('lang', 'de');
      await waitUntil(() => text(es).includes('Aktiv'), 'did not follow a lang change');
      wrap.remove();
    });

    it('takes per-instance string overrides', async () => {
      const el = await card({ initiative: full, strings: { statusActive: 'Going strong' } });
      expect(text(el)).to.contain('Going strong');
    });
  });
});

export type { Initiative };

const supporters = async (adapter: ScriptedAdapter) =>
  (await MemoryAdapter.prototype.getInitiative.call(adapter, 'repair-cafe')).supporters?.count ?? 0;

describeWrites({
  tag: '<civic-initiative-card>',
  method: 'supportInitiative',
  event: 'civic-support-done',
  adapter: () => ScriptedAdapter.demo(),
  mount: async (adapter, props) => {
    const el = await card({ adapter, initiativeId: 'repair-cafe', ...props });
    await settled(el, () => !!el.shadowRoot!.querySelector('[part="support-button"], .live .message'));
    return el;
  },
  write: async (el) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="support-button"]')!.click(),
  keptMs: async () => 7 * 24 * 3_600_000,
  counted: async (adapter) => (await supporters(adapter)) - (await supporters(ScriptedAdapter.demo())),
  says: {
    unreachable: /could not be reached\. Your support will be sent again by itself/,
    offline: /You seem to be offline/,
    done: /Your support has been counted/,
  },
});
