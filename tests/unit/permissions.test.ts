import assert from "node:assert/strict";
import { test } from "node:test";
import { actions, assertPermitted, isPermitted, permissionsTable } from "@/lib/auth/permissions";
import { roles } from "@/lib/auth/roles";
import { ForbiddenError } from "@/lib/errors";

test("every role has an entry and only known actions", () => {
  for (const role of roles) {
    for (const action of permissionsTable[role]) assert.ok(actions.includes(action), `${role}: ${action}`);
  }
});

test("only admins manage users and sections: an agency's within it, the platform administrator every agency's", () => {
  for (const role of roles) {
    assert.equal(isPermitted(role, "user.manage"), role === "admin" || role === "platform_admin", role);
    assert.equal(isPermitted(role, "section.manage"), role === "admin" || role === "platform_admin", role);
  }
});

test("only the platform administrator adds agencies; an agency's administrator edits its own; the supervisor neither", () => {
  assert.deepEqual(
    roles.filter((role) => isPermitted(role, "agency.manage")),
    ["platform_admin"],
  );
  assert.deepEqual(
    roles.filter((role) => isPermitted(role, "agency.edit_own")),
    ["admin", "platform_admin"],
  );
});

test("every role may use the console, change its password and keep API tokens", () => {
  for (const role of roles) {
    assert.ok(isPermitted(role, "console.access"));
    assert.ok(isPermitted(role, "account.change_password"));
    assert.ok(isPermitted(role, "account.manage_tokens"));
  }
});

test("the audit log is exported by leaders, admins and the platform's two roles only", () => {
  assert.deepEqual(
    roles.filter((role) => isPermitted(role, "audit.export")),
    ["leader", "admin", "platform_admin", "supervisor"],
  );
});

test("assertPermitted throws ForbiddenError for a missing actor or action", () => {
  assert.throws(() => assertPermitted(null, "console.access"), ForbiddenError);
  assert.throws(() => assertPermitted({ role: "staff" }, "user.manage"), ForbiddenError);
  assert.doesNotThrow(() => assertPermitted({ role: "admin" }, "user.manage"));
});
