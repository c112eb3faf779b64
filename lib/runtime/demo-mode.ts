/**
 * Demo data only where it was asked for.
 *
 * - The embedded quick start (`npm install && npm start`, DATABASE_URL unset) seeds the demo
 *   organisation and its four accounts with the published password into a new database, and
 *   keeps them as they are: the login page says it is a demo. An administrator ends demo mode
 *   in the console (lib/users/end-demo-mode.ts).
 * - A start against a real database (DATABASE_URL set) never seeds them, and refuses to start
 *   while any enabled account may still be signed into with the demo password.
 * - DEMO_MODE=1 makes any start a demo (seeded into a database without accounts, demo password
 *   accepted); DEMO_MODE=0 makes none a demo, the embedded one included.
 */
import { verifyPassword } from "@/lib/auth/password";
import { configFrom, demoSettingOf, type DemoSetting } from "@/lib/config";
import { db } from "@/lib/db";
import { messages } from "@/lib/i18n";
import { DEMO_PASSWORD } from "@/lib/users/demo-accounts";

type Env = Record<string, string | undefined>;

export type { DemoSetting };

/** DEMO_MODE: "on" (1), "off" (0), or unset: decided by the kind of database (the vocabulary is lib/config.ts's). */
export function readDemoSetting(env: Env): DemoSetting | { invalid: string } {
  return demoSettingOf(env.DEMO_MODE) ?? { invalid: env.DEMO_MODE! };
}

export type DatabaseAtStart = {
  /** The embedded PostgreSQL of the quick start, rather than DATABASE_URL. */
  embedded: boolean;
  /** The embedded database was created by this start. */
  createdNow: boolean;
};

/** Whether this start seeds the demo organisation and accounts (seed-demo skips them if they exist). */
export function shouldSeedDemoData(database: DatabaseAtStart, setting: DemoSetting, env: Env, accountCount: number): boolean {
  if (setting === "off" || !configFrom(env).SEED_DEMO) return false;
  if (database.embedded) return database.createdNow;
  // A real database only on request, and never next to accounts someone already made.
  return setting === "on" && accountCount === 0;
}

/** Whether this start accepts accounts with the published demo password. */
export function acceptsDemoPasswords(database: DatabaseAtStart, setting: DemoSetting, agencyInDemoMode: boolean): boolean {
  if (setting !== "unset") return setting === "on";
  return database.embedded && agencyInDemoMode;
}

/**
 * Seeds what this start needs and applies the demo rules; returns why the start is refused, or
 * null. Called by scripts/serve.ts after the migrations.
 */
export async function prepareDemoModeAtStart(
  database: DatabaseAtStart,
  env: Env,
  seed: { seedDemoData: () => Promise<void>; seedBaseData: () => Promise<void> },
): Promise<string | null> {
  const setting = readDemoSetting(env);
  if (typeof setting === "object")
    return `DEMO_MODE=${setting.invalid} is not understood: use DEMO_MODE=1 (a demo installation) or DEMO_MODE=0, or leave it unset.`;
  const accountCount = database.embedded ? 0 : await db.user.count();
  if (shouldSeedDemoData(database, setting, env, accountCount)) await seed.seedDemoData();
  else await seed.seedBaseData();

  const agency = await db.agency.findFirst({ where: { isDefault: true }, select: { id: true, demoMode: true } });
  if (acceptsDemoPasswords(database, setting, agency?.demoMode ?? false)) return null;
  const exposed = await findAccountsWithDemoPassword();
  if (exposed.length) {
    const names = exposed.map((account) => account.username).join(", ");
    return [
      `Refusing to start: ${exposed.length === 1 ? "the account" : "the accounts"} ${names} can still be signed into with the published demo password "${DEMO_PASSWORD}".`,
      "To go live: start once with DEMO_MODE=1 (where nobody else can reach it), sign in as an administrator with a password of your own",
      `and choose ${messages.console.users} → ${messages.users.endDemoMode}, which disables every account that still has the demo password. Or set DEMO_MODE=1 to run a demo installation.`,
    ].join("\n");
  }
  // No published password is left: the login page no longer offers the demo accounts.
  if (agency?.demoMode) await db.agency.update({ where: { id: agency.id }, data: { demoMode: false } });
  return null;
}

/**
 * Enabled accounts that can be signed into with the demo password. Only accounts whose password
 * was set where the demo password was not refused are checked (one bcrypt comparison each); those
 * found not to have it are not checked again.
 */
export async function findAccountsWithDemoPassword(): Promise<{ id: number; username: string; passwordHash: string }[]> {
  const candidates = await db.user.findMany({
    where: { disabledAt: null, mayHaveDemoPassword: true },
    select: { id: true, username: true, passwordHash: true },
    orderBy: { username: "asc" },
  });
  const exposed: typeof candidates = [];
  for (const candidate of candidates) {
    if (await verifyPassword(DEMO_PASSWORD, candidate.passwordHash)) exposed.push(candidate);
    else await db.user.updateMany({ where: { id: candidate.id, passwordHash: candidate.passwordHash }, data: { mayHaveDemoPassword: false } });
  }
  return exposed;
}
