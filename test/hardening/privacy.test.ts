/**
 * Privacy by default:
 * - an embed with the memory adapter and no tile source makes no request to any host but the page's
 *   own (every request the browser makes is recorded through the test runner, not reported by the
 *   page), both as a plain HTML page with the CDN bundle and with every harness state rendered;
 * - nothing registers a service worker, sets a cookie or opens IndexedDB;
 * - after a confirmed sign-up, no name, email or message is left in page storage (the memory adapter
 *   with `persist`, the outbox once delivered, and every element with a sign-up in the harness).
 */
import { Outbox } from '@civic-kit/core';
import { expect } from '@open-wc/testing';
import { startRecordingRequests, stopRecordingRequests } from './commands.js';
import { harnessData } from './data.js';
import { loadFrame } from './frame.js';
import { HARNESSES } from './registry.js';
import { context, kit, stage } from './suite.js';

const person = {
  name: 'Ada Privacy-Probe',
  email: 'ada.privacy-probe@example.org',
  message: 'A private note about my street',
};

/** Everything in page storage (local, session, cookies), as one string to search. */
function storageDump(): string {
  const dump = (s: Storage) =>
    Array.from({ length: s.length }, (_, i) => s.key(i)!)
      .map((k) => `${k}=${s.getItem(k)}`)
      .join('\n');
  return [dump(localStorage), dump(sessionStorage), document.cookie].join('\n');
}

const leaks = (dump: string) =>
  [person.name, person.email, person.message, 'privacy-probe'].filter((s) =>
    dump.toLowerCase().includes(s.toLowerCase()),
  );

const foreign = (urls: string[]) =>
  urls.filter((u) => {
    if (/^(data|blob|about):/.test(u)) return false;
    return new URL(u).origin !== location.origin;
  });

describe('privacy by default', function () {
  this.timeout(30_000);
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('a plain-HTML embed (CDN bundle, memory adapter, no tile source) requests nothing from another host', async function () {
    const started = await startRecordingRequests();
    if (!started.supported) this.skip();
    const frame = await loadFrame('/test/fixtures/privacy/embed.html');
    const doc = frame.contentDocument!;
    const start = Date.now();
    while (!doc.querySelector('civic-initiative-card')?.shadowRoot?.querySelector('[part="title"]')) {
      if (Date.now() - start > 8000) throw new Error('the embed never rendered');
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, 1000));
    const { urls = [] } = await stopRecordingRequests();
    expect(
      urls.some((u) => u.includes('/cdn/civic-kit.js')),
      'the recorder saw the bundle load',
    ).to.equal(true);
    expect(foreign(urls)).to.deep.equal([]);
    // The page reports the same (a second, independent witness).
    const seen = frame.contentWindow!.performance.getEntriesByType('resource').map((e) => e.name);
    expect(foreign(seen)).to.deep.equal([]);
  });

  it('every element in every state requests nothing from another host', async function () {
    const started = await startRecordingRequests();
    if (!started.supported) this.skip();
    const st = await stage();
    await new Promise((r) => setTimeout(r, 500));
    const { urls = [] } = await stopRecordingRequests();
    st.remove();
    expect([...st.failures.entries()]).to.deep.equal([]);
    expect(urls.length, 'requests were recorded').to.be.greaterThan(0);
    expect(foreign(urls)).to.deep.equal([]);
  });

  it('sets no cookie, registers no service worker and opens no IndexedDB database', async () => {
    const st = await stage();
    st.remove();
    expect(document.cookie).to.equal('');
    if ('serviceWorker' in navigator) expect(await navigator.serviceWorker.getRegistrations()).to.have.length(0);
    if ('databases' in indexedDB) expect(await indexedDB.databases()).to.deep.equal([]);
  });

  it('the memory adapter keeps no name, email or message of a confirmed sign-up (persist on)', async () => {
    const adapter = new kit.MemoryAdapter({ data: harnessData(context()), persist: 'civic-privacy' });
    const matches = await adapter.findOthers(
      {
        ...person,
        place: { text: 'bs5', precision: 'area' },
        radiusKm: 5,
        interests: ['repair'],
        consent: [
          {
            purpose: 'contact',
            text: 'You may tell organisers near me that I want to help.',
            version: '1',
            timestamp: new Date().toISOString(),
            locale: 'en',
          },
        ],
      },
      { idempotencyKey: 'privacy-1' },
    );
    expect(matches.nearbyCount).to.be.at.least(0);
    const dump = storageDump();
    expect(dump, 'something was persisted').to.contain('civic-privacy');
    expect(leaks(dump)).to.deep.equal([]);
  });

  it('the outbox holds a queued sign-up only until the server confirms it', async () => {
    const outbox = new Outbox('civic-privacy-outbox');
    outbox.put({ key: 'k1', kind: 'signup', target: 'find-others', payload: person });
    expect(leaks(storageDump()), 'queued while unconfirmed (the check can see it)').to.have.length.greaterThan(0);
    const { delivered } = await outbox.flush({ kind: 'signup' }, async () => undefined);
    expect(delivered).to.have.length(1);
    expect(leaks(storageDump())).to.deep.equal([]);
  });

  for (const harness of HARNESSES.filter((h) => h.signUp)) {
    it(`<${harness.tag}> leaves no name, email or message in storage after a confirmed sign-up`, async function () {
      if (!customElements.get(harness.tag)) this.skip();
      const b = await harness.signUp!(context(), person);
      try {
        expect(leaks(storageDump())).to.deep.equal([]);
      } finally {
        b.root.remove();
      }
    });
  }
});
