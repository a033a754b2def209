/**
 * Voter identity from the host site. The host page hands `<civic-provider voter-token>` a JWT
 * (HS256) it signed with its own per-site secret; the server checks the signature with that
 * secret, that the token is a voter token (`typ: civic-voter+jwt`) for this server (`aud`), and
 * that it expires (`exp`, no later than the maximum lifetime), then takes `iss` (the site id) and
 * `sub` (the host's id for the person). Only the pair is stored: `site:sub` — site ids contain no
 * `:` and none is `browser`, so the pair cannot be read two ways. Browsers without a token may act
 * only where a poll or initiative allows anonymous participation, identified by a random
 * per-browser id (`Civic-Browser` header), stored as `browser:<id>`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { unauthorized } from './problems.js';

/** The JWT `typ` of a voter token (explicit typing, RFC 8725 §3.11): no other token of the host passes. */
export const VOTER_TOKEN_TYPE = 'civic-voter+jwt';
/** The audience a server accepts when none is configured (`CIVIC_AUDIENCE`). */
export const DEFAULT_AUDIENCE = 'civic-server';
/** The longest a voter token may be valid, when not configured (`CIVIC_TOKEN_MAX_LIFETIME_SECONDS`). */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 12 * 3600;
/** Site ids: letters, digits, `.`, `_`, `-` — no `:`, so `site:subject` splits one way only. */
const SITE_ID = /^[A-Za-z0-9._-]{1,100}$/;
/** The namespace of anonymous per-browser ids; no site may take it. */
export const BROWSER_NAMESPACE = 'browser';
/** The namespace of remote (fediverse) voters' ids, `fediverse:<actor IRI>`; no site may take it. */
export const FEDIVERSE_NAMESPACE = 'fediverse';

/** Throws when a site id could make two voters' ids collide. */
export function checkSiteId(id: string): void {
  if (!SITE_ID.test(id) || id === BROWSER_NAMESPACE || id === FEDIVERSE_NAMESPACE)
    throw new Error(
      `The site "${id}" cannot be used: a site id is 1–100 letters, digits, ".", "_" or "-", and not "${BROWSER_NAMESPACE}" or "${FEDIVERSE_NAMESPACE}"`,
    );
}

export interface SiteConfig {
  /** The site's id; tokens name it in `iss` (optional when the server has one site). */
  id: string;
  /** The HMAC secret shared by this site and the server (at least 32 characters). */
  secret: string;
  /** Origins this site's pages are served from (also allowed by CORS). */
  origins?: readonly string[] | undefined;
}

export type Voter = { kind: 'token'; id: string; site: string } | { kind: 'browser'; id: string } | { kind: 'none' };

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/** Sign a voter token as a host site would (HS256 JWT). For hosts in Node, tests and the demo. */
export function signVoterToken(
  site: Pick<SiteConfig, 'id' | 'secret'>,
  subject: string,
  options: { audience?: string; expiresInSeconds?: number; now?: number } = {},
): string {
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  const header = b64url(JSON.stringify({ alg: 'HS256', typ: VOTER_TOKEN_TYPE }));
  const payload = b64url(
    JSON.stringify({
      iss: site.id,
      sub: subject,
      aud: options.audience ?? DEFAULT_AUDIENCE,
      iat: now,
      exp: now + (options.expiresInSeconds ?? 3600),
    }),
  );
  const signature = createHmac('sha256', site.secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

/** What a voter token must be, besides correctly signed. */
export interface TokenRules {
  /** This server's name in `aud`. */
  audience: string;
  /** The longest validity accepted, in seconds (from `iat`, and from now). */
  maxLifetimeSeconds: number;
}

const DEFAULT_RULES: TokenRules = {
  audience: DEFAULT_AUDIENCE,
  maxLifetimeSeconds: DEFAULT_MAX_TOKEN_LIFETIME_SECONDS,
};

const BROWSER_ID = /^[A-Za-z0-9_-]{16,64}$/;
const SUBJECT_MAX = 200;

function parseJson(part: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    /* fall through */
  }
  throw unauthorized('The voter token is malformed');
}

/** Check a voter token; throws a 401 problem when it is not one the server can trust. */
export function verifyVoterToken(
  token: string,
  sites: readonly SiteConfig[],
  now = Date.now(),
  rules: TokenRules = DEFAULT_RULES,
): Voter {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p)))
    throw unauthorized('The voter token is malformed');
  const [h, p, s] = parts as [string, string, string];
  const header = parseJson(h);
  if (header.alg !== 'HS256') throw unauthorized('The voter token must be signed with HS256');
  if (typeof header.typ !== 'string' || header.typ.toLowerCase().replace(/^application\//, '') !== VOTER_TOKEN_TYPE)
    throw unauthorized(`The voter token must be of type "${VOTER_TOKEN_TYPE}"`);
  const payload = parseJson(p);
  const iss = payload.iss;
  const site = typeof iss === 'string' ? sites.find((x) => x.id === iss) : sites.length === 1 ? sites[0] : undefined;
  if (!site) throw unauthorized('The voter token names no site this server knows');
  const expected = createHmac('sha256', site.secret).update(`${h}.${p}`).digest();
  const given = Buffer.from(s, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw unauthorized('The voter token signature does not match');
  const seconds = now / 1000;
  const aud = payload.aud;
  if (!(aud === rules.audience || (Array.isArray(aud) && aud.includes(rules.audience))))
    throw unauthorized('The voter token was not issued for this server (aud)');
  const { exp, iat } = payload;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) throw unauthorized('The voter token has no expiry (exp)');
  if (exp < seconds) throw unauthorized('The voter token has expired');
  if (typeof iat === 'number' && iat > seconds + 60) throw unauthorized('The voter token was issued in the future');
  if (exp - Math.min(seconds, typeof iat === 'number' ? iat : seconds) > rules.maxLifetimeSeconds)
    throw unauthorized(`The voter token is valid for longer than ${rules.maxLifetimeSeconds} s`);
  if (typeof payload.nbf === 'number' && payload.nbf > seconds + 60)
    throw unauthorized('The voter token is not valid yet');
  const sub = payload.sub;
  if (typeof sub !== 'string' || !sub || sub.length > SUBJECT_MAX) throw unauthorized('The voter token has no subject');
  return { kind: 'token', id: `${site.id}:${sub}`, site: site.id };
}

/** Who is asking: from `Authorization: Bearer …`, else `Civic-Browser`, else nobody. */
export function identify(
  authorization: string | undefined,
  browser: string | undefined,
  sites: readonly SiteConfig[],
  origin: string | undefined,
  rules: TokenRules = DEFAULT_RULES,
): Voter {
  if (authorization) {
    const m = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!m) throw unauthorized('Send the voter token as `Authorization: Bearer <token>`');
    const voter = verifyVoterToken(m[1]!, sites, Date.now(), rules);
    const site = sites.find((x) => x.id === (voter.kind === 'token' ? voter.site : ''));
    if (origin && site?.origins?.length && !site.origins.includes(origin))
      throw unauthorized(`This voter token is not valid on ${origin}`, 403);
    return voter;
  }
  if (browser !== undefined) {
    if (!BROWSER_ID.test(browser)) throw unauthorized('The Civic-Browser id is malformed');
    return { kind: 'browser', id: `${BROWSER_NAMESPACE}:${browser}` };
  }
  return { kind: 'none' };
}
