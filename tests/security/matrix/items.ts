import { expect, formAction, type MatrixRow } from "../matrix-types";

const api = "/api/v1/admin/items";
const actions = "app/admin/items/actions.ts";

export const itemRows: MatrixRow[] = [
  { route: `GET ${api}`, expect: expect(401, 200, 200, 200, 200, 200), request: async () => ({}) },
  {
    route: `POST ${api}`,
    expect: expect(401, 201, 201, 201, 403, 403),
    request: async (fx) => ({ json: fx.itemInput() }),
  },
  {
    route: `GET ${api}/[id]`,
    case: "a draft of 综合科",
    expect: expect(401, 200, 200, 200, 200, 200),
    note: "the whole console reads every item, drafts included",
    request: async (fx) => ({ params: { id: String((await fx.shared("draft item", () => fx.item("draft"))).id) } }),
  },
  {
    route: `PATCH ${api}/[id]`,
    case: "a draft of 综合科",
    expect: expect(401, 403, 200, 200, 403, 403),
    request: async (fx) => {
      const item = await fx.item("draft");
      return { params: { id: String(item.id) }, json: { title: "矩阵测试：修改标题", version: item.version } };
    },
  },
  ...transitionRows((call) => ({
    route: `POST ${api}/[id]/transitions`,
    ...call,
    request: async (fx) => {
      const item = await fx.item(call.from);
      return { params: { id: String(item.id) }, json: { ...call.body, version: item.version } };
    },
  })),
  {
    route: "GET /files/[id]",
    case: "an attachment of a draft",
    expect: expect(404, 200, 200, 200, 200, 200),
    note: "what is not published does not exist for the public: 404, as for an unknown id",
    request: async (fx) => ({ params: { id: String(await fx.shared("draft attachment", () => fx.itemAttachment("draft"))) } }),
  },
  {
    route: "GET /files/[id]",
    case: "an attachment of a published item",
    expect: expect(200, 200, 200, 200, 200, 200),
    request: async (fx) => ({ params: { id: String(await fx.shared("published attachment", () => fx.itemAttachment("published"))) } }),
  },
  {
    action: `${actions}#createItemAction`,
    expect: expect(401, 200, 200, 200, 403, 403),
    request: async (fx) => formAction([], { ...fx.itemInput(), channels: ["website"] }),
  },
  {
    action: `${actions}#updateItemAction`,
    case: "a draft of 综合科",
    expect: expect(401, 403, 200, 200, 403, 403),
    request: async (fx) => {
      const item = await fx.item("draft");
      return formAction([item.id], { ...fx.itemInput({ title: "矩阵测试：修改" }), channels: ["website"], version: item.version });
    },
  },
  ...transitionRows((call) => ({
    action: `${actions}#transitionItemAction`,
    ...call,
    request: async (fx) => {
      const item = await fx.item(call.from);
      return formAction([item.id], { ...call.body, version: item.version });
    },
  })),
  {
    action: `${actions}#restoreRevisionAction`,
    case: "revision 1 of a draft of 综合科",
    expect: expect(401, 403, 200, 200, 403, 403),
    request: async (fx) => {
      const item = await fx.item("draft");
      return { args: [item.id, 1, item.version] };
    },
  },
];

type TransitionCase = {
  case: string;
  from: "draft" | "section_review" | "leader_review" | "published" | "withdrawn";
  body: Record<string, unknown>;
  expect: ReturnType<typeof expect>;
  note?: string;
};

/** The review steps, each from the state it starts in: the workflow table (lib/workflow) decides. */
function transitionRows(make: (call: TransitionCase) => MatrixRow): MatrixRow[] {
  const cases: TransitionCase[] = [
    { case: "submit a draft", from: "draft", body: { action: "submit" }, expect: expect(401, 403, 200, 200, 403, 403) },
    {
      case: "approve in section review",
      from: "section_review",
      body: { action: "approve" },
      expect: expect(401, 403, 403, 200, 403, 403),
      note: "the head of the item's section, who did not write it",
    },
    {
      case: "return in section review",
      from: "section_review",
      body: { action: "return", comment: "请补充依据。" },
      expect: expect(401, 403, 403, 200, 403, 403),
    },
    { case: "approve in leader review", from: "leader_review", body: { action: "approve" }, expect: expect(401, 403, 403, 403, 200, 403) },
    {
      case: "withdraw a published item",
      from: "published",
      body: { action: "withdraw", comment: "内容已过时。" },
      expect: expect(401, 403, 403, 403, 200, 403),
    },
    { case: "restore a withdrawn item", from: "withdrawn", body: { action: "restore" }, expect: expect(401, 403, 200, 200, 200, 403) },
  ];
  return cases.map(make);
}
