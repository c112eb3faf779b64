import type { DomainGrants } from "@/lib/auth/grants/types";

/**
 * Actions of the proposals domain (建议提案办理) and public feedback (监督评议), and the roles that
 * hold them (merged into lib/auth/permissions.ts). Reviewing a proposal reply or a feedback reply has
 * one permission per transition (`proposal_reply.approve_leader`, `feedback_reply.approve`, …; the
 * workflows: lib/proposals/proposal-reply-review.ts, lib/feedback/feedback-reply-review.ts): a
 * proposal reply is approved by the lead section's head and then a leader, a feedback reply by the
 * responsible section's head alone. Drafting also requires working in the responsible section.
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
    "proposal_reply.submit",
    "proposal_reply.approve_section",
    "proposal_reply.approve_leader",
    "proposal_reply.return_section",
    "proposal_reply.return_leader",
    "proposal_reply.withdraw",
    "proposal_reply.restore",
    "proposal_reply.restore_any_section",
    "feedback_reply.submit",
    "feedback_reply.approve",
    "feedback_reply.return",
  ],
  roles: {
    staff: [
      "proposal.read_console",
      "proposal.manage",
      "proposal.reply",
      "feedback.read_console",
      "feedback.reply",
      "proposal_reply.submit",
      "proposal_reply.restore",
      "feedback_reply.submit",
    ],
    section_head: [
      "proposal.read_console",
      "proposal.manage",
      "proposal.assign",
      "proposal.reply",
      "feedback.read_console",
      "feedback.reply",
      "feedback.moderate",
      "feedback.assign",
      "proposal_reply.submit",
      "proposal_reply.approve_section",
      "proposal_reply.return_section",
      "proposal_reply.restore",
      "feedback_reply.submit",
      "feedback_reply.approve",
      "feedback_reply.return",
    ],
    leader: [
      "proposal.read_console",
      "feedback.read_console",
      "feedback.assign",
      "proposal_reply.approve_leader",
      "proposal_reply.return_leader",
      "proposal_reply.withdraw",
      "proposal_reply.restore_any_section",
    ],
    admin: [
      "proposal.read_console",
      "proposal.manage",
      "proposal.assign",
      "proposal.settings",
      "feedback.read_console",
      "feedback.moderate",
      "feedback.assign",
    ],
    // Platform roles (集约化): the platform administrator keeps agencies and accounts, not this domain;
    // the supervisor (政务公开办) reads it in every agency.
    platform_admin: [],
    supervisor: ["proposal.read_console", "feedback.read_console"],
  },
} as const satisfies DomainGrants;
