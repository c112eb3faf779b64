import type { ReportFigures } from "@/lib/reports/compute-report";
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
};

export function reportTitle(agencyName: string, year: number, edition = 1): string {
  return `${agencyName}${year}年政府信息公开工作年度报告${edition > 1 ? `（更正版第${edition - 1}次）` : ""}`;
}

/** Official headings of the six sections (2021 format). */
export const sectionHeadings = [
  "一、总体情况",
  "二、主动公开政府信息情况",
  "三、收到和处理政府信息公开申请情况",
  "四、政府信息公开行政复议、行政诉讼情况",
  "五、存在的主要问题及改进情况",
  "六、其他需要报告的事项",
] as const;

export const table3ColumnLabels = { person: "自然人", organisations: "法人或其他组织", kinds: ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"], total: "总计" };
export const outcomeGroupLabels: Record<string, string> = {
  一: "（一）予以公开",
  二: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
  三: "（三）不予公开",
  四: "（四）无法提供",
  五: "（五）不予处理",
  六: "（六）其他处理",
};
export const table4GroupLabels = ["行政复议", "未经复议直接起诉", "复议后起诉"];
export const table4CellLabels = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

/** Table 3's printed rows: label, indent level and the data row key (null for group headings). */
export function table3Layout(outcomes: ReportFigures["outcomes"]): { label: string; key: string | null; level: number }[] {
  const rows: { label: string; key: string | null; level: number }[] = [
    { label: "一、本年新收政府信息公开申请数量", key: "new", level: 0 },
    { label: "二、上年结转政府信息公开申请数量", key: "carried_in", level: 0 },
    { label: "三、本年度办理结果", key: null, level: 0 },
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
  rows.push({ label: "（七）总计", key: "total", level: 1 }, { label: "四、结转下年度继续办理", key: "carried_out", level: 0 });
  return rows;
}

function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}

function paragraphs(text: string): string {
  return text.split(/\n+/).filter((line) => line.trim()).map((line) => `<p>${escapeHtml(line.trim())}</p>`).join("") || "<p>无。</p>";
}

function formatFee(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(4).replace(/0+$/, "");
}

/** The report as HTML in the official table layout (the published item's body, the public page). */
export function renderReportHtml(snapshot: ReportSnapshot): string {
  const { figures, texts } = snapshot;
  const t2 = figures.table2;
  const table2 = `<table>
<thead><tr><th colspan="4">第二十条第（一）项</th></tr><tr><th>信息内容</th><th>本年制发件数</th><th>本年废止件数</th><th>现行有效件数</th></tr></thead>
<tbody><tr><td>规章</td><td>${t2.regulations.issued}</td><td>${t2.regulations.repealed}</td><td>${t2.regulations.inForce}</td></tr>
<tr><td>行政规范性文件</td><td>${t2.normativeDocuments.issued}</td><td>${t2.normativeDocuments.repealed}</td><td>${t2.normativeDocuments.inForce}</td></tr>
<tr><th colspan="4">第二十条第（五）项</th></tr><tr><th>信息内容</th><th colspan="3">本年处理决定数量</th></tr>
<tr><td>行政许可</td><td colspan="3">${t2.licensing}</td></tr>
<tr><th colspan="4">第二十条第（六）项</th></tr><tr><th>信息内容</th><th colspan="3">本年处理决定数量</th></tr>
<tr><td>行政处罚</td><td colspan="3">${t2.penalties}</td></tr><tr><td>行政强制</td><td colspan="3">${t2.coercion}</td></tr>
<tr><th colspan="4">第二十条第（八）项</th></tr><tr><th>信息内容</th><th colspan="3">本年收费金额（单位：万元）</th></tr>
<tr><td>行政事业性收费</td><td colspan="3">${formatFee(t2.feesTenThousandYuan)}</td></tr></tbody></table>`;
  const rowsHtml = table3Layout(figures.outcomes)
    .map((row) => {
      const values = row.key ? (figures.table3.rows[row.key] ?? new Array(7).fill(0)) : null;
      const cells = values ? values.map((value) => `<td>${value}</td>`).join("") : `<td colspan="7"></td>`;
      return `<tr><th>${"　".repeat(row.level)}${escapeHtml(row.label)}</th>${cells}</tr>`;
    })
    .join("\n");
  const table3 = `<table>
<thead><tr><th rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th><th colspan="7">申请人情况</th></tr>
<tr><th rowspan="2">自然人</th><th colspan="5">法人或其他组织</th><th rowspan="2">总计</th></tr>
<tr>${table3ColumnLabels.kinds.map((label) => `<th>${label}</th>`).join("")}</tr></thead>
<tbody>${rowsHtml}</tbody></table>`;
  const table4 = `<table>
<thead><tr><th colspan="5">行政复议</th><th colspan="10">行政诉讼</th></tr>
<tr><th rowspan="2">结果维持</th><th rowspan="2">结果纠正</th><th rowspan="2">其他结果</th><th rowspan="2">尚未审结</th><th rowspan="2">总计</th><th colspan="5">未经复议直接起诉</th><th colspan="5">复议后起诉</th></tr>
<tr>${[...table4CellLabels, ...table4CellLabels].map((label) => `<th>${label}</th>`).join("")}</tr></thead>
<tbody><tr>${figures.table4.map((value) => `<td>${value}</td>`).join("")}</tr></tbody></table>`;
  const notice = snapshot.correctionNotice ? `<blockquote><p><strong>更正说明：</strong>${escapeHtml(snapshot.correctionNotice)}</p></blockquote>` : "";
  return [
    notice,
    `<h2>${sectionHeadings[0]}</h2>${paragraphs(texts.overview)}`,
    `<h2>${sectionHeadings[1]}</h2>${table2}`,
    `<h2>${sectionHeadings[2]}</h2>${table3}`,
    `<h2>${sectionHeadings[3]}</h2>${table4}`,
    `<h2>${sectionHeadings[4]}</h2>${paragraphs(texts.problems)}`,
    `<h2>${sectionHeadings[5]}</h2>${paragraphs(texts.otherMatters)}`,
  ].join("\n");
}
