import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { loadActingUser } from "@/lib/auth/acting-user";
import { checkCredentials } from "@/lib/auth/credentials";
import { db } from "@/lib/db";
import { AppError, ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { prepareDemoModeAtStart } from "@/lib/runtime/demo-mode";
import { DEMO_PASSWORD, demoAccounts } from "@/lib/users/demo-accounts";
import { endDemoMode, isDemoModeActive } from "@/lib/users/end-demo-mode";
import { resetUserPassword, setUserDisabled } from "@/lib/users/manage-users";
import { seedBaseData } from "@/prisma/seed/seed-base";
import { seedDemoData } from "@/prisma/seed/seed-demo";
import { insertUser } from "../support/fixtures";
import { useMigratedTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
before(async () => {
  database = await useMigratedTestDatabase();
});
after(async () => {
  await database.drop();
});

const embeddedNew = { embedded: true, createdNow: true };
const embeddedAgain = { embedded: true, createdNow: false };
const realDatabase = { embedded: false, createdNow: false };

/** What scripts/serve.ts passes, with a record of which seed ran. */
function seeds() {
  const ran: string[] = [];
  return {
    ran,
    seed: {
      seedDemoData: async () => {
        ran.push("demo");
        await seedDemoData(() => {});
      },
      seedBaseData: async () => {
        ran.push("base");
        await seedBaseData();
      },
    },
  };
}

const signIn = (username: string, password = DEMO_PASSWORD) => checkCredentials(username, password, "127.0.0.1");
const demoUsernames = demoAccounts.map((account) => account.username).sort();

describe("demo data only where asked for", () => {
  test("a start against a real database does not seed the demo accounts into it", async () => {
    const { ran, seed } = seeds();
    assert.equal(await prepareDemoModeAtStart(realDatabase, {}, seed), null);
    assert.deepEqual(ran, ["base"]);
    assert.equal(await db.user.count(), 0);
    assert.equal((await db.agency.findFirstOrThrow({ where: { isDefault: true } })).demoMode, false);
  });

  test("the embedded quick start seeds a new database, keeps the demo accounts on later starts, and says it is a demo", async () => {
    const first = seeds();
    assert.equal(await prepareDemoModeAtStart(embeddedNew, {}, first.seed), null);
    assert.deepEqual(first.ran, ["demo"]);
    const again = seeds();
    assert.equal(await prepareDemoModeAtStart(embeddedAgain, {}, again.seed), null);
    assert.deepEqual(again.ran, ["base"]);
    assert.equal((await db.agency.findFirstOrThrow({ where: { isDefault: true } })).demoMode, true, "the login page lists the demo accounts");
    for (const username of demoUsernames) assert.equal((await signIn(username)).ok, true, username);
  });

  test("a real database refuses to start while accounts have the demo password, unless DEMO_MODE=1", async () => {
    const refusal = await prepareDemoModeAtStart(realDatabase, {}, seeds().seed);
    assert.ok(refusal, "refused");
    assert.match(refusal, /Refusing to start/);
    for (const username of demoUsernames) assert.ok(refusal.includes(username), username);
    assert.match(refusal, /DEMO_MODE=1/);
    assert.equal(await prepareDemoModeAtStart(realDatabase, { DEMO_MODE: "1" }, seeds().seed), null);
    assert.match(
      (await prepareDemoModeAtStart(embeddedAgain, { DEMO_MODE: "0" }, seeds().seed)) ?? "",
      /Refusing to start/,
      "DEMO_MODE=0 refuses the embedded demo too",
    );
    assert.match((await prepareDemoModeAtStart(realDatabase, { DEMO_MODE: "sometimes" }, seeds().seed)) ?? "", /DEMO_MODE=sometimes is not understood/);
    assert.equal((await db.agency.findFirstOrThrow({ where: { isDefault: true } })).demoMode, true, "nothing changed");
  });

  test("DEMO_MODE=1 does not seed demo accounts next to existing accounts", async () => {
    const before = await db.user.count();
    const run = seeds();
    await prepareDemoModeAtStart(realDatabase, { DEMO_MODE: "1" }, run.seed);
    assert.deepEqual(run.ran, ["base"]);
    assert.equal(await db.user.count(), before);
  });
});

describe("an administrator ends demo mode", () => {
  test("only an admin, with the confirmation ticked, and not while signed in with the demo password", async () => {
    const demoAdmin = (await db.user.findUniqueOrThrow({ where: { username: "admin" } })).id;
    const asDemoAdmin = (await loadActingUser(demoAdmin))!;
    await assert.rejects(endDemoMode(await insertUser("staff"), { confirm: "on" }), ForbiddenError);
    await assert.rejects(endDemoMode(asDemoAdmin, {}), (error: unknown) => error instanceof ValidationError && Boolean(error.fields.confirm));
    await assert.rejects(endDemoMode(asDemoAdmin, { confirm: "on" }), (error: unknown) => error instanceof ConflictError && /演示密码/.test(error.message));
    assert.equal(await isDemoModeActive(asDemoAdmin), true);
  });

  test("disables every account that still has the demo password, ends the notice, and is audited; a changed demo account stays", async () => {
    const owner = await insertUser("admin", { username: "real-admin", password: "a-password-of-my-own" });
    const leader = await db.user.findUniqueOrThrow({ where: { username: "leader" } });
    await resetUserPassword(owner, leader.id, { password: "leader-now-private" });

    const { disabledUsernames } = await endDemoMode(owner, { confirm: "on" });
    // The platform's and the other demo departments' accounts too: demo mode is the installation's, not one agency's.
    const exposed = ["admin", "head", "head2", "leader2", "platform", "staff", "staff2", "supervisor"];
    assert.deepEqual(disabledUsernames.sort(), exposed);
    assert.equal(await isDemoModeActive(owner), false, "the login page no longer lists the demo accounts");
    for (const username of exposed) assert.deepEqual(await signIn(username), { ok: false, reason: "disabled" }, username);
    assert.equal((await signIn("leader", "leader-now-private")).ok, true);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "demo_mode.end" } });
    assert.equal(audit.actorId, owner.id);
    assert.deepEqual((audit.details as { disabledUsernames: string[] }).disabledUsernames.sort(), exposed);

    await assert.rejects(endDemoMode(owner, { confirm: "on" }), ConflictError, "only once");
  });

  test("afterwards a start outside demo mode goes ahead, and a demo account is re-enabled only after a password reset", async () => {
    assert.equal(await prepareDemoModeAtStart(realDatabase, {}, seeds().seed), null);
    assert.equal(await prepareDemoModeAtStart(embeddedAgain, {}, seeds().seed), null);
    const admin = (await loadActingUser((await db.user.findUniqueOrThrow({ where: { username: "real-admin" } })).id))!;
    const staff = await db.user.findUniqueOrThrow({ where: { username: "staff" } });
    await assert.rejects(
      setUserDisabled(admin, staff.id, false),
      (error: unknown) => error instanceof AppError && error.status === 409 && /演示密码/.test(error.message),
    );
    await resetUserPassword(admin, staff.id, { password: "staff-now-private" });
    await setUserDisabled(admin, staff.id, false);
    assert.equal((await signIn("staff", "staff-now-private")).ok, true);
    assert.equal((await db.user.findUniqueOrThrow({ where: { id: staff.id } })).mayHaveDemoPassword, false);
  });

  test("a real database without enabled demo-password accounts starts, and its login page stops listing demo accounts", async () => {
    // e.g. seeded with `npm run db:seed -- --demo`, then every demo account disabled or given a private password.
    await db.agency.updateMany({ data: { demoMode: true } });
    assert.equal(await prepareDemoModeAtStart(realDatabase, {}, seeds().seed), null, "disabled accounts with the demo password do not block a start");
    assert.equal((await db.agency.findFirstOrThrow({ where: { isDefault: true } })).demoMode, false);
  });
});
