import assert from "node:assert/strict";
import { test } from "node:test";
import { feedbackReplyReview } from "@/lib/feedback/feedback-reply-review";
import type { FeedbackReplyState } from "@/lib/generated/prisma/enums";
import { availableActions } from "@/lib/workflow/engine";
import { decideTransition, type WorkflowActor } from "@/lib/workflow/workflow";

type Subject = { state: FeedbackReplyState; sectionId: number | null; authorId: number; lastEditedById: number };
const asSource = ({ sectionId, ...reply }: Subject) => ({ sectionId, reply });
const decideFeedbackReplyTransition = ({ actor, subject, action, comment }: { actor: WorkflowActor; subject: Subject; action: string; comment?: string }) => {
  const decision = decideTransition(feedbackReplyReview.workflow, { actor, subject: feedbackReplyReview.subjectOf(asSource(subject)), action, comment });
  return decision.allowed ? decision : { allowed: decision.allowed, status: decision.status, reason: decision.reason };
};
const availableFeedbackReplyActions = (actor: WorkflowActor, subject: Subject) => availableActions(feedbackReplyReview, actor, asSource(subject));

const staff = { id: 1, role: "staff" as const, sectionId: 10 };
const head = { id: 2, role: "section_head" as const, sectionId: 10 };
const otherHead = { id: 3, role: "section_head" as const, sectionId: 20 };
const leader = { id: 4, role: "leader" as const, sectionId: 30 };
const draft = { state: "draft" as const, sectionId: 10, authorId: 1, lastEditedById: 1 };
const inReview = { ...draft, state: "section_review" as const };

test("staff of the responsible section submit; the section head approves: no leader step", () => {
  assert.deepEqual(decideFeedbackReplyTransition({ actor: staff, subject: draft, action: "submit" }).allowed, true);
  const approval = decideFeedbackReplyTransition({ actor: head, subject: inReview, action: "approve" });
  assert.ok(approval.allowed && approval.to === "approved");
});

test("nobody outside the section, and no leader, approves", () => {
  assert.deepEqual(decideFeedbackReplyTransition({ actor: otherHead, subject: inReview, action: "approve" }), {
    allowed: false,
    status: 403,
    reason: "forbidden",
  });
  assert.deepEqual(decideFeedbackReplyTransition({ actor: leader, subject: inReview, action: "approve" }), {
    allowed: false,
    status: 403,
    reason: "forbidden",
  });
  assert.deepEqual(decideFeedbackReplyTransition({ actor: staff, subject: inReview, action: "approve" }), { allowed: false, status: 403, reason: "forbidden" });
});

test("a head cannot approve a reply they wrote or last edited", () => {
  assert.equal(decideFeedbackReplyTransition({ actor: head, subject: { ...inReview, lastEditedById: head.id }, action: "approve" }).allowed, false);
});

test("returning needs a comment; actions impossible from the state are 409; unassigned replies cannot move", () => {
  assert.deepEqual(decideFeedbackReplyTransition({ actor: head, subject: inReview, action: "return", comment: " " }), {
    allowed: false,
    status: 422,
    reason: "comment_required",
  });
  assert.deepEqual(decideFeedbackReplyTransition({ actor: head, subject: draft, action: "approve" }), { allowed: false, status: 409, reason: "invalid_state" });
  assert.equal(decideFeedbackReplyTransition({ actor: staff, subject: { ...draft, sectionId: null }, action: "submit" }).allowed, false);
});

test("the buttons shown are the actions the table allows", () => {
  assert.deepEqual(availableFeedbackReplyActions(staff, draft), ["submit"]);
  assert.deepEqual(availableFeedbackReplyActions(head, inReview), ["approve", "return"]);
  assert.deepEqual(availableFeedbackReplyActions(leader, inReview), []);
});
