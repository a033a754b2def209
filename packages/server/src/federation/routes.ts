/**
 * The federation's HTTP side: Fedify's routes (WebFinger, NodeInfo, the actor, its followers and
 * inboxes) plus the documents served here directly (the outbox, each object, the extension context),
 * behind the inbox's own limits: a blocked domain is refused before anything is read, each remote
 * server has its own rate limit, and a delivery larger than `inboxBodyLimit` is refused.
 */
import { CIVIC_CONTEXT, CIVIC_CONTEXT_PATH } from '@civic-kit/adapters/activitystreams/publish';
import type { Context, Hono } from 'hono';
import { SECURITY_HEADERS } from '../app.js';
import type { ServerConfig } from '../config.js';
import { HttpProblem } from '../problems.js';
import { RateLimiter } from '../rate-limit.js';
import type { CommunityFederation, ObjectKind } from './federation.js';

const AS_TYPE = 'application/activity+json';
const OUTBOX_PAGE = 20;

const isFederationPath = (path: string): boolean =>
  path === '/.well-known/webfinger' ||
  path === '/.well-known/nodeinfo' ||
  path.startsWith('/nodeinfo/') ||
  path.startsWith('/ap/');

const isInbox = (path: string): boolean => path === '/ap/inbox' || /^\/ap\/communities\/[^/]+\/inbox$/.test(path);

/** The host of the key that signed a request (`Signature: keyId="https://host/…"`), if any. */
function signerHost(request: Request): string | undefined {
  const header = request.headers.get('signature') ?? request.headers.get('signature-input') ?? '';
  const m = /keyid="([^"]+)"/i.exec(header);
  if (!m) return undefined;
  try {
    return new URL(m[1]!).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

export function mountFederation(app: Hono, fed: CommunityFederation, config: ServerConfig): void {
  const perServer = new RateLimiter(config.inboxPerServer);
  const activityJson = (c: Context, body: unknown) =>
    c.body(JSON.stringify(body), 200, { 'Content-Type': AS_TYPE, 'Cache-Control': 'no-cache' });
  const origin = (_c: Context) => fed.context().origin;

  app.use('*', async (c, next) => {
    if (!isFederationPath(c.req.path) && c.req.path !== CIVIC_CONTEXT_PATH) return next();
    // Without CIVIC_PUBLIC_URL (development, tests), the first address asked for is the server's.
    fed.setBaseUrl(new URL(c.req.url).origin);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
    await next();
  });

  app.get(CIVIC_CONTEXT_PATH, (c) =>
    c.body(JSON.stringify(CIVIC_CONTEXT), 200, {
      'Content-Type': 'application/ld+json',
      'Cache-Control': 'public, max-age=86400',
      'Access-Control-Allow-Origin': '*',
    }),
  );

  app.get('/ap/communities/:identifier/outbox', async (c) => {
    if (c.req.param('identifier') !== fed.community) throw new HttpProblem(404, 'not-found', 'No such community');
    const base = origin(c);
    const id = `${base}/ap/communities/${fed.community}/outbox`;
    const items = await fed.outboxItems(base);
    const page = c.req.query('page');
    const context = ['https://www.w3.org/ns/activitystreams', `${base}${CIVIC_CONTEXT_PATH}`];
    if (page === undefined)
      return activityJson(c, {
        '@context': context,
        id,
        type: 'OrderedCollection',
        totalItems: items.length,
        first: `${id}?page=1`,
      });
    const n = Number(page);
    if (!Number.isInteger(n) || n < 1) throw new HttpProblem(400, 'invalid-request', '`page` must be 1 or more');
    const slice = items.slice((n - 1) * OUTBOX_PAGE, n * OUTBOX_PAGE);
    return activityJson(c, {
      '@context': context,
      id: `${id}?page=${n}`,
      type: 'OrderedCollectionPage',
      partOf: id,
      totalItems: items.length,
      orderedItems: slice,
      ...(n * OUTBOX_PAGE < items.length ? { next: `${id}?page=${n + 1}` } : {}),
      ...(n > 1 ? { prev: `${id}?page=${n - 1}` } : {}),
    });
  });

  for (const kind of ['initiative', 'poll'] as ObjectKind[])
    app.get(`/ap/${kind}s/:id`, async (c) => {
      const object = await fed.objectJson(origin(c), kind, c.req.param('id') ?? '');
      if (!object) throw new HttpProblem(404, 'not-found', `No ${kind} here`);
      return activityJson(c, object);
    });

  app.use('*', async (c, next) => {
    if (!isFederationPath(c.req.path)) return next();
    let request = c.req.raw;
    if (c.req.method === 'POST' && isInbox(c.req.path)) {
      const host = signerHost(request);
      if (host && (await fed.blockedHost(host)))
        throw new HttpProblem(403, 'unauthorized', 'Deliveries from this server are refused');
      const wait = perServer.take(host ?? 'unsigned');
      if (wait)
        throw new HttpProblem(429, 'rate-limited', `Too many deliveries from this server; try again in ${wait} s`, {
          retryAfter: wait,
        });
      const declared = Number(request.headers.get('content-length') ?? 0);
      const tooLarge = () =>
        new HttpProblem(413, 'invalid-request', `An activity may be ${config.inboxBodyLimit} bytes at most`);
      if (declared > config.inboxBodyLimit) throw tooLarge();
      const body = await request.arrayBuffer();
      if (body.byteLength > config.inboxBodyLimit) throw tooLarge();
      request = new Request(request.url, { method: 'POST', headers: request.headers, body });
    }
    let notFound = false;
    const response = await fed.federation.fetch(request, {
      contextData: undefined,
      onNotFound: () => {
        notFound = true;
        return new Response(null, { status: 404 });
      },
      onNotAcceptable: () =>
        new Response('Ask for application/activity+json', { status: 406, headers: { Vary: 'Accept' } }),
    });
    if (notFound) return next();
    return response;
  });
}
