import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The secret lookup code an applicant gets with the application number. Only its hash is stored.
 * It is derived from the submission's idempotency key and a per-application salt, so a resent
 * submission (double click, network retry) gets the same code back without the code being kept;
 * whoever holds the key already holds the submission.
 */

// No 0/O, 1/I/L: codes are read aloud and copied by hand.
const alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const lookupCodeLength = 10;

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export function createLookupCodeSalt(): string {
  return randomBytes(16).toString("hex");
}

export function deriveLookupCode(salt: string, idempotencyKey: string): string {
  const digest = createHash("sha256").update(`${salt}:${idempotencyKey}`, "utf8").digest();
  let code = "";
  for (let index = 0; index < lookupCodeLength; index++) code += alphabet[digest[index] % alphabet.length];
  return code;
}

export function hashLookupCode(code: string): string {
  return sha256Hex(`lookup:${code}`);
}

export function lookupCodeMatches(code: string, storedHash: string | null): boolean {
  if (!storedHash) return false;
  const given = Buffer.from(hashLookupCode(code), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return given.length === stored.length && timingSafeEqual(given, stored);
}

export function hashIdempotencyKey(key: string): string {
  return sha256Hex(`idempotency:${key}`);
}
