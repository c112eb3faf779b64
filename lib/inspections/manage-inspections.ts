import "server-only";
import { randomBytes } from "node:crypto";
import { recordAuditEvent } from "@/lib/audit/record";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { currentTime } from "@/lib/clock";
import { dateColumnToIsoDate, isoDateToDateColumn, todayInBeijing } from "@/lib/dates";
import { db, type DatabaseTransaction } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldErrors } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import type { ItemState } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { drawAlgorithm, hashDrawInput, runDraw, serializeDrawInput, type DrawInput, type DrawProblem } from "@/lib/inspections/draw";
import { currentListVersion, loadDrawInspectors, loadDrawTargets, lockInspectionList } from "@/lib/inspections/list-versions";
import { drawRequestSchema, planInputSchema, resultsInputSchema, type PlanInput } from "@/lib/inspections/schemas";
import { assertSectionInAgencyScope } from "@/lib/powers/agency-guard";
import { parseInput } from "@/lib/validation";
import type { WorkflowActor } from "@/lib/workflow/workflow";

/**
 * Inspection tasks (抽查任务). A task is planned as a draft, drawn once (lib/inspections/draw.ts),
 * then the plan with its draw goes through the review of disclosure items (科员 → 科室负责人 →
 * 主管领导, lib/inspections/inspection-review.ts) and is published; after the inspection the results
 * per target are recorded and published through the same review, due 20 working days after the end.
 */

export type InspectionWriteResult = { id: number; state: ItemState; resultsState: ItemState; version: number };

/** Locks an inspection task for a write: another agency's is 404 to `actor` before its version (and last editor) is looked at. */
export async function lockInspectionForWrite(
  tx: DatabaseTransaction,
  inspectionId: number,
  expectedVersion: number | null | undefined,
  actor: ActingUser | "system",
) {
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "Inspection" WHERE id = ${inspectionId} FOR UPDATE`;
  if (!rows.length) throw new NotFoundError(messages.common.notFound.inspection);
  const inspection = await tx.inspection.findUniqueOrThrow({ where: { id: inspectionId }, include: { draw: { select: { id: true } }, lastEditor: true } });
  if (actor !== "system") await assertSectionInAgencyScope(tx, actor, inspection.sectionId, messages.common.notFound.inspection);
  if (expectedVersion != null && expectedVersion !== inspection.version) {
    const when = formatDateTime(inspection.updatedAt);
    throw new ConflictError(messages.inspections.rules.stale(inspection.lastEditor.displayName, when), "stale_version");
  }
  return inspection;
}

/** Staff and section heads of the task's section (or its author) work on it. */
export function worksOnInspection(actor: WorkflowActor, inspection: { sectionId: number; authorId: number }): boolean {
  return (actor.role === "staff" || actor.role === "section_head") && (actor.sectionId === inspection.sectionId || actor.id === inspection.authorId);
}

async function assertItemsUsable(tx: DatabaseTransaction, actor: ActingUser, itemIds: number[], keep: number[] = []): Promise<void> {
  // Only the agency's own items (those under its powers): another agency's count as missing (集约化).
  const items = await tx.inspectionItem.findMany({ where: { id: { in: itemIds }, power: { ownerSection: { agencyId: actor.agencyId } } } });
  // An item taken out of the list stays on the tasks that already name it.
  if (items.length !== itemIds.length || items.some((item) => !item.active && !keep.includes(item.id))) {
    throw new ValidationError({ itemIds: [messages.inspections.rules.itemsUnusable] });
  }
}

function planData(plan: PlanInput) {
  return {
    year: plan.year,
    title: plan.title,
    description: plan.description,
    targetCategories: plan.targetCategories,
    targetCount: plan.targetCount,
    inspectorsPerTarget: plan.inspectorsPerTarget,
    startOn: isoDateToDateColumn(plan.startOn),
    endOn: isoDateToDateColumn(plan.endOn),
  };
}

export async function createInspection(actor: ActingUser, input: unknown): Promise<InspectionWriteResult> {
  assertPermitted(actor, "inspection.edit");
  const plan = parseInput(planInputSchema, input);
  return db.$transaction(async (tx) => {
    await assertItemsUsable(tx, actor, plan.itemIds);
    const inspection = await tx.inspection.create({
      data: {
        ...planData(plan),
        sectionId: actor.sectionId,
        authorId: actor.id,
        lastEditorId: actor.id,
        items: { create: plan.itemIds.map((itemId) => ({ itemId })) },
      },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "inspection.create",
      entityType: "Inspection",
      entityId: inspection.id,
      toState: "draft",
      details: {
        title: plan.title,
        year: plan.year,
        itemIds: plan.itemIds,
        targetCategories: plan.targetCategories,
        targetCount: plan.targetCount,
        inspectorsPerTarget: plan.inspectorsPerTarget,
        startOn: plan.startOn,
        endOn: plan.endOn,
      },
    });
    return { id: inspection.id, state: inspection.state, resultsState: inspection.resultsState, version: inspection.version };
  });
}

/** Edits the plan of a draft task; the draw's own fields are fixed once it has been drawn. */
export async function updateInspection(actor: ActingUser, inspectionId: number, input: unknown): Promise<InspectionWriteResult> {
  assertPermitted(actor, "inspection.edit");
  const plan = parseInput(planInputSchema, input);
  return db.$transaction(async (tx) => {
    const before = await lockInspectionForWrite(tx, inspectionId, plan.version, actor);
    if (!worksOnInspection(actor, before)) throw new ForbiddenError(messages.inspections.rules.editOwnSection);
    if (before.state !== "draft") throw new ConflictError(messages.inspections.rules.editDraftOnly, "invalid_state");
    const beforeItems = (await tx.inspectionTaskItem.findMany({ where: { inspectionId } })).map((row) => row.itemId);
    await assertItemsUsable(tx, actor, plan.itemIds, beforeItems);
    if (before.draw) {
      const locked: FieldErrors = {};
      if ([...before.targetCategories].sort().join("\n") !== plan.targetCategories.join("\n"))
        locked.targetCategories = [messages.inspections.rules.drawnScopeLocked];
      if (before.targetCount !== plan.targetCount) locked.targetCount = [messages.inspections.rules.drawnCountLocked];
      if (before.inspectorsPerTarget !== plan.inspectorsPerTarget) locked.inspectorsPerTarget = [messages.inspections.rules.drawnInspectorsLocked];
      if (Object.keys(locked).length) throw new ValidationError(locked);
    }
    await tx.inspectionTaskItem.deleteMany({ where: { inspectionId } });
    const updated = await tx.inspection.update({
      where: { id: inspectionId },
      data: { ...planData(plan), lastEditorId: actor.id, version: { increment: 1 }, items: { create: plan.itemIds.map((itemId) => ({ itemId })) } },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "inspection.edit",
      entityType: "Inspection",
      entityId: inspectionId,
      details: {
        before: {
          title: before.title,
          year: before.year,
          itemIds: beforeItems,
          startOn: dateColumnToIsoDate(before.startOn),
          endOn: dateColumnToIsoDate(before.endOn),
          targetCategories: before.targetCategories,
          targetCount: before.targetCount,
          inspectorsPerTarget: before.inspectorsPerTarget,
        },
        after: {
          title: plan.title,
          year: plan.year,
          itemIds: plan.itemIds,
          startOn: plan.startOn,
          endOn: plan.endOn,
          targetCategories: plan.targetCategories,
          targetCount: plan.targetCount,
          inspectorsPerTarget: plan.inspectorsPerTarget,
        },
      },
    });
    return { id: updated.id, state: updated.state, resultsState: updated.resultsState, version: updated.version };
  });
}

function drawProblemError(problem: DrawProblem, targetName: (id: number) => string): ValidationError {
  switch (problem.kind) {
    case "not_enough_targets":
      return new ValidationError(
        { targetCount: [messages.inspections.rules.notEnoughTargets(problem.available, problem.requested)] },
        messages.inspections.rules.notEnoughTargetsTitle,
      );
    case "not_enough_inspectors":
      return new ValidationError(
        { inspectorsPerTarget: [messages.inspections.rules.notEnoughInspectors(problem.available, problem.required)] },
        messages.inspections.rules.notEnoughInspectorsTitle,
      );
    case "not_enough_inspectors_for_target":
      return new ValidationError(
        { inspectorsPerTarget: [messages.inspections.rules.notEnoughInspectorsForTarget(targetName(problem.targetId), problem.eligible, problem.required)] },
        messages.inspections.rules.notEnoughInspectorsTitle,
      );
    default:
      return new ValidationError({ _: [messages.inspections.rules.drawInvalid] });
  }
}

export type DrawSummary = {
  inspectionId: number;
  algorithm: string;
  seed: string;
  targetListVersion: number;
  targetListHash: string;
  inspectorListVersion: number;
  inspectorListHash: string;
  inputHash: string;
  drawnAt: string;
  assignments: { position: number; targetId: number; targetName: string; inspectors: { id: number; name: string }[] }[];
};

/**
 * Takes the random draw of a draft task, once: reads both lists at their current versions (under
 * their locks, so no change slips in between), runs the pure draw with a fresh random seed and
 * records everything needed to re-run it. `options.seed` is for tests and the demo data only.
 */
export async function drawInspection(
  actor: ActingUser,
  inspectionId: number,
  request: unknown = {},
  options: { seed?: string; now?: Date } = {},
): Promise<DrawSummary> {
  assertPermitted(actor, "inspection.draw");
  const { version } = parseInput(drawRequestSchema, request ?? {});
  const now = options.now ?? currentTime();
  return db.$transaction(async (tx) => {
    const inspection = await lockInspectionForWrite(tx, inspectionId, version, actor);
    if (!worksOnInspection(actor, inspection)) throw new ForbiddenError(messages.inspections.rules.drawOwnSection);
    if (inspection.draw) throw new ConflictError(messages.inspections.rules.alreadyDrawn, "already_drawn");
    if (inspection.state !== "draft") throw new ConflictError(messages.inspections.rules.drawDraftOnly, "invalid_state");
    await lockInspectionList(tx, "targets");
    await lockInspectionList(tx, "inspectors");
    const targetVersion = await currentListVersion(tx, "targets", actor.id);
    const inspectorVersion = await currentListVersion(tx, "inspectors", actor.id);
    const targets = await loadDrawTargets(tx);
    const { inspectors, conflicts } = await loadDrawInspectors(tx);
    const input: DrawInput = {
      algorithm: drawAlgorithm,
      seed: options.seed ?? randomBytes(32).toString("hex"),
      targetCategories: inspection.targetCategories,
      targetCount: inspection.targetCount,
      inspectorsPerTarget: inspection.inspectorsPerTarget,
      targets,
      inspectors,
      conflicts,
    };
    const outcome = runDraw(input);
    const targetsById = new Map(targets.map((target) => [target.id, target]));
    const inspectorsById = new Map(inspectors.map((inspector) => [inspector.id, inspector]));
    if (!outcome.ok) throw drawProblemError(outcome.problem, (id) => targetsById.get(id)?.name ?? String(id));

    const inputHash = hashDrawInput(input);
    const draw = await tx.inspectionDraw.create({
      data: {
        inspectionId,
        algorithm: input.algorithm,
        seed: input.seed,
        targetListVersion: targetVersion.version,
        targetListHash: targetVersion.hash,
        inspectorListVersion: inspectorVersion.version,
        inspectorListHash: inspectorVersion.hash,
        input: serializeDrawInput(input),
        inputHash,
        drawnById: actor.id,
        drawnAt: now,
      },
    });
    for (const [index, assignment] of outcome.assignments.entries()) {
      const target = targetsById.get(assignment.targetId)!;
      await tx.inspectionAssignment.create({
        data: {
          inspectionId,
          position: index + 1,
          targetId: target.id,
          targetName: target.name,
          targetCreditCode: target.creditCode,
          targetAddress: target.address,
          inspectors: {
            create: assignment.inspectorIds.map((inspectorId, position) => {
              const inspector = inspectorsById.get(inspectorId)!;
              return { inspectorId, position: position + 1, inspectorName: inspector.name, certificateNumber: inspector.certificateNumber };
            }),
          },
        },
      });
    }
    await tx.inspection.update({ where: { id: inspectionId }, data: { version: { increment: 1 }, lastEditorId: actor.id } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "inspection.draw",
      entityType: "Inspection",
      entityId: inspectionId,
      details: {
        algorithm: input.algorithm,
        seed: input.seed,
        inputHash,
        targetListVersion: targetVersion.version,
        targetListHash: targetVersion.hash,
        inspectorListVersion: inspectorVersion.version,
        inspectorListHash: inspectorVersion.hash,
        targetIds: outcome.assignments.map((assignment) => assignment.targetId),
      },
    });
    return {
      inspectionId,
      algorithm: input.algorithm,
      seed: input.seed,
      targetListVersion: targetVersion.version,
      targetListHash: targetVersion.hash,
      inspectorListVersion: inspectorVersion.version,
      inspectorListHash: inspectorVersion.hash,
      inputHash,
      drawnAt: draw.drawnAt.toISOString(),
      assignments: outcome.assignments.map((assignment, index) => ({
        position: index + 1,
        targetId: assignment.targetId,
        targetName: targetsById.get(assignment.targetId)!.name,
        inspectors: assignment.inspectorIds.map((id) => ({ id, name: inspectorsById.get(id)!.name })),
      })),
    };
  });
}

/** Saves results per drawn target (partial saves allowed); the results must still be a draft. */
export async function recordInspectionResults(actor: ActingUser, inspectionId: number, input: unknown, now = currentTime()): Promise<InspectionWriteResult> {
  assertPermitted(actor, "inspection.record_results");
  const { version, results } = parseInput(resultsInputSchema, input);
  return db.$transaction(async (tx) => {
    const inspection = await lockInspectionForWrite(tx, inspectionId, version, actor);
    if (!worksOnInspection(actor, inspection)) throw new ForbiddenError(messages.inspections.rules.resultsOwnSection);
    if (inspection.state !== "published") throw new ConflictError(messages.inspections.rules.resultsAfterPublication, "invalid_state");
    if (inspection.resultsState !== "draft") throw new ConflictError(messages.inspections.rules.resultsLocked, "invalid_state");
    const assignments = new Map((await tx.inspectionAssignment.findMany({ where: { inspectionId } })).map((assignment) => [assignment.id, assignment]));
    const startOn = dateColumnToIsoDate(inspection.startOn);
    const today = todayInBeijing(now);
    const problems: FieldErrors = {};
    results.forEach((entry, index) => {
      const add = (field: string, message: string) => (problems[`results.${index}.${field}`] ??= []).push(message);
      if (!assignments.has(entry.assignmentId)) add("assignmentId", messages.inspections.rules.targetNotInTask);
      if (entry.inspectedOn && entry.inspectedOn < startOn) add("inspectedOn", messages.inspections.rules.inspectedBeforeStart(startOn));
      if (entry.inspectedOn && entry.inspectedOn > today) add("inspectedOn", messages.inspections.rules.inspectedInFuture);
      if (entry.outcome === "other" && !entry.note) add("note", messages.inspections.rules.otherNeedsNote);
    });
    if (Object.keys(problems).length) throw new ValidationError(problems);
    for (const entry of results) {
      await tx.inspectionAssignment.update({
        where: { id: entry.assignmentId },
        data: { outcome: entry.outcome, inspectedOn: isoDateToDateColumn(entry.inspectedOn), resultNote: entry.note },
      });
    }
    const updated = await tx.inspection.update({ where: { id: inspectionId }, data: { version: { increment: 1 }, resultsEditorId: actor.id } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "inspection.results.record",
      entityType: "Inspection",
      entityId: inspectionId,
      details: {
        results: results.map((entry) => ({
          assignmentId: entry.assignmentId,
          targetName: assignments.get(entry.assignmentId)!.targetName,
          outcome: entry.outcome,
          inspectedOn: entry.inspectedOn,
          note: entry.note,
        })),
      },
    });
    return { id: updated.id, state: updated.state, resultsState: updated.resultsState, version: updated.version };
  });
}
