import type { ReactNode } from "react";
import type { ReviewStep } from "./review-actions";

type Texts<A extends string> = {
  label: (action: A) => string;
  formLabel?: (action: A) => string;
  /** The comment of a return (required). */
  returnComment: string;
  /** The reason of a withdrawal (required). */
  withdrawReason?: string;
  /** The optional comment of submitting and approving. */
  comment?: string;
};

/**
 * The usual review steps: returning needs a comment and withdrawing a reason (both red); submitting
 * and approving take an optional comment; restoring takes nothing. A type with more adds `before`.
 */
export function reviewSteps<A extends string>(
  actions: readonly A[],
  texts: Texts<A>,
  options: { rows?: number; hidden?: Record<string, string | number>; before?: (action: A) => ReactNode } = {},
): ReviewStep[] {
  return actions.map((action) => {
    const comment =
      action === "return"
        ? { label: texts.returnComment, required: true }
        : action === "withdraw" && texts.withdrawReason
          ? { label: texts.withdrawReason, required: true }
          : (action === "approve" || action === "submit") && texts.comment
            ? { label: texts.comment }
            : null;
    return {
      action,
      label: texts.label(action),
      formLabel: texts.formLabel?.(action),
      comment: comment ? { ...comment, rows: options.rows } : null,
      danger: action === "return" || action === "withdraw",
      hidden: options.hidden,
      before: options.before?.(action),
    };
  });
}

export type ReviewBox = { kind: "single"; step: ReviewStep } | { kind: "review"; approve: ReviewStep; ret: ReviewStep };

/** Approving and returning become one box (one comment, 通过 / 退回) when both are open and share the comment's field. */
export function boxesOf(steps: ReviewStep[]): ReviewBox[] {
  const approve = steps.find((step) => step.action === "approve");
  const ret = steps.find((step) => step.action === "return");
  const shareComment = approve && ret && (approve.comment?.name ?? "comment") === (ret.comment?.name ?? "comment");
  const boxes: ReviewBox[] = [];
  for (const step of steps) {
    if (shareComment && step === approve) boxes.push({ kind: "review", approve, ret });
    else if (!(shareComment && step === ret)) boxes.push({ kind: "single", step });
  }
  return boxes;
}
