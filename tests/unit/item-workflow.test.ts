import assert from "node:assert/strict";
import { test } from "node:test";
import { roles, type Role } from "@/lib/auth/roles";
import type { ItemState } from "@/lib/generated/prisma/enums";
import { canEditItem, decideItemTransition, itemActions, type ItemAction, type TransitionSubject } from "@/lib/workflow/item-workflow";

const states: ItemState[] = ["draft", "section_review", "leader_review", "scheduled", "published", "withdrawn"];
const SECTION = 10;
const OTHER_SECTION = 20;
const AUTHOR = 1;

/**
 * The expected outcome for a reviewer who is NOT the author and works in the item's section
 * (the leader and the admin are in another section, as in the demo organisation).
 */
const expected: Record<ItemAction, Partial<Record<ItemState, Partial<Record<Role, ItemState>>>>> = {
  submit: { draft: { staff: "section_review", section_head: "section_review" } },
  approve: { section_review: { section_head: "leader_review" }, leader_review: { leader: "published" } },
  return: { section_review: { section_head: "draft" }, leader_review: { leader: "draft" }, scheduled: { leader: "draft" } },
  withdraw: { published: { leader: "withdrawn" } },
  restore: { withdrawn: { staff: "draft", section_head: "draft", leader: "draft" } },
  publish_scheduled: {},
};

function actorFor(role: Role) {
  const inSection = role === "staff" || role === "section_head";
  return { id: 100, role, sectionId: inSection ? SECTION : OTHER_SECTION };
}

const subjectIn = (state: ItemState): TransitionSubject => ({ state, sectionId: SECTION, authorId: AUTHOR, revisionAuthorId: AUTHOR });

test("every role × action × state gives exactly the transitions of the table", () => {
  for (const action of itemActions) {
    for (const state of states) {
      for (const role of roles) {
        const decision = decideItemTransition({ actor: actorFor(role), subject: subjectIn(state), action, comment: "意见" });
        const want = expected[action][state]?.[role];
        if (want) {
          assert.ok(decision.allowed, `${role} ${action} from ${state} should be allowed`);
          assert.equal(decision.allowed && decision.to, want);
        } else {
          assert.equal(decision.allowed, false, `${role} ${action} from ${state} should be refused`);
          const possibleFromState = Object.keys(expected[action][state] ?? {}).length > 0;
          if (!decision.allowed && action !== "publish_scheduled") {
            assert.equal(decision.status, possibleFromState ? 403 : 409, `${role} ${action} from ${state}`);
          }
        }
      }
    }
  }
});

test("nobody reviews an item they authored or whose revision they wrote", () => {
  const head = { id: AUTHOR, role: "section_head" as const, sectionId: SECTION };
  assert.deepEqual(decideItemTransition({ actor: head, subject: subjectIn("section_review"), action: "approve" }), { allowed: false, status: 403, reason: "forbidden" });
  const leader = { id: 7, role: "leader" as const, sectionId: OTHER_SECTION };
  const revisedByLeader = { ...subjectIn("leader_review"), revisionAuthorId: 7 };
  assert.equal(decideItemTransition({ actor: leader, subject: revisedByLeader, action: "approve" }).allowed, false);
});

test("a section head of another section cannot review", () => {
  const head = { id: 50, role: "section_head" as const, sectionId: OTHER_SECTION };
  const decision = decideItemTransition({ actor: head, subject: subjectIn("section_review"), action: "approve" });
  assert.equal(!decision.allowed && decision.status, 403);
});

test("staff of another section cannot submit, the author can", () => {
  const stranger = { id: 51, role: "staff" as const, sectionId: OTHER_SECTION };
  assert.equal(decideItemTransition({ actor: stranger, subject: subjectIn("draft"), action: "submit" }).allowed, false);
  const author = { id: AUTHOR, role: "staff" as const, sectionId: OTHER_SECTION };
  assert.equal(decideItemTransition({ actor: author, subject: subjectIn("draft"), action: "submit" }).allowed, true);
});

test("return and withdraw need a comment (422); approve does not", () => {
  const head = actorFor("section_head");
  const leader = actorFor("leader");
  assert.deepEqual(decideItemTransition({ actor: head, subject: subjectIn("section_review"), action: "return", comment: "  " }), { allowed: false, status: 422, reason: "comment_required" });
  assert.deepEqual(decideItemTransition({ actor: leader, subject: subjectIn("published"), action: "withdraw" }), { allowed: false, status: 422, reason: "comment_required" });
  assert.equal(decideItemTransition({ actor: head, subject: subjectIn("section_review"), action: "approve" }).allowed, true);
});

test("a leader's approval with a future publication time schedules; a past time publishes", () => {
  const leader = actorFor("leader");
  const now = new Date("2026-11-27T08:00:00Z");
  const future = decideItemTransition({ actor: leader, subject: subjectIn("leader_review"), action: "approve", publishAt: new Date("2026-11-28T00:00:00Z"), now });
  assert.equal(future.allowed && future.to, "scheduled");
  const past = decideItemTransition({ actor: leader, subject: subjectIn("leader_review"), action: "approve", publishAt: new Date("2026-11-26T00:00:00Z"), now });
  assert.equal(past.allowed && past.to, "published");
});

test("only the scheduler publishes scheduled items", () => {
  assert.equal(decideItemTransition({ actor: "system", subject: subjectIn("scheduled"), action: "publish_scheduled" }).allowed, true);
  assert.equal(decideItemTransition({ actor: actorFor("leader"), subject: subjectIn("scheduled"), action: "publish_scheduled" }).allowed, false);
  assert.equal(decideItemTransition({ actor: "system", subject: subjectIn("leader_review"), action: "approve" }).allowed, false);
});

test("content is edited by its section's staff and heads, in draft or published state only", () => {
  for (const state of states) {
    assert.equal(canEditItem(actorFor("staff"), subjectIn(state)), state === "draft" || state === "published", state);
  }
  assert.equal(canEditItem(actorFor("leader"), subjectIn("draft")), false);
  assert.equal(canEditItem({ id: 99, role: "staff", sectionId: OTHER_SECTION }, subjectIn("draft")), false);
});
