import type { Role } from "@/lib/auth/roles";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import type { ItemState } from "@/lib/generated/prisma/enums";
import { availableItemActions, canEditItem, decideItemTransition, type ItemAction } from "@/lib/workflow/item-workflow";

/**
 * Register entries (powers, services, 双公示 decisions) take the same review as disclosure items:
 * the items' workflow table decides every step (lib/workflow/item-workflow.ts). Registers never
 * schedule a publication, so the scheduler's step is not theirs.
 */
export type RegisterAction = Exclude<ItemAction, "publish_scheduled">;
export const registerActions: readonly RegisterAction[] = ["submit", "approve", "return", "withdraw", "restore"];

export type RegisterActor = { id: number; role: Role; sectionId: number };

/** The facts the workflow table needs: the keeping section, who created it, who wrote the current content. */
export type RegisterSubject = { state: ItemState; sectionId: number; authorId: number; lastEditorId: number };

export function isRegisterAction(value: unknown): value is RegisterAction {
  return typeof value === "string" && (registerActions as readonly string[]).includes(value);
}

/**
 * The state a review step leads to, or the error to throw: 409 when the step is impossible from
 * this state, 403 when this person may not take it, 422 when a required comment is missing.
 */
export function decideRegisterTransition(actor: RegisterActor, subject: RegisterSubject, action: RegisterAction, comment: string | null | undefined, messages: { forbidden: string; invalidState: string; commentRequired: string; withdrawReasonRequired: string }): ItemState {
  const decision = decideItemTransition({
    actor,
    subject: { state: subject.state, sectionId: subject.sectionId, authorId: subject.authorId, revisionAuthorId: subject.lastEditorId },
    action,
    comment,
  });
  if (decision.allowed) return decision.to;
  if (decision.status === 409) throw new ConflictError(messages.invalidState, "invalid_state");
  if (decision.status === 403) throw new ForbiddenError(messages.forbidden);
  throw new ValidationError({ comment: [action === "withdraw" ? messages.withdrawReasonRequired : messages.commentRequired] });
}

/** The review steps a user could take now, for showing buttons (the server decides again). */
export function availableRegisterActions(actor: RegisterActor, subject: RegisterSubject): RegisterAction[] {
  return availableItemActions(actor, { state: subject.state, sectionId: subject.sectionId, authorId: subject.authorId, revisionAuthorId: subject.lastEditorId })
    .filter(isRegisterAction);
}

/** Staff and section heads of the keeping section may edit a draft or (as a new draft) a published entry. */
export function canEditRegisterEntry(actor: RegisterActor, subject: RegisterSubject): boolean {
  return canEditItem(actor, { state: subject.state, sectionId: subject.sectionId, authorId: subject.authorId });
}
