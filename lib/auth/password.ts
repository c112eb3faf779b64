import bcrypt from "bcryptjs";
import { z } from "zod";

const COST = 11;

export const passwordSchema = z
  .string({ error: "请输入密码。" })
  .min(8, { error: "密码至少 8 个字符。" })
  .max(128, { error: "密码最多 128 个字符。" });

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

// Compared against when the username is unknown, so that the answer takes as long either way.
export const unknownUserHash = bcrypt.hashSync("not-a-real-password", COST);
