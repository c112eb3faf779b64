/**
 * Runs one cell of the authorization matrix: a route handler or a server action, called in-process
 * inside Next's request scope (tests/security/next-request-scope.ts) as the actor — with the
 * session cookie Auth.js issues at sign-in, and for API writes the site's Origin and a JSON body, as
 * the console's own pages send them — and returns the status it answered.
 *
 * Routes answer their HTTP status. A server action has none of its own: it answers the status of
 * the error the data layer threw (`errorStatus` of the form state: the API's status for the same
 * error), 200 when it succeeded or redirected to the next page, 500 when it threw anything else.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ActingUser } from "@/lib/auth/acting-user";
import { db } from "@/lib/db";
import { discoverRoutes } from "./discovery";
import type { MatrixFixtures } from "./matrix-fixtures";
import type { ActionCall, Actor, MatrixRow, RouteCall } from "./matrix-types";
import { getAccessFallbackHTTPStatus, isHTTPAccessFallbackError, isRedirectError, runInRequestScope, sessionCookieFor } from "./next-request-scope";

const root = process.cwd();
const SITE = "http://localhost";

let routeFiles: Map<string, string> | undefined;

/** The file a target lives in: `GET /api/v1/admin/items/[id]` → app/api/v1/admin/items/[id]/route.ts, `GET /files/[id]` → app/(public)/files/[id]/route.ts. */
export function fileOfTarget(target: string): string {
  if (target.includes("#")) return target.split("#")[0];
  routeFiles ??= new Map(discoverRoutes().map((route) => [route.path, route.file]));
  const routePath = target.split(" ")[1];
  return routeFiles.get(routePath) ?? path.posix.join("app", routePath, "route.ts");
}

const modules = new Map<string, Promise<Record<string, unknown>>>();
export function importAppModule(file: string): Promise<Record<string, unknown>> {
  if (!modules.has(file)) modules.set(file, import(pathToFileURL(path.join(root, file)).href) as Promise<Record<string, unknown>>);
  return modules.get(file)!;
}

/** The cookie header of `user`'s session, with the user's current session epoch (a password change moves it). */
async function cookieOf(user: ActingUser): Promise<string> {
  const { sessionEpoch } = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionEpoch: true } });
  return sessionCookieFor(user, sessionEpoch);
}

export type CellOutcome = { status: number; problem?: string };

/** Calls `call` as `actor` (or as `call.as`, an account standing in for the actor) and returns the status. */
export async function runCell(row: MatrixRow, call: RouteCall | ActionCall, actor: Actor, fx: MatrixFixtures): Promise<CellOutcome> {
  const user = actor === "anonymous" ? null : (call.as ?? fx.users[actor]);
  const cookie = user ? await cookieOf(user) : null;
  return "route" in row ? runRoute(row.route, call as RouteCall, cookie) : runAction(row.action, call as ActionCall, cookie);
}

function fillParams(routePath: string, params: Record<string, string> = {}): string {
  return routePath.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`${routePath}: no value for [${name}]`);
    return params[name].split("/").map(encodeURIComponent).join("/");
  });
}

/** The params a handler receives: a catch-all segment ([...name]) as a list. */
function handlerParams(routePath: string, params: Record<string, string> = {}): Record<string, string | string[]> {
  const catchAll = new Set([...routePath.matchAll(/\[\.\.\.(\w+)\]/g)].map((match) => match[1]));
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, catchAll.has(name) ? value.split("/") : value]));
}

/** A body sent as it is, with its media type (the fuzz run's malformed bodies). */
export type RawBody = { body: Uint8Array | string; contentType: string };

export async function runRoute(
  target: string,
  call: RouteCall,
  cookie: string | null,
  extraHeaders: Record<string, string> = {},
  raw?: RawBody,
): Promise<CellOutcome> {
  const [method, routePath] = target.split(" ");
  const handler = (await importAppModule(fileOfTarget(target)))[method] as ((request: Request, context: unknown) => Promise<Response>) | undefined;
  if (typeof handler !== "function") return { status: 0, problem: `${fileOfTarget(target)} exports no ${method}` };
  const url = new URL(fillParams(routePath, call.params), SITE);
  for (const [key, value] of Object.entries(call.query ?? {})) url.searchParams.set(key, value);
  const headers: Record<string, string> = { host: "localhost", ...extraHeaders };
  if (cookie) headers.cookie = cookie;
  let body: BodyInit | undefined;
  if (method !== "GET" && method !== "HEAD") {
    headers.origin = SITE;
    if (raw) {
      headers["content-type"] = raw.contentType;
      body = raw.body as BodyInit;
    } else if (call.multipart) {
      body = call.multipart;
    } else {
      headers["content-type"] = "application/json";
      body = JSON.stringify(call.json ?? {});
    }
  }
  const request = new Request(url, { method, headers, body });
  const response = await runInRequestScope({ page: routePath, headers: request.headers }, () =>
    handler(request, { params: Promise.resolve(handlerParams(routePath, call.params)) }),
  ).catch((error: unknown) => error);
  if (!(response instanceof Response))
    return { status: 500, problem: `threw ${response instanceof Error ? `${response.constructor.name}: ${response.message}` : String(response)}` };
  if (response.status >= 400 && jsonErrors(routePath)) {
    const text = await response.text();
    let code: unknown;
    try {
      code = (JSON.parse(text) as { error?: { code?: unknown; message?: unknown } }).error?.code;
    } catch {
      return { status: response.status, problem: `a ${response.status} without a JSON body: ${text.slice(0, 200)}` };
    }
    if (typeof code !== "string") return { status: response.status, problem: `a ${response.status} without error.code: ${text.slice(0, 200)}` };
  } else {
    await response.arrayBuffer();
  }
  if (response.status >= 500) return { status: response.status, problem: `answered ${response.status}` };
  return { status: response.status };
}

/**
 * API routes and the console's own route files refuse in JSON; public files and feeds may answer
 * in text, and so does Auth.js's own endpoint (/api/auth/*: its protocol, its "Bad request.").
 */
function jsonErrors(routePath: string): boolean {
  return (routePath.startsWith("/api/") && !routePath.startsWith("/api/auth/")) || routePath.startsWith("/admin/");
}

type ActionResult = { status?: string; errorStatus?: number; message?: string } | undefined | void;

export async function runAction(target: string, call: ActionCall, cookie: string | null, extraHeaders: Record<string, string> = {}): Promise<CellOutcome> {
  const [file, name] = target.split("#");
  const action = (await importAppModule(file))[name] as ((...args: unknown[]) => Promise<ActionResult>) | undefined;
  if (typeof action !== "function") return { status: 0, problem: `${file} exports no ${name}` };
  const headers: Record<string, string> = { host: "localhost", origin: SITE, ...extraHeaders };
  if (cookie) headers.cookie = cookie;
  try {
    const result = await runInRequestScope({ page: "/admin", headers }, () => action(...call.args));
    if (result && typeof result === "object" && result.status === "error") {
      if (typeof result.errorStatus !== "number") return { status: 0, problem: `an error state without errorStatus: ${result.message}` };
      return { status: result.errorStatus, problem: result.errorStatus >= 500 ? result.message : undefined };
    }
    return { status: 200 };
  } catch (error) {
    if (isRedirectError(error)) return { status: 200 };
    if (isHTTPAccessFallbackError(error)) return { status: getAccessFallbackHTTPStatus(error) };
    return { status: 500, problem: `threw ${error instanceof Error ? `${error.constructor.name}: ${error.message}` : String(error)}` };
  }
}

// ─── Is the database unchanged? ─────────────────────────────────────────────────────────────────

type Queryable = { $executeRawUnsafe(query: string): Promise<number>; $queryRawUnsafe<T>(query: string): Promise<T> };

/**
 * Installs, in a test's own database, a row trigger on every table of the application schema (the
 * audit log included) that writes the table's name into `matrix_change_log` whenever a row is
 * inserted, updated or deleted. The log is written in the changing transaction, so it keeps exactly
 * what was committed: a refused request must leave it as it was (a write that was rolled back
 * leaves nothing). Call after seeding.
 */
export async function installChangeLog(database: Queryable = db): Promise<void> {
  await database.$executeRawUnsafe(
    `CREATE TABLE IF NOT EXISTS matrix_change_log (id bigserial PRIMARY KEY, table_name text NOT NULL, operation text NOT NULL)`,
  );
  await database.$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION matrix_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO matrix_change_log (table_name, operation) VALUES (TG_TABLE_NAME, TG_OP);
      RETURN NULL;
    END $$`);
  const tables = await database.$queryRawUnsafe<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT IN ('_prisma_migrations', 'matrix_change_log')`,
  );
  for (const { table_name: name } of tables) {
    await database.$executeRawUnsafe(`DROP TRIGGER IF EXISTS matrix_log_change ON "${name}"`);
    await database.$executeRawUnsafe(
      `CREATE TRIGGER matrix_log_change AFTER INSERT OR UPDATE OR DELETE ON "${name}" FOR EACH ROW EXECUTE FUNCTION matrix_log_change()`,
    );
  }
}

/** Where the change log stands now. */
export async function changeLogPosition(database: Queryable = db): Promise<number> {
  const [row] = await database.$queryRawUnsafe<{ position: string }[]>(`SELECT coalesce(max(id), 0)::text AS position FROM matrix_change_log`);
  return Number(row.position);
}

/**
 * The tables changed (and committed) since `position`, with how, e.g. ["Item UPDATE", "AuditEvent INSERT"].
 * `exclude`: tables that count attempts on purpose (rate limits, sign-in attempts).
 */
export async function changesSince(position: number, exclude: readonly string[] = [], database: Queryable = db): Promise<string[]> {
  const rows = await database.$queryRawUnsafe<{ change: string }[]>(
    `SELECT DISTINCT table_name || ' ' || operation AS change FROM matrix_change_log WHERE id > ${Number(position)} ORDER BY 1`,
  );
  return rows.map((row) => row.change).filter((change) => !exclude.includes(change.split(" ")[0]));
}

/** Row counts of every table of the application schema (a coarse second look, per batch). */
export async function countRows(exclude: readonly string[] = [], database: Queryable = db): Promise<Record<string, number>> {
  const tables = await database.$queryRawUnsafe<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT IN ('_prisma_migrations', 'matrix_change_log') ORDER BY table_name`,
  );
  const rows = await database.$queryRawUnsafe<{ name: string; count: string }[]>(
    tables.map(({ table_name: name }) => `SELECT '${name}' AS name, count(*)::text AS count FROM "${name}"`).join(" UNION ALL "),
  );
  return Object.fromEntries(rows.filter((row) => !exclude.includes(row.name)).map((row) => [row.name, Number(row.count)]));
}
