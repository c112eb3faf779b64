/**
 * The official format of the annual report (国务院办公厅政府信息与政务公开办公室《关于印发〈中华人民
 * 共和国政府信息公开工作年度报告格式〉的通知》, 国办公开办函〔2021〕30号): the title, the six
 * section headings and the tables' titles, row and column names, word for word.
 *
 * This is data of the format, not interface text: a report is a legal document whose wording the
 * format fixes, whatever the language of the console. tests/unit/strings-catalogue.test.ts lists
 * this file as allowed to hold Chinese text; the console's own words about reports (checks,
 * drafts, refusals) are in lib/i18n (`messages.reports`).
 */
export const reportFormat = {
  title: (agencyName: string, year: number, edition: number) =>
    `${agencyName}${year}年政府信息公开工作年度报告${edition > 1 ? `（更正版第${edition - 1}次）` : ""}`,
  sectionHeadings: [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
  ],
  /** The date of the 落款 in Arabic numerals, without leading zeros (GB/T 9704-2012 7.3.5.1). */
  signatureDate: (isoDate: string) => `${Number(isoDate.slice(0, 4))}年${Number(isoDate.slice(5, 7))}月${Number(isoDate.slice(8, 10))}日`,
  /**
   * The fonts of the 公文 layout (GB/T 9704-2012): title 小标宋, body 仿宋, 一级 headings 黑体, 二级
   * headings 楷体; tables and page numbers 宋体. Font names, as Word and WPS know them.
   */
  fonts: { title: "方正小标宋简体", body: "仿宋", heading1: "黑体", heading2: "楷体", table: "宋体" },
  /** The printed page footer of the .xlsx (Excel's codes: &C centre, &P page, &N pages). */
  xlsxPageFooter: "&C第 &P 页，共 &N 页",
  /** What an empty text section says. */
  none: "无。",
  correctionNotice: "更正说明：",
  table2: {
    sheetName: "表二 主动公开",
    articles: { regulations: "第二十条第（一）项", licensing: "第二十条第（五）项", penalties: "第二十条第（六）项", fees: "第二十条第（八）项" },
    content: "信息内容",
    issued: "本年制发件数",
    repealed: "本年废止件数",
    inForce: "现行有效件数",
    decisions: "本年处理决定数量",
    feeAmount: "本年收费金额（单位：万元）",
    rows: {
      regulations: "规章",
      normativeDocuments: "行政规范性文件",
      licensing: "行政许可",
      penalties: "行政处罚",
      coercion: "行政强制",
      fees: "行政事业性收费",
    },
  },
  table3: {
    sheetName: "表三 依申请公开",
    balanceNote: "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    applicants: "申请人情况",
    person: "自然人",
    organisations: "法人或其他组织",
    kinds: ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"],
    total: "总计",
    rows: {
      new: "一、本年新收政府信息公开申请数量",
      carriedIn: "二、上年结转政府信息公开申请数量",
      results: "三、本年度办理结果",
      total: "（七）总计",
      carriedOut: "四、结转下年度继续办理",
    },
    outcomeGroups: {
      一: "（一）予以公开",
      二: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
      三: "（三）不予公开",
      四: "（四）无法提供",
      五: "（五）不予处理",
      六: "（六）其他处理",
    } as Record<string, string>,
  },
  table4: {
    sheetName: "表四 复议诉讼",
    review: "行政复议",
    litigation: "行政诉讼",
    groups: ["行政复议", "未经复议直接起诉", "复议后起诉"],
    /** The groups as one sentence names them (行政诉讼 spelled out). */
    groupsInFull: ["行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）"],
    cells: ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"],
  },
} as const;
