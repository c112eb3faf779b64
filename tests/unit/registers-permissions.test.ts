import assert from "node:assert/strict";
import { test } from "node:test";
import { isPermitted, type Action } from "@/lib/auth/permissions";
import { roles } from "@/lib/auth/roles";

/** Who may do what with the registers; review steps are the workflow table's (tests/unit/registers-power-list.test.ts). */
const expected: Record<string, Action[]> = {
  staff: ["registers.read_console", "power.edit", "service.edit", "decision.edit", "decision.import", "decision.export", "fee_income.manage"],
  section_head: ["registers.read_console", "power.edit", "service.edit", "decision.edit", "decision.import", "decision.export", "fee_income.manage"],
  leader: ["registers.read_console", "power.publish_version", "decision.export", "decision.configure_publicity"],
  admin: ["registers.read_console", "decision.export", "decision.configure_publicity"],
  // Platform roles (集约化): the platform administrator keeps agencies and accounts, the supervisor reads.
  platform_admin: [],
  supervisor: ["registers.read_console"],
};

const registerActions: Action[] = [
  "registers.read_console",
  "power.edit",
  "power.publish_version",
  "service.edit",
  "decision.edit",
  "decision.import",
  "decision.export",
  "decision.configure_publicity",
  "fee_income.manage",
];

test("register permissions: editors draft and import, only leaders publish a yearly list, publicity periods are a leader's or admin's setting", () => {
  for (const role of roles) {
    const granted = registerActions.filter((action) => isPermitted(role, action));
    assert.deepEqual(granted, expected[role], role);
  }
});
