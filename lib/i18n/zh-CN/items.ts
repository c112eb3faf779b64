/** The data layer's messages about items (lib/items), merged into lib/i18n/zh-CN.ts as `messages.items`. */
export const itemsMessages = {
  validation: {
    dateExample: "2017-03-01",
    keywordTooLong: "每个关键词最多 30 个字符。",
    titleRequired: "请填写标题。",
    titleTooLong: (max: number) => `标题最多 ${max} 个字符。`,
    bodyRequired: "请填写正文。",
    bodyTooLong: (max: number) => `正文最多 ${max} 个字符。`,
    chooseCategory: "请选择所属栏目。",
    documentNumberTooLong: "文号最多 80 个字符。",
    externalIssuingBodyTooLong: "外单位发文机关最多 100 个字符。",
    chooseValidity: "请选择有效性。",
    channelInvalid: "公开渠道无效。",
    channelsRequired: "请至少选择一个公开渠道。",
    acknowledgementNoteRequired: "请填写处理说明。",
    acknowledgementNoteTooLong: "说明最多 500 个字符。",
  },
  rules: {
    categoryMissing: "所选栏目不存在。",
    issuingBodyMissing: "所选发布机构不存在。",
    replacedBySelf: "不能以本条信息替代自身。",
    replacementMissing: "替代信息不存在。",
    validityDateRequired: "有效性变更时请填写日期。",
    writtenInFuture: "成文日期不能晚于今天。",
    formedInFuture: "信息形成日期不能晚于今天。",
    stale: (actorName: string | null, when: string) => `该信息已被${actorName ?? "其他用户"}于 ${when} 修改，请刷新后查看最新内容再操作。`,
    notEditable: "信息正在审核或已撤回，当前不能修改：请先退回或恢复为草稿。",
    editOwnSection: "只有本科室的工作人员可以修改这条信息。",
    findingsToAcknowledge: (count: number) => `发现 ${count} 处可能涉及个人信息或敏感内容，请逐条确认并填写处理说明后再提交。`,
    findingsTitle: "提交前请确认保密审查提示。",
  },
  /** Where a screening finding was found. */
  screeningSources: {
    title: "标题",
    body: "正文",
    documentNumber: "文号",
    attachment: (name: string) => `附件：${name}`,
  },
  /** Links from a catalogue category to the register that keeps its content (lib/catalogue/register-links.ts). */
  registerLinks: {
    powers: "权责清单（现行及历年版本）",
    licensing: "行政许可决定公示（双公示）",
    penalties: "行政处罚决定公示（双公示）",
    coercion: "行政强制决定公示",
    inspections: "双随机抽查任务、抽取结果和检查结果",
    services: "公共服务事项目录和服务指南",
    proposals: "人大代表建议和政协委员提案办理结果",
    annualReports: "历年政府信息公开工作年度报告（表格版）",
  },
  /** 公开方式 of every item the public sees (Art. 19 ff.: published on the agency's own initiative). */
  disclosureModeProactive: "主动公开",
} as const;
