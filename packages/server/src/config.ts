import { checkSiteId, DEFAULT_AUDIENCE, DEFAULT_MAX_TOKEN_LIFETIME_SECONDS, type SiteConfig } from './auth.js';
import type { RateLimit } from './rate-limit.js';

export interface ServerConfig {
  /** `postgres://…` for PostgreSQL, else a SQLite file path. */
  database: string;
  /** PostgreSQL schema for the tables (default: the connection's `search_path`). */
  databaseSchema?: string | undefined;
  host: string;
  port: number;
  /** Sites whose voter tokens are accepted; their origins are allowed by CORS. */
  sites: SiteConfig[];
  /** This server's name in voter tokens' `aud`: tokens for any other audience are refused. */
  audience: string;
  /** The longest a voter token may be valid, in seconds (`exp` is required). */
  maxTokenLifetimeSeconds: number;
  /** More origins allowed to call the API from a browser (CORS allow-list). */
  allowedOrigins: string[];
  /** Largest request body in bytes. */
  bodyLimit: number;
  /** Writes per voter (token or browser id). */
  voterWrites: RateLimit;
  /** Writes per client address. */
  addressWrites: RateLimit;
  /** Reads per client address. */
  addressReads: RateLimit;
  /** Open `/events` streams per client address. */
  streamsPerAddress: number;
  /** `/events` connections opened per client address (reconnects included). */
  eventsPerAddress: RateLimit;
  /** Admin API requests per client address (a wrong token counts too). */
  adminRequests: RateLimit;
  /**
   * How many proxies you run in front of the server: the client address is taken that many hops from
   * the right of `X-Forwarded-For` (0: the connection's address; what the client wrote is never trusted).
   */
  trustProxy: number;
  /** Or the addresses of your proxies: the right-most `X-Forwarded-For` entry not among them is the client. */
  trustedProxies: string[];
  /** The matching grid in kilometres: every stored and matched sign-up point is the centre of its cell. */
  gridKm: number;
  /** The smallest radius matching uses, in kilometres (a smaller one asked for is raised to it). */
  minRadiusKm: number;
  /** Counts below this are answered as "fewer than" it (0 turns it off; never below 2). */
  smallestCount: number;
  /** Consent purposes every sign-up must carry (default `connect`, the one matching rests on). */
  requiredConsents: string[];
  /**
   * Anonymous (per-browser) ballots or supports per poll or initiative per client address; kept in the
   * database. A new browser id costs nothing, so this is what bounds one address's weight.
   */
  anonymousVotesPerPoll: RateLimit;
  /** A sign-up sent sooner than this after its form was issued (`GET /signups/form`) is refused. */
  signupMinFillSeconds: number;
  /** Refuse sign-ups without a form stamp (off: only a stamp that is sent is checked; the honeypot always). */
  signupStampRequired: boolean;
  /** Double opt-in: a sign-up counts only once the link mailed to its address is opened. */
  confirmSignups: boolean;
  /** Hours an unconfirmed sign-up is kept before it is deleted. */
  confirmHours: number;
  /** `smtp://…` or `smtps://…` to send mail through. */
  smtpUrl?: string | undefined;
  /** Development and tests: write each mail as a `.eml` file into this folder instead. */
  mailOutbox?: string | undefined;
  /** The mail's sender. */
  mailFrom: string;
  /** This server's public URL, for links in mail (default: the URL the sign-up was sent to). */
  publicUrl?: string | undefined;
  /** Sign-ups (each one a match) per client address; kept in the database. */
  matchesPerAddress: RateLimit;
  /** Sign-ups per voter (token or browser id); kept in the database. */
  matchesPerVoter: RateLimit;
  /** The community's handle on the fediverse (`acct:<community>@<host>`). */
  community: string;
  /** The community's name, as the fediverse shows it. */
  communityName: string;
  /** Minutes between two reads of a followed community's outbox (doubled after each failure, up to a day). */
  federationRefreshMinutes: number;
  /** Largest activity a remote server may deliver to the inbox, in bytes. */
  inboxBodyLimit: number;
  /** Deliveries accepted per remote server. */
  inboxPerServer: RateLimit;
  /**
   * Tests and a local demo only: let federation reach loopback and private addresses (Fedify refuses
   * them by default, so that a remote actor cannot make the server fetch inside its own network).
   */
  federationAllowPrivateAddresses: boolean;
  /** How long idempotency keys (and their responses) are kept. */
  idempotencyTtlHours: number;
  /** The clock (tests). */
  now: () => Date;
}

export const DEFAULT_SQLITE_PATH = '.data/civic.sqlite';

const num = (v: string | undefined, fallback: number): number => {
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`Expected a number, got "${v}"`);
  return n;
};
const list = (v: string | undefined): string[] =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function sitesFrom(env: NodeJS.ProcessEnv): SiteConfig[] {
  const sites: SiteConfig[] = [];
  if (env.CIVIC_SITES) {
    const parsed: unknown = JSON.parse(env.CIVIC_SITES);
    if (!Array.isArray(parsed)) throw new Error('CIVIC_SITES must be a JSON array of {id, secret, origins}');
    for (const s of parsed as Partial<SiteConfig>[]) {
      if (typeof s.id !== 'string' || typeof s.secret !== 'string')
        throw new Error('Each of CIVIC_SITES needs an id and a secret');
      sites.push({ id: s.id, secret: s.secret, origins: Array.isArray(s.origins) ? s.origins : [] });
    }
  }
  if (env.CIVIC_VOTER_SECRET)
    sites.push({ id: env.CIVIC_SITE_ID ?? 'default', secret: env.CIVIC_VOTER_SECRET, origins: [] });
  checkSites(sites);
  return sites;
}

/** Throws when a site's id could collide with another identity or its secret is too short. */
export function checkSites(sites: readonly SiteConfig[]): void {
  for (const s of sites) {
    checkSiteId(s.id);
    if (s.secret.length < 32) throw new Error(`The secret of site "${s.id}" is shorter than 32 characters`);
  }
}

/** The configuration from the environment (see the server README for every variable). */
export function configFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<ServerConfig> = {},
): ServerConfig {
  return {
    database: env.DATABASE_URL || env.CIVIC_SQLITE_PATH || DEFAULT_SQLITE_PATH,
    databaseSchema: env.CIVIC_DATABASE_SCHEMA || undefined,
    host: env.HOST ?? '127.0.0.1',
    port: num(env.PORT, 8787),
    sites: sitesFrom(env),
    audience: env.CIVIC_AUDIENCE || DEFAULT_AUDIENCE,
    maxTokenLifetimeSeconds: num(env.CIVIC_TOKEN_MAX_LIFETIME_SECONDS, DEFAULT_MAX_TOKEN_LIFETIME_SECONDS),
    allowedOrigins: list(env.CIVIC_ALLOWED_ORIGINS),
    bodyLimit: num(env.CIVIC_BODY_LIMIT, 16 * 1024),
    voterWrites: { limit: num(env.CIVIC_VOTER_WRITES_PER_MINUTE, 60), windowSeconds: 60 },
    addressWrites: { limit: num(env.CIVIC_ADDRESS_WRITES_PER_MINUTE, 600), windowSeconds: 60 },
    addressReads: { limit: num(env.CIVIC_ADDRESS_READS_PER_MINUTE, 3000), windowSeconds: 60 },
    streamsPerAddress: num(env.CIVIC_STREAMS_PER_ADDRESS, 50),
    eventsPerAddress: { limit: num(env.CIVIC_EVENT_CONNECTIONS_PER_MINUTE, 120), windowSeconds: 60 },
    adminRequests: { limit: num(env.CIVIC_ADMIN_REQUESTS_PER_MINUTE, 300), windowSeconds: 60 },
    trustProxy: env.CIVIC_TRUST_PROXY === 'true' ? 1 : Math.max(0, Math.floor(num(env.CIVIC_TRUST_PROXY, 0))),
    trustedProxies: list(env.CIVIC_TRUSTED_PROXIES),
    gridKm: num(env.CIVIC_GRID_KM, 1),
    minRadiusKm: num(env.CIVIC_MIN_RADIUS_KM, 3),
    smallestCount: num(env.CIVIC_SMALLEST_COUNT, 3),
    requiredConsents: env.CIVIC_REQUIRED_CONSENTS === undefined ? ['connect'] : list(env.CIVIC_REQUIRED_CONSENTS),
    anonymousVotesPerPoll: { limit: num(env.CIVIC_ANONYMOUS_VOTES_PER_POLL_PER_DAY, 10), windowSeconds: 86_400 },
    signupMinFillSeconds: num(env.CIVIC_SIGNUP_MIN_FILL_SECONDS, 3),
    signupStampRequired: env.CIVIC_SIGNUP_STAMP !== 'optional',
    confirmSignups: env.CIVIC_CONFIRM_SIGNUPS === '1' || env.CIVIC_CONFIRM_SIGNUPS === 'true',
    confirmHours: num(env.CIVIC_CONFIRM_HOURS, 48),
    smtpUrl: env.CIVIC_SMTP_URL || undefined,
    mailOutbox: env.CIVIC_MAIL_OUTBOX || undefined,
    mailFrom: env.CIVIC_MAIL_FROM || 'Civic Kit <no-reply@localhost>',
    publicUrl: env.CIVIC_PUBLIC_URL || undefined,
    matchesPerAddress: { limit: num(env.CIVIC_MATCHES_PER_ADDRESS_PER_HOUR, 30), windowSeconds: 3600 },
    matchesPerVoter: { limit: num(env.CIVIC_MATCHES_PER_VOTER_PER_HOUR, 5), windowSeconds: 3600 },
    community: env.CIVIC_COMMUNITY || 'community',
    communityName: env.CIVIC_COMMUNITY_NAME || 'Civic Kit community',
    federationRefreshMinutes: num(env.CIVIC_FEDERATION_REFRESH_MINUTES, 15),
    inboxBodyLimit: num(env.CIVIC_INBOX_BODY_LIMIT, 256 * 1024),
    inboxPerServer: { limit: num(env.CIVIC_INBOX_PER_SERVER_PER_MINUTE, 300), windowSeconds: 60 },
    federationAllowPrivateAddresses: env.CIVIC_FEDERATION_ALLOW_PRIVATE_ADDRESSES === '1',
    idempotencyTtlHours: num(env.CIVIC_IDEMPOTENCY_TTL_HOURS, 48),
    now: () => new Date(),
    ...overrides,
  };
}

/** Defaults for embedding the server in a program or test: configFromEnv({}) plus overrides. */
export const defaultConfig = (overrides: Partial<ServerConfig> = {}): ServerConfig => configFromEnv({}, overrides);
