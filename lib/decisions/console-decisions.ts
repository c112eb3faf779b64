import "server-only";
import { sectionsInScope } from "@/lib/agency/agency-scope";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-calendar";
import { beijingDayOf, dateColumnToIsoDate, isoDateToDateColumn, todayInBeijing } from "@/lib/dates";
import { db, type Prisma } from "@/lib/db";
import { isIsoDate } from "@/lib/deadlines/iso-date";
import { describeDeadline } from "@/lib/deadlines/working-days";
import type { DecisionFieldKey } from "@/lib/decisions/decision-fields";
import { decisionBatchActions, decisionReview } from "@/lib/decisions/decision-review";
import { decisionSubject, decisionValuesOf } from "@/lib/decisions/manage-decisions";
import { listPublicityRemovals, publicityRemovalAbilities, type PublicityRemovalEntry } from "@/lib/decisions/publicity-removal";
import { computeDecisionDisclosureDeadline, describeDisclosureStatus, isPublishedOnline } from "@/lib/decisions/publicity-rules";
import { NotFoundError } from "@/lib/errors";
import type { DecisionKind, ItemState } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { findRegisterHistory, type RegisterHistoryEntry } from "@/lib/powers/register-history";
import { canEditRegisterEntry, type RegisterAction } from "@/lib/powers/register-review";
import { availableActions } from "@/lib/workflow/engine";

export type ConsoleDecisionFilter = {
  kind?: DecisionKind;
  state?: ItemState;
  q?: string;
  year?: number;
  from?: string;
  to?: string;
  /** Not published and past the 7-working-day deadline. */
  overdue?: boolean;
  /** Published after the deadline. */
  late?: boolean;
  batchId?: number;
  page?: number;
  pageSize?: number;
};

/** The filter as a query; `today` decides what is overdue. */
export function consoleDecisionWhere(filter: ConsoleDecisionFilter, today = todayInBeijing()): Prisma.AdministrativeDecisionWhereInput {
  const and: Prisma.AdministrativeDecisionWhereInput[] = [];
  if (filter.kind) and.push({ kind: filter.kind });
  if (filter.state) and.push({ state: filter.state });
  if (filter.batchId) and.push({ importBatchId: filter.batchId });
  const query = filter.q?.trim();
  if (query) {
    and.push({
      OR: [
        { counterpartyName: { contains: query, mode: "insensitive" } },
        { documentNumber: { contains: query, mode: "insensitive" } },
        { creditCode: { contains: query.toUpperCase() } },
      ],
    });
  }
  if (filter.year) and.push({ decisionDate: { gte: isoDateToDateColumn(`${filter.year}-01-01`), lte: isoDateToDateColumn(`${filter.year}-12-31`) } });
  if (filter.from && isIsoDate(filter.from)) and.push({ decisionDate: { gte: isoDateToDateColumn(filter.from) } });
  if (filter.to && isIsoDate(filter.to)) and.push({ decisionDate: { lte: isoDateToDateColumn(filter.to) } });
  if (filter.overdue)
    and.push({
      publishedAt: null,
      state: { not: "withdrawn" },
      disclosureDueOn: { lt: isoDateToDateColumn(today) },
      // Never published online, so never late (适用简易程序的行政处罚信息不予公示).
      OR: [{ penaltyProcedure: null }, { penaltyProcedure: { not: "simple" } }],
    });
  if (filter.late) and.push({ publishedOnTime: false });
  return and.length ? { AND: and } : {};
}

export type ConsoleDecisionSummary = {
  id: number;
  kind: DecisionKind;
  documentNumber: string;
  counterpartyName: string;
  decisionDate: string;
  state: ItemState;
  due: string;
  overdue: boolean;
  late: boolean;
  publishedOnTime: boolean | null;
  publicUntil: string | null;
  expired: boolean;
  /** False for a simple-procedure penalty: kept in the register, never on the public list. */
  publishedOnline: boolean;
};

function summarise(decision: Prisma.AdministrativeDecisionGetPayload<object>, today: string): ConsoleDecisionSummary {
  const due = dateColumnToIsoDate(decision.disclosureDueOn);
  const status = describeDisclosureStatus(due, decision.publishedAt ? beijingDayOf(decision.publishedAt) : null, today);
  const publicUntil = dateColumnToIsoDate(decision.publicUntil);
  return {
    id: decision.id,
    kind: decision.kind,
    documentNumber: decision.documentNumber,
    counterpartyName: decision.counterpartyName,
    decisionDate: dateColumnToIsoDate(decision.decisionDate),
    state: decision.state,
    due,
    overdue: status.overdue && decision.state !== "withdrawn" && isPublishedOnline(decision),
    publishedOnline: isPublishedOnline(decision),
    late: decision.publishedOnTime === false,
    publishedOnTime: decision.publishedOnTime,
    publicUntil,
    expired: publicUntil !== null && publicUntil < today,
  };
}

export async function listConsoleDecisions(
  actor: ActingUser,
  filter: ConsoleDecisionFilter = {},
): Promise<{ items: ConsoleDecisionSummary[]; total: number; page: number; pageSize: number }> {
  assertPermitted(actor, "registers.read_console");
  const page = Math.max(1, filter.page ?? 1);
  const pageSize = Math.min(100, Math.max(1, filter.pageSize ?? 50));
  const today = todayInBeijing();
  // Only the actor's agency's decisions (集约化), or every agency's for a platform role.
  const where: Prisma.AdministrativeDecisionWhereInput = { AND: [consoleDecisionWhere(filter, today), { section: sectionsInScope(actor) }] };
  const [total, rows] = await Promise.all([
    db.administrativeDecision.count({ where }),
    db.administrativeDecision.findMany({ where, orderBy: [{ decisionDate: "desc" }, { id: "desc" }], skip: (page - 1) * pageSize, take: pageSize }),
  ]);
  return { total, page, pageSize, items: rows.map((row) => summarise(row, today)) };
}

export type ConsoleDecisionDetail = ConsoleDecisionSummary & {
  version: number;
  values: Record<DecisionFieldKey, string>;
  sectionName: string;
  authorName: string;
  batch: { id: number; fileName: string } | null;
  publishedAt: string | null;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
  dueExplanation: string;
  /** An approved 信用修复: the first day off the public list and why. */
  publicityRemovedOn: string | null;
  removalReason: string | null;
  removals: PublicityRemovalEntry[];
  canProposeRemoval: boolean;
  /** Open proposals this person may approve or reject. */
  decidableRemovals: number[];
  actions: RegisterAction[];
  canEdit: boolean;
  history: RegisterHistoryEntry[];
};

/** Everything about a decision, ID number included (console users only). */
export async function findConsoleDecision(actor: ActingUser, decisionId: number): Promise<ConsoleDecisionDetail> {
  assertPermitted(actor, "registers.read_console");
  const decision = await db.administrativeDecision.findFirst({
    where: { id: decisionId, section: sectionsInScope(actor) },
    include: { section: true, author: true, importBatch: true },
  });
  if (!decision) throw new NotFoundError(messages.registers.decisions.notFound);
  const calendar = await loadWorkingDayCalendar();
  const subject = decisionSubject(decision);
  const removals = await listPublicityRemovals(decision.id);
  const abilities = publicityRemovalAbilities(actor, decision, removals);
  return {
    ...summarise(decision, todayInBeijing()),
    version: decision.version,
    values: decisionValuesOf(decision),
    sectionName: decision.section.name,
    authorName: decision.author.displayName,
    batch: decision.importBatch ? { id: decision.importBatch.id, fileName: decision.importBatch.fileName } : null,
    publishedAt: decision.publishedAt?.toISOString() ?? null,
    withdrawnAt: decision.withdrawnAt?.toISOString() ?? null,
    withdrawalReason: decision.withdrawalReason,
    dueExplanation: describeDeadline(computeDecisionDisclosureDeadline(calendar, dateColumnToIsoDate(decision.decisionDate))),
    publicityRemovedOn: dateColumnToIsoDate(decision.publicityRemovedOn),
    removalReason: decision.removalReason,
    removals,
    canProposeRemoval: abilities.canPropose,
    decidableRemovals: abilities.decidable,
    actions: availableActions(decisionReview, actor, decision),
    canEdit: decision.state === "draft" && canEditRegisterEntry(actor, subject),
    history: await findRegisterHistory("AdministrativeDecision", decision.id),
  };
}

export type ImportBatchSummary = {
  id: number;
  kind: DecisionKind;
  fileName: string;
  rowCount: number;
  importedAt: string;
  importedBy: string;
  states: Partial<Record<ItemState, number>>;
};

export async function listImportBatches(actor: ActingUser, limit = 50): Promise<ImportBatchSummary[]> {
  assertPermitted(actor, "registers.read_console");
  // A batch belongs to the agency of the section of the person who imported it (集约化).
  const batches = await db.decisionImportBatch.findMany({
    where: { importedBy: { section: sectionsInScope(actor) } },
    orderBy: { id: "desc" },
    take: limit,
    include: { importedBy: true },
  });
  const counts = await db.administrativeDecision.groupBy({
    by: ["importBatchId", "state"],
    where: { importBatchId: { in: batches.map((batch) => batch.id) } },
    _count: { _all: true },
  });
  return batches.map((batch) => ({
    id: batch.id,
    kind: batch.kind,
    fileName: batch.fileName,
    rowCount: batch.rowCount,
    importedAt: batch.importedAt.toISOString(),
    importedBy: batch.importedBy.displayName,
    states: Object.fromEntries(counts.filter((count) => count.importBatchId === batch.id).map((count) => [count.state, count._count._all])),
  }));
}

export async function findImportBatch(actor: ActingUser, batchId: number): Promise<ImportBatchSummary & { actions: RegisterAction[] }> {
  assertPermitted(actor, "registers.read_console");
  const batch = await db.decisionImportBatch.findFirst({
    where: { id: batchId, importedBy: { section: sectionsInScope(actor) } },
    include: { importedBy: true },
  });
  if (!batch) throw new NotFoundError(messages.registers.decisions.notFound);
  const groups = await db.administrativeDecision.groupBy({
    by: ["state", "sectionId", "authorId", "lastEditorId"],
    where: { importBatchId: batchId },
    _count: { _all: true },
  });
  const actions = new Set<RegisterAction>();
  for (const group of groups) {
    for (const action of availableActions(decisionReview, actor, group)) {
      if ((decisionBatchActions as readonly RegisterAction[]).includes(action)) actions.add(action);
    }
  }
  const states: Partial<Record<ItemState, number>> = {};
  for (const group of groups) states[group.state] = (states[group.state] ?? 0) + group._count._all;
  return {
    id: batch.id,
    kind: batch.kind,
    fileName: batch.fileName,
    rowCount: batch.rowCount,
    importedAt: batch.importedAt.toISOString(),
    importedBy: batch.importedBy.displayName,
    states,
    actions: [...actions],
  };
}

/** Starting values of a new decision: the agency as deciding body and data source, its code as last used. */
export async function decisionFormDefaults(actor: ActingUser): Promise<Partial<Record<DecisionFieldKey, string>>> {
  assertPermitted(actor, "decision.edit");
  const [agency, latest] = await Promise.all([
    db.agency.findUnique({ where: { id: actor.agencyId }, select: { name: true } }),
    db.administrativeDecision.findFirst({
      where: { section: { agencyId: actor.agencyId } },
      orderBy: { id: "desc" },
      select: { authorityName: true, authorityCreditCode: true, dataSourceName: true, dataSourceCreditCode: true },
    }),
  ]);
  return {
    authorityName: latest?.authorityName ?? agency?.name ?? "",
    authorityCreditCode: latest?.authorityCreditCode ?? "",
    dataSourceName: latest?.dataSourceName ?? agency?.name ?? "",
    dataSourceCreditCode: latest?.dataSourceCreditCode ?? latest?.authorityCreditCode ?? "",
    decisionDate: todayInBeijing(),
  };
}
