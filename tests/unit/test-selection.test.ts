import assert from "node:assert/strict";
import path from "node:path";
import { describe, test } from "node:test";
import { calendarFree, calendarFreeUnits } from "../../scripts/calendar-free-tests";
import { selectTestFiles } from "../../scripts/test-files";

const root = process.cwd();

describe("which test files run on the real clock and which on the fixed dates", () => {
  test("every calendar-free name picks a test file (a renamed file would otherwise lose its place)", () => {
    for (const [folder, names] of [
      ["integration", calendarFree],
      ["unit", calendarFreeUnits],
    ] as const) {
      const files = selectTestFiles(root, path.join("tests", folder), []).map((file) => path.basename(file));
      assert.deepEqual(
        names.filter((name) => !files.some((file) => file.includes(name))),
        [],
        `tests/${folder}`,
      );
    }
  });

  test("npm test runs every integration file once: the calendar-free on the real clock, the others on a fixed date", () => {
    const folder = path.join("tests", "integration");
    const all = selectTestFiles(root, folder, []);
    const realClock = selectTestFiles(root, folder, calendarFree);
    const dated = selectTestFiles(
      root,
      folder,
      calendarFree.map((name) => `!${name}`),
    );
    assert.deepEqual([...realClock, ...dated].sort(), all);
    assert.ok(realClock.some((file) => file.endsWith("fuzz-handlers.test.ts")) && dated.some((file) => file.endsWith("applications.test.ts")));
  });
});
