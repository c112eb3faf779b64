import { db } from "@/lib/db";
import { addWordingRules } from "@/lib/oversight/wording-rules";
import { expect, formAction, nextNumber, type MatrixRow } from "../matrix-types";

const oversight = "section heads, leaders and administrators read it; administrators configure it";

/** The website spot-check readiness page (普查自查): its API and its settings. */
export const oversightRows: MatrixRow[] = [
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
