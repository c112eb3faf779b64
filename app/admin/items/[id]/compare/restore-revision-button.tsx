"use client";

import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { messages } from "@/lib/i18n";
import { restoreRevisionAction } from "../../actions";

export function RestoreRevisionButton({ itemId, revisionNumber, version }: { itemId: number; revisionNumber: number; version: number }) {
  const label = `${messages.consoleItems.detail.revision(revisionNumber)}：${messages.consoleItems.detail.restore}`;
  return (
    <ActionForm action={restoreRevisionAction.bind(null, itemId, revisionNumber, version)} aria-label={label}>
      <SubmitButton variant="secondary">{label}</SubmitButton>
    </ActionForm>
  );
}
