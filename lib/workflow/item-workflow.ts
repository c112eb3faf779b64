import type { Role } from "@/lib/auth/roles";
import type { ItemState } from "@/lib/generated/prisma/enums";
import { currentTime } from "@/lib/clock";

/**
 * The review workflow of disclosure items, as data: who may take which action from which state,
 * to which state. `decideItemTransition` checks a request against it on every write, whatever
 * the UI showed — the way Drupal's content moderation does it.
 */

export type ItemAction = "submit" | "approve" | "return" | "withdraw" | "restore" | "publish_scheduled";
export const itemActions: readonly ItemAction[] = ["submit", "approve", "return", "withdraw", "restore", "publish_scheduled"];

/** Who, besides holding one of the roles, may take a transition. */
type Relation =
  | "any" // any holder of the role
  | "same_section" // works in the item's section
  | "same_section_not_author" // a reviewer of the item's section who neither created the item nor wrote the revision
  | "not_author";

export type ItemTransition = {
  action: ItemAction;
  from: readonly ItemState[];
  /** `published` becomes `scheduled` when a future publication time is given. */
  to: ItemState;
  roles: readonly Role[];
  relation: Relation;
  commentRequired: boolean;
  /** Taken by the scheduler, never by a person. */
  system?: boolean;
};

export const itemTransitions: readonly ItemTransition[] = [
  { action: "submit", from: ["draft"], to: "section_review", roles: ["staff", "section_head"], relation: "same_section", commentRequired: false },
  { action: "approve", from: ["section_review"], to: "leader_review", roles: ["section_head"], relation: "same_section_not_author", commentRequired: false },
  { action: "approve", from: ["leader_review"], to: "published", roles: ["leader"], relation: "not_author", commentRequired: false },
  { action: "return", from: ["section_review"], to: "draft", roles: ["section_head"], relation: "same_section_not_author", commentRequired: true },
  { action: "return", from: ["leader_review", "scheduled"], to: "draft", roles: ["leader"], relation: "not_author", commentRequired: true },
  { action: "withdraw", from: ["published"], to: "withdrawn", roles: ["leader"], relation: "any", commentRequired: true },
  { action: "restore", from: ["withdrawn"], to: "draft", roles: ["staff", "section_head"], relation: "same_section", commentRequired: false },
  { action: "restore", from: ["withdrawn"], to: "draft", roles: ["leader"], relation: "any", commentRequired: false },
  { action: "publish_scheduled", from: ["scheduled"], to: "published", roles: [], relation: "any", commentRequired: false, system: true },
];

export type TransitionActor = { id: number; role: Role; sectionId: number };
export type TransitionSubject = { state: ItemState; sectionId: number; authorId: number; revisionAuthorId: number };

export type TransitionDecision =
  | { allowed: true; to: ItemState; transition: ItemTransition }
  | { allowed: false; status: 403 | 409 | 422; reason: "forbidden" | "invalid_state" | "comment_required" | "publish_time_invalid" };

function relationHolds(relation: Relation, actor: TransitionActor, subject: TransitionSubject): boolean {
  const isAuthor = actor.id === subject.authorId || actor.id === subject.revisionAuthorId;
  switch (relation) {
    case "any":
      return true;
    case "same_section":
      return actor.sectionId === subject.sectionId || actor.id === subject.authorId;
    case "same_section_not_author":
      return actor.sectionId === subject.sectionId && !isAuthor;
    case "not_author":
      return !isAuthor;
  }
}

/**
 * Decides whether `actor` may take `action` on an item now. Order of the answers: an action never
 * possible from this state is 409; a person who may not take it is 403; a missing comment is 422.
 */
export function decideItemTransition(input: {
  actor: TransitionActor | "system";
  subject: TransitionSubject;
  action: ItemAction;
  comment?: string | null;
  publishAt?: Date | null;
  now?: Date;
}): TransitionDecision {
  const { actor, subject, action } = input;
  const fromHere = itemTransitions.filter((transition) => transition.action === action && transition.from.includes(subject.state));
  if (fromHere.length === 0) return { allowed: false, status: 409, reason: "invalid_state" };
  const permitted = fromHere.find((transition) =>
    actor === "system"
      ? transition.system === true
      : !transition.system && transition.roles.includes(actor.role) && relationHolds(transition.relation, actor, subject),
  );
  if (!permitted) return { allowed: false, status: 403, reason: "forbidden" };
  if (permitted.commentRequired && !input.comment?.trim()) return { allowed: false, status: 422, reason: "comment_required" };
  let to = permitted.to;
  if (to === "published" && action === "approve" && input.publishAt) {
    const now = input.now ?? currentTime();
    if (Number.isNaN(input.publishAt.getTime())) return { allowed: false, status: 422, reason: "publish_time_invalid" };
    if (input.publishAt.getTime() > now.getTime()) to = "scheduled";
  }
  return { allowed: true, to, transition: permitted };
}

/** The actions a user could take now, for showing buttons (the server decides again on submit). */
export function availableItemActions(actor: TransitionActor, subject: TransitionSubject): ItemAction[] {
  return itemActions.filter((action) => {
    const decision = decideItemTransition({ actor, subject, action, comment: "x" });
    return decision.allowed;
  });
}

/** Who may edit the content: staff and section heads of the item's section, while it is a draft or published. */
export function canEditItem(actor: TransitionActor, subject: Pick<TransitionSubject, "state" | "sectionId" | "authorId">): boolean {
  if (actor.role !== "staff" && actor.role !== "section_head") return false;
  if (actor.sectionId !== subject.sectionId && actor.id !== subject.authorId) return false;
  return subject.state === "draft" || subject.state === "published";
}
