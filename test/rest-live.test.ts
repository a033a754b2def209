/**
 * The REST adapter in the browser against the real server: `<civic-provider adapter="rest">` from
 * HTML attributes, a card's support reaching the database, live updates over Server-Sent Events,
 * and 200 voters at once through the adapter.
 */
import '@civic-kit/adapters/rest/register';
import '@civic-kit/elements';
import { RestAdapter } from '@civic-kit/adapters/rest';
import type { ChangeEvent, Poll } from '@civic-kit/core';
import { CONFORMANCE_FIXTURE } from '@civic-kit/core/testing';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { closeServer, startServer, voterTokens, type TestServerHandle } from './rest-server.js';

const FIXTURE = {
  ...CONFORMANCE_FIXTURE,
  polls: [
    ...CONFORMANCE_FIXTURE.polls,
    {
      id: 'crowd',
      question: 'Which day?',
      kind: 'single',
      status: 'open',
      options: [
        { id: 'sat', label: 'Saturday' },
        { id: 'sun', label: 'Sunday' },
      ],
    },
  ],
};

const shadowText = (el: Element | null | undefined) => el?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';

describe('the REST adapter in the browser, against the real server', () => {
  let server: TestServerHandle;
  beforeEach(async () => {
    server = await startServer(FIXTURE);
  });
  afterEach(async () => {
    await closeServer(server.id);
  });

  it('is what <civic-provider adapter="rest" endpoint="…" voter-token="…"> builds, and a card’s support reaches the database', async () => {
    const [token] = await voterTokens('card-supporter');
    const el = await fixture<HTMLElement>(html`
      <civic-provider adapter="rest" endpoint=${server.url} voter-token=${token!}>
        <civic-initiative-card initiative-id="c-repair"></civic-initiative-card>
      </civic-provider>
    `);
    const card = el.querySelector('civic-initiative-card')!;
    await waitUntil(() => card.shadowRoot?.querySelector('[part="support-button"]'), 'no support button', {
      timeout: 5000,
    });
    expect(shadowText(card)).to.contain('Repair café');
    expect(shadowText(card)).to.contain('10 of 50 supporters');
    const done = oneEvent(card, 'civic-support-done');
    card.shadowRoot!.querySelector<HTMLButtonElement>('[part="support-button"]')!.click();
    await done;
    const fresh = await new RestAdapter({ endpoint: server.url }).getInitiative('c-repair');
    expect(fresh.supporters?.count).to.equal(11);
    const mine = await new RestAdapter({ endpoint: server.url, voter: token }).getInitiative('c-repair');
    expect(mine.supporters?.supportedByMe).to.equal(true);
  });

  it('says the provider is misconfigured when adapter="rest" has no endpoint', async () => {
    const el = await fixture<HTMLElement>(html`<civic-provider adapter="rest"></civic-provider>`);
    await waitUntil(() => el.shadowRoot?.querySelector('[part="message"]'), 'no message', { timeout: 3000 });
    expect(shadowText(el)).to.contain('endpoint');
  });

  it('delivers live poll results and support counts through one EventSource', async () => {
    const [a, b] = await voterTokens('live-a', 'live-b');
    const watcher = new RestAdapter({ endpoint: server.url });
    const polls: Poll[] = [];
    const events: ChangeEvent[] = [];
    const stopPoll = watcher.subscribe({ kind: 'poll', id: 'crowd' }, (e) => e.kind === 'poll' && polls.push(e.poll));
    const stopInitiative = watcher.subscribe({ kind: 'initiative', id: 'c-bikes' }, (e) => events.push(e));
    await new Promise((r) => setTimeout(r, 300)); // the stream opens
    const voter = new RestAdapter({ endpoint: server.url });
    await voter.vote('crowd', { choices: ['sun'] }, { idempotencyKey: 'live-1', voter: a });
    await voter.supportInitiative('c-bikes', { idempotencyKey: 'live-2', voter: b });
    await waitUntil(() => polls.some((p) => p.results?.counts['sun'] === 1), 'no live poll result', { timeout: 5000 });
    await waitUntil(() => events.length > 0, 'no live support count', { timeout: 5000 });
    expect(events[0]).to.deep.include({ kind: 'initiative', id: 'c-bikes' });
    expect(events[0]!.kind === 'initiative' && events[0]!.initiative.supporters?.count).to.equal(4);
    stopPoll();
    stopInitiative();
    watcher.dispose();
  });

  it('counts 200 voters at once, each vote sent twice with the same key, exactly', async function () {
    this.timeout(60_000); // 400 requests through the browser's six connections, beside the other test files
    const tokens = await voterTokens(...Array.from({ length: 200 }, (_, i) => `browser-crowd-${i}`));
    const adapter = new RestAdapter({ endpoint: server.url });
    const results = await Promise.all(
      tokens.flatMap((voter, i) =>
        [0, 1].map(() =>
          adapter.vote('crowd', { choices: [i % 2 ? 'sat' : 'sun'] }, { idempotencyKey: `crowd-${i}`, voter }),
        ),
      ),
    );
    expect(results).to.have.length(400);
    const poll = await adapter.getPoll('crowd');
    expect(poll.results?.voters).to.equal(200);
    expect(poll.results?.counts).to.deep.equal({ sat: 100, sun: 100 });
    const again = await adapter
      .vote('crowd', { choices: ['sat'] }, { idempotencyKey: 'crowd-again', voter: tokens[0] })
      .catch((e: unknown) => e);
    expect((again as { code?: string }).code).to.equal('conflict');
  });

  it('source-filter: the server’s own initiatives with local, none with followed when it follows no one', async () => {
    const all = await new RestAdapter({ endpoint: server.url }).listInitiatives({ limit: 100 });
    expect(all.items.length, 'the fixture has initiatives').to.be.above(0);
    const local = await new RestAdapter({ endpoint: server.url, sourceFilter: 'local' }).listInitiatives({
      limit: 100,
    });
    expect(local.items.map((i) => i.id).sort()).to.deep.equal(all.items.map((i) => i.id).sort());
    const followed = await new RestAdapter({ endpoint: server.url, sourceFilter: 'followed' }).listInitiatives({});
    expect(followed.items).to.deep.equal([]);

    const el = await fixture<HTMLElement>(html`
      <civic-provider adapter="rest" endpoint=${server.url} source-filter="followed">
        <civic-initiative-list no-filters></civic-initiative-list>
      </civic-provider>
    `);
    const list = el.querySelector('civic-initiative-list')!;
    await waitUntil(() => /no initiatives to show yet/.test(shadowText(list)), 'the list did not say it has none', {
      timeout: 5000,
    });
  });

  it('source-filter: a value that is not local, followed or an address is a clear configuration error', async () => {
    const { createRestAdapter } = await import('@civic-kit/adapters/rest');
    const config = (value: string) => ({ endpoint: server.url, attributes: { 'source-filter': value } });
    expect(() => createRestAdapter(config('everyone'))).to.throw(/source-filter="everyone" must be local, followed/);
    expect(() => createRestAdapter(config('javascript:alert(1)'))).to.throw(/must be local, followed/);
    expect(createRestAdapter(config(' followed '))).to.be.instanceOf(RestAdapter);
  });
});
