/** Interface strings of the registers domain (merged into lib/i18n/zh-CN.ts as `messages.registers`). */
export const registersMessages = {
  spreadsheets: {
    emptyFile: "文件是空的。",
    legacyXls: "不支持旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 CSV UTF-8 后再导入。",
    unsupportedType: "只能导入 .xlsx 或 .csv 文件。",
    corruptXlsx: "无法读取该 .xlsx 文件，文件可能已损坏。",
    noSheet: "工作簿中没有工作表。",
    unknownColumn: "不是模板中的列，请使用下载的模板。",
    duplicateColumn: "该列出现了不止一次。",
    missingColumn: "缺少此列，请使用下载的模板。",
    noDataRows: "文件中没有数据行。",
    tooManyRows: (limit: number) => `一次最多导入 ${limit} 行，请分成几个文件。`,
  },
} as const;
