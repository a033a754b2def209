/**
 * Federation with real parts: two reference servers started as two processes (`civic-server serve`)
 * federate over HTTP on loopback, and a Mastodon-shaped account served by this test votes with a
 * signed `Create(Note)` — the activity of Mastodon's own vote serializer as Pleroma keeps it
 * (test/fixtures/fediverse/, see SOURCES.md there), with only its addresses moved to this test's.
 * Runs on SQLite, and on PostgreSQL when DATABASE_URL names one (each server in its own schema).
 */
import { generateCryptoKeyPair, exportSpki, signRequest } from '@fedify/fedify';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createAdminToken } from '../src/admin/tokens.js';
import { openDatabase } from '../src/db/db.js';
import { migrate } from '../src/db/migrate.js';
import { startTestServer } from '../src/testing.js';
import { DATABASES, send } from './helpers.js';

const CLI = new URL('../src/cli.ts', import.meta.url).pathname;
const MASTODON_VOTE = readFileSync(new URL('./fixtures/fediverse/mastodon-vote.json', import.meta.url), 'utf8');

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });

/** Ask `check` again every 200 ms until it returns something, for up to `ms`. */
async function eventually<T>(what: string, check: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const found = await check();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error(`Not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

interface Community {
  name: string;
  url: string;
  actor: string;
  token: string;
  child: ChildProcess;
  /** The environment it runs with (the command line uses the same). */
  env: Record<string, string>;
}

/** `civic-server <args>` against a community's database, as its organisers would run it. */
const cli = (c: Community, args: string[]) =>
  new Promise<{ code: number | null; output: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', CLI, ...args],
      { env: { ...process.env, ...c.env } },
      (error, stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, output: stdout + stderr }),
    );
  });

async function startCommunity(
  handle: string,
  name: string,
  database: { url: string; schema?: string },
): Promise<Community> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {
    HOST: '127.0.0.1',
    PORT: String(port),
    CIVIC_PUBLIC_URL: url,
    CIVIC_COMMUNITY: handle,
    CIVIC_COMMUNITY_NAME: name,
    CIVIC_FEDERATION_ALLOW_PRIVATE_ADDRESSES: '1',
    DATABASE_URL: database.url.startsWith('postgres') ? database.url : '',
    CIVIC_SQLITE_PATH: database.url.startsWith('postgres') ? '' : database.url,
    CIVIC_DATABASE_SCHEMA: database.schema ?? '',
  };
  // The admin token is made in the database first, as `civic-server admin-token create` does.
  const db = await openDatabase({ url: database.url, schema: database.schema });
  await migrate(db);
  const { token } = await createAdminToken(db, { name: 'Test organiser', role: 'organiser' }, new Date());
  await db.close();
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve'], {
    env: { ...process.env, ...env },
    stdio: 'pipe',
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${handle} did not start:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Civic Kit server on')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${handle} exited (${code}):\n${output}`));
    });
  });
  child.stdout.on('data', (chunk: Buffer) => process.env.CIVIC_TEST_VERBOSE && process.stdout.write(chunk));
  child.stderr.on('data', (chunk: Buffer) => process.stderr.write(`[${handle}] ${chunk.toString()}`));
  // Followed by its actor's address: WebFinger (`@square@host`) is looked up over https only.
  return { name, url, actor: `${url}/ap/communities/${handle}`, token, child, env };
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.removeAllListeners('exit');
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

const admin = (c: Community) => ({ Authorization: `Bearer ${c.token}` });

/** A Mastodon-like account on loopback: its actor document with an RSA key, and a way to sign. */
async function mastodonAccount() {
  const keys = await generateCryptoKeyPair('RSASSA-PKCS1-v1_5');
  const pem = await exportSpki(keys.publicKey);
  let base = '';
  const server: Server = createServer((req, res) => {
    const actor = `${base}/users/rinpatch`;
    if (req.url === '/users/rinpatch') {
      res.writeHead(200, { 'Content-Type': 'application/activity+json' });
      res.end(
        JSON.stringify({
          '@context': ['https://www.w3.org/ns/activitystreams', 'https://w3id.org/security/v1'],
          id: actor,
          type: 'Person',
          preferredUsername: 'rinpatch',
          inbox: `${actor}/inbox`,
          publicKey: { id: `${actor}#main-key`, owner: actor, publicKeyPem: pem },
        }),
      );
      return;
    }
    res.writeHead(req.method === 'POST' ? 202 : 404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const actor = `${base}/users/rinpatch`;
  /** Mastodon's vote activity, its addresses moved here, replying to `poll` with `option`. */
  const vote = (poll: string, option: string, to: string, id = `${actor}#votes/387`) => {
    const activity = JSON.parse(
      MASTODON_VOTE.replaceAll('https://mastodon.sdf.org/users/rinpatch', actor)
        .replaceAll('https://testing.uguu.ltd/users/rin', to)
        .replaceAll('https://testing.uguu.ltd/objects/9d300947-2dcb-445d-8978-9a3b4b84fa14', poll),
    ) as Record<string, unknown> & { object: Record<string, unknown> };
    activity.object.name = option;
    activity.id = `${id}/activity`;
    activity.object.id = id;
    return activity;
  };
  const deliver = async (inbox: string, activity: unknown, sign: 'signed' | 'unsigned' | 'wrong key' = 'signed') => {
    const request = new Request(inbox, {
      method: 'POST',
      headers: { 'Content-Type': 'application/activity+json', Accept: 'application/activity+json' },
      body: JSON.stringify(activity),
    });
    let signed = request;
    if (sign === 'signed') signed = await signRequest(request, keys.privateKey, new URL(`${actor}#main-key`));
    if (sign === 'wrong key') {
      const other = await generateCryptoKeyPair('RSASSA-PKCS1-v1_5');
      signed = await signRequest(request, other.privateKey, new URL(`${actor}#main-key`));
    }
    return fetch(signed);
  };
  return { actor, vote, deliver, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const MOBILIZON = new URL('../../../test/fixtures/real/mobilizon/', import.meta.url);

/**
 * A Mobilizon group on loopback: Mobilizon's own group and event documents (test/fixtures/real/mobilizon/,
 * see SOURCES.md there), their hosts moved here and the group's key replaced by this test's.
 */
async function mobilizonGroup() {
  const keys = await generateCryptoKeyPair('RSASSA-PKCS1-v1_5');
  const pem = await exportSpki(keys.publicKey);
  let base = '';
  const moved = (file: string) =>
    JSON.parse(
      readFileSync(new URL(file, MOBILIZON), 'utf8')
        .replaceAll('https://mobilizon.fr', base)
        .replaceAll('https://rendezvous.nomagic.uk', base),
    ) as Record<string, unknown>;
  const server: Server = createServer((req, res) => {
    const group = moved('group.json');
    (group.publicKey as Record<string, unknown>).publicKeyPem = pem;
    const docs: Record<string, unknown> = {
      '/@contribateliers': group,
      '/@contribateliers/outbox': {
        '@context': 'https://www.w3.org/ns/activitystreams',
        id: `${base}/@contribateliers/outbox`,
        type: 'OrderedCollection',
        totalItems: 0,
        orderedItems: [],
      },
      '/events/b81c0531-a57c-497d-93ba-af0f8b255498': moved('event.json'),
    };
    const doc = req.method === 'GET' ? docs[req.url ?? ''] : undefined;
    if (doc) {
      res.writeHead(200, { 'Content-Type': 'application/activity+json' });
      res.end(JSON.stringify(doc));
      return;
    }
    res.writeHead(req.method === 'POST' ? 202 : 404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const actor = `${base}/@contribateliers`;
  /** The event, as the group announces it to its followers: a signed `Create`. */
  const deliverEvent = async (inbox: string) => {
    const event = moved('event.json');
    const request = new Request(inbox, {
      method: 'POST',
      headers: { 'Content-Type': 'application/activity+json' },
      body: JSON.stringify({
        '@context': event['@context'],
        id: `${event.id as string}/activity`,
        type: 'Create',
        actor,
        to: ['https://www.w3.org/ns/activitystreams#Public'],
        object: event,
      }),
    });
    return fetch(await signRequest(request, keys.privateKey, new URL(`${actor}#main-key`)));
  };
  return { actor, deliverEvent, close: () => new Promise<void>((r) => server.close(() => r())) };
}

for (const database of DATABASES) {
  describe(`federation between two servers (${database.name})`, () => {
    let dir: string;
    let a: Community;
    let b: Community;
    let mastodon: Awaited<ReturnType<typeof mastodonAccount>>;

    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'civic-federation-'));
      const run = randomUUID().slice(0, 8);
      const where = (name: string) =>
        database.url === 'sqlite' || !database.url
          ? { url: join(dir, `${name}.sqlite`) }
          : { url: database.url, schema: `federation_${name}_${run}` };
      [a, b] = await Promise.all([
        startCommunity('town', 'Transition Town A', where('a')),
        startCommunity('square', 'Civic Square B', where('b')),
      ]);
      mastodon = await mastodonAccount();
    });
    after(async () => {
      await Promise.all([a && stop(a.child), b && stop(b.child), mastodon?.close()]);
      await rm(dir, { recursive: true, force: true });
    });

    it('A follows B, and an initiative created on B appears in A’s list within seconds, with source B', async () => {
      const followed = await send(`${a.url}/admin/api/follows`, { headers: admin(a), body: { target: b.actor } });
      assert.equal(followed.status, 201, JSON.stringify(followed.body));
      assert.equal(followed.body.actor, `${b.url}/ap/communities/square`);

      // B hears of the follower (its followers collection counts it).
      await eventually('B lists A among its followers', async () => {
        const res = await fetch(`${b.url}/ap/communities/square/followers`, {
          headers: { Accept: 'application/activity+json' },
        });
        const body = (await res.json()) as { totalItems?: number };
        return body.totalItems === 1 ? true : undefined;
      });

      const created = await send(`${b.url}/admin/api/initiatives`, {
        headers: admin(b),
        body: {
          id: 'repair-cafe',
          title: 'Repair café in the old library',
          summary: 'Bring what is broken; we fix it together.',
          status: 'active',
          tags: ['repair', 'circular-economy'],
          place: { lat: 50.8503, lng: 4.3517, address: 'Old library, Main Street 1' },
          startsAt: '2031-05-10T14:00:00Z',
          endsAt: '2031-05-10T17:00:00Z',
          supporters: { count: 0, goal: 20 },
        },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));

      const item = await eventually('the repair café in A’s list', async () => {
        const list = await send(`${a.url}/initiatives?source=followed`);
        const items = list.body.items as Record<string, unknown>[];
        return items.find((i) => i.title === 'Repair café in the old library');
      });
      assert.equal(item.id, `${b.url}/ap/initiatives/repair-cafe`);
      assert.deepEqual(item.source, { name: 'Civic Square B', url: `${b.url}/` });
      assert.deepEqual(item.place, {
        lat: 50.8503,
        lng: 4.3517,
        address: 'Old library, Main Street 1',
        precision: 'exact',
      });
      assert.equal(item.startsAt, '2031-05-10T14:00:00Z');
      assert.deepEqual(item.tags, ['repair', 'circular-economy']);
      assert.deepEqual(item.supporters, { count: 0, goal: 20 });
      // A's own list without followed items does not have it.
      const local = await send(`${a.url}/initiatives?source=local`);
      assert.equal((local.body.items as unknown[]).length, 0);
    });

    it('an update on B reaches A', async () => {
      const current = await send(`${b.url}/admin/api/initiatives/repair-cafe`, { headers: admin(b) });
      const initiative = current.body.initiative as Record<string, unknown>;
      const updated = await send(`${b.url}/admin/api/initiatives/repair-cafe`, {
        method: 'PUT',
        headers: { ...admin(b), 'If-Match': current.headers.get('etag')! },
        body: { ...initiative, title: 'Repair café, now in the town hall' },
      });
      assert.equal(updated.status, 200, JSON.stringify(updated.body));
      await eventually('the new title on A', async () => {
        const list = await send(`${a.url}/initiatives?source=followed`);
        const items = list.body.items as Record<string, unknown>[];
        return items.some((i) => i.title === 'Repair café, now in the town hall') ? true : undefined;
      });
    });

    it('a delete on B reaches A', async () => {
      const created = await send(`${b.url}/admin/api/initiatives`, {
        headers: admin(b),
        body: { id: 'litter-pick', title: 'Litter pick by the river', status: 'active' },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const titles = async () =>
        ((await send(`${a.url}/initiatives?source=followed`)).body.items as { title: string }[]).map((i) => i.title);
      await eventually('the litter pick on A', async () =>
        (await titles()).includes('Litter pick by the river') ? true : undefined,
      );
      const deleted = await fetch(`${b.url}/admin/api/initiatives/litter-pick`, {
        method: 'DELETE',
        headers: { ...admin(b), 'If-Match': created.headers.get('etag')! },
      });
      assert.equal(deleted.status, 204);
      await eventually('the litter pick gone from A', async () =>
        (await titles()).includes('Litter pick by the river') ? undefined : true,
      );
      assert.deepEqual(await titles(), ['Repair café, now in the town hall']);
    });

    it('an initiative hidden on B leaves A, and comes back when shown again', async () => {
      const titles = async () =>
        ((await send(`${a.url}/initiatives?source=followed`)).body.items as { title: string }[]).map((i) => i.title);
      const current = await send(`${b.url}/admin/api/initiatives/repair-cafe`, { headers: admin(b) });
      const hidden = await send(`${b.url}/admin/api/initiatives/repair-cafe/hide`, {
        headers: { ...admin(b), 'If-Match': current.headers.get('etag')! },
        raw: '',
      });
      assert.equal(hidden.status, 200, JSON.stringify(hidden.body));
      await eventually('the hidden initiative gone from A', async () =>
        (await titles()).length === 0 ? true : undefined,
      );
      const shown = await send(`${b.url}/admin/api/initiatives/repair-cafe/unhide`, {
        headers: { ...admin(b), 'If-Match': hidden.headers.get('etag')! },
        raw: '',
      });
      assert.equal(shown.status, 200, JSON.stringify(shown.body));
      await eventually('the initiative back on A', async () =>
        (await titles()).includes('Repair café, now in the town hall') ? true : undefined,
      );
    });

    it('a poll on A counts a signed Mastodon vote once, even delivered three times', async () => {
      const poll = await send(`${a.url}/admin/api/polls`, {
        headers: admin(a),
        body: {
          id: 'bench-colour',
          question: 'Which colour for the new benches?',
          kind: 'single',
          options: [
            { id: 'green', label: 'Green' },
            { id: 'blue', label: 'Blue' },
          ],
          resultsVisibility: 'always',
        },
      });
      assert.equal(poll.status, 201, JSON.stringify(poll.body));
      const question = `${a.url}/ap/polls/bench-colour`;
      const asQuestion = (await (await fetch(question)).json()) as Record<string, unknown>;
      assert.equal(asQuestion.type, 'Question');
      assert.deepEqual(
        (asQuestion.oneOf as { name: string }[]).map((o) => o.name),
        ['Green', 'Blue'],
      );

      const inbox = `${a.url}/ap/communities/town/inbox`;
      const vote = mastodon.vote(question, 'Blue', `${a.url}/ap/communities/town`);
      for (let i = 0; i < 3; i++) {
        const res = await mastodon.deliver(inbox, vote);
        assert.ok(res.status === 202 || res.status === 200, `delivery ${i + 1}: ${res.status} ${await res.text()}`);
      }
      // The same vote under another activity id (a server that lost its own record of sending it).
      const again = await mastodon.deliver(
        inbox,
        mastodon.vote(question, 'Blue', `${a.url}/ap/communities/town`, `${mastodon.actor}#votes/388`),
      );
      assert.equal(again.status, 202);

      const results = await eventually('the vote counted', async () => {
        const p = await send(`${a.url}/polls/bench-colour`);
        const r = p.body.results as { counts: Record<string, number>; voters: number };
        return r.voters > 0 ? r : undefined;
      });
      // Give the later deliveries time to be handled too, then count.
      await new Promise((r) => setTimeout(r, 1500));
      const final = (await send(`${a.url}/polls/bench-colour`)).body.results;
      assert.deepEqual(results.counts, { green: 0, blue: 1 });
      assert.deepEqual(final, { counts: { green: 0, blue: 1 }, voters: 1 });
    });

    it('refuses an unsigned or wrongly signed activity with 401, and one too large with 413; stores nothing', async () => {
      const question = `${a.url}/ap/polls/bench-colour`;
      const inbox = `${a.url}/ap/communities/town/inbox`;
      const forged = mastodon.vote(question, 'Green', `${a.url}/ap/communities/town`, `${mastodon.actor}#votes/999`);
      assert.equal((await mastodon.deliver(inbox, forged, 'unsigned')).status, 401);
      assert.equal((await mastodon.deliver(inbox, forged, 'wrong key')).status, 401);
      // Larger than the inbox takes (256 KiB by default), signed or not: refused before it is read.
      const huge = { ...forged, content: 'x'.repeat(300 * 1024) };
      assert.equal((await mastodon.deliver(inbox, huge)).status, 413);
      await new Promise((r) => setTimeout(r, 1000));
      assert.deepEqual((await send(`${a.url}/polls/bench-colour`)).body.results, {
        counts: { green: 0, blue: 1 },
        voters: 1,
      });
    });

    it('A follows a Mobilizon group; its event delivered as a signed Create joins A’s list', async () => {
      const group = await mobilizonGroup();
      try {
        const followed = await send(`${a.url}/admin/api/follows`, { headers: admin(a), body: { target: group.actor } });
        assert.equal(followed.status, 201, JSON.stringify(followed.body));
        assert.equal(followed.body.name, 'Contribateliers');
        const delivered = await group.deliverEvent(`${a.url}/ap/inbox`);
        assert.equal(delivered.status, 202);
        const event = await eventually('the Mobilizon event on A', async () => {
          const list = await send(`${a.url}/initiatives?source=${encodeURIComponent(group.actor)}`);
          return (list.body.items as Record<string, unknown>[])[0];
        });
        assert.equal(event.title, 'Caledonian scottish dance class');
        assert.deepEqual(event.place, {
          lat: 50.66881615,
          lng: -3.537739788359949,
          address: 'The Kenn Centre, Devon Expressway, EX6 7TW, Teignbridge, England, United Kingdom',
          precision: 'exact',
        });
        assert.deepEqual(event.tags, ['Dance', 'Caledonian', 'Lesson']);
        assert.equal((event.source as { name: string }).name, 'Contribateliers');
        // Unfollowing it takes its event away again; B's stay.
        const gone = await fetch(`${a.url}/admin/api/follows?target=${encodeURIComponent(group.actor)}`, {
          method: 'DELETE',
          headers: admin(a),
        });
        assert.equal(gone.status, 204);
        const left = await send(`${a.url}/initiatives?source=followed`);
        assert.deepEqual(
          (left.body.items as { title: string }[]).map((i) => i.title),
          ['Repair café, now in the town hall'],
        );
      } finally {
        await group.close();
      }
    });

    it('unfollow removes B’s items from A', async () => {
      const res = await fetch(`${a.url}/admin/api/follows?target=${encodeURIComponent(b.actor)}`, {
        method: 'DELETE',
        headers: admin(a),
      });
      assert.equal(res.status, 204);
      const list = await send(`${a.url}/initiatives`);
      assert.deepEqual(list.body.items, []);
    });

    it('block removes what was followed there and refuses its deliveries', async () => {
      // Followed again from the command line this time.
      const followed = await cli(a, ['follow', b.actor]);
      assert.equal(followed.code, 0, followed.output);
      assert.match(followed.output, /Following Civic Square B/);
      await eventually('B’s initiative back on A', async () => {
        const list = await send(`${a.url}/initiatives?source=followed`);
        return (list.body.items as unknown[]).length === 1 ? true : undefined;
      });
      const blocked = await send(`${a.url}/admin/api/blocks`, { headers: admin(a), body: { domain: '127.0.0.1' } });
      assert.equal(blocked.status, 201, JSON.stringify(blocked.body));
      assert.equal(blocked.body.unfollowed, 1);
      assert.deepEqual((await send(`${a.url}/initiatives`)).body.items, []);
      const question = `${a.url}/ap/polls/bench-colour`;
      const vote = mastodon.vote(question, 'Green', `${a.url}/ap/communities/town`, `${mastodon.actor}#votes/500`);
      assert.equal((await mastodon.deliver(`${a.url}/ap/communities/town/inbox`, vote)).status, 403);
    });
  });
}

describe('the inbox’s own limits', () => {
  it('limits deliveries per remote server, and refuses a blocked domain before reading anything', async () => {
    const server = await startTestServer({ config: { inboxPerServer: { limit: 2, windowSeconds: 60 } } });
    try {
      const deliver = (keyHost: string) =>
        fetch(`${server.url}/ap/inbox`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/activity+json',
            Signature: `keyId="https://${keyHost}/users/a#main-key",headers="(request-target) host date",signature="AAAA"`,
          },
          body: JSON.stringify({
            '@context': 'https://www.w3.org/ns/activitystreams',
            type: 'Like',
            actor: `https://${keyHost}/users/a`,
            object: 'https://x.example/1',
          }),
        });
      // Two from one server are looked at (and refused: the signature is not valid), the third waits.
      assert.equal((await deliver('busy.example')).status, 401);
      assert.equal((await deliver('busy.example')).status, 401);
      const third = await deliver('busy.example');
      assert.equal(third.status, 429);
      assert.ok(Number(third.headers.get('retry-after')) > 0);
      // Another server has its own allowance.
      assert.equal((await deliver('quiet.example')).status, 401);

      await server.federation.block('spam.example');
      assert.equal((await deliver('spam.example')).status, 403);
      assert.equal((await deliver('relay.spam.example')).status, 403, 'subdomains too');
    } finally {
      await server.close();
    }
  });
});
