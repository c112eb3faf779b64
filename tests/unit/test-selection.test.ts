import assert from "node:assert/strict";
import path from "node:path";
import { describe, test } from "node:test";
import { calendarFree, calendarFreeUnits, integrationFiles, unitFiles } from "../../scripts/calendar-free-tests";
import { selectTestFiles } from "../../scripts/test-files";

const root = process.cwd();
const base = (files: string[]) => files.map((file) => path.basename(file));

describe("which test files run on the real clock and which on the fixed dates", () => {
  test("every calendar-free name picks a test file (a renamed file would otherwise lose its place)", () => {
    for (const [folder, names] of [
      ["integration", calendarFree],
      ["unit", calendarFreeUnits],
    ] as const) {
      const files = base(selectTestFiles(root, path.join("tests", folder), []));
      assert.deepEqual(
        names.filter((name) => !files.some((file) => file.includes(name))),
        [],
        `tests/${folder}`,
      );
    }
  });

  test("npm test runs every integration file once: the calendar-free on the real clock, the others on a fixed date", () => {
    const realClock = base(integrationFiles({ calendar: false }));
    const dated = base(integrationFiles({ calendar: true }));
    assert.deepEqual([...realClock, ...dated].sort(), base(selectTestFiles(root, path.join("tests", "integration"), [])));
    assert.ok(realClock.includes("fuzz-handlers.test.ts") && !dated.includes("fuzz-handlers.test.ts"));
    assert.ok(dated.includes("applications.test.ts") && !realClock.includes("applications.test.ts"));
  });

  test("a name on the command line narrows either side", () => {
    assert.deepEqual(
      base(integrationFiles({ calendar: true, only: ["search"] })).filter((file) => !file.includes("search")),
      [],
    );
    assert.ok(base(integrationFiles({ calendar: true, only: ["search"] })).includes("search.test.ts"));
    assert.deepEqual(base(integrationFiles({ calendar: false, only: ["search"] })), ["search-term-keys-migration.test.ts"]);
    assert.deepEqual(base(unitFiles({ calendar: true, only: ["layers"] })), [], "a calendar-free unit file is never dated");
    assert.deepEqual(base(unitFiles({ calendar: false, only: ["layers"] })), ["layers.test.ts"]);
  });
});
