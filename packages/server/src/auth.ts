/**
 * Voter identity from the host site. The host page hands `<civic-provider voter-token>` a JWT
 * (HS256) it signed with its own per-site secret; the server checks the signature with that
 * secret and takes `iss` (the site id) and `sub` (the host's id for the person). Only the pair is
 * stored: `site:sub`. Browsers without a token may act only where a poll or initiative allows
 * anonymous participation, identified by a random per-browser id (`Civic-Browser` header).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { unauthorized } from './problems.js';

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
  options: { expiresInSeconds?: number; now?: number } = {},
): string {
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = b64url(
    JSON.stringify({
      iss: site.id,
      sub: subject,
      iat: now,
      ...(options.expiresInSeconds ? { exp: now + options.expiresInSeconds } : {}),
    }),
  );
  const signature = createHmac('sha256', site.secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

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
export function verifyVoterToken(token: string, sites: readonly SiteConfig[], now = Date.now()): Voter {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p)))
    throw unauthorized('The voter token is malformed');
  const [h, p, s] = parts as [string, string, string];
  const header = parseJson(h);
  if (header.alg !== 'HS256') throw unauthorized('The voter token must be signed with HS256');
  const payload = parseJson(p);
  const iss = payload.iss;
  const site = typeof iss === 'string' ? sites.find((x) => x.id === iss) : sites.length === 1 ? sites[0] : undefined;
  if (!site) throw unauthorized('The voter token names no site this server knows');
  const expected = createHmac('sha256', site.secret).update(`${h}.${p}`).digest();
  const given = Buffer.from(s, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw unauthorized('The voter token signature does not match');
  const seconds = now / 1000;
  if (typeof payload.exp === 'number' && payload.exp < seconds) throw unauthorized('The voter token has expired');
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
): Voter {
  if (authorization) {
    const m = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!m) throw unauthorized('Send the voter token as `Authorization: Bearer <token>`');
    const voter = verifyVoterToken(m[1]!, sites);
    const site = sites.find((x) => x.id === (voter.kind === 'token' ? voter.site : ''));
    if (origin && site?.origins?.length && !site.origins.includes(origin))
      throw unauthorized(`This voter token is not valid on ${origin}`, 403);
    return voter;
  }
  if (browser !== undefined) {
    if (!BROWSER_ID.test(browser)) throw unauthorized('The Civic-Browser id is malformed');
    return { kind: 'browser', id: `browser:${browser}` };
  }
  return { kind: 'none' };
}
