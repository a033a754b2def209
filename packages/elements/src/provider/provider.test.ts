import { MemoryAdapter, registerAdapter } from '@civic-kit/core';
import { CONFORMANCE_FIXTURE } from '@civic-kit/core/testing';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ScriptedAdapter } from '../../../../test/helpers/adapters.js';
import { expectAccessible } from '../../../../test/helpers/axe.js';
import '../define/civic-initiative-card.js';
import '../define/civic-provider.js';
import type { CivicInitiativeCard } from '../initiative-card/initiative-card.js';
import type { CivicProvider } from './provider.js';

const title = (card: Element | null) => card?.shadowRoot?.querySelector('[part="title"]')?.textContent?.trim();

describe('<civic-provider>', () => {
  it('builds the demo memory adapter from `adapter="memory"`', async () => {
    const el = await fixture<CivicProvider>(
      html`<civic-provider adapter="memory">
        <civic-initiative-card initiative-id="repair-cafe"></civic-initiative-card>
      </civic-provider>`,
    );
    const card = el.querySelector('civic-initiative-card');
    await waitUntil(() => title(card), 'the card never loaded');
    expect(title(card)).to.contain('Repair Café');
    expect(el.adapter).to.be.instanceOf(MemoryAdapter);
    await expectAccessible(el);
  });

  it('says which data sources exist when given an unknown one, and the elements inside say it is misconfigured', async () => {
    const el = await fixture<CivicProvider>(
      html`<civic-provider adapter="nonsense">
        <civic-initiative-card initiative-id="repair-cafe"></civic-initiative-card>
      </civic-provider>`,
    );
    const card = el.querySelector('civic-initiative-card')!;
    await waitUntil(() => card.shadowRoot?.querySelector('[role="alert"]'), 'the card kept waiting');
    expect(card.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('not set up correctly');
    await waitUntil(() => el.shadowRoot?.querySelector('[role="alert"]'));
    const text = el.shadowRoot!.querySelector('[role="alert"]')!.textContent;
    expect(text).to.contain('nonsense');
    expect(text).to.contain('memory');
    await expectAccessible(el);
  });

  it('uses a registered adapter with the attributes it was given', async () => {
    let seen: Record<string, string> = {};
    registerAdapter('test-registry', (config) => {
      seen = { endpoint: config.endpoint ?? '', site: config.attributes['site'] ?? '' };
      return new MemoryAdapter({ data: CONFORMANCE_FIXTURE });
    });
    const el = await fixture<CivicProvider>(
      html`<civic-provider adapter="test-registry" endpoint="https://api.example.org" site="bristol">
        <civic-initiative-card initiative-id="c-solar"></civic-initiative-card>
      </civic-provider>`,
    );
    await waitUntil(() => title(el.querySelector('civic-initiative-card')));
    expect(seen).to.deep.equal({ endpoint: 'https://api.example.org', site: 'bristol' });
  });

  it('lets a host-supplied adapter win over attributes, and replaces it for every element', async () => {
    const first = new MemoryAdapter({ data: CONFORMANCE_FIXTURE });
    const el = await fixture<CivicProvider>(
      html`<civic-provider adapter="memory" .adapter=${first}>
        <civic-initiative-card initiative-id="c-solar"></civic-initiative-card>
      </civic-provider>`,
    );
    const card = el.querySelector<CivicInitiativeCard>('civic-initiative-card')!;
    await waitUntil(() => title(card));
    expect(title(card)).to.equal('Solar roofs co-op');
    await new Promise((r) => setTimeout(r, 50)); // a slow attribute build must not replace it
    expect(el.adapter).to.equal(first);
    const second = new MemoryAdapter({
      data: { ...CONFORMANCE_FIXTURE, initiatives: [{ ...CONFORMANCE_FIXTURE.initiatives[2]!, title: 'Renamed' }] },
    });
    el.adapter = second;
    await waitUntil(() => title(card) === 'Renamed', 'the card did not follow the new adapter');
  });

  it('gives the nearest provider precedence when nested', async () => {
    const outer = new MemoryAdapter({ data: CONFORMANCE_FIXTURE });
    const inner = ScriptedAdapter.demo();
    const el = await fixture<CivicProvider>(
      html`<civic-provider .adapter=${outer}>
        <civic-provider .adapter=${inner}
          ><civic-initiative-card initiative-id="repair-cafe"></civic-initiative-card
        ></civic-provider>
      </civic-provider>`,
    );
    const card = el.querySelector<CivicInitiativeCard>('civic-initiative-card')!;
    await waitUntil(() => title(card));
    expect(card.adapter).to.equal(inner);
  });

  it('passes the host’s voter token with writes', async () => {
    const adapter = ScriptedAdapter.demo();
    const el = await fixture<CivicProvider>(
      html`<civic-provider .adapter=${adapter} voter-token="signed.token.123">
        <civic-initiative-card initiative-id="repair-cafe"></civic-initiative-card>
      </civic-provider>`,
    );
    const card = el.querySelector<CivicInitiativeCard>('civic-initiative-card')!;
    await waitUntil(() => card.shadowRoot?.querySelector('[part="support-button"]'));
    card.shadowRoot!.querySelector<HTMLButtonElement>('[part="support-button"]')!.click();
    await waitUntil(() => adapter.calls['supportInitiative']);
    expect((adapter.calls['supportInitiative']![0]![1] as { voter?: string }).voter).to.equal('signed.token.123');
  });

  it('switches the elements inside to a dark scheme', async () => {
    const el = await fixture<CivicProvider>(
      html`<civic-provider theme="dark">
        <civic-initiative-card .initiative=${{ id: 'x', title: 'Dark', status: 'active' }}></civic-initiative-card>
      </civic-provider>`,
    );
    const card = el.querySelector<CivicInitiativeCard>('civic-initiative-card')!;
    await card.updateComplete;
    const bg = getComputedStyle(card.shadowRoot!.querySelector('[part="base"]')!).backgroundColor;
    expect(bg).to.equal('rgb(27, 29, 33)');
    el.theme = 'light';
    await el.updateComplete;
    expect(getComputedStyle(card.shadowRoot!.querySelector('[part="base"]')!).backgroundColor).to.equal(
      'rgb(255, 255, 255)',
    );
  });

  describe('the adapter it builds', () => {
    /** A registered adapter that counts what was built and disposed; `gate` holds the next build. */
    const counting = (name: string) => {
      const log = { built: [] as string[], disposed: [] as string[] };
      let gate: Promise<void> | undefined;
      registerAdapter(name, async (config) => {
        const label = config.attributes['space'] ?? '';
        if (gate) await gate;
        log.built.push(label);
        const adapter = new MemoryAdapter({ data: CONFORMANCE_FIXTURE });
        return Object.assign(adapter, { dispose: () => void log.disposed.push(label) });
      });
      return { log, hold: (until: Promise<void>) => void (gate = until) };
    };

    it('is disposed once the provider leaves the page, and built afresh when it comes back', async () => {
      const { log } = counting('test-dispose');
      const el = await fixture<CivicProvider>(html`<civic-provider adapter="test-dispose" space="a"></civic-provider>`);
      await waitUntil(() => el.adapter);
      const parent = el.parentElement!;
      el.remove();
      await Promise.resolve();
      expect(log.disposed).to.deep.equal(['a']);
      expect(el.adapter).to.equal(undefined);
      parent.append(el);
      await waitUntil(() => el.adapter);
      expect(log.built).to.deep.equal(['a', 'a']);
    });

    it('is kept when the provider is moved within the page', async () => {
      const { log } = counting('test-move');
      const el = await fixture<CivicProvider>(html`<civic-provider adapter="test-move" space="m"></civic-provider>`);
      await waitUntil(() => el.adapter);
      const first = el.adapter;
      document.body.append(el);
      await new Promise((r) => setTimeout(r, 20));
      expect(log.disposed).to.deep.equal([]);
      expect(el.adapter).to.equal(first);
      el.remove();
    });

    it('is built again when one of its own attributes changes, and the old one is disposed', async () => {
      const { log } = counting('test-attr');
      const el = await fixture<CivicProvider>(html`<civic-provider adapter="test-attr" space="one"></civic-provider>`);
      await waitUntil(() => el.adapter);
      const first = el.adapter;
      el.setAttribute('lang', 'de'); // not the adapter's: nothing rebuilt
      el.setAttribute('space', 'two');
      await waitUntil(() => el.adapter !== first);
      expect(log.built).to.deep.equal(['one', 'two']);
      expect(log.disposed).to.deep.equal(['one']);
    });

    it('is disposed when it finishes building after something else replaced it', async () => {
      const { log, hold } = counting('test-late');
      let open!: () => void;
      hold(new Promise<void>((r) => (open = r)));
      const el = await fixture<CivicProvider>(html`<civic-provider adapter="test-late" space="late"></civic-provider>`);
      const own = new MemoryAdapter({ data: CONFORMANCE_FIXTURE });
      el.adapter = own;
      await el.updateComplete;
      open();
      await waitUntil(() => log.built.length === 1);
      await new Promise((r) => setTimeout(r, 0));
      expect(log.disposed).to.deep.equal(['late']);
      expect(el.adapter).to.equal(own);
    });

    it('takes a string given to the `adapter` property (a framework binding) as an adapter name', async () => {
      const el = await fixture<CivicProvider>(
        html`<civic-provider
          ><civic-initiative-card initiative-id="repair-cafe"></civic-initiative-card
        ></civic-provider>`,
      );
      (el as unknown as { adapter: string }).adapter = 'memory';
      await waitUntil(() => el.adapter instanceof MemoryAdapter, 'no adapter built from the name');
      expect(el.adapterName).to.equal('memory');
      await waitUntil(() => title(el.querySelector('civic-initiative-card')));
    });
  });
});
