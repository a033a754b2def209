/**
 * Kill the server mid-vote and restart it: the queued vote arrives exactly once — through
 * `<civic-poll>` itself, and through the core `Outbox` it keeps writes in. The server runs in a child
 * process with a SQLite file, so the kill is a real SIGKILL.
 */
import { RestAdapter } from '@civic-kit/adapters/rest';
import { Outbox, type Ballot, type ChangeEvent } from '@civic-kit/core';
import '@civic-kit/elements/define/civic-poll.js';
import '@civic-kit/elements/define/civic-provider.js';
import type { CivicPoll } from '@civic-kit/elements';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { killProcess, killProcessWhenHeld, restartProcess, startProcess, voterTokens } from './rest-server.js';

const FIXTURE = {
  polls: [
    {
      id: 'restart',
      question: 'Shall we meet on Sunday?',
      kind: 'single',
      status: 'open',
      options: [
        { id: 'yes', label: 'Yes' },
        { id: 'no', label: 'No' },
      ],
    },
  ],
};

describe('a vote while the server is killed and restarted', function () {
  this.timeout(40_000);

  const storage = new Map<string, string>();
  const memory = {
    getItem: (k: string) => storage.get(k) ?? null,
    setItem: (k: string, v: string) => void storage.set(k, v),
    removeItem: (k: string) => void storage.delete(k),
  };

  it('through <civic-poll>: the vote the killed server never answered waits and is sent once after the restart', async () => {
    const [voter] = await voterTokens('restart-element');
    const server = await startProcess(FIXTURE, { holdWrites: true });
    const adapter = new RestAdapter({ endpoint: server.url, retries: 0, timeoutMs: 20_000 });
    const outbox = new Outbox('civic-kit:test-restart-element', memory);
    const provider = await fixture<HTMLElement>(
      html`<civic-provider .adapter=${adapter} voter-token=${voter!}>
        <civic-poll poll-id="restart" heading-level="2" .outbox=${outbox}></civic-poll>
      </civic-provider>`,
    );
    const el = provider.querySelector<CivicPoll>('civic-poll')!;
    const $ = (selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
    await waitUntil(() => $('.choice label'), 'the poll never loaded', { timeout: 10_000 });
    [...el.shadowRoot!.querySelectorAll<HTMLLabelElement>('.choice label')]
      .find((l) => l.textContent?.trim() === 'Yes')!
      .click();
    $('[part~="vote-button"]')!.click();

    const { held } = await killProcessWhenHeld(server.id);
    expect(held, 'the vote was committed before the kill').to.equal(true);
    await waitUntil(() => outbox.list({ kind: 'vote' }).length === 1, 'the element did not keep the vote', {
      timeout: 10_000,
    });
    await el.updateComplete;
    expect(el.shadowRoot!.textContent, 'tells the voter it will be sent').to.match(/will be sent/i);

    await restartProcess(server.id);
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => outbox.list({ kind: 'vote' }).length === 0, 'the queued vote was not sent', {
      timeout: 15_000,
    });
    window.dispatchEvent(new Event('online')); // nothing left to send twice
    await new Promise((r) => setTimeout(r, 300));
    const poll = await adapter.getPoll('restart', { voter });
    expect(poll.results?.voters, 'counted once').to.equal(1);
    expect(poll.results?.counts).to.deep.equal({ yes: 1, no: 0 });
    expect(poll.myBallot?.choices).to.deep.equal(['yes']);
    adapter.dispose();
    await killProcess(server.id);
  });

  it('arrives exactly once when the server died after committing it but before answering', async () => {
    const [voter] = await voterTokens('restart-a');
    const server = await startProcess(FIXTURE, { holdWrites: true });
    const adapter = new RestAdapter({ endpoint: server.url, retries: 0, timeoutMs: 20_000 });
    const outbox = new Outbox('civic-kit:test-restart-1', memory);
    outbox.put<Ballot>({ key: 'restart-vote-1', kind: 'vote', target: 'restart', payload: { choices: ['yes'] } });
    const send = (entry: { key: string; target: string; payload: Ballot }) =>
      adapter.vote(entry.target, entry.payload, { idempotencyKey: entry.key, voter }).then(() => undefined);

    const first = outbox.flush<Ballot>({ kind: 'vote' }, send);
    const { held } = await killProcessWhenHeld(server.id);
    expect(held, 'the vote was committed before the kill').to.equal(true);
    const failed = await first;
    expect(failed.delivered).to.have.length(0);
    expect(outbox.list({ kind: 'vote' }), 'still queued').to.have.length(1);

    await restartProcess(server.id);
    const second = await outbox.flush<Ballot>({ kind: 'vote' }, send);
    expect(second.delivered).to.have.length(1);
    expect(outbox.list({ kind: 'vote' })).to.have.length(0);
    const poll = await adapter.getPoll('restart');
    expect(poll.results?.voters).to.equal(1);
    expect(poll.results?.counts).to.deep.equal({ yes: 1, no: 0 });
    await killProcess(server.id);
  });

  it('arrives exactly once when the server was down when it was sent, and live updates resume', async () => {
    const [voter, other] = await voterTokens('restart-b', 'restart-c');
    const server = await startProcess(FIXTURE);
    const adapter = new RestAdapter({ endpoint: server.url, retries: 1, retryBaseMs: 50, timeoutMs: 3000 });
    const seen: ChangeEvent[] = [];
    const stop = adapter.subscribe({ kind: 'poll', id: 'restart' }, (e) => seen.push(e));
    const outbox = new Outbox('civic-kit:test-restart-2', memory);
    outbox.put<Ballot>({ key: 'restart-vote-2', kind: 'vote', target: 'restart', payload: { choices: ['no'] } });
    const send = (entry: { key: string; target: string; payload: Ballot }) =>
      adapter.vote(entry.target, entry.payload, { idempotencyKey: entry.key, voter }).then(() => undefined);

    await killProcess(server.id);
    const offline = await outbox.flush<Ballot>({ kind: 'vote' }, send);
    expect(offline.delivered).to.have.length(0);
    expect(offline.failed).to.have.length(0);

    await restartProcess(server.id);
    const online = await outbox.flush<Ballot>({ kind: 'vote' }, send);
    expect(online.delivered).to.have.length(1);
    await outbox.flush<Ballot>({ kind: 'vote' }, send); // nothing left to send twice
    await adapter.vote('restart', { choices: ['yes'] }, { idempotencyKey: 'restart-vote-3', voter: other });
    await waitUntil(
      () => seen.some((e) => e.kind === 'poll' && e.poll.results?.voters === 2),
      'live updates did not resume after the restart',
      { timeout: 15_000 },
    );
    const poll = await adapter.getPoll('restart');
    expect(poll.results?.counts).to.deep.equal({ yes: 1, no: 1 });
    stop();
    adapter.dispose();
    await killProcess(server.id);
  });
});
