import "../security/next-server-environment";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { db } from "@/lib/db";
import { EDGE_SERVER_FLAG, PEER_ADDRESS_HEADER } from "@/lib/http-security/client-address";
import { authorizationMatrix } from "../security/authorization-matrix";
import { discoverActions, discoverRoutes } from "../security/discovery";
import { actionCases, commonQueryNames, routeCases, type ActionCase, type RouteCase } from "../security/fuzz-cases";
import type { MatrixFixtures } from "../security/matrix-fixtures";
import { targetOf, type ActionCall, type Actor, type RouteCall } from "../security/matrix-types";
import { changeLogPosition, changesSince, countRows, fileOfTarget, runAction, runRoute, type CellOutcome } from "../security/matrix-walk";
import { sessionCookieFor } from "../security/next-request-scope";
import { publicTemplates } from "../security/public-templates";
import { readFuzzFigures, renderFuzzFigures, writeFuzzFigures, type FuzzFigures } from "../security/render-security-doc";
import { setUpWalk } from "../security/walk-setup";

/**
 * The fuzz run over every route handler and every server action, in-process, inside Next's request
 * scope (what the web server refuses before the app sees a request — bodies over their limit,
 * chunked bodies, cross-site form posts — is tested through the real server by
 * tests/integration/web-edge.test.ts and tests/unit/server-action-origin.test.ts). Each
 * target starts from a call that works — a matrix row's call for someone it allows, or a public
 * template — and gets its hostile variants (tests/security/fuzz-cases.ts). No answer may be a 500
 * (a thrown error, a 5xx, or a form told "something went wrong"); every refusal of an API route
 * comes as JSON with an error code; a refused call changes nothing in the database; and nothing
 * reaches Object.prototype.
 */

let fx: MatrixFixtures;
let tearDown: () => Promise<void>;

before(async () => {
  ({ fx, tearDown } = await setUpWalk("fuzz"));
  // As behind our web server: each case comes from its own client address, so rate limits per
  // client do not turn every later case into a 429 before the input is even read.
  process.env[EDGE_SERVER_FLAG] = "1";
});
after(async () => {
  delete process.env[EDGE_SERVER_FLAG];
  await tearDown();
});

type Template = { target: string; actor: Actor; request: (fx: MatrixFixtures) => Promise<RouteCall | ActionCall> };

/** Who makes a target's template call: someone its first matrix row allows (staff first), or nobody for public targets. */
function templates(): Template[] {
  const chosen = new Map<string, Template>();
  const preference: Actor[] = ["staff", "head", "leader", "admin", "otherSection", "anonymous"];
  for (const row of authorizationMatrix) {
    const target = targetOf(row);
    if (chosen.has(target)) continue;
    const allowed = preference.find((actor) => row.expect[actor] < 400) ?? preference.find((actor) => ![401, 403, 404].includes(row.expect[actor])) ?? "admin";
    chosen.set(target, { target, actor: allowed, request: (fixtures) => row.request(fixtures, allowed) });
  }
  for (const template of publicTemplates)
    if (!chosen.has(template.target)) chosen.set(template.target, { target: template.target, actor: "anonymous", request: template.request });
  return [...chosen.values()];
}

/** The query parameters a route reads: those its file names, and the list filters when it hands its whole query on. */
function queryNamesOf(target: string): string[] {
  const source = readFileSync(path.join(process.cwd(), fileOfTarget(target)), "utf8");
  const named = [...source.matchAll(/\.get\("(\w+)"\)/g)].map((match) => match[1]);
  const handsOn = /searchParams\)|\(query[,)]|, query\b/.test(source);
  return [...new Set([...named, ...(handsOn ? commonQueryNames : [])])];
}

/**
 * Tables a refused request may change on purpose: the counters of attempts (a refused sign-in or a
 * rate-limited request adds to them), and the search index, which any read reconciles with the
 * published content it derives from (lib/search/search-index.ts) — the fixtures publish as the run goes.
 */
const COUNTERS = ["RateLimitBucket", "LoginAttempt", "SearchDocument", "SearchIndexState"];
const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort().join(",");

describe("the fuzz run over every route handler and server action", () => {
  test("has a starting call for every route handler and server action", () => {
    const known = new Set(templates().map((template) => template.target));
    const missing = [...discoverRoutes().map((route) => route.target), ...discoverActions().map((action) => action.target)].filter(
      (target) => !known.has(target),
    );
    assert.deepEqual(missing, [], "add a template to tests/security/public-templates.ts (or a row to the authorization matrix)");
  });

  test("no hostile input gets a 500, a refusal changes nothing, no prototype is polluted", async () => {
    const cleanPrototype = prototypeKeys();
    const problems: string[] = [];
    let sent = 0;
    let serverErrors = 0;
    let refusedCallsChanged = 0;
    let refusedBatches = 0;
    const statuses = new Map<number, number>();
    let client = 0;
    const started = performance.now();
    const timings: [string, number, number][] = [];
    const caseTimings: [string, number, number][] = [];
    // FUZZ_ONLY=<part of a target> runs only those targets (while fixing them).
    for (const template of templates().filter((entry) => !process.env.FUZZ_ONLY || entry.target.includes(process.env.FUZZ_ONLY))) {
      const targetStarted = performance.now();
      const isRoute = !template.target.includes("#");
      const method = isRoute ? template.target.split(" ")[0] : "";
      const user = template.actor === "anonymous" ? null : fx.users[template.actor];
      let base: RouteCall | ActionCall;
      try {
        base = await template.request(fx);
      } catch (error) {
        problems.push(`${template.target}: its template could not be made: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      const cases: (RouteCase | ActionCase)[] = isRoute
        ? routeCases(method, base as RouteCall, method === "GET" ? queryNamesOf(template.target) : [])
        : actionCases(base as ActionCall);
      const cookie = user ? await sessionCookieFor(user, (await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionEpoch) : null;
      const batchRows = await countRows(COUNTERS);
      let batchRefused = true;
      let position = await changeLogPosition();
      for (const fuzzCase of cases) {
        const peer = { [PEER_ADDRESS_HEADER]: `10.${(client >> 16) & 255}.${(client >> 8) & 255}.${client++ & 255}` };
        const before = position;
        const caseStarted = performance.now();
        let outcome: CellOutcome;
        try {
          outcome = isRoute
            ? await runRoute(template.target, fuzzCase.call as RouteCall, cookie, peer, (fuzzCase as RouteCase).rawBody)
            : await runAction(template.target, fuzzCase.call as ActionCall, cookie, peer);
        } catch (error) {
          outcome = { status: 500, problem: `the walk itself failed: ${error instanceof Error ? error.stack : String(error)}` };
        }
        sent++;
        if (process.env.FUZZ_PROFILE) caseTimings.push([`${template.target} ${fuzzCase.label}`, 1, performance.now() - caseStarted]);
        statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
        const label = `${template.target} as ${template.actor}, ${fuzzCase.label}`;
        if (outcome.status >= 500 || outcome.status === 0) serverErrors++;
        if (outcome.status >= 500 || outcome.status === 0 || outcome.problem)
          problems.push(`${label}: ${outcome.status}${outcome.problem ? ` — ${outcome.problem.slice(0, 300)}` : ""}`);
        if (outcome.status < 400) batchRefused = false;
        // The change log where it stood before the call: nothing changed (one query per call).
        position = await changeLogPosition();
        if (outcome.status >= 400 && position !== before) {
          const changed = await changesSince(before, COUNTERS);
          if (changed.length) {
            refusedCallsChanged++;
            problems.push(`${label}: refused with ${outcome.status} but changed ${changed.join(", ")}`);
          }
        }
        if (prototypeKeys() !== cleanPrototype || ({} as Record<string, unknown>).polluted !== undefined) {
          problems.push(`${label}: Object.prototype was changed`);
          for (const key of Object.getOwnPropertyNames(Object.prototype))
            if (!cleanPrototype.split(",").includes(key)) delete (Object.prototype as Record<string, unknown>)[key];
        }
      }
      if (process.env.FUZZ_PROFILE) timings.push([template.target, cases.length, performance.now() - targetStarted]);
      // A batch that was refused throughout leaves every table with the rows it had.
      if (batchRefused) {
        refusedBatches++;
        const after = await countRows(COUNTERS);
        for (const table of Object.keys(after))
          if (after[table] !== batchRows[table])
            problems.push(`${template.target}: every case was refused, yet ${table} went from ${batchRows[table]} to ${after[table]} rows`);
      }
    }
    if (process.env.FUZZ_PROFILE)
      for (const [target, count, ms] of timings.sort((a, b) => b[2] - a[2]).slice(0, 40))
        console.log(`${ms.toFixed(0).padStart(6)} ms ${String(count).padStart(4)} cases  ${target}`);
    if (process.env.FUZZ_PROFILE) {
      const byLabel = new Map<string, number>();
      for (const [label, , ms] of caseTimings) {
        const kind = label.replace(/^\S+ \S+ /, "").replace(/^(field|path|query|argument) \S+/, "$1 *");
        byLabel.set(kind, (byLabel.get(kind) ?? 0) + ms);
      }
      for (const [kind, ms] of [...byLabel].sort((a, b) => b[1] - a[1]).slice(0, 25))
        console.log(`${ms.toFixed(0).padStart(6)} ms total  ${kind.slice(0, 100)}`);
      for (const [label, , ms] of caseTimings.sort((a, b) => b[2] - a[2]).slice(0, 20)) console.log(`${ms.toFixed(0).padStart(6)} ms  ${label.slice(0, 140)}`);
    }
    const byStatus = [...statuses.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, count]) => `${status}: ${count}`)
      .join(", ");
    console.log(
      `fuzz (handlers): ${sent} calls sent in ${((performance.now() - started) / 1000).toFixed(1)} s, ${serverErrors} answered ≥ 500 (${byStatus}); refused calls that changed a row: ${refusedCallsChanged}; ${refusedBatches} targets refused every case, row counts unchanged`,
    );
    const all = templates().filter((entry) => !process.env.FUZZ_ONLY || entry.target.includes(process.env.FUZZ_ONLY));
    const figures: FuzzFigures = {
      sent,
      routes: all.filter((entry) => !entry.target.includes("#")).length,
      actions: all.filter((entry) => entry.target.includes("#")).length,
      serverErrors,
      refusedChanged: refusedCallsChanged,
    };
    // The answers that went wrong first: they say what to fix.
    assert.deepEqual(problems, []);
    const docFile = path.join(process.cwd(), "docs", "security.md");
    const document = readFileSync(docFile, "utf8");
    if (process.env.UPDATE_SECURITY_DOC && !process.env.FUZZ_ONLY) writeFileSync(docFile, writeFuzzFigures(document, figures));
    else
      assert.equal(
        readFuzzFigures(document) === null ? null : renderFuzzFigures(readFuzzFigures(document)!),
        renderFuzzFigures(figures),
        "docs/security.md states other figures: run UPDATE_SECURITY_DOC=1 npm run test:integration -- fuzz-handlers",
      );
    assert.equal(serverErrors, 0);
  });
});
