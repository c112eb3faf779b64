import type { MatrixFixtures } from "../matrix-fixtures";
import { expect, form, formAction, type Expectation, type MatrixRow } from "../matrix-types";

const api = "/api/v1/admin/proposals";
const actions = "app/admin/proposals/actions.ts";
const lead = "its lead section (主办) and administrators; other sections read it only (lib/proposals/proposal-access.ts)";

type Stage = Parameters<MatrixFixtures["proposal"]>[0];
type ReplyStep = { case: string; from: Stage; body: Record<string, unknown>; expect: Expectation };

const replySteps: ReplyStep[] = [
  { case: "submit a draft reply of 综合科", from: "reply draft", body: { action: "submit" }, expect: expect(401, 403, 200, 200, 403, 403) },
  { case: "approve a reply in section review", from: "reply section review", body: { action: "approve" }, expect: expect(401, 403, 403, 200, 403, 403) },
  { case: "approve a reply in leader review: issued", from: "reply leader review", body: { action: "approve" }, expect: expect(401, 403, 403, 403, 200, 403) },
];

const notASpreadsheet = () => form({ file: new File(["这不是表格"], "proposals.xlsx") });

/** 建议提案: a proposal belongs to its lead section; 交办 is the heads' and administrators'. */
export const proposalRows: MatrixRow[] = [
  { route: `GET ${api}`, expect: expect(401, 200, 200, 200, 200, 200), request: async () => ({}) },
  {
    route: `POST ${api}`,
    case: "register, not yet assigned",
    expect: expect(401, 201, 201, 201, 403, 201),
    request: async (fx) => ({ json: fx.proposalInput() }),
  },
  {
    route: `GET ${api}/[id]`,
    case: "a proposal of 综合科",
    expect: expect(401, 200, 200, 200, 200, 200),
    note: "the whole console reads every proposal",
    request: async (fx) => ({ params: { id: String((await fx.shared("assigned proposal", () => fx.proposal("assigned"))).id) } }),
  },
  {
    route: `PATCH ${api}/[id]`,
    case: "a proposal of 综合科",
    expect: expect(401, 403, 200, 200, 403, 200),
    note: lead,
    request: async (fx) => {
      const proposal = await fx.proposal("assigned");
      return { params: { id: String(proposal.id) }, json: { title: "关于整治背街小巷环境的建议（修改）", version: proposal.version } };
    },
  },
  {
    route: `POST ${api}/[id]/assignment`,
    case: "assign an unassigned proposal to 综合科",
    expect: expect(401, 403, 403, 200, 403, 200),
    note: "交办: section heads and administrators",
    request: async (fx) => {
      const proposal = await fx.proposal("unassigned");
      return { params: { id: String(proposal.id) }, json: { leadSectionId: fx.sectionId, assignedOn: fx.today, version: proposal.version } };
    },
  },
  {
    route: `POST ${api}/[id]/replies`,
    case: "draft the reply of a proposal of 综合科",
    expect: expect(401, 403, 200, 200, 403, 403),
    note: "the lead section drafts the one reply",
    request: async (fx) => ({ params: { id: String((await fx.proposal("assigned")).id) }, json: { body: "答复全文。", disclosure: "full" } }),
  },
  ...replySteps.map((step): MatrixRow => ({
    route: `POST ${api}/[id]/replies/[replyId]/transitions`,
    case: step.case,
    expect: step.expect,
    request: async (fx) => {
      const proposal = await fx.proposal(step.from);
      return { params: { id: String(proposal.id), replyId: String(proposal.replyId) }, json: step.body };
    },
  })),
  {
    route: `POST ${api}/[id]/feedback`,
    case: "a replied proposal of 综合科",
    expect: expect(401, 403, 200, 200, 403, 200),
    note: lead,
    request: async (fx) => {
      const proposal = await fx.proposal("replied");
      return { params: { id: String(proposal.id) }, json: { satisfaction: "satisfied", version: proposal.version } };
    },
  },
  {
    route: `POST ${api}/[id]/reopen`,
    case: "a proposal whose proposers were not satisfied",
    expect: expect(401, 403, 200, 200, 403, 200),
    note: lead,
    request: async (fx) => {
      const proposal = await fx.proposal("unsatisfied");
      return { params: { id: String(proposal.id) }, json: { comment: "重新办理。", version: proposal.version } };
    },
  },
  {
    route: `POST ${api}/[id]/close`,
    case: "a replied proposal of 综合科",
    expect: expect(401, 403, 200, 200, 403, 200),
    note: lead,
    request: async (fx) => {
      const proposal = await fx.proposal("replied");
      return { params: { id: String(proposal.id) }, json: { version: proposal.version } };
    },
  },
  {
    route: `POST ${api}/import`,
    case: "a file that is not a spreadsheet",
    expect: expect(401, 422, 422, 422, 403, 422),
    note: "422: allowed, and the file refused",
    request: async () => ({ multipart: notASpreadsheet() }),
  },
  { route: `GET ${api}/settings`, expect: expect(401, 200, 200, 200, 200, 200), request: async () => ({}) },
  { route: `PUT ${api}/settings`, expect: expect(401, 403, 403, 403, 403, 200), request: async () => ({ json: { replyPeriodMonths: 3 } }) },
  { route: `GET ${api}/stats`, expect: expect(401, 200, 200, 200, 200, 200), request: async () => ({ query: { year: "2026" } }) },
  { route: "GET /admin/proposals/import/template", expect: expect(401, 200, 200, 200, 403, 200), request: async () => ({}) },

  {
    action: `${actions}#createProposalAction`,
    case: "register, not yet assigned",
    expect: expect(401, 200, 200, 200, 403, 200),
    request: async (fx) => formAction([], fx.proposalInput()),
  },
  {
    action: `${actions}#updateProposalAction`,
    case: "a proposal of 综合科",
    expect: expect(401, 403, 200, 200, 403, 200),
    note: lead,
    request: async (fx) => {
      const proposal = await fx.proposal("assigned");
      return formAction([proposal.id], { ...fx.proposalInput(), version: proposal.version });
    },
  },
  {
    action: `${actions}#assignProposalAction`,
    case: "assign an unassigned proposal to 综合科",
    expect: expect(401, 403, 403, 200, 403, 200),
    request: async (fx) => {
      const proposal = await fx.proposal("unassigned");
      return formAction([proposal.id], { leadSectionId: fx.sectionId, assignedOn: fx.today, version: proposal.version });
    },
  },
  {
    action: `${actions}#saveReplyAction`,
    case: "draft the reply of a proposal of 综合科",
    expect: expect(401, 403, 200, 200, 403, 403),
    request: async (fx) => formAction([(await fx.proposal("assigned")).id], { body: "答复全文。", disclosure: "full" }),
  },
  ...replySteps.map((step): MatrixRow => ({
    action: `${actions}#transitionReplyAction`,
    case: step.case,
    expect: step.expect,
    request: async (fx) => {
      const proposal = await fx.proposal(step.from);
      return formAction([proposal.id, proposal.replyId], step.body);
    },
  })),
  {
    action: `${actions}#recordFeedbackAction`,
    case: "a replied proposal of 综合科",
    expect: expect(401, 403, 200, 200, 403, 200),
    note: lead,
    request: async (fx) => {
      const proposal = await fx.proposal("replied");
      return formAction([proposal.id], { satisfaction: "satisfied", version: proposal.version });
    },
  },
  {
    action: `${actions}#reopenProposalAction`,
    case: "a proposal whose proposers were not satisfied",
    expect: expect(401, 403, 200, 200, 403, 200),
    note: lead,
    request: async (fx) => {
      const proposal = await fx.proposal("unsatisfied");
      return formAction([proposal.id], { comment: "重新办理。", version: proposal.version });
    },
  },
  {
    action: `${actions}#closeProposalAction`,
    case: "a replied proposal of 综合科",
    expect: expect(401, 403, 200, 200, 403, 200),
    note: lead,
    request: async (fx) => {
      const proposal = await fx.proposal("replied");
      return formAction([proposal.id], { version: proposal.version });
    },
  },
  {
    action: `${actions}#importProposalsAction`,
    case: "a file that is not a spreadsheet",
    expect: expect(401, 422, 422, 422, 403, 422),
    note: "422: allowed, and the file refused",
    request: async () => ({ args: [{ status: "idle" }, notASpreadsheet()] }),
  },
  { action: `${actions}#updateSettingsAction`, expect: expect(401, 403, 403, 403, 403, 200), request: async () => formAction([], { replyPeriodMonths: "3" }) },
];
