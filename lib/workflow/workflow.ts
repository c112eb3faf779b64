import { isPermitted, type Action } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";

/**
 * The review workflows of every reviewed record type, as data, and the one decision over them:
 * who may take which action from which state, to which state — checked on every write, whatever
 * the UI showed, the way Drupal's content moderation does it. Pure: no database, no clock.
 *
 * A record type declares its workflow here (`defineWorkflow`, next to its domain, e.g.
 * lib/powers/power-review.ts); lib/workflow/engine.ts takes the transition (lock, checks, state,
 * search index, content version, audit row) in one transaction. Who may take a transition is a
 * permission of the one permissions table (lib/auth/permissions.ts), one per transition, plus the
 * person's relation to the record (their section, whether they wrote it).
 */

/** Every action of every review, in the order the console offers them. A workflow uses some. */
export const reviewActions = ["submit", "approve", "return", "withdraw", "restore", "publish_scheduled"] as const;
export type ReviewAction = (typeof reviewActions)[number];

/** Who, besides holding the transition's permission, may take it. */
export type Relation =
  /** anyone holding the permission */
  | "any"
  /** works in the record's section, or created the record */
  | "same_section"
  /** works in the record's section (a record of no section has no members) */
  | "section_member"
  /** works in the record's section and neither created the record nor wrote its current content */
  | "same_section_not_author"
  /** neither created the record nor wrote its current content */
  | "not_author";

export const relations: readonly Relation[] = ["any", "same_section", "section_member", "same_section_not_author", "not_author"];

/** The comment a transition requires, which decides the message when it is missing. */
export type CommentRule =
  /** a reviewer's comment (returning a record) */
  | "review_comment"
  /** why a record is taken back, kept in the console */
  | "withdrawal_reason"
  /** why a record is taken back, shown to the public on its withdrawal notice */
  | "public_withdrawal_reason";

export type TransitionRule<State extends string = string, A extends ReviewAction = ReviewAction> = {
  action: A;
  from: readonly State[];
  to: State;
  /**
   * The permission a person needs (lib/auth/permissions.ts), one per transition. `null`: the
   * step is the system's own (the scheduler publishing what was scheduled), never a person's.
   */
  permission: Action | null;
  relation: Relation;
  comment?: CommentRule;
  /** When the request names a future publication time, the record goes to this state instead of `to`. */
  scheduledTo?: State;
};

export type Workflow<State extends string = string, A extends ReviewAction = ReviewAction> = {
  /** The record type's name, as in its permissions and audit actions (e.g. "power", "inspection.results"). */
  recordType: string;
  states: readonly State[];
  /** The state in which the record is published (or issued): entering it publishes, leaving it withdraws. */
  publishedState: State;
  transitions: readonly TransitionRule<State, A>[];
  /** The actions of the transitions, in the console's order. */
  actions: readonly A[];
};

/** Declares a workflow; its actions are those of its transitions, in the console's order. */
export function defineWorkflow<State extends string, A extends ReviewAction>(workflow: Omit<Workflow<State, A>, "actions">): Workflow<State, A> {
  const declared = new Set<ReviewAction>(workflow.transitions.map((transition) => transition.action));
  return { ...workflow, actions: reviewActions.filter((action): action is A => declared.has(action)) };
}

export type WorkflowActor = { id: number; role: Role; sectionId: number };

/** What the decision looks at: the state, the keeping section, who created the record and who wrote its current content. */
export type WorkflowSubject<State extends string = string> = {
  state: State;
  sectionId: number | null;
  authorId: number;
  revisionAuthorId: number;
};

export type Refusal = {
  allowed: false;
  status: 403 | 409 | 422;
  reason: "forbidden" | "invalid_state" | "comment_required" | "publish_time_invalid";
  /** For `comment_required`: which comment is missing. */
  comment?: CommentRule;
};

export type TransitionDecision<State extends string = string, A extends ReviewAction = ReviewAction> =
  { allowed: true; to: State; transition: TransitionRule<State, A> } | Refusal;

function relationHolds(relation: Relation, actor: WorkflowActor, subject: WorkflowSubject): boolean {
  const isAuthor = actor.id === subject.authorId || actor.id === subject.revisionAuthorId;
  const inSection = subject.sectionId !== null && actor.sectionId === subject.sectionId;
  switch (relation) {
    case "any":
      return true;
    case "same_section":
      return inSection || actor.id === subject.authorId;
    case "section_member":
      return inSection;
    case "same_section_not_author":
      return inSection && !isAuthor;
    case "not_author":
      return !isAuthor;
  }
}

/** Whether this actor holds the transition's permission and stands in its relation to the record. */
export function mayTake(transition: TransitionRule, actor: WorkflowActor | "system", subject: WorkflowSubject): boolean {
  if (actor === "system") return transition.permission === null;
  return transition.permission !== null && isPermitted(actor.role, transition.permission) && relationHolds(transition.relation, actor, subject);
}

/**
 * Decides whether `actor` may take `action` on a record now. Order of the answers: an action never
 * possible from this state is 409; a person who may not take it is 403; a missing comment is 422.
 */
export function decideTransition<State extends string, A extends ReviewAction>(
  workflow: Workflow<State, A>,
  input: {
    actor: WorkflowActor | "system";
    subject: WorkflowSubject<State>;
    action: string;
    comment?: string | null;
    publishAt?: Date | null;
    now?: Date;
  },
): TransitionDecision<State, A> {
  const { actor, subject, action } = input;
  const fromHere = workflow.transitions.filter((transition) => transition.action === action && transition.from.includes(subject.state));
  if (fromHere.length === 0) return { allowed: false, status: 409, reason: "invalid_state" };
  const permitted = fromHere.find((transition) => mayTake(transition, actor, subject));
  if (!permitted) return { allowed: false, status: 403, reason: "forbidden" };
  if (permitted.comment && !input.comment?.trim()) return { allowed: false, status: 422, reason: "comment_required", comment: permitted.comment };
  let to = permitted.to;
  if (permitted.scheduledTo && input.publishAt) {
    if (Number.isNaN(input.publishAt.getTime())) return { allowed: false, status: 422, reason: "publish_time_invalid" };
    if (input.now && input.publishAt.getTime() > input.now.getTime()) to = permitted.scheduledTo;
  }
  return { allowed: true, to, transition: permitted };
}

/** The actions a person could take now, for showing buttons (the server decides again on submit). */
export function allowedActions<State extends string, A extends ReviewAction>(
  workflow: Workflow<State, A>,
  actor: WorkflowActor,
  subject: WorkflowSubject<State>,
): A[] {
  return workflow.actions.filter((action) => decideTransition(workflow, { actor, subject, action, comment: "x" }).allowed);
}

/**
 * Who may edit the content of an item or a register entry: staff and section heads of its section
 * (or its author), while it is a draft or published — editing a published record makes a new draft
 * that goes through the review again while the public keeps the published content.
 */
export function canEditReviewedContent(actor: WorkflowActor, subject: { state: string; sectionId: number; authorId: number }): boolean {
  if (actor.role !== "staff" && actor.role !== "section_head") return false;
  if (actor.sectionId !== subject.sectionId && actor.id !== subject.authorId) return false;
  return subject.state === "draft" || subject.state === "published";
}
