import { expect, form, formAction, type MatrixRow } from "../matrix-types";

const api = "/api/v1/admin/applications";
const actions = "app/admin/applications/actions.ts";
const handlers = "staff and the head of the handling section (综合科 in the demo)";

const notASpreadsheet = () => form({ file: new File(["这不是表格"], "ledger.xlsx") });

/** 依申请公开: handled by the handling section; applicant data in full for it and for leaders. */
export const applicationRows: MatrixRow[] = [
  {
    route: `GET ${api}`,
    expect: expect(401, 200, 200, 200, 200, 200),
    note: "applicants masked for everyone but the handling section and leaders",
    request: async () => ({}),
  },
  {
    route: `POST ${api}`,
    case: "an application received by letter",
    expect: expect(401, 403, 201, 201, 403, 403),
    note: handlers,
    request: async (fx) => ({ json: fx.applicationInput() }),
  },
  {
    route: `GET ${api}/[id]`,
    expect: expect(401, 200, 200, 200, 200, 200),
    note: "applicant data masked for everyone but the handling section and leaders",
    request: async (fx) => ({ params: { id: String((await fx.shared("application", () => fx.application())).id) } }),
  },
  {
    route: `POST ${api}/[id]/steps`,
    case: "third-party consultation",
    expect: expect(401, 403, 201, 201, 403, 403),
    note: handlers,
    request: async (fx) => ({
      params: { id: String((await fx.application()).id) },
      json: { type: "third_party_consultation", date: fx.today, thirdParty: "某公司" },
    }),
  },
  {
    route: `POST ${api}/[id]/steps`,
    case: "extension",
    expect: expect(401, 403, 403, 201, 403, 403),
    note: "Art. 33: an extension is approved, and so recorded, by the head of the disclosure office (the handling section's head; a setting can give it to leaders)",
    request: async (fx) => ({
      params: { id: String((await fx.application()).id) },
      json: { type: "extension", date: fx.today, days: 10, note: "需要调取档案" },
    }),
  },
  {
    route: `POST ${api}/[id]/decision`,
    expect: expect(401, 403, 200, 200, 403, 403),
    note: handlers,
    request: async (fx) => ({ params: { id: String((await fx.application()).id) }, json: { outcome: "disclose", decidedOn: fx.today } }),
  },
  {
    route: `POST ${api}/[id]/transfer`,
    case: "to another agency of the platform",
    expect: expect(401, 403, 200, 200, 403, 403),
    note: `${handlers}; the application then leaves the agency (集约化)`,
    request: async (fx) => ({ params: { id: String((await fx.application()).id) }, json: { agencyCode: "SFHJYJ", reason: "所申请信息由该机关掌握。" } }),
  },
  {
    route: `POST ${api}/[id]/transfer`,
    case: "an application already decided",
    expect: expect(401, 403, 409, 409, 403, 403),
    note: `${handlers}; only an open application is transferred`,
    request: async (fx) => ({
      params: { id: String((await fx.shared("decided application", () => fx.decidedApplication())).id) },
      json: { agencyCode: "SFHJYJ", reason: "所申请信息由该机关掌握。" },
    }),
  },
  {
    route: `PATCH ${api}/[id]/reply`,
    case: "a draft reply letter",
    expect: expect(401, 403, 200, 200, 403, 403),
    note: handlers,
    request: async (fx) => ({ params: { id: String((await fx.decidedApplication()).id) }, json: { title: "答复书", body: "予以公开。" } }),
  },
  ...replyTransitionRows((call) => ({
    route: `POST ${api}/[id]/reply/transitions`,
    ...call,
    request: async (fx) => ({ params: { id: String((await fx.decidedApplication(call.from)).id) }, json: call.body }),
  })),
  {
    route: `POST ${api}/[id]/appeals`,
    expect: expect(401, 403, 201, 201, 201, 403),
    note: `${handlers}, and leaders`,
    request: async (fx) => ({
      params: { id: String((await fx.decidedApplication()).id) },
      json: { kind: "reconsideration", filedOn: fx.today, body: "绥芬河市人民政府", result: "pending" },
    }),
  },
  {
    route: "GET /api/v1/admin/appeals",
    expect: expect(401, 200, 200, 200, 200, 200),
    note: "every case of the disclosure work; notes only for those who record cases",
    request: async () => ({}),
  },
  {
    route: "POST /api/v1/admin/appeals",
    case: "a reconsideration about proactive disclosure",
    expect: expect(401, 403, 201, 201, 201, 403),
    note: `${handlers}, and leaders`,
    request: async (fx) => ({
      json: { kind: "reconsideration", subject: "《2026年行政处罚案件信息公开》", filedOn: fx.today, body: "绥芬河市人民政府", result: "pending" },
    }),
  },
  {
    route: `POST ${api}/import`,
    case: "a file that is not a ledger",
    expect: expect(401, 422, 422, 422, 403, 422),
    note: "422: allowed, and the file refused (importing the past years' ledger is for staff, heads and administrators)",
    request: async () => ({ multipart: notASpreadsheet() }),
  },
  { route: `GET ${api}/import/template`, expect: expect(401, 200, 200, 200, 403, 200), request: async () => ({ query: { format: "csv" } }) },
  { route: "GET /api/v1/admin/fees/quote", expect: expect(401, 200, 200, 200, 200, 200), request: async () => ({ query: { pages: "120" } }) },
  {
    route: "GET /admin/applications/[id]/reply/docx",
    case: "a draft reply letter",
    expect: expect(401, 403, 200, 200, 200, 403),
    note: "the letter names the applicant: the handling section and leaders only",
    request: async (fx) => ({ params: { id: String((await fx.shared("decided application", () => fx.decidedApplication())).id) } }),
  },

  // The console's forms.
  {
    action: `${actions}#registerApplicationAction`,
    expect: expect(401, 403, 200, 200, 403, 403),
    note: handlers,
    request: async (fx) => formAction([], fx.applicationInput()),
  },
  {
    action: `${actions}#recordStepAction`,
    case: "third-party consultation",
    expect: expect(401, 403, 200, 200, 403, 403),
    note: handlers,
    request: async (fx) => formAction([(await fx.application()).id], { type: "third_party_consultation", date: fx.today, thirdParty: "某公司" }),
  },
  {
    action: `${actions}#recordDecisionAction`,
    expect: expect(401, 403, 200, 200, 403, 403),
    note: handlers,
    request: async (fx) => formAction([(await fx.application()).id], { outcome: "disclose", decidedOn: fx.today }),
  },
  {
    action: `${actions}#transferApplicationAction`,
    case: "to another agency of the platform",
    expect: expect(401, 403, 200, 200, 403, 403),
    note: `${handlers}; the application then leaves the agency (集约化)`,
    request: async (fx) => formAction([(await fx.application()).id], { agencyCode: "SFHJYJ", date: fx.today, reason: "所申请信息由该机关掌握。" }),
  },
  {
    action: `${actions}#updateReplyAction`,
    case: "a draft reply letter",
    expect: expect(401, 403, 200, 200, 403, 403),
    note: handlers,
    request: async (fx) => formAction([(await fx.decidedApplication()).id], { title: "答复书", body: "予以公开。" }),
  },
  ...replyTransitionRows((call) => ({
    action: `${actions}#transitionReplyAction`,
    ...call,
    request: async (fx) => formAction([(await fx.decidedApplication(call.from)).id], call.body),
  })),
  {
    action: `${actions}#recordAppealAction`,
    expect: expect(401, 403, 200, 200, 200, 403),
    note: `${handlers}, and leaders`,
    request: async (fx) =>
      formAction([(await fx.decidedApplication()).id], { kind: "reconsideration", filedOn: fx.today, body: "绥芬河市人民政府", result: "pending" }),
  },
  {
    action: `${actions}#updateAppealAction`,
    case: "a pending reconsideration",
    expect: expect(401, 403, 200, 200, 200, 403),
    note: `${handlers}, and leaders`,
    request: async (fx) => {
      const { applicationId, appealId } = await fx.appeal();
      return formAction([applicationId, "reconsideration", appealId], { result: "upheld", resultOn: fx.today });
    },
  },
  {
    action: `${actions}#recordProactiveAppealAction`,
    expect: expect(401, 403, 200, 200, 200, 403),
    note: `${handlers}, and leaders`,
    request: async (fx) =>
      formAction([], { kind: "litigation", subject: "《2026年行政处罚案件信息公开》", filedOn: fx.today, body: "绥芬河市人民法院", result: "pending" }),
  },
  {
    action: `${actions}#updateAppealOnListAction`,
    case: "a pending reconsideration",
    expect: expect(401, 403, 200, 200, 200, 403),
    note: `${handlers}, and leaders`,
    request: async (fx) => {
      const { appealId } = await fx.appeal();
      return formAction(["reconsideration", appealId], { result: "upheld", resultOn: fx.today });
    },
  },
  {
    action: `${actions}#updateSettingsAction`,
    case: "choose the handling section",
    expect: expect(401, 403, 403, 403, 403, 200),
    request: async (fx) => formAction([], { handlingSectionId: fx.sectionId }),
  },
];

type ReplyCase = {
  case: string;
  from: "draft" | "section_review" | "leader_review";
  body: Record<string, unknown>;
  expect: ReturnType<typeof expect>;
  note?: string;
};

/** The reply letter's review follows the items' workflow table, with the handling section as its section. */
function replyTransitionRows(make: (call: ReplyCase) => MatrixRow): MatrixRow[] {
  const cases: ReplyCase[] = [
    { case: "submit a draft reply", from: "draft", body: { action: "submit" }, expect: expect(401, 403, 200, 200, 403, 403) },
    { case: "approve in section review", from: "section_review", body: { action: "approve" }, expect: expect(401, 403, 403, 200, 403, 403) },
    { case: "approve in leader review: issued", from: "leader_review", body: { action: "approve" }, expect: expect(401, 403, 403, 403, 200, 403) },
  ];
  return cases.map(make);
}
