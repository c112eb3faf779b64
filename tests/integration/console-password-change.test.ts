import "../security/next-server-environment";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { db } from "@/lib/db";
import { authorizationMatrix } from "../security/authorization-matrix";
import { discoverRoutes } from "../security/discovery";
import type { MatrixFixtures, SignedInActor } from "../security/matrix-fixtures";
import { actors, type RouteCall, type RouteRow } from "../security/matrix-types";
import { fileOfTarget, importAppModule } from "../security/matrix-walk";
import { runInRequestScope, sessionCookieFor } from "../security/next-request-scope";
import { setUpWalk } from "../security/walk-setup";

/**
 * The console's own route handlers (/admin/…: exports, import templates, reply letters) refuse an
 * account that must still change its one-time password as the API and the actions do: 403
 * `password_change_required` with the same JSON body, whoever it is; 401 only without a session.
 * Walks every console route handler (discovered from app/, with the matrix row's parameters).
 */

let fx: MatrixFixtures;
let tearDown: () => Promise<void>;

before(async () => {
  ({ fx, tearDown } = await setUpWalk("console-password-change"));
});
after(async () => {
  await tearDown();
});

const signedIn = actors.filter((actor): actor is SignedInActor => actor !== "anonymous");

/** The matrix's five people and the two platform accounts of the demo (平台管理员, 政务公开办). */
async function accounts(): Promise<Map<string, number>> {
  const platform = await db.user.findMany({ where: { username: { in: ["platform", "supervisor"] } }, select: { id: true, username: true } });
  assert.equal(platform.length, 2);
  return new Map<string, number>([
    ...signedIn.map((actor) => [actor, fx.users[actor].id] as const),
    ...platform.map((user) => [user.username, user.id] as const),
  ]);
}

async function cookieOf(userId: number): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  return sessionCookieFor(user, user.sessionEpoch);
}

type Answer = { status: number; body: unknown };

/** Calls the route handler of `target` as a browser would, with `cookie` or none, and reads its JSON answer. */
async function call(target: string, request: RouteCall, cookie: string | null): Promise<Answer> {
  const [method, routePath] = target.split(" ");
  const handler = (await importAppModule(fileOfTarget(target)))[method] as (request: Request, context: unknown) => Promise<Response>;
  const params = request.params ?? {};
  const url = new URL(
    routePath.replace(/\[(\w+)\]/g, (_, name: string) => encodeURIComponent(params[name])),
    "http://localhost",
  );
  for (const [key, value] of Object.entries(request.query ?? {})) url.searchParams.set(key, value);
  const headers: Record<string, string> = { host: "localhost", ...(cookie ? { cookie } : {}) };
  const response = await runInRequestScope({ page: routePath, headers }, () =>
    handler(new Request(url, { method, headers }), { params: Promise.resolve(params) }),
  );
  const text = await response.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = text.length ? "(not JSON)" : null;
  }
  return { status: response.status, body };
}

describe("console route handlers and a one-time password", () => {
  test("every console route handler answers 403 password_change_required to a pending account, 401 to nobody, and serves it after the change", async () => {
    const routes = discoverRoutes().filter((route) => route.path.startsWith("/admin/"));
    assert.ok(routes.length >= 6, `the console's route handlers are found (${routes.length})`);
    const rows = routes.map((route) => {
      const row = authorizationMatrix.find((entry): entry is RouteRow => "route" in entry && entry.route === route.target);
      assert.ok(row, `${route.target} has a row in the authorization matrix`);
      return row;
    });
    // Who is allowed each route (its matrix row, or — for the platform's routes — a platform account), asking about the row's record.
    const people = await accounts();
    const cases = await Promise.all(
      rows.map(async (row) => {
        const allowed = signedIn.filter((actor) => row.expect[actor] === 200);
        return { row, allowed: allowed.length ? allowed : ["platform", "supervisor"], request: await row.request(fx, allowed[0] ?? "admin") };
      }),
    );
    const everyone = [...people.values()];
    await db.user.updateMany({ where: { id: { in: everyone } }, data: { mustChangePassword: true } });
    // The API's own refusal of a pending account: the body the console's routes must give too.
    const api = await call("GET /api/v1/me", {}, await cookieOf(people.get("admin")!));
    assert.equal(api.status, 403);
    const refusal = api.body as { error: { code: string; message: string } };
    assert.equal(refusal.error.code, "password_change_required");

    const surprises: string[] = [];
    for (const { row, request } of cases) {
      const anonymous = await call(row.route, request, null);
      if (anonymous.status !== 401 || (anonymous.body as { error?: { code?: string } } | null)?.error?.code !== "unauthenticated")
        surprises.push(`${row.route} signed out: ${anonymous.status} ${JSON.stringify(anonymous.body)}`);
      for (const [name, id] of people) {
        const pending = await call(row.route, request, await cookieOf(id));
        if (pending.status !== 403 || JSON.stringify(pending.body) !== JSON.stringify(refusal))
          surprises.push(`${row.route} as ${name} (pending): ${pending.status} ${JSON.stringify(pending.body)}`);
      }
    }
    assert.deepEqual(surprises, []);

    // Once the password is changed, the same requests are served again to those allowed.
    await db.user.updateMany({ where: { id: { in: everyone } }, data: { mustChangePassword: false } });
    for (const { row, allowed, request } of cases) {
      const answers = await Promise.all(allowed.map(async (name) => (await call(row.route, request, await cookieOf(people.get(name)!))).status));
      assert.ok(answers.includes(200), `${row.route} after the change, as ${allowed.join(" or ")}: ${answers.join(", ")}`);
    }
  });
});
