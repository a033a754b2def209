import { expect } from '@open-wc/testing';
import { CivicError } from './errors.js';
import { Outbox } from './outbox.js';

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
    const box = new Outbox(key, blocked);
    expect(box.persistent).to.equal(false);
    box.put({ key: 'x', kind: 'signup', target: 'form', payload: {} });
    expect(box.list().map((e) => e.key)).to.deep.equal(['x']);
  });
});
