import ExcelJS from "exceljs";
import { table3Layout, table4CellLabels, table4GroupLabels, type ReportSnapshot } from "@/lib/reports/report-document";

/** The three tables of the report as a workbook, one sheet each. */
export async function buildReportXlsx(snapshot: ReportSnapshot): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = snapshot.agencyName;
  const { figures } = snapshot;
  const t2 = figures.table2;
  const sheet2 = workbook.addWorksheet("表二 主动公开");
  sheet2.addRows([
    ["第二十条第（一）项"],
    ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
    ["规章", t2.regulations.issued, t2.regulations.repealed, t2.regulations.inForce],
    ["行政规范性文件", t2.normativeDocuments.issued, t2.normativeDocuments.repealed, t2.normativeDocuments.inForce],
    ["第二十条第（五）项"],
    ["信息内容", "本年处理决定数量"],
    ["行政许可", t2.licensing],
    ["第二十条第（六）项"],
    ["信息内容", "本年处理决定数量"],
    ["行政处罚", t2.penalties],
    ["行政强制", t2.coercion],
    ["第二十条第（八）项"],
    ["信息内容", "本年收费金额（单位：万元）"],
    ["行政事业性收费", t2.feesTenThousandYuan],
  ]);
  const sheet3 = workbook.addWorksheet("表三 依申请公开");
  sheet3.addRow(["", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]);
  for (const row of table3Layout(figures.outcomes)) {
    sheet3.addRow([`${"　".repeat(row.level)}${row.label}`, ...(row.key ? (figures.table3.rows[row.key] ?? new Array(7).fill(0)) : [])]);
  }
  const sheet4 = workbook.addWorksheet("表四 复议诉讼");
  sheet4.addRow(table4GroupLabels.flatMap((group) => table4CellLabels.map((label) => `${group}-${label}`)));
  sheet4.addRow(figures.table4);
  for (const sheet of [sheet2, sheet3, sheet4]) sheet.columns.forEach((column) => (column.width = 16));
  sheet3.getColumn(1).width = 48;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
