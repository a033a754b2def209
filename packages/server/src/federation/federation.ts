/**
 * The community on the fediverse, through Fedify (see docs/federation.md and ADR 0007): one `Group`
 * actor with WebFinger, NodeInfo, an outbox, a followers collection and an inbox whose deliveries must
 * carry a valid HTTP signature. Fedify's key–value store and queue live in the server's database.
 *
 * - Publishing: each change of the community's own initiative or poll (said through the database's
 *   notifications) is sent to the followers as `Create`, `Update` or `Delete`, through the queue.
 * - Votes: a `Create` of a `Note` replying to one of the community's `Question`s, whose `name` is an
 *   option, is a ballot of that remote actor (`fediverse:<actor IRI>`), counted once.
 * - Following: `follow` looks the account up, sends `Follow` and reads its outbox server-side with the
 *   ActivityStreams adapter's rules; deliveries from it and a periodic re-read keep it fresh.
 */
import { ActivityStreamsAdapter } from '@civic-kit/adapters/activitystreams';
import {
  CIVIC_CONTEXT,
  CIVIC_CONTEXT_PATH,
  initiativeToAs2,
  pollToQuestion,
} from '@civic-kit/adapters/activitystreams/publish';
import type { Initiative } from '@civic-kit/core';
import {
  Accept,
  Activity,
  Create,
  createFederation,
  Delete,
  Endpoints,
  exportJwk,
  Follow,
  generateCryptoKeyPair,
  getDocumentLoader,
  Group,
  importJwk,
  isActor,
  Note,
  parseSemVer,
  Tombstone,
  Undo,
  Update,
  type Context,
  type DocumentLoader,
  type Federation,
  type Recipient,
} from '@fedify/fedify';
import { createHash, randomUUID } from 'node:crypto';
import { VERSION } from '../app.js';
import type { ServerConfig } from '../config.js';
import type { Db } from '../db/db.js';
import { badRequest } from '../problems.js';
import * as store from '../store.js';
import { DbKvStore, DbMessageQueue } from './db-kv.js';

const AS_PUBLIC = 'https://www.w3.org/ns/activitystreams#Public';
const HANDLE = /^[a-z0-9][a-z0-9_.-]{0,63}$/;

export type ObjectKind = 'initiative' | 'poll';

export interface FollowRow {
  actor: string;
  handle: string;
  name: string;
  url: string | null;
  inbox: string;
  outbox: string | null;
  follow_id: string;
  state: string;
  created_at: string;
  fetched_at: string | null;
  next_fetch_at: string | null;
  failures: number;
  last_error: string | null;
}

/** A document loader that answers Civic Kit's own extension context locally, whatever host names it. */
function withCivicContext(loader: DocumentLoader): DocumentLoader {
  return async (url: string) => {
    try {
      if (new URL(url).pathname === CIVIC_CONTEXT_PATH)
        return { contextUrl: null, documentUrl: url, document: CIVIC_CONTEXT };
    } catch {
      /* not a URL: the loader says so */
    }
    return loader(url);
  };
}

const hostOf = (iri: string): string => {
  try {
    return new URL(iri).hostname.toLowerCase();
  } catch {
    return '';
  }
};

export interface CommunityFederationParts {
  db: Db;
  config: ServerConfig;
  /** Told after a remote vote or a followed item changed what a topic shows. */
  changed?: (topic: `poll:${string}` | `initiative:${string}`) => void;
}

export class CommunityFederation {
  readonly federation: Federation<void>;
  readonly community: string;
  private readonly db: Db;
  private readonly config: ServerConfig;
  private readonly kv: DbKvStore;
  private readonly queue: DbMessageQueue;
  private readonly changed: CommunityFederationParts['changed'];
  private baseUrl: URL | undefined;
  private stopping: AbortController | undefined;
  private timers: NodeJS.Timeout[] = [];
  private stopListening: (() => void) | undefined;
  private publishing: Promise<unknown> = Promise.resolve();

  constructor({ db, config, changed }: CommunityFederationParts) {
    if (!HANDLE.test(config.community))
      throw new Error(
        `CIVIC_COMMUNITY "${config.community}" cannot be a handle: 1–64 lower-case letters, digits, ".", "_" or "-"`,
      );
    this.db = db;
    this.config = config;
    this.community = config.community;
    this.changed = changed;
    this.kv = new DbKvStore(db, config.now);
    this.queue = new DbMessageQueue(db);
    if (config.publicUrl) this.baseUrl = new URL(config.publicUrl);
    const allowPrivateAddress = config.federationAllowPrivateAddresses;
    this.federation = createFederation<void>({
      kv: this.kv,
      queue: this.queue,
      manuallyStartQueue: true,
      allowPrivateAddress,
      ...(config.publicUrl ? { origin: new URL(config.publicUrl).origin } : {}),
      documentLoaderFactory: (o) => withCivicContext(getDocumentLoader({ allowPrivateAddress, ...o })),
      // JSON-LD contexts are expanded through this one; signed fetches (Fedify's own) read raw documents.
      contextLoaderFactory: (o) => withCivicContext(getDocumentLoader({ allowPrivateAddress, ...o })),
    });
    this.setUp();
  }

  // ─── addresses ─────────────────────────────────────────────────────────────────────────────

  /** The server's public URL, when it was not configured: the address it listens on. */
  setBaseUrl(url: string): void {
    this.baseUrl ??= new URL(url);
  }

  context(): Context<void> {
    if (!this.baseUrl) throw new Error('Federation needs CIVIC_PUBLIC_URL (the public https address of this server)');
    return this.federation.createContext(this.baseUrl, undefined);
  }

  objectUri(origin: string, kind: ObjectKind, id: string): string {
    return `${origin}/ap/${kind}s/${encodeURIComponent(id)}`;
  }

  /** The local id of one of the community's objects, from its IRI (`undefined` when it is not one). */
  private localObject(origin: string, iri: URL | null | undefined): { kind: ObjectKind; id: string } | undefined {
    if (!iri || iri.origin !== origin) return undefined;
    const m = /^\/ap\/(initiative|poll)s\/([^/]+)$/.exec(iri.pathname);
    return m ? { kind: m[1] as ObjectKind, id: decodeURIComponent(m[2]!) } : undefined;
  }

  // ─── what the fediverse reads ───────────────────────────────────────────────────────────────

  /** One of the community's own objects as AS2 JSON-LD, or `undefined` (none, hidden, followed, ranked). */
  async objectJson(origin: string, kind: ObjectKind, id: string): Promise<Record<string, unknown> | undefined> {
    const actor = `${origin}/ap/communities/${this.community}`;
    const options = {
      id: this.objectUri(origin, kind, id),
      actor,
      followers: `${actor}/followers`,
      contextUrl: `${origin}${CIVIC_CONTEXT_PATH}`,
    };
    if (kind === 'initiative') {
      const row = await this.db.get<{ hidden: number; source: string | null }>(
        'SELECT hidden, source FROM initiatives WHERE id = ?',
        [id],
      );
      if (!row || row.hidden || row.source !== null) return undefined;
      const initiative = await store.getInitiative(this.db, id, { kind: 'none' });
      return initiativeToAs2({ ...initiative, url: initiative.url ?? options.id }, options);
    }
    const row = await this.db.get<{ hidden: number }>('SELECT hidden FROM polls WHERE id = ?', [id]);
    if (!row || row.hidden) return undefined;
    return pollToQuestion(await store.publicPoll(this.db, id, this.config.now()), options);
  }

  /** The outbox's items: a `Create` of each of the community's own objects, newest first. */
  async outboxItems(origin: string): Promise<Record<string, unknown>[]> {
    const initiatives = await this.db.all<{ id: string }>(
      'SELECT id FROM initiatives WHERE hidden = 0 AND source IS NULL ORDER BY sort_order DESC',
    );
    const polls = await this.db.all<{ id: string }>('SELECT id FROM polls WHERE hidden = 0 ORDER BY sort_order DESC');
    const actor = `${origin}/ap/communities/${this.community}`;
    const out: Record<string, unknown>[] = [];
    for (const [kind, rows] of [
      ['initiative', initiatives],
      ['poll', polls],
    ] as const)
      for (const { id } of rows) {
        const object = await this.objectJson(origin, kind, id);
        if (!object) continue;
        const { '@context': _context, ...rest } = object;
        out.push({ id: `${rest['id'] as string}#create`, type: 'Create', actor, to: [AS_PUBLIC], object: rest });
      }
    return out;
  }

  // ─── Fedify's dispatchers and inbox ─────────────────────────────────────────────────────────

  private setUp(): void {
    const f = this.federation;
    f.setActorDispatcher('/ap/communities/{identifier}', async (ctx, identifier) => {
      if (identifier !== this.community) return null;
      const keys = await ctx.getActorKeyPairs(identifier);
      const id = ctx.getActorUri(identifier);
      return new Group({
        id,
        preferredUsername: identifier,
        name: this.config.communityName,
        url: new URL('/', id),
        inbox: ctx.getInboxUri(identifier),
        outbox: new URL(`${id.href}/outbox`),
        followers: ctx.getFollowersUri(identifier),
        endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }),
        publicKey: keys[0]?.cryptographicKey ?? null,
        assertionMethods: keys.map((k) => k.multikey),
        manuallyApprovesFollowers: false,
        discoverable: true,
      });
    }).setKeyPairsDispatcher(async (_ctx, identifier) =>
      identifier === this.community ? this.keyPairs(identifier) : [],
    );

    f.setFollowersDispatcher('/ap/communities/{identifier}/followers', async (_ctx, identifier) => {
      if (identifier !== this.community) return null;
      const rows = await this.db.all<{ actor: string; inbox: string; shared_inbox: string | null }>(
        'SELECT actor, inbox, shared_inbox FROM federation_followers WHERE community = ? ORDER BY created_at',
        [identifier],
      );
      const items: Recipient[] = rows.map((r) => ({
        id: new URL(r.actor),
        inboxId: new URL(r.inbox),
        endpoints: { sharedInbox: r.shared_inbox ? new URL(r.shared_inbox) : null },
      }));
      return { items };
    }).setCounter(async (_ctx, identifier) => {
      const row = await this.db.get<{ n: number }>(
        'SELECT CAST(COUNT(*) AS INTEGER) AS n FROM federation_followers WHERE community = ?',
        [identifier],
      );
      return Number(row?.n ?? 0);
    });

    f.setNodeInfoDispatcher('/nodeinfo/2.1', async () => {
      const posts = await this.db.get<{ n: number }>(
        'SELECT CAST(COUNT(*) AS INTEGER) AS n FROM initiatives WHERE hidden = 0 AND source IS NULL',
      );
      return {
        software: { name: 'civic-kit', version: parseSemVer(VERSION) },
        protocols: ['activitypub'],
        usage: {
          users: { total: 1, activeHalfyear: 1, activeMonth: 1 },
          localPosts: Number(posts?.n ?? 0),
          localComments: 0,
        },
        openRegistrations: false,
      };
    });

    f.setInboxListeners('/ap/communities/{identifier}/inbox', '/ap/inbox')
      .on(Follow, async (ctx, follow) => {
        if (await this.blockedActor(follow.actorId)) return;
        const target = follow.objectId && ctx.parseUri(follow.objectId);
        if (!target || target.type !== 'actor' || target.identifier !== this.community) return;
        const follower = await follow.getActor(ctx);
        if (!isActor(follower) || !follower.id || !follower.inboxId) return;
        await this.db.run(
          `INSERT INTO federation_followers (community, actor, inbox, shared_inbox, created_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (community, actor) DO UPDATE SET inbox = excluded.inbox, shared_inbox = excluded.shared_inbox`,
          [
            this.community,
            follower.id.href,
            follower.inboxId.href,
            follower.endpoints?.sharedInbox?.href ?? null,
            this.config.now().toISOString(),
          ],
        );
        await ctx.sendActivity(
          { identifier: this.community },
          follower,
          new Accept({
            id: new URL(`${ctx.getActorUri(this.community).href}#accepts/${randomUUID()}`),
            actor: ctx.getActorUri(this.community),
            object: follow,
          }),
        );
      })
      .on(Undo, async (ctx, undo) => {
        const object = await undo.getObject(ctx);
        if (object instanceof Follow && undo.actorId)
          await this.db.run('DELETE FROM federation_followers WHERE community = ? AND actor = ?', [
            this.community,
            undo.actorId.href,
          ]);
      })
      .on(Accept, async (_ctx, accept) => {
        if (!accept.actorId) return;
        const row = await this.followOf(accept.actorId.href);
        if (!row) return;
        await this.db.run("UPDATE federation_follows SET state = 'accepted' WHERE actor = ?", [row.actor]);
        await this.refresh(row.actor).catch(() => undefined);
      })
      .on(Create, async (ctx, create) => {
        if (!create.actorId || (await this.blockedActor(create.actorId))) return;
        const object = await create.getObject(ctx);
        if (object instanceof Note && object.replyTargetId) {
          await this.vote(ctx, create.actorId, object);
          return;
        }
        await this.received(create.actorId.href, object?.id ?? null, 'put');
      })
      .on(Update, async (ctx, update) => {
        if (!update.actorId || (await this.blockedActor(update.actorId))) return;
        await this.received(update.actorId.href, update.objectId, 'put');
        void ctx;
      })
      .on(Delete, async (_ctx, del) => {
        if (!del.actorId || (await this.blockedActor(del.actorId))) return;
        await this.received(del.actorId.href, del.objectId, 'delete');
      })
      .onError((_ctx, error) => console.error('civic-server: an inbox activity failed', error));
  }

  private async keyPairs(identifier: string): Promise<CryptoKeyPair[]> {
    const pairs: CryptoKeyPair[] = [];
    for (const algorithm of ['RSASSA-PKCS1-v1_5', 'Ed25519'] as const) {
      const row = await this.db.get<{ private_jwk: string; public_jwk: string }>(
        'SELECT private_jwk, public_jwk FROM federation_keys WHERE community = ? AND algorithm = ?',
        [identifier, algorithm],
      );
      if (row) {
        pairs.push({
          privateKey: await importJwk(JSON.parse(row.private_jwk) as JsonWebKey, 'private'),
          publicKey: await importJwk(JSON.parse(row.public_jwk) as JsonWebKey, 'public'),
        });
        continue;
      }
      const pair = await generateCryptoKeyPair(algorithm);
      // Two processes may make a pair at once: the first stored wins, and both use it.
      await this.db.run(
        `INSERT INTO federation_keys (community, algorithm, private_jwk, public_jwk) VALUES (?, ?, ?, ?)
         ON CONFLICT (community, algorithm) DO NOTHING`,
        [
          identifier,
          algorithm,
          JSON.stringify(await exportJwk(pair.privateKey)),
          JSON.stringify(await exportJwk(pair.publicKey)),
        ],
      );
      return this.keyPairs(identifier);
    }
    return pairs;
  }

  // ─── votes ──────────────────────────────────────────────────────────────────────────────────

  private async vote(ctx: Context<void>, actor: URL, note: Note): Promise<void> {
    const target = this.localObject(ctx.origin, note.replyTargetId);
    if (target?.kind !== 'poll') return;
    // Only the actor who signed may vote as themself.
    if (note.attributionId && note.attributionId.href !== actor.href) return;
    const name = note.name?.toString();
    if (!name) return;
    const result = await this.db.transaction((tx) =>
      store.remoteVote(tx, target.id, name, actor.href, this.config.now()),
    );
    if (result === 'counted') this.changed?.(`poll:${target.id}`);
  }

  // ─── publishing ─────────────────────────────────────────────────────────────────────────────

  /** Send what changed of one of the community's objects to its followers (one at a time, in order). */
  publish(kind: ObjectKind, id: string): Promise<void> {
    const next = this.publishing.then(() => this.publishNow(kind, id));
    this.publishing = next.catch((e: unknown) => console.error(`civic-server: ${kind} ${id} was not published`, e));
    return next;
  }

  /**
   * Each change is claimed in `federation_published` by a conditional write before it is sent, so
   * that of several processes told of the same change (PostgreSQL's NOTIFY reaches them all) exactly
   * one sends it; a send that fails gives the claim back.
   */
  private async publishNow(kind: ObjectKind, id: string): Promise<void> {
    const ctx = this.context();
    const origin = ctx.origin;
    const objectId = this.objectUri(origin, kind, id);
    const actor = ctx.getActorUri(this.community);
    const json = await this.objectJson(origin, kind, id);
    const before = await this.db.get<{ digest: string }>(
      'SELECT digest FROM federation_published WHERE object_id = ?',
      [objectId],
    );
    const now = this.config.now().toISOString();
    const send = (activity: Activity) =>
      ctx.sendActivity({ identifier: this.community }, 'followers', activity, { preferSharedInbox: true });
    if (!json) {
      if (!before) return;
      const claimed = await this.db.run('DELETE FROM federation_published WHERE object_id = ? AND digest = ?', [
        objectId,
        before.digest,
      ]);
      if (!claimed.changes) return;
      try {
        await send(
          new Delete({
            id: new URL(`${objectId}#delete-${Date.now()}`),
            actor,
            to: new URL(AS_PUBLIC),
            object: new Tombstone({ id: new URL(objectId) }),
          }),
        );
      } catch (e) {
        await this.db.run(
          'INSERT INTO federation_published (object_id, digest, updated_at) VALUES (?, ?, ?) ON CONFLICT (object_id) DO NOTHING',
          [objectId, before.digest, now],
        );
        throw e;
      }
      return;
    }
    const digest = createHash('sha256').update(JSON.stringify(json)).digest('base64url');
    if (before?.digest === digest) return;
    const claimed = before
      ? await this.db.run(
          'UPDATE federation_published SET digest = ?, updated_at = ? WHERE object_id = ? AND digest = ?',
          [digest, now, objectId, before.digest],
        )
      : await this.db.run(
          'INSERT INTO federation_published (object_id, digest, updated_at) VALUES (?, ?, ?) ON CONFLICT (object_id) DO NOTHING',
          [objectId, digest, now],
        );
    if (!claimed.changes) return; // another process sends this change
    const { '@context': context, ...object } = json;
    try {
      const activity = await Activity.fromJsonLd(
        {
          '@context': context,
          id: `${objectId}#${before ? 'update' : 'create'}-${digest.slice(0, 16)}`,
          type: before ? 'Update' : 'Create',
          actor: actor.href,
          to: [AS_PUBLIC],
          cc: [ctx.getFollowersUri(this.community).href],
          object,
        },
        { documentLoader: ctx.documentLoader, contextLoader: ctx.contextLoader },
      );
      await send(activity);
    } catch (e) {
      if (before)
        await this.db.run('UPDATE federation_published SET digest = ? WHERE object_id = ? AND digest = ?', [
          before.digest,
          objectId,
          digest,
        ]);
      else await this.db.run('DELETE FROM federation_published WHERE object_id = ? AND digest = ?', [objectId, digest]);
      throw e;
    }
  }

  // ─── following ──────────────────────────────────────────────────────────────────────────────

  async listFollows(): Promise<FollowRow[]> {
    return this.db.all<FollowRow>('SELECT * FROM federation_follows ORDER BY created_at');
  }

  private followOf(actorOrHandle: string): Promise<FollowRow | undefined> {
    const handle = actorOrHandle.trim().replace(/^@/, '').toLowerCase();
    return this.db.get<FollowRow>('SELECT * FROM federation_follows WHERE actor = ? OR handle = ?', [
      actorOrHandle.trim(),
      handle,
    ]);
  }

  /** Follow a Civic Kit community, a Mobilizon group, a Gancio instance or a Mastodon account. */
  async follow(target: string): Promise<FollowRow> {
    const wanted = target.trim();
    if (!wanted || wanted.length > 500)
      throw badRequest('Name an account to follow: @name@host or its https address', [
        { detail: 'A handle or URL', pointer: '/target' },
      ]);
    const ctx = this.context();
    const documentLoader = await ctx.getDocumentLoader({ identifier: this.community });
    const found = await ctx.lookupObject(wanted, { documentLoader }).catch(() => null);
    if (!isActor(found) || !found.id || !found.inboxId)
      throw badRequest(`${wanted} is not an account or community that can be followed`, [
        { detail: 'Not found, or not an actor', pointer: '/target' },
      ]);
    if (await this.blockedActor(found.id))
      throw badRequest(`${found.id.hostname} is blocked`, [{ detail: 'Blocked domain', pointer: '/target' }]);
    if (found.id.href === ctx.getActorUri(this.community).href)
      throw badRequest('A community cannot follow itself', [{ detail: 'This community', pointer: '/target' }]);
    const name =
      found.name?.toString().trim() ||
      `${found.preferredUsername?.toString() ?? ''}@${found.id.host}`.replace(/^@/, '');
    const handle = `${found.preferredUsername?.toString() ?? ''}@${found.id.host}`.toLowerCase();
    const followId = `${ctx.getActorUri(this.community).href}#follows/${randomUUID()}`;
    const now = this.config.now().toISOString();
    await this.db.run(
      `INSERT INTO federation_follows (actor, handle, name, url, inbox, outbox, follow_id, state, created_at, next_fetch_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)
       ON CONFLICT (actor) DO UPDATE SET handle = excluded.handle, name = excluded.name, url = excluded.url,
         inbox = excluded.inbox, outbox = excluded.outbox`,
      [
        found.id.href,
        handle,
        name.slice(0, 300),
        found.url instanceof URL ? found.url.href : found.id.href,
        found.inboxId.href,
        found.outboxId?.href ?? null,
        followId,
        now,
        now,
      ],
    );
    const row = (await this.followOf(found.id.href))!;
    await ctx.sendActivity(
      { identifier: this.community },
      found,
      new Follow({ id: new URL(row.follow_id), actor: ctx.getActorUri(this.community), object: found.id }),
    );
    await this.refresh(found.id.href).catch(() => undefined);
    return (await this.followOf(found.id.href))!;
  }

  /** Stop following: `Undo(Follow)` to them, and their items leave the lists. */
  async unfollow(target: string): Promise<FollowRow | undefined> {
    const row = await this.followOf(target);
    if (!row) return undefined;
    const ctx = this.context();
    await this.forget(row);
    await ctx
      .sendActivity(
        { identifier: this.community },
        { id: new URL(row.actor), inboxId: new URL(row.inbox) },
        new Undo({
          id: new URL(`${row.follow_id}/undo`),
          actor: ctx.getActorUri(this.community),
          object: new Follow({
            id: new URL(row.follow_id),
            actor: ctx.getActorUri(this.community),
            object: new URL(row.actor),
          }),
        }),
      )
      .catch((e: unknown) => console.error('civic-server: the unfollow could not be sent', e));
    return row;
  }

  private async forget(row: FollowRow): Promise<void> {
    const ids = await this.db.all<{ id: string }>('SELECT id FROM initiatives WHERE source = ?', [row.actor]);
    await this.db.transaction(async (tx) => {
      await tx.run('DELETE FROM initiatives WHERE source = ?', [row.actor]);
      await tx.run('DELETE FROM federation_follows WHERE actor = ?', [row.actor]);
    });
    for (const { id } of ids) this.changed?.(`initiative:${id}`);
  }

  /** Refuse a domain everywhere: its deliveries, its followers, what was followed there. */
  async block(domain: string): Promise<{ domain: string; unfollowed: number; followersRemoved: number }> {
    const d = domain
      .trim()
      .toLowerCase()
      .replace(/^https?:\/\//, '')
      .replace(/[/:].*$/, '');
    if (!/^[a-z0-9.-]{1,253}$/.test(d) || (!d.includes('.') && d !== 'localhost'))
      throw badRequest(`"${domain.slice(0, 100)}" is not a domain name`, [
        { detail: 'A domain name', pointer: '/domain' },
      ]);
    await this.db.run(
      'INSERT INTO federation_blocks (domain, created_at) VALUES (?, ?) ON CONFLICT (domain) DO NOTHING',
      [d, this.config.now().toISOString()],
    );
    let unfollowed = 0;
    for (const row of await this.listFollows())
      if (hostOf(row.actor) === d || hostOf(row.actor).endsWith(`.${d}`)) {
        await this.forget(row);
        unfollowed++;
      }
    let followersRemoved = 0;
    for (const f of await this.db.all<{ actor: string }>('SELECT actor FROM federation_followers'))
      if (hostOf(f.actor) === d || hostOf(f.actor).endsWith(`.${d}`))
        followersRemoved += (await this.db.run('DELETE FROM federation_followers WHERE actor = ?', [f.actor])).changes;
    return { domain: d, unfollowed, followersRemoved };
  }

  async unblock(domain: string): Promise<boolean> {
    return (
      (await this.db.run('DELETE FROM federation_blocks WHERE domain = ?', [domain.trim().toLowerCase()])).changes > 0
    );
  }

  async listBlocks(): Promise<{ domain: string; created_at: string }[]> {
    return this.db.all('SELECT domain, created_at FROM federation_blocks ORDER BY domain');
  }

  /** Whether a host (or one of its parent domains) is blocked. */
  async blockedHost(host: string): Promise<boolean> {
    const parts = host.toLowerCase().split('.');
    const candidates = parts.map((_, i) => parts.slice(i).join('.'));
    const rows = await this.db.all<{ domain: string }>(
      `SELECT domain FROM federation_blocks WHERE domain IN (${candidates.map(() => '?').join(', ')})`,
      candidates,
    );
    return rows.length > 0;
  }

  private blockedActor(actor: URL | null | undefined): Promise<boolean> {
    return actor ? this.blockedHost(actor.hostname) : Promise.resolve(false);
  }

  /** A signed `fetch` for the adapter: documents read with the community's key (Mastodon's secure mode). */
  private async signedFetch(): Promise<typeof fetch> {
    const loader = await this.context().getDocumentLoader({ identifier: this.community });
    return async (input: string | URL | Request) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const { document } = await loader(url);
      return new Response(JSON.stringify(document), { headers: { 'Content-Type': 'application/activity+json' } });
    };
  }

  private adapterFor(row: FollowRow, fetchFn?: typeof fetch): ActivityStreamsAdapter {
    return new ActivityStreamsAdapter({
      url: row.outbox ?? row.actor,
      source: { name: row.name, url: row.url ?? row.actor },
      fetch: fetchFn,
      maxAgeMs: 0,
      maxItems: 1000,
      now: this.config.now,
    });
  }

  /** Read a followed actor's outbox again, all pages, and keep exactly what it holds. */
  async refresh(actor: string): Promise<{ stored: number; left: number }> {
    const row = await this.followOf(actor);
    if (!row) throw badRequest(`Not following ${actor}`);
    const now = this.config.now();
    try {
      if (!row.outbox) throw new Error('the account has no outbox');
      const adapter = this.adapterFor(row, await this.signedFetch());
      const items: Initiative[] = [];
      let left = 0;
      let cursor: string | undefined;
      do {
        const page = await adapter.listInitiatives({ limit: 100, ...(cursor ? { cursor } : {}) });
        items.push(...page.items);
        left += (page.warnings ?? []).reduce((n, w) => n + (w.skipped ?? 0), 0);
        cursor = page.nextCursor;
      } while (cursor);
      const keep = new Set(items.map((i) => i.id));
      const before = await this.db.all<{ id: string }>('SELECT id FROM initiatives WHERE source = ?', [row.actor]);
      await this.db.transaction(async (tx) => {
        for (const i of items) await store.putRemoteInitiative(tx, i, row.actor);
        for (const { id } of before)
          if (!keep.has(id)) await tx.run('DELETE FROM initiatives WHERE id = ? AND source = ?', [id, row.actor]);
        await tx.run(
          'UPDATE federation_follows SET fetched_at = ?, next_fetch_at = ?, failures = 0, last_error = NULL WHERE actor = ?',
          [
            now.toISOString(),
            new Date(now.getTime() + this.config.federationRefreshMinutes * 60_000).toISOString(),
            row.actor,
          ],
        );
      });
      for (const id of new Set([...keep, ...before.map((b) => b.id)])) this.changed?.(`initiative:${id}`);
      return { stored: items.length, left };
    } catch (e) {
      const failures = row.failures + 1;
      const wait = Math.min(this.config.federationRefreshMinutes * 60_000 * 2 ** failures, 86_400_000);
      await this.db.run(
        'UPDATE federation_follows SET failures = ?, next_fetch_at = ?, last_error = ? WHERE actor = ?',
        [
          failures,
          new Date(now.getTime() + wait).toISOString(),
          String(e instanceof Error ? e.message : e).slice(0, 500),
          row.actor,
        ],
      );
      throw e;
    }
  }

  /** A delivery from a followed actor: the object it names is read from its origin and stored, or removed. */
  private async received(actor: string, objectId: URL | null, what: 'put' | 'delete'): Promise<void> {
    const row = await this.followOf(actor);
    if (!row || !objectId) return;
    // Only an actor's own objects: a delivery cannot change what another server published.
    if (objectId.origin !== new URL(actor).origin) return;
    if (what === 'delete') {
      const gone = await this.db.run('DELETE FROM initiatives WHERE id = ? AND source = ?', [objectId.href, row.actor]);
      if (gone.changes) this.changed?.(`initiative:${objectId.href}`);
      return;
    }
    // Read from its origin rather than trusting the delivered copy: what is stored is what the actor serves.
    const fetchFn = await this.signedFetch();
    const response = await fetchFn(objectId.href);
    const mapped = this.adapterFor(row).mapObject(await response.json());
    if (!('initiative' in mapped)) return;
    await this.db.transaction((tx) => store.putRemoteInitiative(tx, mapped.initiative, row.actor));
    this.changed?.(`initiative:${mapped.initiative.id}`);
  }

  // ─── running ────────────────────────────────────────────────────────────────────────────────

  /** Start the queue, publish on every change, and re-read followed outboxes when due. */
  async start(): Promise<void> {
    this.stopping = new AbortController();
    void this.federation.startQueue(undefined, { signal: this.stopping.signal });
    this.stopListening = await this.db.listen((payload) => {
      const m = /^(initiative|poll):(.+)$/s.exec(payload);
      if (m) void this.publish(m[1] as ObjectKind, m[2]!).catch(() => undefined);
    });
    const tick = setInterval(() => void this.refreshDue().catch(() => undefined), 30_000);
    tick.unref();
    const prune = setInterval(() => void this.kv.prune().catch(() => undefined), 3_600_000);
    prune.unref();
    this.timers.push(tick, prune);
  }

  private async refreshDue(): Promise<void> {
    const due = await this.db.all<{ actor: string }>(
      'SELECT actor FROM federation_follows WHERE next_fetch_at IS NULL OR next_fetch_at <= ?',
      [this.config.now().toISOString()],
    );
    for (const { actor } of due) await this.refresh(actor).catch(() => undefined);
  }

  async stop(): Promise<void> {
    this.stopping?.abort();
    this.stopListening?.();
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    await this.publishing;
  }
}
