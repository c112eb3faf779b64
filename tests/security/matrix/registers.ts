import type { MatrixFixtures, RegisterState } from "../matrix-fixtures";
import { expect, form, formAction, nextNumber, type Expectation, type MatrixRow } from "../matrix-types";

const api = "/api/v1/admin/decisions";
const keepers = "staff and the head of the keeping section";

type Step = { case: string; from: RegisterState; body: Record<string, unknown>; expect: Expectation; note?: string };

/** Register entries take the items' review (lib/workflow/item-workflow.ts). */
const reviewSteps: Step[] = [
  { case: "submit a draft", from: "draft", body: { action: "submit" }, expect: expect(401, 403, 200, 200, 403, 403) },
  { case: "approve in section review", from: "section_review", body: { action: "approve" }, expect: expect(401, 403, 403, 200, 403, 403) },
  { case: "approve in leader review", from: "leader_review", body: { action: "approve" }, expect: expect(401, 403, 403, 403, 200, 403) },
  { case: "withdraw a published entry", from: "published", body: { action: "withdraw", comment: "录入错误。" }, expect: expect(401, 403, 403, 403, 200, 403) },
];

function reviewRows(target: (step: Step) => Omit<MatrixRow, "case" | "expect" | "note">): MatrixRow[] {
  return reviewSteps.map((step) => ({ ...target(step), case: step.case, expect: step.expect, note: step.note }) as MatrixRow);
}

/** The service form's parallel material columns. */
function serviceForm(fx: MatrixFixtures, extra: Record<string, unknown> = {}) {
  const { materials: _materials, ...fields } = fx.serviceInput();
  return { ...fields, materialName: ["申请表"], materialOriginals: ["1"], materialCopies: [""], materialNote: [""], ...extra };
}

const notASpreadsheet = () => form({ file: new File(["这不是表格"], "decisions.csv") });

export const registerRows: MatrixRow[] = [
  // 双公示 decisions: the API.
  { route: `GET ${api}`, expect: expect(401, 200, 200, 200, 200, 200), request: async () => ({}) },
  { route: `POST ${api}`, expect: expect(401, 201, 201, 201, 403, 403), request: async (fx) => ({ json: fx.decisionInput() }) },
  {
    route: `GET ${api}/[id]`,
    case: "a draft of 综合科",
    expect: expect(401, 200, 200, 200, 200, 200),
    request: async (fx) => ({ params: { id: String((await fx.shared("draft decision", () => fx.decision())).id) } }),
  },
  {
    route: `PATCH ${api}/[id]`,
    case: "a draft of 综合科",
    expect: expect(401, 403, 200, 200, 403, 403),
    note: keepers,
    request: async (fx) => {
      const decision = await fx.decision();
      return { params: { id: String(decision.id) }, json: { ...fx.decisionInput(), version: decision.version } };
    },
  },
  ...reviewRows((step) => ({
    route: `POST ${api}/[id]/transitions`,
    request: async (fx) => {
      const decision = await fx.decision(step.from);
      return { params: { id: String(decision.id) }, json: { ...step.body, version: decision.version } };
    },
  })),
  {
    route: `POST ${api}/batches/[id]/transitions`,
    case: "submit a draft import batch of 综合科",
    expect: expect(401, 409, 200, 200, 409, 409),
    note: "409: no decision of the batch allows this person the step, so there is nothing to do",
    request: async (fx) => ({ params: { id: String((await fx.decisionBatch()).id) }, json: { action: "submit" } }),
  },
  {
    route: `POST ${api}/batches/[id]/transitions`,
    case: "approve a batch in section review",
    expect: expect(401, 409, 409, 200, 409, 409),
    note: "409: no decision of the batch allows this person the step, so there is nothing to do",
    request: async (fx) => ({ params: { id: String((await fx.decisionBatch("section_review")).id) }, json: { action: "approve" } }),
  },
  {
    route: `POST ${api}/import`,
    case: "a file that is not a spreadsheet",
    expect: expect(401, 422, 422, 422, 403, 403),
    note: "422: allowed, and the file refused",
    request: async () => ({ query: { kind: "license" }, multipart: notASpreadsheet() }),
  },
  { route: `GET ${api}/export`, expect: expect(401, 200, 200, 200, 200, 200), request: async () => ({ query: { kind: "penalty", format: "csv" } }) },
  { route: `GET ${api}/template`, expect: expect(401, 200, 200, 200, 200, 200), request: async () => ({ query: { kind: "penalty", format: "csv" } }) },

  // 双公示 decisions: the console's forms.
  {
    action: "app/admin/decisions/actions.ts#createDecisionAction",
    expect: expect(401, 200, 200, 200, 403, 403),
    request: async (fx) => formAction(["penalty"], fx.decisionInput()),
  },
  {
    action: "app/admin/decisions/actions.ts#updateDecisionAction",
    case: "a draft of 综合科",
    expect: expect(401, 403, 200, 200, 403, 403),
    note: keepers,
    request: async (fx) => {
      const decision = await fx.decision();
      return formAction([decision.id], { ...fx.decisionInput(), version: decision.version });
    },
  },
  ...reviewRows((step) => ({
    action: "app/admin/decisions/actions.ts#transitionDecisionAction",
    request: async (fx) => {
      const decision = await fx.decision(step.from);
      return formAction([decision.id], { ...step.body, version: decision.version });
    },
  })),
  {
    action: "app/admin/decisions/actions.ts#transitionBatchAction",
    case: "submit a draft import batch of 综合科",
    expect: expect(401, 409, 200, 200, 409, 409),
    note: "409: no decision of the batch allows this person the step, so there is nothing to do",
    request: async (fx) => formAction([(await fx.decisionBatch()).id], { action: "submit" }),
  },
  {
    action: "app/admin/decisions/actions.ts#proposePublicityRemovalAction",
    case: "a published penalty of 综合科",
    expect: expect(401, 403, 200, 200, 403, 403),
    note: keepers,
    request: async (fx) => formAction([(await fx.decision("published")).id], { removeOn: fx.removalDate, reason: "已履行处罚决定并作出信用修复承诺。" }),
  },
  {
    action: "app/admin/decisions/actions.ts#decidePublicityRemovalAction",
    case: "approve a 信用修复 proposal of 综合科's staff member",
    expect: expect(401, 403, 403, 200, 403, 403),
    note: "the head of the keeping section, and never on their own proposal",
    request: async (fx) => formAction([(await fx.publicityRemoval()).id], { action: "approve" }),
  },
  {
    action: "app/admin/decisions/actions.ts#setPublicityPeriodsAction",
    expect: expect(401, 403, 403, 403, 200, 200),
    request: async () => formAction([], { license: "36", penalty: "36", coercion: "" }),
  },
  {
    action: "app/admin/decisions/actions.ts#setFeeIncomeAction",
    expect: expect(401, 200, 200, 200, 403, 403),
    request: async () => formAction([], { year: String(2000 + (nextNumber() % 26)), amountTenThousandYuan: "12.5" }),
  },

  // The power list.
  {
    action: "app/admin/powers/actions.ts#createPowerAction",
    expect: expect(401, 200, 200, 200, 403, 403),
    request: async (fx) => formAction([], fx.powerInput()),
  },
  {
    action: "app/admin/powers/actions.ts#updatePowerAction",
    case: "a draft of 综合科",
    expect: expect(401, 403, 200, 200, 403, 403),
    note: keepers,
    request: async (fx) => {
      const power = await fx.power();
      return formAction([power.id], { ...fx.powerInput(), version: power.version });
    },
  },
  ...reviewRows((step) => ({
    action: "app/admin/powers/actions.ts#transitionPowerAction",
    request: async (fx) => {
      const power = await fx.power(step.from);
      return formAction([power.id], { ...step.body, version: power.version });
    },
  })),
  {
    action: "app/admin/powers/actions.ts#publishPowerListVersionAction",
    case: "a year without a version yet",
    expect: expect(401, 403, 403, 403, 200, 403),
    note: "a leader freezes the year's list",
    request: async () => formAction([], { year: "2005", note: "矩阵测试" }),
  },

  // Service guides.
  {
    action: "app/admin/services/actions.ts#createServiceAction",
    expect: expect(401, 200, 200, 200, 403, 403),
    request: async (fx) => formAction([], serviceForm(fx)),
  },
  {
    action: "app/admin/services/actions.ts#updateServiceAction",
    case: "a draft of 综合科",
    expect: expect(401, 403, 200, 200, 403, 403),
    note: keepers,
    request: async (fx) => {
      const service = await fx.service();
      return formAction([service.id], serviceForm(fx, { version: service.version }));
    },
  },
  ...reviewRows((step) => ({
    action: "app/admin/services/actions.ts#transitionServiceAction",
    request: async (fx) => {
      const service = await fx.service(step.from);
      return formAction([service.id], { ...step.body, version: service.version });
    },
  })),
];
