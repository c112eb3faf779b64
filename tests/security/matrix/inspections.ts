import { expect, form, formAction, type MatrixRow } from "../matrix-types";

const api = "/api/v1/admin/inspections";
const actions = "app/admin/inspections/actions.ts";
const keepers = "staff and the head of the task's section";

const notASpreadsheet = () => form({ file: new File(["这不是表格"], "list.xlsx") });

/** 双随机一公开: the section plans and draws; the review follows the items' workflow table; staff and heads keep the lists. */
export const inspectionRows: MatrixRow[] = [
  { route: `GET ${api}`, expect: expect(401, 200, 200, 200, 200, 200), request: async () => ({}) },
  { route: `POST ${api}`, expect: expect(401, 201, 201, 201, 403, 403), request: async (fx) => ({ json: await fx.planInput() }) },
  {
    route: `GET ${api}/[id]`,
    case: "a draft task of 综合科",
    expect: expect(401, 200, 200, 200, 200, 200),
    request: async (fx) => ({ params: { id: String((await fx.shared("draft inspection", () => fx.inspection())).id) } }),
  },
  {
    route: `PATCH ${api}/[id]`,
    case: "a draft task of 综合科",
    expect: expect(401, 403, 200, 200, 403, 403),
    note: keepers,
    request: async (fx) => {
      const inspection = await fx.inspection();
      return { params: { id: String(inspection.id) }, json: { ...(await fx.planInput()), version: inspection.version } };
    },
  },
  {
    route: `POST ${api}/[id]/draw`,
    case: "a draft task of 综合科",
    expect: expect(401, 403, 201, 201, 403, 403),
    note: `${keepers}; the server chooses the seed`,
    request: async (fx) => ({ params: { id: String((await fx.inspection()).id) }, json: {} }),
  },
  {
    route: `PUT ${api}/[id]/results`,
    case: "a published task of 综合科",
    expect: expect(401, 403, 200, 200, 403, 403),
    note: keepers,
    request: async (fx) => {
      const inspection = await fx.inspection("published");
      return { params: { id: String(inspection.id) }, json: { version: inspection.version, results: await fx.inspectionResults(inspection.id) } };
    },
  },
  {
    route: `POST ${api}/[id]/transitions`,
    case: "submit a drawn plan",
    expect: expect(401, 403, 200, 200, 403, 403),
    request: async (fx) => ({ params: { id: String((await fx.inspection("drawn")).id) }, json: { subject: "plan", action: "submit" } }),
  },
  {
    route: `POST ${api}/[id]/transitions`,
    case: "approve a plan in section review",
    expect: expect(401, 403, 403, 200, 403, 403),
    request: async (fx) => ({ params: { id: String((await fx.inspection("section review")).id) }, json: { subject: "plan", action: "approve" } }),
  },
  {
    route: `POST ${api}/[id]/transitions`,
    case: "approve a plan in leader review",
    expect: expect(401, 403, 403, 403, 200, 403),
    request: async (fx) => ({ params: { id: String((await fx.inspection("leader review")).id) }, json: { subject: "plan", action: "approve" } }),
  },
  { route: `GET ${api}/inspectors`, expect: expect(401, 200, 200, 200, 200, 200), request: async () => ({}) },
  {
    route: `POST ${api}/inspectors`,
    expect: expect(401, 201, 201, 201, 403, 403),
    note: "the lists are kept by staff and heads",
    request: async (fx) => ({
      json: { name: "矩阵检查员", certificateNumber: `MXA${Date.now() % 100000}${fx.sectionId}${Math.floor(Math.random() * 1e6)}`, sectionId: fx.sectionId },
    }),
  },
  {
    route: `POST ${api}/inspectors/import`,
    case: "a file that is not a spreadsheet",
    expect: expect(401, 422, 422, 422, 403, 403),
    note: "422: allowed, and the file refused",
    request: async () => ({ multipart: notASpreadsheet() }),
  },
  { route: `GET ${api}/inspectors/template`, expect: expect(401, 200, 200, 200, 200, 200), request: async () => ({}) },
  { route: `GET ${api}/targets`, expect: expect(401, 200, 200, 200, 200, 200), request: async () => ({}) },
  {
    route: `POST ${api}/targets`,
    expect: expect(401, 201, 201, 201, 403, 403),
    note: "the lists are kept by staff and heads",
    request: async () => ({
      json: { name: `矩阵商户${Math.floor(Math.random() * 1e9)}`, creditCode: "", address: "绥芬河市光明街 2 号", category: "户外广告" },
    }),
  },
  {
    route: `POST ${api}/targets/import`,
    case: "a file that is not a spreadsheet",
    expect: expect(401, 422, 422, 422, 403, 403),
    note: "422: allowed, and the file refused",
    request: async () => ({ multipart: notASpreadsheet() }),
  },
  { route: `GET ${api}/targets/template`, expect: expect(401, 200, 200, 200, 200, 200), request: async () => ({}) },

  { action: `${actions}#createInspectionAction`, expect: expect(401, 200, 200, 200, 403, 403), request: async (fx) => formAction([], await fx.planInput()) },
  {
    action: `${actions}#updateInspectionAction`,
    case: "a draft task of 综合科",
    expect: expect(401, 403, 200, 200, 403, 403),
    note: keepers,
    request: async (fx) => {
      const inspection = await fx.inspection();
      return formAction([inspection.id], { ...(await fx.planInput()), version: inspection.version });
    },
  },
  {
    action: `${actions}#drawInspectionAction`,
    case: "a draft task of 综合科",
    expect: expect(401, 403, 200, 200, 403, 403),
    note: keepers,
    request: async (fx) => formAction([(await fx.inspection()).id]),
  },
  {
    action: `${actions}#transitionInspectionAction`,
    case: "submit a drawn plan",
    expect: expect(401, 403, 200, 200, 403, 403),
    request: async (fx) => formAction([(await fx.inspection("drawn")).id], { subject: "plan", action: "submit" }),
  },
  {
    action: `${actions}#recordResultsAction`,
    case: "a published task of 综合科",
    expect: expect(401, 403, 200, 200, 403, 403),
    note: keepers,
    request: async (fx) => {
      const inspection = await fx.inspection("published");
      const results = await fx.inspectionResults(inspection.id);
      const fields: Record<string, unknown> = { version: inspection.version, assignmentId: results.map((entry) => entry.assignmentId) };
      for (const entry of results)
        Object.assign(fields, { [`outcome-${entry.assignmentId}`]: entry.outcome, [`inspectedOn-${entry.assignmentId}`]: entry.inspectedOn });
      return formAction([inspection.id], fields);
    },
  },
  {
    action: `${actions}#importTargetsAction`,
    case: "a file that is not a spreadsheet",
    expect: expect(401, 422, 422, 422, 403, 403),
    note: "422: allowed, and the file refused",
    request: async () => ({ args: [{ status: "idle" }, notASpreadsheet()] }),
  },
  {
    action: `${actions}#importInspectorsAction`,
    case: "a file that is not a spreadsheet",
    expect: expect(401, 422, 422, 422, 403, 403),
    note: "422: allowed, and the file refused",
    request: async () => ({ args: [{ status: "idle" }, notASpreadsheet()] }),
  },
  {
    action: `${actions}#createTargetAction`,
    expect: expect(401, 200, 200, 200, 403, 403),
    request: async () =>
      formAction([], { name: `矩阵商户${Math.floor(Math.random() * 1e9)}`, creditCode: "", address: "绥芬河市光明街 3 号", category: "户外广告" }),
  },
  {
    action: `${actions}#updateTargetAction`,
    case: "a target on the list",
    expect: expect(401, 200, 200, 200, 403, 403),
    request: async (fx) => formAction([await fx.target()], { name: "改名商户", creditCode: "", address: "绥芬河市光明街 4 号", category: "户外广告" }),
  },
  {
    action: `${actions}#setTargetActiveAction`,
    case: "take a target off the list",
    expect: expect(401, 200, 200, 200, 403, 403),
    request: async (fx) => ({ args: [await fx.target(), false, { status: "idle" }] }),
  },
  {
    action: `${actions}#addConflictAction`,
    case: "an inspector related to a target",
    expect: expect(401, 200, 200, 200, 403, 403),
    request: async (fx) => formAction([await fx.target()], { inspectorId: await fx.inspector(), reason: "亲属关系" }),
  },
  {
    action: `${actions}#removeConflictAction`,
    case: "a declared conflict",
    expect: expect(401, 200, 200, 200, 403, 403),
    request: async (fx) => ({ args: [await fx.inspectorConflict(), { status: "idle" }] }),
  },
  {
    action: `${actions}#createInspectorAction`,
    expect: expect(401, 200, 200, 200, 403, 403),
    request: async (fx) => formAction([], { name: "矩阵检查员", certificateNumber: `MXB${Math.floor(Math.random() * 1e9)}`, sectionId: fx.sectionId }),
  },
  {
    action: `${actions}#updateInspectorAction`,
    case: "an inspector on the list",
    expect: expect(401, 200, 200, 200, 403, 403),
    request: async (fx) =>
      formAction([await fx.inspector()], { name: "改名检查员", certificateNumber: `MXC${Math.floor(Math.random() * 1e9)}`, sectionId: fx.sectionId }),
  },
  {
    action: `${actions}#setInspectorActiveAction`,
    case: "take an inspector off the list",
    expect: expect(401, 200, 200, 200, 403, 403),
    request: async (fx) => ({ args: [await fx.inspector(), false, { status: "idle" }] }),
  },
  {
    action: `${actions}#createInspectionItemAction`,
    expect: expect(401, 200, 200, 200, 403, 403),
    request: async (fx) =>
      formAction([], {
        powerId: await fx.inspectionPowerId(),
        name: `矩阵抽查事项${Math.floor(Math.random() * 1e9)}`,
        targetScope: "户外广告设置单位",
        method: "现场检查",
      }),
  },
  {
    action: `${actions}#updateInspectionItemAction`,
    case: "an item on the list",
    expect: expect(401, 200, 200, 200, 403, 403),
    request: async (fx) =>
      formAction([await fx.inspectionItem()], {
        powerId: await fx.inspectionPowerId(),
        name: "改名抽查事项",
        targetScope: "户外广告设置单位",
        method: "现场检查",
      }),
  },
  {
    action: `${actions}#setInspectionItemActiveAction`,
    case: "take an item off the list",
    expect: expect(401, 200, 200, 200, 403, 403),
    request: async (fx) => ({ args: [await fx.inspectionItem(), false, { status: "idle" }] }),
  },
];
