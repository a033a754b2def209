/**
 * The adapters' HTTP plumbing: a cancel is `aborted` and never `network`, a timeout is `network`
 * naming who did not answer, waits end on a cancel, backoff stays under its ceiling.
 */
import { CivicError } from '@civic-kit/core';
import { expect } from '@open-wc/testing';
import { backoff, Deadline, endpointUrl, fetchJson, sleep, untilAborted } from './index.js';
import { rejection } from '../../../../test/helpers/rejection.js';

/** A fetch that never answers until its signal aborts (as a real fetch does). */
const hanging: typeof fetch = (_input, init) =>
  new Promise((_, reject) => {
    init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), { once: true });
  });

describe('adapters http', () => {
  it('fetchJson gives up after its timeout with a network error naming the URL', async () => {
    const started = Date.now();
    const e = await rejection(fetchJson('https://files.example/a.json', { fetch: hanging, timeoutMs: 80 }));
    expect(e).to.be.instanceOf(CivicError);
    expect(e.code).to.equal('network');
    expect(e.message).to.equal('https://files.example/a.json did not answer within 80 ms');
    expect(Date.now() - started).to.be.lessThan(2000);
  });

  it('fetchJson cancelled by the caller is aborted, not network, even before it starts', async () => {
    const controller = new AbortController();
    const pending = fetchJson('https://files.example/a.json', { fetch: hanging, signal: controller.signal });
    controller.abort();
    expect((await rejection(pending)).code).to.equal('aborted');
    expect((await rejection(fetchJson('https://x.example/', { signal: controller.signal }))).code).to.equal('aborted');
  });

  it('fetchJson maps HTTP statuses and a body that is not JSON', async () => {
    const answer =
      (status: number, body = '{}') =>
      () =>
        Promise.resolve(new Response(body, { status }));
    const code = async (f: typeof fetch) => (await rejection(fetchJson('https://x.example/f', { fetch: f }))).code;
    expect(await code(answer(404))).to.equal('not-found');
    expect(await code(answer(403))).to.equal('unauthorized');
    expect(await code(answer(429))).to.equal('rate-limited');
    expect(await code(answer(503))).to.equal('network');
    expect(await code(answer(200, '<html>'))).to.equal('invalid-response');
    expect(await fetchJson('https://x.example/f', { fetch: answer(200, '{"a":1}') })).to.deep.equal({ a: 1 });
  });

  it('a connection that fails is network: could not be reached', async () => {
    const refused: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const e = await rejection(fetchJson('https://x.example/f', { fetch: refused }));
    expect(e.code).to.equal('network');
    expect(e.message).to.equal('https://x.example/f could not be reached');
  });

  it('Deadline keeps a CivicError of the backend as it is and makes its own expiry network', async () => {
    const d = new Deadline(10_000);
    const own = new CivicError('conflict', 'Already voted');
    expect(d.failure(own, 'The server')).to.equal(own);
    d.done();
    const short = new Deadline(20);
    // A source that ignores the signal is still not waited for.
    const e = await rejection(untilAborted(new Promise(() => {}), short.signal));
    expect(short.timedOut).to.equal(true);
    const failure = short.failure(e, 'Slow source');
    expect(failure.code).to.equal('network');
    expect(failure.message).to.equal('Slow source did not answer within 20 ms');
  });

  it('sleep ends early with aborted when the signal fires', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const waiting = sleep(10_000, controller.signal);
    setTimeout(() => controller.abort(), 10);
    expect((await rejection(waiting)).code).to.equal('aborted');
    expect(Date.now() - started).to.be.lessThan(2000);
    await sleep(5); // without a signal it simply waits
  });

  it('backoff doubles its ceiling per attempt up to the maximum, with full jitter', () => {
    const top = () => 0.999999;
    expect(backoff(0, { random: top })).to.equal(299);
    expect(backoff(2, { random: top })).to.equal(1199);
    expect(backoff(10, { random: top })).to.equal(7999);
    expect(backoff(3, { random: () => 0 })).to.equal(0);
    expect(backoff(1, { baseMs: 100, maxMs: 150, random: top })).to.equal(149);
  });

  it('endpointUrl accepts http(s) only, resolved against the page', () => {
    expect(endpointUrl(' https://civic.example/api ', 'rest')).to.equal('https://civic.example/api');
    expect(endpointUrl('/api', 'rest')).to.equal(new URL('/api', location.href).href);
    const bad = (v: string | undefined) => {
      try {
        endpointUrl(v, 'rest');
      } catch (e) {
        return e as CivicError;
      }
      throw new Error('expected a throw');
    };
    expect(bad(undefined).message).to.equal('adapter="rest" needs an endpoint="https://…" attribute');
    expect(bad('javascript:alert(1)').code).to.equal('misconfigured');
    expect(bad('http://[x').message).to.contain('is not a URL');
  });
});
