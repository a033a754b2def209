/**
 * Property-based tests (fast-check), reproducible from the seed printed on failure:
 * - every adapter's response parsing: whatever a backend answers (any JSON, any status, text that is
 *   not JSON) becomes valid data or a `CivicError` — never another exception, never half-checked data;
 *   the core `parse*` functions the same for any value at all;
 * - every element fed generated hostile models (corpus strings, arbitrary Unicode, values of the wrong
 *   type in any field), as a property and from an adapter: it settles, shows the data or a visible
 *   error, runs nothing, and links or loads only http(s).
 */
import { RestAdapter } from '@civic-kit/adapters/rest';
import {
  isCivicError,
  parseInitiative,
  parseInitiativePage,
  parseInterests,
  parseMatches,
  parsePoll,
  type CivicAdapter,
} from '@civic-kit/core';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { unsafeMarkup, waitFor } from './dom.js';
import { settle } from './mount.js';
import { HARNESSES } from './registry.js';
import { context, uncaughtErrors } from './suite.js';
import { HOSTILE_TEXT, HOSTILE_URLS } from './xss-corpus.js';

declare global {
  interface Window {
    __xss: (what?: unknown) => void;
  }
}
const fired: string[] = [];
window.__xss = (what) => void fired.push(String(what));

const SEED = 20261128;
const RUNS = 60;

/** Text a backend might send: corpus payloads, URLs and arbitrary Unicode, glued together. */
const hostileText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...HOSTILE_TEXT),
      fc.constantFrom(...HOSTILE_URLS),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 20 }),
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((parts) => parts.join(' '));
const hostileUrl = fc.oneof(fc.constantFrom(...HOSTILE_URLS), fc.webUrl(), fc.string({ maxLength: 60 }));

/** Replace the `index`-th leaf of `model` (counting depth-first) with `value`. */
function replaceLeaf(model: unknown, index: number, value: unknown): unknown {
  let n = 0;
  const walk = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(walk);
    if (x && typeof x === 'object')
      return Object.fromEntries(Object.entries(x as Record<string, unknown>).map(([k, v]) => [k, walk(v)]));
    return n++ === index ? value : x;
  };
  return walk(model);
}

describe('property-based hardening (fast-check)', function () {
  this.timeout(120_000);
  const errors = uncaughtErrors();
  beforeEach(() => {
    fired.length = 0;
    errors.length = 0;
  });
  afterEach(() => {
    expect(fired, 'script from generated data ran').to.deep.equal([]);
    expect(errors, 'uncaught errors in the page').to.deep.equal([]);
  });

  describe('response parsing never throws anything but a CivicError', () => {
    const parsers = { parseInitiative, parseInitiativePage, parsePoll, parseMatches, parseInterests };
    for (const [name, parse] of Object.entries(parsers)) {
      it(`${name}: any value → data or invalid-response`, () => {
        fc.assert(
          fc.property(fc.anything({ withNullPrototype: true, withSparseArray: true, withBigInt: true }), (value) => {
            try {
              parse(value);
            } catch (e) {
              return isCivicError(e) && e.code === 'invalid-response';
            }
            return true;
          }),
          { seed: SEED, numRuns: 500 },
        );
      });
    }

    /** The REST adapter over a backend that answers anything. */
    const reply = fc.record({
      status: fc.constantFrom(200, 200, 200, 201, 204, 301, 400, 401, 404, 409, 418, 429, 500, 503),
      body: fc.oneof(
        fc.json(),
        fc.jsonValue().map((v) => JSON.stringify(v)),
        fc.string(),
        fc.constant(''),
        fc.constant('<html><body>Bad gateway</body></html>'),
      ),
      type: fc.constantFrom('application/json', 'application/problem+json', 'text/html', ''),
      retryAfter: fc.option(fc.oneof(fc.nat().map(String), fc.string()), { nil: undefined }),
    });
    const calls: [string, (a: CivicAdapter) => Promise<unknown>][] = [
      ['getInitiative', (a) => a.getInitiative('x')],
      ['listInitiatives', (a) => a.listInitiatives({ q: 'x' })],
      ['getPoll', (a) => a.getPoll('x')],
      ['listInterests', (a) => a.listInterests!()],
      ['supportInitiative', (a) => a.supportInitiative!('x', { idempotencyKey: 'k' })],
      ['vote', (a) => a.vote!('x', { choices: ['a'] }, { idempotencyKey: 'k' })],
    ];
    for (const [name, call] of calls) {
      it(`RestAdapter.${name}: any response → data or a CivicError`, async () => {
        await fc.assert(
          fc.asyncProperty(reply, async (r) => {
            const adapter = new RestAdapter({
              endpoint: 'https://api.example/civic/',
              fetch: async () =>
                new Response(r.status === 204 ? null : r.body, {
                  status: r.status,
                  headers: {
                    ...(r.type ? { 'content-type': r.type } : {}),
                    ...(r.retryAfter ? { 'retry-after': r.retryAfter } : {}),
                  },
                }),
              retries: 0,
              retryBaseMs: 1,
              maxRetryAfterSeconds: 0,
              EventSource: undefined,
              browserId: false,
            });
            try {
              await call(adapter);
            } catch (e) {
              return isCivicError(e);
            }
            return true;
          }),
          { seed: SEED, numRuns: 150 },
        );
      });
    }
  });

  for (const harness of HARNESSES.filter((h) => h.hostile)) {
    const feed = harness.hostile!;
    it(`<${harness.tag}>: generated hostile models settle, show data or an error, and stay safe`, async function () {
      if (!customElements.get(harness.tag)) this.skip();
      const leaves = (() => {
        let n = 0;
        JSON.stringify(feed.model('x', 'https://example.org/'), (_k, v: unknown) => {
          if (v === null || typeof v !== 'object') n++;
          return v;
        });
        return n;
      })();
      const model = fc
        .record({
          text: hostileText,
          url: hostileUrl,
          junk: fc.array(fc.tuple(fc.nat({ max: leaves }), fc.anything()), { maxLength: 2 }),
          viaAdapter: fc.boolean(),
        })
        .map(({ text, url, junk, viaAdapter }) => ({
          viaAdapter,
          data: junk.reduce((m, [i, v]) => replaceLeaf(m, i, v), feed.model(text, url)),
        }));
      let shown = 0;
      await fc.assert(
        fc.asyncProperty(model, async ({ data, viaAdapter }) => {
          const b = viaAdapter ? feed.viaAdapter(data, context()) : feed.viaProperty(data, context());
          document.body.append(b.root);
          try {
            await waitFor(() => feed.settled(b), `<${harness.tag}> never settled`);
            await settle(b.root);
            if (feed.shown(b)) shown++;
            const problems = unsafeMarkup(b.root);
            if (problems.length) throw new Error(problems.join('\n'));
            if (fired.length) throw new Error(`script ran: ${fired.join(', ')}`);
          } finally {
            b.root.remove();
          }
        }),
        { seed: SEED, numRuns: RUNS },
      );
      expect(shown, 'some generated models are valid and shown (the test is not vacuous)').to.be.greaterThan(0);
    });
  }
});
