import type { ReportFigures } from "@/lib/reports/compute-report";
import { reportFormat } from "@/lib/reports/report-format";
import type { ReportChecks } from "@/lib/reports/report-tables";

/** A report as published: frozen figures and texts. Later data changes never alter it. */
export type ReportSnapshot = {
  year: number;
  edition: number;
  agencyName: string;
  title: string;
  texts: { overview: string; problems: string; otherMatters: string };
  correctionNotice: string | null;
  figures: ReportFigures;
  checks: ReportChecks;
  publishedAt: string;
  /** The date the report bears (落款), YYYY-MM-DD; reports published before it existed take the Beijing day of `publishedAt`. */
  publicationDate?: string;
};

/** The report's publication date, YYYY-MM-DD (Beijing). */
export function reportPublicationDate(snapshot: Pick<ReportSnapshot, "publishedAt" | "publicationDate">): string {
  return snapshot.publicationDate ?? new Date(Date.parse(snapshot.publishedAt) + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The 落款: the agency's name and the date written as a 公文 writes it (GB/T 9704: 2018年1月19日). */
export function reportSignature(snapshot: Pick<ReportSnapshot, "agencyName" | "publishedAt" | "publicationDate">): { agencyName: string; date: string } {
  return { agencyName: snapshot.agencyName, date: reportFormat.signatureDate(reportPublicationDate(snapshot)) };
}

export function reportTitle(agencyName: string, year: number, edition = 1): string {
  return reportFormat.title(agencyName, year, edition);
}

/** Official headings of the six sections (2021 format). */
export const sectionHeadings = reportFormat.sectionHeadings;

const t3 = reportFormat.table3;
export const table3ColumnLabels = { person: t3.person, organisations: t3.organisations, kinds: [...t3.kinds] as string[], total: t3.total };
export const outcomeGroupLabels: Record<string, string> = t3.outcomeGroups;
export const table4GroupLabels: readonly string[] = reportFormat.table4.groups;
export const table4CellLabels: readonly string[] = reportFormat.table4.cells;

/** Table 3's printed rows: label, indent level and the data row key (null for group headings). */
export function table3Layout(outcomes: ReportFigures["outcomes"]): { label: string; key: string | null; level: number }[] {
  const rows: { label: string; key: string | null; level: number }[] = [
    { label: t3.rows.new, key: "new", level: 0 },
    { label: t3.rows.carriedIn, key: "carried_in", level: 0 },
    { label: t3.rows.results, key: null, level: 0 },
  ];
  const groups = [...new Set(outcomes.map((outcome) => outcome.group))];
  for (const group of groups) {
    const members = outcomes.filter((outcome) => outcome.group === group);
    if (members.length === 1) rows.push({ label: outcomeGroupLabels[group] ?? members[0].label, key: members[0].slug, level: 1 });
    else {
      rows.push({ label: outcomeGroupLabels[group] ?? group, key: null, level: 1 });
      members.forEach((member, index) => rows.push({ label: `${index + 1}.${member.label}`, key: member.slug, level: 2 }));
    }
  }
  rows.push({ label: t3.rows.total, key: "total", level: 1 }, { label: t3.rows.carriedOut, key: "carried_out", level: 0 });
  return rows;
}

function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}

function paragraphs(text: string): string {
  return (
    text
      .split(/\n+/)
      .filter((line) => line.trim())
      .map((line) => `<p>${escapeHtml(line.trim())}</p>`)
      .join("") || `<p>${reportFormat.none}</p>`
  );
}

function formatFee(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(4).replace(/0+$/, "");
}

/** Tables 2, 3 and 4 as HTML in the official layout (a report's, or a sum over agencies). */
export function renderReportTablesHtml(figures: Pick<ReportFigures, "table2" | "table3" | "table4" | "outcomes">): {
  table2: string;
  table3: string;
  table4: string;
} {
  const t2 = figures.table2;
  const f2 = reportFormat.table2;
  const table2 = `<table>
<thead><tr><th colspan="4">${f2.articles.regulations}</th></tr><tr><th>${f2.content}</th><th>${f2.issued}</th><th>${f2.repealed}</th><th>${f2.inForce}</th></tr></thead>
<tbody><tr><td>${f2.rows.regulations}</td><td>${t2.regulations.issued}</td><td>${t2.regulations.repealed}</td><td>${t2.regulations.inForce}</td></tr>
<tr><td>${f2.rows.normativeDocuments}</td><td>${t2.normativeDocuments.issued}</td><td>${t2.normativeDocuments.repealed}</td><td>${t2.normativeDocuments.inForce}</td></tr>
<tr><th colspan="4">${f2.articles.licensing}</th></tr><tr><th>${f2.content}</th><th colspan="3">${f2.decisions}</th></tr>
<tr><td>${f2.rows.licensing}</td><td colspan="3">${t2.licensing}</td></tr>
<tr><th colspan="4">${f2.articles.penalties}</th></tr><tr><th>${f2.content}</th><th colspan="3">${f2.decisions}</th></tr>
<tr><td>${f2.rows.penalties}</td><td colspan="3">${t2.penalties}</td></tr><tr><td>${f2.rows.coercion}</td><td colspan="3">${t2.coercion}</td></tr>
<tr><th colspan="4">${f2.articles.fees}</th></tr><tr><th>${f2.content}</th><th colspan="3">${f2.feeAmount}</th></tr>
<tr><td>${f2.rows.fees}</td><td colspan="3">${formatFee(t2.feesTenThousandYuan)}</td></tr></tbody></table>`;
  const rowsHtml = table3Layout(figures.outcomes)
    .map((row) => {
      const values = row.key ? (figures.table3.rows[row.key] ?? new Array(7).fill(0)) : null;
      const cells = values ? values.map((value) => `<td>${value}</td>`).join("") : `<td colspan="7"></td>`;
      return `<tr><th>${"　".repeat(row.level)}${escapeHtml(row.label)}</th>${cells}</tr>`;
    })
    .join("\n");
  const table3 = `<table>
<thead><tr><th rowspan="3">${t3.balanceNote}</th><th colspan="7">${t3.applicants}</th></tr>
<tr><th rowspan="2">${t3.person}</th><th colspan="5">${t3.organisations}</th><th rowspan="2">${t3.total}</th></tr>
<tr>${table3ColumnLabels.kinds.map((label) => `<th>${label}</th>`).join("")}</tr></thead>
<tbody>${rowsHtml}</tbody></table>`;
  const table4 = `<table>
<thead><tr><th colspan="5">${reportFormat.table4.review}</th><th colspan="10">${reportFormat.table4.litigation}</th></tr>
<tr>${table4CellLabels.map((label) => `<th rowspan="2">${label}</th>`).join("")}<th colspan="5">${table4GroupLabels[1]}</th><th colspan="5">${table4GroupLabels[2]}</th></tr>
<tr>${[...table4CellLabels, ...table4CellLabels].map((label) => `<th>${label}</th>`).join("")}</tr></thead>
<tbody><tr>${figures.table4.map((value) => `<td>${value}</td>`).join("")}</tr></tbody></table>`;
  return { table2, table3, table4 };
}

/** The report as HTML in the official table layout (the published item's body, the public page). */
export function renderReportHtml(snapshot: ReportSnapshot, options: { signature?: boolean } = {}): string {
  const { figures, texts } = snapshot;
  const { table2, table3, table4 } = renderReportTablesHtml(figures);
  const notice = snapshot.correctionNotice
    ? `<blockquote><p><strong>${reportFormat.correctionNotice}</strong>${escapeHtml(snapshot.correctionNotice)}</p></blockquote>`
    : "";
  return [
    notice,
    `<h2>${sectionHeadings[0]}</h2>${paragraphs(texts.overview)}`,
    `<h2>${sectionHeadings[1]}</h2>${table2}`,
    `<h2>${sectionHeadings[2]}</h2>${table3}`,
    `<h2>${sectionHeadings[3]}</h2>${table4}`,
    `<h2>${sectionHeadings[4]}</h2>${paragraphs(texts.problems)}`,
    `<h2>${sectionHeadings[5]}</h2>${paragraphs(texts.otherMatters)}`,
    options.signature === false ? "" : `<p><br></p><p>${escapeHtml(reportSignature(snapshot).agencyName)}</p><p>${reportSignature(snapshot).date}</p>`,
  ].join("\n");
}
