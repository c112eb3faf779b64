import type { ItemState } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { canEditReviewedContent, defineWorkflow, type WorkflowActor } from "@/lib/workflow/workflow";

/**
 * Register entries (powers, services, 双公示 decisions) take the same review as disclosure items
 * (staff submit, the section head reviews, a leader approves and may withdraw), each with its own
 * permissions (`power.approve_leader`, …). Registers never schedule a publication. The engine
 * (lib/workflow/engine.ts) takes every step; each register declares its record type next to it
 * (lib/powers/power-review.ts, lib/services/service-review.ts, lib/decisions/decision-review.ts).
 */
export function registerWorkflow<const RecordType extends "power" | "service" | "decision">(recordType: RecordType) {
  return defineWorkflow<ItemState, RegisterAction>({
    recordType,
    states: ["draft", "section_review", "leader_review", "published", "withdrawn"],
    publishedState: "published",
    transitions: [
      { action: "submit", from: ["draft"], to: "section_review", permission: `${recordType}.submit`, relation: "same_section" },
      { action: "approve", from: ["section_review"], to: "leader_review", permission: `${recordType}.approve_section`, relation: "same_section_not_author" },
      { action: "approve", from: ["leader_review"], to: "published", permission: `${recordType}.approve_leader`, relation: "not_author" },
      {
        action: "return",
        from: ["section_review"],
        to: "draft",
        permission: `${recordType}.return_section`,
        relation: "same_section_not_author",
        comment: "review_comment",
      },
      { action: "return", from: ["leader_review"], to: "draft", permission: `${recordType}.return_leader`, relation: "not_author", comment: "review_comment" },
      { action: "withdraw", from: ["published"], to: "withdrawn", permission: `${recordType}.withdraw`, relation: "any", comment: "withdrawal_reason" },
      { action: "restore", from: ["withdrawn"], to: "draft", permission: `${recordType}.restore`, relation: "same_section" },
      { action: "restore", from: ["withdrawn"], to: "draft", permission: `${recordType}.restore_any_section`, relation: "any" },
    ],
  });
}

export type RegisterAction = "submit" | "approve" | "return" | "withdraw" | "restore";
export const registerActions = ["submit", "approve", "return", "withdraw", "restore"] as const satisfies readonly RegisterAction[];

/** The facts about an entry the review looks at: the keeping section, who created it, who wrote the current content. */
export type RegisterSubject = { state: ItemState; sectionId: number; authorId: number; lastEditorId: number };

export const registerSubject = (entry: RegisterSubject) => ({
  state: entry.state,
  sectionId: entry.sectionId,
  authorId: entry.authorId,
  revisionAuthorId: entry.lastEditorId,
});

export const registerNouns = messages.workflow.nouns.registerEntry;

/** Staff and section heads of the keeping section may edit a draft or (as a new draft) a published entry. */
export function canEditRegisterEntry(actor: WorkflowActor, subject: RegisterSubject): boolean {
  return canEditReviewedContent(actor, subject);
}
