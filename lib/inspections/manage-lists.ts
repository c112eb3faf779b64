import "server-only";
import { sectionsInScope } from "@/lib/agency/agency-scope";
import { recordAuditEvent } from "@/lib/audit/record";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { db, type DatabaseTransaction, type Prisma } from "@/lib/db";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import type { InspectionList } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import {
  buildTemplateDownload,
  defineImportTemplate,
  readImport,
  schemaCell,
  templateHeaders,
  type ImportFile,
  type SpreadsheetDownload,
  type TemplateFormat,
} from "@/lib/imports";
import { latestListVersion, lockInspectionList, recordListChange, type ListVersion } from "@/lib/inspections/list-versions";
import { activeSchema, conflictInputSchema, creditCodeSchema, inspectorInputSchema, targetInputSchema } from "@/lib/inspections/schemas";
import { parseInput } from "@/lib/validation";

/**
 * 检查对象名录库 and 执法检查人员名录库: every change is audited and recorded as a new list version
 * (lib/inspections/list-versions.ts). Rows are never deleted — a draw may refer to them — only
 * marked inactive, which takes them out of later draws.
 */

const t = messages.imports.inspections.targets;
const i = messages.imports.inspections.inspectors;
const m = messages.inspections.listManagement;

/** The 检查对象名录 import: its columns, checked by the same field schemas as the console form. */
export const targetImportTemplate = defineImportTemplate({
  fileName: t.fileName,
  sheetName: t.sheetName,
  maxRows: 10_000,
  columns: {
    name: { header: t.columns.name, required: true, width: 36, parse: schemaCell(targetInputSchema.shape.name) },
    creditCode: {
      header: t.columns.creditCode,
      required: true,
      width: 24,
      longCode: true,
      unique: true,
      note: t.notes.creditCode,
      parse: schemaCell(creditCodeSchema),
    },
    address: { header: t.columns.address, required: true, width: 40, parse: schemaCell(targetInputSchema.shape.address) },
    category: { header: t.columns.category, required: true, width: 20, note: t.notes.category, parse: schemaCell(targetInputSchema.shape.category) },
  },
});

/** The 执法检查人员名录 import; the 科室 column holds a section's name. */
export const inspectorImportTemplate = defineImportTemplate({
  fileName: i.fileName,
  sheetName: i.sheetName,
  maxRows: 10_000,
  columns: {
    name: { header: i.columns.name, required: true, width: 16, parse: schemaCell(inspectorInputSchema.shape.name) },
    certificateNumber: {
      header: i.columns.certificateNumber,
      required: true,
      width: 24,
      longCode: true,
      unique: true,
      parse: schemaCell(inspectorInputSchema.shape.certificateNumber),
    },
    section: { header: i.columns.section, required: true, width: 24, note: i.notes.section },
  },
});

/** The Chinese column names of the templates, in order (the import forms list them). */
export const targetColumns = templateHeaders(targetImportTemplate);
export const inspectorColumns = templateHeaders(inspectorImportTemplate);

async function changeList<Result>(
  actor: ActingUser,
  list: InspectionList,
  work: (tx: DatabaseTransaction) => Promise<{ result: Result; action: string; summary: string; audit: Parameters<typeof recordAuditEvent>[1] }>,
): Promise<Result & { listVersion: number }> {
  return db.$transaction(async (tx) => {
    await lockInspectionList(tx, list);
    const { result, action, summary, audit } = await work(tx);
    const version = await recordListChange(tx, list, { actorId: actor.id, action, summary });
    await recordAuditEvent(tx, { ...audit, details: { ...(audit.details as object), listVersion: version.version, listHash: version.hash } });
    return { ...result, listVersion: version.version };
  });
}

// ─── Targets ────────────────────────────────────────────────────────────────────────────────

export type TargetRow = { id: number; name: string; creditCode: string | null; address: string; category: string; active: boolean; conflictCount: number };

export type TargetListFilter = { q?: string; category?: string; status?: "active" | "inactive" | "all"; page?: number; pageSize?: number };

export async function listTargets(actor: ActingUser, filter: TargetListFilter = {}) {
  assertPermitted(actor, "inspection.read_console");
  const page = Math.max(1, Math.floor(filter.page ?? 1));
  const pageSize = Math.min(200, Math.max(1, Math.floor(filter.pageSize ?? 50)));
  const where: Prisma.InspectionTargetWhereInput = {};
  const q = filter.q?.trim();
  if (q) where.OR = [{ name: { contains: q, mode: "insensitive" } }, { creditCode: { contains: q.toUpperCase() } }, { address: { contains: q } }];
  if (filter.category) where.category = filter.category;
  if ((filter.status ?? "active") !== "all") where.active = (filter.status ?? "active") === "active";
  const [total, rows, categories, version] = await Promise.all([
    db.inspectionTarget.count({ where }),
    db.inspectionTarget.findMany({
      where,
      orderBy: { id: "asc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      include: { _count: { select: { conflicts: true } } },
    }),
    listTargetCategories(),
    latestListVersion(db, "targets"),
  ]);
  return {
    total,
    page,
    pageSize,
    categories,
    version,
    items: rows.map((row): TargetRow => ({
      id: row.id,
      name: row.name,
      creditCode: row.creditCode,
      address: row.address,
      category: row.category,
      active: row.active,
      conflictCount: row._count.conflicts,
    })),
  };
}

/** The categories in use, for filters and the plan form. */
export async function listTargetCategories(): Promise<{ category: string; active: number }[]> {
  const groups = await db.inspectionTarget.groupBy({ by: ["category"], where: { active: true }, _count: { _all: true }, orderBy: { category: "asc" } });
  return groups.map((group) => ({ category: group.category, active: group._count._all }));
}

export async function findTarget(actor: ActingUser, targetId: number) {
  assertPermitted(actor, "inspection.read_console");
  const target = await db.inspectionTarget.findUnique({
    where: { id: targetId },
    // The list of targets is shared by the platform; the conflicts shown are those of the actor's agency's inspectors (集约化).
    include: { conflicts: { where: { inspector: { section: sectionsInScope(actor) } }, include: { inspector: true }, orderBy: { inspectorId: "asc" } } },
  });
  if (!target) throw new NotFoundError(m.targetMissing);
  return {
    id: target.id,
    name: target.name,
    creditCode: target.creditCode,
    address: target.address,
    category: target.category,
    active: target.active,
    conflicts: target.conflicts.map((conflict) => ({
      id: conflict.id,
      inspectorId: conflict.inspectorId,
      inspectorName: conflict.inspector.name,
      certificateNumber: conflict.inspector.certificateNumber,
      reason: conflict.reason,
    })),
  };
}

async function assertCreditCodeFree(tx: DatabaseTransaction, creditCode: string | null, exceptId?: number): Promise<void> {
  if (!creditCode) return;
  const clash = await tx.inspectionTarget.findFirst({ where: { creditCode, ...(exceptId ? { id: { not: exceptId } } : {}) } });
  if (clash) throw new ValidationError({ creditCode: [t.creditCodeExists(clash.name)] });
}

export async function createTarget(actor: ActingUser, input: unknown) {
  assertPermitted(actor, "inspection.manage_lists");
  const data = parseInput(targetInputSchema, input);
  return changeList(actor, "targets", async (tx) => {
    await assertCreditCodeFree(tx, data.creditCode);
    const target = await tx.inspectionTarget.create({ data });
    return {
      result: { id: target.id },
      action: "target.create",
      summary: m.summaries.targetCreated(target.name),
      audit: { actorId: actor.id, action: "inspection_target.create", entityType: "InspectionTarget", entityId: target.id, details: { ...data } },
    };
  });
}

export async function updateTarget(actor: ActingUser, targetId: number, input: unknown) {
  assertPermitted(actor, "inspection.manage_lists");
  const data = parseInput(targetInputSchema, input);
  return changeList(actor, "targets", async (tx) => {
    const before = await tx.inspectionTarget.findUnique({ where: { id: targetId } });
    if (!before) throw new NotFoundError(m.targetMissing);
    await assertCreditCodeFree(tx, data.creditCode, targetId);
    await tx.inspectionTarget.update({ where: { id: targetId }, data });
    return {
      result: { id: targetId },
      action: "target.update",
      summary: m.summaries.targetUpdated(data.name),
      audit: {
        actorId: actor.id,
        action: "inspection_target.update",
        entityType: "InspectionTarget",
        entityId: targetId,
        details: { before: { name: before.name, creditCode: before.creditCode, address: before.address, category: before.category }, after: { ...data } },
      },
    };
  });
}

export async function setTargetActive(actor: ActingUser, targetId: number, input: unknown) {
  assertPermitted(actor, "inspection.manage_lists");
  const { active } = parseInput(activeSchema, input);
  return changeList(actor, "targets", async (tx) => {
    const target = await tx.inspectionTarget.findUnique({ where: { id: targetId } });
    if (!target) throw new NotFoundError(m.targetMissing);
    if (target.active === active) throw new ConflictError(active ? m.targetAlreadyActive : m.targetAlreadyInactive);
    await tx.inspectionTarget.update({ where: { id: targetId }, data: { active } });
    return {
      result: { id: targetId },
      action: active ? "target.activate" : "target.deactivate",
      summary: (active ? m.summaries.targetActivated : m.summaries.targetDeactivated)(target.name),
      audit: {
        actorId: actor.id,
        action: active ? "inspection_target.activate" : "inspection_target.deactivate",
        entityType: "InspectionTarget",
        entityId: targetId,
        details: { name: target.name },
      },
    };
  });
}

/**
 * Imports targets from a spreadsheet (.xlsx or .csv, the template's columns): the whole file is
 * checked first (every cell, duplicates in the file and against the list, under the list's lock);
 * any problem refuses the whole file.
 */
export async function importTargets(actor: ActingUser, file: ImportFile) {
  assertPermitted(actor, "inspection.manage_lists");
  const sheet = await readImport(targetImportTemplate, file);
  const rows = sheet.rows.map((row) => row.values);
  return changeList(actor, "targets", async (tx) => {
    const firstRowOf = new Map<string, number>();
    for (const { rowNumber, values } of sheet.rows) if (values.creditCode) firstRowOf.set(values.creditCode, rowNumber);
    if (firstRowOf.size) {
      const existing = await tx.inspectionTarget.findMany({ where: { creditCode: { in: [...firstRowOf.keys()] } }, select: { creditCode: true, name: true } });
      for (const clash of existing) sheet.problems.add(firstRowOf.get(clash.creditCode!)!, "creditCode", t.creditCodeExists(clash.name));
    }
    sheet.problems.rejectIfAny();
    await tx.inspectionTarget.createMany({ data: rows });
    return {
      result: { imported: rows.length },
      action: "target.import",
      summary: t.imported(rows.length),
      audit: { actorId: actor.id, action: "inspection_target.import", entityType: "InspectionTarget", details: { imported: rows.length } },
    };
  });
}

/** The empty target list template, .xlsx (default) or .csv. */
export function buildTargetTemplate(format: TemplateFormat = "xlsx"): Promise<SpreadsheetDownload> {
  return buildTemplateDownload(targetImportTemplate, format);
}

// ─── Inspectors ─────────────────────────────────────────────────────────────────────────────

export type InspectorRow = {
  id: number;
  name: string;
  certificateNumber: string;
  sectionId: number;
  sectionName: string;
  active: boolean;
  conflicts: { id: number; targetId: number; targetName: string; reason: string }[];
};

export async function listInspectors(actor: ActingUser, filter: { status?: "active" | "inactive" | "all" } = {}) {
  assertPermitted(actor, "inspection.read_console");
  const status = filter.status ?? "all";
  const [rows, version] = await Promise.all([
    db.inspector.findMany({
      // Only the actor's agency's inspectors (集约化), or every agency's for a platform role.
      where: { section: sectionsInScope(actor), ...(status === "all" ? {} : { active: status === "active" }) },
      orderBy: { id: "asc" },
      include: { section: true, conflicts: { include: { target: true }, orderBy: { targetId: "asc" } } },
    }),
    latestListVersion(db, "inspectors"),
  ]);
  return {
    version,
    items: rows.map((row): InspectorRow => ({
      id: row.id,
      name: row.name,
      certificateNumber: row.certificateNumber,
      sectionId: row.sectionId,
      sectionName: row.section.name,
      active: row.active,
      conflicts: row.conflicts.map((conflict) => ({ id: conflict.id, targetId: conflict.targetId, targetName: conflict.target.name, reason: conflict.reason })),
    })),
  };
}

async function assertInspectorReferences(
  tx: DatabaseTransaction,
  actor: ActingUser,
  data: { certificateNumber: string; sectionId: number },
  exceptId?: number,
): Promise<void> {
  const problems: Record<string, string[]> = {};
  // Another agency's section counts as missing (集约化).
  if (!(await tx.section.findFirst({ where: { id: data.sectionId, agencyId: actor.agencyId } }))) problems.sectionId = [m.sectionMissing];
  const clash = await tx.inspector.findFirst({ where: { certificateNumber: data.certificateNumber, ...(exceptId ? { id: { not: exceptId } } : {}) } });
  if (clash) problems.certificateNumber = [i.certificateExists(clash.name)];
  if (Object.keys(problems).length) throw new ValidationError(problems);
}

export async function createInspector(actor: ActingUser, input: unknown) {
  assertPermitted(actor, "inspection.manage_lists");
  const data = parseInput(inspectorInputSchema, input);
  return changeList(actor, "inspectors", async (tx) => {
    await assertInspectorReferences(tx, actor, data);
    const inspector = await tx.inspector.create({ data });
    return {
      result: { id: inspector.id },
      action: "inspector.create",
      summary: m.summaries.inspectorCreated(inspector.name),
      audit: { actorId: actor.id, action: "inspector.create", entityType: "Inspector", entityId: inspector.id, details: { ...data } },
    };
  });
}

export async function updateInspector(actor: ActingUser, inspectorId: number, input: unknown) {
  assertPermitted(actor, "inspection.manage_lists");
  const data = parseInput(inspectorInputSchema, input);
  return changeList(actor, "inspectors", async (tx) => {
    const before = await tx.inspector.findFirst({ where: { id: inspectorId, section: sectionsInScope(actor) } });
    if (!before) throw new NotFoundError(m.inspectorMissing);
    await assertInspectorReferences(tx, actor, data, inspectorId);
    await tx.inspector.update({ where: { id: inspectorId }, data });
    return {
      result: { id: inspectorId },
      action: "inspector.update",
      summary: m.summaries.inspectorUpdated(data.name),
      audit: {
        actorId: actor.id,
        action: "inspector.update",
        entityType: "Inspector",
        entityId: inspectorId,
        details: { before: { name: before.name, certificateNumber: before.certificateNumber, sectionId: before.sectionId }, after: { ...data } },
      },
    };
  });
}

export async function setInspectorActive(actor: ActingUser, inspectorId: number, input: unknown) {
  assertPermitted(actor, "inspection.manage_lists");
  const { active } = parseInput(activeSchema, input);
  return changeList(actor, "inspectors", async (tx) => {
    const inspector = await tx.inspector.findFirst({ where: { id: inspectorId, section: sectionsInScope(actor) } });
    if (!inspector) throw new NotFoundError(m.inspectorMissing);
    if (inspector.active === active) throw new ConflictError(active ? m.inspectorAlreadyActive : m.inspectorAlreadyInactive);
    await tx.inspector.update({ where: { id: inspectorId }, data: { active } });
    return {
      result: { id: inspectorId },
      action: active ? "inspector.activate" : "inspector.deactivate",
      summary: (active ? m.summaries.inspectorActivated : m.summaries.inspectorDeactivated)(inspector.name),
      audit: {
        actorId: actor.id,
        action: active ? "inspector.activate" : "inspector.deactivate",
        entityType: "Inspector",
        entityId: inspectorId,
        details: { name: inspector.name },
      },
    };
  });
}

/** Imports inspectors; the 科室 column holds a section name. All or nothing, like targets. */
export async function importInspectors(actor: ActingUser, file: ImportFile) {
  assertPermitted(actor, "inspection.manage_lists");
  // The 科室 column names a section of the actor's own agency (集约化).
  const sections = new Map(
    (await db.section.findMany({ where: { agencyId: actor.agencyId }, select: { id: true, name: true } })).map((section) => [section.name, section.id]),
  );
  const sheet = await readImport(inspectorImportTemplate, file, {
    row: (values, { report, complete }) => {
      const sectionName = values.section.replace(/\s+/g, "");
      const sectionId = sections.get(sectionName);
      if (!sectionName) report("section", i.sectionRequired);
      else if (sectionId === undefined) report("section", i.sectionUnknown(sectionName));
      const parsed = complete();
      return parsed && sectionId !== undefined ? { name: parsed.name, certificateNumber: parsed.certificateNumber, sectionId } : undefined;
    },
  });
  const rows = sheet.rows.map((row) => row.values);
  return changeList(actor, "inspectors", async (tx) => {
    const firstRowOf = new Map(sheet.rows.map(({ rowNumber, values }) => [values.certificateNumber, rowNumber]));
    const existing = await tx.inspector.findMany({
      where: { certificateNumber: { in: [...firstRowOf.keys()] } },
      select: { certificateNumber: true, name: true },
    });
    for (const clash of existing) sheet.problems.add(firstRowOf.get(clash.certificateNumber)!, "certificateNumber", i.certificateExists(clash.name));
    sheet.problems.rejectIfAny();
    await tx.inspector.createMany({ data: rows });
    return {
      result: { imported: rows.length },
      action: "inspector.import",
      summary: i.imported(rows.length),
      audit: { actorId: actor.id, action: "inspector.import", entityType: "Inspector", details: { imported: rows.length } },
    };
  });
}

/** The empty inspector list template, .xlsx (default) or .csv. */
export function buildInspectorTemplate(format: TemplateFormat = "xlsx"): Promise<SpreadsheetDownload> {
  return buildTemplateDownload(inspectorImportTemplate, format);
}

// ─── Conflicts of interest ──────────────────────────────────────────────────────────────────

/** Declares that an inspector must never be drawn for a target. Part of the inspector list. */
export async function addInspectorConflict(actor: ActingUser, input: unknown) {
  assertPermitted(actor, "inspection.manage_lists");
  const data = parseInput(conflictInputSchema, input);
  return changeList(actor, "inspectors", async (tx) => {
    const [inspector, target] = await Promise.all([
      tx.inspector.findFirst({ where: { id: data.inspectorId, section: { agencyId: actor.agencyId } } }),
      tx.inspectionTarget.findUnique({ where: { id: data.targetId } }),
    ]);
    const problems: Record<string, string[]> = {};
    if (!inspector) problems.inspectorId = [m.inspectorMissing];
    if (!target) problems.targetId = [m.conflictTargetMissing];
    if (Object.keys(problems).length) throw new ValidationError(problems);
    if (await tx.inspectorConflict.findUnique({ where: { inspectorId_targetId: { inspectorId: data.inspectorId, targetId: data.targetId } } })) {
      throw new ValidationError({ targetId: [m.conflictExists] });
    }
    const conflict = await tx.inspectorConflict.create({ data });
    return {
      result: { id: conflict.id },
      action: "conflict.add",
      summary: m.summaries.conflictAdded(inspector!.name, target!.name),
      audit: {
        actorId: actor.id,
        action: "inspector_conflict.add",
        entityType: "InspectorConflict",
        entityId: conflict.id,
        details: { inspector: inspector!.name, target: target!.name, reason: data.reason },
      },
    };
  });
}

export async function removeInspectorConflict(actor: ActingUser, conflictId: number) {
  assertPermitted(actor, "inspection.manage_lists");
  return changeList(actor, "inspectors", async (tx) => {
    const conflict = await tx.inspectorConflict.findFirst({
      where: { id: conflictId, inspector: { section: sectionsInScope(actor) } },
      include: { inspector: true, target: true },
    });
    if (!conflict) throw new NotFoundError(m.conflictMissing);
    await tx.inspectorConflict.delete({ where: { id: conflictId } });
    return {
      result: { id: conflictId },
      action: "conflict.remove",
      summary: m.summaries.conflictRemoved(conflict.inspector.name, conflict.target.name),
      audit: {
        actorId: actor.id,
        action: "inspector_conflict.remove",
        entityType: "InspectorConflict",
        entityId: conflictId,
        details: { inspector: conflict.inspector.name, target: conflict.target.name, reason: conflict.reason },
      },
    };
  });
}

/** The recent versions of a list, newest first. */
export async function listVersionHistory(actor: ActingUser, list: InspectionList, take = 20) {
  assertPermitted(actor, "inspection.read_console");
  const rows = await db.inspectionListChange.findMany({ where: { list }, orderBy: { version: "desc" }, take, include: { actor: true } });
  return rows.map((row) => ({
    version: row.version,
    hash: row.contentHash,
    action: row.action,
    summary: row.summary,
    actorName: row.actor?.displayName ?? null,
    createdAt: row.createdAt,
  }));
}

export type { ListVersion };
