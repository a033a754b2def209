/**
 * The organisers' side over real HTTP, on SQLite and (with DATABASE_URL) PostgreSQL: admin tokens and
 * roles, every write validated and in the audit log, ETag / If-Match conflicts, hidden items, sign-ups,
 * settings, and that nothing an organiser does changes a vote already cast.
 */
import { CONFORMANCE_FIXTURE } from '@civic-kit/core/testing';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { createAdminToken } from '../src/admin/tokens.js';
import { refreshSeeded } from '../src/store.js';
import { startTestServer, testVoter, type TestServer } from '../src/testing.js';
import { databaseOption, DATABASES, send, write } from './helpers.js';

/** The consent every sign-up needs (`CIVIC_REQUIRED_CONSENTS`), as the sign-up form sends it. */
const connectConsent = () => [
  {
    purpose: 'connect',
    text: 'Put me in touch with people nearby who care about the same causes.',
    version: '1',
    timestamp: new Date().toISOString(),
    locale: 'en',
  },
];

const auth = (token: string, extra: Record<string, string> = {}) => ({ Authorization: `Bearer ${token}`, ...extra });

const newPoll = {
  id: 'bench-colour',
  question: 'Which colour for the new benches?',
  kind: 'single',
  options: [
    { id: 'green', label: 'Green' },
    { id: 'blue', label: 'Blue' },
    { id: 'red', label: 'Red' },
  ],
  resultsVisibility: 'always',
};
const newInitiative = {
  id: 'tool-library',
  title: 'Tool library',
  summary: 'Borrow a drill instead of buying one.',
  status: 'active',
  tags: ['repair'],
  place: { lat: 51.46, lng: -2.58, address: 'Easton' },
  supporters: { count: 0, goal: 50 },
};

for (const database of DATABASES) {
  describe(`admin API (${database.name})`, () => {
    let s: TestServer;
    let organiser: string;
    let moderator: string;
    before(async () => {
      s = await startTestServer({ fixture: CONFORMANCE_FIXTURE, database: databaseOption(database.url) });
      organiser = (await createAdminToken(s.db, { name: 'Olu', role: 'organiser' }, new Date())).token;
      moderator = (await createAdminToken(s.db, { name: 'Mo', role: 'moderator' }, new Date())).token;
    });
    after(() => s.close());
    const api = (path: string) => `${s.url}/admin/api${path}`;
    const auditActions = async () =>
      ((await send(api('/audit?limit=500'), { headers: auth(organiser) })).body.items as { action: string }[]).map(
        (e) => e.action,
      );

    it('needs an admin token: voter tokens, unknown and revoked tokens are refused; tokens are stored hashed', async () => {
      assert.equal((await send(api('/initiatives'))).status, 401);
      assert.equal((await send(api('/initiatives'), { headers: auth(testVoter('someone')) })).status, 401);
      assert.equal((await send(api('/initiatives'), { headers: auth(`civic_admin_${'x'.repeat(43)}`) })).status, 401);
      const me = await send(api('/me'), { headers: auth(moderator) });
      assert.deepEqual({ name: me.body.name, role: me.body.role }, { name: 'Mo', role: 'moderator' });

      const rows = await s.db.all<{ token_hash: string }>('SELECT token_hash FROM admin_tokens');
      assert.ok(rows.length >= 2);
      for (const r of rows)
        assert.ok(r.token_hash !== organiser && r.token_hash !== moderator && /^[0-9a-f]{64}$/.test(r.token_hash));

      const { revokeAdminToken } = await import('../src/admin/tokens.js');
      const spare = await createAdminToken(s.db, { name: 'Spare', role: 'organiser' }, new Date());
      assert.equal((await send(api('/me'), { headers: auth(spare.token) })).status, 200);
      assert.equal(await revokeAdminToken(s.db, spare.id, new Date()), true);
      assert.equal((await send(api('/me'), { headers: auth(spare.token) })).status, 401);
    });

    it('an organiser adds an initiative and a poll; the public API shows them; the audit log says who', async () => {
      const i = await send(api('/initiatives'), { headers: auth(organiser), body: newInitiative });
      assert.equal(i.status, 201, JSON.stringify(i.body));
      assert.ok(i.headers.get('etag'));
      const p = await send(api('/polls'), { headers: auth(organiser), body: newPoll });
      assert.equal(p.status, 201, JSON.stringify(p.body));

      const pub = await send(`${s.url}/initiatives/tool-library`);
      assert.equal(pub.body.title, 'Tool library');
      assert.deepEqual(pub.body.supporters, { count: 0, goal: 50 });
      const list = await send(`${s.url}/initiatives?q=drill`);
      assert.deepEqual(
        (list.body.items as { id: string }[]).map((x) => x.id),
        ['tool-library'],
      );
      const poll = await send(`${s.url}/polls/bench-colour`);
      assert.equal(poll.body.status, 'open');
      assert.equal(poll.body.question, 'Which colour for the new benches?');

      const again = await send(api('/polls'), { headers: auth(organiser), body: newPoll });
      assert.equal(again.status, 409);

      const audit = await send(api('/audit'), { headers: auth(moderator) });
      const entries = audit.body.items as {
        action: string;
        actor: { name: string; role: string };
        target: { id: string };
        at: string;
      }[];
      const created = entries.find((e) => e.action === 'poll.create')!;
      assert.deepEqual(created.actor.name, 'Olu');
      assert.equal(created.actor.role, 'organiser');
      assert.equal(created.target.id, 'bench-colour');
      assert.ok(Math.abs(Date.parse(created.at) - Date.now()) < 60_000);
    });

    it('a moderator may read, hide and show, but not create, edit, close or delete', async () => {
      const h = auth(moderator);
      assert.equal((await send(api('/polls'), { headers: h, body: { ...newPoll, id: 'mod-poll' } })).status, 403);
      assert.equal((await send(api('/polls/open-single/close'), { headers: h, body: {} })).status, 403);
      assert.equal(
        (await send(api('/polls/open-single'), { method: 'DELETE', headers: auth(moderator, { 'If-Match': '*' }) }))
          .status,
        403,
      );
      assert.equal((await send(api('/signups/export'), { headers: h })).status, 403);
      assert.equal((await send(api('/polls/mod-poll'), { headers: h })).status, 404);
      assert.equal((await send(api('/initiatives/c-repair/hide'), { headers: h, body: {} })).status, 200);
      assert.equal((await send(`${s.url}/initiatives/c-repair`)).status, 404);
      assert.equal((await send(api('/initiatives/c-repair/unhide'), { headers: h, body: {} })).status, 200);
      assert.equal((await send(`${s.url}/initiatives/c-repair`)).status, 200);
    });

    it('refuses invalid input with a message per field and stores nothing', async () => {
      const before = await auditActions();
      const cases: [string, unknown, string, number][] = [
        ['no title', { ...newInitiative, id: 'x1', title: '' }, '/title', 400],
        ['unknown status', { ...newInitiative, id: 'x2', status: 'maybe' }, '/status', 400],
        ['script link', { ...newInitiative, id: 'x3', url: 'javascript:alert(1)' }, '/url', 400],
        ['latitude off the globe', { ...newInitiative, id: 'x4', place: { lat: 123, lng: 0 } }, '/place/lat', 400],
      ];
      for (const [what, body, pointer, status] of cases) {
        const r = await send(api('/initiatives'), { headers: auth(organiser), body });
        assert.equal(r.status, status, what);
        assert.equal(r.headers.get('content-type'), 'application/problem+json', what);
        assert.ok(
          (r.body.errors as { pointer: string }[]).some((e) => e.pointer === pointer),
          `${what}: ${JSON.stringify(r.body)}`,
        );
      }
      const polls: [string, unknown, string][] = [
        ['one option', { ...newPoll, id: 'p1', options: [{ id: 'a', label: 'A' }] }, '/options'],
        ['no question', { ...newPoll, id: 'p2', question: '  ' }, '/question'],
        [
          'closes before it opens',
          { ...newPoll, id: 'p3', opensAt: '2030-01-02T00:00:00Z', closesAt: '2030-01-01T00:00:00Z' },
          '/closesAt',
        ],
        ['anonymous not a boolean', { ...newPoll, id: 'p4', anonymous: 'yes' }, '/anonymous'],
      ];
      for (const [what, body, pointer] of polls) {
        const r = await send(api('/polls'), { headers: auth(organiser), body });
        assert.equal(r.status, 400, what);
        assert.ok(
          (r.body.errors as { pointer: string }[]).some((e) => e.pointer === pointer),
          `${what}: ${JSON.stringify(r.body)}`,
        );
      }
      const notJson = await send(api('/polls'), {
        headers: auth(organiser, { 'Content-Type': 'text/plain' }),
        raw: 'hi',
      });
      assert.equal(notJson.status, 415);
      for (const id of ['x1', 'x2', 'x3', 'x4']) assert.equal((await send(`${s.url}/initiatives/${id}`)).status, 404);
      for (const id of ['p1', 'p2', 'p3', 'p4']) assert.equal((await send(`${s.url}/polls/${id}`)).status, 404);
      assert.deepEqual(await auditActions(), before);
    });

    it('two organisers editing the same item: the second gets 412, never a silent overwrite; no If-Match is 428', async () => {
      const read = await send(api('/initiatives/tool-library'), { headers: auth(organiser) });
      const etag = read.headers.get('etag')!;
      assert.equal(etag, read.body.etag);
      const first = await send(api('/initiatives/tool-library'), {
        method: 'PUT',
        headers: auth(organiser, { 'If-Match': etag }),
        body: { ...newInitiative, title: 'Tool library of Easton' },
      });
      assert.equal(first.status, 200, JSON.stringify(first.body));
      assert.notEqual(first.headers.get('etag'), etag);
      const second = await send(api('/initiatives/tool-library'), {
        method: 'PUT',
        headers: auth(organiser, { 'If-Match': etag }),
        body: { ...newInitiative, summary: 'Someone else’s edit' },
      });
      assert.equal(second.status, 412);
      const none = await send(api('/initiatives/tool-library'), {
        method: 'PUT',
        headers: auth(organiser),
        body: newInitiative,
      });
      assert.equal(none.status, 428);
      const pub = await send(`${s.url}/initiatives/tool-library`);
      assert.equal(pub.body.title, 'Tool library of Easton');
      assert.equal(pub.body.summary, newInitiative.summary);

      // The same for PUTs sent at the same moment: exactly one wins.
      const now = (await send(api('/initiatives/tool-library'), { headers: auth(organiser) })).headers.get('etag')!;
      const racing = await Promise.all(
        ['A', 'B', 'C'].map((n) =>
          send(api('/initiatives/tool-library'), {
            method: 'PUT',
            headers: auth(organiser, { 'If-Match': now }),
            body: { ...newInitiative, title: `Version ${n}` },
          }),
        ),
      );
      assert.deepEqual(racing.map((r) => r.status).sort(), [200, 412, 412]);

      const changed = (await send(api('/audit?target=tool-library'), { headers: auth(organiser) })).body.items as {
        action: string;
        detail: { fields?: string[] };
      }[];
      assert.deepEqual(changed[changed.length - 2]?.detail.fields, ['title']);
      // An edit never sets the supporter count: only supporters do.
      const sneaky = await send(api('/initiatives/tool-library'), {
        method: 'PUT',
        headers: auth(organiser, { 'If-Match': '*' }),
        body: { ...newInitiative, supporters: { count: 9999, goal: 60 } },
      });
      assert.deepEqual((sneaky.body.initiative as { supporters: unknown }).supporters, { count: 0, goal: 60 });
    });

    it('nothing an organiser does changes a vote already cast', async () => {
      const voters = ['v1', 'v2', 'v3'].map(testVoter);
      for (const [n, choice] of [
        [0, 'green'],
        [1, 'green'],
        [2, 'blue'],
      ] as const) {
        const r = await send(`${s.url}/polls/bench-colour/votes`, {
          headers: write(`k${n}`, voters[n]),
          body: { choices: [choice] },
        });
        assert.equal(r.status, 200, JSON.stringify(r.body));
      }
      const counts = async () =>
        ((await send(`${s.url}/polls/bench-colour`)).body.results as { counts: Record<string, number> }).counts;
      assert.deepEqual(await counts(), { green: 2, blue: 1, red: 0 });

      const etag = async () =>
        (await send(api('/polls/bench-colour'), { headers: auth(organiser) })).headers.get('etag')!;
      const put = async (body: unknown) =>
        send(api('/polls/bench-colour'), {
          method: 'PUT',
          headers: auth(organiser, { 'If-Match': await etag() }),
          body,
        });
      const noBlue = await put({ ...newPoll, options: newPoll.options.filter((o) => o.id !== 'blue') });
      assert.equal(noBlue.status, 409);
      assert.match(String(noBlue.body.detail), /"blue"/);
      assert.equal((await put({ ...newPoll, kind: 'multiple' })).status, 409);
      const results = await put({ ...newPoll, results: { counts: { green: 100 }, voters: 100 } });
      assert.equal(results.status, 200);
      // Red has no votes: it may go; a typo may be fixed.
      const fixed = await put({
        ...newPoll,
        options: [
          { id: 'green', label: 'Forest green' },
          { id: 'blue', label: 'Blue' },
        ],
      });
      assert.equal(fixed.status, 200, JSON.stringify(fixed.body));
      assert.deepEqual(await counts(), { green: 2, blue: 1 });

      const closed = await send(api('/polls/bench-colour/close'), { headers: auth(organiser), body: {} });
      assert.equal(closed.status, 200);
      const pub = await send(`${s.url}/polls/bench-colour`);
      assert.equal(pub.body.status, 'closed');
      assert.deepEqual((pub.body.results as { counts: unknown; voters: number }).counts, { green: 2, blue: 1 });
      const late = await send(`${s.url}/polls/bench-colour/votes`, {
        headers: write('late', testVoter('v4')),
        body: { choices: ['blue'] },
      });
      assert.equal(late.status, 409);
      assert.equal(late.body.code, 'closed');
      // An edit of a closed poll leaves it closed.
      const options = [
        { id: 'green', label: 'Forest green' },
        { id: 'blue', label: 'Blue' },
      ];
      assert.equal((await put({ ...newPoll, question: 'Which colour for the benches?', options })).status, 200);
      assert.equal((await send(`${s.url}/polls/bench-colour`)).body.status, 'closed');

      const del = await send(api('/polls/bench-colour'), {
        method: 'DELETE',
        headers: auth(organiser, { 'If-Match': '*' }),
      });
      assert.equal(del.status, 409);

      const reopened = await send(api('/polls/bench-colour/reopen'), { headers: auth(organiser), body: {} });
      assert.equal(reopened.status, 200);
      assert.equal((await send(`${s.url}/polls/bench-colour`)).body.status, 'open');
      assert.deepEqual(await counts(), { green: 2, blue: 1 });
      const rows = await s.db.all<{ voter: string; choices: string }>(
        'SELECT voter, choices FROM ballots WHERE poll_id = ? ORDER BY voter',
        ['bench-colour'],
      );
      assert.deepEqual(
        rows.map((r) => r.choices),
        ['["green"]', '["green"]', '["blue"]'],
      );
      const actions = await auditActions();
      for (const a of ['poll.close', 'poll.reopen', 'poll.update']) assert.ok(actions.includes(a), a);
    });

    it('a poll with no votes can be deleted (with its ETag); hidden items leave every public answer', async () => {
      const p = await send(api('/polls'), { headers: auth(organiser), body: { ...newPoll, id: 'to-delete' } });
      assert.equal(p.status, 201);
      const stale = await send(api('/polls/to-delete'), {
        method: 'DELETE',
        headers: auth(organiser, { 'If-Match': '"nope"' }),
      });
      assert.equal(stale.status, 412);
      assert.equal((await send(api('/polls/to-delete'), { method: 'DELETE', headers: auth(organiser) })).status, 428);
      const gone = await send(api('/polls/to-delete'), {
        method: 'DELETE',
        headers: auth(organiser, { 'If-Match': p.headers.get('etag')! }),
      });
      assert.equal(gone.status, 204);
      assert.equal((await send(`${s.url}/polls/to-delete`)).status, 404);

      assert.equal(
        (await send(api('/initiatives/tool-library/hide'), { headers: auth(moderator), body: {} })).status,
        200,
      );
      const listed = await send(`${s.url}/initiatives?limit=100`);
      assert.ok(!(listed.body.items as { id: string }[]).some((x) => x.id === 'tool-library'));
      assert.equal((await send(`${s.url}/initiatives/tool-library`)).status, 404);
      const support = await send(`${s.url}/initiatives/tool-library/support`, {
        headers: write('s', testVoter('v1')),
        body: {},
      });
      assert.equal(support.status, 404);
      const admin = await send(api('/initiatives/tool-library'), { headers: auth(moderator) });
      assert.equal(admin.body.hidden, true);
      assert.equal(
        (await send(api('/initiatives/tool-library/unhide'), { headers: auth(moderator), body: {} })).status,
        200,
      );
      assert.equal((await send(`${s.url}/initiatives/tool-library`)).status, 200);
    });

    it('tells live pages of admin changes, and a hidden poll says nothing more', async () => {
      const controller = new AbortController();
      const res = await fetch(`${s.url}/events?topics=poll:open-multiple`, { signal: controller.signal });
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      let text = '';
      const pump = (async () => {
        for (;;) {
          const r = await reader.read();
          if (r.done) return;
          text += r.value;
        }
      })().catch(() => undefined);
      const until = async (pattern: RegExp) => {
        const deadline = Date.now() + 5000;
        while (!pattern.test(text) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
        assert.match(text, pattern);
      };
      await until(/event: ready/);
      assert.equal((await send(api('/polls/open-multiple/close'), { headers: auth(organiser), body: {} })).status, 200);
      await until(/event: change\ndata: .*"status":"closed"/);
      assert.equal((await send(api('/polls/open-multiple/hide'), { headers: auth(moderator), body: {} })).status, 200);
      const read = await send(api('/polls/open-multiple'), { headers: auth(organiser) });
      const poll = read.body.poll as Record<string, unknown>;
      const edited = await send(api('/polls/open-multiple'), {
        method: 'PUT',
        headers: auth(organiser, { 'If-Match': read.headers.get('etag')! }),
        body: { ...poll, question: 'A question not yet public' },
      });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      await new Promise((r) => setTimeout(r, 500));
      assert.doesNotMatch(text, /A question not yet public/);
      assert.equal(
        (await send(api('/polls/open-multiple/unhide'), { headers: auth(moderator), body: {} })).status,
        200,
      );
      await until(/A question not yet public/);
      controller.abort();
      await pump;
    });

    it('lists, exports (OSDI), hides and deletes sign-ups', async () => {
      const signup = (name: string, email: string) =>
        send(`${s.url}/signups`, {
          headers: write(`signup-${email}`),
          body: {
            name,
            email,
            place: { text: 'Bristol' },
            radiusKm: 5,
            interests: ['repair'],
            consent: [
              {
                purpose: 'connect',
                text: 'You may email me',
                version: '1',
                timestamp: new Date().toISOString(),
                locale: 'en',
              },
            ],
          },
        });
      assert.equal((await signup('Ada', 'ada@example.org')).status, 200);
      assert.equal((await signup('Buy cheap pills', 'spam@example.org')).status, 200);
      const list = (await send(api('/signups'), { headers: auth(moderator) })).body.items as {
        id: string;
        email: string;
      }[];
      const spam = list.find((x) => x.email === 'spam@example.org')!;
      const ada = list.find((x) => x.email === 'ada@example.org')!;
      const nearby = async () =>
        (
          await send(`${s.url}/signups`, {
            headers: write(`probe-${Math.random()}`),
            body: {
              name: 'Probe',
              email: 'probe@example.org',
              place: { text: 'Bristol' },
              radiusKm: 5,
              interests: [],
              consent: connectConsent(),
            },
          })
        ).body.nearbyCount as number;
      const before = await nearby();

      assert.equal((await send(api(`/signups/${spam.id}/hide`), { headers: auth(moderator), body: {} })).status, 204);
      assert.equal(await nearby(), before); // the probe itself now counts, the spam no longer
      const exported = await send(api('/signups/export'), { headers: auth(organiser) });
      assert.equal(exported.status, 200);
      const people = (
        exported.body._embedded as {
          'osdi:people': { email_addresses: { address: string }[]; 'civic_kit:consents': { text: string }[] }[];
        }
      )['osdi:people'];
      const emails = people.map((p) => p.email_addresses[0]!.address);
      assert.ok(emails.includes('ada@example.org'));
      assert.ok(!emails.includes('spam@example.org'));
      assert.equal(
        people.find((p) => p.email_addresses[0]!.address === 'ada@example.org')!['civic_kit:consents'][0]!.text,
        'You may email me',
      );
      const withHidden = await send(api('/signups/export?hidden=include'), { headers: auth(organiser) });
      assert.equal(withHidden.body.total_records, people.length + 1);

      assert.equal((await send(api(`/signups/${ada.id}`), { method: 'DELETE', headers: auth(moderator) })).status, 403);
      assert.equal((await send(api(`/signups/${ada.id}`), { method: 'DELETE', headers: auth(organiser) })).status, 204);
      assert.equal((await send(api(`/signups/${ada.id}`), { method: 'DELETE', headers: auth(organiser) })).status, 404);
      const left = (await send(api('/signups'), { headers: auth(organiser) })).body.items as { email: string }[];
      assert.ok(!left.some((x) => x.email === 'ada@example.org'));
      const consents = await s.db.get<{ n: number }>(
        'SELECT CAST(COUNT(*) AS INTEGER) AS n FROM consents WHERE signup_id = ?',
        [ada.id],
      );
      assert.equal(Number(consents?.n), 0);
      const entry = (
        (await send(api(`/audit?target=${ada.id}`), { headers: auth(organiser) })).body.items as {
          action: string;
          detail: object;
        }[]
      )[0]!;
      assert.equal(entry.action, 'signup.delete');
      assert.ok(!JSON.stringify(entry).includes('ada@example.org'));
    });

    it('keeps the site settings, with ETags, validated; new items follow anonymous participation', async () => {
      const read = await send(api('/settings'), { headers: auth(organiser) });
      assert.equal(read.status, 200);
      assert.equal((read.body.settings as { anonymousParticipation: boolean }).anonymousParticipation, false);
      const settings = {
        name: 'Easton Transition',
        consents: [
          { purpose: 'contact', text: 'Easton Transition may email me about projects near me.', version: '2026-12' },
        ],
        allowedOrigins: ['https://easton.example'],
        anonymousParticipation: true,
      };
      assert.equal(
        (await send(api('/settings'), { method: 'PUT', headers: auth(organiser), body: settings })).status,
        428,
      );
      const bad = await send(api('/settings'), {
        method: 'PUT',
        headers: auth(organiser, { 'If-Match': read.headers.get('etag')! }),
        body: { ...settings, allowedOrigins: ['https://easton.example/path'] },
      });
      assert.equal(bad.status, 400);
      assert.ok((bad.body.errors as { pointer: string }[]).some((e) => e.pointer === '/allowedOrigins/0'));
      const ok = await send(api('/settings'), {
        method: 'PUT',
        headers: auth(organiser, { 'If-Match': read.headers.get('etag')! }),
        body: settings,
      });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.deepEqual(ok.body.settings, settings);
      const stale = await send(api('/settings'), {
        method: 'PUT',
        headers: auth(organiser, { 'If-Match': read.headers.get('etag')! }),
        body: settings,
      });
      assert.equal(stale.status, 412);
      assert.equal(
        (await send(api('/settings'), { method: 'PUT', headers: auth(moderator, { 'If-Match': '*' }), body: settings }))
          .status,
        403,
      );

      // The settings' origins may now call the public API from a browser; others still may not.
      const fromEaston = await send(`${s.url}/signups`, {
        headers: write('easton-signup', undefined, { Origin: 'https://easton.example' }),
        body: {
          name: 'Eve',
          email: 'eve@example.org',
          place: { text: 'Bristol' },
          radiusKm: 5,
          interests: [],
          consent: connectConsent(),
        },
      });
      assert.equal(fromEaston.status, 200, JSON.stringify(fromEaston.body));
      assert.equal(fromEaston.headers.get('access-control-allow-origin'), 'https://easton.example');
      const elsewhere = await send(`${s.url}/signups`, {
        headers: write('elsewhere-signup', undefined, { Origin: 'https://elsewhere.example' }),
        body: {
          name: 'Eve',
          email: 'eve@example.org',
          place: { text: 'Bristol' },
          radiusKm: 5,
          interests: [],
          consent: connectConsent(),
        },
      });
      assert.equal(elsewhere.status, 403);

      const p = await send(api('/polls'), { headers: auth(organiser), body: { ...newPoll, id: 'anon-poll' } });
      assert.equal(p.body.anonymous, true);
      const vote = await send(`${s.url}/polls/anon-poll/votes`, {
        headers: write('anon', undefined, { 'Civic-Browser': 'browser-0123456789abcdef' }),
        body: { choices: ['red'] },
      });
      assert.equal(vote.status, 200, JSON.stringify(vote.body));
    });

    it('a refresh of seeded data leaves what an organiser changed as they left it', async () => {
      const [edited, untouched] = CONFORMANCE_FIXTURE.initiatives;
      const poll = CONFORMANCE_FIXTURE.polls.find((p) => p.status === 'open')!;
      const read = await send(api(`/initiatives/${edited!.id}`), { headers: auth(organiser) });
      const renamed = await send(api(`/initiatives/${edited!.id}`), {
        method: 'PUT',
        headers: auth(organiser, { 'If-Match': read.headers.get('etag')! }),
        body: { ...(read.body.initiative as object), title: 'Renamed by an organiser' },
      });
      assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
      const pollRead = await send(api(`/polls/${poll.id}`), { headers: auth(organiser) });
      const closed = await send(api(`/polls/${poll.id}/close`), {
        method: 'POST',
        headers: auth(organiser, { 'If-Match': pollRead.headers.get('etag')! }),
      });
      assert.equal(closed.status, 200, JSON.stringify(closed.body));

      const refreshed = await refreshSeeded(s.db, CONFORMANCE_FIXTURE);
      assert.equal((await send(`${s.url}/initiatives/${edited!.id}`)).body.title, 'Renamed by an organiser');
      assert.equal((await send(`${s.url}/polls/${poll.id}`)).body.status, 'closed');
      assert.equal((await send(`${s.url}/initiatives/${untouched!.id}`)).body.title, untouched!.title);
      assert.ok(refreshed.initiatives >= 1, 'the items nobody changed are still refreshed');
      assert.ok(refreshed.initiatives < CONFORMANCE_FIXTURE.initiatives.length, 'the edited one is not');
    });
  });
}

describe('admin commands (civic-server)', () => {
  let dir: string;
  let s: TestServer;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'civic-admin-cli-'));
    s = await startTestServer({ fixture: CONFORMANCE_FIXTURE, database: '' });
  });
  after(async () => {
    await s.close();
    await rm(dir, { recursive: true, force: true });
  });
  const run = promisify(execFile);
  const cli = (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', new URL('../src/cli.ts', import.meta.url).pathname, ...args], {
      env: { ...process.env, DATABASE_URL: '', CIVIC_SQLITE_PATH: s.location },
    });
  /** `civic-server … ` printing JSON: its parsed output. */
  const cliJson = async (...args: string[]) => JSON.parse((await cli(...args)).stdout) as Record<string, unknown>;
  const fails = async (args: string[], code: number, message: RegExp) => {
    await assert.rejects(cli(...args), (e: { code: number; stderr: string }) => {
      assert.equal(e.code, code, e.stderr);
      assert.match(e.stderr, message);
      return true;
    });
  };

  it('does every admin action, and the running server sees the results', async () => {
    const token = (await cli('admin-token', 'create', '--name', 'Script', '--role', 'moderator')).stdout.trim();
    assert.match(token, /^civic_admin_[A-Za-z0-9_-]{43}$/);
    assert.equal((await send(`${s.url}/admin/api/me`, { headers: auth(token) })).body.role, 'moderator');

    await writeFile(join(dir, 'poll.json'), JSON.stringify(newPoll));
    await writeFile(join(dir, 'initiative.json'), JSON.stringify(newInitiative));
    assert.match((await cli('poll', 'create', '--file', join(dir, 'poll.json'))).stdout, /Created poll bench-colour/);
    assert.match(
      (await cli('initiative', 'create', '--file', join(dir, 'initiative.json'))).stdout,
      /Created initiative tool-library/,
    );
    assert.equal((await send(`${s.url}/polls/bench-colour`)).body.status, 'open');
    assert.equal((await send(`${s.url}/initiatives/tool-library`)).body.title, 'Tool library');

    await writeFile(join(dir, 'bad.json'), JSON.stringify({ ...newPoll, id: 'bad', options: [] }));
    await fails(['poll', 'create', '--file', join(dir, 'bad.json')], 1, /options/);
    await writeFile(join(dir, 'edit.json'), JSON.stringify({ ...newInitiative, title: 'Tool library (Easton)' }));
    await fails(
      ['initiative', 'update', 'tool-library', '--file', join(dir, 'edit.json'), '--if-match', '"old"'],
      1,
      /changed since you read it/,
    );
    assert.match(
      (await cli('initiative', 'update', 'tool-library', '--file', join(dir, 'edit.json'))).stdout,
      /Updated/,
    );
    assert.equal((await send(`${s.url}/initiatives/tool-library`)).body.title, 'Tool library (Easton)');

    await send(`${s.url}/polls/bench-colour/votes`, {
      headers: write('v', testVoter('cli-voter')),
      body: { choices: ['blue'] },
    });
    assert.match((await cli('poll', 'close', 'bench-colour')).stdout, /Closed poll bench-colour/);
    const closed = await send(`${s.url}/polls/bench-colour`);
    assert.equal(closed.body.status, 'closed');
    assert.deepEqual((closed.body.results as { counts: unknown }).counts, { green: 0, blue: 1, red: 0 });
    assert.match((await cli('poll', 'list')).stdout, /bench-colour\s+closed\s+1 ballots/);
    await fails(['poll', 'delete', 'bench-colour'], 2, /--yes/);
    await fails(['poll', 'delete', 'bench-colour', '--yes'], 1, /close or hide it instead/);
    assert.match((await cli('poll', 'reopen', 'bench-colour')).stdout, /Reopened/);
    assert.match((await cli('initiative', 'hide', 'tool-library')).stdout, /Hid initiative/);
    assert.equal((await send(`${s.url}/initiatives/tool-library`)).status, 404);
    assert.equal((await cliJson('initiative', 'show', 'tool-library')).hidden, true);

    const signup = await send(`${s.url}/signups`, {
      headers: write('cli-signup'),
      body: {
        name: 'Bea',
        email: 'bea@example.org',
        place: { text: 'Bristol' },
        radiusKm: 5,
        interests: [],
        consent: connectConsent(),
      },
    });
    assert.equal(signup.status, 200);
    const signupId = /^(\S+)\s/.exec((await cli('signup', 'list')).stdout)![1]!;
    assert.match((await cli('signup', 'hide', signupId)).stdout, /Hid sign-up/);
    assert.equal((await cliJson('export-signups')).total_records, 0);
    assert.equal((await cliJson('export-signups', '--include-hidden')).total_records, 1);
    await fails(['signup', 'delete', signupId], 2, /--yes/);
    assert.match((await cli('signup', 'delete', signupId, '--yes')).stdout, /Deleted sign-up/);
    assert.equal((await cliJson('export-signups')).total_records, 0);

    await writeFile(
      join(dir, 'settings.json'),
      JSON.stringify({ name: 'Our town', consents: [], allowedOrigins: [], anonymousParticipation: true }),
    );
    assert.match((await cli('settings', 'set', '--file', join(dir, 'settings.json'))).stdout, /Saved/);
    assert.equal(
      ((await send(`${s.url}/admin/api/settings`, { headers: auth(token) })).body.settings as { name: string }).name,
      'Our town',
    );

    const audit = (await cli('audit', '--limit', '100')).stdout;
    for (const a of ['poll.create', 'initiative.update', 'poll.close', 'signup.delete', 'settings.update'])
      assert.match(audit, new RegExp(`\\(cli:[^,]+, organiser\\)\\s+${a.replace('.', '\\.')}`), a);

    assert.match((await cli('admin-token', 'revoke', '--token', token)).stdout, /Revoked/);
    assert.equal((await send(`${s.url}/admin/api/me`, { headers: auth(token) })).status, 401);
    await fails(['admin-token', 'create', '--name', 'X', '--role', 'king'], 2, /organiser\|moderator/);
  });
});
