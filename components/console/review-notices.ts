import { messages } from "@/lib/i18n";

const m = messages.workflow;

/** The notice after a review step: what happened and who acts next ("已提交，等待科室负责人审核。"). */
export function afterStepNotice(state: unknown): string {
  return typeof state === "string" && Object.hasOwn(m.afterStep, state) ? m.afterStep[state] : m.stepDone;
}

/** The notice after a step that redirected with `?done=transition&step=<the state it reached>`, or `fallback` for another `done`. */
export function transitionNotice(notice: { done?: unknown; step?: unknown }, fallback: string | null): string | null {
  return notice.done === "transition" ? afterStepNotice(notice.step) : fallback;
}

/** What the review panel says when the user has no step to take: where the record stands, or the fallback. */
export function waitingNotice(state: string, fallback: string): string {
  return Object.hasOwn(m.waiting, state) ? m.waiting[state] : fallback;
}
