import "server-only";
import { sectionsInScope } from "@/lib/agency/agency-scope";
import { recordAuditEvent } from "@/lib/audit/record";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { db, type DatabaseTransaction } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { activeSchema, inspectionItemInputSchema } from "@/lib/inspections/schemas";
import { parseInput } from "@/lib/validation";

/** 抽查事项清单: each item is an inspection under a 行政检查 entry of the power list (权责清单). */

export type InspectionItemRow = {
  id: number;
  name: string;
  targetScope: string;
  method: string;
  active: boolean;
  power: { id: number; code: string; name: string };
  taskCount: number;
};

export async function listInspectionItems(actor: ActingUser, options: { activeOnly?: boolean } = {}): Promise<InspectionItemRow[]> {
  assertPermitted(actor, "inspection.read_console");
  const rows = await db.inspectionItem.findMany({
    // An item belongs to the agency that keeps its 行政检查 power (集约化).
    where: { power: { ownerSection: sectionsInScope(actor) }, ...(options.activeOnly ? { active: true } : {}) },
    orderBy: [{ powerId: "asc" }, { id: "asc" }],
    include: { power: true, _count: { select: { inspections: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    targetScope: row.targetScope,
    method: row.method,
    active: row.active,
    power: { id: row.power.id, code: row.power.code, name: row.power.name },
    taskCount: row._count.inspections,
  }));
}

/** The 行政检查 entries of the power list an item may be linked to. */
export async function listInspectionPowers(actor: ActingUser): Promise<{ id: number; code: string; name: string; status: string }[]> {
  assertPermitted(actor, "inspection.read_console");
  const powers = await db.power.findMany({ where: { type: "inspection", ownerSection: sectionsInScope(actor) }, orderBy: { code: "asc" } });
  return powers.map((power) => ({ id: power.id, code: power.code, name: power.name, status: power.status }));
}

async function assertInspectionPower(tx: DatabaseTransaction, actor: ActingUser, powerId: number) {
  // Another agency's power counts as missing (集约化).
  const power = await tx.power.findFirst({ where: { id: powerId, ownerSection: { agencyId: actor.agencyId } } });
  if (!power) throw new ValidationError({ powerId: [messages.inspections.rules.powerMissing] });
  if (power.type !== "inspection") throw new ValidationError({ powerId: [messages.inspections.rules.powerNotInspection] });
  if (power.status === "cancelled") throw new ValidationError({ powerId: [messages.inspections.rules.powerCancelled] });
  return power;
}

export async function createInspectionItem(actor: ActingUser, input: unknown): Promise<{ id: number }> {
  assertPermitted(actor, "inspection.manage_lists");
  const data = parseInput(inspectionItemInputSchema, input);
  return db.$transaction(async (tx) => {
    const power = await assertInspectionPower(tx, actor, data.powerId);
    const item = await tx.inspectionItem.create({ data });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "inspection_item.create",
      entityType: "InspectionItem",
      entityId: item.id,
      details: { ...data, powerCode: power.code },
    });
    return { id: item.id };
  });
}

export async function updateInspectionItem(actor: ActingUser, itemId: number, input: unknown): Promise<{ id: number }> {
  assertPermitted(actor, "inspection.manage_lists");
  const data = parseInput(inspectionItemInputSchema, input);
  return db.$transaction(async (tx) => {
    const before = await tx.inspectionItem.findFirst({ where: { id: itemId, power: { ownerSection: sectionsInScope(actor) } } });
    if (!before) throw new NotFoundError(messages.common.notFound.inspectionItem);
    if (before.powerId !== data.powerId) await assertInspectionPower(tx, actor, data.powerId);
    await tx.inspectionItem.update({ where: { id: itemId }, data });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "inspection_item.update",
      entityType: "InspectionItem",
      entityId: itemId,
      details: { before: { powerId: before.powerId, name: before.name, targetScope: before.targetScope, method: before.method }, after: { ...data } },
    });
    return { id: itemId };
  });
}

export async function setInspectionItemActive(actor: ActingUser, itemId: number, input: unknown): Promise<{ id: number }> {
  assertPermitted(actor, "inspection.manage_lists");
  const { active } = parseInput(activeSchema, input);
  return db.$transaction(async (tx) => {
    const item = await tx.inspectionItem.findFirst({ where: { id: itemId, power: { ownerSection: sectionsInScope(actor) } } });
    if (!item) throw new NotFoundError(messages.common.notFound.inspectionItem);
    await tx.inspectionItem.update({ where: { id: itemId }, data: { active } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: active ? "inspection_item.activate" : "inspection_item.deactivate",
      entityType: "InspectionItem",
      entityId: itemId,
      details: { name: item.name },
    });
    return { id: itemId };
  });
}
