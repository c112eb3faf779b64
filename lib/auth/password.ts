import bcrypt from "bcryptjs";
import { z } from "zod";
import { DEMO_PASSWORD } from "@/lib/users/demo-accounts";

const COST = 11;

export const passwordSchema = z
  .string({ error: "请输入密码。" })
  .min(8, { error: "密码至少 8 个字符。" })
  .max(128, { error: "密码最多 128 个字符。" })
  // Only the demo seed may give an account the published demo password (lib/runtime/demo-mode.ts).
  .refine((password) => password !== DEMO_PASSWORD, { error: "这是公开的演示密码，请换一个。" });

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

// Compared against when the username is unknown, so that the answer takes as long either way.
export const unknownUserHash = bcrypt.hashSync("not-a-real-password", COST);
