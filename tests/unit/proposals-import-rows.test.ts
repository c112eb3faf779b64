import assert from "node:assert/strict";
import { test } from "node:test";
import { describeImportProblem, parseProposalImportRows, type ImportColumnKey } from "@/lib/proposals/proposal-import-rows";
import type { TableRow } from "@/lib/spreadsheets";

const sections = new Map([["市容环境管理科", 2], ["综合执法大队", 3]]);

function row(rowNumber: number, values: Partial<Record<ImportColumnKey, string>>): TableRow<ImportColumnKey> {
  return {
    rowNumber,
    values: {
      year: "2017", session: "市第十六届人民代表大会第一次会议", number: `第${rowNumber}号`, kind: "人大代表建议", title: "关于增设公厕的建议",
      proposers: "张立新、王春梅", receivedOn: "2017/3/8", leadSection: "市容环境管理科", assistingSections: "", assignedOn: "", deadline: "", ...values,
    },
  };
}

test("valid rows become proposal fields: kind names, dates as people type them, sections by name", () => {
  const result = parseProposalImportRows([row(2, {}), row(3, { kind: "政协提案", receivedOn: "2017年3月9日", leadSection: "", assistingSections: "" })], sections);
  assert.deepEqual(result.problems, []);
  assert.equal(result.rows.length, 2);
  assert.deepEqual(result.rows[0].fields, {
    year: 2017, session: "市第十六届人民代表大会第一次会议", number: "第2号", kind: "suggestion", title: "关于增设公厕的建议",
    proposers: ["张立新", "王春梅"], receivedOn: "2017-03-08", leadSectionId: 2, assistingSectionIds: [], assignedOn: null, deadline: null,
  });
  assert.equal(result.rows[1].fields.kind, "proposal");
  assert.equal(result.rows[1].fields.leadSectionId, null);
});

test("every problem of every row is listed with its row and column, and then no row is returned", () => {
  const result = parseProposalImportRows([
    row(2, {}),
    row(3, { kind: "意见", title: "" }),
    row(4, { receivedOn: "2017-02-30", leadSection: "不存在的科" }),
    row(5, { number: "第2号" }),
  ], sections);
  assert.equal(result.rows.length, 0, "all or nothing");
  const described = result.problems.map(describeImportProblem);
  assert.ok(described.some((text) => text.startsWith("第 3 行「类别」")), described.join("\n"));
  assert.ok(described.some((text) => text.startsWith("第 3 行「标题」")), described.join("\n"));
  assert.ok(described.some((text) => text.startsWith("第 4 行「收到日期」")), described.join("\n"));
  assert.ok(described.some((text) => text === "第 4 行「主办科室」：科室“不存在的科”不存在。"), described.join("\n"));
  assert.ok(described.some((text) => text.startsWith("第 5 行「编号」：与第 2 行重复")), described.join("\n"));
  assert.ok(!described.some((text) => text.startsWith("第 2 行")), "the good row has no problem");
});

test("cross-field checks: the lead section cannot also assist; dates must be in order", () => {
  const result = parseProposalImportRows([
    row(2, { assistingSections: "市容环境管理科" }),
    row(3, { assignedOn: "2017-03-01" }),
    row(4, { assignedOn: "2017-03-20", deadline: "2017-03-10" }),
  ], sections);
  assert.deepEqual(result.problems.map((problem) => [problem.row, problem.column]), [[2, "协办科室"], [3, "交办日期"], [4, "办理期限"]]);
});
