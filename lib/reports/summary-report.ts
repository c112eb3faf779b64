import "server-only";
import { listAgencies, normaliseAgencyCode, type AgencyDetails } from "@/lib/agency/agencies";
import { countAppealsForReportByAgency } from "@/lib/applications/appeals";
import { countApplicationsForReportByAgency, tallyApplicationsForReport } from "@/lib/applications/report-figures";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { todayInBeijing } from "@/lib/dates";
import { db } from "@/lib/db";
import { countDecisionsByAgency, feeIncomeByAgency } from "@/lib/decisions/report-figures";
import { ValidationError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { countNormativeDocumentsByAgency } from "@/lib/reports/item-figures";
import { table3Of } from "@/lib/reports/live-figure-sources";
import { reportDueDate } from "@/lib/reports/report-deadline";
import { reportPublicationDate, type ReportSnapshot } from "@/lib/reports/report-document";
import type { Table2, Table3, Table4 } from "@/lib/reports/report-tables";

/**
 * The 政务公开办's summary of a year's annual reports over the platform's agencies (集约化): each
 * agency's report status and its tables 2, 3 and 4 side by side, and the tables summed — the
 * figures of the 本级政府 summary. An agency's published report gives its figures as published
 * (frozen in its snapshot); an agency without one gives its live figures, as its draft shows them.
 * Every figure is read for all agencies at once (a handful of queries, not a handful per agency).
 */

/**
 * - `not_started`: no report of the year yet, and not yet due;
 * - `draft`: a report being written or in review, not yet due;
 * - `published`: published by 31 January of the next year (Art. 49);
 * - `late`: published after that day, or still unpublished once it has passed.
 */
export type SummaryReportStatus = "not_started" | "draft" | "published" | "late";

export type SummaryAgencyRow = {
  code: string;
  name: string;
  kind: AgencyDetails["kind"];
  status: SummaryReportStatus;
  /** The published report's date (its 落款), YYYY-MM-DD; null while unpublished. */
  publishedAt: string | null;
  /** Where the figures come from: the published report, or the live data. */
  figuresFrom: "published" | "live";
  table2: Table2;
  table3: Table3;
  table4: Table4;
};

export type AnnualReportSummary = {
  year: number;
  dueOn: string;
  agencies: SummaryAgencyRow[];
  /** Summed over `agencies`. */
  table2: Table2;
  table3: Table3;
  table4: Table4;
};

function addTable2(total: Table2, each: Table2): Table2 {
  const addDocuments = (a: Table2["regulations"], b: Table2["regulations"]) => ({
    issued: a.issued + b.issued,
    repealed: a.repealed + b.repealed,
    inForce: a.inForce + b.inForce,
  });
  return {
    regulations: addDocuments(total.regulations, each.regulations),
    normativeDocuments: addDocuments(total.normativeDocuments, each.normativeDocuments),
    licensing: total.licensing + each.licensing,
    penalties: total.penalties + each.penalties,
    coercion: total.coercion + each.coercion,
    // 万元 with four decimals: summed in ten-thousandths so that 0.1 + 0.2 stays 0.3.
    feesTenThousandYuan: Math.round((total.feesTenThousandYuan + each.feesTenThousandYuan) * 10_000) / 10_000,
  };
}

const emptyTable2: Table2 = {
  regulations: { issued: 0, repealed: 0, inForce: 0 },
  normativeDocuments: { issued: 0, repealed: 0, inForce: 0 },
  licensing: 0,
  penalties: 0,
  coercion: 0,
  feesTenThousandYuan: 0,
};

function addTable3(total: Table3 | null, each: Table3): Table3 {
  if (!total) return { columns: each.columns, rows: Object.fromEntries(Object.entries(each.rows).map(([slug, row]) => [slug, [...row]])) };
  const rows = { ...total.rows };
  for (const [slug, row] of Object.entries(each.rows)) rows[slug] = row.map((value, index) => value + (rows[slug]?.[index] ?? 0));
  return { columns: total.columns, rows };
}

function addTable4(total: Table4, each: Table4): Table4 {
  return total.map((value, index) => value + (each[index] ?? 0));
}

/** The agencies named by `codes` (comma-separated), all of them without; an unknown code is a field error. */
function chooseAgencies(agencies: AgencyDetails[], codes: string | null | undefined): AgencyDetails[] {
  const wanted = (codes ?? "")
    .split(/[,，\s]+/)
    .map(normaliseAgencyCode)
    .filter(Boolean);
  if (!wanted.length) return agencies;
  const unknown = wanted.filter((code) => !agencies.some((agency) => agency.code === code));
  if (unknown.length) throw new ValidationError({ agencies: [messages.reports.summary.unknownAgencies(unknown.join("、"))] });
  return agencies.filter((agency) => wanted.includes(agency.code));
}

function statusOf(
  reports: { state: string; snapshot: unknown }[],
  dueOn: string,
  today: string,
): { status: SummaryReportStatus; published: ReportSnapshot | null; publishedAt: string | null } {
  const published = reports
    .filter((report) => report.state === "published")
    .map((report) => report.snapshot as ReportSnapshot)
    .sort((a, b) => a.edition - b.edition);
  if (published.length) {
    // On time is judged by the first edition; the figures are the latest correction's.
    const firstPublished = reportPublicationDate(published[0]);
    const latest = published[published.length - 1];
    return { status: firstPublished <= dueOn ? "published" : "late", published: latest, publishedAt: firstPublished };
  }
  if (today > dueOn) return { status: "late", published: null, publishedAt: null };
  return { status: reports.length ? "draft" : "not_started", published: null, publishedAt: null };
}

/** The summary of `year` over the agencies named in `agencyCodes` (all without): platform roles only. */
export async function computeReportSummary(actor: ActingUser, year: number, agencyCodes?: string | null): Promise<AnnualReportSummary> {
  assertPermitted(actor, "report.read_summary");
  const all = await listAgencies();
  const agencies = chooseAgencies(all, agencyCodes);
  const ids = agencies.map((agency) => agency.id);
  const defaultAgencyId = all.find((agency) => agency.isDefault)?.id ?? -1;
  const [reports, documents, decisions, fees, applications, appeals, manual] = await Promise.all([
    db.annualReport.findMany({ where: { year, agencyId: { in: ids } }, select: { agencyId: true, state: true, snapshot: true } }),
    countNormativeDocumentsByAgency(year, ids),
    countDecisionsByAgency(year, ids),
    feeIncomeByAgency(year, ids),
    countApplicationsForReportByAgency(year, ids),
    countAppealsForReportByAgency(year, ids, defaultAgencyId),
    db.reportManualFigures.findMany({ where: { year, agencyId: { in: ids } } }),
  ]);
  const dueOn = reportDueDate(year);
  const today = todayInBeijing();
  const rows = agencies.map((agency): SummaryAgencyRow => {
    const { status, published, publishedAt } = statusOf(
      reports.filter((report) => report.agencyId === agency.id),
      dueOn,
      today,
    );
    const base = { code: agency.code, name: agency.name, kind: agency.kind, status, publishedAt };
    if (published) {
      const { table2, table3, table4 } = published.figures;
      return { ...base, figuresFrom: "published", table2, table3, table4 };
    }
    const hand = manual.find((row) => row.agencyId === agency.id);
    const decided = decisions.get(agency.id)!;
    const liveTable2: Table2 = {
      ...documents.get(agency.id)!,
      licensing: decided.license,
      penalties: decided.penalty,
      coercion: decided.coercion,
      feesTenThousandYuan: fees.get(agency.id) ?? 0,
    };
    return {
      ...base,
      figuresFrom: "live",
      table2: (hand?.table2 as Table2 | null | undefined) ?? liveTable2,
      table3: table3Of(applications.get(agency.id)!),
      table4: (hand?.table4 as Table4 | null | undefined) ?? appeals.get(agency.id)!,
    };
  });
  return {
    year,
    dueOn,
    agencies: rows,
    table2: rows.reduce((total, row) => addTable2(total, row.table2), emptyTable2),
    table3: rows.reduce<Table3 | null>((total, row) => addTable3(total, row.table3), null) ?? table3Of(tallyApplicationsForReport([], year)),
    table4: rows.reduce((total, row) => addTable4(total, row.table4), new Array<number>(15).fill(0)),
  };
}
