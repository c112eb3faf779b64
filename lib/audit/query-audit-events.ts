import "server-only";
import { z } from "zod";
import { reachesEveryAgency } from "@/lib/agency/agency-scope";
import { needsAgencyFilter } from "@/lib/agency/public-agency";
import { applicantAuditCommentFilter } from "@/lib/applications/audit-visibility";
import { recordAuditEvent } from "@/lib/audit/record";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { db, type Prisma } from "@/lib/db";
import { addCalendarDays, isIsoDate, type IsoDate } from "@/lib/deadlines/iso-date";
import { messages } from "@/lib/i18n";
import { formatCsv } from "@/lib/spreadsheets/csv";
import { parseInput } from "@/lib/validation";

export const auditPageSize = 50;
/** A year, leap day included: the longest range one export may cover. */
export const maximumExportDays = 366;

const beijingOffsetMilliseconds = 8 * 60 * 60 * 1000;
const millisecondsPerDay = 24 * 60 * 60 * 1000;

function emptyToUndefined(value: unknown): unknown {
  return typeof value === "string" && value.trim() === "" ? undefined : value;
}

const auditDaySchema = z
  .string({ error: messages.administration.audit.dateRequired })
  .trim()
  .refine(isIsoDate, { error: messages.administration.audit.dateInvalid });

const optionalAuditDaySchema = z.preprocess(emptyToUndefined, auditDaySchema.optional());
const optionalFilterSchema = z.preprocess(emptyToUndefined, z.string().trim().max(60, { error: messages.administration.audit.filterTooLong }).optional());

function inclusiveDayCount(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / millisecondsPerDay) + 1;
}

function refineRange(range: { from?: IsoDate; to?: IsoDate }, context: z.RefinementCtx, limitDays: number | null) {
  if (!range.from || !range.to) return;
  if (range.from > range.to) {
    context.addIssue({ code: "custom", path: ["to"], message: messages.administration.audit.toBeforeFrom });
  } else if (limitDays !== null && inclusiveDayCount(range.from, range.to) > limitDays) {
    context.addIssue({ code: "custom", path: ["to"], message: messages.administration.audit.rangeTooLong(limitDays) });
  }
}

export const auditEventFilterSchema = z
  .object({
    from: optionalAuditDaySchema,
    to: optionalAuditDaySchema,
    entityType: optionalFilterSchema,
    action: optionalFilterSchema,
    // A hand-edited page number is not worth an error message: it falls back to the first page.
    page: z.coerce.number().int().min(1).max(1_000_000).catch(1).default(1),
  })
  .superRefine((range, context) => refineRange(range, context, null));

export const auditExportRangeSchema = z
  .object({
    from: z.preprocess(emptyToUndefined, z.string({ error: messages.administration.audit.fromRequired }).pipe(auditDaySchema)),
    to: z.preprocess(emptyToUndefined, z.string({ error: messages.administration.audit.toRequired }).pipe(auditDaySchema)),
  })
  .superRefine((range, context) => refineRange(range, context, maximumExportDays));

export type AuditEventFilter = z.input<typeof auditEventFilterSchema>;

export type AuditEventRow = {
  id: string;
  occurredAt: Date;
  actorName: string | null;
  actorUsername: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  fromState: string | null;
  toState: string | null;
  comment: string | null;
  details: Prisma.JsonValue | null;
};

/** Midnight at the start of a Beijing calendar day, as an instant. */
function startOfBeijingDay(day: IsoDate): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - beijingOffsetMilliseconds);
}

/** `from` and `to` are Beijing calendar days, `to` included. */
function occurredWithin(from: IsoDate | undefined, to: IsoDate | undefined): Prisma.DateTimeFilter | undefined {
  if (!from && !to) return undefined;
  return {
    ...(from ? { gte: startOfBeijingDay(from) } : {}),
    ...(to ? { lt: startOfBeijingDay(addCalendarDays(to, 1)) } : {}),
  };
}

const rowInclude = { actor: { select: { displayName: true, username: true } } } satisfies Prisma.AuditEventInclude;

function toRow(event: Prisma.AuditEventGetPayload<{ include: typeof rowInclude }>): AuditEventRow {
  return {
    id: String(event.id),
    occurredAt: event.occurredAt,
    actorName: event.actor?.displayName ?? null,
    actorUsername: event.actor?.username ?? null,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    fromState: event.fromState,
    toState: event.toState,
    comment: event.comment,
    details: event.details,
  };
}

/**
 * The events an actor reaches (集约化): those whose actor belongs to a section of the actor's
 * agency, or every event (system ones and the public's included) for a platform role. While no other
 * agency keeps sections (a platform of one agency, as every installation before 集约化), every event
 * is the agency's own: its users keep seeing the system's and the public's events as before.
 */
async function auditEventsInScope(actor: Pick<ActingUser, "role" | "agencyId">): Promise<Prisma.AuditEventWhereInput> {
  if (reachesEveryAgency(actor) || !(await needsAgencyFilter(actor.agencyId))) return {};
  return { actor: { section: { agencyId: actor.agencyId } } };
}

export async function listAuditEvents(
  actor: ActingUser,
  filter: AuditEventFilter,
): Promise<{ events: AuditEventRow[]; total: number; page: number; pageSize: number }> {
  assertPermitted(actor, "audit.read");
  const query = parseInput(auditEventFilterSchema, filter);
  const where: Prisma.AuditEventWhereInput = {
    ...(await auditEventsInScope(actor)),
    occurredAt: occurredWithin(query.from, query.to),
    entityType: query.entityType,
    action: query.action,
  };
  const [total, events] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      include: rowInclude,
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * auditPageSize,
      take: auditPageSize,
    }),
  ]);
  const visible = await applicantAuditCommentFilter(actor);
  return { events: events.map(toRow).map(visible), total, page: query.page, pageSize: auditPageSize };
}

/** The entity types and actions that occur in the log, for the filter form's choices. */
export async function listAuditFilterOptions(actor: ActingUser): Promise<{ entityTypes: string[]; actions: string[] }> {
  assertPermitted(actor, "audit.read");
  const scope = await auditEventsInScope(actor);
  const [entityTypes, actions] = await Promise.all([
    db.auditEvent.findMany({ where: scope, distinct: ["entityType"], select: { entityType: true }, orderBy: { entityType: "asc" } }),
    db.auditEvent.findMany({ where: scope, distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
  ]);
  return { entityTypes: entityTypes.map((row) => row.entityType), actions: actions.map((row) => row.action) };
}

// Each domain names its own audit actions and object types; the log shows them all.
const actionLabels: Record<string, string | undefined> = {
  ...messages.auditLog.actionLabels,
  ...messages.proposals.audit.actionLabels,
  ...messages.applications.audit.actionLabels,
  ...messages.inspections.auditActionLabels,
  ...messages.registers.auditActionLabels,
  ...messages.reports.auditActionLabels,
};
const entityTypeLabels: Record<string, string | undefined> = {
  ...messages.auditLog.entityTypeLabels,
  ...messages.proposals.audit.entityTypeLabels,
  ...messages.applications.audit.entityTypeLabels,
  ...messages.inspections.auditEntityTypeLabels,
  ...messages.registers.entityTypeLabels,
  ...messages.reports.auditEntityTypeLabels,
};
const stateLabels: Record<string, string | undefined> = messages.itemStates;

export function describeAuditAction(action: string): string {
  return actionLabels[action] ?? action;
}

export function describeAuditEntityType(entityType: string): string {
  return entityTypeLabels[entityType] ?? entityType;
}

export function describeAuditState(state: string | null): string {
  return state ? (stateLabels[state] ?? state) : "";
}

export function describeAuditActor(event: Pick<AuditEventRow, "actorName" | "actorUsername">): string {
  return event.actorUsername ? `${event.actorName}（${event.actorUsername}）` : messages.auditLog.systemActor;
}

/** "2026-11-27 01:00:00": Beijing time (UTC+8 all year, no daylight saving). */
export function formatBeijingTimestamp(instant: Date): string {
  return new Date(instant.getTime() + beijingOffsetMilliseconds).toISOString().slice(0, 19).replace("T", " ");
}

/**
 * The audit log of a date range as CSV text for Excel: UTF-8 with a byte-order mark (without it
 * Excel reads the file as the local ANSI code page and garbles Chinese), CRLF line ends, oldest first.
 * The export itself is recorded in the log.
 */
export async function exportAuditEventsCsv(actor: ActingUser, range: { from?: unknown; to?: unknown }): Promise<string> {
  assertPermitted(actor, "audit.export");
  const { from, to } = parseInput(auditExportRangeSchema, range);
  const events = await db.auditEvent.findMany({
    where: { ...(await auditEventsInScope(actor)), occurredAt: occurredWithin(from, to) },
    include: rowInclude,
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
  });
  const columns = messages.auditLog.csvColumns;
  const visible = await applicantAuditCommentFilter(actor);
  const rows = [
    [
      columns.occurredAt,
      columns.actor,
      columns.action,
      columns.entityType,
      columns.entityId,
      columns.fromState,
      columns.toState,
      columns.comment,
      columns.details,
    ],
    ...events
      .map(toRow)
      .map(visible)
      .map((event) => [
        formatBeijingTimestamp(event.occurredAt),
        describeAuditActor(event),
        describeAuditAction(event.action),
        describeAuditEntityType(event.entityType),
        event.entityId ?? "",
        describeAuditState(event.fromState),
        describeAuditState(event.toState),
        event.comment ?? "",
        event.details == null ? "" : JSON.stringify(event.details),
      ]),
  ];
  await db.$transaction(async (tx) => {
    await recordAuditEvent(tx, { actorId: actor.id, action: "audit.export", entityType: "AuditEvent", details: { from, to, rowCount: events.length } });
  });
  // A comment such as "=HYPERLINK(…)" typed by any staff member is shown, not run, when a leader
  // opens the file: formatCsv neutralises cells that would start a formula.
  return formatCsv(rows);
}
