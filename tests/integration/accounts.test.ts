import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { loadActingUser } from "@/lib/auth/acting-user";
import type { ActingUser } from "@/lib/auth/acting-user";
import { authenticateApiRequestWith, type ApiAuthentication } from "@/lib/auth/api-authentication";
import { createApiToken, findLiveApiToken, findUserIdByApiToken, listOwnApiTokens, revokeApiToken } from "@/lib/auth/api-tokens";
import { checkCredentials } from "@/lib/auth/credentials";
import { CLIENT_LOGIN_FAILURE_LIMIT, LOGIN_FAILURE_LIMIT } from "@/lib/auth/login-throttle";
import { verifyPassword } from "@/lib/auth/password";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db";
import { AppError, ForbiddenError, ValidationError } from "@/lib/errors";
import { DEMO_PASSWORD } from "@/lib/users/demo-accounts";
import { changeOwnPassword, createUser, resetUserPassword, setUserDisabled, updateUser } from "@/lib/users/manage-users";
import { insertSection, insertUser } from "../support/fixtures";
import { useMigratedTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
before(async () => {
  database = await useMigratedTestDatabase();
});
after(async () => {
  await database.drop();
});

const CLIENT = "198.51.100.7";
const check = (username: string, password: string, client = CLIENT) => checkCredentials(username, password, client);

/** An API request as lib/auth/session.ts sees it: `sessionUser` stands for the user of its session cookie. */
function authenticate(url: string, init: RequestInit, sessionUser: ActingUser | null = null): Promise<ApiAuthentication | null> {
  return authenticateApiRequestWith(new Request(url, init), async () => sessionUser);
}

describe("signing in", () => {
  test("the username is matched after normalisation: any case, full-width forms, surrounding spaces", async () => {
    const user = await insertUser("staff", { username: "alice" });
    for (const spelling of ["alice", "Alice", "  ALICE ", "ａｌｉｃｅ"]) {
      assert.deepEqual(await check(spelling, "correct-password"), { ok: true, userId: user.id, sessionEpoch: 0 }, spelling);
    }
  });

  test("a wrong password and an unknown username get the same answer", async () => {
    await insertUser("staff", { username: "bob" });
    assert.deepEqual(await check("bob", "wrong-password"), { ok: false, reason: "invalid" });
    assert.deepEqual(await check("nobody-here", "wrong-password"), { ok: false, reason: "invalid" });
  });

  test(`after ${LOGIN_FAILURE_LIMIT} failures the username is locked, even with the right password`, async () => {
    await insertUser("staff", { username: "carol" });
    for (let attempt = 0; attempt < LOGIN_FAILURE_LIMIT; attempt++) {
      assert.equal((await check("carol", "wrong")).ok, false);
    }
    const locked = await check("carol", "correct-password");
    assert.equal(locked.ok, false);
    assert.equal(!locked.ok && locked.reason, "throttled");
    assert.ok(!locked.ok && locked.reason === "throttled" && locked.retryAfterSeconds > 14 * 60 && locked.retryAfterSeconds <= 15 * 60);
  });

  test("wildcards are ordinary characters: with admin locked, adm_n, %dmin and a% do not sign in as admin", async () => {
    await insertUser("admin", { username: "admin" });
    // Before the lock too: none of them is admin's username.
    for (const spelling of ["adm_n", "%dmin", "a%", "_____", "%"]) {
      assert.deepEqual(await check(spelling, "correct-password", "203.0.113.1"), { ok: false, reason: "invalid" }, spelling);
    }
    for (let attempt = 0; attempt < LOGIN_FAILURE_LIMIT; attempt++) await check("admin", "wrong");
    for (const spelling of ["adm_n", "%dmin", "a%"]) {
      assert.deepEqual(await check(spelling, "correct-password", "203.0.113.1"), { ok: false, reason: "invalid" }, spelling);
    }
    // Every spelling of admin shares admin's five tries.
    for (const spelling of ["ADMIN", " Admin", "ａｄｍｉｎ"]) {
      const result = await check(spelling, "correct-password", "203.0.113.1");
      assert.equal(!result.ok && result.reason, "throttled", spelling);
    }
  });

  test("concurrent wrong attempts cannot get more than the limit past the lock", async () => {
    await insertUser("staff", { username: "concurrent" });
    const results = await Promise.all(Array.from({ length: 12 }, () => check("concurrent", "wrong")));
    const reasons = results.map((result) => (result.ok ? "ok" : result.reason));
    assert.equal(reasons.filter((reason) => reason === "invalid").length, LOGIN_FAILURE_LIMIT, reasons.join(", "));
    assert.equal(reasons.filter((reason) => reason === "throttled").length, 12 - LOGIN_FAILURE_LIMIT);
    assert.equal(await db.loginAttempt.count({ where: { username: "concurrent" } }), LOGIN_FAILURE_LIMIT, "refused attempts are not counted");
    assert.equal((await check("concurrent", "correct-password")).ok, false);
  });

  test("an unknown username is locked after the same number of failures as a real one", async () => {
    for (let attempt = 0; attempt < LOGIN_FAILURE_LIMIT; attempt++) {
      assert.deepEqual(await check("no-such-person", "guess"), { ok: false, reason: "invalid" });
    }
    const locked = await check("no-such-person", "guess");
    assert.equal(!locked.ok && locked.reason, "throttled");
  });

  test(`one client gets ${CLIENT_LOGIN_FAILURE_LIMIT} failures in 15 minutes whatever the usernames; other clients are not affected`, async () => {
    const user = await insertUser("staff", { username: "office-worker" });
    const sprayer = "192.0.2.66";
    const fiveMinutesAgo = new Date(currentTime().getTime() - 5 * 60_000);
    await db.loginAttempt.createMany({
      data: Array.from({ length: CLIENT_LOGIN_FAILURE_LIMIT - 1 }, (_, index) => ({
        username: `random-${index}`,
        clientKey: sprayer,
        succeeded: false,
        attemptedAt: fiveMinutesAgo,
      })),
    });
    assert.deepEqual(await check("random-last", "guess", sprayer), { ok: false, reason: "invalid" });
    const refused = await check("office-worker", "correct-password", sprayer);
    assert.equal(!refused.ok && refused.reason, "throttled", "the client is locked, even for a real account with its right password");
    assert.ok(!refused.ok && refused.reason === "throttled" && refused.retryAfterSeconds > 9 * 60 && refused.retryAfterSeconds <= 10 * 60);
    assert.deepEqual(await check("office-worker", "correct-password", "192.0.2.67"), { ok: true, userId: user.id, sessionEpoch: 0 });
  });

  test("successes do not use up a client's allowance", async () => {
    await insertUser("staff", { username: "busy-office" });
    const office = "192.0.2.80";
    const now = currentTime();
    await db.loginAttempt.createMany({
      data: Array.from({ length: 150 }, (_, index) => ({ username: `colleague-${index}`, clientKey: office, succeeded: true, attemptedAt: now })),
    });
    assert.equal((await check("busy-office", "correct-password", office)).ok, true);
  });

  test("the lock ends 15 minutes after the failures", async () => {
    await insertUser("staff", { username: "dave" });
    const sixteenMinutesAgo = new Date(currentTime().getTime() - 16 * 60_000);
    await db.loginAttempt.createMany({
      data: Array.from({ length: LOGIN_FAILURE_LIMIT }, () => ({ username: "dave", clientKey: CLIENT, succeeded: false, attemptedAt: sixteenMinutesAgo })),
    });
    assert.equal((await check("dave", "correct-password")).ok, true);
  });

  test("four failures do not lock, and a success resets the count", async () => {
    await insertUser("staff", { username: "erin" });
    for (let attempt = 0; attempt < LOGIN_FAILURE_LIMIT - 1; attempt++) await check("erin", "wrong");
    assert.equal((await check("erin", "correct-password")).ok, true);
    for (let attempt = 0; attempt < LOGIN_FAILURE_LIMIT - 1; attempt++) await check("erin", "wrong");
    assert.equal((await check("erin", "correct-password")).ok, true);
  });

  test("a disabled user cannot sign in", async () => {
    const admin = await insertUser("admin");
    const user = await insertUser("staff", { username: "frank" });
    await setUserDisabled(admin, user.id, true);
    assert.deepEqual(await check("frank", "correct-password"), { ok: false, reason: "disabled" });
    assert.deepEqual(await check("frank", "wrong"), { ok: false, reason: "invalid" });
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
    await assert.rejects(createUser(admin, { username: "x", displayName: "", role: "emperor", sectionId: 999999, password: "short" }), (error: unknown) => {
      assert.ok(error instanceof ValidationError);
      assert.deepEqual(Object.keys(error.fields).sort(), ["displayName", "password", "role", "username"]);
      return true;
    });
    assert.equal(await db.user.count(), before);
  });

  test("a duplicate username is a field error, in any spelling", async () => {
    const admin = await insertUser("admin");
    const sectionId = await insertSection();
    await insertUser("staff", { username: "grace" });
    for (const username of ["GRACE", " Grace ", "ｇｒａｃｅ"]) {
      await assert.rejects(
        createUser(admin, { username, displayName: "重名", role: "staff", sectionId, password: "long-enough-1" }),
        (error: unknown) => error instanceof ValidationError && Boolean(error.fields.username),
        username,
      );
    }
  });

  test("usernames are stored normalised; a_min is not taken by admin, nor adm_n by a_min", async () => {
    const admin = await insertUser("admin", { username: "root-admin" });
    const sectionId = await insertSection();
    const input = (username: string) => ({ username, displayName: username, role: "staff", sectionId, password: "long-enough-1" });
    await createUser(admin, input("wildcard"));
    assert.equal((await createUser(admin, input("w_ldcard"))).username, "w_ldcard");
    assert.equal((await createUser(admin, input("WangFang"))).username, "wangfang");
    await assert.rejects(createUser(admin, input("wang%")), (error: unknown) => error instanceof ValidationError && Boolean(error.fields.username));
    await assert.rejects(
      db.user.create({ data: { username: "MixedCase", displayName: "x", role: "staff", sectionId, passwordHash: "x" } }),
      /User_username_normalised/,
    );
  });

  test("nobody sets the published demo password", async () => {
    const admin = await insertUser("admin");
    await assert.rejects(
      createUser(admin, { username: "demo-copy", displayName: "演示", role: "staff", sectionId: admin.sectionId, password: DEMO_PASSWORD }),
      (error: unknown) => error instanceof ValidationError && Boolean(error.fields.password),
    );
    const user = await insertUser("staff");
    await assert.rejects(resetUserPassword(admin, user.id, { password: DEMO_PASSWORD }), ValidationError);
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

  test("a token is read-only unless asked otherwise, and expires after 30, 90 (default) or 365 days", async () => {
    const user = await insertUser("staff");
    const day = 24 * 60 * 60 * 1000;
    const { summary: plain } = await createApiToken(user, { name: "默认" });
    assert.equal(plain.scope, "read");
    assert.equal(Math.round((plain.expiresAt.getTime() - plain.createdAt.getTime()) / day), 90);
    for (const days of [30, 365]) {
      const { summary } = await createApiToken(user, { name: `${days} 天`, scope: "read_write", lifetimeDays: String(days) });
      assert.equal(summary.scope, "read_write");
      assert.equal(Math.round((summary.expiresAt.getTime() - summary.createdAt.getTime()) / day), days);
    }
    await assert.rejects(
      createApiToken(user, { name: "永久", lifetimeDays: "36500" }),
      (error: unknown) => error instanceof ValidationError && Boolean(error.fields.lifetimeDays),
    );
    await assert.rejects(
      createApiToken(user, { name: "超级", scope: "admin" }),
      (error: unknown) => error instanceof ValidationError && Boolean(error.fields.scope),
    );
    const listed = await listOwnApiTokens(user);
    assert.deepEqual(listed.map((token) => [token.name, token.scope, token.live]).sort(), [
      ["30 天", "read_write", true],
      ["365 天", "read_write", true],
      ["默认", "read", true],
    ]);
  });

  test("an expired token acts for nobody (401) and is listed as expired", async () => {
    const user = await insertUser("staff");
    const { token, summary } = await createApiToken(user, { name: "旧脚本", lifetimeDays: 30 });
    await db.apiToken.update({ where: { id: summary.id }, data: { expiresAt: new Date(currentTime().getTime() - 1000) } });
    assert.equal(await findLiveApiToken(token), null);
    assert.equal(await authenticate("http://localhost/api/v1/me", { headers: { Authorization: `Bearer ${token}` } }), null, "401");
    assert.equal((await listOwnApiTokens(user)).find((listed) => listed.id === summary.id)?.live, false);
  });

  test("a read token reads but gets 403 on every write; a read-write token writes", async () => {
    const user = await insertUser("staff");
    const { token: readToken } = await createApiToken(user, { name: "只读", scope: "read" });
    const { token: writeToken } = await createApiToken(user, { name: "读写", scope: "read_write" });
    const call = (token: string, method: string) =>
      authenticate("http://localhost/api/v1/admin/items", {
        method,
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "text/plain", Origin: "https://evil.example" },
      });
    assert.equal((await call(readToken, "GET"))?.user.id, user.id);
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      await assert.rejects(call(readToken, method), (error: unknown) => error instanceof ForbiddenError, method);
      // Bearer requests are not subject to the same-origin rule for cookies.
      assert.equal((await call(writeToken, method))?.user.id, user.id, method);
    }
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

describe("API writes with the session cookie", () => {
  const url = "http://gongkai.example/api/v1/admin/items";
  const refusedAs = (code: string) => (error: unknown) => error instanceof AppError && error.status === 403 && error.code === code;

  test("a cross-origin text/plain write is refused with 403, as is one without any origin", async () => {
    const staff = await insertUser("staff");
    await assert.rejects(
      authenticate(url, { method: "POST", headers: { "Content-Type": "text/plain", Origin: "https://evil.example" }, body: "{}" }, staff),
      refusedAs("cross_site_write"),
    );
    await assert.rejects(
      authenticate(url, { method: "POST", headers: { "Content-Type": "application/json", Origin: "https://evil.example" }, body: "{}" }, staff),
      refusedAs("cross_site_write"),
    );
    await assert.rejects(authenticate(url, { method: "DELETE", headers: { Origin: "null" } }, staff), refusedAs("cross_site_write"));
    await assert.rejects(
      authenticate(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" }, staff),
      refusedAs("cross_site_write"),
    );
    await assert.rejects(
      authenticate(url, { method: "POST", headers: { "Content-Type": "application/json", "Sec-Fetch-Site": "cross-site" }, body: "{}" }, staff),
      refusedAs("cross_site_write"),
    );
  });

  test("a same-origin write must be JSON or multipart", async () => {
    const staff = await insertUser("staff");
    const origin = "http://gongkai.example";
    for (const type of ["text/plain", "application/x-www-form-urlencoded", ""]) {
      await assert.rejects(
        authenticate(url, { method: "POST", headers: { "Content-Type": type, Origin: origin }, body: "x" }, staff),
        refusedAs("cross_site_write"),
        type,
      );
    }
    assert.equal(
      (await authenticate(url, { method: "POST", headers: { "Content-Type": "application/json; charset=utf-8", Origin: origin }, body: "{}" }, staff))?.user.id,
      staff.id,
    );
    assert.equal(
      (await authenticate(url, { method: "PATCH", headers: { "Content-Type": "application/json", "Sec-Fetch-Site": "same-origin" }, body: "{}" }, staff))?.user
        .id,
      staff.id,
    );
    const form = new FormData();
    form.set("file", new Blob(["a,b"]), "ledger.csv");
    assert.equal((await authenticate(url, { method: "POST", headers: { Origin: origin }, body: form }, staff))?.via, "session");
  });

  test("reads are unaffected, and without a session a write is simply unauthenticated", async () => {
    const staff = await insertUser("staff");
    assert.equal((await authenticate(url, { headers: { Origin: "https://evil.example" } }, staff))?.user.id, staff.id);
    assert.equal(
      await authenticate(url, { method: "POST", headers: { "Content-Type": "text/plain", Origin: "https://evil.example" }, body: "{}" }, null),
      null,
    );
  });
});

describe("password changes end sessions and tokens", () => {
  test("a user's own change revokes all their tokens and moves the session epoch on", async () => {
    const user = await insertUser("staff", { password: "first-password" });
    const other = await insertUser("staff");
    const { token } = await createApiToken(user, { name: "脚本", scope: "read_write" });
    const { token: othersToken } = await createApiToken(other, { name: "别人的" });
    assert.ok(await loadActingUser(user.id, { sessionEpoch: 0 }), "a session signed in now is valid");

    await changeOwnPassword(user, { currentPassword: "first-password", newPassword: "second-password", confirmPassword: "second-password" });
    assert.equal(await findUserIdByApiToken(token), null, "the user's token is revoked");
    assert.equal(await findUserIdByApiToken(othersToken), other.id, "other users' tokens are untouched");
    assert.equal(await loadActingUser(user.id, { sessionEpoch: 0 }), null, "sessions from before the change act for nobody");
    const signedInAgain = await check(user.username, "second-password", "192.0.2.90");
    assert.ok(signedInAgain.ok && signedInAgain.sessionEpoch === 1, "a sign-in with the new password carries the new epoch");
    assert.equal((await loadActingUser(user.id, { sessionEpoch: 1 }))?.id, user.id);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "user.change_own_password", entityId: String(user.id) } });
    assert.deepEqual(audit.details, { revokedTokens: 1 });
  });

  test("an admin's reset ends all of the user's sessions and tokens", async () => {
    const admin = await insertUser("admin");
    const user = await insertUser("staff");
    const { token } = await createApiToken(user, { name: "脚本" });
    await resetUserPassword(admin, user.id, { password: "reset-by-admin" });
    assert.equal(await findUserIdByApiToken(token), null);
    assert.equal(await loadActingUser(user.id, { sessionEpoch: 0 }), null);
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    assert.equal(stored.sessionEpoch, 1);
    assert.ok(await verifyPassword("reset-by-admin", stored.passwordHash));
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
