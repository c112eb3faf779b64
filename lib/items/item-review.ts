import "server-only";
import { z } from "zod";
import type { ActingUser } from "@/lib/auth/acting-user";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-calendar";
import { currentTime } from "@/lib/clock";
import { beijingDayOf, dateColumnToIsoDate } from "@/lib/dates";
import { db, type DatabaseTransaction, type Prisma } from "@/lib/db";
import { computeProactiveDisclosureDeadline } from "@/lib/deadlines/statutory-deadlines";
import { ConflictError } from "@/lib/errors";
import type { ItemState } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { settleIndexNumberAtFirstPublication } from "@/lib/items/index-number";
import { screenRevision } from "@/lib/items/item-screening";
import { lockItemForWrite } from "@/lib/items/manage-items";
import { acknowledgementsSchema, FindingsToAcknowledge, notesForFindings } from "@/lib/screening/acknowledgements";
import { defineReviewedRecord, takeTransition, transitionRequestSchema } from "@/lib/workflow/engine";
import { defineWorkflow, reviewActions } from "@/lib/workflow/workflow";

/**
 * The review of disclosure items: staff draft, the section head reviews, a leader approves — now
 * or at a set time (the scheduler then publishes) — and may withdraw with a public reason.
 * Nobody reviews what they wrote. Submitting needs every screening finding acknowledged.
 */
export const itemWorkflow = defineWorkflow<ItemState, (typeof reviewActions)[number]>({
  recordType: "item",
  states: ["draft", "section_review", "leader_review", "scheduled", "published", "withdrawn"],
  publishedState: "published",
  transitions: [
    { action: "submit", from: ["draft"], to: "section_review", permission: "item.submit", relation: "same_section" },
    { action: "approve", from: ["section_review"], to: "leader_review", permission: "item.approve_section", relation: "same_section_not_author" },
    { action: "approve", from: ["leader_review"], to: "published", scheduledTo: "scheduled", permission: "item.approve_leader", relation: "not_author" },
    {
      action: "return",
      from: ["section_review"],
      to: "draft",
      permission: "item.return_section",
      relation: "same_section_not_author",
      comment: "review_comment",
    },
    {
      action: "return",
      from: ["leader_review", "scheduled"],
      to: "draft",
      permission: "item.return_leader",
      relation: "not_author",
      comment: "review_comment",
    },
    { action: "withdraw", from: ["published"], to: "withdrawn", permission: "item.withdraw", relation: "any", comment: "public_withdrawal_reason" },
    { action: "restore", from: ["withdrawn"], to: "draft", permission: "item.restore", relation: "same_section" },
    { action: "restore", from: ["withdrawn"], to: "draft", permission: "item.restore_any_section", relation: "any" },
    { action: "publish_scheduled", from: ["scheduled"], to: "published", permission: null, relation: "any" },
  ],
});

export type ItemAction = (typeof itemWorkflow.actions)[number];

/** A submission blocked until the submitter has acknowledged every screening finding with a note. */
export const ScreeningAcknowledgementRequired = FindingsToAcknowledge;

export const itemTransitionRequestSchema = transitionRequestSchema(reviewActions).extend({
  publishAt: z
    .string()
    .trim()
    .nullish()
    .transform((value) => (value ? new Date(value) : null))
    .refine((value) => value === null || !Number.isNaN(value.getTime()), { error: messages.workflow.refusals.publishTimeInvalid }),
  acknowledgements: acknowledgementsSchema,
});

export type TransitionResult = { id: number; state: ItemState; version: number; publishAt: string | null };

type ItemSource = { state: ItemState; sectionId: number; authorId: number; latestRevision: { createdById: number } | null };

export const itemReview = defineReviewedRecord({
  workflow: itemWorkflow,
  nouns: messages.workflow.nouns.item,
  entityType: "Item",
  requestSchema: itemTransitionRequestSchema,
  prepare: async () => ({ calendar: await loadWorkingDayCalendar() }),
  lock: (tx, id, request, _prepared, actor) => lockItemForWrite(tx, id, request.version, actor),
  subjectOf: (item: ItemSource) => ({
    state: item.state,
    sectionId: item.sectionId,
    authorId: item.authorId,
    revisionAuthorId: item.latestRevision!.createdById,
  }),
  publishAtOf: (request) => request.publishAt,
  guard: async ({ tx, action, row, actorId, request, now }) => {
    if (action === "submit") await requireAcknowledgedScreening(tx, row.id, row.latestRevision!.id, actorId!, request.acknowledgements ?? [], now);
  },
  fields: ({ to, row, actorId, request }): Prisma.ItemUncheckedUpdateInput => ({
    lastActorId: actorId ?? row.lastActorId,
    ...(to === "scheduled" ? { publishAt: request.publishAt } : {}),
    ...(to === "draft" ? { publishAt: null } : {}),
  }),
  publish: async ({ tx, row, action, now, prepared }) => {
    const publishedAt = action === "publish_scheduled" && row.publishAt ? row.publishAt : now;
    const due = computeProactiveDisclosureDeadline(prepared.calendar, dateColumnToIsoDate(row.latestRevision!.formedAt)).due;
    // The 索引号 is settled at the first publication (its year may be the publication's, the 成文日期
    // may have been corrected in review); a number the public has seen never changes.
    const indexNumber =
      row.publishedAt === null
        ? await settleIndexNumberAtFirstPublication(
            tx,
            row.indexNumber,
            {
              writtenAt: dateColumnToIsoDate(row.latestRevision!.writtenAt),
              formedAt: dateColumnToIsoDate(row.latestRevision!.formedAt),
              publishedAt,
            },
            row.sectionId,
          )
        : row.indexNumber;
    return {
      indexNumber,
      publishedRevisionId: row.latestRevision!.id,
      publishedAt: row.publishedAt ?? publishedAt,
      lastPublishedAt: publishedAt,
      publishedOnTime: row.publishedOnTime ?? beijingDayOf(publishedAt) <= due,
      publishAt: null,
      withdrawnAt: null,
      withdrawalReason: null,
    };
  },
  withdraw: async ({ now, comment }) => ({ withdrawnAt: now, withdrawalReason: comment }),
  store: ({ tx, row, to }, fields) => tx.item.update({ where: { id: row.id }, data: { ...fields, state: to, version: { increment: 1 } } }),
  search: { type: "item", ids: (item) => [item.id] },
  audit: ({ row, request }, updated) => ({
    entityId: row.id,
    details: {
      revision: row.latestRevision!.number,
      ...(request.publishAt ? { publishAt: request.publishAt.toISOString() } : {}),
      ...(updated.indexNumber !== row.indexNumber ? { indexNumber: { from: row.indexNumber, to: updated.indexNumber } } : {}),
    },
  }),
  result: (_context, updated): TransitionResult => ({
    id: updated.id,
    state: updated.state,
    version: updated.version,
    publishAt: updated.publishAt?.toISOString() ?? null,
  }),
});

async function requireAcknowledgedScreening(
  tx: DatabaseTransaction,
  itemId: number,
  revisionId: number,
  actorId: number,
  acknowledgements: { key: string; note: string }[],
  acknowledgedAt: Date,
): Promise<void> {
  const findings = await screenRevision(tx, revisionId);
  if (!findings.length) return;
  const notes = notesForFindings(findings, acknowledgements);
  await tx.screeningFinding.createMany({
    data: findings.map((finding) => ({
      itemId,
      revisionId,
      source: finding.source,
      kind: finding.kind,
      match: finding.match,
      context: finding.context,
      acknowledgedNote: notes.get(finding.key)!,
      acknowledgedById: actorId,
      acknowledgedAt,
    })),
  });
}

/** Takes a review step on an item (lib/workflow/engine.ts does the whole transition). */
export function transitionItem(actor: ActingUser | "system", itemId: number, request: unknown, now = currentTime()): Promise<TransitionResult> {
  return takeTransition(itemReview, actor, itemId, request, { now });
}

/**
 * Publishes scheduled items whose time has come. Safe with several server processes: each item is
 * locked and version-checked, so only one process publishes it; the others see it already done.
 */
export async function publishDueScheduledItems(now = currentTime()): Promise<number[]> {
  const due = await db.item.findMany({ where: { state: "scheduled", publishAt: { lte: now } }, select: { id: true, version: true } });
  const published: number[] = [];
  for (const item of due) {
    try {
      await transitionItem("system", item.id, { action: "publish_scheduled", version: item.version }, now);
      published.push(item.id);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  return published;
}
