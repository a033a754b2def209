/**
 * The sign-up form's rule against scripts, the same in the browser (`<civic-find-the-others>` drops
 * such a sign-up silently) and on the reference server (which refuses it, whoever sent it).
 */

/**
 * Why a sign-up looks sent by a script, or undefined: the honeypot field (which people never see) has
 * text in it, or the form was sent sooner than `minFillSeconds` after it was shown.
 */
export function signupTrapped(
  form: { trap?: string | undefined },
  elapsedMs: number,
  minFillSeconds: number,
): 'trap' | 'too-fast' | undefined {
  if (form.trap?.trim()) return 'trap';
  if (elapsedMs < Math.max(0, minFillSeconds) * 1000) return 'too-fast';
  return undefined;
}
