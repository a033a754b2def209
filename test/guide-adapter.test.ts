/**
 * The adapter that the "Write your own adapter" guide shows (stories/guides/example-adapter.ts) passes
 * the conformance suite, so the guide cannot drift from the contract; and the file its story reads is
 * valid.
 */
import { runAdapterConformance } from '@civic-kit/core/testing';
import { expect } from '@open-wc/testing';
import { createFeedAdapter } from '../stories/guides/example-adapter.js';

/** A `fetch` that serves one JSON document, honouring the abort signal as the browser's does. */
const serve =
  (data: unknown): typeof fetch =>
  (_url, init) => {
    init?.signal?.throwIfAborted();
    return Promise.resolve(new Response(JSON.stringify(data), { headers: { 'content-type': 'application/json' } }));
  };

runAdapterConformance({
  name: "the guide's feed adapter",
  create: (fixture) => createFeedAdapter({ url: 'https://our-town.example/initiatives.json', fetch: serve(fixture) }),
});

describe("the guide's feed adapter", () => {
  it('reads the feed its story shows', async () => {
    const adapter = createFeedAdapter({ url: new URL('../stories/guides/feed.json', import.meta.url) });
    const page = await adapter.listInitiatives({});
    expect(page.items.length).to.be.greaterThan(0);
    const poll = await adapter.getPoll('park-name');
    expect(poll.options.length).to.be.greaterThan(1);
  });

  it('says which address failed when the file is missing', async () => {
    const adapter = createFeedAdapter({ url: new URL('/no-such-feed.json', location.href) });
    const error = await adapter.listInitiatives({}).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.have.property('code', 'network');
    expect(String((error as Error).message)).to.contain('no-such-feed.json');
  });
});
