import "server-only";
import type { ActingUser } from "@/lib/auth/acting-user";
import { recordAuditEvent } from "@/lib/audit/record";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-calendar";
import { computeProactiveDisclosureDeadline } from "@/lib/deadlines/statutory-deadlines";
import { beijingDayOf, dateColumnToIsoDate } from "@/lib/dates";
import { db, type DatabaseTransaction } from "@/lib/db";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import type { ItemState } from "@/lib/generated/prisma/enums";
import { screenRevision, type ItemScreeningFinding } from "@/lib/items/item-screening";
import { transitionRequestSchema } from "@/lib/items/item-schemas";
import { lockItemForWrite } from "@/lib/items/manage-items";
import { bumpPublicContentVersion } from "@/lib/public-content/content-version";
import { parseInput } from "@/lib/validation";
import { decideItemTransition, type ItemAction } from "@/lib/workflow/item-workflow";
import { currentTime } from "@/lib/clock";

/** A submission blocked until the submitter has acknowledged every screening finding with a note. */
export class ScreeningAcknowledgementRequired extends ValidationError {
  constructor(readonly findings: ItemScreeningFinding[]) {
    super({ acknowledgements: [`发现 ${findings.length} 处可能涉及个人信息或敏感内容，请逐条确认并填写处理说明后再提交。`] }, "提交前请确认保密审查提示。");
    this.details = { findings };
  }
}

export type TransitionResult = { id: number; state: ItemState; version: number; publishAt: string | null };

const refusals = {
  403: () => new ForbiddenError("您不能对这条信息执行此操作。"),
  409: () => new ConflictError("这条信息当前的状态不允许此操作，请刷新后查看。", "invalid_state"),
} as const;

/**
 * Takes a review step on an item: checks the workflow table, the optimistic version and, on
 * submit, the screening acknowledgements; writes the new state and an audit row in one transaction.
 */
export async function transitionItem(actor: ActingUser | "system", itemId: number, request: unknown, now = currentTime()): Promise<TransitionResult> {
  const { action, comment, publishAt, version, acknowledgements } = parseInput(transitionRequestSchema, request);
  const calendar = await loadWorkingDayCalendar();
  return db.$transaction(async (tx) => {
    const item = await lockItemForWrite(tx, itemId, version);
    const revision = item.latestRevision!;
    const decision = decideItemTransition({
      actor: actor === "system" ? "system" : actor,
      subject: { state: item.state, sectionId: item.sectionId, authorId: item.authorId, revisionAuthorId: revision.createdById },
      action,
      comment,
      publishAt,
      now,
    });
    if (!decision.allowed) {
      if (decision.status === 422) {
        throw new ValidationError(decision.reason === "comment_required" ? { comment: [action === "withdraw" ? "撤回时必须填写公开的撤回理由。" : "退回时必须填写意见。"] } : { publishAt: ["发布时间无效。"] });
      }
      throw refusals[decision.status]();
    }
    const actorId = actor === "system" ? null : actor.id;
    if (action === "submit") await requireAcknowledgedScreening(tx, item.id, revision.id, actorId!, acknowledgements ?? []);

    const to = decision.to;
    const data: Parameters<typeof tx.item.update>[0]["data"] = { state: to, version: { increment: 1 }, lastActorId: actorId ?? item.lastActorId };
    if (to === "scheduled") data.publishAt = publishAt;
    if (to === "draft") data.publishAt = null;
    if (to === "published") {
      const publishedAt = action === "publish_scheduled" && item.publishAt ? item.publishAt : now;
      const due = computeProactiveDisclosureDeadline(calendar, dateColumnToIsoDate(revision.formedAt)).due;
      Object.assign(data, {
        publishedRevisionId: revision.id,
        publishedAt: item.publishedAt ?? publishedAt,
        lastPublishedAt: publishedAt,
        publishedOnTime: item.publishedOnTime ?? beijingDayOf(publishedAt) <= due,
        publishAt: null,
        withdrawnAt: null,
        withdrawalReason: null,
      });
    }
    if (to === "withdrawn") Object.assign(data, { withdrawnAt: now, withdrawalReason: comment });
    const updated = await tx.item.update({ where: { id: item.id }, data });
    if (to === "published" || to === "withdrawn") {
      await bumpPublicContentVersion(tx);
      // The item's search document changes in the same transaction (lib/search/search-index.ts).
      await (await import("@/lib/search/search-index")).syncSearchDocuments(tx, "item", [item.id]);
    }
    await recordAuditEvent(tx, {
      actorId,
      action: `item.${action satisfies ItemAction}`,
      entityType: "Item",
      entityId: item.id,
      fromState: item.state,
      toState: to,
      comment: comment ?? null,
      details: { revision: revision.number, ...(publishAt ? { publishAt: publishAt.toISOString() } : {}) },
    });
    return { id: updated.id, state: updated.state, version: updated.version, publishAt: updated.publishAt?.toISOString() ?? null };
  });
}

async function requireAcknowledgedScreening(
  tx: DatabaseTransaction,
  itemId: number,
  revisionId: number,
  actorId: number,
  acknowledgements: { key: string; note: string }[],
): Promise<void> {
  const findings = await screenRevision(tx, revisionId);
  if (!findings.length) return;
  const notes = new Map(acknowledgements.map((entry) => [entry.key, entry.note]));
  if (findings.some((finding) => !notes.get(finding.key))) throw new ScreeningAcknowledgementRequired(findings);
  const acknowledgedAt = currentTime();
  await tx.screeningFinding.createMany({
    data: findings.map((finding) => ({
      itemId, revisionId, source: finding.source, kind: finding.kind, match: finding.match, context: finding.context,
      acknowledgedNote: notes.get(finding.key)!, acknowledgedById: actorId, acknowledgedAt,
    })),
  });
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
