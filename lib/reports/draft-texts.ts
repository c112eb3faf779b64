import { messages } from "@/lib/i18n";
import type { ReportFigures } from "@/lib/reports/compute-report";

const channelNames: Record<string, string> = messages.channels;
const d = messages.reports.drafts;

function percent(rate: number | null): string {
  return rate === null ? "—" : `${Math.round(rate * 1000) / 10}%`;
}

/**
 * The generated first draft of 一、总体情况, which staff then edit, in the five parts of the 2021
 * format (国办公开办函〔2021〕30号): （一）主动公开, （二）依申请公开, （三）政府信息管理, （四）平台建设,
 * （五）监督保障 — each with the year's figures the product holds, and a note of what staff add.
 */
export function draftOverview(figures: ReportFigures): string {
  const { items, proposals } = figures;
  const elsewhere = Object.entries(items.byChannel)
    .filter(([channel]) => channel !== "website")
    .map(([channel, count]) => d.otherChannel(channelNames[channel] ?? channel, count))
    .join("、");
  const newApplications = figures.table3.rows.new?.[6] ?? 0;
  const decided = figures.table3.rows.total?.[6] ?? 0;
  const carriedOut = figures.table3.rows.carried_out?.[6] ?? 0;
  const documents = figures.table2.normativeDocuments;
  const paragraphs = [
    d.parts.proactive,
    d.proactive(figures.year, items.published, items.onWebsite, items.elsewhereOnly, elsewhere),
    d.registers(figures.retainedLicensingPowers, figures.table2.licensing, figures.table2.penalties, figures.table2.coercion),
    d.parts.onRequest,
    d.applications(newApplications, decided, carriedOut),
    d.parts.management,
    d.management(documents.issued, documents.repealed, documents.inForce, items.late),
    d.parts.platforms,
    d.platforms(items.onWebsite, items.elsewhereOnly, elsewhere),
    d.parts.oversight,
    d.proposals(proposals.suggestions, proposals.proposals, proposals.replied, proposals.published, percent(proposals.satisfactionRate)),
    d.oversight,
  ];
  return paragraphs.join("\n");
}

/**
 * The generated first draft of 六、其他需要报告的事项: the 信息处理费 as the 2021 format's reports
 * state them (国办函〔2020〕109号): fee notices sent, their total, and the amount actually collected.
 */
export function draftOtherMatters(figures: ReportFigures): string {
  const notices = figures.feeNotices ?? { count: 0, amountYuan: 0 };
  return d.feeNotices(notices.count, notices.amountYuan, figures.feesChargedYuan);
}
