/**
 * Strings shared by every domain's data layer and API (merged into lib/i18n/zh-CN.ts as
 * `messages.common`): the default texts of the typed errors, "not found" per kind of record, and
 * the field-level validation messages the zod schemas are built from.
 */
export const commonMessages = {
  errors: {
    unauthenticated: "请先登录。",
    passwordChangeRequired: "您的账号使用的是一次性密码，请先在“我的账号”中修改密码，然后才能进行其他操作。",
    forbidden: "您没有执行此操作的权限。",
    notFound: "未找到。",
    invalid: "提交的内容有误，请检查标出的字段。",
    rateLimited: "请求过于频繁，请稍后再试。",
    internal: "服务器内部错误。",
    invalidJson: "请求体不是有效的 JSON。",
    jsonObjectExpected: "请求体应为 JSON 对象。",
  },
  /** 404s, by the kind of record asked for. */
  notFound: {
    item: "信息不存在。",
    agency: "机关不存在。",
    revision: "该修订版本不存在。",
    application: "申请不存在。",
    feedback: "留言不存在。",
    feedbackNotPublic: "留言不存在或未公开。",
    proposal: "建议提案不存在。",
    proposalNotPublic: "建议提案不存在或其答复未公开。",
    reply: "答复不存在。",
    inspection: "抽查任务不存在。",
    inspectionNotPublic: "抽查任务不存在或尚未公开。",
    inspectionItem: "抽查事项不存在。",
    user: "用户不存在。",
    section: "科室不存在。",
    category: "栏目不存在。",
    attachment: "附件不存在。",
    attachmentFile: "附件文件不存在。",
    report: "年度报告不存在。",
    reportNotPublished: "该年度的报告尚未公开。",
    reportYear: "年份无效。",
    exportList: "没有这个可导出的列表。",
  },
  /** Field-level messages of the zod schemas; `label` is the field's name. */
  validation: {
    required: (label: string) => `请填写${label}。`,
    choose: (label: string) => `请选择${label}。`,
    tooLong: (label: string, max: number) => `${label}最多 ${max} 个字。`,
    tooLongCharacters: (label: string, max: number) => `${label}最多 ${max} 个字符。`,
    eachTooLong: (label: string, max: number) => `${label}每条最多 ${max} 个字。`,
    atLeastOne: (label: string) => `请至少填写一条${label}。`,
    tooMany: (label: string, max: number) => `${label}最多 ${max} 条。`,
    invalidDate: (label: string, example: string) => `${label}不是有效日期（格式：${example}）。`,
    versionMissing: "缺少版本号。",
    pageNumber: "页码必须是正整数。",
    pageSize: (max: number) => `每页条数必须是 1 到 ${max} 之间的整数。`,
  },
  attachments: {
    empty: "文件是空的，请重新选择。",
    tooLarge: (megabytes: number) => `文件不能超过 ${megabytes} MB。`,
    allowedTypes: "只能上传 PDF、Word、Excel 或图片（JPG、PNG、GIF、WebP）文件。",
    defaultName: "附件",
    tooManyAttachments: (max: number) => `一次最多上传 ${max} 个附件。`,
    tooManyForms: (max: number) => `一次最多上传 ${max} 个表格。`,
  },
  /** How a deadline in working days was reached (lib/deadlines/working-days.ts). */
  deadlineExplanation: {
    startClause: (start: string, count: number) => `自${start}起算${count}个工作日`,
    skippedClause: (items: string[]) => `跳过：${items.join("、")}`,
    dueClause: (due: string) => `截止${due}`,
    clauseSeparator: "，",
    skippedItem: (dates: string, label: string) => `${dates} ${label}`,
    dayRange: (first: string, last: string) => `${first}至${last}`,
    reasonLabels: {
      weekday: "工作日",
      weekend: "周末",
      public_holiday: "法定节假日",
      adjusted_workday: "调休上班",
      override_working: "调整为工作日",
      override_rest: "调整为休息日",
    },
  },
  workingDays: (count: number) => `${count} 个工作日`,
  /** The actor of a step nobody took by hand (the scheduler, an import). */
  systemActor: "系统",
  /** The heading of a table's numbering column. */
  serialNumber: "序号",
  /** The accessible name of the breadcrumb trail. */
  breadcrumb: "当前位置",
  replyLetterDownloadViaStatusPage: "请通过查询页面下载答复书。",
} as const;
