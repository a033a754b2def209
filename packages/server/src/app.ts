/**
 * The HTTP API (see `openapi.json`): Hono routes over the store, with CORS, body limits, rate
 * limits, voter identity, idempotency keys and RFC 9457 problem details.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import {
  CAPABILITIES,
  INITIATIVE_SORTS,
  INITIATIVE_STATUSES,
  isCivicError,
  parseLatLng,
  parseSignup,
  type BBox,
  type CivicErrorCode,
  type InitiativeQuery,
  type InitiativeSort,
  type InitiativeStatus,
} from '@civic-kit/core';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { streamSSE } from 'hono/streaming';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { getSettings } from './admin/data.js';
import { guardHiddenItems, mountAdmin } from './admin/routes.js';
import { identify, type Voter } from './auth.js';
import type { ServerConfig } from './config.js';
import type { Db, Queryable } from './db/db.js';
import { parseTopic, type LiveEvents, type TopicKey } from './events.js';
import { CommunityFederation } from './federation/federation.js';
import { mountFederation } from './federation/routes.js';
import { confirmationMail, createMailer } from './mail.js';
import { badRequest, HttpProblem, pointer, unauthorized, type FieldError } from './problems.js';
import { RateLimiter } from './rate-limit.js';
import { SharedRateLimiter } from './shared-rate-limit.js';
import { checkForm, formKey, issueForm } from './signup-form.js';
import * as store from './store.js';

export const VERSION = '0.1.0';

/** The status each `CivicError` code is sent with. */
const STATUS: Record<CivicErrorCode, number> = {
  network: 503,
  'invalid-response': 500,
  'invalid-request': 400,
  'not-found': 404,
  conflict: 409,
  unauthorized: 401,
  'rate-limited': 429,
  unsupported: 501,
  closed: 409,
  aborted: 499,
  misconfigured: 500,
};

let openapiCache: string | undefined;
/** The OpenAPI document kept in the repository (`packages/server/openapi.json`). */
export function openapiDocument(): string {
  return (openapiCache ??= readFileSync(new URL('../openapi.json', import.meta.url), 'utf8'));
}

/** Anything thrown, as a problem. */
export function toProblem(e: unknown): HttpProblem {
  if (e instanceof HttpProblem) return e;
  if (isCivicError(e)) {
    const errors: FieldError[] = Object.entries(e.fields ?? {}).map(([path, detail]) => ({
      detail,
      pointer: pointer(path),
    }));
    return new HttpProblem(STATUS[e.code], e.code, e.message, { errors, retryAfter: e.retryAfter });
  }
  console.error('civic-server: unexpected failure', e);
  return new HttpProblem(500, 'invalid-response', 'The server failed to answer this request');
}

function problemResponse(c: Context, p: HttpProblem): Response {
  const headers: Record<string, string> = {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/problem+json',
    'Cache-Control': 'no-store',
  };
  if (p.retryAfter !== undefined) headers['Retry-After'] = String(p.retryAfter);
  return c.body(JSON.stringify(p.toJSON()), p.status as 400, headers);
}

/**
 * Sent with every response: the API serves JSON only, so nothing may run, load or frame it, and no
 * page address leaks onward.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
};

const MAX_LIST_ITEMS = 20;

function listParam(c: Context, name: string): string[] | undefined {
  const values = c.req.queries(name);
  if (!values) return undefined;
  const items = values
    .flatMap((v) => v.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length > MAX_LIST_ITEMS || items.some((s) => s.length > 100))
    throw badRequest(`Too many or too long values in \`${name}\``, [
      { detail: 'Too many or too long', parameter: name },
    ]);
  return items;
}

function numberParam(c: Context, name: string, min: number, max: number): number | undefined {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max)
    throw badRequest(`\`${name}\` must be a number from ${min} to ${max}`, [
      { detail: `A number from ${min} to ${max}`, parameter: name },
    ]);
  return n;
}

/** `GET /initiatives` query parameters, checked. */
export function parseInitiativeQuery(c: Context): InitiativeQuery {
  const query: InitiativeQuery = {};
  const q = c.req.query('q');
  if (q !== undefined && q !== '') {
    if (q.length > 200) throw badRequest('`q` is longer than 200 characters', [{ detail: 'Too long', parameter: 'q' }]);
    query.q = q;
  }
  const tags = listParam(c, 'tags');
  if (tags?.length) query.tags = tags;
  const status = listParam(c, 'status');
  if (status?.length) {
    const wrong = status.find((s) => !INITIATIVE_STATUSES.includes(s as InitiativeStatus));
    if (wrong !== undefined)
      throw badRequest(`Unknown status "${wrong}"`, [
        { detail: `One of ${INITIATIVE_STATUSES.join(', ')}`, parameter: 'status' },
      ]);
    query.status = status as InitiativeStatus[];
  }
  const near = c.req.query('near');
  if (near !== undefined && near !== '') {
    const point = parseLatLng(near);
    if (!point) throw badRequest('`near` must be "lat,lng"', [{ detail: 'Expected "lat,lng"', parameter: 'near' }]);
    query.near = point;
  }
  const radiusKm = numberParam(c, 'radiusKm', 0, 20_040);
  if (radiusKm !== undefined) query.radiusKm = radiusKm;
  const bbox = c.req.query('bbox');
  if (bbox !== undefined && bbox !== '') {
    const parts = bbox.split(',').map((s) => Number(s.trim()));
    const [w, s, e, n] = parts as [number, number, number, number];
    if (
      parts.length !== 4 ||
      !parts.every(Number.isFinite) ||
      Math.abs(w) > 180 ||
      Math.abs(e) > 180 ||
      Math.abs(s) > 90 ||
      Math.abs(n) > 90 ||
      s > n
    )
      throw badRequest('`bbox` must be "west,south,east,north"', [
        { detail: 'Expected "west,south,east,north"', parameter: 'bbox' },
      ]);
    query.bbox = [w, s, e, n] as BBox;
  }
  const sort = c.req.query('sort');
  if (sort !== undefined && sort !== '') {
    if (!INITIATIVE_SORTS.includes(sort as InitiativeSort))
      throw badRequest(`Unknown sort "${sort.slice(0, 50)}"`, [
        { detail: `One of ${INITIATIVE_SORTS.join(', ')}`, parameter: 'sort' },
      ]);
    query.sort = sort as InitiativeSort;
  }
  const cursor = c.req.query('cursor');
  if (cursor !== undefined && cursor !== '') query.cursor = cursor;
  const limit = numberParam(c, 'limit', 1, Number.MAX_SAFE_INTEGER);
  if (limit !== undefined) {
    if (!Number.isInteger(limit))
      throw badRequest('`limit` must be a whole number', [{ detail: 'A whole number', parameter: 'limit' }]);
    query.limit = limit;
  }
  return query;
}

/** `Idempotency-Key: "…"` (a structured-field string, as the IETF draft has it; bare also accepted). */
function idempotencyKey(c: Context): string {
  const raw = c.req.header('idempotency-key');
  const key = raw?.trim().replace(/^"(.*)"$/, '$1');
  if (!key)
    throw badRequest('Writes need an Idempotency-Key header', [{ detail: 'Missing', parameter: 'Idempotency-Key' }]);
  if (!/^[\x21-\x7e]{1,200}$/.test(key))
    throw badRequest('The Idempotency-Key must be 1–200 visible ASCII characters', [
      { detail: 'Malformed', parameter: 'Idempotency-Key' },
    ]);
  return key;
}

/** Deeper than any request of the contract needs (a sign-up is 4 levels). */
export const MAX_JSON_DEPTH = 16;

/** How deeply `value` nests arrays and objects, counted without recursion; stops past `limit`. */
function depthOver(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

export async function jsonBody(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(.+\+)?json\s*(;|$)/i.test(type))
    throw new HttpProblem(415, 'invalid-request', 'Send the body as application/json', {
      errors: [{ detail: 'Expected application/json', parameter: 'Content-Type' }],
    });
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw badRequest('The body is not valid JSON');
  }
  // Checked before anything walks it recursively (the idempotency digest, validation).
  if (depthOver(body, MAX_JSON_DEPTH)) throw badRequest(`The body nests deeper than ${MAX_JSON_DEPTH} levels`);
  return body;
}

/**
 * The client's address: the connection's, or — behind `trustProxy` proxies of your own — the entry
 * that many hops from the right of `X-Forwarded-For` (each proxy appends the address it was called
 * from; whatever the client wrote is further left and never read). With `trustedProxies`, the
 * right-most address that is not one of them.
 */
export function clientAddress(
  peer: string,
  forwardedFor: string | undefined,
  config: Pick<ServerConfig, 'trustProxy' | 'trustedProxies'>,
): string {
  const bare = (a: string) => a.replace(/^::ffff:/, '');
  if (!forwardedFor || (!config.trustProxy && !config.trustedProxies.length)) return peer;
  const chain = [
    ...forwardedFor
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean),
    peer,
  ];
  if (config.trustedProxies.length) {
    const trusted = new Set(config.trustedProxies.map(bare));
    for (let i = chain.length - 1; i >= 0; i--) if (!trusted.has(bare(chain[i]!))) return chain[i]!;
    return chain[0]!;
  }
  return chain[Math.max(0, chain.length - 1 - config.trustProxy)]!;
}

export interface AppParts {
  db: Db;
  config: ServerConfig;
  events: LiveEvents;
  /** The community on the fediverse (made here when not given; `startServer` starts its queue). */
  federation?: CommunityFederation | undefined;
}

const SOURCE_VALUES = ['local', 'followed'];

/** `?source=local|followed|<actor IRI>` of the initiative list. */
function sourceParam(c: Context): store.SourceFilter | undefined {
  const raw = c.req.query('source')?.trim();
  if (!raw) return undefined;
  if (SOURCE_VALUES.includes(raw)) return raw as 'local' | 'followed';
  if (/^https?:\/\/\S{1,2000}$/i.test(raw)) return { actor: raw };
  throw badRequest('`source` must be local, followed, or the address of a followed community', [
    { detail: 'local, followed, or an https address', parameter: 'source' },
  ]);
}

export function createApp({ db, config, events, federation }: AppParts): Hono {
  const app = new Hono();
  const fed = federation ?? new CommunityFederation({ db, config, changed: (topic) => void events.changed(topic) });
  const mailer = createMailer(config);
  if (config.confirmSignups && !mailer)
    throw new Error('CIVIC_CONFIRM_SIGNUPS needs a way to send mail: CIVIC_SMTP_URL (or CIVIC_MAIL_OUTBOX to test)');
  const allowed = new Set([...config.allowedOrigins, ...config.sites.flatMap((s) => s.origins ?? [])]);
  const reads = new RateLimiter(config.addressReads);
  const addressWrites = new RateLimiter(config.addressWrites);
  const voterWrites = new RateLimiter(config.voterWrites);
  const streams = new Map<string, number>();
  const streamOpens = new RateLimiter(config.eventsPerAddress);
  const signingKey = formKey(db);

  const matchesPerAddress = new SharedRateLimiter(db, 'matches-address', config.matchesPerAddress, () =>
    config.now().getTime(),
  );
  const matchesPerVoter = new SharedRateLimiter(db, 'matches-voter', config.matchesPerVoter, () =>
    config.now().getTime(),
  );

  const anonymousVotes = new SharedRateLimiter(db, 'anonymous-votes', config.anonymousVotesPerPoll, () =>
    config.now().getTime(),
  );
  /** Anonymous participation in one poll or initiative, counted per address across processes. */
  const anonymousLimit = async (c: Context, what: string): Promise<void> => {
    if (voterOf(c).kind !== 'browser') return;
    const wait = await anonymousVotes.take(`${what}\n${address(c)}`);
    if (wait) throw limited(wait, `anonymous ballots for ${what.slice(0, 100)} from this address`);
  };

  const address = (c: Context): string => {
    let peer = 'unknown';
    try {
      peer = getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      /* not a socket (tests through app.request) */
    }
    return clientAddress(peer, c.req.header('x-forwarded-for'), config);
  };
  const limited = (seconds: number, what: string) =>
    new HttpProblem(429, 'rate-limited', `Too many ${what}; try again in ${seconds} s`, { retryAfter: seconds });
  const voterOf = (c: Context): Voter =>
    identify(c.req.header('authorization'), c.req.header('civic-browser'), config.sites, c.req.header('origin'), {
      audience: config.audience,
      maxLifetimeSeconds: config.maxTokenLifetimeSeconds,
    });

  app.onError((e, c) => problemResponse(c, toProblem(e)));
  app.notFound((c) => problemResponse(c, new HttpProblem(404, 'not-found', `Nothing at ${c.req.path}`)));
  mountAdmin(app, { db, config, events, allowed, address, federation: fed });
  mountFederation(app, fed, config);

  app.use(
    '*',
    cors({
      origin: (origin) => (allowed.has(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: [
        'Content-Type',
        'Authorization',
        'Idempotency-Key',
        'Civic-Browser',
        'Last-Event-ID',
        'Accept-Language',
      ],
      exposeHeaders: ['Retry-After', 'Idempotent-Replayed'],
      maxAge: 600,
    }),
  );
  app.use('*', async (c, next) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
    c.header('Cache-Control', 'no-store');
    if (c.req.method === 'GET' && c.req.path !== '/events') {
      const wait = reads.take(address(c as Context));
      if (wait) throw limited(wait, 'requests');
    }
    if (c.req.method === 'POST') {
      const origin = c.req.header('origin');
      if (origin && !allowed.has(origin)) throw unauthorized(`Requests from ${origin} are not allowed`, 403);
      const wait = addressWrites.take(address(c as Context));
      if (wait) throw limited(wait, 'writes from this address');
    }
    await next();
  });
  app.use(
    '*',
    bodyLimit({
      maxSize: config.bodyLimit,
      onError: () => {
        throw new HttpProblem(413, 'invalid-request', `The body is larger than ${config.bodyLimit} bytes`);
      },
    }),
  );

  guardHiddenItems(app, db);

  /** One write: who, rate limit, idempotency key, the transaction, the live event. */
  const write = async <T>(
    c: Context,
    op: (tx: Queryable, voter: Voter, body: unknown, request: { principal: string; key: string }) => Promise<T>,
    topic?: TopicKey,
  ): Promise<Response> => {
    const voter = voterOf(c);
    if (voter.kind !== 'none') {
      const wait = voterWrites.take(voter.id);
      if (wait) throw limited(wait, 'writes by this voter');
    }
    const key = idempotencyKey(c);
    const body = await jsonBody(c);
    const now = config.now();
    const principal = voter.kind === 'none' ? 'public' : voter.id;
    const result = await store.idempotent(
      db,
      { principal, key, fingerprint: store.fingerprint('POST', c.req.path, body), now },
      async (tx) => ({ status: 200, body: await op(tx, voter, body, { principal, key }) }),
    );
    if (!result.replayed && topic) void events.changed(topic);
    c.header('Idempotent-Replayed', String(result.replayed));
    return c.json(result.body as object, result.status as 200);
  };

  app.get('/', (c) =>
    c.json({
      name: 'Civic Kit reference server',
      version: VERSION,
      openapi: '/openapi.json',
      capabilities: CAPABILITIES,
    }),
  );
  app.get('/health', async (c) => {
    await db.get('SELECT 1 AS ok');
    return c.json({ status: 'ok', database: db.kind });
  });
  app.get('/openapi.json', (c) => c.body(openapiDocument(), 200, { 'Content-Type': 'application/json' }));

  app.get('/initiatives', async (c) =>
    c.json(await store.listInitiatives(db, parseInitiativeQuery(c), voterOf(c), sourceParam(c))),
  );
  app.get('/initiatives/:id', async (c) => c.json(await store.getInitiative(db, c.req.param('id'), voterOf(c))));
  app.post('/initiatives/:id/support', async (c) => {
    const id = c.req.param('id');
    await anonymousLimit(c, `initiative:${id}`);
    return write(c, (tx, voter) => store.supportInitiative(tx, id, voter, config.now()), `initiative:${id}`);
  });
  app.get('/polls/:id', async (c) => c.json(await store.getPoll(db, c.req.param('id'), voterOf(c), config.now())));
  app.post('/polls/:id/votes', async (c) => {
    const id = c.req.param('id');
    await anonymousLimit(c, `poll:${id}`);
    return write(c, (tx, voter, body) => store.vote(tx, id, body, voter, config.now()), `poll:${id}`);
  });
  app.get('/interests', async (c) => c.json(await store.listInterests(db)));
  app.get('/places', async (c) => {
    const q = c.req.query('q') ?? '';
    if (!q.trim() || q.length > 200)
      throw badRequest('`q` must be a town or postcode of 1 to 200 characters', [
        { detail: '1 to 200 characters', parameter: 'q' },
      ]);
    return c.json(await store.findPlaces(db, q));
  });
  app.get('/signups/form', async (c) => {
    const { settings } = await getSettings(db);
    return c.json(issueForm(await signingKey(), config.now(), config.signupMinFillSeconds, settings.consents));
  });
  app.post('/signups', async (c) => {
    // Each sign-up is also a question about who is near: limited in the database, across processes.
    // A retry with the key of a stored sign-up asks nothing new (its stored answer is replayed).
    const voter = voterOf(c);
    const key = idempotencyKey(c);
    const principal = voter.kind === 'none' ? 'public' : voter.id;
    const stored = await db.get('SELECT 1 AS ok FROM idempotency_keys WHERE principal = ? AND idem_key = ?', [
      principal,
      key,
    ]);
    let wait = stored ? 0 : await matchesPerAddress.take(address(c));
    if (!wait && !stored && voter.kind !== 'none') wait = await matchesPerVoter.take(voter.id);
    if (wait) throw limited(wait, 'sign-ups from here');
    let mail: { to: string; token: string } | undefined;
    const stampKey = await signingKey();
    const response = await write(c, async (tx, v, body, request) => {
      // Fields first (a person corrects those), then the form's stamp and honeypot.
      await checkForm(tx, stampKey, parseSignup(body).form, config.now(), {
        minFillSeconds: config.signupMinFillSeconds,
        required: config.signupStampRequired,
      });
      const { settings } = await getSettings(tx);
      const rules = { ...config, consentTexts: settings.consents };
      const token = config.confirmSignups ? randomBytes(32).toString('base64url') : undefined;
      const matches = await store.signup(tx, body, v, config.now(), rules, request, token && store.tokenDigest(token));
      if (token) mail = { to: String((body as { email: string }).email).trim(), token };
      return matches;
    });
    if (mail && mailer) {
      const base = config.publicUrl?.replace(/\/+$/, '') ?? new URL(c.req.url).origin;
      const link = `${base}/signups/confirm?token=${mail.token}`;
      // Stored already: a mail that cannot be sent leaves an unconfirmed sign-up, which expires.
      await mailer
        .send(confirmationMail(mail.to, link, config.confirmHours))
        .catch((e: unknown) => console.error('civic-server: the confirmation mail could not be sent', e));
    }
    return response;
  });
  app.get('/signups/confirm', async (c) => {
    const token = c.req.query('token') ?? '';
    const ok = /^[A-Za-z0-9_-]{20,100}$/.test(token) && (await store.confirmSignup(db, token, config.now()));
    const page = (title: string, text: string) =>
      `<!doctype html><html lang="en"><meta charset="utf-8"><title>${title}</title><h1>${title}</h1><p>${text}</p></html>`;
    return ok
      ? c.html(page('Sign-up confirmed', 'Thank you: your sign-up is confirmed, and people nearby can now find you.'))
      : c.html(
          page('Link not valid', 'This link is not valid, or it expired. Sign up again to receive a new one.'),
          404,
        );
  });

  app.get('/events', (c) => {
    const raw = [...(c.req.queries('topics') ?? []), ...(c.req.queries('topic') ?? [])].flatMap((s) => s.split(','));
    const topics = [...new Set(raw.map((s) => s.trim()).filter(Boolean))];
    if (!topics.length || topics.length > 100)
      throw badRequest('Name 1 to 100 topics, e.g. `?topics=poll:first-project`', [
        { detail: '1 to 100 topics', parameter: 'topics' },
      ]);
    const keys = topics.map((t) => parseTopic(t));
    const wrong = topics.find((_, i) => !keys[i]);
    if (wrong !== undefined)
      throw badRequest(`Unknown topic "${wrong.slice(0, 50)}"`, [
        { detail: 'Expected poll:<id> or initiative:<id>', parameter: 'topics' },
      ]);
    const who = address(c);
    if ((streams.get(who) ?? 0) >= config.streamsPerAddress) throw limited(30, 'open event streams');
    const wait = streamOpens.take(who);
    if (wait) throw limited(wait, 'event stream connections');
    const resume = c.req.header('last-event-id') ?? c.req.query('lastEventId');
    c.header('Cache-Control', 'no-store');
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      streams.set(who, (streams.get(who) ?? 0) + 1);
      let id = Date.now();
      let queue = Promise.resolve();
      const send = (event: unknown) => {
        queue = queue
          .then(() => stream.writeSSE({ event: 'change', data: JSON.stringify(event), id: String(++id) }))
          .catch(() => undefined);
      };
      const stop = events.subscribe(keys as TopicKey[], send);
      const keepAlive = setInterval(() => void stream.write(': keep-alive\n\n').catch(() => undefined), 20_000);
      try {
        await stream.writeSSE({ event: 'ready', data: JSON.stringify({ topics }), id: String(id), retry: 2000 });
        if (resume !== undefined) {
          // A reconnecting client may have missed changes: send each topic as it is now.
          for (const t of keys as TopicKey[]) {
            const event = await events.snapshot(t);
            if (event) send(event);
          }
        }
        await new Promise<void>((resolve) => stream.onAbort(resolve));
      } finally {
        clearInterval(keepAlive);
        stop();
        const n = (streams.get(who) ?? 1) - 1;
        if (n > 0) streams.set(who, n);
        else streams.delete(who);
      }
    });
  });

  return app;
}
