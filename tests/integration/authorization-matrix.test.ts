import "../security/next-server-environment";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { db } from "@/lib/db";
import { authorizationMatrix } from "../security/authorization-matrix";
import { discoverActions, discoverRoutes, isConsoleAction, isConsoleRoute } from "../security/discovery";
import type { MatrixFixtures } from "../security/matrix-fixtures";
import { actors, targetOf, type Actor } from "../security/matrix-types";
import { changeLogPosition, changesSince, runCell } from "../security/matrix-walk";
import { setUpWalk } from "../security/walk-setup";
import { defaultAgencyId } from "../support/fixtures";

let fx: MatrixFixtures;
let tearDown: () => Promise<void>;

before(async () => {
  ({ fx, tearDown } = await setUpWalk("matrix"));
});
after(async () => {
  await tearDown();
});

describe("the authorization matrix", () => {
  test("has a row for every console route handler and server action, and none for what no longer exists", () => {
    const declared = new Set(authorizationMatrix.map(targetOf));
    const required = [
      ...discoverRoutes()
        .filter(isConsoleRoute)
        .map((route) => route.target),
      ...discoverActions()
        .filter(isConsoleAction)
        .map((action) => action.target),
    ];
    const missing = required.filter((target) => !declared.has(target));
    const known = new Set([...discoverRoutes().map((route) => route.target), ...discoverActions().map((action) => action.target)]);
    const stale = [...declared].filter((target) => !known.has(target));
    assert.deepEqual({ missing, stale }, { missing: [], stale: [] }, "add these to tests/security/authorization-matrix.ts (and run npm run docs:security)");
  });

  test("the change log sees every committed write and nothing of a rolled-back one", async () => {
    const agencyId = await defaultAgencyId();
    const start = await changeLogPosition();
    await db
      .$transaction(async (tx) => {
        await tx.section.create({ data: { name: "回滚的科室", agencyId } });
        throw new Error("rolled back");
      })
      .catch(() => undefined);
    assert.deepEqual(await changesSince(start), []);
    const section = await db.section.create({ data: { name: "提交的科室", agencyId } });
    await db.section.update({ where: { id: section.id }, data: { sortOrder: 99 } });
    assert.deepEqual(await changesSince(start), ["Section INSERT", "Section UPDATE"]);
  });

  test("every cell answers as declared, and a refused request changes nothing", async () => {
    const surprises: string[] = [];
    const recorded: string[] = [];
    let cells = 0;
    const timing = { setup: 0, snapshot: 0, call: 0 };
    // MATRIX_ONLY=<part of a target> walks only those rows (while writing them); MATRIX_RECORD=1 prints what each row got.
    const rows = authorizationMatrix.filter((row) => !process.env.MATRIX_ONLY || targetOf(row).includes(process.env.MATRIX_ONLY));
    for (const [index, row] of rows.entries()) {
      const observed: Partial<Record<Actor, number>> = {};
      for (const actor of actors) {
        const label = `${targetOf(row)}${row.case ? ` (${row.case})` : ""} as ${actor}`;
        let outcome;
        try {
          let started = performance.now();
          // Cells expected to be refused share the row's records (a refusal changes nothing: checked below).
          const call = await row.request(row.expect[actor] >= 400 ? fx.sharedForRow(index) : fx, actor);
          timing.setup += performance.now() - started;
          started = performance.now();
          const before = await changeLogPosition();
          timing.snapshot += performance.now() - started;
          started = performance.now();
          outcome = await runCell(row, call, actor, fx);
          timing.call += performance.now() - started;
          if (outcome.status >= 400) {
            started = performance.now();
            const changed = await changesSince(before);
            timing.snapshot += performance.now() - started;
            if (changed.length) surprises.push(`${label}: refused with ${outcome.status} but changed ${changed.join(", ")}`);
          }
        } catch (error) {
          outcome = { status: -1, problem: `setup failed: ${error instanceof Error ? error.stack : String(error)}` };
        }
        cells++;
        observed[actor] = outcome.status;
        if (outcome.status !== row.expect[actor] || outcome.problem) {
          surprises.push(`${label}: expected ${row.expect[actor]}, got ${outcome.status}${outcome.problem ? ` — ${outcome.problem}` : ""}`);
        }
      }
      recorded.push(`${targetOf(row)}${row.case ? ` (${row.case})` : ""}: expect(${actors.map((actor) => observed[actor]).join(", ")})`);
    }
    if (process.env.MATRIX_RECORD) console.log(recorded.join("\n"));
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(
      `${cells} cells checked (${rows.length} rows × ${actors.length} actors): records ${seconds(timing.setup)}, calls ${seconds(timing.call)}, change checks ${seconds(timing.snapshot)}`,
    );
    assert.deepEqual(surprises, []);
  });
});
