import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { currentTime } from "@/lib/clock";
import { createApiToken, findUserIdByApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { checkCredentials } from "@/lib/auth/credentials";
import { LOGIN_FAILURE_LIMIT } from "@/lib/auth/login-throttle";
import { db } from "@/lib/db";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { createUser, setUserDisabled, updateUser } from "@/lib/users/manage-users";
import { insertSection, insertUser } from "../support/fixtures";
import { useMigratedTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
before(async () => {
  database = await useMigratedTestDatabase();
});
after(async () => {
  await database.drop();
});

describe("signing in", () => {
  test("the right password signs in, case-insensitively on the username", async () => {
    const user = await insertUser("staff", { username: "Alice" });
    assert.deepEqual(await checkCredentials("alice", "correct-password"), { ok: true, userId: user.id });
  });

  test("a wrong password and an unknown username get the same answer", async () => {
    await insertUser("staff", { username: "bob" });
    assert.deepEqual(await checkCredentials("bob", "wrong-password"), { ok: false, reason: "invalid" });
    assert.deepEqual(await checkCredentials("nobody-here", "wrong-password"), { ok: false, reason: "invalid" });
  });

  test(`after ${LOGIN_FAILURE_LIMIT} failures the username is locked, even with the right password`, async () => {
    await insertUser("staff", { username: "carol" });
    for (let attempt = 0; attempt < LOGIN_FAILURE_LIMIT; attempt++) {
      assert.equal((await checkCredentials("carol", "wrong")).ok, false);
    }
    const locked = await checkCredentials("carol", "correct-password");
    assert.equal(locked.ok, false);
    assert.equal(!locked.ok && locked.reason, "throttled");
    assert.ok(!locked.ok && locked.reason === "throttled" && locked.retryAfterSeconds > 14 * 60 && locked.retryAfterSeconds <= 15 * 60);
  });

  test("the lock ends 15 minutes after the failures", async () => {
    await insertUser("staff", { username: "dave" });
    const sixteenMinutesAgo = new Date(currentTime().getTime() - 16 * 60_000);
    await db.loginAttempt.createMany({
      data: Array.from({ length: LOGIN_FAILURE_LIMIT }, () => ({ username: "dave", succeeded: false, attemptedAt: sixteenMinutesAgo })),
    });
    assert.equal((await checkCredentials("dave", "correct-password")).ok, true);
  });

  test("four failures do not lock, and a success resets the count", async () => {
    await insertUser("staff", { username: "erin" });
    for (let attempt = 0; attempt < LOGIN_FAILURE_LIMIT - 1; attempt++) await checkCredentials("erin", "wrong");
    assert.equal((await checkCredentials("erin", "correct-password")).ok, true);
    for (let attempt = 0; attempt < LOGIN_FAILURE_LIMIT - 1; attempt++) await checkCredentials("erin", "wrong");
    assert.equal((await checkCredentials("erin", "correct-password")).ok, true);
  });

  test("a disabled user cannot sign in", async () => {
    const admin = await insertUser("admin");
    const user = await insertUser("staff", { username: "frank" });
    await setUserDisabled(admin, user.id, true);
    assert.deepEqual(await checkCredentials("frank", "correct-password"), { ok: false, reason: "disabled" });
    assert.deepEqual(await checkCredentials("frank", "wrong"), { ok: false, reason: "invalid" });
  });
});

describe("user management in the data layer", () => {
  test("only an admin creates users; others are refused whatever the UI shows", async () => {
    const sectionId = await insertSection();
    const input = { username: "newbie", displayName: "新人", role: "staff", sectionId, password: "long-enough-1" };
    for (const role of ["staff", "section_head", "leader"] as const) {
      await assert.rejects(createUser(await insertUser(role), input), ForbiddenError);
    }
    const created = await createUser(await insertUser("admin"), input);
    assert.equal(created.username, "newbie");
    const audit = await db.auditEvent.findFirst({ where: { action: "user.create", entityId: String(created.id) } });
    assert.ok(audit, "user creation is audited");
  });

  test("invalid input lists each field's problem and stores nothing", async () => {
    const admin = await insertUser("admin");
    const before = await db.user.count();
    await assert.rejects(
      createUser(admin, { username: "x", displayName: "", role: "emperor", sectionId: 999999, password: "short" }),
      (error: unknown) => {
        assert.ok(error instanceof ValidationError);
        assert.deepEqual(Object.keys(error.fields).sort(), ["displayName", "password", "role", "username"]);
        return true;
      },
    );
    assert.equal(await db.user.count(), before);
  });

  test("a duplicate username is a field error", async () => {
    const admin = await insertUser("admin");
    const sectionId = await insertSection();
    await insertUser("staff", { username: "grace" });
    await assert.rejects(
      createUser(admin, { username: "GRACE", displayName: "重名", role: "staff", sectionId, password: "long-enough-1" }),
      (error: unknown) => error instanceof ValidationError && Boolean(error.fields.username),
    );
  });

  test("an admin changes role and section; a nonexistent section is refused", async () => {
    const admin = await insertUser("admin");
    const user = await insertUser("staff");
    const sectionId = await insertSection();
    const updated = await updateUser(admin, user.id, { role: "section_head", sectionId });
    assert.equal(updated.role, "section_head");
    assert.equal(updated.sectionId, sectionId);
    await assert.rejects(updateUser(admin, user.id, { sectionId: 987654 }), ValidationError);
  });
});

describe("API tokens", () => {
  test("a token acts for its user until revoked; only its hash is stored", async () => {
    const user = await insertUser("staff");
    const { token, summary } = await createApiToken(user, { name: "报表脚本" });
    assert.equal(await findUserIdByApiToken(token), user.id);
    const stored = await db.apiToken.findUniqueOrThrow({ where: { id: summary.id } });
    assert.notEqual(stored.tokenHash, token);
    assert.ok(!stored.tokenHash.includes(token.slice(3)));
    await revokeApiToken(user, summary.id);
    assert.equal(await findUserIdByApiToken(token), null);
  });

  test("a user cannot revoke another user's token", async () => {
    const owner = await insertUser("staff");
    const other = await insertUser("admin");
    const { token, summary } = await createApiToken(owner, { name: "mine" });
    await assert.rejects(revokeApiToken(other, summary.id));
    assert.equal(await findUserIdByApiToken(token), owner.id);
  });

  test("an unknown or malformed token acts for nobody", async () => {
    assert.equal(await findUserIdByApiToken("gk_not-a-real-token"), null);
    assert.equal(await findUserIdByApiToken("something-else"), null);
  });
});

describe("audit log", () => {
  test("the database refuses to change or delete audit rows", async () => {
    const admin = await insertUser("admin");
    await createUser(admin, { username: "audited", displayName: "审计", role: "staff", sectionId: admin.sectionId, password: "long-enough-1" });
    const row = await db.auditEvent.findFirstOrThrow({ where: { action: "user.create" } });
    await assert.rejects(db.auditEvent.update({ where: { id: row.id }, data: { comment: "changed" } }), /append-only/);
    await assert.rejects(db.auditEvent.delete({ where: { id: row.id } }), /append-only/);
    await assert.rejects(db.$executeRawUnsafe(`TRUNCATE "AuditEvent"`), /append-only/);
  });
});
