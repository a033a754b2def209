/**
 * The sign-up form's stamp: `GET /signups/form` issues one (signed, with the time it was issued); the
 * sign-up sends it back, and the server refuses a sign-up whose honeypot has text in it, whose form
 * was sent sooner than a person fills one in, or whose stamp is forged, too old or already used. The
 * key lives in the database, so every process issues and checks the same stamps.
 */
import { signupTrapped, type ConsentText, type SignupForm } from '@civic-kit/core';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db, Queryable } from './db/db.js';
import { badRequest } from './problems.js';

/** How long a stamp stays good: longer than a sign-up waits in a browser's offline queue (a day). */
export const STAMP_MAX_AGE_MS = 7 * 86_400_000;
const KEY_NAME = 'signup-form';

/** The signing key, made at random the first time any process asks for it. */
export function formKey(db: Db): () => Promise<Buffer> {
  let key: Promise<Buffer> | undefined;
  const load = async () => {
    await db.run('INSERT INTO server_keys (name, secret, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING', [
      KEY_NAME,
      randomBytes(32).toString('base64url'),
      new Date().toISOString(),
    ]);
    const row = await db.get<{ secret: string }>('SELECT secret FROM server_keys WHERE name = ?', [KEY_NAME]);
    if (!row) throw new Error('civic-server: the sign-up form key could not be stored');
    return Buffer.from(row.secret, 'base64url');
  };
  return () =>
    (key ??= load().catch((e: unknown) => {
      key = undefined; // asked again next time
      throw e;
    }));
}

const sign = (key: Buffer, body: string) => createHmac('sha256', key).update(`civic-signup-form.${body}`).digest();

/** A new form: `<issued ms>.<nonce>.<signature>`, the shortest fill time and the consent words. */
export function issueForm(key: Buffer, now: Date, minFillSeconds: number, consents: ConsentText[]): SignupForm {
  const body = `${now.getTime().toString(36)}.${randomBytes(16).toString('base64url')}`;
  return { stamp: `${body}.${sign(key, body).toString('base64url')}`, minFillSeconds, consents };
}

const refuse = (message: string, field: string, pointer: string) => badRequest(message, [{ detail: field, pointer }]);

/**
 * Check a sign-up's form part inside the sign-up's transaction (a refused sign-up uses nothing up):
 * throws a 400 that says what is wrong, or marks the stamp used. `required`: a sign-up without a stamp
 * is refused (else only a stamp that is sent is checked, and the honeypot always).
 */
export async function checkForm(
  tx: Queryable,
  key: Buffer,
  form: { stamp?: string | undefined; trap?: string | undefined } | undefined,
  now: Date,
  rules: { minFillSeconds: number; required: boolean },
): Promise<void> {
  const stamp = form?.stamp;
  if (signupTrapped(form ?? {}, Infinity, 0) === 'trap')
    throw refuse(
      'The sign-up filled in a field people never see (form.trap), as scripts do; leave it empty',
      'Leave this empty',
      '/form/trap',
    );
  if (!stamp) {
    if (rules.required)
      throw refuse(
        'The sign-up needs the stamp of a sign-up form: GET /signups/form when the form is shown, then send its `stamp` as form.stamp',
        'Missing: fetch a form from GET /signups/form',
        '/form/stamp',
      );
    return;
  }
  const [issued36, nonce, signature, extra] = stamp.split('.');
  const issued = issued36 ? parseInt(issued36, 36) : NaN;
  const expected = sign(key, `${issued36}.${nonce}`);
  const given = Buffer.from(signature ?? '', 'base64url');
  if (
    extra !== undefined ||
    !nonce ||
    !Number.isFinite(issued) ||
    given.length !== expected.length ||
    !timingSafeEqual(given, expected)
  )
    throw refuse(
      'The sign-up form stamp is not one this server issued; fetch a new form',
      'Not valid: fetch a new form',
      '/form/stamp',
    );
  const age = now.getTime() - issued;
  if (age > STAMP_MAX_AGE_MS)
    throw refuse('The sign-up form is too old; fetch a new form', 'Too old: fetch a new form', '/form/stamp');
  if (signupTrapped({}, age, rules.minFillSeconds) === 'too-fast')
    throw refuse(
      `The form was sent ${Math.max(0, age / 1000).toFixed(1)} s after it was shown, faster than a person fills it in (at least ${rules.minFillSeconds} s); wait a moment and send it again`,
      `Sent too soon: wait ${rules.minFillSeconds} s after the form is shown`,
      '/form/stamp',
    );
  await tx.run('DELETE FROM used_form_stamps WHERE used_at < ?', [
    new Date(now.getTime() - STAMP_MAX_AGE_MS).toISOString(),
  ]);
  const fresh = await tx.get(
    'INSERT INTO used_form_stamps (nonce, used_at) VALUES (?, ?) ON CONFLICT (nonce) DO NOTHING RETURNING nonce',
    [nonce, now.toISOString()],
  );
  if (!fresh)
    throw refuse(
      'This sign-up form was already used for another sign-up; fetch a new form',
      'Already used: fetch a new form',
      '/form/stamp',
    );
}
