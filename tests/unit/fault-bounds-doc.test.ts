import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { renderFaultBoundsTable } from "../faults/support/bounds";

test("docs/security.md states the bounds the fault tests assert (tests/faults/support/bounds.ts)", () => {
  const doc = readFileSync(path.join(process.cwd(), "docs", "security.md"), "utf8");
  const section = /<!-- faults:start -->([\s\S]*?)<!-- faults:end -->/.exec(doc)?.[1];
  assert.ok(section, "docs/security.md has the section between <!-- faults:start --> and <!-- faults:end -->");
  assert.ok(section.includes(renderFaultBoundsTable()), `the table in docs/security.md must read:\n\n${renderFaultBoundsTable()}\n`);
});
