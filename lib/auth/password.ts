import bcrypt from "bcryptjs";
import { z } from "zod";
import { messages } from "@/lib/i18n";
import { DEMO_PASSWORD } from "@/lib/users/demo-accounts";

const COST = 11;

export const passwordSchema = z
  .string({ error: messages.administration.passwords.required })
  .min(8, { error: messages.administration.passwords.tooShort })
  .max(128, { error: messages.administration.passwords.tooLong })
  // Only the demo seed may give an account the published demo password (lib/runtime/demo-mode.ts).
  .refine((password) => password !== DEMO_PASSWORD, { error: messages.administration.passwords.demoPassword });

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

// Compared against when the username is unknown, so that the answer takes as long either way.
export const unknownUserHash = bcrypt.hashSync("not-a-real-password", COST);
