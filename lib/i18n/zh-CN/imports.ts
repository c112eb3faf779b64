/**
 * Interface strings of the one import pipeline (lib/imports): every spreadsheet import — 双公示
 * decisions, proposals, application ledgers, inspection targets and inspectors — refuses a file
 * and lists its problems in these words (merged into lib/i18n/zh-CN.ts as `messages.imports`).
 * The reader's own messages (unreadable file, header problems) are `messages.registers.spreadsheets`.
 */
export const importsMessages = {
  /** The summary of a refused file: nothing was imported. */
  rejected: (count: number) => `文件中有 ${count} 处问题，没有导入任何数据。请修改后重新导入。`,
  fileRequired: "请选择要导入的文件（.xlsx 或 .csv）。",
  notMultipart: "请以 multipart/form-data 上传文件（字段名 file）。",
  tooLarge: (megabytes: number) => `文件超过 ${megabytes} MB，请分成几个文件导入。`,
  undecodable: "无法识别 CSV 文件的文字编码，请另存为 UTF-8 或 GB18030（GBK）编码的 CSV，或另存为 .xlsx。",
  /** Appended to a problem in a long-code column whose cell Excel stored as a number. */
  numericCellHint: "（该单元格是数字格式，长代码会丢失位数，请将这一列设为文本格式后重新填写）",
  cells: {
    required: (column: string) => `请填写${column}。`,
    tooLong: (column: string, max: number) => `${column}最多 ${max} 个字符。`,
    invalidDate: (text: string) => `“${text}”不是有效日期（例如 2019-03-01）。`,
    duplicateInFile: (firstRow: number, column: string) => `与第 ${firstRow} 行的${column}重复。`,
    invalid: "内容无效。",
  },
  /** The console's list of problems (components/forms/import-problems.tsx). */
  problemList: {
    title: (count: number) => `文件中的问题（共 ${count} 处）`,
    columns: { row: "行", column: "列", message: "问题" },
    fileLevel: "整个文件",
    more: (shown: number, total: number) => `仅显示前 ${shown} 处，共 ${total} 处问题。`,
  },
  templateFormats: { xlsx: "Excel（.xlsx）", csv: "CSV" },
  /** The application ledger (台账) of past years: lib/reports/ledger-import.ts. */
  ledger: {
    fileName: "依申请公开台账模板",
    sheetName: "申请台账",
    columns: { number: "申请编号", receivedOn: "收到日期", applicantType: "申请人类型", outcome: "办理结果", closedOn: "办结日期" },
    applicantTypeInvalid: (text: string) => `“${text}”不是有效的申请人类型（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他）。`,
    outcomeInvalid: (text: string) => `“${text}”不是年度报告表三的办理结果名称。`,
    receivedInFuture: "收到日期不能晚于今天。",
    closedBeforeReceived: "办结日期早于收到日期。",
    outcomeRequired: "已办结的申请必须填写办理结果。",
    closedOnRequired: "填写了办理结果的申请必须填写办结日期。",
    numberExists: (number: string) => `申请编号 ${number} 已存在。`,
  },
  /** The yearly assignment list (交办清单) of deputies' suggestions and proposals: lib/proposals/proposal-import-rows.ts. */
  proposals: {
    fileName: "建议提案交办清单模板",
    sheetName: "交办清单",
    columns: {
      year: "年度",
      session: "届次会议",
      number: "编号",
      kind: "类别",
      title: "标题",
      proposers: "提出人",
      receivedOn: "收到日期",
      leadSection: "主办科室",
      assistingSections: "协办科室",
      assignedOn: "交办日期",
      deadline: "办理期限",
    },
    notes: {
      year: "例如 2017",
      session: "例如 市第十六届人民代表大会第一次会议",
      number: "例如 第12号",
      kind: "人大代表建议 或 政协提案",
      title: "建议或提案的标题",
      proposers: "多人用顿号分隔",
      receivedOn: "例如 2017-03-01",
      leadSection: "本机关的科室名称；留空为待交办",
      assistingSections: "多个科室用顿号分隔",
      assignedOn: "留空则同收到日期",
      deadline: "留空则自交办日期起按规定期限计算",
    },
    kindInvalid: (text: string) => `“${text}”不是有效类别，请填写“人大代表建议”或“政协提案”。`,
    sectionUnknown: (name: string) => `科室“${name}”不存在。`,
    leadAlsoAssisting: "主办科室不能同时作为协办科室。",
    assignedBeforeReceived: "交办日期不能早于收到日期。",
    deadlineBeforeAssigned: "办理期限不能早于交办日期。",
    duplicateInFile: (firstRow: number) => `与第 ${firstRow} 行重复（同一年度、类别、届次会议和编号）。`,
    receivedInFuture: "收到日期不能晚于今天。",
    assignedInFuture: "交办日期不能晚于今天。",
    exists: "系统中已有同一年度、类别、届次会议和编号的建议提案。",
  },
  /** The 双随机一公开 lists (名录库): lib/inspections/manage-lists.ts. */
  inspections: {
    targets: {
      fileName: "检查对象名录库导入模板",
      sheetName: "检查对象名录",
      columns: { name: "名称", creditCode: "统一社会信用代码", address: "地址", category: "类别" },
      notes: { creditCode: "18 位，含校验位；没有的可留空", category: "如：户外广告经营单位、临街商户、建筑施工工地" },
      creditCodeExists: (name: string) => `名录库中已有此统一社会信用代码（${name}）。`,
      imported: (count: number) => `从 Excel 导入 ${count} 个检查对象`,
    },
    inspectors: {
      fileName: "执法检查人员名录库导入模板",
      sheetName: "执法检查人员名录",
      columns: { name: "姓名", certificateNumber: "执法证号", section: "科室" },
      notes: { section: "填写科室管理中已有的科室名称" },
      sectionRequired: "请填写科室。",
      sectionUnknown: (name: string) => `科室“${name}”不存在，请填写科室管理中已有的科室名称。`,
      certificateExists: (name: string) => `名录库中已有此执法证号（${name}）。`,
      imported: (count: number) => `从 Excel 导入 ${count} 名检查人员`,
    },
  },
};
