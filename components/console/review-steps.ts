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
