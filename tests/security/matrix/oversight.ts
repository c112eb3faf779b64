import { db } from "@/lib/db";
import { addWordingRules } from "@/lib/oversight/wording-rules";
import { expect, formAction, nextNumber, type MatrixRow } from "../matrix-types";

const oversight = "section heads, leaders and administrators read it; administrators configure it";

const assessment = "section heads, leaders and administrators read it, every section's figures (an agency-wide view)";

/** The website spot-check readiness page (普查自查): its API and its settings; the assessment dashboard (考核): its API and export. */
export const oversightRows: MatrixRow[] = [
  {
    route: "GET /api/v1/admin/assessment",
    case: "October 2026",
    expect: expect(401, 403, 403, 200, 200, 200),
    note: assessment,
    request: async () => ({ query: { year: "2026", month: "10" } }),
  },
  {
    route: "GET /admin/assessment/export",
    case: "the year 2026 as .xlsx",
    expect: expect(401, 403, 403, 200, 200, 200),
    note: assessment,
    request: async () => ({ query: { year: "2026" } }),
  },
  {
    route: "GET /admin/assessment/agencies/export",
    case: "October 2026 across the agencies as .xlsx",
    expect: expect(401, 403, 403, 403, 403, 403),
    note: "only the platform roles (supervisor, platform administrator) read the assessment across the agencies: tests/integration/assessment-agencies.test.ts",
    request: async () => ({ query: { year: "2026", month: "10" } }),
  },
  { route: "GET /api/v1/admin/spot-check", expect: expect(401, 403, 403, 200, 200, 200), note: oversight, request: async () => ({}) },
  {
    action: "app/admin/spot-check/actions.ts#updateOversightSettingsAction",
    expect: expect(401, 403, 403, 403, 403, 200),
    note: oversight,
    request: async () => formAction([], { messageReplyWorkingDays: "5" }),
  },
  {
    action: "app/admin/spot-check/actions.ts#addWordingRulesAction",
    expect: expect(401, 403, 403, 403, 403, 200),
    note: oversight,
    request: async () => formAction([], { rules: `矩阵错误表述${nextNumber()}=矩阵正确表述` }),
  },
  {
    action: "app/admin/spot-check/actions.ts#removeWordingRuleAction",
    case: "a rule on the list",
    expect: expect(401, 403, 403, 403, 403, 200),
    note: oversight,
    request: async (fx) => {
      const wrong = `矩阵错误表述${nextNumber()}`;
      await addWordingRules(fx.users.admin, { rules: `${wrong}=矩阵正确表述` });
      return formAction([(await db.wordingRule.findFirstOrThrow({ where: { wrong } })).id]);
    },
  },
];
