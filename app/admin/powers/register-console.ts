import { reviewSteps } from "@/components/console/review-steps";
import { ItemState } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import type { RegisterAction } from "@/lib/powers/register-review";

/** What the console pages of the registers (powers, services, decisions) share. */

const r = messages.registers.review;

/** The states a register entry can be in — never scheduled — for the list filters. */
export const registerStateOptions = Object.values(ItemState)
  .filter((value) => value !== "scheduled")
  .map((value) => ({ value, label: messages.itemStates[value] }));

/** The review steps of a register entry or an import batch. */
export function registerReviewSteps(actions: readonly RegisterAction[]) {
  return reviewSteps(actions, {
    label: (action) => messages.itemActions[action],
    returnComment: r.returnComment,
    withdrawReason: r.withdrawReason,
    comment: r.comment,
  });
}

/** The props of a register entry's audit trail (HistoryList). */
export const registerHistory = {
  actionLabels: messages.registers.auditActionLabels as Record<string, string | undefined>,
  stateLabels: messages.itemStates as Record<string, string | undefined>,
  commentLabel: r.commentLabel,
  testId: "register-history",
};
