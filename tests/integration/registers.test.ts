import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import type { ActingUser } from "@/lib/auth/acting-user";
import { hashPassword } from "@/lib/auth/password";
import { todayInBeijing } from "@/lib/dates";
import { db } from "@/lib/db";
import { findConsoleDecision, listConsoleDecisions } from "@/lib/decisions/console-decisions";
import { decisionColumns } from "@/lib/decisions/decision-fields";
import { transitionDecision, transitionDecisionBatch } from "@/lib/decisions/decision-review";
import { buildDecisionTemplate, exportDecisions } from "@/lib/decisions/export-decisions";
import { listAnnualFeeIncome, setAnnualFeeIncome } from "@/lib/decisions/fee-income";
import { importDecisions } from "@/lib/decisions/import-decisions";
import { createDecision, updateDecision } from "@/lib/decisions/manage-decisions";
import { findPublicDecision, findPublicDecisions } from "@/lib/decisions/public-decisions";
import { loadPublicityPeriods, setPublicityPeriods } from "@/lib/decisions/publicity-periods";
import { countDecisionsForReport, feeIncomeForReport } from "@/lib/decisions/report-figures";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { computeCreditCodeCheckCharacter, computeIdNumberCheckCharacter } from "@/lib/identifiers";
import { ImportRejectedError } from "@/lib/imports";
import { findConsolePower } from "@/lib/powers/console-powers";
import { createPower, publishPowerListVersion, updatePower } from "@/lib/powers/manage-powers";
import { transitionPower } from "@/lib/powers/power-review";
import { comparePublicPowerLists, findPublicPower, findPublicPowerList, listPublicPowerListYears } from "@/lib/powers/public-powers";
import { countRetainedPowers } from "@/lib/powers/report-figures";
import { reconcileSearchIndex } from "@/lib/search/search-index";
import { createService, updateService, withReceivedServiceForms } from "@/lib/services/manage-services";
import { findDownloadableServiceForm, findPublicService, findPublicServices } from "@/lib/services/public-services";
import { transitionService } from "@/lib/services/service-review";
import { parseCsv, writeCsv, writeXlsx } from "@/lib/spreadsheets";
import { demoAccounts, demoSections, DEMO_PASSWORD } from "@/prisma/seed/agency";
import { seedBaseData } from "@/prisma/seed/seed-base";
import { demoRegisterFacts, seedDemoRegisters } from "@/prisma/seed/seed-demo-registers";
import { setEnvironment } from "../support/environment";
import { defaultAgencyId, insertSection, insertUser } from "../support/fixtures";
import { respondToImport, assertImportRejected, gb18030Csv } from "../support/import-requests";
import { useMigratedTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
let dataDir: string;
let staff: ActingUser;
let otherStaff: ActingUser;
let head: ActingUser;
let leader: ActingUser;
let admin: ActingUser;
let sectionId: number;

before(async () => {
  database = await useMigratedTestDatabase();
  dataDir = mkdtempSync(path.join(os.tmpdir(), "gongkai-registers-"));
  setEnvironment({ DATA_DIR: dataDir });
  await seedBaseData();
  sectionId = await insertSection("综合科");
  staff = await insertUser("staff", { sectionId });
  head = await insertUser("section_head", { sectionId });
  otherStaff = await insertUser("staff");
  leader = await insertUser("leader");
  admin = await insertUser("admin", { sectionId });
});
after(async () => {
  await database.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

const code = (first17: string) => first17 + computeCreditCodeCheckCharacter(first17);
const idNumber = (first17: string) => first17 + computeIdNumberCheckCharacter(first17);
const authorityCode = code("11231081MB1964057");
const agency = "绥芬河市城市管理和综合行政执法局";

function fieldsRejected(...fields: string[]) {
  return (error: unknown) => {
    assert.ok(error instanceof ValidationError, `expected a ValidationError, got ${String(error)}`);
    for (const field of fields) assert.ok(error.fields[field]?.length, `${field} in ${JSON.stringify(error.fields)}`);
    return true;
  };
}

async function auditCount(action: string, entityType: string, entityId: number | string): Promise<number> {
  return db.auditEvent.count({ where: { action, entityType, entityId: String(entityId) } });
}

const powerInput = (codeValue: string, overrides: Record<string, unknown> = {}) => ({
  code: codeValue,
  name: "设置大型户外广告审批",
  type: "license",
  legalBasis: "《城市市容和环境卫生管理条例》第十一条\n\n《国务院对确需保留的行政审批项目设定行政许可的决定》",
  sectionId,
  responsibilities: "受理、审查、决定、送达、事后监管。",
  accountability: "对符合条件的申请不予受理的。",
  status: "retained",
  effectiveOn: "2017-05-02",
  ...overrides,
});

async function publishPower(id: number): Promise<void> {
  await transitionPower(staff, id, { action: "submit" });
  await transitionPower(head, id, { action: "approve" });
  await transitionPower(leader, id, { action: "approve" });
}

describe("the power list", () => {
  test("an entry goes draft → section review → leader review → published, audited; only then is it public", async () => {
    const created = await createPower(staff, powerInput("T-XK-001"));
    assert.equal(created.state, "draft");
    assert.equal(await findPublicPower(created.id), null);
    await publishPower(created.id);
    const publicEntry = await findPublicPower(created.id);
    assert.deepEqual(publicEntry?.legalBasis, ["《城市市容和环境卫生管理条例》第十一条", "《国务院对确需保留的行政审批项目设定行政许可的决定》"]);
    for (const action of ["power.create", "power.submit", "power.approve"]) assert.ok(await auditCount(action, "Power", created.id), action);
    const list = await findPublicPowerList({ type: "license" });
    assert.ok(list?.items.some((item) => item.code === "T-XK-001"));
  });

  test("a change to a published entry waits for review: the public keeps the approved text until then", async () => {
    const created = await createPower(staff, powerInput("T-XK-002", { name: "设置门头牌匾审批" }));
    await publishPower(created.id);
    const version = (await db.power.findUniqueOrThrow({ where: { id: created.id } })).version;
    await updatePower(staff, created.id, { ...powerInput("T-XK-002", { name: "设置门头牌匾（招牌）审批" }), version });
    assert.equal((await findPublicPower(created.id))?.name, "设置门头牌匾审批");
    const detail = await findConsolePower(staff, created.id);
    assert.equal(detail.state, "draft");
    assert.deepEqual(detail.unpublishedChanges, ["name"]);
    await assert.rejects(updatePower(staff, created.id, { ...powerInput("T-XK-002"), version }), ConflictError, "a stale version is refused");
    await publishPower(created.id);
    assert.equal((await findPublicPower(created.id))?.name, "设置门头牌匾（招牌）审批");
    await assert.rejects(transitionPower(leader, created.id, { action: "withdraw" }), fieldsRejected("comment"));
    await transitionPower(leader, created.id, { action: "withdraw", comment: "录入错误" });
    assert.equal(await findPublicPower(created.id), null);
  });

  test("permissions and validation: leaders do not edit, reviewers do not approve their own change, bad input lists each field", async () => {
    await assert.rejects(createPower(leader, powerInput("T-X")), ForbiddenError);
    await assert.rejects(createPower(admin, powerInput("T-X")), ForbiddenError);
    await assert.rejects(
      createPower(staff, { ...powerInput(""), type: "magic", legalBasis: "", effectiveOn: "2017-02-30" }),
      fieldsRejected("code", "type", "legalBasis", "effectiveOn"),
    );
    await assert.rejects(createPower(staff, powerInput("T-XK-001")), fieldsRejected("code"));
    const own = await createPower(head, powerInput("T-XK-003"));
    await transitionPower(head, own.id, { action: "submit" });
    await assert.rejects(transitionPower(head, own.id, { action: "approve" }), ForbiddenError);
    const elsewhere = await createPower(otherStaff, powerInput("T-XK-004"));
    await transitionPower(otherStaff, elsewhere.id, { action: "submit" });
    await assert.rejects(transitionPower(head, elsewhere.id, { action: "approve" }), ForbiddenError, "a head of another section");
    await assert.rejects(transitionPower(staff, 999_999, { action: "submit" }), NotFoundError);
  });

  test("a yearly version freezes the list; past years stay as published and can be compared", async () => {
    await assert.rejects(publishPowerListVersion(staff, { year: 2016 }), ForbiddenError);
    const first = await publishPowerListVersion(leader, { year: 2016, note: "首次公布" });
    await assert.rejects(publishPowerListVersion(leader, { year: 2016 }), ConflictError);
    await assert.rejects(publishPowerListVersion(leader, { year: 1999 }), fieldsRejected("year"));
    const added = await createPower(staff, powerInput("T-JC-001", { type: "inspection", name: "对户外广告设施的检查" }));
    await publishPower(added.id);
    const changed = await db.power.findUniqueOrThrow({ where: { code: "T-XK-001" } });
    await updatePower(staff, changed.id, { ...powerInput("T-XK-001", { status: "cancelled", statusNote: "取消" }), version: changed.version });
    await publishPower(changed.id);
    const second = await publishPowerListVersion(leader, { year: 2017 });
    const current = await findPublicPowerList();
    assert.ok(!current!.items.some((item) => item.code === "T-XK-001"), "a cancelled power is not in the current list");
    assert.ok(current!.items.some((item) => item.code === "T-JC-001"));
    assert.equal(
      (await findPublicPowerList({ year: 2017 }))?.items.find((item) => item.code === "T-XK-001")?.status,
      "cancelled",
      "the 2017 list shows it cancelled",
    );
    assert.equal(second.entryCount, first.entryCount + 1);
    assert.deepEqual(await listPublicPowerListYears(), [2017, 2016]);
    const list2016 = await findPublicPowerList({ year: 2016 });
    assert.equal(list2016?.items.find((item) => item.code === "T-XK-001")?.status, "retained", "the 2016 list is frozen");
    assert.equal(await findPublicPowerList({ year: 2015 }), null);
    const diff = await comparePublicPowerLists(2016, 2017);
    assert.deepEqual(
      diff?.added.map((item) => item.code),
      ["T-JC-001"],
    );
    assert.deepEqual(
      diff?.changed.map((item) => [item.code, item.fields]),
      [["T-XK-001", ["status", "statusNote"]]],
    );
    assert.equal(
      await countRetainedPowers(2016, { agencyId: await defaultAgencyId() }, "license"),
      list2016!.items.filter((item) => item.type === "license").length,
    );
    assert.equal(
      await countRetainedPowers(2017, { agencyId: await defaultAgencyId() }, "license"),
      (await countRetainedPowers(2016, { agencyId: await defaultAgencyId() }, "license")) - 1,
    );
    assert.equal(await countRetainedPowers(2017, { agencyId: await defaultAgencyId() }, "inspection"), 1);
  });
});

describe("service guides", () => {
  const serviceInput = (overrides: Record<string, unknown> = {}) => ({
    code: "T-FW-001",
    name: "设置门头牌匾审批",
    powerId: "",
    sectionId,
    legalBasis: "《城市市容和环境卫生管理条例》第十一条",
    conditions: "依法登记的经营单位。",
    materials: [
      { name: "申请表", originals: "1", copies: "" },
      { name: "营业执照", originals: 1, copies: 1, note: "原件核对后退还" },
    ],
    steps: "申请\n受理\n审查\n决定",
    timeLimitDays: "5",
    fee: "不收费",
    place: "永福街39号",
    officeHours: "工作日 8:30—17:00",
    consultationPhone: "0453-3922315",
    complaintPhone: "0453-3922300",
    ...overrides,
  });
  const docx = () => new File([new Uint8Array(Buffer.from("UEsDBBQAAAAIAAAAIQAAAAAAAAAAAAAAAAAAAAAA", "base64"))], "申请表.docx");

  test("a guide with materials and a downloadable form is public only once approved; the form with it", async () => {
    const pdf = new File([new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF")], "门头牌匾设置申请表.pdf");
    const created = await withReceivedServiceForms([pdf], (forms) => createService(staff, serviceInput(), forms));
    const formId = (await db.serviceForm.findFirstOrThrow({ where: { serviceId: created.id } })).id;
    await assert.rejects(findDownloadableServiceForm(created.id, formId, null), NotFoundError, "a draft's form is not public");
    assert.equal((await findDownloadableServiceForm(created.id, formId, staff)).public, false);
    assert.equal(await findPublicService(created.id), null);
    await transitionService(staff, created.id, { action: "submit" });
    await transitionService(head, created.id, { action: "approve" });
    await transitionService(leader, created.id, { action: "approve" });
    const guide = await findPublicService(created.id);
    assert.deepEqual(guide?.materials, [
      { name: "申请表", originals: 1, copies: 0, note: null },
      { name: "营业执照", originals: 1, copies: 1, note: "原件核对后退还" },
    ]);
    assert.deepEqual(guide?.steps, ["申请", "受理", "审查", "决定"]);
    assert.deepEqual(
      guide?.forms.map((form) => form.title),
      ["门头牌匾设置申请表"],
    );
    assert.equal((await findDownloadableServiceForm(created.id, formId, null)).public, true);
    assert.ok((await findPublicServices({ q: "门头" })).items.some((item) => item.id === created.id));

    // Removing the form from the working copy keeps it downloadable while the published guide lists it.
    const version = (await db.service.findUniqueOrThrow({ where: { id: created.id } })).version;
    await updateService(staff, created.id, { ...serviceInput({ name: "设置门头牌匾（招牌）审批" }), keepFormIds: [], version });
    assert.equal((await findDownloadableServiceForm(created.id, formId, null)).public, true);
    assert.equal((await findPublicService(created.id))?.name, "设置门头牌匾审批");
    await transitionService(staff, created.id, { action: "submit" });
    await transitionService(head, created.id, { action: "approve" });
    await transitionService(leader, created.id, { action: "approve" });
    assert.deepEqual((await findPublicService(created.id))?.forms, []);
    await assert.rejects(findDownloadableServiceForm(created.id, formId, null), NotFoundError);
  });

  test("bad input: each field named; a refused upload leaves no file behind; leaders cannot edit", async () => {
    await assert.rejects(
      createService(staff, serviceInput({ code: "", timeLimitDays: "-1", steps: "", materials: [{ name: "", originals: "x" }] })),
      fieldsRejected("code", "timeLimitDays", "steps", "materials.0.name", "materials.0.originals"),
    );
    await assert.rejects(createService(leader, serviceInput({ code: "T-FW-9" })), ForbiddenError);
    const before = await db.serviceForm.count();
    await assert.rejects(
      withReceivedServiceForms([docx()], (forms) => createService(staff, serviceInput({ code: "T-FW-001" }), forms)),
      ValidationError,
    );
    assert.equal(await db.serviceForm.count(), before);
  });
});

// ---- 双公示 decisions -------------------------------------------------------------------------

const licenseRow = (index: number, overrides: Record<string, string> = {}): Record<string, string> => ({
  行政相对人名称: `绥芬河市测试商贸有限公司${index}`,
  相对人类别: "法人及非法人组织",
  统一社会信用代码: code(`91231081MA${String(1_000_000 + index).slice(-7)}`),
  法定代表人: "王立新",
  证件号码: "",
  决定书文号: `绥城管许字〔2017〕第T${index}号`,
  许可证书名称: "门头牌匾设置许可决定书",
  许可内容: "准予设置门头牌匾一块。",
  决定日期: "2017-03-15",
  有效期自: "2017-03-15",
  有效期至: "2018-03-14",
  决定机关: agency,
  决定机关统一社会信用代码: authorityCode,
  数据来源单位: agency,
  备注: "",
  ...overrides,
});

function csvOf(kind: "license" | "penalty" | "coercion", rows: Record<string, string>[], bom = true): Uint8Array {
  const headers = decisionColumns(kind).map((column) => column.header);
  const text = writeCsv({ columns: headers.map((header) => ({ header })), rows: rows.map((row) => headers.map((header) => row[header] ?? "")) });
  return new TextEncoder().encode(bom ? text : text.replace(/^\uFEFF/, ""));
}

async function rejection(promise: Promise<unknown>): Promise<ImportRejectedError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ImportRejectedError, `expected ImportRejectedError, got ${String(error)}`);
    return error;
  }
  assert.fail("the import was not refused");
}

describe("importing 双公示 decisions", () => {
  test("a file with every kind of problem imports nothing and lists each problem by row and column", async () => {
    await importDecisions(staff, { kind: "license", file: { name: "existing.csv", bytes: csvOf("license", [licenseRow(900)]) } });
    const before = await db.administrativeDecision.count();
    const badCode = licenseRow(2).统一社会信用代码.slice(0, -1) + (licenseRow(2).统一社会信用代码.endsWith("0") ? "1" : "0");
    const rows = [
      licenseRow(1),
      licenseRow(2, { 统一社会信用代码: badCode }),
      licenseRow(3, { 行政相对人名称: "", 许可内容: "" }),
      licenseRow(4, { 有效期自: "2017-03-15", 有效期至: "2017-03-01" }),
      licenseRow(5, { 相对人类别: "外国企业" }),
      licenseRow(6, { 决定书文号: licenseRow(1).决定书文号 }),
      licenseRow(7, { 决定书文号: licenseRow(900).决定书文号 }),
      licenseRow(8, { 相对人类别: "自然人", 统一社会信用代码: "", 法定代表人: "", 证件号码: "230108198001011230" }),
    ];
    const error = await rejection(importDecisions(staff, { kind: "license", file: { name: "bad.csv", bytes: csvOf("license", rows) } }));
    const found = error.problems.map((problem) => [problem.row, problem.column]);
    assert.deepEqual(found, [
      [3, "统一社会信用代码"],
      [4, "行政相对人名称"],
      [4, "许可内容"],
      [5, "有效期至"],
      [6, "相对人类别"],
      [7, "决定书文号"],
      [8, "决定书文号"],
      [9, "证件号码"],
    ]);
    const messages = error.problems.map((problem) => problem.message);
    assert.match(messages[0], /校验位/);
    assert.match(messages[1], /请填写行政相对人名称/);
    assert.match(messages[3], /有效期至不能早于有效期自/);
    assert.match(messages[4], /未知的相对人类别/);
    assert.match(messages[5], /与第 2 行的决定书文号重复/);
    assert.match(messages[6], /系统中已有/);
    assert.equal(error.status, 422);
    assert.equal(await db.administrativeDecision.count(), before, "nothing was imported");
  });

  test("penalty files: unknown penalty category, bad ID number, missing amount", async () => {
    const person = idNumber("23108119800101123");
    const row = {
      行政相对人名称: "张三",
      相对人类别: "自然人",
      证件号码: person,
      决定书文号: "绥城管罚字〔2017〕第1号",
      违法行为类型: "擅自占用城市道路",
      违法事实: "未经批准占道堆放物料。",
      处罚依据: "《城市道路管理条例》第四十二条",
      处罚类别: "罚款",
      处罚内容: "罚款500元。",
      罚没金额: "0.05",
      决定日期: "2017-06-01",
      决定机关: agency,
      决定机关统一社会信用代码: authorityCode,
      数据来源单位: agency,
    };
    const error = await rejection(
      importDecisions(staff, {
        kind: "penalty",
        file: {
          name: "p.csv",
          bytes: csvOf("penalty", [
            row,
            { ...row, 决定书文号: "2", 处罚类别: "罚款；游街" },
            { ...row, 决定书文号: "3", 证件号码: person.slice(0, -1) + (person.endsWith("0") ? "1" : "0") },
            { ...row, 决定书文号: "4", 罚没金额: "" },
          ]),
        },
      }),
    );
    assert.deepEqual(
      error.problems.map((problem) => [problem.row, problem.column]),
      [
        [3, "处罚类别"],
        [4, "证件号码"],
        [5, "罚没金额"],
      ],
    );
    const ok = await importDecisions(staff, { kind: "penalty", file: { name: "p.csv", bytes: csvOf("penalty", [row]) } });
    assert.equal(ok.imported, 1);
  });

  test("header problems: another kind's template, or a file that is not a spreadsheet, are refused whole", async () => {
    const wrongKind = await rejection(importDecisions(staff, { kind: "penalty", file: { name: "license.csv", bytes: csvOf("license", [licenseRow(50)]) } }));
    assert.ok(
      wrongKind.problems.some((problem) => problem.row === 1 && problem.column === "许可内容"),
      "an unknown column",
    );
    assert.ok(
      wrongKind.problems.some((problem) => problem.row === 1 && problem.column === "违法事实"),
      "a missing column",
    );
    const notSheet = await rejection(importDecisions(staff, { kind: "license", file: { name: "x.pdf", bytes: new TextEncoder().encode("%PDF-1.4") } }));
    assert.deepEqual(
      notSheet.problems.map((problem) => [problem.row, problem.column]),
      [[null, null]],
    );
    await assert.rejects(importDecisions(staff, { kind: "grant", file: { name: "x.csv", bytes: csvOf("license", [licenseRow(51)]) } }), fieldsRejected("kind"));
    await assert.rejects(importDecisions(leader, { kind: "license", file: { name: "x.csv", bytes: csvOf("license", [licenseRow(51)]) } }), ForbiddenError);
  });

  test("CSV with or without BOM and .xlsx files import; the batch is reviewed as a whole and published", async () => {
    const today = todayInBeijing();
    const noBom = await importDecisions(staff, { kind: "license", file: { name: "a.csv", bytes: csvOf("license", [licenseRow(10), licenseRow(11)], false) } });
    assert.equal(noBom.imported, 2);
    const xlsx = await writeXlsx([
      {
        name: "行政许可",
        columns: decisionColumns("license").map((column) => ({ header: column.header, text: column.text })),
        rows: [licenseRow(12, { 决定日期: today, 有效期自: today, 有效期至: "长期" }), licenseRow(13)].map((row) =>
          decisionColumns("license").map((column) => row[column.header]),
        ),
      },
    ]);
    const batch = await importDecisions(staff, { kind: "license", file: { name: "b.xlsx", bytes: new Uint8Array(xlsx) } });
    assert.equal(batch.imported, 2);
    const stored = await db.administrativeDecision.findMany({ where: { importBatchId: batch.batchId }, orderBy: { id: "asc" } });
    assert.deepEqual(
      stored.map((row) => row.state),
      ["draft", "draft"],
    );
    assert.equal(stored[0].validUntil, null);
    assert.equal((await findPublicDecisions({ q: licenseRow(12).决定书文号 })).total, 0, "drafts are not public");

    await assert.rejects(transitionDecisionBatch(head, batch.batchId, { action: "approve" }), ConflictError, "nothing waits for review yet");
    assert.equal((await transitionDecisionBatch(staff, batch.batchId, { action: "submit" })).count, 2);
    await assert.rejects(transitionDecisionBatch(head, batch.batchId, { action: "return" }), fieldsRejected("comment"));
    assert.deepEqual(await transitionDecisionBatch(head, batch.batchId, { action: "approve" }), { count: 2, to: "leader_review" });
    await reconcileSearchIndex({ wait: true });
    assert.deepEqual(await transitionDecisionBatch(leader, batch.batchId, { action: "approve" }), { count: 2, to: "published" });
    const published = await db.administrativeDecision.findMany({ where: { importBatchId: batch.batchId }, orderBy: { id: "asc" } });
    // The batch's documents were written by the publishing transaction, which kept the index recorded as current.
    assert.equal(await db.searchDocument.count({ where: { type: "decision", sourceId: { in: published.map((decision) => decision.id) } } }), 2);
    const [versions] = await db.$queryRaw<{ current: string; indexed: string }[]>`
      SELECT (SELECT "token" FROM "PublicContentVersion" WHERE "id" = 1) AS "current", (SELECT "contentVersion" FROM "SearchIndexState" WHERE "id" = 1) AS "indexed"`;
    assert.equal(versions.indexed, versions.current);
    assert.deepEqual(
      published.map((row) => [row.state, row.publishedOnTime]),
      [
        ["published", true],
        ["published", false],
      ],
      "today's decision on time, 2017's late",
    );
    assert.equal(
      await db.auditEvent.count({ where: { action: "decision.approve", entityType: "AdministrativeDecision", entityId: String(published[0].id) } }),
      2,
    );
    assert.equal((await findPublicDecisions({ q: licenseRow(12).决定书文号 })).total, 1);
    assert.equal((await listConsoleDecisions(staff, { late: true, batchId: batch.batchId })).total, 1);
  });

  test("a CSV saved by Excel on Chinese Windows (GB18030, no BOM) imports", async () => {
    const headers = decisionColumns("license").map((column) => column.header);
    const rows = [licenseRow(20, { 行政相对人名称: "绥芬河市镕𬭚商贸有限公司" }), licenseRow(21)].map((row) => headers.map((header) => row[header] ?? ""));
    const result = await importDecisions(staff, { kind: "license", file: { name: "许可（GBK）.csv", bytes: gb18030Csv([headers, ...rows]) } });
    assert.equal(result.imported, 2);
    const stored = await db.administrativeDecision.findMany({ where: { importBatchId: result.batchId }, orderBy: { id: "asc" } });
    assert.deepEqual(
      stored.map((row) => row.counterpartyName),
      ["绥芬河市镕𬭚商贸有限公司", licenseRow(21).行政相对人名称],
      "GB18030's four-byte characters too",
    );
    assert.equal(stored[0].licenseContent, "准予设置门头牌匾一块。");
  });

  test("the API answers a file with problems in several rows 422 {errors: [{row, column, message}]}; a long code stored as a number says so", async () => {
    const before = await db.administrativeDecision.count();
    const columns = decisionColumns("license");
    const xlsx = await writeXlsx([
      {
        name: "行政许可",
        columns: columns.map((column) => ({ header: column.header })),
        rows: [licenseRow(30, { 行政相对人名称: "" }), licenseRow(31), licenseRow(32, { 决定日期: "2017-02-30" })].map((row, index) =>
          columns.map((column) => (index === 1 && column.key === "creditCode" ? 912310810000000000 : row[column.header])),
        ),
      },
    ]);
    const errors = await assertImportRejected(
      await respondToImport(() => importDecisions(staff, { kind: "license", file: { name: "多行.xlsx", bytes: new Uint8Array(xlsx) } })),
    );
    assert.deepEqual(
      errors.map((problem) => [problem.row, problem.column]),
      [
        [2, "行政相对人名称"],
        [3, "统一社会信用代码"],
        [4, "决定日期"],
      ],
    );
    assert.match(errors[1].message, /数字格式/, "Excel kept 15 digits of a code typed as a number");
    assert.equal(await db.administrativeDecision.count(), before, "nothing stored");
  });

  test("a 10,000-row .xlsx imports in one transaction (time reported, not asserted)", async (context) => {
    const rows = Array.from({ length: 10_000 }, (_, index) => licenseRow(100_000 + index));
    const bytes = new Uint8Array(
      await writeXlsx([
        {
          name: "行政许可",
          columns: decisionColumns("license").map((column) => ({ header: column.header, text: column.text })),
          rows: rows.map((row) => decisionColumns("license").map((column) => row[column.header])),
        },
      ]),
    );
    const started = performance.now();
    const result = await importDecisions(staff, { kind: "license", file: { name: "big.xlsx", bytes } });
    const seconds = (performance.now() - started) / 1000;
    context.diagnostic(`10,000-row .xlsx (${(bytes.byteLength / 1024).toFixed(0)} KiB) imported in ${seconds.toFixed(2)} s`);
    console.log(`[registers] 10,000-row .xlsx imported in ${seconds.toFixed(2)} s`);
    assert.equal(result.imported, 10_000);
    assert.equal(await db.administrativeDecision.count({ where: { importBatchId: result.batchId } }), 10_000);
    const started2 = performance.now();
    const submitted = await transitionDecisionBatch(staff, result.batchId, { action: "submit" });
    context.diagnostic(`batch submit of 10,000 in ${((performance.now() - started2) / 1000).toFixed(2)} s`);
    assert.equal(submitted.count, 10_000);
  });
});

describe("decisions typed in the console, due dates, privacy and publicity periods", () => {
  const person = idNumber("23108119800101123");
  const penaltyInput = (documentNumber: string, decisionDate: string) => ({
    kind: "penalty",
    counterpartyName: "李四",
    counterpartyCategory: "natural_person",
    idNumber: person,
    documentNumber,
    violationType: "擅自占用城市道路",
    violationFacts: "占道经营。",
    penaltyBasis: "《城市道路管理条例》第四十二条",
    penaltyCategories: ["警告", "罚款"],
    penaltyContent: "警告并罚款200元。",
    penaltyAmount: "0.02",
    decisionDate,
    authorityName: agency,
    authorityCreditCode: authorityCode,
    dataSourceName: agency,
  });

  async function publishDecision(id: number) {
    await transitionDecision(staff, id, { action: "submit" });
    await transitionDecision(head, id, { action: "approve" });
    await transitionDecision(leader, id, { action: "approve" });
  }

  test("the 7-working-day deadline is stored with the decision and explained in the console", async () => {
    const created = await createDecision(staff, penaltyInput("绥城管罚字〔2017〕第100号", "2017-09-29"));
    const detail = await findConsoleDecision(staff, created.id);
    assert.equal(detail.due, "2017-10-16");
    assert.equal(detail.overdue, true);
    assert.match(detail.dueExplanation, /国庆节/);
    assert.equal(detail.values.idNumber, person, "staff see the full ID number");
    assert.ok((await listConsoleDecisions(staff, { overdue: true })).items.some((item) => item.id === created.id));
  });

  test("the public never sees an ID number, only its mask; search works by name, credit code and 文号", async () => {
    const created = await createDecision(staff, penaltyInput("绥城管罚字〔2026〕第1号", todayInBeijing()));
    await publishDecision(created.id);
    const detail = await findPublicDecision(created.id);
    assert.ok(detail);
    assert.equal(detail.idNumberMasked, `${person.slice(0, 4)}${"*".repeat(10)}${person.slice(-4)}`);
    assert.ok(!JSON.stringify(detail).includes(person));
    assert.ok(!JSON.stringify(await findPublicDecisions({ kind: "penalty" })).includes(person));
    assert.equal((await db.administrativeDecision.findUniqueOrThrow({ where: { id: created.id } })).publishedOnTime, true);
    assert.equal((await findPublicDecisions({ q: "李四", kind: "penalty" })).total >= 1, true);
    assert.equal((await findPublicDecisions({ q: "绥城管罚字〔2026〕第1号" })).total, 1);
    assert.equal((await findPublicDecisions({ q: "绥城管罚字〔2026〕第1号", kind: "license" })).total, 0);
    const orgCode = licenseRow(10).统一社会信用代码;
    assert.equal((await findPublicDecisions({ q: orgCode.toLowerCase() })).total, 0, "that batch is still a draft");
  });

  test("published decisions are not edited in place; drafts are, by their section only", async () => {
    const created = await createDecision(staff, penaltyInput("绥城管罚字〔2017〕第101号", "2017-08-01"));
    await assert.rejects(updateDecision(otherStaff, created.id, { ...penaltyInput("x", "2017-08-01"), version: 1 }), ForbiddenError);
    await assert.rejects(
      updateDecision(staff, created.id, { ...penaltyInput("绥城管罚字〔2017〕第100号", "2017-08-01"), version: 1 }),
      fieldsRejected("documentNumber"),
    );
    await updateDecision(staff, created.id, { ...penaltyInput("绥城管罚字〔2017〕第101号", "2017-09-29"), version: 1 });
    assert.equal((await findConsoleDecision(staff, created.id)).due, "2017-10-16");
    await publishDecision(created.id);
    await assert.rejects(updateDecision(staff, created.id, { ...penaltyInput("绥城管罚字〔2017〕第101号", "2017-08-01"), version: 5 }), ConflictError);
    await transitionDecision(leader, created.id, { action: "withdraw", comment: "金额录入错误" });
    assert.equal(await findPublicDecision(created.id), null);
    await transitionDecision(staff, created.id, { action: "restore" });
    assert.equal((await findConsoleDecision(staff, created.id)).canEdit, true);
    await assert.rejects(createDecision(staff, { ...penaltyInput("y", "2017-08-01"), kind: "grant" }), fieldsRejected("kind"));
    await assert.rejects(createDecision(leader, penaltyInput("y", "2017-08-01")), ForbiddenError);
  });

  test("Table 2 counts every decision made in the year (第二十条第（六）项, 本年处理决定数量), published or not; a withdrawn entry is left out", async () => {
    const before = await countDecisionsForReport(2019);
    // Left in draft: still a decision made in 2019.
    await createDecision(staff, penaltyInput("绥城管罚字〔2019〕第1号", "2019-05-06"));
    const published = await createDecision(staff, penaltyInput("绥城管罚字〔2019〕第2号", "2019-05-07"));
    await publishDecision(published.id);
    const withdrawn = await createDecision(staff, penaltyInput("绥城管罚字〔2019〕第3号", "2019-05-08"));
    await publishDecision(withdrawn.id);
    await transitionDecision(leader, withdrawn.id, { action: "withdraw", comment: "重复录入" });
    await createDecision(staff, penaltyInput("绥城管罚字〔2020〕第1号", "2020-01-02"));
    const after = await countDecisionsForReport(2019);
    assert.equal(after.penalty - before.penalty, 2, "the draft and the published one; not the withdrawn one nor next year's");
    assert.equal(after.publishedLate - before.publishedLate, 1, "the published one went out years after its 7 working days");
    assert.ok(after.dueUnpublished - before.dueUnpublished >= 1, "the draft is past its deadline and still unpublished");
  });

  test("a penalty leaves the public list when its kind's period ends, stays in the console, and the period is configurable", async () => {
    const created = await createDecision(staff, penaltyInput("绥城管罚字〔2017〕第102号", "2017-01-31"));
    await publishDecision(created.id);
    assert.deepEqual(await loadPublicityPeriods(), { license: null, penalty: 36, coercion: null });
    assert.equal((await findPublicDecision(created.id, new Date("2020-01-30T12:00:00+08:00"))) !== null, true, "public on the last day");
    assert.equal(await findPublicDecision(created.id, new Date("2020-01-31T12:00:00+08:00")), null, "gone when three years are up");
    assert.equal(await findPublicDecision(created.id), null);
    assert.equal((await findConsoleDecision(staff, created.id)).expired, true);
    assert.ok((await listConsoleDecisions(staff, { kind: "penalty" })).items.some((item) => item.id === created.id));

    await assert.rejects(setPublicityPeriods(staff, { penalty: 12 }), ForbiddenError);
    await assert.rejects(setPublicityPeriods(admin, { penalty: 0 }), fieldsRejected("penalty"));
    await setPublicityPeriods(admin, { penalty: "" });
    assert.ok(await findPublicDecision(created.id), "no end: public again");
    await setPublicityPeriods(leader, { penalty: 1 });
    // PostgreSQL recomputed the end date as lib/decisions/publicity-rules.ts would: 2017-01-31 + 1 month - 1 day.
    assert.equal((await findConsoleDecision(staff, created.id)).publicUntil, "2017-02-27");
    await setPublicityPeriods(leader, { penalty: "36" });
    assert.ok(await auditCount("decision_publicity.set", "DecisionPublicityPeriod", "penalty"));
  });
});

describe("templates, export and the annual report's figures", () => {
  test("each kind's template has the Chinese data items as its header; CSV and .xlsx", async () => {
    const csv = await buildDecisionTemplate("penalty", "csv");
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(csv.body);
    assert.ok(text.startsWith("\uFEFF"), "a BOM, so that Excel reads UTF-8");
    assert.deepEqual(parseCsv(text)[0], [
      "行政相对人名称",
      "相对人类别",
      "统一社会信用代码",
      "法定代表人",
      "证件类型",
      "证件号码",
      "决定书文号",
      "违法行为类型",
      "违法事实",
      "处罚依据",
      "处罚类别",
      "处罚内容",
      "罚没金额",
      "罚款金额（万元）",
      "没收违法所得、没收非法财物的金额（万元）",
      "暂扣或吊销证照名称及编号",
      "处罚程序",
      "失信行为严重程度",
      "决定日期",
      "有效期自",
      "有效期至",
      "决定机关",
      "决定机关统一社会信用代码",
      "公示截止期",
      "数据来源单位",
      "数据来源单位统一社会信用代码",
      "备注",
    ]);
    const xlsx = await buildDecisionTemplate("license", "xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.body) as never);
    assert.deepEqual((workbook.worksheets[0].getRow(1).values as unknown[]).slice(1, 9), [
      "行政相对人名称",
      "相对人类别",
      "统一社会信用代码",
      "法定代表人",
      "证件类型",
      "证件号码",
      "决定书文号",
      "行政许可决定文书名称",
    ]);
    await assert.rejects(buildDecisionTemplate("license", "pdf"), fieldsRejected("format"));
  });

  test("an exported filtered list re-imports: same template, every value kept", async () => {
    const filter = { kind: "license" as const, q: "测试商贸有限公司1", state: "draft" as const };
    const exported = await exportDecisions(staff, filter, "csv");
    const rows = parseCsv(new TextDecoder().decode(exported.body));
    assert.equal(rows.length, 3, "the header and the two drafts of a.csv");
    const before = await db.administrativeDecision.findMany({
      where: { counterpartyName: { in: rows.slice(1).map((row) => row[0]) } },
      orderBy: { documentNumber: "asc" },
    });
    await db.administrativeDecision.deleteMany({ where: { id: { in: before.map((row) => row.id) } } });
    const reimported = await importDecisions(staff, { kind: "license", file: { name: exported.fileName, bytes: exported.body } });
    assert.equal(reimported.imported, 2);
    const after = await db.administrativeDecision.findMany({ where: { importBatchId: reimported.batchId }, orderBy: { documentNumber: "asc" } });
    const content = (row: (typeof before)[number]) => {
      const { id: _id, importBatchId: _batch, createdAt: _created, updatedAt: _updated, ...rest } = row;
      return rest;
    };
    assert.deepEqual(after.map(content), before.map(content));
    assert.ok(await db.auditEvent.count({ where: { action: "decision.export" } }));
    const xlsx = await exportDecisions(admin, { kind: "penalty" }, "xlsx");
    assert.equal(xlsx.contentType, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    await assert.rejects(exportDecisions(staff, {}, "csv"), fieldsRejected("kind"));
  });

  test("fee income is entered per year in 万元 and read back for the report", async () => {
    assert.equal(await feeIncomeForReport(2017, { agencyId: await defaultAgencyId() }), null);
    await assert.rejects(setAnnualFeeIncome(leader, { year: 2017, amountTenThousandYuan: "1" }), ForbiddenError);
    await assert.rejects(setAnnualFeeIncome(staff, { year: 2017, amountTenThousandYuan: "-1" }), fieldsRejected("amountTenThousandYuan"));
    await setAnnualFeeIncome(staff, { year: 2017, amountTenThousandYuan: "12.3456" });
    await setAnnualFeeIncome(head, { year: 2017, amountTenThousandYuan: 12.5, note: "更正" });
    assert.equal(await feeIncomeForReport(2017, { agencyId: await defaultAgencyId() }), 12.5);
    assert.deepEqual(
      (await listAnnualFeeIncome(leader)).map((entry) => [entry.year, entry.amountTenThousandYuan, entry.note]),
      [[2017, "12.5", "更正"]],
    );
  });
});

describe("the national data items in full (《行政许可和行政处罚等信用信息公示数据标准》)", () => {
  const oldPenaltyHeaders = [
    "行政相对人名称",
    "相对人类别",
    "统一社会信用代码",
    "法定代表人",
    "证件号码",
    "决定书文号",
    "违法行为类型",
    "违法事实",
    "处罚依据",
    "处罚类别",
    "处罚内容",
    "罚没金额",
    "决定日期",
    "有效期自",
    "有效期至",
    "决定机关",
    "决定机关统一社会信用代码",
    "数据来源单位",
    "备注",
  ];
  const penaltyRow = (n: number, overrides: Record<string, string> = {}): Record<string, string> => ({
    行政相对人名称: "伊万诺夫",
    相对人类别: "自然人",
    证件号码: idNumber("23108119800101123"),
    决定书文号: `绥城管罚字〔2017〕第S${n}号`,
    违法行为类型: "擅自占用城市道路",
    违法事实: "未经批准占道经营。",
    处罚依据: "《城市道路管理条例》第四十二条",
    处罚类别: "罚款；没收违法所得",
    处罚内容: "罚款500元，没收违法所得1200元。",
    罚没金额: "0.17",
    决定日期: "2017-06-01",
    决定机关: agency,
    决定机关统一社会信用代码: authorityCode,
    数据来源单位: agency,
    ...overrides,
  });
  const csvWith = (headers: string[], rows: Record<string, string>[]) =>
    new TextEncoder().encode(writeCsv({ columns: headers.map((header) => ({ header })), rows: rows.map((row) => headers.map((header) => row[header] ?? "")) }));

  test("《行政许可和行政处罚等信用信息公示数据标准》: a file of the old template (no 证件类型, one 罚没金额) still imports; its person holds a 居民身份证", async () => {
    const result = await importDecisions(staff, { kind: "penalty", file: { name: "old.csv", bytes: csvWith(oldPenaltyHeaders, [penaltyRow(1)]) } });
    const stored = await db.administrativeDecision.findFirstOrThrow({ where: { importBatchId: result.batchId } });
    assert.equal(stored.idType, "居民身份证");
    assert.equal(stored.penaltyAmount?.toString(), "0.17");
    assert.equal(stored.fineAmount, null);
    assert.equal(stored.dataSourceCreditCode, authorityCode, "the deciding body is the data source when none is named");
  });

  test("《行政许可和行政处罚等信用信息公示数据标准》: 证件类型 and the split amounts import; a passport number is masked on the public page, in the API's data and in the export", async () => {
    const passport = "E12345678";
    const headers = decisionColumns("penalty").map((column) => column.header);
    const row = penaltyRow(2, {
      证件类型: "护照",
      证件号码: passport,
      罚没金额: "",
      "罚款金额（万元）": "0.05",
      "没收违法所得、没收非法财物的金额（万元）": "0.12",
      暂扣或吊销证照名称及编号: "",
      公示截止期: "2099-12-31",
    });
    const bad = penaltyRow(3, { 证件类型: "港澳居民来往内地通行证", 证件号码: "Z1234" });
    const error = await rejection(importDecisions(staff, { kind: "penalty", file: { name: "bad.csv", bytes: csvWith(headers, [row, bad]) } }));
    assert.deepEqual(
      error.problems.map((problem) => [problem.row, problem.column]),
      [[3, "证件号码"]],
    );
    assert.match(error.problems[0].message, /港澳居民来往内地通行证/);

    const result = await importDecisions(staff, { kind: "penalty", file: { name: "new.csv", bytes: csvWith(headers, [row]) } });
    const stored = await db.administrativeDecision.findFirstOrThrow({ where: { importBatchId: result.batchId } });
    assert.deepEqual(
      [stored.idType, stored.idNumber, stored.fineAmount?.toString(), stored.confiscationAmount?.toString(), stored.penaltyAmount?.toString()],
      ["护照", passport, "0.05", "0.12", "0.17"],
    );
    assert.notEqual(stored.publicUntil?.toISOString().slice(0, 10), "2099-12-31", "公示截止期 is computed, not read from the file");
    await transitionDecisionBatch(staff, result.batchId, { action: "submit" });
    await transitionDecisionBatch(head, result.batchId, { action: "approve" });
    await transitionDecisionBatch(leader, result.batchId, { action: "approve" });

    const publicDetail = await findPublicDecision(stored.id, new Date("2017-07-01T12:00:00+08:00"));
    assert.ok(publicDetail);
    assert.equal(publicDetail.idType, "护照");
    assert.equal(publicDetail.idNumberMasked, "E******78");
    assert.equal(publicDetail.fineAmount, "0.05");
    assert.ok(!JSON.stringify(publicDetail).includes(passport));
    const exported = new TextDecoder().decode((await exportDecisions(staff, { kind: "penalty", q: stored.documentNumber }, "csv")).body);
    assert.ok(exported.includes("E******78"), exported);
    assert.ok(!exported.includes(passport), "no full document number in an export");
    assert.ok(!exported.includes(idNumber("23108119800101123")));
  });
});

describe("penalty publicity by procedure and severity, and early removal after 信用修复 (国家发展改革委令第58号)", () => {
  let n = 0;
  const penaltyInput = (overrides: Record<string, unknown> = {}) => ({
    kind: "penalty",
    counterpartyName: "绥芬河市修复测试有限公司",
    counterpartyCategory: "legal_entity",
    creditCode: code("91231081MA1000001"),
    legalRepresentative: "王立新",
    documentNumber: `绥城管罚字〔2025〕第R${++n}号`,
    violationType: "擅自占用城市道路",
    violationFacts: "占道经营。",
    penaltyBasis: "《城市道路管理条例》第四十二条",
    penaltyCategories: ["罚款"],
    penaltyContent: "罚款2000元。",
    penaltyAmount: "0.2",
    decisionDate: "2025-01-15",
    authorityName: agency,
    authorityCreditCode: authorityCode,
    dataSourceName: agency,
    penaltyProcedure: "ordinary",
    penaltySeverity: "serious",
    ...overrides,
  });
  async function publish(id: number) {
    await transitionDecision(staff, id, { action: "submit" });
    await transitionDecision(head, id, { action: "approve" });
    await transitionDecision(leader, id, { action: "approve" });
  }
  const publicUntilOf = async (id: number) => (await findConsoleDecision(staff, id)).publicUntil;

  test("国家发展改革委令第58号: the publicity end date follows from the severity (一般 3 months, 严重 3 years); the kind's configured period leaves them alone", async () => {
    const general = await createDecision(staff, penaltyInput({ penaltySeverity: "general" }));
    const serious = await createDecision(staff, penaltyInput());
    assert.equal(await publicUntilOf(general.id), "2025-04-14");
    assert.equal(await publicUntilOf(serious.id), "2028-01-14");
    await setPublicityPeriods(admin, { penalty: 12 });
    assert.equal(await publicUntilOf(general.id), "2025-04-14");
    assert.equal(await publicUntilOf(serious.id), "2028-01-14");
    await setPublicityPeriods(admin, { penalty: 36 });
  });

  test("国家发展改革委令第58号: 适用简易程序的行政处罚信息不予公示 — published in the console, absent from the public list, page and year filter", async () => {
    const simple = await createDecision(
      staff,
      penaltyInput({ penaltyProcedure: "simple", penaltySeverity: "", penaltyCategories: ["警告"], penaltyAmount: "", decisionDate: todayInBeijing() }),
    );
    await publish(simple.id);
    const detail = await findConsoleDecision(staff, simple.id);
    assert.equal(detail.state, "published");
    assert.equal(detail.publishedOnline, false);
    assert.equal(await findPublicDecision(simple.id), null);
    assert.ok(!(await findPublicDecisions({ kind: "penalty", pageSize: 100 })).items.some((item) => item.id === simple.id));
    const ordinary = await createDecision(staff, penaltyInput({ decisionDate: todayInBeijing() }));
    await publish(ordinary.id);
    assert.ok(await findPublicDecision(ordinary.id), "an ordinary-procedure penalty is public");
  });

  test("国家发展改革委令第58号: early removal after 信用修复 — staff propose a date (not before the minimum year) and a reason, the section head approves, the public page no longer lists it", async () => {
    const { addMonths } = await import("@/lib/decisions/publicity-rules");
    const { decidePublicityRemoval, proposePublicityRemoval } = await import("@/lib/decisions/publicity-removal");
    const today = todayInBeijing();
    const decisionDate = addMonths(today, -18);
    const created = await createDecision(staff, penaltyInput({ decisionDate }));
    await assert.rejects(proposePublicityRemoval(staff, created.id, { removeOn: today, reason: "已履行" }), ConflictError, "a draft is not on the public list");
    await publish(created.id);
    assert.ok(await findPublicDecision(created.id));

    const tooEarly = addMonths(decisionDate, 12);
    const beforeMinimum = (await import("@/lib/deadlines/iso-date")).addCalendarDays(tooEarly, -1);
    await assert.rejects(proposePublicityRemoval(staff, created.id, { removeOn: beforeMinimum, reason: "已履行" }), (error: unknown) => {
      assert.ok(error instanceof ValidationError);
      assert.match(error.fields.removeOn[0], new RegExp(tooEarly));
      return true;
    });
    await assert.rejects(proposePublicityRemoval(staff, created.id, { removeOn: addMonths(decisionDate, 40), reason: "已履行" }), fieldsRejected("removeOn"));
    await assert.rejects(proposePublicityRemoval(staff, created.id, { removeOn: today, reason: " " }), fieldsRejected("reason"));
    await assert.rejects(proposePublicityRemoval(otherStaff, created.id, { removeOn: today, reason: "已履行" }), ForbiddenError, "another section's staff");
    await assert.rejects(proposePublicityRemoval(leader, created.id, { removeOn: today, reason: "已履行" }), ForbiddenError);

    const proposal = await proposePublicityRemoval(staff, created.id, { removeOn: today, reason: "已缴清罚款并提交信用修复承诺书" });
    await assert.rejects(proposePublicityRemoval(staff, created.id, { removeOn: today, reason: "再次" }), ConflictError, "one open proposal at a time");
    assert.ok(await findPublicDecision(created.id), "still public until approved");
    await assert.rejects(decidePublicityRemoval(staff, proposal.id, { action: "approve" }), ForbiddenError, "staff do not approve");
    await assert.rejects(decidePublicityRemoval(head, proposal.id, { action: "reject" }), fieldsRejected("comment"));
    assert.equal((await decidePublicityRemoval(head, proposal.id, { action: "approve" })).state, "approved");
    await assert.rejects(decidePublicityRemoval(head, proposal.id, { action: "approve" }), ConflictError);

    assert.equal(await findPublicDecision(created.id), null, "off the public page");
    assert.ok(!(await findPublicDecisions({ kind: "penalty", pageSize: 100 })).items.some((item) => item.id === created.id), "off the public list");
    const detail = await findConsoleDecision(staff, created.id);
    assert.equal(detail.publicityRemovedOn, today);
    assert.equal(detail.removalReason, "已缴清罚款并提交信用修复承诺书");
    assert.deepEqual(
      detail.removals.map((removal) => [removal.state, removal.decidedBy !== null]),
      [["approved", true]],
    );
    assert.equal(detail.canProposeRemoval, false);
    assert.ok(await auditCount("decision.propose_publicity_removal", "AdministrativeDecision", created.id));
    assert.ok(await auditCount("decision.approve_publicity_removal", "AdministrativeDecision", created.id));
    await setPublicityPeriods(admin, { penalty: "" });
    assert.equal(await findPublicDecision(created.id), null, "a period change does not bring a removed decision back");
    await setPublicityPeriods(admin, { penalty: 36 });
  });

  test("国家发展改革委令第58号: a 信用修复 proposal is reviewed by someone else — the section head's own proposal waits for another head, a rejection keeps the decision public", async () => {
    const { addMonths } = await import("@/lib/decisions/publicity-rules");
    const { decidePublicityRemoval, proposePublicityRemoval } = await import("@/lib/decisions/publicity-removal");
    const today = todayInBeijing();
    const created = await createDecision(staff, penaltyInput({ decisionDate: addMonths(today, -13) }));
    await publish(created.id);
    const own = await proposePublicityRemoval(head, created.id, { removeOn: today, reason: "已履行" });
    await assert.rejects(decidePublicityRemoval(head, own.id, { action: "approve" }), ForbiddenError);
    const otherHead = await insertUser("section_head", { sectionId });
    assert.equal((await decidePublicityRemoval(otherHead, own.id, { action: "reject", comment: "未提交修复承诺书" })).state, "rejected");
    assert.ok(await findPublicDecision(created.id), "still public after a rejection");
    assert.ok(await auditCount("decision.reject_publicity_removal", "AdministrativeDecision", created.id));
    assert.equal((await findConsoleDecision(staff, created.id)).canProposeRemoval, true, "a new proposal may follow");
  });
});

describe("the demo data", () => {
  test("matches the seed report: 12 retained 行政许可 in the 2017 list, 35 licensing results published in 2017", async () => {
    // Start the registers from empty (the audit log is append-only and stays).
    await db.$transaction(async (tx) => {
      await tx.administrativeDecision.deleteMany();
      await tx.decisionImportBatch.deleteMany();
      await tx.decisionPublicityPeriod.deleteMany();
      await tx.annualFeeIncome.deleteMany();
      await tx.serviceMaterial.deleteMany();
      await tx.serviceForm.deleteMany();
      await tx.service.deleteMany();
      await tx.powerListVersion.deleteMany();
      await tx.power.deleteMany();
    });
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const agencyId = await defaultAgencyId();
    for (const section of demoSections)
      await db.section.upsert({ where: { agencyId_name: { agencyId, name: section.name } }, create: { ...section, agencyId }, update: {} });
    const sections = new Map((await db.section.findMany()).map((section) => [section.name, section.id]));
    for (const account of demoAccounts) {
      await db.user.create({
        data: { username: account.username, displayName: account.displayName, role: account.role, sectionId: sections.get(account.section)!, passwordHash },
      });
    }
    // The inspections' demo seed may have run first and entered a 行政检查 entry of its own.
    const enforcement = sections.get("综合执法大队")!;
    const staffId = (await db.user.findUniqueOrThrow({ where: { username: "staff" } })).id;
    const earlier = {
      code: "JC-1",
      name: "对户外广告设施设置情况的检查",
      type: "inspection" as const,
      legalBasis: ["《城市市容和环境卫生管理条例》第十一条"],
      sectionName: "综合执法大队",
      responsibilities: "抽查",
      accountability: "追责",
      status: "retained" as const,
      statusNote: null,
      effectiveOn: "2017-01-01",
    };
    await db.power.create({
      data: {
        code: earlier.code,
        name: earlier.name,
        type: earlier.type,
        legalBasis: earlier.legalBasis,
        sectionId: enforcement,
        responsibilities: earlier.responsibilities,
        accountability: earlier.accountability,
        effectiveOn: new Date("2017-01-01T00:00:00Z"),
        state: "published",
        ownerSectionId: enforcement,
        authorId: staffId,
        lastEditorId: staffId,
        publishedContent: earlier,
        publishedAt: new Date("2017-03-20T01:30:00Z"),
      },
    });
    await seedDemoRegisters();
    await seedDemoRegisters();
    assert.equal(await db.power.count({ where: { code: "JC-1" } }), 1);
    const list2017 = await findPublicPowerList({ year: 2017, type: "inspection" });
    assert.deepEqual(
      list2017?.items.map((item) => item.code),
      ["JC-1", "JC-2", "JC-3", "JC-4"],
    );
    assert.equal(list2017?.items[0].responsibilities, "抽查", "the earlier entry is kept as it was");
    assert.equal(await countRetainedPowers(2017, { agencyId: await defaultAgencyId() }, "license"), demoRegisterFacts.retainedLicenses2017);
    assert.ok((await countRetainedPowers(2016, { agencyId: await defaultAgencyId() }, "license")) > 12);
    const figures = await countDecisionsForReport(2017);
    assert.deepEqual(
      { license: figures.license, penalty: figures.penalty, coercion: figures.coercion, late: figures.publishedLate },
      { license: 35, penalty: demoRegisterFacts.penaltyDecisions2017, coercion: 0, late: 0 },
    );
    assert.equal((await findPublicDecisions({ kind: "license", year: 2017 })).total, 35);
    const diff = await comparePublicPowerLists(2016, 2017);
    assert.ok(diff && diff.added.length && diff.changed.length);
    const services = await findPublicServices();
    assert.ok(services.total >= 6);
    const guide = await findPublicService(services.items[0].id);
    const form = await findDownloadableServiceForm(guide!.id, guide!.forms[0].id, null);
    assert.equal(form.mimeType, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    const decisions = await db.administrativeDecision.findMany();
    const { isValidCreditCode } = await import("@/lib/identifiers");
    assert.ok(decisions.every((decision) => isValidCreditCode(decision.creditCode!) && isValidCreditCode(decision.authorityCreditCode)));
  });
});
