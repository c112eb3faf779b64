import { isPermitted, type Action } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import { messages } from "@/lib/i18n";

/**
 * Who may act on which proposal, as data: role × the user's relation to the proposal × action.
 * Every write in lib/proposals checks it (`assertProposalAccess`) after locking the proposal,
 * whatever the console showed; the console asks the same table (`mayActOnProposal`) for its buttons.
 *
 * A proposal belongs to its lead section (主办). Staff and section heads of other sections read it
 * (as items and applications are read by the whole console) but may not change it: 403. Assisting
 * sections (协办) read it too; the model holds no part of their own to write (their input reaches
 * the lead section, which drafts the one reply), so they have no write here. A proposal not yet
 * assigned belongs to no section: whoever keeps the register may correct it, and any section head
 * may assign it. 交办 (choosing or changing the sections and the deadline) is a section head's or an
 * administrator's job; a section head hands on only a proposal of their own section. Administrators
 * keep the register for the whole agency and are not bound to a section; they never draft replies.
 * Leaders read and approve replies through the review workflow (lib/proposals/proposal-reply-review.ts).
 */
export type ProposalAction = "register" | "edit" | "assign" | "draft_reply" | "record_feedback" | "reopen" | "close";
export const proposalActions: readonly ProposalAction[] = ["register", "edit", "assign", "draft_reply", "record_feedback", "reopen", "close"];

type Relation =
  | "any" // any holder of the role
  | "lead_section" // works in the proposal's lead section
  | "lead_section_or_unassigned"; // the proposal has no lead section yet, or the user works in it

export type ProposalAccessRule = { action: ProposalAction; grant: Action; roles: readonly Role[]; relation: Relation };

export const proposalAccessRules: readonly ProposalAccessRule[] = [
  { action: "register", grant: "proposal.manage", roles: ["staff", "section_head", "admin"], relation: "any" },
  { action: "edit", grant: "proposal.manage", roles: ["staff", "section_head"], relation: "lead_section_or_unassigned" },
  { action: "edit", grant: "proposal.manage", roles: ["admin"], relation: "any" },
  { action: "assign", grant: "proposal.assign", roles: ["section_head"], relation: "lead_section_or_unassigned" },
  { action: "assign", grant: "proposal.assign", roles: ["admin"], relation: "any" },
  { action: "draft_reply", grant: "proposal.reply", roles: ["staff", "section_head"], relation: "lead_section" },
  { action: "record_feedback", grant: "proposal.manage", roles: ["staff", "section_head"], relation: "lead_section" },
  { action: "record_feedback", grant: "proposal.manage", roles: ["admin"], relation: "any" },
  { action: "reopen", grant: "proposal.manage", roles: ["staff", "section_head"], relation: "lead_section" },
  { action: "reopen", grant: "proposal.manage", roles: ["admin"], relation: "any" },
  { action: "close", grant: "proposal.manage", roles: ["staff", "section_head"], relation: "lead_section" },
  { action: "close", grant: "proposal.manage", roles: ["admin"], relation: "any" },
];

export type ProposalAccessActor = { role: Role; sectionId: number };
/** What the rules look at; a proposal being registered has no lead section yet. */
export type ProposalAccessSubject = { leadSectionId: number | null };

function relationHolds(relation: Relation, actor: ProposalAccessActor, subject: ProposalAccessSubject): boolean {
  switch (relation) {
    case "any":
      return true;
    case "lead_section":
      return subject.leadSectionId !== null && actor.sectionId === subject.leadSectionId;
    case "lead_section_or_unassigned":
      return subject.leadSectionId === null || actor.sectionId === subject.leadSectionId;
  }
}

export function mayActOnProposal(actor: ProposalAccessActor, action: ProposalAction, subject: ProposalAccessSubject): boolean {
  return proposalAccessRules.some(
    (rule) => rule.action === action && rule.roles.includes(actor.role) && isPermitted(actor.role, rule.grant) && relationHolds(rule.relation, actor, subject),
  );
}

/** The refusal a user sees, saying who may do it instead. */
export function proposalAccessRefusal(action: ProposalAction): string {
  return messages.proposals.access.refusals[action];
}
