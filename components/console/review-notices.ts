import { messages } from "@/lib/i18n";

const m = messages.workflow;

/** The notice after a review step: what happened and who acts next ("已提交，等待科室负责人审核。"). */
export function afterStepNotice(state: string): string {
  return m.afterStep[state] ?? m.stepDone;
}

/** What the review panel says when the user has no step to take: where the record stands, or the fallback. */
export function waitingNotice(state: string, fallback: string): string {
  return m.waiting[state] ?? fallback;
}
