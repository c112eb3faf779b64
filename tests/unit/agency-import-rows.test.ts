import assert from "node:assert/strict";
import { test } from "node:test";
import { agencyImportTemplate, readAgencyImport } from "@/lib/agency/agency-import-rows";
import { generateOneTimePassword, ONE_TIME_PASSWORD_ALPHABET } from "@/lib/auth/one-time-password";
import { passwordSchema } from "@/lib/auth/password";
import { ImportRejectedError, templateHeaders } from "@/lib/imports";
import { formatCsv } from "@/lib/spreadsheets";

const header = templateHeaders(agencyImportTemplate);
const existing = new Set(["SFHZF", "SFHCGJ"]);

type Row = Partial<Record<string, string>>;

function row(values: Row): string[] {
  const cells: Row = { 机关代码: "SFH-X", 机关全称: "某某局", 简称: "某局", 上级机关代码: "SFHZF", 机关类型: "部门", ...values };
  return header.map((column) => cells[column] ?? "");
}

const csv = (rows: Row[], columns: string[] = header) =>
  new TextEncoder().encode(
    formatCsv([columns, ...rows.map((values) => (columns === header ? row(values) : columns.map((column) => row(values)[header.indexOf(column)] ?? "")))]),
  );

async function read(rows: Row[]) {
  const sheet = await readAgencyImport({ name: "agencies.csv", bytes: csv(rows) }, existing);
  return { rows: sheet.rows, problems: sheet.problems.list().map((problem) => `${problem.row} ${problem.column} ${problem.message}`) };
}

test("the template's columns: the eight of the issue, then the optional contact", () => {
  assert.deepEqual(header, [
    "机关代码",
    "机关全称",
    "简称",
    "统一社会信用代码",
    "上级机关代码",
    "机关类型",
    "管理员用户名",
    "管理员姓名",
    "地址",
    "邮政编码",
    "电子邮箱",
  ]);
});

test("a good row: codes upper-cased, the kind by its Chinese name, the username normalised, blank contact kept blank", async () => {
  const { rows, problems } = await read([
    {
      机关代码: " sfh-a ",
      上级机关代码: "sfhzf",
      机关类型: "乡镇（街道）",
      管理员用户名: "ＡＢＣ-Admin",
      管理员姓名: "王明",
      统一社会信用代码: "11231081412906730M",
    },
  ]);
  assert.deepEqual(problems, []);
  assert.deepEqual(rows[0].values, {
    code: "SFH-A",
    name: "某某局",
    shortName: "某局",
    organizationCode: "11231081412906730M",
    parentCode: "SFHZF",
    kind: "town",
    address: "",
    postcode: "",
    email: "",
    administrator: { username: "abc-admin", displayName: "王明" },
  });
});

test("kinds as people write them", async () => {
  const spellings: [string, string][] = [
    ["本级政府", "government"],
    ["政府办公室", "office"],
    ["部门", "department"],
    ["乡镇(街道)", "town"],
    ["街道", "town"],
    ["Department", "department"],
  ];
  for (const [text, kind] of spellings) {
    const { rows } = await read([{ 机关类型: text }]);
    assert.equal(rows[0]?.values.kind, kind, text);
  }
  assert.deepEqual((await read([{ 机关类型: "局" }])).problems, ["2 机关类型 “局”不是有效的机关类型（本级政府、政府办公室、部门、乡镇（街道））。"]);
});

test("the parent: on the platform or on an earlier row; never the agency itself; only the government without one", async () => {
  const { rows, problems } = await read([
    { 机关代码: "GOV", 上级机关代码: "", 机关类型: "本级政府" },
    { 机关代码: "AA", 上级机关代码: "GOV" },
    { 机关代码: "BB", 上级机关代码: "CC" },
    { 机关代码: "CC", 上级机关代码: "AA" },
    { 机关代码: "DD", 上级机关代码: "dd" },
    { 机关代码: "EE", 上级机关代码: "" },
    { 机关代码: "FF", 上级机关代码: "NOWHERE" },
  ]);
  assert.deepEqual(
    rows.map((good) => good.values.code),
    ["GOV", "AA", "CC"],
  );
  assert.deepEqual(problems, [
    "4 上级机关代码 上级机关“CC”既不在平台上，也不在本文件这一行之前。",
    "6 上级机关代码 上级机关不能是本机关或其下级机关。",
    "7 上级机关代码 除本级政府外，每个机关都要选择上级机关。",
    "8 上级机关代码 上级机关“NOWHERE”既不在平台上，也不在本文件这一行之前。",
  ]);
});

test("a row with a problem may still be a parent: its children are not refused for it", async () => {
  const { problems } = await read([
    { 机关代码: "AA", 简称: "" },
    { 机关代码: "BB", 上级机关代码: "AA" },
  ]);
  assert.deepEqual(problems, ["2 简称 请填写简称。"]);
});

test("the fields by the 新增机关 and 新建用户 rules, and duplicates in the file", async () => {
  const { problems } = await read([
    { 机关代码: "甲局", 统一社会信用代码: "123", 管理员用户名: "a b", 管理员姓名: "甲" },
    { 机关代码: "BB", 管理员用户名: "b-admin", 邮政编码: "12", 电子邮箱: "nope", 统一社会信用代码: "11231081412906730M" },
    { 机关代码: "bb", 管理员姓名: "乙", 统一社会信用代码: "11231081412906730M" },
    { 机关代码: "CC", 管理员用户名: "B-ADMIN", 管理员姓名: "丙" },
  ]);
  assert.deepEqual(problems, [
    "2 机关代码 机关代码只能由大写字母、数字和连字符组成，2—32 位，以字母或数字开头。",
    "2 统一社会信用代码 请填写 18 位统一社会信用代码或 9 位组织机构代码。",
    "2 管理员用户名 用户名只能包含字母、数字、下划线、点和连字符。",
    "3 管理员姓名 填写了管理员用户名，也请填写管理员姓名。",
    "3 邮政编码 邮编应为 6 位数字。",
    "3 电子邮箱 请填写有效的电子邮箱地址。",
    "4 机关代码 与第 3 行的机关代码重复。",
    "4 统一社会信用代码 与第 3 行的统一社会信用代码重复。",
    "4 管理员用户名 填写了管理员姓名，也请填写管理员用户名。",
    "5 管理员用户名 与第 3 行的管理员用户名重复。",
  ]);
});

test("a file without one of the eight columns, or with a column the template does not know, is refused as a whole", async () => {
  const withoutKind = header.filter((column) => column !== "机关类型");
  await assert.rejects(readAgencyImport({ name: "a.csv", bytes: csv([{}], withoutKind) }, existing), (error: unknown) => {
    assert.ok(error instanceof ImportRejectedError);
    assert.match(JSON.stringify(error.problems), /机关类型/);
    return true;
  });
  const extra = new TextEncoder().encode(
    formatCsv([
      [...header, "备注"],
      [...row({}), "x"],
    ]),
  );
  await assert.rejects(readAgencyImport({ name: "a.csv", bytes: extra }, existing), ImportRejectedError);
});

test("one-time passwords: 12 unambiguous characters from a cryptographic source, each a valid password", () => {
  const seen = new Set<string>();
  for (let index = 0; index < 500; index++) {
    const password = generateOneTimePassword();
    assert.equal(password.length, 12);
    for (const character of password) assert.ok(ONE_TIME_PASSWORD_ALPHABET.includes(character), character);
    assert.equal(passwordSchema.safeParse(password).success, true);
    seen.add(password);
  }
  assert.equal(seen.size, 500);
  for (const ambiguous of "0Oo1lI") assert.ok(!ONE_TIME_PASSWORD_ALPHABET.includes(ambiguous), ambiguous);
});
