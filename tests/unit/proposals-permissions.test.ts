import assert from "node:assert/strict";
import { test } from "node:test";
import { isPermitted } from "@/lib/auth/permissions";
import { roles } from "@/lib/auth/roles";

test("every role of an agency, and the platform's supervisor, reads proposals and messages in the console; the platform administrator does not", () => {
  for (const role of roles) {
    assert.equal(isPermitted(role, "proposal.read_console"), role !== "platform_admin", role);
    assert.equal(isPermitted(role, "feedback.read_console"), role !== "platform_admin", role);
  }
});

test("replies are drafted by staff and section heads only; leaders review them through the workflow", () => {
  assert.deepEqual(
    roles.filter((role) => isPermitted(role, "proposal.reply")),
    ["staff", "section_head"],
  );
  assert.deepEqual(
    roles.filter((role) => isPermitted(role, "feedback.reply")),
    ["staff", "section_head"],
  );
  assert.equal(isPermitted("leader", "proposal.manage"), false);
});

test("only administrators change the reply period; section heads and administrators moderate messages", () => {
  assert.deepEqual(
    roles.filter((role) => isPermitted(role, "proposal.settings")),
    ["admin"],
  );
  assert.deepEqual(
    roles.filter((role) => isPermitted(role, "feedback.moderate")),
    ["section_head", "admin"],
  );
  assert.equal(isPermitted("staff", "feedback.assign"), false);
});

test("交办 (assigning and reassigning proposals) is held by section heads and administrators only", () => {
  assert.deepEqual(
    roles.filter((role) => isPermitted(role, "proposal.assign")),
    ["section_head", "admin"],
  );
});
