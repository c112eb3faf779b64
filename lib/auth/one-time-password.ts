import { randomInt } from "node:crypto";

/**
 * Letters and digits that cannot be mistaken for one another when read off a screen or paper:
 * no 0/O/o, 1/l/I, nor 2/Z, 5/S or 8/B.
 */
export const ONE_TIME_PASSWORD_ALPHABET = "ACDEFGHJKLMNPQRTUVWXYabcdefghijkmnpqrstuvwxyz34679";
export const ONE_TIME_PASSWORD_LENGTH = 12;

/**
 * A one-time password for a new account (an imported agency's first administrator): 12 characters
 * drawn uniformly by the system's cryptographic random source from ONE_TIME_PASSWORD_ALPHABET
 * (about 68 bits). It is shown once to whoever created the account and stored only as a hash; the
 * account must change it at its first sign-in (User.mustChangePassword).
 */
export function generateOneTimePassword(): string {
  let password = "";
  for (let index = 0; index < ONE_TIME_PASSWORD_LENGTH; index++) password += ONE_TIME_PASSWORD_ALPHABET[randomInt(ONE_TIME_PASSWORD_ALPHABET.length)];
  return password;
}
