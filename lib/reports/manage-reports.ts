import "server-only";
import { z } from "zod";
import { findDefaultAgency } from "@/lib/agency/agencies";
import { reachesEveryAgency } from "@/lib/agency/agency-scope";
import { recordAuditEvent } from "@/lib/audit/record";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { currentTime } from "@/lib/clock";
import { htmlToPlainText, sanitizeItemBody } from "@/lib/content/sanitize-html";
import { db, Prisma, type DatabaseTransaction } from "@/lib/db";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import type { ItemState } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { allocateIndexNumber } from "@/lib/items/index-number";
import { assertSectionInAgencyScope } from "@/lib/powers/agency-guard";
import { bumpPublicContentVersion } from "@/lib/public-content/content-version";
import { checkReport, computeReportFigures, type ReportFigures } from "@/lib/reports/compute-report";
import { draftOtherMatters, draftOverview } from "@/lib/reports/draft-texts";
import type { ReportFigureSources, ReportScope } from "@/lib/reports/figure-sources";
import { countItemsPublishedInYear } from "@/lib/reports/item-figures";
import { liveFigureSources } from "@/lib/reports/live-figure-sources";
import { renderReportHtml, reportPublicationDate, type ReportSnapshot } from "@/lib/reports/report-document";
import type { ReportChecks } from "@/lib/reports/report-tables";
import { parseInput } from "@/lib/validation";

export type ReportEdition = {
  id: number;
  year: number;
  edition: number;
  state: ItemState;
  version: number;
  texts: { overview: string; problems: string; otherMatters: string };
  correctionNotice: string | null;
  itemId: number | null;
  publishedAt: Date | null;
  authorId: number;
  sectionId: number;
};

export type ReportWorkspace = {
  year: number;
  edition: ReportEdition | null;
  published: ReportEdition[];
  figures: ReportFigures;
  checks: ReportChecks;
  /** The reporting agency's name (the report's title and preview). */
  agencyName: string;
  /** The figures entered by hand for the year (tables 2 and 4), or null where none were. */
  manualFigures: { table2: Record<string, unknown> | null; table4: number[] | null };
  /** Whether hand-entered figures may be saved for the year (see `manualFiguresRefusal`). */
  manualFiguresAllowed: boolean;
};

/**
 * Whether the product holds data of the year: items published, licensing / penalty / coercion
 * decisions, applications received or carried in, appeals. Such a year's tables come from that data.
 */
export async function yearHasLiveData(year: number, scope: ReportScope, sources: ReportFigureSources = liveFigureSources): Promise<boolean> {
  const [items, decisions, applications, appeals] = await Promise.all([
    countItemsPublishedInYear(year, scope),
    sources.decisions(year, scope),
    sources.applications(year, scope),
    sources.appeals(year, scope),
  ]);
  const rows = applications.table3.rows;
  return (
    items.published > 0 ||
    decisions.licensing + decisions.penalties + decisions.coercion > 0 ||
    (rows.new?.[6] ?? 0) + (rows.carried_in?.[6] ?? 0) > 0 ||
    appeals.some((value) => value > 0)
  );
}

/**
 * Why hand-entered figures may not be saved for the year, or null when they may: only for a year
 * without live data (they would replace it), and only while no edition is in review or, once the
 * report is published, until a correction is started (a published report's figures are frozen).
 */
async function manualFiguresRefusal(year: number, scope: ReportScope, sources: ReportFigureSources): Promise<ConflictError | null> {
  if (await yearHasLiveData(year, scope, sources)) return new ConflictError(messages.reports.filing.manualHasLiveData(year), "year_has_live_data");
  const rows = await db.annualReport.findMany({ where: { agencyId: scope.agencyId, year }, select: { state: true } });
  if (rows.some((row) => row.state === "section_review" || row.state === "leader_review"))
    return new ConflictError(messages.reports.rules.notEditable, "invalid_state");
  if (rows.length && !rows.some((row) => row.state === "draft")) return new ConflictError(messages.reports.filing.manualPublished(year), "invalid_state");
  return null;
}

const textsSchema = z.object({
  overview: z.string().max(20_000, { error: messages.reports.validation.overviewTooLong }),
  problems: z.string().max(20_000, { error: messages.reports.validation.problemsTooLong }),
  otherMatters: z.string().max(20_000, { error: messages.reports.validation.otherMattersTooLong }),
  correctionNotice: z.string().trim().max(2000).nullish(),
  version: z.coerce.number().int().positive({ error: messages.common.validation.versionMissing }),
});

export const yearSchema = z.coerce
  .number()
  .int()
  .min(2008, { error: messages.common.notFound.reportYear })
  .max(2100, { error: messages.common.notFound.reportYear });

export function toEdition(row: Prisma.AnnualReportGetPayload<object>): ReportEdition {
  return {
    id: row.id,
    year: row.year,
    edition: row.edition,
    state: row.state,
    version: row.version,
    texts: { overview: row.overview, problems: row.problems, otherMatters: row.otherMatters },
    correctionNotice: row.correctionNotice,
    itemId: row.itemId,
    publishedAt: row.publishedAt,
    authorId: row.authorId,
    sectionId: row.sectionId,
  };
}

/**
 * The year's latest unpublished edition (if any), its published editions, and the live figures with
 * their checks: of the acting user's agency (集约化: each agency reports on its own records), or of
 * `agencyId` for a platform role (another agency's is 404 to anyone else).
 */
export async function findReportWorkspace(
  actor: ActingUser,
  year: number,
  sources: ReportFigureSources = liveFigureSources,
  agencyId: number = actor.agencyId,
): Promise<ReportWorkspace> {
  assertPermitted(actor, "report.read");
  if (agencyId !== actor.agencyId && !reachesEveryAgency(actor)) throw new NotFoundError(messages.common.notFound.report);
  const scope = { agencyId };
  const rows = await db.annualReport.findMany({ where: { agencyId: scope.agencyId, year }, orderBy: { edition: "asc" } });
  const draft = rows.find((row) => row.state !== "published") ?? null;
  const figures = await computeReportFigures(year, sources, scope);
  const texts = draft
    ? { overview: draft.overview, problems: draft.problems, otherMatters: draft.otherMatters }
    : { overview: draftOverview(figures), problems: "", otherMatters: draftOtherMatters(figures) };
  const [agency, manual, manualRefusal] = await Promise.all([
    db.agency.findUnique({ where: { id: scope.agencyId }, select: { name: true } }),
    db.reportManualFigures.findUnique({ where: { agencyId_year: { agencyId: scope.agencyId, year } } }),
    manualFiguresRefusal(year, scope, sources),
  ]);
  // A platform role naming an agency that does not exist.
  if (!agency) throw new NotFoundError(messages.common.notFound.report);
  return {
    manualFiguresAllowed: manualRefusal === null,
    agencyName: agency.name,
    manualFigures: { table2: (manual?.table2 as Record<string, unknown> | null) ?? null, table4: (manual?.table4 as number[] | null) ?? null },
    year,
    edition: draft ? toEdition(draft) : null,
    published: rows.filter((row) => row.state === "published").map(toEdition),
    figures,
    checks: await checkReport(figures, texts, scope, { requireTexts: Boolean(draft) }),
  };
}

/** Starts the year's report (or, once published, a correction) with generated first texts. */
export async function startReport(actor: ActingUser, year: number, sources: ReportFigureSources = liveFigureSources): Promise<ReportEdition> {
  assertPermitted(actor, "report.edit");
  const scope = { agencyId: actor.agencyId };
  const figures = await computeReportFigures(year, sources, scope);
  return db.$transaction(async (tx) => {
    // Each agency its own report of the year (集约化); the unique (agency, year, edition) is the backstop.
    const rows = await tx.annualReport.findMany({ where: { agencyId: scope.agencyId, year }, orderBy: { edition: "desc" } });
    if (rows.some((row) => row.state !== "published")) throw new ConflictError(messages.reports.rules.draftExists(year), "draft_exists");
    const edition = (rows[0]?.edition ?? 0) + 1;
    const previous = rows[0];
    const created = await tx.annualReport.create({
      data: {
        agencyId: scope.agencyId,
        year,
        edition,
        sectionId: actor.sectionId,
        authorId: actor.id,
        lastActorId: actor.id,
        createdAt: currentTime(),
        overview: previous?.overview ?? draftOverview(figures),
        problems: previous?.problems ?? "",
        otherMatters: previous?.otherMatters ?? draftOtherMatters(figures),
        correctionNotice: edition > 1 ? "" : null,
      },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "report.create",
      entityType: "AnnualReport",
      entityId: created.id,
      toState: "draft",
      details: { year, edition },
    });
    return toEdition(created);
  });
}

/** Locks a report for a write: another agency's is 404 to `actor` before its version (and last editor) is looked at. */
export async function lockReport(tx: DatabaseTransaction, reportId: number, expectedVersion: number | null | undefined, actor: ActingUser | "system") {
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "AnnualReport" WHERE id = ${reportId} FOR UPDATE`;
  if (!rows.length) throw new NotFoundError(messages.common.notFound.report);
  const report = await tx.annualReport.findUniqueOrThrow({ where: { id: reportId }, include: { lastActor: true } });
  if (actor !== "system") await assertSectionInAgencyScope(tx, actor, report.sectionId, messages.common.notFound.report);
  if (expectedVersion != null && expectedVersion !== report.version) {
    throw new ConflictError(messages.reports.rules.stale(report.lastActor?.displayName ?? null), "stale_version");
  }
  return report;
}

export async function updateReportTexts(actor: ActingUser, reportId: number, input: unknown): Promise<ReportEdition> {
  assertPermitted(actor, "report.edit");
  const data = parseInput(textsSchema, input);
  return db.$transaction(async (tx) => {
    const report = await lockReport(tx, reportId, data.version, actor);
    if (report.state !== "draft") throw new ConflictError(messages.reports.rules.notEditable, "invalid_state");
    if (report.edition > 1 && !data.correctionNotice) throw new ValidationError({ correctionNotice: [messages.reports.rules.correctionNoticeRequired] });
    const updated = await tx.annualReport.update({
      where: { id: reportId },
      data: {
        overview: data.overview,
        problems: data.problems,
        otherMatters: data.otherMatters,
        correctionNotice: report.edition > 1 ? data.correctionNotice : null,
        version: { increment: 1 },
        lastActorId: actor.id,
      },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "report.edit",
      entityType: "AnnualReport",
      entityId: reportId,
      fromState: "draft",
      toState: "draft",
    });
    return toEdition(updated);
  });
}

/** The published report becomes an item of the 年报 category, with the report as its body. */
export async function publishReportItem(
  tx: DatabaseTransaction,
  snapshot: ReportSnapshot,
  authorId: number,
  sectionId: number,
  approverId: number,
  agencyCode: string,
  publishedAt: Date,
): Promise<number> {
  const category = await tx.category.findUnique({ where: { slug: "annual-reports" } });
  if (!category) throw new ConflictError(messages.reports.rules.categoryMissing, "category_missing");
  // The 索引号's year and the 成文日期 are the report's publication date (its 落款), not the day of the click.
  const publicationDate = reportPublicationDate(snapshot);
  const indexNumber = await allocateIndexNumber(tx, agencyCode, Number(publicationDate.slice(0, 4)));
  const body = sanitizeItemBody(renderReportHtml(snapshot));
  const item = await tx.item.create({
    data: {
      indexNumber,
      state: "published",
      sectionId,
      authorId,
      lastActorId: approverId,
      publishedAt,
      lastPublishedAt: publishedAt,
      publishedOnTime: true,
      createdAt: publishedAt,
    },
  });
  const today = new Date(`${publicationDate}T00:00:00Z`);
  const revision = await tx.itemRevision.create({
    data: {
      itemId: item.id,
      number: 1,
      title: snapshot.title,
      body,
      bodyText: htmlToPlainText(body),
      categoryId: category.id,
      writtenAt: today,
      formedAt: today,
      channels: ["website"],
      keywords: [messages.reports.rules.itemKeyword],
      createdById: authorId,
      createdAt: publishedAt,
    },
  });
  await tx.item.update({ where: { id: item.id }, data: { latestRevisionId: revision.id, publishedRevisionId: revision.id } });
  await bumpPublicContentVersion(tx);
  await recordAuditEvent(tx, {
    actorId: approverId,
    action: "item.create",
    entityType: "Item",
    entityId: item.id,
    toState: "published",
    details: { annualReport: snapshot.year, edition: snapshot.edition },
  });
  return item.id;
}

/** An agency's (by default the default agency's) latest published edition of a year, from its frozen snapshot. */
export async function findPublishedReport(year: number, scope?: ReportScope): Promise<(ReportSnapshot & { itemId: number | null; editions: number[] }) | null> {
  const agencyId = scope?.agencyId ?? (await findDefaultAgency()).id;
  const rows = await db.annualReport.findMany({ where: { agencyId, year, state: "published" }, orderBy: { edition: "desc" } });
  if (!rows.length) return null;
  return { ...(rows[0].snapshot as unknown as ReportSnapshot), itemId: rows[0].itemId, editions: rows.map((row) => row.edition) };
}

/** Table 2 and Table 4 entered by hand for a year before Gongkai. */
export async function saveManualFigures(actor: ActingUser, year: number, input: unknown, sources: ReportFigureSources = liveFigureSources): Promise<void> {
  assertPermitted(actor, "report.manual_figures");
  const count = z.coerce
    .number({ error: messages.reports.validation.numberRequired })
    .int({ error: messages.reports.validation.integerRequired })
    .min(0, { error: messages.reports.validation.notNegative });
  const schema = z.object({
    table2: z
      .object({
        regulations: z.object({ issued: count, repealed: count, inForce: count }),
        normativeDocuments: z.object({ issued: count, repealed: count, inForce: count }),
        licensing: count,
        penalties: count,
        coercion: count,
        feesTenThousandYuan: z.coerce.number({ error: messages.reports.validation.numberRequired }).min(0, { error: messages.reports.validation.notNegative }),
      })
      .nullish(),
    table4: z.array(count).length(15, { error: messages.reports.validation.table4Length }).nullish(),
  });
  const data = parseInput(schema, input);
  const scope = { agencyId: actor.agencyId };
  const refusal = await manualFiguresRefusal(year, scope, sources);
  if (refusal) throw refusal;
  await db.$transaction(async (tx) => {
    await tx.reportManualFigures.upsert({
      where: { agencyId_year: { agencyId: scope.agencyId, year } },
      create: { agencyId: scope.agencyId, year, table2: data.table2 ?? undefined, table4: data.table4 ?? undefined, updatedById: actor.id },
      update: { table2: data.table2 ?? undefined, table4: data.table4 ?? undefined, updatedById: actor.id },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "report.manual_figures",
      entityType: "ReportManualFigures",
      entityId: year,
      details: data as Prisma.InputJsonValue,
    });
  });
}

export type PublishedReportEntry = {
  year: number;
  title: string;
  edition: number;
  publishedAt: string;
  /** The report's page, or for a report published as an item before this system, the item's page. */
  href: string;
};

/** The year a report item reports on: the year its title names, else the year before its publication. */
function reportYearOfItem(title: string, publishedOn: string): number {
  const named = /(\d{4})\s*年度?[^\d]*年度报告/.exec(title) ?? /(\d{4})\s*年/.exec(title);
  return named ? Number(named[1]) : Number(publishedOn.slice(0, 4)) - 1;
}

/**
 * Every year with a published report, newest first: the reports compiled here (latest edition), and
 * the reports published as items of the 政府信息公开年报 category before this system was used (an
 * item a report of this system published is that report's, not another year's).
 */
export async function listPublishedReports(scope?: ReportScope): Promise<PublishedReportEntry[]> {
  const agencyId = scope?.agencyId ?? (await findDefaultAgency()).id;
  return (await listPublishedReportsByAgency([agencyId])).get(agencyId) ?? [];
}

type PublishedEditionRow = { agencyId: number; year: number; edition: number; title: string; publishedAt: string; publicationDate: string | null };

/**
 * `listPublishedReports` for many agencies at once (集约化: the assessment across the agencies), in
 * two queries whatever their number; `years` keeps only the reports on those years. Only the
 * snapshot's title and dates are read, not the whole snapshot.
 */
export async function listPublishedReportsByAgency(agencyIds: readonly number[], years?: readonly number[]): Promise<Map<number, PublishedReportEntry[]>> {
  const ids = [...agencyIds];
  const yearFilter = years ? Prisma.sql`AND year = ANY(${[...years]}::int[])` : Prisma.empty;
  const [rows, reportItemIds] = await Promise.all([
    db.$queryRaw<PublishedEditionRow[]>`
      SELECT DISTINCT ON ("agencyId", year) "agencyId", year, edition, snapshot->>'title' AS title,
             snapshot->>'publishedAt' AS "publishedAt", snapshot->>'publicationDate' AS "publicationDate"
        FROM "AnnualReport"
       WHERE state = 'published' AND "agencyId" = ANY(${ids}::int[]) ${yearFilter}
       ORDER BY "agencyId", year, edition DESC`,
    db.annualReport.findMany({ where: { itemId: { not: null } }, select: { itemId: true } }),
  ]);
  const entriesOf = new Map<number, Map<number, PublishedReportEntry>>(ids.map((id) => [id, new Map()]));
  for (const row of rows) {
    entriesOf.get(row.agencyId)!.set(row.year, {
      year: row.year,
      title: row.title,
      edition: row.edition,
      publishedAt: reportPublicationDate({ publishedAt: row.publishedAt, publicationDate: row.publicationDate ?? undefined }),
      href: `/reports/annual/${row.year}`,
    });
  }
  const items = await db.item.findMany({
    where: {
      publishedRevisionId: { not: null },
      withdrawnAt: null,
      id: { notIn: reportItemIds.map((row) => row.itemId!) },
      publishedRevision: { category: { slug: "annual-reports" } },
      section: { agencyId: { in: ids } },
    },
    select: { id: true, publishedAt: true, publishedRevision: { select: { title: true } }, section: { select: { agencyId: true } } },
    orderBy: { publishedAt: "desc" },
  });
  for (const item of items) {
    const publishedAt = formatDate(item.publishedAt!);
    const year = reportYearOfItem(item.publishedRevision!.title, publishedAt);
    if (years && !years.includes(year)) continue;
    const entries = entriesOf.get(item.section.agencyId)!;
    if (!entries.has(year)) entries.set(year, { year, title: item.publishedRevision!.title, edition: 1, publishedAt, href: `/items/${item.id}` });
  }
  return new Map([...entriesOf].map(([agencyId, entries]) => [agencyId, [...entries.values()].sort((a, b) => b.year - a.year)]));
}
