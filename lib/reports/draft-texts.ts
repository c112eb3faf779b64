import type { ReportFigures } from "@/lib/reports/compute-report";

const channelNames: Record<string, string> = { website: "政府网站", legal_platform: "黑龙江省法制公开平台", new_media: "政务新媒体", notice_board: "公告栏" };

function percent(rate: number | null): string {
  return rate === null ? "—" : `${Math.round(rate * 1000) / 10}%`;
}

/** The generated first draft of 一、总体情况, which staff then edit. */
export function draftOverview(figures: ReportFigures): string {
  const { items, proposals } = figures;
  const elsewhere = Object.entries(items.byChannel)
    .filter(([channel]) => channel !== "website")
    .map(([channel, count]) => `${channelNames[channel] ?? channel}${count}条`)
    .join("、");
  const newApplications = figures.table3.rows.new?.[6] ?? 0;
  const decided = figures.table3.rows.total?.[6] ?? 0;
  const paragraphs = [
    `（一）主动公开情况。${figures.year}年，本机关主动公开政府信息${items.published}条，其中，政府网站公开${items.onWebsite}条，其他方式公开${items.elsewhereOnly}条${elsewhere ? `（${elsewhere}）` : ""}。`,
    `（二）权责清单和“双公示”。保留行政审批事项${figures.retainedLicensingPowers}项；本年作出并公示行政许可决定${figures.table2.licensing}条、行政处罚决定${figures.table2.penalties}条、行政强制决定${figures.table2.coercion}条。`,
    `（三）依申请公开情况。本年新收政府信息公开申请${newApplications}件，办结${decided}件。`,
    `（四）建议提案办理情况。本年承办人大代表建议${proposals.suggestions}项、政协委员提案${proposals.proposals}项，已答复${proposals.replied}项，办理结果公开${proposals.published}项，满意率${percent(proposals.satisfactionRate)}。`,
  ];
  return paragraphs.join("\n");
}

/** The generated first draft of 六、其他需要报告的事项: the information-processing fees. */
export function draftOtherMatters(figures: ReportFigures): string {
  return figures.feesChargedYuan > 0
    ? `本年依据《政府信息公开信息处理费管理办法》收取信息处理费${figures.feesChargedYuan}元。`
    : "本年未收取信息处理费。";
}
