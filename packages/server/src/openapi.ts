/**
 * The OpenAPI 3.1 document of the REST contract, built from the core valibot schemas (so the
 * model is written once). `pnpm --filter @civic-kit/server openapi` writes `openapi.json`; a test
 * fails when the committed file and this disagree.
 */
import {
  BallotSchema,
  CIVIC_ERROR_CODES,
  INITIATIVE_SORTS,
  INITIATIVE_STATUSES,
  InitiativePageSchema,
  InitiativeSchema,
  InterestSchema,
  MatchesSchema,
  PlaceMatchSchema,
  PollSchema,
  SignupFormSchema,
  SignupSchema,
} from '@civic-kit/core';
import { toJsonSchema } from '@valibot/to-json-schema';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type * as v from 'valibot';
import { ADMIN_PROBLEM_STATUSES, adminOpenApi } from './admin/openapi.js';
import { VERSION } from './app.js';
import { PROBLEM_TITLES, problemType } from './problems.js';

const schema = (s: v.GenericSchema): Record<string, unknown> => {
  const out = toJsonSchema(s, { errorMode: 'ignore', target: 'draft-2020-12' }) as Record<string, unknown>;
  delete out.$schema;
  return out;
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (s: unknown) => ({ 'application/json': { schema: s } });
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});
const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [String(s), { $ref: `#/components/responses/Problem${s}` }]));

const PROBLEM_STATUSES: Record<number, string> = {
  400: 'Invalid request: malformed parameters or body (`invalid-request`, with `errors` per field)',
  401: 'No or an invalid voter token (`unauthorized`)',
  403: 'The origin or token is not allowed here (`unauthorized`)',
  404: 'No such resource (`not-found`)',
  409: 'Already voted (`conflict`), or the poll or initiative is closed (`closed`)',
  413: 'The body is larger than the limit (`invalid-request`)',
  415: 'The body is not JSON (`invalid-request`)',
  422: 'The Idempotency-Key was used for a different request (`invalid-request`)',
  429: 'Too many requests (`rate-limited`; wait `Retry-After` seconds)',
  500: 'The server failed (`invalid-response`)',
  503: 'The service is unavailable (`network`; retry after `Retry-After`)',
  ...ADMIN_PROBLEM_STATUSES,
};

const idParam = (what: string) => ({
  name: 'id',
  in: 'path',
  required: true,
  description: `The ${what}'s id`,
  schema: { type: 'string', minLength: 1, maxLength: 200 },
});
const writeHeaders = [
  { $ref: '#/components/parameters/IdempotencyKey' },
  { $ref: '#/components/parameters/CivicBrowser' },
];
const writeResponses = (okDescription: string, body: unknown) => ({
  200: {
    description: `${okDescription} A repeated Idempotency-Key gets the first response again, with \`Idempotent-Replayed: true\`.`,
    headers: { 'Idempotent-Replayed': { schema: { type: 'boolean' } } },
    content: json(body),
  },
  ...errors(400, 401, 403, 404, 409, 413, 415, 422, 429, 500, 503),
});

export function buildOpenApi(): Record<string, unknown> {
  const admin = adminOpenApi();
  return {
    openapi: '3.1.0',
    info: {
      title: 'Civic Kit REST contract',
      version: VERSION,
      summary: 'Initiatives, polls and sign-ups for civic participation: what the REST adapter speaks.',
      description:
        'Served by `@civic-kit/server` and spoken by `@civic-kit/adapters/rest`. Every error is an RFC 9457 ' +
        '`application/problem+json` document whose `type` is `urn:civic-kit:problem:<code>`, one type per ' +
        '`CivicError` code. Writes take an `Idempotency-Key` header (a repeat gets the first response) and ' +
        'a voter token signed by the host site (`Authorization: Bearer <JWT HS256>`); polls and initiatives ' +
        'that allow anonymous participation accept a per-browser id (`Civic-Browser`) instead.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: 'http://127.0.0.1:8787', description: 'A local server (`pnpm start`)' }],
    tags: [{ name: 'initiatives' }, { name: 'polls' }, { name: 'find-the-others' }, { name: 'live' }, admin.tag],
    security: [{}, { voterToken: [] }],
    paths: {
      '/initiatives': {
        get: {
          tags: ['initiatives'],
          operationId: 'listInitiatives',
          summary: 'List initiatives: text, tags, status, distance and box filters, sorting, cursor paging',
          parameters: [
            {
              name: 'q',
              in: 'query',
              description:
                'Words that must all appear in title, summary, tags, address or organiser (case- and accent-insensitive)',
              schema: { type: 'string', maxLength: 200 },
            },
            {
              name: 'tags',
              in: 'query',
              description: 'Comma-separated (or repeated); every tag must be present',
              schema: { type: 'string' },
            },
            {
              name: 'status',
              in: 'query',
              description: 'Comma-separated (or repeated); any of them',
              schema: { type: 'string', examples: ['active,proposed'] },
            },
            {
              name: 'near',
              in: 'query',
              description: '`lat,lng`',
              schema: { type: 'string', examples: ['51.454,-2.587'] },
            },
            {
              name: 'radiusKm',
              in: 'query',
              description: 'With `near`: only initiatives this close',
              schema: { type: 'number', minimum: 0, maximum: 20040 },
            },
            {
              name: 'bbox',
              in: 'query',
              description: '`west,south,east,north` in degrees (west > east crosses the antimeridian)',
              schema: { type: 'string' },
            },
            {
              name: 'sort',
              in: 'query',
              description: 'Default: `distance` with `near`, else `relevance`',
              schema: { enum: INITIATIVE_SORTS },
            },
            {
              name: 'source',
              in: 'query',
              description:
                "Whose initiatives: `local` (this community's own), `followed` (those of the communities it follows on the fediverse, each with `source`), or one followed community's actor address. Default: all",
              schema: { type: 'string', examples: ['local', 'followed', 'https://other.example/ap/communities/town'] },
            },
            {
              name: 'cursor',
              in: 'query',
              description: 'Opaque: the `nextCursor` of the previous page',
              schema: { type: 'string' },
            },
            {
              name: 'limit',
              in: 'query',
              description: 'Page size (capped at 100)',
              schema: { type: 'integer', minimum: 1, default: 20 },
            },
          ],
          responses: {
            200: { description: 'A page of initiatives', content: json(ref('InitiativePage')) },
            ...errors(400, 401, 429, 500),
          },
        },
      },
      '/initiatives/{id}': {
        get: {
          tags: ['initiatives'],
          operationId: 'getInitiative',
          summary: 'One initiative (with `supporters.supportedByMe` when a voter is known)',
          parameters: [idParam('initiative')],
          responses: {
            200: { description: 'The initiative', content: json(ref('Initiative')) },
            ...errors(401, 404, 429, 500),
          },
        },
      },
      '/initiatives/{id}/support': {
        post: {
          tags: ['initiatives'],
          operationId: 'supportInitiative',
          summary: 'Support an initiative (once per voter)',
          parameters: [idParam('initiative'), ...writeHeaders],
          requestBody: { required: true, content: json({ type: 'object', description: 'Empty: `{}`' }) },
          responses: writeResponses('The initiative with its new count.', ref('Initiative')),
        },
      },
      '/polls/{id}': {
        get: {
          tags: ['polls'],
          operationId: 'getPoll',
          summary: 'One poll: status from its dates, results as `resultsVisibility` allows, the voter’s own ballot',
          parameters: [idParam('poll')],
          responses: { 200: { description: 'The poll', content: json(ref('Poll')) }, ...errors(401, 404, 429, 500) },
        },
      },
      '/polls/{id}/votes': {
        post: {
          tags: ['polls'],
          operationId: 'vote',
          summary: 'Cast (or, where the poll allows, change) a ballot: one per voter',
          parameters: [idParam('poll'), ...writeHeaders],
          requestBody: { required: true, content: json(ref('Ballot')) },
          responses: writeResponses('The poll as this voter now sees it.', ref('Poll')),
        },
      },
      '/interests': {
        get: {
          tags: ['find-the-others'],
          operationId: 'listInterests',
          summary: 'The interests a sign-up may choose from',
          responses: {
            200: { description: 'Interests', content: json({ type: 'array', items: ref('Interest') }) },
            ...errors(429, 500),
          },
        },
      },
      '/places': {
        get: {
          tags: ['find-the-others'],
          operationId: 'findPlaces',
          summary: 'The places a typed town or postcode may mean, best first (none when nothing matches)',
          parameters: [
            {
              name: 'q',
              in: 'query',
              required: true,
              description: 'What the person typed',
              schema: { type: 'string', minLength: 1, maxLength: 200, examples: ['BS5 0HD', 'Bristol'] },
            },
          ],
          responses: {
            200: { description: 'Places', content: json({ type: 'array', items: ref('PlaceMatch') }) },
            ...errors(400, 429, 500),
          },
        },
      },
      '/signups/form': {
        get: {
          tags: ['find-the-others'],
          operationId: 'signupForm',
          summary:
            'A sign-up form for a person about to fill one in: a stamp, the shortest fill time, the consent words',
          description:
            'Fetch one each time the form is shown and send its `stamp` back as `form.stamp` with the sign-up, ' +
            'with the honeypot field’s value as `form.trap`. The server refuses (400, pointer `/form/…`) a ' +
            'sign-up whose honeypot has text in it, that comes sooner than `minFillSeconds` after its form ' +
            'was issued (`CIVIC_SIGNUP_MIN_FILL_SECONDS`, 3), whose stamp is not its own, more than 7 days ' +
            'old or already used, and — unless `CIVIC_SIGNUP_STAMP=optional` — one without a stamp. When ' +
            '`consents` has any, they are the words the receipt records: show them, and send the purposes ticked.',
          responses: {
            200: { description: 'A fresh form', content: json(ref('SignupForm')) },
            ...errors(429, 500),
          },
        },
      },
      '/signups': {
        post: {
          tags: ['find-the-others'],
          operationId: 'findOthers',
          summary:
            'Sign up (stored with its consent receipts) and hear who and what is near — counts only, never anyone’s personal data',
          description:
            'The receipt (`receipt` in the answer) holds the words the server serves in `GET /signups/form` ' +
            '(the site settings’ consents) for each purpose ticked, and the server’s own time; a site that ' +
            'serves none records the words the client sent.',
          parameters: writeHeaders,
          requestBody: { required: true, content: json(ref('Signup')) },
          responses: writeResponses('Who and what is near.', ref('Matches')),
        },
      },
      '/signups/confirm': {
        get: {
          tags: ['find-the-others'],
          operationId: 'confirmSignup',
          summary: 'Double opt-in: the link mailed to a person confirms their sign-up (an HTML page for them)',
          description:
            'Only when the server runs with `CIVIC_CONFIRM_SIGNUPS`. Until it is opened the sign-up is not ' +
            'matched or exported, and it is deleted after `CIVIC_CONFIRM_HOURS` (48).',
          parameters: [
            {
              name: 'token',
              in: 'query',
              required: true,
              description: 'The token from the mail',
              schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{20,100}$' },
            },
          ],
          responses: {
            200: {
              description: 'Confirmed (or confirmed before)',
              content: { 'text/html': { schema: { type: 'string' } } },
            },
            404: { description: 'Unknown or expired link', content: { 'text/html': { schema: { type: 'string' } } } },
          },
        },
      },
      '/events': {
        get: {
          tags: ['live'],
          operationId: 'events',
          summary: 'Server-Sent Events: live poll results and support counts',
          description:
            'One `change` event (data: a `ChangeEvent` JSON) each time a subscribed topic changes; bursts are ' +
            'coalesced. A client that reconnects with `Last-Event-ID` (or `?lastEventId=`) first gets every ' +
            'topic as it is now.',
          parameters: [
            {
              name: 'topics',
              in: 'query',
              required: true,
              description: 'Comma-separated `poll:<id>` / `initiative:<id>`',
              schema: { type: 'string', examples: ['poll:first-project,initiative:repair-cafe'] },
            },
            { name: 'Last-Event-ID', in: 'header', schema: { type: 'string' } },
          ],
          responses: {
            200: {
              description: 'An event stream',
              content: { 'text/event-stream': { schema: { type: 'string' }, itemSchema: ref('ChangeEvent') } },
            },
            ...errors(400, 429),
          },
        },
      },
      '/openapi.json': {
        get: { operationId: 'openapi', summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1' } } },
      },
      ...admin.paths,
    },
    components: {
      securitySchemes: {
        adminToken: admin.securityScheme,
        voterToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'HS256 JWT signed by the host site with its per-site secret: `iss` = site id, `sub` = the site’s id for the person, optional `exp`.',
        },
      },
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: true,
          description:
            'Chosen once per write by the client and reused on every retry (a structured-field string, quoted or bare)',
          schema: { type: 'string', maxLength: 202 },
        },
        CivicBrowser: {
          name: 'Civic-Browser',
          in: 'header',
          description: 'A random per-browser id, for anonymous participation where a poll or initiative allows it',
          schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{16,64}$' },
        },
      },
      responses: Object.fromEntries(
        Object.entries(PROBLEM_STATUSES).map(([status, description]) => [
          `Problem${status}`,
          {
            ...problem(description),
            ...(status === '429' || status === '503'
              ? { headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait' } } }
              : {}),
          },
        ]),
      ),
      schemas: {
        Initiative: schema(InitiativeSchema),
        InitiativePage: schema(InitiativePageSchema),
        Poll: schema(PollSchema),
        Ballot: schema(BallotSchema),
        Interest: schema(InterestSchema),
        Signup: schema(SignupSchema),
        SignupForm: schema(SignupFormSchema),
        Matches: schema(MatchesSchema),
        PlaceMatch: schema(PlaceMatchSchema),
        ChangeEvent: {
          oneOf: [
            {
              type: 'object',
              required: ['kind', 'id', 'poll'],
              properties: { kind: { const: 'poll' }, id: { type: 'string' }, poll: ref('Poll') },
            },
            {
              type: 'object',
              required: ['kind', 'id', 'initiative'],
              properties: { kind: { const: 'initiative' }, id: { type: 'string' }, initiative: ref('Initiative') },
            },
          ],
        },
        Problem: {
          type: 'object',
          description: 'RFC 9457 problem details; `type` names exactly one `CivicError` code.',
          required: ['type', 'title', 'status', 'detail', 'code'],
          properties: {
            type: {
              type: 'string',
              format: 'uri',
              enum: CIVIC_ERROR_CODES.map(problemType),
              description: CIVIC_ERROR_CODES.map((c) => `\`${problemType(c)}\`: ${PROBLEM_TITLES[c]}`).join('; '),
            },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            code: { enum: CIVIC_ERROR_CODES },
            errors: {
              type: 'array',
              items: {
                type: 'object',
                required: ['detail'],
                properties: {
                  detail: { type: 'string' },
                  pointer: { type: 'string', description: 'JSON Pointer into the body, e.g. `/choices`' },
                  parameter: { type: 'string', description: 'The query parameter or header at fault' },
                },
              },
            },
            retryAfter: { type: 'integer', description: 'Seconds to wait (`rate-limited`)' },
          },
        },
        InitiativeStatus: { enum: INITIATIVE_STATUSES },
        ...admin.schemas,
      },
    },
  };
}

export const OPENAPI_PATH = new URL('../openapi.json', import.meta.url);
export const openapiText = (): string => `${JSON.stringify(buildOpenApi(), null, 2)}\n`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // Formatted as the repository's Prettier would, so `prettier --check` stays quiet.
  const prettier = await import('prettier').catch(() => undefined);
  const text = prettier ? await prettier.format(openapiText(), { parser: 'json', printWidth: 120 }) : openapiText();
  writeFileSync(OPENAPI_PATH, text);
  console.log(`Wrote ${fileURLToPath(OPENAPI_PATH)}`);
}
