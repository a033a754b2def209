import { expect } from '@open-wc/testing';
import { CivicError } from './errors.js';
import { retryDelay } from './controllers/write.js';
import { Outbox, voterHash } from './outbox.js';

describe('Outbox', () => {
  const key = `civic-test-outbox-${Math.random()}`;
  afterEach(() => localStorage.removeItem(key));

  it('keeps queued writes across instances (a reload) and delivers each once', async () => {
    new Outbox(key).put({ key: 'k1', kind: 'vote', target: 'p1', payload: { choices: ['a'] } });
    new Outbox(key).put({ key: 'k2', kind: 'vote', target: 'p2', payload: { choices: ['b'] } });
    const after = new Outbox(key);
    expect(after.list({ target: 'p1' }).map((e) => e.key)).to.deep.equal(['k1']);
    const sent: string[] = [];
    const first = after.flush({ kind: 'vote' }, async (e) => void sent.push(e.key));
    const second = after.flush({ kind: 'vote' }, async (e) => void sent.push(e.key)); // a second element at once
    await Promise.all([first, second]);
    expect(sent.sort()).to.deep.equal(['k1', 'k2']);
    expect(after.list()).to.deep.equal([]);
    expect(localStorage.getItem(key)).to.equal(null);
  });

  it('keeps an entry after a retryable failure and drops it, reported, after a final one', async () => {
    const box = new Outbox(key);
    box.put({ key: 'net', kind: 'vote', target: 'p', payload: 1 });
    box.put({ key: 'closed', kind: 'vote', target: 'p', payload: 2 });
    const r = await box.flush({}, async (e) => {
      throw new CivicError(e.key === 'net' ? 'network' : 'closed', 'no');
    });
    expect(r.delivered).to.deep.equal([]);
    expect(r.failed.map((f) => [f.entry.key, f.error.code])).to.deep.equal([['closed', 'closed']]);
    expect(box.list().map((e) => [e.key, e.attempts])).to.deep.equal([['net', 1]]);
  });

  it('works, for the page, where storage is blocked', () => {
    const blocked = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('blocked');
      },
      removeItem: () => {
        throw new Error('blocked');
      },
    };
    const box = new Outbox(`${key}-blocked`, blocked);
    expect(box.persistent).to.equal(false);
    box.put({ key: 'x', kind: 'signup', target: 'form', payload: {} });
    expect(box.list().map((e) => e.key)).to.deep.equal(['x']);
  });
});

describe('Outbox: what the browser keeps', () => {
  const key = `civic-test-outbox-keep-${Math.random()}`;
  afterEach(() => localStorage.removeItem(key));
  const HOUR = 3_600_000;

  it('drops an entry past its expiry, from storage too', () => {
    const box = new Outbox(key);
    box.put({ key: 'old', kind: 'vote', target: 'p', payload: 1, expiresAt: new Date(Date.now() - 1).toISOString() });
    box.put({
      key: 'new',
      kind: 'vote',
      target: 'p',
      payload: 2,
      expiresAt: new Date(Date.now() + HOUR).toISOString(),
    });
    expect(box.list().map((e) => e.key)).to.deep.equal(['new']);
    expect(localStorage.getItem(key)).not.to.contain('"old"');
  });

  it('gives entries queued with no expiry 24 hours for a sign-up and 7 days for the rest', () => {
    const box = new Outbox(key);
    const ago = (h: number) => new Date(Date.now() - h * HOUR).toISOString();
    box.put({ key: 's1', kind: 'signup', target: 's', payload: {}, queuedAt: ago(23) });
    box.put({ key: 's2', kind: 'signup', target: 's', payload: {}, queuedAt: ago(25) });
    box.put({ key: 'v1', kind: 'vote', target: 'p', payload: {}, queuedAt: ago(25) });
    box.put({ key: 'v2', kind: 'vote', target: 'p', payload: {}, queuedAt: ago(7 * 24 + 1) });
    expect(box.list().map((e) => e.key)).to.deep.equal(['s1', 'v1']);
  });

  it('matches entries by a hash of the voter token, and replaces a raw token queued earlier by its hash', () => {
    localStorage.setItem(
      key,
      JSON.stringify([
        {
          key: 'a',
          kind: 'vote',
          target: 'p',
          payload: { ballot: { choices: ['x'] }, voter: 'token-a' },
          queuedAt: new Date().toISOString(),
          attempts: 0,
        },
      ]),
    );
    const box = new Outbox(key);
    box.put({ key: 'b', kind: 'vote', target: 'p', payload: {}, voter: voterHash('token-b') });
    expect(box.list({ voter: voterHash('token-a') }).map((e) => e.key)).to.deep.equal(['a']);
    expect(box.list({ voter: voterHash('token-b') }).map((e) => e.key)).to.deep.equal(['b']);
    expect(box.list({ voter: voterHash(undefined) })).to.deep.equal([]);
    expect(localStorage.getItem(key)).not.to.contain('token-a');
    expect(voterHash('token-a')).to.match(/^[0-9a-f]{14}$/);
    expect(voterHash('token-a')).not.to.equal(voterHash('token-b'));
  });

  it('shares the page copy of a blocked queue between every Outbox over that key', () => {
    const blocked = () => {
      throw new Error('blocked');
    };
    const storage = { getItem: blocked, setItem: blocked, removeItem: blocked };
    new Outbox(`${key}-shared`, storage).put({ key: 'x', kind: 'signup', target: 's', payload: {} });
    expect(new Outbox(`${key}-shared`, storage).list().map((e) => e.key)).to.deep.equal(['x']);
    expect(Outbox.for(`${key}-for`)).to.equal(Outbox.for(`${key}-for`));
  });
});

describe('retryDelay', () => {
  it('waits a few seconds at first, doubles with jitter, and never more than a minute', () => {
    expect(retryDelay(0, 0)).to.equal(2000);
    expect(retryDelay(0, 1)).to.equal(4000);
    expect(retryDelay(1, 1)).to.equal(8000);
    expect(retryDelay(10, 0)).to.equal(30_000);
    expect(retryDelay(10, 1)).to.equal(60_000);
    // Two failures while online: sent again by itself well within a minute.
    expect(retryDelay(0, 1) + retryDelay(1, 1)).to.be.below(60_000);
  });
});
