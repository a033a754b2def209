/**
 * The REST adapter's own behaviour with a scripted `fetch`: retries, backoff, timeouts, abort,
 * problem details → CivicError one-to-one, validation, headers, the factory, live events.
 * (Against the real server: test/rest-*.test.ts.)
 */
import { CIVIC_ERROR_CODES, CivicError, getAdapterFactory, type ChangeEvent } from '@civic-kit/core';
import { expect } from '@open-wc/testing';
import { createRestAdapter, parseRetryAfter, RestAdapter } from './index.js';
import './register.js';
import { rejection } from '../../../../test/helpers/rejection.js';

type Reply = Response | Error | (() => Response | Promise<Response>);
const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
const problem = (
  code: string,
  status: number,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) =>
  new Response(
    JSON.stringify({
      type: `urn:civic-kit:problem:${code}`,
      title: code,
      status,
      detail: `detail of ${code}`,
      ...extra,
    }),
    {
      status,
      headers: { 'Content-Type': 'application/problem+json', ...headers },
    },
  );
const POLL = {
  id: 'p',
  question: 'Q?',
  kind: 'single',
  status: 'open',
  options: [
    { id: 'a', label: 'A' },
    { id: 'b', label: 'B' },
  ],
};

function scripted(...replies: Reply[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({ url: input instanceof Request ? input.url : input.toString(), init });
    const reply = replies.shift();
    if (!reply) throw new Error('no more scripted replies');
    if (reply instanceof Error) throw reply;
    return typeof reply === 'function' ? reply() : reply;
  };
  return { calls, fetch: fetch };
}
const adapter = (s: { fetch: typeof fetch }, extra: Partial<ConstructorParameters<typeof RestAdapter>[0]> = {}) =>
  new RestAdapter({
    endpoint: 'https://api.example/civic/',
    fetch: s.fetch,
    retryBaseMs: 1,
    random: () => 1,
    EventSource: undefined,
    ...extra,
  });

describe('RestAdapter', () => {
  it('maps every problem type to its CivicError code, one to one', async () => {
    for (const code of CIVIC_ERROR_CODES) {
      const s = scripted(problem(code, 418));
      const e = await rejection(adapter(s, { retries: 0 }).getPoll('p'));
      expect(e).to.be.instanceOf(CivicError);
      expect(e.code, code).to.equal(code);
      expect(e.message).to.equal(`detail of ${code}`);
    }
  });

  it('falls back on the status for responses that are not problem details', async () => {
    const cases: [number, string][] = [
      [400, 'invalid-request'],
      [401, 'unauthorized'],
      [403, 'unauthorized'],
      [404, 'not-found'],
      [409, 'conflict'],
      [501, 'unsupported'],
      [502, 'network'],
      [500, 'invalid-response'],
    ];
    for (const [status, code] of cases) {
      const s = scripted(new Response('<h1>oops</h1>', { status, headers: { 'Content-Type': 'text/html' } }));
      expect((await rejection(adapter(s, { retries: 0 }).getPoll('p'))).code, String(status)).to.equal(code);
    }
  });

  it('carries per-field messages and retryAfter from the problem', async () => {
    const s = scripted(
      problem('invalid-request', 400, {
        errors: [
          { detail: 'Unknown option', pointer: '/choices' },
          { detail: 'Bad place', pointer: '/place/lat' },
          { detail: 'Needs near', parameter: 'radiusKm' },
        ],
      }),
    );
    const e = await rejection(adapter(s).vote('p', { choices: ['x'] }, { idempotencyKey: 'k' }));
    expect(e.fields).to.deep.equal({ choices: 'Unknown option', 'place.lat': 'Bad place', radiusKm: 'Needs near' });
  });

  it('retries reads on network failures with backoff, then succeeds', async () => {
    const s = scripted(new TypeError('Failed to fetch'), new TypeError('Failed to fetch'), json(POLL));
    const poll = await adapter(s).getPoll('p');
    expect(poll.id).to.equal('p');
    expect(s.calls).to.have.length(3);
  });

  it('gives up after the configured retries with network', async () => {
    const s = scripted(new TypeError('x'), new TypeError('x'), new TypeError('x'));
    const e = await rejection(adapter(s, { retries: 2 }).getPoll('p'));
    expect(e.code).to.equal('network');
    expect(s.calls).to.have.length(3);
  });

  it('retries keyed writes on 503 and 429, waiting at least Retry-After, with the same key', async () => {
    const s = scripted(
      problem('network', 503, {}, { 'Retry-After': '0' }),
      problem('rate-limited', 429, { retryAfter: 0 }, { 'Retry-After': '0' }),
      json(POLL),
    );
    await adapter(s).vote('p', { choices: ['a'] }, { idempotencyKey: 'same-key', voter: 'tok' });
    expect(s.calls).to.have.length(3);
    const keys = s.calls.map((c) => new Headers(c.init.headers).get('Idempotency-Key'));
    expect(keys).to.deep.equal(['"same-key"', '"same-key"', '"same-key"']);
  });

  it("retries a gateway's 502 and 504 (the server behind it restarting) like a 503", async () => {
    const gateway = (status: number) =>
      new Response('<html>Bad gateway</html>', { status, headers: { 'Content-Type': 'text/html' } });
    const s = scripted(gateway(502), gateway(504), json(POLL));
    await adapter(s).vote('p', { choices: ['a'] }, { idempotencyKey: 'gw-key', voter: 'tok' });
    expect(s.calls).to.have.length(3);
  });

  it('does not wait for a Retry-After beyond its limit: rate-limited with retryAfter', async () => {
    const s = scripted(problem('rate-limited', 429, {}, { 'Retry-After': '120' }));
    const e = await rejection(adapter(s).getPoll('p'));
    expect(e.code).to.equal('rate-limited');
    expect(e.retryAfter).to.equal(120);
    expect(s.calls).to.have.length(1);
  });

  it('does not retry answers that will not change (404, 400, 409)', async () => {
    for (const [code, status] of [
      ['not-found', 404],
      ['invalid-request', 400],
      ['conflict', 409],
    ] as const) {
      const s = scripted(problem(code, status), json(POLL));
      expect((await rejection(adapter(s).getPoll('p'))).code).to.equal(code);
      expect(s.calls).to.have.length(1);
    }
  });

  it('times out a hanging request as network', async () => {
    const hang = (_: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_r, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    const e = await rejection(adapter({ fetch: hang }, { timeoutMs: 30, retries: 0 }).getPoll('p'));
    expect(e.code).to.equal('network');
    expect(e.message).to.contain('30 ms');
  });

  it('answers aborted when the caller aborts, also during a backoff', async () => {
    const c = new AbortController();
    const s = scripted(new TypeError('x'), json(POLL));
    const pending = adapter(s, { retryBaseMs: 10_000 }).getPoll('p', { signal: c.signal });
    setTimeout(() => c.abort(), 20);
    expect((await rejection(pending)).code).to.equal('aborted');
    expect(s.calls).to.have.length(1);
  });

  it('validates every response: malformed JSON, non-JSON and wrong shapes are invalid-response', async () => {
    const bad: Response[] = [
      new Response('{"id":', { headers: { 'Content-Type': 'application/json' } }),
      new Response('<html></html>', { headers: { 'Content-Type': 'text/html' } }),
      json({ ...POLL, options: 'a,b' }),
      json({ items: 'none' }),
      json({ items: [], nextCursor: 7 }),
      json([{ id: 'a', title: 'A', status: 'active' }]),
    ];
    for (const [i, reply] of bad.entries()) {
      const s = scripted(reply);
      const a = adapter(s, { retries: 0 });
      const call = i >= 3 ? a.listInitiatives({}) : a.getPoll('p');
      expect((await rejection(call)).code, String(i)).to.equal('invalid-response');
    }
  });

  describe('one item that cannot be shown never fails a page', () => {
    // A page as @civic-kit/server sends it (packages/server/openapi.json, InitiativePage), from a
    // server with one item this version cannot read: a status added by a newer server, and a
    // latitude sent as text by another implementation of the contract.
    const PAGE = {
      items: [
        {
          id: 'repair-cafe',
          title: 'Repair café',
          summary: 'Bring broken things; we fix them together.',
          status: 'active',
          tags: ['repair'],
          place: { lat: 51.455, lng: -2.59, address: 'Old Market' },
          supporters: { count: 10, goal: 50 },
          startsAt: '2026-01-10T10:00:00.000Z',
          machineTranslated: false,
        },
        { id: 'seed-swap', title: 'Seed swap', status: 'archived', tags: ['food'], machineTranslated: false },
        {
          id: 'bike-kitchen',
          title: 'Bike kitchen',
          status: 'active',
          tags: ['repair', 'cycling'],
          place: { lat: '51.47', lng: -2.6 },
          machineTranslated: false,
        },
        { id: 'orchard', title: 'Community orchard', status: 'completed', tags: ['food'], machineTranslated: false },
      ],
      nextCursor: 'eyJvIjo0fQ',
      total: 9,
    };
    const warned: unknown[][] = [];
    const warn = console.warn;
    beforeEach(() => {
      warned.length = 0;
      console.warn = (...args: unknown[]) => warned.push(args);
    });
    afterEach(() => {
      console.warn = warn;
    });

    it('shows the others in order, counts the two left out and says why, once', async () => {
      const page = await adapter(scripted(json(PAGE))).listInitiatives({});
      expect(page.items.map((i) => i.title)).to.deep.equal(['Repair café', 'Community orchard']);
      expect(page.items[0]!.place).to.include({ lat: 51.455, lng: -2.59, address: 'Old Market' });
      expect(page.nextCursor, 'the next page is still there').to.equal('eyJvIjo0fQ');
      expect(page.total).to.equal(9);
      expect(page.warnings).to.have.length(1);
      const [w] = page.warnings!;
      expect(w!.source).to.equal('api.example');
      expect(w!.code).to.equal('invalid-response');
      expect(w!.skipped).to.equal(2);
      expect(w!.message).to.match(/^2 items left out \(1 × status: .+; 1 × place\.lat: .+\)$/);
      expect(warned, 'one console line for the page').to.have.length(1);
      expect(String(warned[0]![0])).to.equal(`[civic-kit] api.example: ${w!.message}`);
    });

    it('offers the causes it can show when one the server sends cannot be, and says so once', async () => {
      const interests = [
        { id: 'repair', label: 'Repair' },
        { id: 'food', label: null },
        { id: 'orchards', label: 'Orchards' },
      ];
      const listed = await adapter(scripted(json(interests))).listInterests();
      expect(listed).to.deep.equal([
        { id: 'repair', label: 'Repair' },
        { id: 'orchards', label: 'Orchards' },
      ]);
      expect(warned, 'one console line').to.have.length(1);
      expect(String(warned[0]![0])).to.match(/^\[civic-kit\] api\.example: 1 item left out \(1 × label: /);
      const notAList = await adapter(scripted(json({ items: interests })))
        .listInterests()
        .catch((e: unknown) => e);
      expect((notAList as { code?: string }).code, 'not a list at all').to.equal('invalid-response');
    });

    it("keeps the server's own warnings beside its own count", async () => {
      const theirs = { source: 'Neighbours’ map', code: 'network', message: 'could not be reached' } as const;
      const page = await adapter(
        scripted(json({ ...PAGE, items: PAGE.items.slice(1, 2), warnings: [theirs] })),
      ).listInitiatives({});
      expect(page.items).to.deep.equal([]);
      expect(page.warnings).to.deep.equal([
        theirs,
        { source: 'api.example', code: 'invalid-response', skipped: 1, message: page.warnings![1]!.message },
      ]);
    });

    it('says nothing when every item can be shown', async () => {
      const page = await adapter(scripted(json({ items: [PAGE.items[0], PAGE.items[3]] }))).listInitiatives({});
      expect(page.items.map((i) => i.id)).to.deep.equal(['repair-cafe', 'orchard']);
      expect(page.warnings).to.equal(undefined);
      expect(warned).to.deep.equal([]);
    });

    it('still answers invalid-response for the one item asked for by id, naming the field', async () => {
      const e = await rejection(adapter(scripted(json(PAGE.items[1])), { retries: 0 }).getInitiative('seed-swap'));
      expect(e.code).to.equal('invalid-response');
      expect(e.message).to.contain('status');
    });
  });

  it('sends the query, the voter token, the browser id and the locale as the contract says', async () => {
    const s = scripted(json({ items: [] }), json(POLL), json(POLL));
    const a = adapter(s, { browserId: 'browser-id-0123456789' });
    await a.listInitiatives({
      q: 'repair café',
      tags: ['a', 'b'],
      status: ['active'],
      near: { lat: 51.4, lng: -2.5 },
      radiusKm: 3,
      bbox: [-3, 51, -2, 52],
      sort: 'distance',
      cursor: 'abc',
      limit: 5,
    });
    const url = new URL(s.calls[0]!.url);
    expect(url.origin + url.pathname).to.equal('https://api.example/civic/initiatives');
    expect(Object.fromEntries(url.searchParams)).to.deep.equal({
      q: 'repair café',
      tags: 'a,b',
      status: 'active',
      near: '51.4,-2.5',
      radiusKm: '3',
      bbox: '-3,51,-2,52',
      sort: 'distance',
      cursor: 'abc',
      limit: '5',
    });
    expect(new Headers(s.calls[0]!.init.headers).has('Civic-Browser'), 'lists are anonymous').to.equal(false);
    await a.getPoll('p', { locale: 'de' });
    const h = new Headers(s.calls[1]!.init.headers);
    expect(h.get('Civic-Browser')).to.equal('browser-id-0123456789');
    expect(h.get('Accept-Language')).to.equal('de');
    await a.vote('p', { choices: ['a'] }, { idempotencyKey: 'k1', voter: 'tok' });
    const w = new Headers(s.calls[2]!.init.headers);
    expect(w.get('Authorization')).to.equal('Bearer tok');
    expect(w.has('Civic-Browser')).to.equal(false);
    expect(s.calls[2]!.init.method).to.equal('POST');
    expect(s.calls[2]!.init.body).to.equal('{"choices":["a"]}');
    expect(s.calls[2]!.init.credentials).to.equal('omit');
  });

  it('stores no browser id for a visitor who only reads; the first write makes one, later reads send it', async () => {
    const key = 'civic-kit:browser-id:https://api.example';
    localStorage.removeItem(key);
    try {
      const s = scripted(json(POLL), json(POLL), json(POLL));
      const a = adapter(s);
      await a.getPoll('p');
      expect(new Headers(s.calls[0]!.init.headers).has('Civic-Browser'), 'no id yet').to.equal(false);
      expect(localStorage.getItem(key), 'nothing stored by a read').to.equal(null);
      await a.vote('p', { choices: ['a'] }, { idempotencyKey: 'k1' });
      const id = new Headers(s.calls[1]!.init.headers).get('Civic-Browser');
      expect(id).to.match(/^[A-Za-z0-9_-]{16,64}$/);
      expect(localStorage.getItem(key)).to.equal(id);
      await a.getPoll('p');
      expect(new Headers(s.calls[2]!.init.headers).get('Civic-Browser')).to.equal(id);
    } finally {
      localStorage.removeItem(key);
    }
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('7')).to.equal(7);
    expect(parseRetryAfter(new Date(Date.now() + 5000).toUTCString())).to.be.within(4, 6);
    expect(parseRetryAfter('soon')).to.equal(undefined);
  });

  it('is built by <civic-provider adapter="rest"> and says what is misconfigured', async () => {
    const factory = getAdapterFactory('rest')!;
    const a = (await factory({
      endpoint: 'https://api.example/civic',
      attributes: { 'voter-token': 'tok', 'timeout-ms': '500' },
    })) as RestAdapter;
    expect(a).to.be.instanceOf(RestAdapter);
    expect(a.endpoint).to.equal('https://api.example/civic');
    expect(() => createRestAdapter({ attributes: {} }))
      .to.throw(CivicError)
      .with.property('code', 'misconfigured');
    expect(() => createRestAdapter({ endpoint: 'javascript:alert(1)', attributes: {} }))
      .to.throw(CivicError)
      .with.property('code', 'misconfigured');
  });

  it('shares one EventSource among topics, validates events and reconnects asking for the current state', async () => {
    const made: FakeSource[] = [];
    class FakeSource extends EventTarget {
      readyState = 0;
      closed = false;
      constructor(readonly url: string) {
        super();
        made.push(this);
      }
      close() {
        this.closed = true;
        this.readyState = 2;
      }
      emit(type: string, data?: unknown) {
        this.dispatchEvent(new MessageEvent(type, { data: data === undefined ? undefined : JSON.stringify(data) }));
      }
    }
    const a = new RestAdapter({
      endpoint: 'https://api.example',
      EventSource: FakeSource as never,
      retryBaseMs: 1,
      random: () => 0,
    });
    expect(a.capabilities.has('subscribe')).to.equal(true);
    const got: ChangeEvent[] = [];
    const stop1 = a.subscribe({ kind: 'poll', id: 'p' }, (e) => got.push(e));
    const stop2 = a.subscribe({ kind: 'initiative', id: 'i' }, (e) => got.push(e));
    await new Promise((r) => setTimeout(r, 10));
    expect(made).to.have.length(1);
    expect(decodeURIComponent(made[0]!.url)).to.equal('https://api.example/events?topics=initiative:i,poll:p');
    made[0]!.emit('change', { kind: 'poll', id: 'p', poll: POLL });
    made[0]!.emit('change', { kind: 'poll', id: 'p', poll: { ...POLL, options: 'broken' } });
    expect(got).to.have.length(1);
    made[0]!.emit('error');
    await new Promise((r) => setTimeout(r, 300));
    expect(made[0]!.closed).to.equal(true);
    expect(made).to.have.length(2);
    expect(made[1]!.url).to.contain('lastEventId=');
    stop1();
    stop2();
    await new Promise((r) => setTimeout(r, 10));
    expect(made[1]!.closed, 'closed when nobody listens').to.equal(true);
    a.dispose();
  });
});
