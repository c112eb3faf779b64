import { expect, form, formAction, type Expectation, type MatrixRow } from "../matrix-types";

const actions = "app/admin/reports/actions.ts";

type Step = { case: string; from: "draft" | "section_review" | "leader_review"; body: Record<string, unknown>; expect: Expectation };
const steps: Step[] = [
  { case: "submit a draft report of 综合科", from: "draft", body: { action: "submit" }, expect: expect(401, 403, 200, 200, 403, 403) },
  { case: "approve a report in section review", from: "section_review", body: { action: "approve" }, expect: expect(401, 403, 403, 200, 403, 403) },
  {
    case: "approve a report in leader review: published",
    from: "leader_review",
    body: { action: "approve", confirm: "on" },
    expect: expect(401, 403, 403, 403, 200, 403),
  },
];

const manualFigures = {
  "table2.regulations.issued": "0",
  "table2.regulations.repealed": "0",
  "table2.regulations.inForce": "0",
  "table2.normativeDocuments.issued": "3",
  "table2.normativeDocuments.repealed": "1",
  "table2.normativeDocuments.inForce": "5",
  "table2.licensing": "30",
  "table2.penalties": "4",
  "table2.coercion": "1",
  "table2.feesTenThousandYuan": "1.5",
};

/** The annual report: staff compile it (report.edit), the review follows the items' workflow table. */
export const reportRows: MatrixRow[] = [
  {
    action: `${actions}#startReportAction`,
    case: "a year without a draft",
    expect: expect(401, 200, 200, 200, 403, 403),
    note: "any staff member or head compiles the report",
    request: async (fx) => ({ args: [fx.reportYear()] }),
  },
  {
    action: `${actions}#saveReportTextsAction`,
    case: "a draft report of 综合科",
    expect: expect(401, 200, 200, 200, 403, 403),
    note: "any staff member or head compiles the report",
    request: async (fx) => {
      const report = await fx.report();
      return formAction([report.id], { overview: "本年主动公开政府信息30条。", problems: "", otherMatters: "", version: report.version });
    },
  },
  ...steps.map((step): MatrixRow => ({
    action: `${actions}#transitionReportAction`,
    case: step.case,
    expect: step.expect,
    request: async (fx) => {
      const report = await fx.report(step.from);
      return formAction([report.id, report.year], { ...step.body, version: report.version });
    },
  })),
  {
    action: `${actions}#saveManualFiguresAction`,
    case: "Table 2 of a year before Gongkai",
    expect: expect(401, 200, 200, 200, 403, 200),
    request: async () => formAction([2015], manualFigures),
  },
  {
    action: `${actions}#importLedgerAction`,
    case: "a file that is not a ledger",
    expect: expect(401, 422, 422, 422, 403, 422),
    note: "422: allowed, and the file refused",
    request: async () => ({ args: [{ status: "idle" }, form({ file: new File(["这不是表格"], "ledger.xlsx") })] }),
  },

  // The 政务公开办's summary over the agencies (集约化): the platform roles only (not columns here).
  {
    route: "GET /api/v1/reports/annual/[year]/summary",
    case: "2017, every agency",
    expect: expect(401, 403, 403, 403, 403, 403),
    note: "only the platform roles (supervisor, platform administrator) read the summary: tests/integration/report-summary.test.ts",
    request: async () => ({ params: { year: "2017" } }),
  },
  {
    route: "GET /admin/reports/summary/export",
    case: "2017 as .xlsx",
    expect: expect(401, 403, 403, 403, 403, 403),
    note: "only the platform roles (supervisor, platform administrator) read the summary: tests/integration/report-summary.test.ts",
    request: async () => ({ query: { year: "2017" } }),
  },
];
