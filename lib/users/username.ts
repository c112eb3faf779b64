/**
 * One spelling per account. A username is stored and compared in its normalised form: Unicode
 * compatibility forms folded (full-width ａｄｍｉｎ is admin), surrounding spaces dropped, lower
 * case. Lookups are exact matches on that form, never a pattern match, so `%` and `_` are just
 * characters (and `%` is not even allowed).
 */
export const USERNAME_MIN_LENGTH = 2;
export const USERNAME_MAX_LENGTH = 40;
export const USERNAME_PATTERN = /^[a-z0-9_.-]+$/;

export function normaliseUsername(raw: string): string {
  return raw.normalize("NFKC").trim().toLowerCase();
}

/** Whether a normalised name is one an account can have. */
export function isWellFormedUsername(normalised: string): boolean {
  return normalised.length >= USERNAME_MIN_LENGTH && normalised.length <= USERNAME_MAX_LENGTH && USERNAME_PATTERN.test(normalised);
}
