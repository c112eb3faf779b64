"use client";

import { useRef, useSyncExternalStore, type ReactNode } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { CheckboxField } from "@/components/forms/field";
import { buttonClass } from "@/components/forms/styles";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormState } from "@/lib/forms/form-state";
import { messages } from "@/lib/i18n";

type Run = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * A destructive action that asks before it is taken, without JavaScript too.
 *
 * By default it is two steps in the page itself: the first button (a <details> summary) opens
 * the question and the real submit button; nothing is sent until that one is pressed. With
 * `acknowledge` it is one form with a box to tick first — for actions whose data layer insists on
 * the tick (ending demo mode refuses without `confirm`), so the server keeps the last word.
 */
export function ConfirmDialog({
  action,
  label,
  ariaLabel,
  question,
  confirmLabel,
  acknowledge,
  children,
}: {
  action: Run;
  /** The first button's text (删除, 结束演示模式). */
  label: string;
  /** The form's and the first button's name for screen readers when `label` alone is ambiguous (删除 + what). */
  ariaLabel?: string;
  /** What is asked before the action is taken. */
  question?: string;
  /** The second button's text; default "确认" + label. */
  confirmLabel?: string;
  /** The sentence to tick instead of the two steps; its field is `confirm`. */
  acknowledge?: string;
  /** More fields of the form (hidden inputs). */
  children?: ReactNode;
}) {
  if (acknowledge) {
    return (
      <ActionForm action={action} aria-label={ariaLabel ?? label}>
        {children}
        <CheckboxField name="confirm" label={acknowledge} />
        <SubmitButton variant="danger">{label}</SubmitButton>
      </ActionForm>
    );
  }
  return (
    <TwoStepConfirm action={action} label={label} ariaLabel={ariaLabel} question={question} confirmLabel={confirmLabel}>
      {children}
    </TwoStepConfirm>
  );
}

/** Nothing changes after hydration: the snapshot is false on the server and true in the browser. */
const subscribeToNothing = () => () => {};

function TwoStepConfirm({
  action,
  label,
  ariaLabel,
  question,
  confirmLabel,
  children,
}: {
  action: Run;
  label: string;
  ariaLabel?: string;
  question?: string;
  confirmLabel?: string;
  children?: ReactNode;
}) {
  const details = useRef<HTMLDetailsElement>(null);
  // The cancel button needs JavaScript; without it the summary closes the question again.
  const interactive = useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
  return (
    // Escape closes the question and gives the focus back to the first button.
    <details
      ref={details}
      className="group relative inline-block text-left"
      onKeyDown={(event) => {
        if (event.key !== "Escape" || !details.current?.open) return;
        details.current.removeAttribute("open");
        details.current.querySelector("summary")?.focus();
      }}
    >
      <summary
        aria-label={ariaLabel}
        className={`${buttonClass.dangerOutline} cursor-pointer list-none [&::-webkit-details-marker]:hidden group-open:bg-red-50`}
      >
        {label}
      </summary>
      <div className="mt-2 w-72 max-w-[80vw] rounded border border-red-300 bg-white p-3 text-sm">
        {question ? <p className="mb-3 text-gray-900">{question}</p> : null}
        <ActionForm action={action} aria-label={ariaLabel ?? label}>
          {children}
          <div className="flex flex-wrap items-center gap-2">
            <SubmitButton variant="danger">{confirmLabel ?? messages.kit.confirm(label)}</SubmitButton>
            {interactive ? (
              <button type="button" className={buttonClass.secondary} onClick={() => details.current?.removeAttribute("open")}>
                {messages.kit.cancel}
              </button>
            ) : null}
          </div>
        </ActionForm>
      </div>
    </details>
  );
}
