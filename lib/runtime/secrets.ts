import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export type GeneratedSecrets = { authSecret: string; embeddedDatabasePassword: string };

/**
 * Secrets generated on first start and kept under DATA_DIR, so that a fresh install needs no
 * configuration and sessions survive restarts. AUTH_SECRET in the environment wins.
 */
export function readOrCreateSecrets(dataDir: string): GeneratedSecrets {
  const file = path.join(dataDir, "secrets.json");
  let stored: Partial<GeneratedSecrets> = {};
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, "utf8")) as Partial<GeneratedSecrets>;
  const secrets: GeneratedSecrets = {
    authSecret: stored.authSecret ?? randomBytes(32).toString("base64url"),
    embeddedDatabasePassword: stored.embeddedDatabasePassword ?? randomBytes(18).toString("base64url"),
  };
  if (secrets.authSecret !== stored.authSecret || secrets.embeddedDatabasePassword !== stored.embeddedDatabasePassword) {
    writeFileSync(file, JSON.stringify(secrets, null, 2) + "\n", { mode: 0o600 });
  }
  return secrets;
}
