import assert from "node:assert/strict";
import { test } from "node:test";
import { roles, type Role } from "@/lib/auth/roles";
import { mayActOnProposal, proposalActions, type ProposalAction } from "@/lib/proposals/proposal-access";

const ownSection = 1;
const otherSection = 2;

/** How the user stands to the proposal: it is led by their section, by another one, or not assigned yet. */
const relations = {
  own: { leadSectionId: ownSection },
  other: { leadSectionId: otherSection },
  unassigned: { leadSectionId: null },
} as const;

/**
 * The whole table, written out: for each action and role, "own other unassigned" with Y (may) or
 * "-" (403). Any change to lib/proposals/proposal-access.ts has to change this on purpose.
 */
const expected: Record<ProposalAction, Record<Role, string>> = {
  register: /*       */ { staff: "Y Y Y", section_head: "Y Y Y", leader: "- - -", admin: "Y Y Y", platform_admin: "- - -", supervisor: "- - -" },
  edit: /*           */ { staff: "Y - Y", section_head: "Y - Y", leader: "- - -", admin: "Y Y Y", platform_admin: "- - -", supervisor: "- - -" },
  assign: /*         */ { staff: "- - -", section_head: "Y - Y", leader: "- - -", admin: "Y Y Y", platform_admin: "- - -", supervisor: "- - -" },
  draft_reply: /*    */ { staff: "Y - -", section_head: "Y - -", leader: "- - -", admin: "- - -", platform_admin: "- - -", supervisor: "- - -" },
  record_feedback: /**/ { staff: "Y - -", section_head: "Y - -", leader: "- - -", admin: "Y Y Y", platform_admin: "- - -", supervisor: "- - -" },
  reopen: /*         */ { staff: "Y - -", section_head: "Y - -", leader: "- - -", admin: "Y Y Y", platform_admin: "- - -", supervisor: "- - -" },
  close: /*          */ { staff: "Y - -", section_head: "Y - -", leader: "- - -", admin: "Y Y Y", platform_admin: "- - -", supervisor: "- - -" },
};

test("role × own / other / unassigned section × action: who may act on a proposal", () => {
  for (const action of proposalActions) {
    for (const role of roles) {
      const actual = Object.values(relations)
        .map((subject) => (mayActOnProposal({ role, sectionId: ownSection }, action, subject) ? "Y" : "-"))
        .join(" ");
      assert.equal(actual, expected[action][role], `${action} by ${role} (own other unassigned)`);
    }
  }
});

test("no one of another section may change a proposal, whatever the action", () => {
  for (const role of ["staff", "section_head", "leader"] as const) {
    for (const action of proposalActions.filter((candidate) => candidate !== "register")) {
      assert.equal(mayActOnProposal({ role, sectionId: ownSection }, action, relations.other), false, `${role} ${action}`);
    }
  }
});
