/**
 * Interface strings of the review workflow engine (lib/workflow), merged into lib/i18n/zh-CN.ts as
 * `messages.workflow`. The refusals are written once; each record type names itself with its nouns
 * (`object` after 对, `subject` at the start of a sentence).
 */
export const workflowMessages = {
  refusals: {
    forbidden: (object: string) => `您不能对${object}执行此操作。`,
    invalidState: (subject: string) => `${subject}当前的状态不允许此操作，请刷新后查看。`,
    commentRequired: {
      review_comment: "退回时必须填写意见。",
      withdrawal_reason: "撤回时必须填写撤回理由。",
      public_withdrawal_reason: "撤回时必须填写公开的撤回理由。",
    },
    publishTimeInvalid: "发布时间无效。",
  },
  request: {
    unknownAction: "未知的操作。",
    commentTooLong: "意见最多 2000 个字。",
  },
  nouns: {
    item: { object: "这条信息", subject: "这条信息" },
    registerEntry: { object: "这条记录", subject: "这条记录" },
    inspection: { object: "这个抽查任务", subject: "抽查任务" },
    proposalReply: { object: "该答复", subject: "该答复" },
    report: { object: "这份报告", subject: "报告" },
    replyLetter: { object: "这份答复书", subject: "答复书" },
    feedbackReply: { object: "这条答复", subject: "答复" },
  },
  /** After a review step: what happened and who acts next, by the state the record is now in. */
  afterStep: {
    draft: "已退回，等待起草人修改后重新提交审核。",
    section_review: "已提交，等待科室负责人审核。",
    leader_review: "科室负责人已审核通过，等待主管领导审批。",
    scheduled: "已批准，将在设定的时间自动发布。",
    published: "已批准发布，公众现在可以看到。",
    withdrawn: "已撤回，公众已看不到。",
    approved: "已审核通过。",
  } as Record<string, string>,
  /** When the user has no step to take: where the record stands, so that it does not read as an error. */
  waiting: {
    draft: "草稿由起草人修改并提交审核；目前没有需要您审核的步骤。",
    section_review: "正在等待科室负责人审核，您无需操作。",
    leader_review: "正在等待主管领导审批，您无需操作。",
    scheduled: "已批准，等待定时发布，您无需操作。",
  } as Record<string, string>,
  stepDone: "操作成功。",
  /** The one review box where approving and returning share a comment. */
  reviewBox: {
    name: (approve: string, ret: string) => `审核：${approve}或${ret}`,
    comment: "审核意见（退回时必填）",
    hint: "通过时可不填写；退回时请写明需要修改的内容，起草人会看到这段意见。",
  },
  guards: {
    reportNeverWithdrawn: "年度报告发布后不能撤回，请发布更正版。",
    reportChecksFailed: "报告未通过校验，不能提交审核。",
    drawFirst: "请先完成随机抽取，再提交审核。",
    resultsIncomplete: (missing: number) => `还有 ${missing} 个检查对象没有登记检查结果或检查日期。`,
    resultsIncompleteTitle: "检查结果不完整，不能提交审核。",
    resultsAfterPlan: "抽查任务公开后才能审核检查结果。",
    feedbackWithoutReply: "这条留言还没有答复。",
    feedbackNotPublishable: "留言人未同意公开，不能公开。",
    proposalReplyMissing: "答复不存在。",
    proposalReplyStale: "该答复已被他人修改，请刷新后查看最新内容再操作。",
    replyLetterStale: "答复书已被他人修改，请刷新后再操作。",
  },
} as const;
