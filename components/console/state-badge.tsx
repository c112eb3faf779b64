import type { ApplicationStatus, FeedbackReplyState, FeedbackStatus, ItemState, ProposalStatus } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";

/** The states of every reviewed or handled record, by workflow; each workflow names its states. */
type WorkflowStates = {
  /** Items, powers, services, decisions and annual reports. */
  item: ItemState;
  inspection: ItemState;
  application: ApplicationStatus;
  applicationReply: ItemState;
  proposal: ProposalStatus;
  proposalReply: ItemState;
  feedback: FeedbackStatus;
  feedbackReply: FeedbackReplyState;
};

type Workflow = keyof WorkflowStates;
type State = WorkflowStates[Workflow];

const labels: { [W in Workflow]: Record<WorkflowStates[W], string> } = {
  item: messages.itemStates,
  inspection: messages.inspections.states,
  application: messages.applications.statuses,
  applicationReply: messages.applications.replyStates,
  proposal: messages.proposals.statuses,
  proposalReply: messages.proposals.replyStates,
  feedback: messages.proposals.feedback.statuses,
  feedbackReply: messages.proposals.feedback.replyStates,
};

/** The test id each workflow's badge has always had (the e2e specs find states by it). */
const testIds: { [W in Workflow]: string | undefined } = {
  item: "item-state",
  inspection: undefined,
  application: "application-status",
  applicationReply: "reply-state",
  proposal: "proposal-status",
  proposalReply: "reply-state",
  feedback: "feedback-status",
  feedbackReply: "feedback-reply-state",
};

/** What a state means for the person looking at the list, whatever the workflow. */
const tones = {
  start: "bg-gray-100 text-gray-800",
  inReview: "bg-blue-100 text-blue-900",
  awaitingDecision: "bg-indigo-100 text-indigo-900",
  waiting: "bg-amber-100 text-amber-900",
  done: "bg-green-100 text-green-900",
  stopped: "bg-red-100 text-red-900",
} as const;

/** One colour map for the states of every workflow: the same meaning has the same colour everywhere. */
const toneOfState: Record<State, keyof typeof tones> = {
  draft: "start",
  section_review: "inReview",
  leader_review: "awaitingDecision",
  scheduled: "waiting",
  published: "done",
  withdrawn: "stopped",
  processing: "inReview",
  awaiting_correction: "waiting",
  awaiting_third_party: "waiting",
  awaiting_fee: "waiting",
  decided: "awaitingDecision",
  closed: "done",
  pending_assignment: "waiting",
  in_progress: "inReview",
  replied: "done",
  moderation: "waiting",
  received: "inReview",
  reply_review: "awaitingDecision",
  answered: "done",
  rejected: "stopped",
  approved: "done",
};

/**
 * A record's state as a label with a tinted background. Deliberately unlike a button: no border,
 * no shadow, no pointer; the dot marks it as a status for those who do not read the colour.
 */
export function StateBadge<W extends Workflow>({ workflow, state, testId }: { workflow: W; state: WorkflowStates[W]; testId?: string | null }) {
  const label = (labels[workflow] as Record<string, string>)[state];
  return (
    <span
      className={`inline-flex cursor-default select-none items-center gap-1.5 whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-medium ${tones[toneOfState[state]]}`}
      data-testid={testId === null ? undefined : (testId ?? testIds[workflow])}
    >
      <span className="size-1.5 shrink-0 rounded-full bg-current" aria-hidden="true" />
      {label}
    </span>
  );
}
