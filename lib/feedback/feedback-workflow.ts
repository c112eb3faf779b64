import type { Role } from "@/lib/auth/roles";
import type { FeedbackReplyState } from "@/lib/generated/prisma/enums";

/**
 * The review of a reply to a visitor's message, as data: staff of the responsible section draft
 * it, the section head approves it (no leader step). Checked on every write, like the item
 * workflow in lib/workflow/item-workflow.ts.
 */
export type FeedbackReplyAction = "submit" | "approve" | "return";
export const feedbackReplyActions: readonly FeedbackReplyAction[] = ["submit", "approve", "return"];

type Relation = "same_section" | "same_section_not_author";

export type FeedbackReplyTransition = {
  action: FeedbackReplyAction;
  from: readonly FeedbackReplyState[];
  to: FeedbackReplyState;
  roles: readonly Role[];
  relation: Relation;
  commentRequired: boolean;
};

export const feedbackReplyTransitions: readonly FeedbackReplyTransition[] = [
  { action: "submit", from: ["draft"], to: "section_review", roles: ["staff", "section_head"], relation: "same_section", commentRequired: false },
  { action: "approve", from: ["section_review"], to: "approved", roles: ["section_head"], relation: "same_section_not_author", commentRequired: false },
  { action: "return", from: ["section_review"], to: "draft", roles: ["section_head"], relation: "same_section_not_author", commentRequired: true },
];

export type FeedbackReplyActor = { id: number; role: Role; sectionId: number };
export type FeedbackReplySubject = { state: FeedbackReplyState; sectionId: number | null; authorId: number; lastEditedById: number };

export type FeedbackReplyDecision =
  | { allowed: true; to: FeedbackReplyState; transition: FeedbackReplyTransition }
  | { allowed: false; status: 403 | 409 | 422; reason: "forbidden" | "invalid_state" | "comment_required" };

function relationHolds(relation: Relation, actor: FeedbackReplyActor, subject: FeedbackReplySubject): boolean {
  if (subject.sectionId === null || actor.sectionId !== subject.sectionId) return false;
  if (relation === "same_section") return true;
  return actor.id !== subject.authorId && actor.id !== subject.lastEditedById;
}

/** 409 when the action is never possible from this state, 403 for a person who may not, 422 without a required comment. */
export function decideFeedbackReplyTransition(input: {
  actor: FeedbackReplyActor;
  subject: FeedbackReplySubject;
  action: FeedbackReplyAction;
  comment?: string | null;
}): FeedbackReplyDecision {
  const fromHere = feedbackReplyTransitions.filter((transition) => transition.action === input.action && transition.from.includes(input.subject.state));
  if (!fromHere.length) return { allowed: false, status: 409, reason: "invalid_state" };
  const permitted = fromHere.find((transition) => transition.roles.includes(input.actor.role) && relationHolds(transition.relation, input.actor, input.subject));
  if (!permitted) return { allowed: false, status: 403, reason: "forbidden" };
  if (permitted.commentRequired && !input.comment?.trim()) return { allowed: false, status: 422, reason: "comment_required" };
  return { allowed: true, to: permitted.to, transition: permitted };
}

export function availableFeedbackReplyActions(actor: FeedbackReplyActor, subject: FeedbackReplySubject): FeedbackReplyAction[] {
  return feedbackReplyActions.filter((action) => decideFeedbackReplyTransition({ actor, subject, action, comment: "x" }).allowed);
}
