import { z } from "zod";
import { SEARCH_DOCUMENT_TYPES } from "@/lib/search/types";

/**
 * The JSON bodies /api/v1 answers with, as zod schemas: the source of the OpenAPI document's
 * components (lib/openapi/document.ts publishes them with `z.toJSONSchema`). Each is registered
 * under its component name; lib/openapi/operations.ts names the one each endpoint answers with.
 * tests/integration/openapi-contract.test.ts validates real answers against the published schemas.
 * Objects are closed (no unlisted field may appear), so a field added to an answer must be added here.
 */
export const componentRegistry = z.registry<{ id: string; description?: string }>();

function component<Schema extends z.ZodType>(id: string, schema: Schema, description?: string): Schema {
  componentRegistry.add(schema, { id, ...(description ? { description } : {}) });
  return schema;
}

const int = () => z.int();
const day = () => z.iso.date();
const text = () => z.string();
const nullableText = () => z.string().nullable();
const nullableDay = () => z.iso.date().nullable();
const paging = { total: int(), page: int(), pageSize: int() };
const validity = z.enum(["in_force", "amended", "repealed", "expired"]);
const ratingCounts = z.object({ satisfied: int(), basically_satisfied: int(), unsatisfied: int() });
/** One entry of a record's audit history (工作台). */
const historyEntry = z.looseObject({ id: text(), occurredAt: text(), actorName: nullableText(), action: text(), comment: nullableText() });

export const errorSchema = component("Error", z.object({
  error: z.object({
    code: z.string().meta({ examples: ["invalid", "not_found", "rate_limited"] }),
    message: text(),
    fields: z.record(z.string(), z.array(z.string())).optional().describe("422：每个参数或字段的问题"),
    details: z.looseObject({}).optional().describe("附加信息，如 422 时的 details.findings：公开前须逐条确认的保密审查提示 [{key, source, kind, match, context}]，确认时以 acknowledgements: [{key, note}] 重新提交"),
  }),
}));

const importProblem = component("ImportProblem", z.object({
  row: int().nullable().describe("表格中的行号（与 Excel 显示的一致，表头通常为第 1 行）；null 表示整个文件的问题"),
  column: z.string().nullable().describe("模板的中文列名；null 表示整行或整个文件的问题"),
  message: text(),
}));
component("ImportRejected", z.object({
  errors: z.array(importProblem).min(1),
  error: z.object({ code: z.literal("import_rejected"), message: z.string().describe("如：文件中有 3 处问题，没有导入任何数据。请修改后重新导入。") }),
}).describe("导入被拒绝：文件中的全部问题逐行逐列列出，未导入任何数据（所有导入接口相同）"));

// Search and items (open data).
const searchResult = component("SearchResult", z.object({
  type: z.enum(SEARCH_DOCUMENT_TYPES),
  id: int(),
  title: text(),
  snippet: z.string().describe("HTML 片段：文字已转义，命中词用 <mark> 标出"),
  url: z.string().describe("站内地址，如 /items/12"),
  publishedAt: day(),
}));
component("SearchResponse", z.object({ total: int().describe("命中总数。极常见的词（超过 10,000 条）为估算值"), results: z.array(searchResult) }));

const itemSummaryFields = {
  id: int(),
  indexNumber: z.string().describe("索引号"),
  title: text(),
  category: z.object({ slug: text(), name: text() }),
  issuingBody: z.string().describe("发布机构"),
  documentNumber: z.string().nullable().describe("文号"),
  writtenAt: z.iso.date().nullable().describe("成文日期"),
  publishedAt: z.iso.date().describe("发布日期"),
  validity,
};
const itemSummary = component("ItemSummary", z.object(itemSummaryFields));
component("ItemPage", z.object({ ...paging, items: z.array(itemSummary) }));
const attachmentView = z.object({ id: int(), name: text(), sizeBytes: int(), mimeType: text() }).catchall(z.unknown());
component("ItemDetailResponse", z.object({
  item: z.object({
    ...itemSummaryFields,
    body: z.string().describe("正文（已清理的 HTML）"),
    formedAt: day(),
    validityDate: nullableDay(),
    replacedBy: z.looseObject({}).nullable(),
    channels: z.array(text()),
    keywords: z.array(text()),
    disclosureMode: text(),
    attachments: z.array(attachmentView),
    withdrawal: z.looseObject({}).nullable(),
  }),
}));
const categoryNode: z.ZodType = component("CategoryNode", z.object({
  id: int(),
  slug: text(),
  name: text(),
  kind: z.enum(["list", "page"]),
  parentId: int().nullable(),
  sortOrder: int(),
  get children() { return z.array(categoryNode); },
}));
component("CategoryTreeResponse", z.object({ categories: z.array(categoryNode) }));
component("OpenApiDocument", z.looseObject({ openapi: text(), info: z.looseObject({}), paths: z.looseObject({}) }), "本文档（OpenAPI 3.1）");

// Registers.
const powerFields = {
  code: text(), name: text(), type: text(), status: text(), legalBasis: z.array(text()), statusNote: nullableText(),
  effectiveOn: nullableDay(), sectionName: nullableText(), accountability: nullableText(), responsibilities: nullableText(),
};
const powerView = z.object({ ...powerFields, id: int() });
component("PowerPage", z.object({ year: int().nullable(), publishedAt: nullableText(), note: nullableText(), ...paging, items: z.array(powerView), retained: int() }));
component("PowerResponse", z.object({ power: powerView }));
const powerEntry = z.object(powerFields);
component("PowerChanges", z.object({
  from: int(), to: int(), added: z.array(powerEntry), removed: z.array(powerEntry),
  changed: z.array(z.object({ code: text(), before: powerEntry, after: powerEntry, fields: z.array(text()) })), unchanged: int(),
}));
component("ServicePage", z.object({ ...paging, items: z.array(z.object({ id: int(), code: text(), name: text(), sectionName: nullableText(), timeLimitDays: int().nullable(), fee: nullableText() })) }));
component("ServiceResponse", z.object({
  service: z.object({
    id: int(), code: text(), name: text(), fee: nullableText(), place: nullableText(), power: z.object({ code: text(), name: text() }).nullable(),
    steps: z.array(text()), materials: z.array(z.object({ name: text(), note: nullableText(), copies: int().nullable(), originals: int().nullable() }).catchall(z.unknown())),
    forms: z.array(z.object({ id: int(), title: text(), mimeType: text(), sizeBytes: int(), originalName: text(), url: text() })),
    conditions: nullableText(), legalBasis: z.array(text()), officeHours: nullableText(), sectionName: nullableText(), timeLimitDays: int().nullable(),
    complaintPhone: nullableText(), consultationPhone: nullableText(), publishedAt: nullableText(),
  }),
}));
const decisionKind = z.enum(["license", "penalty", "coercion"]);
const publicDecisionFields = {
  id: int(), kind: decisionKind, counterpartyName: text(), counterpartyCategory: text(), creditCode: nullableText(), documentNumber: text(),
  decisionDate: day(), content: text(), authorityName: text(),
};
component("DecisionPage", z.object({ ...paging, items: z.array(z.object(publicDecisionFields)) }));
component("DecisionResponse", z.object({
  decision: z.object({
    ...publicDecisionFields,
    legalRepresentative: nullableText(), idNumberMasked: nullableText(), licenseName: nullableText(), licenseContent: nullableText(),
    violationType: nullableText(), violationFacts: nullableText(), penaltyBasis: nullableText(), penaltyCategories: z.array(text()), penaltyContent: nullableText(),
    penaltyAmount: z.union([z.number(), z.string()]).nullable(), coercionCategory: nullableText(), coercionContent: nullableText(),
    validFrom: nullableDay(), validUntil: nullableText(), authorityCreditCode: nullableText(), dataSourceName: nullableText(), remarks: nullableText(),
    publishedAt: nullableText(), publicUntil: nullableDay(),
  }),
}));

// Inspections.
const resultsDeadline = z.looseObject({ due: nullableDay(), explanation: text(), status: text() });
const inspectionDraw = z.looseObject({ algorithm: text(), seed: text(), inputHash: text(), drawnAt: text(), verified: z.boolean() });
const inspectionAssignment = z.looseObject({
  id: int(), position: int(), targetId: int(), targetName: text(),
  inspectors: z.array(z.looseObject({ id: int(), name: text() })), outcome: nullableText(), inspectedOn: nullableDay(),
});
const inspectionFields = {
  id: int(), year: int(), title: text(), description: nullableText(),
  items: z.array(z.looseObject({ id: int(), name: text() })), targetCategories: z.array(text()), targetCount: int(), inspectorsPerTarget: int(),
  startOn: day(), endOn: day(), sectionName: nullableText(), state: text(), publishedAt: nullableText(), withdrawnAt: nullableText(), withdrawalReason: nullableText(),
  resultsState: text(), resultsPublishedAt: nullableText(), resultsWithdrawnAt: nullableText(), resultsWithdrawalReason: nullableText(),
  resultsDeadline: resultsDeadline.nullable(), draw: inspectionDraw.nullable(), assignments: z.array(inspectionAssignment), version: int(),
};
component("InspectionPage", z.object({
  ...paging,
  items: z.array(z.object({ id: int(), year: int(), title: text(), items: z.array(text()), startOn: day(), endOn: day(), targetCount: int(), publishedAt: nullableText(), resultsPublished: z.boolean(), resultsDeadline: resultsDeadline.nullable() })),
}));
component("InspectionResponse", z.object({ kind: text(), inspection: z.object(inspectionFields), resultsPublished: z.boolean() }));
component("DrawInput", z.object({
  algorithm: text(), seed: text(), targetCategories: z.array(text()), targetCount: int(), inspectorsPerTarget: int(),
  targets: z.array(z.object({ id: int(), name: text(), creditCode: nullableText(), address: nullableText(), category: text(), active: z.boolean() })),
  inspectors: z.array(z.object({ id: int(), name: text(), certificateNumber: nullableText(), section: nullableText(), active: z.boolean() })),
  conflicts: z.array(z.object({ inspectorId: int(), targetId: int() })),
}).describe("抽取的输入：据此可复核抽取结果"));

// Proposals, reports, applications, feedback (public).
const publicProposalFields = {
  id: int(), year: int(), session: text(), number: text(), kind: z.enum(["suggestion", "proposal"]), title: text(), proposers: z.array(text()),
  leadSection: nullableText(), repliedOn: nullableDay(), disclosure: text(),
};
component("ProposalList", z.object({ year: int().nullable(), kind: nullableText(), total: int(), proposals: z.array(z.object(publicProposalFields)) }));
component("ProposalResponse", z.object({
  proposal: z.object({ ...publicProposalFields, replies: z.array(z.object({ round: int(), repliedOn: nullableDay(), mode: text(), text: nullableText(), attachments: z.array(z.looseObject({})) })) }),
}));
const proposalCounts = z.object({ received: int(), replied: int(), onTime: int(), published: int(), withFeedback: int(), satisfaction: ratingCounts, satisfactionRate: z.number().nullable() });
component("ProposalStats", z.object({ year: int(), byKind: z.object({ suggestion: proposalCounts, proposal: proposalCounts }), total: proposalCounts }));
component("AnnualReport", z.object({
  year: int(), status: text(), edition: int(),
  table2: z.looseObject({}), table3: z.object({ columns: z.array(text()), rows: z.record(z.string(), z.array(z.number())) }), table4: z.array(z.number()),
  checks: z.object({ passed: z.boolean(), blocking: z.array(z.unknown()), warnings: z.array(z.unknown()) }),
}).describe("年度报告的表格数字（国办公开办函〔2021〕30号格式）"));
component("ApplicationReceipt", z.object({ number: text(), lookupCode: text(), receivedOn: day(), dueOn: nullableDay() }).describe("申请编号和查询码（查询码只在此时给出）"));
component("ApplicationStatus", z.object({
  number: text(), status: text(), statusLabel: text(), receivedOn: day(), dueOn: nullableDay(), provisional: z.boolean(),
  timeline: z.array(z.object({ date: day(), kind: text(), label: text() })),
  reply: z.object({ title: text(), outcome: text(), outcomeLabel: text(), issuedOn: day() }).nullable(),
  replyDownload: nullableText(),
}));
component("FeedbackPage", z.object({
  ...paging,
  entries: z.array(z.object({ id: int(), topic: text(), content: text(), item: z.looseObject({}).nullable(), submittedAt: text(), reply: nullableText(), replier: nullableText(), answeredAt: nullableText(), ratings: ratingCounts })),
}));
component("Created", z.object({ id: int() }), "新记录的 id");
component("Me", z.object({
  user: z.object({ id: int(), username: text(), displayName: text(), role: text(), sectionId: int().nullable(), sectionName: nullableText() }),
  authentication: z.object({ method: text(), scope: nullableText().optional(), expiresAt: nullableText().optional() }),
}));

// Console (工作台).
const userView = z.object({ id: int(), username: text(), displayName: text(), role: text(), sectionId: int().nullable(), sectionName: nullableText(), disabled: z.boolean(), createdAt: text() });
component("UserList", z.object({ users: z.array(userView) }));
component("UserResponse", z.object({ user: userView }));
const sectionView = z.object({ id: int(), name: text(), sortOrder: int(), userCount: int() });
component("SectionList", z.object({ sections: z.array(sectionView) }));
component("SectionResponse", z.object({ section: sectionView }));
component("ConsoleItemPage", z.object({ ...paging, items: z.array(z.looseObject({ id: int(), indexNumber: nullableText(), title: text(), state: text() })) }));
component("ConsoleItemResponse", z.object({ item: z.looseObject({ id: int(), state: text(), version: int(), latest: z.looseObject({ title: text(), body: text() }), history: z.array(historyEntry), actions: z.array(z.unknown()), canEdit: z.boolean() }) }));
const handlingSection = z.object({ id: int(), name: text(), configured: z.boolean() }).nullable();
component("ConsoleApplicationPage", z.object({ handlingSection, ...paging, items: z.array(z.looseObject({ id: int(), number: text(), status: text(), receivedOn: day(), dueOn: nullableDay() })) }));
component("ConsoleApplicationDetail", z.looseObject({
  id: int(),
  status: text(),
  version: int(),
  applicant: z.looseObject({ masked: z.boolean() }),
  timeline: z.array(z.looseObject({
    kind: text(), date: day(), note: nullableText(), noteHidden: z.boolean(),
    detail: z.string().nullable().describe("如征求意见的第三方（对无权查看者脱敏，如 李*明）"),
  })),
}).describe("一件申请（工作台）。申请人信息和办理说明仅对办理科室和领导完整显示；其他人看到脱敏信息，说明为 null 且 noteHidden = true，第三方名称脱敏。"));
component("OfflineApplicationReceipt", z.object({ id: int(), number: text(), lookupCode: text(), receivedOn: day(), dueOn: nullableDay() }).describe("登记的申请：id、申请编号和查询码"));
component("FeeQuote", z.object({ amountYuan: z.number(), breakdown: z.array(z.looseObject({ amountYuan: z.number() })), method: text(), quantity: int(), summary: text(), basis: text() }));
component("ConsoleDecisionPage", z.object({ ...paging, items: z.array(z.looseObject({ id: int(), kind: decisionKind, documentNumber: text(), state: text() })) }));
component("ConsoleDecisionResponse", z.object({ decision: z.looseObject({ id: int(), kind: decisionKind, state: text(), version: int(), values: z.record(z.string(), z.string()), history: z.array(historyEntry), canEdit: z.boolean() }) }));
component("ConsoleFeedbackPage", z.object({ ...paging, entries: z.array(z.looseObject({ id: int(), topic: text(), status: text(), published: z.boolean() })) }));
component("FeedbackStats", z.object({ year: int(), received: int(), answered: int(), published: int(), rejected: int(), inModeration: int(), ratings: ratingCounts, satisfactionRate: z.number().nullable() }));
const screeningFindingView = component("ScreeningFindingView", z.looseObject({
  stage: z.enum(["submission", "publication"]).describe("submission：留言提交时发现（因此进入待审查）；publication：公开时由科室负责人确认"),
  source: z.string().describe("主题、内容或答复"),
  kind: z.enum(["id_number", "mobile_number", "bank_card", "email", "sensitive_word"]),
  match: text(),
  context: text(),
  acknowledgedNote: nullableText(),
  acknowledgedBy: nullableText(),
}));
component("ConsoleFeedbackDetail", z.object({
  feedback: z.looseObject({
    id: int(),
    status: z.enum(["moderation", "received", "reply_review", "answered", "rejected"]),
    version: int(),
    screeningFindings: z.array(screeningFindingView),
    history: z.array(historyEntry),
  }),
}).describe("一条留言（工作台）。只对负责科室、未分办留言的各科室、审查人员和领导、管理员可见；留言人姓名和联系方式从不公开。"));
component("ConsoleInspectionPage", z.object({ ...paging, years: z.array(int()), items: z.array(z.looseObject({ id: int(), year: int(), title: text(), state: text() })) }));
component("ConsoleInspectionResponse", z.object({ inspection: z.looseObject({ ...inspectionFields, history: z.array(historyEntry), canEdit: z.boolean() }) }));
const listVersion = z.object({ version: int(), hash: text() });
component("InspectorList", z.object({ version: listVersion, items: z.array(z.looseObject({ id: int(), name: text(), active: z.boolean() })) }));
component("TargetPage", z.object({ ...paging, categories: z.array(z.object({ category: text(), active: int() })), version: listVersion, items: z.array(z.looseObject({ id: int(), name: text(), active: z.boolean() })) }));
component("ConsoleProposalPage", z.object({ ...paging, proposals: z.array(z.looseObject({ id: int(), year: int(), number: text(), title: text(), status: text() })) }));
component("ConsoleProposalResponse", z.object({
  proposal: z.looseObject({
    id: int(),
    leadSectionId: int().nullable(),
    version: int(),
    canDraftReply: z.boolean(),
    can: z.object({ edit: z.boolean(), assign: z.boolean(), recordFeedback: z.boolean(), reopen: z.boolean(), close: z.boolean() }).describe("当前用户现在可以执行的操作（服务器在每次写入时再次判断）"),
    publicFieldsLocked: z.boolean().describe("已有公开的答复：年度、类别、届次会议、编号、标题、提出人、主办科室只能在撤回答复后修改（否则 409，code = published）"),
    history: z.array(historyEntry),
  }).describe("一件建议提案（工作台）。所有工作台用户可读；写操作按主办科室授权（其他科室 403），交办限科室负责人和管理员。"),
}));
component("ProposalSettings", z.object({ replyPeriodMonths: int() }));
