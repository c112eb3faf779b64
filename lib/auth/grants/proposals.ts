import type { DomainGrants } from "@/lib/auth/grants/types";

/**
 * Actions of the proposals domain (建议提案办理) and public feedback (监督评议), and the roles that
 * hold them (merged into lib/auth/permissions.ts). Reviewing a proposal reply follows the item
 * workflow table (lib/workflow/item-workflow.ts); reviewing a feedback reply follows
 * lib/feedback/feedback-workflow.ts. Drafting also requires working in the responsible section.
 *
 * Holding an action is necessary, not sufficient: which proposal a holder may act on follows its lead
 * section (lib/proposals/proposal-access.ts — the rules table, role × the user's relation to the
 * proposal × action). `proposal.manage` registers proposals and handles them after the reply
 * (proposer's feedback, reopening, closing); `proposal.assign` is 交办 — choosing or changing the
 * lead and assisting sections and the deadline — which is a section head's or an administrator's job.
 */
export const proposalsGrants = {
  actions: [
    "proposal.read_console",
    "proposal.manage",
    "proposal.assign",
    "proposal.reply",
    "proposal.settings",
    "feedback.read_console",
    "feedback.reply",
    "feedback.moderate",
    "feedback.assign",
  ],
  roles: {
    staff: ["proposal.read_console", "proposal.manage", "proposal.reply", "feedback.read_console", "feedback.reply"],
    section_head: ["proposal.read_console", "proposal.manage", "proposal.assign", "proposal.reply", "feedback.read_console", "feedback.reply", "feedback.moderate", "feedback.assign"],
    leader: ["proposal.read_console", "feedback.read_console", "feedback.assign"],
    admin: ["proposal.read_console", "proposal.manage", "proposal.assign", "proposal.settings", "feedback.read_console", "feedback.moderate", "feedback.assign"],
  },
} as const satisfies DomainGrants;
