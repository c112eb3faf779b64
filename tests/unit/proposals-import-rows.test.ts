import assert from "node:assert/strict";
import { test } from "node:test";
import { ImportRejectedError, templateHeaders } from "@/lib/imports";
import { proposalImportTemplate, readProposalImport } from "@/lib/proposals/proposal-import-rows";
import { formatCsv } from "@/lib/spreadsheets";

const sections = new Map([
  ["市容环境管理科", 2],
  ["综合执法大队", 3],
]);
const today = "2024-06-01";
const header = templateHeaders(proposalImportTemplate);

type Row = Partial<Record<string, string>>;

// A sheet whose data rows start at row 2, as the user sees them in a spreadsheet program.
function row(rowNumber: number, values: Row): string[] {
  const cells: Row = {
    年度: "2017",
    届次会议: "市第十六届人民代表大会第一次会议",
    编号: `第${rowNumber}号`,
    类别: "人大代表建议",
    标题: "关于增设公厕的建议",
    提出人: "张立新、王春梅",
    收到日期: "2017/3/8",
    主办科室: "市容环境管理科",
    协办科室: "",
    交办日期: "",
    办理期限: "",
    ...values,
  };
  return header.map((column) => cells[column] ?? "");
}

function read(rows: string[][]) {
  return readProposalImport({ name: "交办清单.csv", bytes: new TextEncoder().encode(formatCsv([header, ...rows])) }, sections, today);
}

test("the template's columns, in order, are the download's header", () => {
  assert.deepEqual(header, ["年度", "届次会议", "编号", "类别", "标题", "提出人", "收到日期", "主办科室", "协办科室", "交办日期", "办理期限"]);
});

test("valid rows become proposal fields: kind names, dates as people type them, sections by name", async () => {
  const sheet = await read([row(2, {}), row(3, { 类别: "政协提案", 收到日期: "2017年3月9日", 主办科室: "", 协办科室: "" })]);
  assert.deepEqual(sheet.problems.list(), []);
  assert.equal(sheet.rows.length, 2);
  assert.deepEqual(sheet.rows[0], {
    rowNumber: 2,
    values: {
      year: 2017,
      session: "市第十六届人民代表大会第一次会议",
      number: "第2号",
      kind: "suggestion",
      title: "关于增设公厕的建议",
      proposers: ["张立新", "王春梅"],
      receivedOn: "2017-03-08",
      leadSectionId: 2,
      assistingSectionIds: [],
      assignedOn: null,
      deadline: null,
    },
  });
  assert.equal(sheet.rows[1].values.kind, "proposal");
  assert.equal(sheet.rows[1].values.leadSectionId, null);
});

test("every problem of every row is listed with its row and column, and then the file is refused", async () => {
  const sheet = await read([
    row(2, {}),
    row(3, { 类别: "意见", 标题: "" }),
    row(4, { 收到日期: "2017-02-30", 主办科室: "不存在的科" }),
    row(5, { 编号: "第2号" }),
    row(6, { 收到日期: "2024-06-02" }),
  ]);
  assert.deepEqual(
    sheet.problems.list().map((problem) => [problem.row, problem.column]),
    [
      [3, "类别"],
      [3, "标题"],
      [4, "收到日期"],
      [4, "主办科室"],
      [5, "编号"],
      [6, "收到日期"],
    ],
  );
  const messages = sheet.problems.list().map((problem) => problem.message);
  assert.match(messages[0], /“意见”不是有效类别/);
  assert.equal(messages[3], "科室“不存在的科”不存在。");
  assert.match(messages[4], /与第 2 行重复/);
  assert.equal(messages[5], "收到日期不能晚于今天。");
  assert.throws(
    () => sheet.problems.rejectIfAny(),
    (error: unknown) => error instanceof ImportRejectedError && error.problems.length === 6,
  );
});

test("cross-field checks: the lead section cannot also assist; dates must be in order", async () => {
  const sheet = await read([
    row(2, { 协办科室: "市容环境管理科" }),
    row(3, { 交办日期: "2017-03-01" }),
    row(4, { 交办日期: "2017-03-20", 办理期限: "2017-03-10" }),
  ]);
  assert.deepEqual(
    sheet.problems.list().map((problem) => [problem.row, problem.column]),
    [
      [2, "协办科室"],
      [3, "交办日期"],
      [4, "办理期限"],
    ],
  );
});

test("a missing required column refuses the file at once, naming the column in the header row", async () => {
  await assert.rejects(
    readProposalImport({ name: "x.csv", bytes: new TextEncoder().encode("年度,标题\n2024,x\n") }, sections, today),
    (error: unknown) => error instanceof ImportRejectedError && error.problems.some((problem) => problem.row === 1 && problem.column === "届次会议"),
  );
});
