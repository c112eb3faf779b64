import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import type { ActingUser } from "@/lib/auth/acting-user";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { computeCreditCodeCheckCharacter, isValidCreditCode } from "@/lib/identifiers";
import { ImportRejectedError, type ImportFile } from "@/lib/imports";
import { findConsoleInspection, listConsoleInspections } from "@/lib/inspections/console-inspections";
import { hashDrawInput, hashInspectorList, hashTargetList, runDraw, type DrawInput } from "@/lib/inspections/draw";
import { transitionInspection } from "@/lib/inspections/inspection-review";
import { createInspectionItem } from "@/lib/inspections/manage-inspection-items";
import { createInspection, drawInspection, recordInspectionResults, updateInspection } from "@/lib/inspections/manage-inspections";
import {
  addInspectorConflict,
  createInspector,
  createTarget,
  importInspectors,
  importTargets,
  listTargets,
  removeInspectorConflict,
  setInspectorActive,
  setTargetActive,
  updateTarget,
} from "@/lib/inspections/manage-lists";
import { findPublicDrawInput, findPublicInspection, findPublishedInspections } from "@/lib/inspections/public-inspections";
import { seedBaseData } from "@/prisma/seed/seed-base";
import { seedDemoInspections } from "@/prisma/seed/seed-demo-inspections";
import { insertSection, insertUser } from "../support/fixtures";
import { assertImportRejected, gb18030Csv, respondToImport } from "../support/import-requests";
import { useMigratedTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
let staff: ActingUser;
let head: ActingUser;
let leader: ActingUser;
let admin: ActingUser;
let outsider: ActingUser;
let sectionId: number;
let itemId: number;
let licensePowerId: number;

/** A valid credit code for a running number (region 231081 = 绥芬河市). */
function creditCode(serial: number): string {
  const first17 = `91231081${String(serial).padStart(9, "0")}`;
  return first17 + computeCreditCodeCheckCharacter(first17);
}

async function xlsx(rows: (string | number)[][]): Promise<ImportFile> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("名录");
  for (const row of rows) sheet.addRow(row);
  return { name: "名录.xlsx", bytes: new Uint8Array(await workbook.xlsx.writeBuffer()) };
}

async function insertPower(code: string, type: "inspection" | "license"): Promise<number> {
  const power = await db.power.create({
    data: {
      code,
      name: type === "inspection" ? "对户外广告设施设置情况的检查" : "设置大型户外广告审批",
      type,
      legalBasis: ["《城市市容和环境卫生管理条例》"],
      sectionId,
      responsibilities: "依法实施检查",
      accountability: "不履行或不正确履行职责的，依法追究责任",
      effectiveOn: new Date("2017-01-01T00:00:00Z"),
      ownerSectionId: sectionId,
      authorId: staff.id,
      lastEditorId: staff.id,
    },
  });
  return power.id;
}

async function listVersion(list: "targets" | "inspectors") {
  return db.inspectionListChange.findFirst({ where: { list }, orderBy: { version: "desc" } });
}

function fieldsOf(error: unknown): string[] {
  assert.ok(error instanceof ValidationError, `expected a ValidationError, got ${String(error)}`);
  return Object.keys(error.fields).sort();
}

const plan = (overrides: Record<string, unknown> = {}) => ({
  title: "2026年户外广告设施随机抽查",
  year: 2026,
  description: "检查户外广告设施设置审批手续和安全状况，采取现场检查方式。",
  itemIds: [itemId],
  targetCategories: ["户外广告经营单位"],
  targetCount: 4,
  inspectorsPerTarget: 2,
  startOn: "2026-11-02",
  endOn: "2026-11-06",
  ...overrides,
});

before(async () => {
  database = await useMigratedTestDatabase();
  await seedBaseData();
  sectionId = await insertSection("综合执法大队");
  staff = await insertUser("staff", { sectionId });
  head = await insertUser("section_head", { sectionId });
  leader = await insertUser("leader");
  admin = await insertUser("admin");
  outsider = await insertUser("staff");
  const inspectionPowerId = await insertPower("JC-1", "inspection");
  licensePowerId = await insertPower("XK-1", "license");
  itemId = (
    await createInspectionItem(staff, { powerId: inspectionPowerId, name: "户外广告设施设置情况检查", targetScope: "户外广告经营单位", method: "现场检查" })
  ).id;
});
after(async () => {
  await database.drop();
});

describe("the target list", () => {
  test("a bad credit code is a field error naming the check character; nothing is stored", async () => {
    const good = creditCode(1);
    const bad = good.slice(0, 17) + (good[17] === "0" ? "1" : "0");
    for (const creditCodeValue of [bad, "91231081MA1ABCDEO1", "12345"]) {
      await assert.rejects(
        createTarget(staff, { name: "某广告公司", creditCode: creditCodeValue, address: "通天路1号", category: "户外广告经营单位" }),
        (error) => {
          assert.deepEqual(fieldsOf(error), ["creditCode"]);
          return true;
        },
      );
    }
    await assert.rejects(createTarget(staff, { name: "", address: "", category: "" }), (error) => {
      assert.deepEqual(fieldsOf(error), ["address", "category", "name"]);
      return true;
    });
    assert.equal(await db.inspectionTarget.count(), 0);
  });

  test("every change is a new list version with the hash of the whole list, and audited", async () => {
    const created = await createTarget(staff, {
      name: "绥芬河市恒通广告有限公司",
      creditCode: creditCode(2).toLowerCase(),
      address: "通天路8号",
      category: "户外广告经营单位",
    });
    const first = await listVersion("targets");
    assert.equal(created.listVersion, first!.version);
    assert.equal((await db.inspectionTarget.findUniqueOrThrow({ where: { id: created.id } })).creditCode, creditCode(2), "stored in upper case");
    await updateTarget(staff, created.id, {
      name: "绥芬河市恒通广告传媒有限公司",
      creditCode: creditCode(2),
      address: "通天路8号",
      category: "户外广告经营单位",
    });
    const second = await listVersion("targets");
    assert.equal(second!.version, first!.version + 1);
    assert.notEqual(second!.contentHash, first!.contentHash);
    await setTargetActive(staff, created.id, { active: false });
    await assert.rejects(setTargetActive(staff, created.id, { active: false }), ConflictError);
    await setTargetActive(staff, created.id, { active: "true" });
    const fourth = await listVersion("targets");
    assert.equal(fourth!.version, first!.version + 3);
    const targets = await db.inspectionTarget.findMany();
    assert.equal(fourth!.contentHash, hashTargetList(targets), "the recorded hash is the hash of the list as it is");
    const audits = await db.auditEvent.findMany({ where: { entityType: "InspectionTarget", entityId: String(created.id) }, orderBy: { id: "asc" } });
    assert.deepEqual(
      audits.map((row) => row.action),
      ["inspection_target.create", "inspection_target.update", "inspection_target.deactivate", "inspection_target.activate"],
    );
    await assert.rejects(createTarget(staff, { name: "重复", creditCode: creditCode(2), address: "某路", category: "临街商户" }), (error) => {
      assert.deepEqual(fieldsOf(error), ["creditCode"]);
      return true;
    });
  });

  test("leaders and admins read the lists but do not change them", async () => {
    for (const actor of [leader, admin]) {
      await assert.rejects(createTarget(actor, { name: "越权", address: "某路", category: "临街商户" }), ForbiddenError);
      assert.ok((await listTargets(actor)).total >= 1);
    }
  });
});

describe("imports", () => {
  test("a file with errors is refused as a whole, listing every problem by row and column", async () => {
    const existing = creditCode(2);
    const before = await db.inspectionTarget.count();
    const versionBefore = (await listVersion("targets"))!.version;
    const bad = creditCode(10).slice(0, 17) + (creditCode(10)[17] === "0" ? "1" : "0");
    const file = await xlsx([
      ["名称", "统一社会信用代码", "地址", "类别"],
      ["绥芬河市好运广告有限公司", creditCode(11), "光明路1号", "户外广告经营单位"],
      ["", creditCode(12), "光明路2号", "户外广告经营单位"],
      ["校验位错误的公司", bad, "光明路3号", "户外广告经营单位"],
      ["重复的公司", creditCode(11), "光明路4号", "户外广告经营单位"],
      ["名录里已有的公司", existing, "光明路5号", "户外广告经营单位"],
      ["没有地址的公司", "", "", "临街商户"],
    ]);
    const errors = await assertImportRejected(await respondToImport(() => importTargets(staff, file)));
    assert.deepEqual(
      errors.map((problem) => `${problem.row}:${problem.column}`),
      ["3:名称", "4:统一社会信用代码", "5:统一社会信用代码", "6:统一社会信用代码", "7:地址"],
    );
    assert.match(errors[1].message, /校验位/);
    assert.match(errors[2].message, /第 2 行/);
    assert.match(errors[3].message, /已有/);
    assert.equal(await db.inspectionTarget.count(), before, "nothing imported");
    assert.equal((await listVersion("targets"))!.version, versionBefore, "no new version");
  });

  test("a missing column, a file that is not a spreadsheet and an empty sheet are refused; a code typed as a number is explained", async () => {
    await assert.rejects(
      importTargets(
        staff,
        await xlsx([
          ["名称", "地址", "类别"],
          ["甲", "乙", "丙"],
        ]),
      ),
      (error: unknown) => {
        assert.ok(error instanceof ImportRejectedError);
        assert.deepEqual(error.problems, [{ row: 1, column: "统一社会信用代码", message: "缺少此列，请使用下载的模板。" }]);
        return true;
      },
    );
    await assert.rejects(
      importTargets(staff, { name: "名录.pdf", bytes: new TextEncoder().encode("%PDF-1.4") }),
      (error: unknown) => error instanceof ImportRejectedError && /xlsx/.test(error.problems[0].message),
    );
    await assert.rejects(importTargets(staff, await xlsx([["名称", "统一社会信用代码", "地址", "类别"]])), ImportRejectedError);
    await assert.rejects(
      importTargets(
        staff,
        await xlsx([
          ["名称", "统一社会信用代码", "地址", "类别"],
          ["数字格式的公司", 912310810000000000, "光明路6号", "临街商户"],
        ]),
      ),
      (error: unknown) => {
        assert.ok(error instanceof ImportRejectedError);
        assert.equal(error.problems[0].column, "统一社会信用代码");
        assert.match(error.problems[0].message, /数字格式.*设为文本格式/);
        return true;
      },
    );
  });

  test("a CSV saved by Excel on Chinese Windows (GB18030, no BOM) imports", async () => {
    const result = await importTargets(staff, {
      name: "名录（GBK）.csv",
      bytes: gb18030Csv([
        ["名称", "统一社会信用代码", "地址", "类别"],
        ["绥芬河市鑫垚建筑工程有限公司", creditCode(200), "绥芬河市阜宁路18号", "编码测试类别"],
        ["临街商户（张记）", "", "绥芬河市站前路9号", "编码测试类别"],
      ]),
    });
    assert.equal(result.imported, 2);
    assert.ok(await db.inspectionTarget.findFirst({ where: { name: "绥芬河市鑫垚建筑工程有限公司", creditCode: creditCode(200), category: "编码测试类别" } }));
  });

  test("a valid file imports every row (columns in any order) as one new version", async () => {
    const versionBefore = (await listVersion("targets"))!.version;
    const rows: (string | number)[][] = [["类别", "名称", "地址", "统一社会信用代码"]];
    for (let index = 0; index < 12; index++)
      rows.push(["户外广告经营单位", `绥芬河市第${index + 1}广告有限公司`, `新华街${index + 1}号`, creditCode(100 + index)]);
    for (let index = 0; index < 5; index++) rows.push(["临街商户", `临街商户${index + 1}`, `站前路${index + 1}号`, ""]);
    const result = await importTargets(staff, await xlsx(rows));
    assert.equal(result.imported, 17);
    assert.equal(result.listVersion, versionBefore + 1);
    assert.equal(await db.inspectionTarget.count({ where: { category: "户外广告经营单位" } }), 13);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "inspection_target.import" }, orderBy: { id: "desc" } });
    assert.equal((audit.details as { imported: number }).imported, 17);
  });

  test("inspectors import with sections by name; unknown sections and duplicate certificates are refused", async () => {
    const section = (await db.section.findUniqueOrThrow({ where: { id: sectionId } })).name;
    const errors = await assertImportRejected(
      await respondToImport(async () =>
        importInspectors(
          staff,
          await xlsx([
            ["姓名", "执法证号", "科室"],
            ["王强", "23100817001", "不存在的科室"],
            ["李明", "23100817001", section],
            ["", "23100817003", ""],
          ]),
        ),
      ),
    );
    assert.deepEqual(
      errors.map((problem) => `${problem.row}:${problem.column}`),
      ["2:科室", "3:执法证号", "4:姓名", "4:科室"],
    );
    assert.equal(await db.inspector.count(), 0, "nothing imported");
    // The good list as Excel on Chinese Windows saves "CSV (逗号分隔)": GB18030, no BOM.
    const rows: string[][] = [["姓名", "执法证号", "科室"]];
    ["王强", "李明", "张伟", "刘洋", "陈静", "欧阳鑫"].forEach((name, index) => rows.push([name, `2310081700${index + 1}`, section]));
    assert.equal((await importInspectors(staff, { name: "执法人员（GBK）.csv", bytes: gb18030Csv(rows) })).imported, 6);
    assert.equal(await db.inspector.count(), 6);
    assert.ok(await db.inspector.findFirst({ where: { name: "欧阳鑫", certificateNumber: "23100817006" } }));
    // Certificates already in the list are refused like the file's own problems.
    const again = await assertImportRejected(
      await respondToImport(() =>
        importInspectors(staff, { name: "again.csv", bytes: gb18030Csv([rows[0], ["王强", "23100817001", section], ["", "23100817099", section]]) }),
      ),
    );
    assert.deepEqual(
      again.map((problem) => [problem.row, problem.column]),
      [
        [2, "执法证号"],
        [3, "姓名"],
      ],
    );
    assert.match(again[0].message, /名录库中已有此执法证号（王强）/);
    assert.equal(await db.inspector.count(), 6);
  });
});

describe("inspection items", () => {
  test("link only to 行政检查 entries of the power list", async () => {
    await assert.rejects(createInspectionItem(staff, { powerId: licensePowerId, name: "越界事项", targetScope: "某对象", method: "现场检查" }), (error) => {
      assert.deepEqual(fieldsOf(error), ["powerId"]);
      return true;
    });
    await assert.rejects(createInspectionItem(staff, { powerId: 999_999, name: "越界事项", targetScope: "某对象", method: "现场检查" }), ValidationError);
    await assert.rejects(
      createInspectionItem(leader, { powerId: licensePowerId, name: "越界事项", targetScope: "某对象", method: "现场检查" }),
      ForbiddenError,
    );
  });
});

describe("tasks and the draw", () => {
  test("plans are validated and only staff of the section work on them", async () => {
    await assert.rejects(createInspection(staff, plan({ endOn: "2026-11-01", inspectorsPerTarget: 1, itemIds: [], targetCount: 0 })), (error) => {
      assert.deepEqual(fieldsOf(error), ["endOn", "inspectorsPerTarget", "itemIds", "targetCount"]);
      return true;
    });
    await assert.rejects(createInspection(leader, plan()), ForbiddenError);
    const created = await createInspection(staff, plan());
    await assert.rejects(updateInspection(outsider, created.id, plan({ title: "改名" })), ForbiddenError);
    await assert.rejects(drawInspection(outsider, created.id), ForbiddenError);
    await assert.rejects(drawInspection(leader, created.id), ForbiddenError);
    await assert.rejects(drawInspection(staff, 999_999), NotFoundError);
  });

  test("the draw records the seed, the algorithm, both list versions and hashes; it re-runs to the same result", async () => {
    const inspectors = await db.inspector.findMany({ orderBy: { id: "asc" } });
    const advertisers = await db.inspectionTarget.findMany({ where: { category: "户外广告经营单位" }, orderBy: { id: "asc" } });
    // Four of six inspectors declared a conflict with the first advertiser.
    for (const inspector of inspectors.slice(0, 4))
      await addInspectorConflict(staff, { inspectorId: inspector.id, targetId: advertisers[0].id, reason: "近亲属在该单位任职" });
    const created = await createInspection(staff, plan({ targetCount: advertisers.length }));
    const draw = await drawInspection(staff, created.id, {}, { seed: "a".repeat(64) });
    assert.equal(draw.seed, "a".repeat(64));
    assert.equal(draw.algorithm, "gongkai-draw/1");
    assert.equal(draw.assignments.length, advertisers.length);
    const targetVersion = await listVersion("targets");
    const inspectorVersion = await listVersion("inspectors");
    assert.equal(draw.targetListVersion, targetVersion!.version);
    assert.equal(draw.targetListHash, targetVersion!.contentHash);
    assert.equal(draw.inspectorListVersion, inspectorVersion!.version);
    assert.equal(draw.inspectorListHash, inspectorVersion!.contentHash);

    const conflicted = draw.assignments.find((assignment) => assignment.targetId === advertisers[0].id)!;
    assert.deepEqual(
      conflicted.inspectors.map((inspector) => inspector.id).sort(),
      inspectors.slice(4).map((inspector) => inspector.id),
      "only the two without a conflict",
    );
    for (const assignment of draw.assignments) assert.equal(new Set(assignment.inspectors.map((inspector) => inspector.id)).size, 2);

    const stored = await db.inspectionDraw.findUniqueOrThrow({ where: { inspectionId: created.id } });
    const input = JSON.parse(stored.input) as DrawInput;
    assert.equal(hashDrawInput(input), stored.inputHash);
    assert.equal(hashTargetList(input.targets), stored.targetListHash);
    assert.equal(hashInspectorList(input.inspectors, input.conflicts), stored.inspectorListHash);
    const rerun = runDraw(input);
    assert.ok(rerun.ok);
    assert.deepEqual(
      rerun.assignments,
      draw.assignments.map((assignment) => ({ targetId: assignment.targetId, inspectorIds: assignment.inspectors.map((inspector) => inspector.id) })),
    );
    assert.equal((await findConsoleInspection(staff, created.id)).draw?.verified, true);

    // Same seed, same lists, same plan: the same draw.
    const twin = await createInspection(head, plan({ targetCount: advertisers.length }));
    const twinDraw = await drawInspection(head, twin.id, {}, { seed: "a".repeat(64) });
    assert.deepEqual(
      twinDraw.assignments.map((assignment) => [assignment.targetId, assignment.inspectors.map((inspector) => inspector.id)]),
      draw.assignments.map((assignment) => [assignment.targetId, assignment.inspectors.map((inspector) => inspector.id)]),
    );
    assert.equal(twinDraw.inputHash, draw.inputHash);

    await assert.rejects(drawInspection(staff, created.id), (error: unknown) => error instanceof ConflictError && error.code === "already_drawn");
    await assert.rejects(updateInspection(staff, created.id, plan({ targetCount: 3 })), (error) => {
      assert.deepEqual(fieldsOf(error), ["targetCount"]);
      return true;
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "inspection.draw", entityId: String(created.id) } });
    assert.equal((audit.details as { seed: string }).seed, "a".repeat(64));
  });

  test("not enough inspectors after conflicts is a clear 422 and records no draw", async () => {
    const inspectors = await db.inspector.findMany({ orderBy: { id: "asc" } });
    const advertisers = await db.inspectionTarget.findMany({ where: { category: "户外广告经营单位" }, orderBy: { id: "asc" } });
    const extra = await addInspectorConflict(staff, { inspectorId: inspectors[4].id, targetId: advertisers[0].id, reason: "曾在该单位任职" });
    const created = await createInspection(staff, plan({ targetCount: advertisers.length }));
    await assert.rejects(drawInspection(staff, created.id), (error: unknown) => {
      assert.ok(error instanceof ValidationError);
      assert.equal(error.status, 422);
      assert.match(error.fields.inspectorsPerTarget[0], new RegExp(`“${advertisers[0].name}”排除利益冲突回避后只有 1 名`));
      return true;
    });
    assert.equal(await db.inspectionDraw.count({ where: { inspectionId: created.id } }), 0);
    await assert.rejects(
      drawInspection(staff, (await createInspection(staff, plan({ targetCount: 500 }))).id),
      (error: unknown) => error instanceof ValidationError && /少于计划抽取的 500 个/.test(error.fields.targetCount[0]),
    );
    await removeInspectorConflict(staff, extra.id);
    await drawInspection(staff, created.id);
  });

  test("a changed list gives the next draw its new version; deactivated rows are not drawn", async () => {
    const inspectors = await db.inspector.findMany({ orderBy: { id: "asc" } });
    const before = (await listVersion("inspectors"))!.version;
    await setInspectorActive(staff, inspectors[5].id, { active: false });
    await createInspector(staff, { name: "赵磊", certificateNumber: "23100817009", sectionId });
    const created = await createInspection(staff, plan({ targetCount: 5, targetCategories: [] }));
    const draw = await drawInspection(staff, created.id);
    assert.equal(draw.inspectorListVersion, before + 2);
    for (const assignment of draw.assignments) assert.ok(!assignment.inspectors.some((inspector) => inspector.id === inspectors[5].id));
    await setInspectorActive(staff, inspectors[5].id, { active: true });
  });
});

describe("review, results and the public", () => {
  test("plan and results go through section head and leader; results due 20 working days after the end", async () => {
    const created = await createInspection(staff, plan({ title: "公开流程测试", targetCount: 3 }));
    await assert.rejects(transitionInspection(staff, created.id, { subject: "plan", action: "submit" }), (error) => {
      assert.deepEqual(fieldsOf(error), ["draw"]);
      return true;
    });
    await drawInspection(staff, created.id);
    await transitionInspection(staff, created.id, { subject: "plan", action: "submit" });
    await assert.rejects(transitionInspection(staff, created.id, { subject: "plan", action: "approve" }), ForbiddenError);
    await assert.rejects(transitionInspection(head, created.id, { subject: "plan", action: "return" }), (error) => {
      assert.deepEqual(fieldsOf(error), ["comment"]);
      return true;
    });
    await assert.rejects(transitionInspection(head, created.id, { subject: "results", action: "submit" }), ConflictError);
    await transitionInspection(head, created.id, { subject: "plan", action: "approve" });
    assert.equal(await findPublicInspection(created.id), null, "not public before the leader approves");
    const published = await transitionInspection(leader, created.id, { subject: "plan", action: "approve" });
    assert.equal(published.state, "published");

    const publicView = await findPublicInspection(created.id);
    assert.equal(publicView?.kind, "published");
    if (publicView?.kind !== "published") return;
    assert.equal(publicView.inspection.assignments.length, 3);
    assert.equal(publicView.resultsPublished, false);
    assert.equal(publicView.inspection.draw?.verified, true);
    assert.equal(publicView.inspection.resultsDeadline.due, "2026-12-04", "2026-11-06 + 20 working days");
    assert.ok((await findPublicDrawInput(created.id))?.text.includes('"seed"'));

    const assignments = await db.inspectionAssignment.findMany({ where: { inspectionId: created.id }, orderBy: { position: "asc" } });
    const now = new Date("2026-11-20T02:00:00Z");
    await assert.rejects(recordInspectionResults(outsider, created.id, { results: [] }, now), ForbiddenError);
    await assert.rejects(
      recordInspectionResults(
        staff,
        created.id,
        {
          results: [
            { assignmentId: assignments[0].id, outcome: "other", inspectedOn: "2026-10-01" },
            { assignmentId: assignments[1].id, outcome: "no_problem", inspectedOn: "2026-12-01" },
          ],
        },
        now,
      ),
      (error) => {
        assert.deepEqual(fieldsOf(error), ["results.0.inspectedOn", "results.0.note", "results.1.inspectedOn"]);
        return true;
      },
    );
    await recordInspectionResults(staff, created.id, { results: [{ assignmentId: assignments[0].id, outcome: "no_problem", inspectedOn: "2026-11-03" }] }, now);
    await assert.rejects(
      transitionInspection(staff, created.id, { subject: "results", action: "submit" }, now),
      (error: unknown) => error instanceof ValidationError && /还有 2 个/.test(error.fields.results[0]),
    );
    await recordInspectionResults(
      staff,
      created.id,
      {
        results: [
          { assignmentId: assignments[1].id, outcome: "rectification_ordered", inspectedOn: "2026-11-04", note: "责令 11 月 30 日前拆除破损广告牌" },
          { assignmentId: assignments[2].id, outcome: "target_not_found", inspectedOn: "2026-11-05" },
        ],
      },
      now,
    );
    await transitionInspection(staff, created.id, { subject: "results", action: "submit" }, now);
    await assert.rejects(recordInspectionResults(staff, created.id, { results: [] }, now), ConflictError);
    await transitionInspection(head, created.id, { subject: "results", action: "approve" }, now);
    const before = await findPublicInspection(created.id);
    assert.ok(
      before?.kind === "published" && !before.resultsPublished && before.inspection.assignments.every((assignment) => assignment.outcome === null),
      "results hidden until published",
    );
    await transitionInspection(leader, created.id, { subject: "results", action: "approve" }, now);

    const after = await findPublicInspection(created.id);
    assert.ok(after?.kind === "published" && after.resultsPublished);
    if (after?.kind !== "published") return;
    assert.deepEqual(
      after.inspection.assignments.map((assignment) => assignment.outcome),
      ["no_problem", "rectification_ordered", "target_not_found"],
    );
    assert.equal(after.inspection.resultsDeadline.status, "on_time");
    const row = await db.inspection.findUniqueOrThrow({ where: { id: created.id } });
    assert.equal(row.resultsPublishedOnTime, true);

    const actions = (await db.auditEvent.findMany({ where: { entityType: "Inspection", entityId: String(created.id) }, orderBy: { id: "asc" } })).map(
      (event) => event.action,
    );
    assert.deepEqual(actions, [
      "inspection.create",
      "inspection.draw",
      "inspection.plan.submit",
      "inspection.plan.approve",
      "inspection.plan.approve",
      "inspection.results.record",
      "inspection.results.record",
      "inspection.results.submit",
      "inspection.results.approve",
      "inspection.results.approve",
    ]);
  });

  test("results published after the due date are marked late", async () => {
    const created = await createInspection(staff, plan({ title: "逾期公开测试", targetCount: 2, startOn: "2017-05-08", endOn: "2017-05-26", year: 2017 }));
    await drawInspection(staff, created.id);
    for (const [actor, action] of [
      [staff, "submit"],
      [head, "approve"],
      [leader, "approve"],
    ] as const)
      await transitionInspection(actor, created.id, { subject: "plan", action });
    const assignments = await db.inspectionAssignment.findMany({ where: { inspectionId: created.id } });
    await recordInspectionResults(staff, created.id, {
      results: assignments.map((assignment) => ({ assignmentId: assignment.id, outcome: "no_problem", inspectedOn: "2017-05-10" })),
    });
    const listed = (await listConsoleInspections(staff)).items.find((item) => item.id === created.id)!;
    assert.equal(listed.resultsDeadline.status, "overdue");
    for (const [actor, action] of [
      [staff, "submit"],
      [head, "approve"],
      [leader, "approve"],
    ] as const)
      await transitionInspection(actor, created.id, { subject: "results", action });
    const view = await findConsoleInspection(staff, created.id);
    assert.equal(view.resultsDeadline.status, "late");
    assert.equal((await db.inspection.findUniqueOrThrow({ where: { id: created.id } })).resultsPublishedOnTime, false);
  });

  test("the public list shows published tasks only, paged with at most 100 a page; a withdrawal leaves a notice", async () => {
    const draft = await createInspection(staff, plan({ title: "草稿任务" }));
    const page = await findPublishedInspections({ pageSize: 500 });
    assert.equal(page.pageSize, 100);
    assert.equal(page.total, 2);
    assert.ok(!page.items.some((item) => item.id === draft.id));
    assert.equal(await findPublicInspection(draft.id), null);
    assert.equal(await findPublicDrawInput(draft.id), null);
    assert.equal((await findPublishedInspections({ year: 2017 })).total, 1);

    const target = page.items.find((item) => item.title === "公开流程测试")!;
    await assert.rejects(transitionInspection(leader, target.id, { subject: "plan", action: "withdraw" }), ValidationError);
    await transitionInspection(leader, target.id, { subject: "plan", action: "withdraw", comment: "抽查范围有误，重新组织抽查" });
    const withdrawn = await findPublicInspection(target.id);
    assert.equal(withdrawn?.kind, "withdrawn");
    assert.equal(withdrawn?.kind === "withdrawn" && withdrawn.reason, "抽查范围有误，重新组织抽查");
    assert.equal((await findPublishedInspections()).total, 1);
  });
});

describe("the demo data", () => {
  test("the 2017 双随机一公开: two published draws of 20 and 22 targets with 8 inspectors, results on time, each re-running to the same result", async () => {
    // Start from empty registers (the audit log stays: it is append-only).
    await db.inspectionAssignment.deleteMany();
    await db.inspectionDraw.deleteMany();
    await db.inspection.deleteMany();
    await db.inspectorConflict.deleteMany();
    await db.inspectionListChange.deleteMany();
    await db.inspectionTarget.deleteMany();
    await db.inspector.deleteMany();
    await db.inspectionItem.deleteMany();
    for (const username of ["staff", "head", "leader"] as const) {
      await insertUser(username === "head" ? "section_head" : username, { sectionId, username });
    }
    await seedDemoInspections();
    await seedDemoInspections(); // a second run changes nothing

    const tasks = await db.inspection.findMany({
      where: { year: 2017 },
      orderBy: { startOn: "asc" },
      include: { draw: true, _count: { select: { assignments: true } } },
    });
    assert.deepEqual(
      tasks.map((task) => task._count.assignments),
      [20, 22],
    );
    assert.ok(tasks.every((task) => task.state === "published" && task.resultsState === "published" && task.resultsPublishedOnTime));
    assert.notEqual(tasks[0].draw!.targetListVersion, tasks[1].draw!.targetListVersion, "the list changed between the draws");
    assert.equal(await db.inspector.count(), 8);
    const targets = await db.inspectionTarget.findMany();
    assert.ok(targets.length >= 42 && targets.every((target) => target.creditCode && isValidCreditCode(target.creditCode)));
    const conflicts = await db.inspectorConflict.findMany();
    assert.equal(conflicts.length, 2);
    for (const task of tasks) {
      const view = await findPublicInspection(task.id);
      assert.ok(view?.kind === "published" && view.resultsPublished);
      if (view?.kind !== "published") continue;
      assert.equal(view.inspection.draw?.verified, true, task.title);
      assert.equal(view.inspection.resultsDeadline.status, "on_time");
      assert.ok(view.inspection.assignments.every((assignment) => assignment.outcome && assignment.inspectedOn && assignment.inspectors.length === 2));
      for (const conflict of conflicts) {
        const assignment = view.inspection.assignments.find((entry) => entry.targetId === conflict.targetId);
        assert.ok(!assignment?.inspectors.some((inspector) => inspector.id === conflict.inspectorId));
      }
    }
    const published = await findPublishedInspections({ year: 2017 });
    assert.equal(published.total, 2);
    assert.ok(await db.auditEvent.count({ where: { action: "inspection.draw", entityId: String(tasks[0].id) } }));
  });
});
