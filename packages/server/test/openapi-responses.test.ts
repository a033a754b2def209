/**
 * The server answers as openapi.json says: every operation's real response, success and failure, is
 * validated against the schema the document gives for that status (JSON Schema 2020-12, with formats).
 * The document is what other teams build clients from, so a drift between it and the server is a bug.
 */
import { CONFORMANCE_FIXTURE } from '@civic-kit/core/testing';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { createAdminToken } from '../src/admin/tokens.js';
import { startTestServer, testVoter, type TestServer } from '../src/testing.js';
import { databaseOption, DATABASES, send, write, type Sent } from './helpers.js';

type Json = Record<string, unknown>;
const doc = JSON.parse(readFileSync(new URL('../openapi.json', import.meta.url), 'utf8')) as Json;
const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
ajv.addSchema(doc, 'openapi.json');

const at = (pointer: string): Json =>
  pointer
    .replace(/^#\//, '')
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<Json>((node, key) => node[key] as Json, doc);

/** The schema openapi.json gives for `method path` answering `status`, its refs pointing into the document. */
function schemaFor(method: string, path: string, status: number): Json {
  const operation = at(`#/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}`);
  const responses = operation['responses'] as Json;
  let response = (responses[String(status)] ?? responses['default']) as Json | undefined;
  assert.ok(response, `openapi.json gives no ${status} response for ${method.toUpperCase()} ${path}`);
  if (typeof response['$ref'] === 'string') response = at(response['$ref']);
  const content = response['content'] as Record<string, { schema: Json }>;
  const [media] = Object.values(content);
  assert.ok(media, `${method.toUpperCase()} ${path} ${status}: no content schema`);
  return JSON.parse(JSON.stringify(media.schema).replaceAll('"#/', '"openapi.json#/')) as Json;
}

function conforms(method: string, path: string, res: Sent, status: number): void {
  assert.equal(res.status, status, `${method.toUpperCase()} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  const validate = ajv.compile(schemaFor(method, path, status));
  assert.ok(
    validate(res.body),
    `${method.toUpperCase()} ${path} ${status} does not match openapi.json: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(res.body).slice(0, 500)}`,
  );
}

for (const database of DATABASES) {
  describe(`responses match openapi.json (${database.name})`, () => {
    let s: TestServer;
    before(async () => {
      s = await startTestServer({ fixture: CONFORMANCE_FIXTURE, database: databaseOption(database.url) });
    });
    after(() => s.close());
    const voter = testVoter('openapi-reader');

    it('lists, gets and supports initiatives', async () => {
      conforms('get', '/initiatives', await send(`${s.url}/initiatives?limit=2`), 200);
      conforms(
        'get',
        '/initiatives',
        await send(`${s.url}/initiatives?near=51.454,-2.587&radiusKm=5&sort=distance`),
        200,
      );
      conforms('get', '/initiatives', await send(`${s.url}/initiatives?sort=sideways`), 400);
      conforms(
        'get',
        '/initiatives/{id}',
        await send(`${s.url}/initiatives/c-repair`, { headers: write('r', voter) }),
        200,
      );
      conforms('get', '/initiatives/{id}', await send(`${s.url}/initiatives/no-such-thing`), 404);
      const support = `${s.url}/initiatives/c-repair/support`;
      conforms(
        'post',
        '/initiatives/{id}/support',
        await send(support, { headers: write('s1', voter), body: {} }),
        200,
      );
      conforms(
        'post',
        '/initiatives/{id}/support',
        await send(support, { headers: { 'Idempotency-Key': '"s2"' }, body: {} }),
        401,
      );
    });

    it('gets polls and takes votes', async () => {
      conforms('get', '/polls/{id}', await send(`${s.url}/polls/open-single`), 200);
      conforms('get', '/polls/{id}', await send(`${s.url}/polls/ranked-poll`, { headers: write('p', voter) }), 200);
      const votes = (id: string) => `${s.url}/polls/${id}/votes`;
      conforms(
        'post',
        '/polls/{id}/votes',
        await send(votes('ranked-poll'), { headers: write('v1', voter), body: { choices: ['fri', 'mon'] } }),
        200,
      );
      conforms(
        'post',
        '/polls/{id}/votes',
        await send(votes('open-single'), { headers: write('v2', voter), body: { choices: ['maybe'] } }),
        400,
      );
      conforms(
        'post',
        '/polls/{id}/votes',
        await send(votes('closed-poll'), { headers: write('v3', voter), body: { choices: ['a'] } }),
        409,
      );
    });

    it('lists interests, looks up places and takes sign-ups', async () => {
      conforms('get', '/interests', await send(`${s.url}/interests`), 200);
      conforms('get', '/places', await send(`${s.url}/places?q=bris`), 200);
      conforms('get', '/places', await send(`${s.url}/places?q=`), 400);
      const signup = {
        name: 'Ada',
        email: 'ada@example.org',
        place: { text: 'Bristol' },
        radiusKm: 5,
        interests: ['repair'],
        consent: [
          {
            purpose: 'connect',
            text: 'Put me in touch.',
            version: '1',
            timestamp: '2026-11-01T12:00:00Z',
            locale: 'en',
          },
        ],
      };
      conforms('post', '/signups', await send(`${s.url}/signups`, { headers: write('u1', voter), body: signup }), 200);
      conforms(
        'post',
        '/signups',
        await send(`${s.url}/signups`, {
          headers: write('u2', voter),
          body: { ...signup, place: { text: 'Atlantis' } },
        }),
        400,
      );
    });
  });
}

for (const database of DATABASES) {
  describe(`admin responses match openapi.json (${database.name})`, () => {
    let s: TestServer;
    let token: string;
    before(async () => {
      s = await startTestServer({ fixture: CONFORMANCE_FIXTURE, database: databaseOption(database.url) });
      token = (await createAdminToken(s.db, { name: 'Reader', role: 'organiser' }, new Date())).token;
    });
    after(() => s.close());
    const api = (path: string) => `${s.url}/admin/api${path}`;
    const h = (extra: Record<string, string> = {}) => ({ Authorization: `Bearer ${token}`, ...extra });

    it('answers every admin operation as documented', async () => {
      conforms('get', '/admin/api/me', await send(api('/me'), { headers: h() }), 200);
      conforms('get', '/admin/api/me', await send(api('/me')), 401);
      conforms('get', '/admin/api/initiatives', await send(api('/initiatives'), { headers: h() }), 200);
      const poll = {
        id: 'doc-poll',
        question: 'Yes?',
        kind: 'single',
        options: [
          { id: 'y', label: 'Yes' },
          { id: 'n', label: 'No' },
        ],
      };
      const created = await send(api('/polls'), { headers: h(), body: poll });
      conforms('post', '/admin/api/polls', created, 201);
      conforms(
        'post',
        '/admin/api/polls',
        await send(api('/polls'), { headers: h(), body: { ...poll, id: 'x', options: [] } }),
        400,
      );
      conforms('get', '/admin/api/polls/{id}', await send(api('/polls/doc-poll'), { headers: h() }), 200);
      conforms('get', '/admin/api/polls', await send(api('/polls'), { headers: h() }), 200);
      conforms(
        'put',
        '/admin/api/polls/{id}',
        await send(api('/polls/doc-poll'), { method: 'PUT', headers: h(), body: poll }),
        428,
      );
      conforms(
        'put',
        '/admin/api/polls/{id}',
        await send(api('/polls/doc-poll'), { method: 'PUT', headers: h({ 'If-Match': '"old"' }), body: poll }),
        412,
      );
      conforms(
        'put',
        '/admin/api/polls/{id}',
        await send(api('/polls/doc-poll'), {
          method: 'PUT',
          headers: h({ 'If-Match': created.headers.get('etag')! }),
          body: poll,
        }),
        200,
      );
      conforms(
        'post',
        '/admin/api/polls/{id}/close',
        await send(api('/polls/doc-poll/close'), { headers: h(), body: {} }),
        200,
      );
      conforms(
        'post',
        '/admin/api/polls/{id}/reopen',
        await send(api('/polls/open-single/reopen'), { headers: h(), body: {} }),
        200,
      );
      conforms(
        'post',
        '/admin/api/initiatives/{id}/hide',
        await send(api('/initiatives/c-repair/hide'), { headers: h(), body: {} }),
        200,
      );
      conforms('get', '/admin/api/initiatives/{id}', await send(api('/initiatives/nothing'), { headers: h() }), 404);
      conforms('get', '/admin/api/signups', await send(api('/signups'), { headers: h() }), 200);
      conforms('get', '/admin/api/signups/export', await send(api('/signups/export'), { headers: h() }), 200);
      conforms('get', '/admin/api/settings', await send(api('/settings'), { headers: h() }), 200);
      conforms('get', '/admin/api/audit', await send(api('/audit'), { headers: h() }), 200);
      conforms('get', '/admin/api/audit', await send(api('/audit?limit=0'), { headers: h() }), 400);
    });
  });
}
