import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { exportAuditEventsCsv, listAuditEvents } from "@/lib/audit/query-audit-events";
import type { ActingUser } from "@/lib/auth/acting-user";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-calendar";
import {
  checkCalendarDay,
  describeCalendarCoverage,
  listCalendarOverrides,
  removeCalendarOverride,
  setCalendarOverride,
} from "@/lib/calendar/manage-calendar-overrides";
import { createCategory, deleteCategory, updateCategory } from "@/lib/catalogue/manage-catalogue";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { addSensitiveWords, listSensitiveWords, removeSensitiveWord } from "@/lib/sensitive-words/manage-sensitive-words";
import { insertUser } from "../support/fixtures";
import { useMigratedTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
let admin: ActingUser;
before(async () => {
  database = await useMigratedTestDatabase();
  admin = await insertUser("admin");
});
after(async () => {
  await database.drop();
});

const nonAdminRoles = ["staff", "section_head", "leader"] as const;

/** Asserts a ValidationError naming exactly these fields, with Chinese messages for `chineseFields`. */
function rejectsWithFields(fields: string[], chineseFields = fields) {
  return (error: unknown) => {
    assert.ok(error instanceof ValidationError, `expected a ValidationError, got ${String(error)}`);
    assert.deepEqual(Object.keys(error.fields).sort(), [...fields].sort());
    for (const field of chineseFields)
      assert.ok(
        error.fields[field].every((message) => /[\u4e00-\u9fff]/.test(message)),
        `${field}: Chinese messages`,
      );
    return true;
  };
}

async function auditRows(action: string, entityId?: string) {
  return db.auditEvent.findMany({ where: { action, ...(entityId === undefined ? {} : { entityId }) }, orderBy: { id: "asc" } });
}

/** RFC 4180 parsing, independent of the code under test. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (character === '"') {
        quoted = false;
      } else {
        field += character;
      }
    } else if (character === '"') {
      quoted = true;
    } else if (character === ",") {
      row.push(field);
      field = "";
    } else if (character === "\r" && text[index + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      index++;
    } else {
      field += character;
    }
  }
  assert.equal(quoted, false, "no unterminated quoted field");
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

describe("catalogue administration", () => {
  test("only an admin may create, change or delete categories", async () => {
    const category = await createCategory(admin, { name: "权限测试", slug: "permission-test" });
    for (const role of nonAdminRoles) {
      const actor = await insertUser(role);
      await assert.rejects(createCategory(actor, { name: "越权", slug: `forbidden-${role.replace("_", "-")}` }), ForbiddenError);
      await assert.rejects(updateCategory(actor, category.id, { name: "越权", slug: "permission-test" }), ForbiddenError);
      await assert.rejects(deleteCategory(actor, category.id), ForbiddenError);
    }
    assert.equal((await db.category.findUniqueOrThrow({ where: { id: category.id } })).name, "权限测试");
  });

  test("invalid input is a field error in Chinese and stores nothing", async () => {
    const before = await db.category.count();
    await assert.rejects(
      createCategory(admin, { name: " ", slug: "Not A Slug", kind: "folder", sortOrder: "-1" }),
      rejectsWithFields(["name", "slug", "kind", "sortOrder"], ["name", "slug"]),
    );
    await assert.rejects(createCategory(admin, { name: "无上级", slug: "orphan", parentId: "987654" }), rejectsWithFields(["parentId"]));
    assert.equal(await db.category.count(), before);
  });

  test("a duplicate slug is a field error", async () => {
    await createCategory(admin, { name: "甲", slug: "duplicate-slug" });
    await assert.rejects(createCategory(admin, { name: "乙", slug: "duplicate-slug" }), rejectsWithFields(["slug"]));
  });

  test("create and update are audited with what changed", async () => {
    const created = await createCategory(admin, { name: "统计信息", slug: "audit-stats", kind: "list", sortOrder: "3", parentId: "" });
    await updateCategory(admin, created.id, { name: "统计数据", slug: "audit-stats", kind: "page", sortOrder: "4", parentId: "" });
    const [createRow] = await auditRows("category.create", String(created.id));
    const [updateRow] = await auditRows("category.update", String(created.id));
    assert.equal(createRow.actorId, admin.id);
    assert.deepEqual((updateRow.details as { before: { name: string } }).before.name, "统计信息");
    assert.deepEqual((updateRow.details as { after: { name: string; kind: string } }).after, {
      name: "统计数据",
      slug: "audit-stats",
      kind: "page",
      sortOrder: 4,
      parentId: null,
    });
  });

  test("a category cannot become its own ancestor", async () => {
    const top = await createCategory(admin, { name: "上级", slug: "cycle-top" });
    const middle = await createCategory(admin, { name: "中间", slug: "cycle-middle", parentId: String(top.id) });
    const bottom = await createCategory(admin, { name: "下级", slug: "cycle-bottom", parentId: String(middle.id) });
    await assert.rejects(updateCategory(admin, top.id, { name: "上级", slug: "cycle-top", parentId: String(bottom.id) }), rejectsWithFields(["parentId"]));
    await assert.rejects(updateCategory(admin, top.id, { name: "上级", slug: "cycle-top", parentId: String(top.id) }), rejectsWithFields(["parentId"]));
    assert.equal((await db.category.findUniqueOrThrow({ where: { id: top.id } })).parentId, null);
    // Moving a node somewhere that is not below itself is fine.
    await updateCategory(admin, bottom.id, { name: "下级", slug: "cycle-bottom", parentId: String(top.id) });
    assert.equal((await db.category.findUniqueOrThrow({ where: { id: bottom.id } })).parentId, top.id);
  });

  test("a category with subcategories cannot be deleted; an empty one can, audited", async () => {
    const parent = await createCategory(admin, { name: "有下级", slug: "delete-parent" });
    const child = await createCategory(admin, { name: "下级", slug: "delete-child", parentId: String(parent.id) });
    await assert.rejects(deleteCategory(admin, parent.id), (error: unknown) => {
      assert.ok(error instanceof ConflictError);
      assert.equal(error.status, 409);
      assert.equal(error.code, "not_empty");
      assert.match(error.message, /不能删除/);
      return true;
    });
    assert.ok(await db.category.findUnique({ where: { id: parent.id } }));
    await deleteCategory(admin, child.id);
    await deleteCategory(admin, parent.id);
    assert.equal(await db.category.findUnique({ where: { id: parent.id } }), null);
    assert.equal((await auditRows("category.delete", String(parent.id))).length, 1);
    await assert.rejects(deleteCategory(admin, parent.id), NotFoundError);
  });
});

describe("sensitive words", () => {
  test("only an admin may list, add or remove sensitive words", async () => {
    const { added } = await addSensitiveWords(admin, { words: "权限敏感词" });
    const [word] = (await listSensitiveWords(admin)).filter((row) => row.word === added[0]);
    for (const role of nonAdminRoles) {
      const actor = await insertUser(role);
      await assert.rejects(listSensitiveWords(actor), ForbiddenError);
      await assert.rejects(addSensitiveWords(actor, { words: "越权" }), ForbiddenError);
      await assert.rejects(removeSensitiveWord(actor, word.id), ForbiddenError);
    }
    assert.ok(await db.sensitiveWord.findUnique({ where: { id: word.id } }));
  });

  test("a pasted list is split on newlines and commas, trimmed, deduplicated, and existing words are skipped", async () => {
    await addSensitiveWords(admin, { words: "内部资料" });
    const result = await addSensitiveWords(admin, { words: " 机密 \r\n绝密,秘密，内部资料、Secret\n\n机密\nSECRET , " });
    assert.deepEqual(result.added, ["机密", "绝密", "秘密", "Secret"]);
    assert.deepEqual(result.skipped, ["内部资料", "机密", "SECRET"]);
    const stored = (await listSensitiveWords(admin)).map((row) => row.word);
    for (const word of ["机密", "绝密", "秘密", "Secret", "内部资料"]) assert.ok(stored.includes(word), word);
    assert.ok(!stored.includes("SECRET"));
    const audited = (await auditRows("sensitive_word.add")).map((row) => (row.details as { word: string }).word);
    for (const word of result.added) assert.ok(audited.includes(word), `adding ${word} is audited`);
    // Adding only known words adds nothing and writes no audit rows.
    const auditCount = await db.auditEvent.count();
    assert.deepEqual(await addSensitiveWords(admin, { words: "绝密\n秘密" }), { added: [], skipped: ["绝密", "秘密"] });
    assert.equal(await db.auditEvent.count(), auditCount);
  });

  test("an empty list or an overlong word is a field error", async () => {
    await assert.rejects(addSensitiveWords(admin, { words: " ,\n ，" }), rejectsWithFields(["words"]));
    await assert.rejects(addSensitiveWords(admin, {}), rejectsWithFields(["words"]));
    await assert.rejects(
      addSensitiveWords(admin, { words: `正常\n${"长".repeat(51)}` }),
      (error: unknown) => error instanceof ValidationError && Boolean(error.fields["words.1"] ?? error.fields.words),
    );
    assert.equal(await db.sensitiveWord.findUnique({ where: { word: "正常" } }), null);
  });

  test("removing a word is audited; removing it again is not found", async () => {
    await addSensitiveWords(admin, { words: "待删除" });
    const word = await db.sensitiveWord.findUniqueOrThrow({ where: { word: "待删除" } });
    await removeSensitiveWord(admin, word.id);
    assert.equal(await db.sensitiveWord.findUnique({ where: { id: word.id } }), null);
    const [row] = await auditRows("sensitive_word.remove", String(word.id));
    assert.deepEqual(row.details, { word: "待删除" });
    await assert.rejects(removeSensitiveWord(admin, word.id), NotFoundError);
  });
});

describe("working-day calendar overrides", () => {
  test("only an admin may list, set or remove overrides, or check a day", async () => {
    for (const role of nonAdminRoles) {
      const actor = await insertUser(role);
      await assert.rejects(listCalendarOverrides(actor), ForbiddenError);
      await assert.rejects(setCalendarOverride(actor, { date: "2027-01-04", working: true, note: "越权" }), ForbiddenError);
      await assert.rejects(removeCalendarOverride(actor, "2027-01-04"), ForbiddenError);
      await assert.rejects(checkCalendarDay(actor, { date: "2027-01-04" }), ForbiddenError);
    }
    assert.equal(await db.calendarOverride.count(), 0);
  });

  test("a bad date, a missing choice and a missing note are field errors", async () => {
    await assert.rejects(setCalendarOverride(admin, { date: "2027-02-30", note: " " }), rejectsWithFields(["date", "working", "note"]));
    await assert.rejects(setCalendarOverride(admin, { date: "27-1-4", working: "maybe", note: "说明" }), rejectsWithFields(["date", "working"]));
    await assert.rejects(setCalendarOverride(admin, { date: "0202-10-01", working: "false", note: "说明" }), rejectsWithFields(["date"]));
    await assert.rejects(checkCalendarDay(admin, { date: "2026-13-01" }), rejectsWithFields(["date"]));
    await assert.rejects(removeCalendarOverride(admin, "not a date"), rejectsWithFields(["date"]));
    assert.equal(await db.calendarOverride.count(), 0);
  });

  test("an override changes how deadlines classify the day, is replaced in place, and is removed; all audited", async () => {
    // 2027-02-08 is a Monday the package knows nothing about yet.
    assert.deepEqual((await loadWorkingDayCalendar()).classifyDay("2027-02-08"), { working: true, reason: "weekday" });
    await setCalendarOverride(admin, { date: "2027-02-08", working: "false", note: "2027 年春节放假" });
    assert.deepEqual((await loadWorkingDayCalendar()).classifyDay("2027-02-08"), { working: false, reason: "override_rest", holidayName: "2027 年春节放假" });
    const check = await checkCalendarDay(admin, { date: "2027-02-08" });
    assert.equal(check.working, false);
    assert.equal(check.reason, "override_rest");
    assert.equal(check.dayOfWeek, 1);
    assert.equal(check.outsideCoverage, true);

    await setCalendarOverride(admin, { date: "2027-02-08", working: "true", note: "更正：照常上班" });
    assert.equal(await db.calendarOverride.count({ where: { date: new Date("2027-02-08T00:00:00Z") } }), 1);
    const [listed] = (await listCalendarOverrides(admin)).filter((row) => row.date === "2027-02-08");
    assert.deepEqual(listed, { date: "2027-02-08", dayOfWeek: 1, working: true, note: "更正：照常上班", official: { working: true, reason: "weekday" } });

    await removeCalendarOverride(admin, "2027-02-08");
    assert.deepEqual((await loadWorkingDayCalendar()).classifyDay("2027-02-08"), { working: true, reason: "weekday" });
    await assert.rejects(removeCalendarOverride(admin, "2027-02-08"), NotFoundError);

    const sets = await auditRows("calendar_override.set", "2027-02-08");
    assert.equal(sets.length, 2);
    assert.deepEqual(sets[1].details, { before: { working: false, note: "2027 年春节放假" }, after: { working: true, note: "更正：照常上班" } });
    assert.equal((await auditRows("calendar_override.remove", "2027-02-08")).length, 1);
  });

  test("the checker explains official holidays, adjusted workdays and weekends", async () => {
    assert.deepEqual(await checkCalendarDay(admin, { date: "2026-10-01" }), {
      date: "2026-10-01",
      dayOfWeek: 4,
      working: false,
      reason: "public_holiday",
      holidayName: "国庆节",
      outsideCoverage: false,
    });
    assert.deepEqual(await checkCalendarDay(admin, { date: "2026-10-10" }), {
      date: "2026-10-10",
      dayOfWeek: 6,
      working: true,
      reason: "adjusted_workday",
      holidayName: "国庆节",
      outsideCoverage: false,
    });
    assert.deepEqual(await checkCalendarDay(admin, { date: "2026-11-28" }), {
      date: "2026-11-28",
      dayOfWeek: 6,
      working: false,
      reason: "weekend",
      outsideCoverage: false,
    });
  });

  test("coverage warns when next year's holidays are not in the package", () => {
    const coverage = describeCalendarCoverage("2026-11-27");
    assert.equal(coverage.nextYear, 2027);
    assert.equal(coverage.nextYearCovered, coverage.lastYear >= 2027);
    assert.ok(describeCalendarCoverage(`${coverage.lastYear - 1}-06-01`).nextYearCovered);
    assert.ok(!describeCalendarCoverage(`${coverage.lastYear}-06-01`).nextYearCovered);
  });
});

describe("audit log reading and export", () => {
  test("staff cannot read the log; section heads can read but not export; leaders and admins export", async () => {
    await assert.rejects(listAuditEvents(await insertUser("staff"), { page: 1 }), ForbiddenError);
    const head = await insertUser("section_head");
    await listAuditEvents(head, { page: 1 });
    await assert.rejects(
      exportAuditEventsCsv(head, { from: "2026-11-01", to: "2026-11-27" }),
      (error: unknown) => error instanceof ForbiddenError && error.status === 403,
    );
    await assert.rejects(exportAuditEventsCsv(await insertUser("staff"), { from: "2026-11-01", to: "2026-11-27" }), ForbiddenError);
    assert.ok((await exportAuditEventsCsv(await insertUser("leader"), { from: "2026-11-01", to: "2026-11-27" })).startsWith("\uFEFF"));
    assert.ok((await exportAuditEventsCsv(admin, { from: "2026-11-01", to: "2026-11-27" })).startsWith("\uFEFF"));
  });

  test("bad ranges are field errors: reversed, longer than 366 days, missing or malformed", async () => {
    const leader = await insertUser("leader");
    await assert.rejects(
      exportAuditEventsCsv(leader, { from: "2026-11-27", to: "2026-11-01" }),
      (error: unknown) => error instanceof ValidationError && error.status === 422 && Boolean(error.fields.to),
    );
    await assert.rejects(exportAuditEventsCsv(leader, { from: "2024-01-01", to: "2025-01-01" }), rejectsWithFields(["to"]));
    await assert.rejects(exportAuditEventsCsv(leader, {}), rejectsWithFields(["from", "to"]));
    await assert.rejects(exportAuditEventsCsv(leader, { from: "", to: "2026-02-30" }), rejectsWithFields(["from", "to"]));
    // A whole leap year is 366 days: allowed.
    await exportAuditEventsCsv(leader, { from: "2024-01-01", to: "2024-12-31" });
    await assert.rejects(listAuditEvents(leader, { from: "2026-11-27", to: "2026-11-26" }), rejectsWithFields(["to"]));
    await assert.rejects(listAuditEvents(leader, { from: "yesterday" }), rejectsWithFields(["from"]));
  });

  test("the CSV has a BOM and a header row, quotes awkward comments, and counts days in Beijing time", async () => {
    const leader = await insertUser("leader");
    const awkward = '不同意，理由如下：\n1. 引用"第三方"意见,需核实';
    const boundary = { actorId: admin.id, entityType: "TestBoundary" };
    await db.auditEvent.createMany({
      data: [
        // 2026-11-26 23:59:59 in Beijing: the day before.
        { ...boundary, occurredAt: new Date("2026-11-26T15:59:59Z"), action: "test.before", entityId: "1" },
        // 2026-11-27 01:00 in Beijing, although still the 26th in UTC.
        {
          ...boundary,
          occurredAt: new Date("2026-11-26T17:00:00Z"),
          action: "item.return",
          entityId: "2",
          fromState: "section_review",
          toState: "draft",
          comment: awkward,
          details: { revision: 3, note: "含,逗号" },
        },
        {
          ...boundary,
          occurredAt: new Date("2026-11-27T10:00:00Z"),
          actorId: null,
          action: "test.formula",
          entityId: "3",
          comment: '=HYPERLINK("http://example.test")',
        },
        // 2026-11-28 00:00 in Beijing: the day after.
        { ...boundary, occurredAt: new Date("2026-11-27T16:00:00Z"), action: "test.after", entityId: "4" },
      ],
    });

    // A platform role reads every event, the system's included (an agency's users see only their agency's people's).
    const supervisor = await insertUser("supervisor");
    const csv = await exportAuditEventsCsv(supervisor, { from: "2026-11-27", to: "2026-11-27" });
    assert.ok(csv.startsWith("\uFEFF"), "UTF-8 byte-order mark for Excel");
    assert.ok(csv.endsWith("\r\n"));
    const [header, ...rows] = parseCsv(csv.slice(1));
    assert.deepEqual(header, ["时间", "操作人", "操作", "对象类型", "对象编号", "原状态", "新状态", "意见", "详情(JSON)"]);
    for (const row of rows) assert.equal(row.length, header.length);
    const boundaryRows = rows.filter((row) => row[3] === "TestBoundary");
    assert.deepEqual(
      boundaryRows.map((row) => row[4]),
      ["2", "3"],
      "only the events of 2026-11-27 in Beijing time",
    );

    const [returned, formula] = boundaryRows;
    assert.equal(returned[0], "2026-11-27 01:00:00");
    assert.equal(returned[1], `${admin.displayName}（${admin.username}）`);
    assert.equal(returned[2], "退回修改");
    assert.deepEqual([returned[5], returned[6]], ["待科室审核", "草稿"]);
    assert.equal(returned[7], awkward, "a comment with a comma, quotes and a newline round-trips");
    assert.deepEqual(JSON.parse(returned[8]), { revision: 3, note: "含,逗号" });
    assert.equal(formula[1], "系统");
    assert.equal(formula[7], '\'=HYPERLINK("http://example.test")', "a formula-like comment is kept inert for Excel");

    // The page's list uses the same Beijing-day boundaries.
    const listed = await listAuditEvents(supervisor, { from: "2026-11-27", to: "2026-11-27", entityType: "TestBoundary", page: 1 });
    assert.deepEqual(
      listed.events.map((event) => event.entityId),
      ["3", "2"],
    );
    // On a platform of one agency (every installation before 集约化), its leader reads the system's
    // events too, as before; with other agencies, only its own people's (agency-isolation-registers).
    const ownAgency = await listAuditEvents(leader, { from: "2026-11-27", to: "2026-11-27", entityType: "TestBoundary", page: 1 });
    assert.deepEqual(
      ownAgency.events.map((event) => event.entityId),
      ["3", "2"],
      "a single agency's leader still reads every event",
    );
    const fromOnly = await listAuditEvents(leader, { from: "2026-11-28", entityType: "TestBoundary" });
    assert.deepEqual(
      fromOnly.events.map((event) => event.entityId),
      ["4"],
    );

    // Exporting the audit log is itself recorded.
    const exports = await db.auditEvent.findMany({ where: { action: "audit.export", actorId: supervisor.id } });
    assert.equal(exports.length, 1);
    assert.deepEqual(exports[0].details, { from: "2026-11-27", to: "2026-11-27", rowCount: rows.length });
  });

  test("the list filters by entity type and action and pages newest first", async () => {
    const start = Date.parse("2025-03-01T00:00:00Z");
    await db.auditEvent.createMany({
      data: Array.from({ length: 51 }, (_, index) => ({
        actorId: admin.id,
        entityType: "TestPaging",
        entityId: String(index),
        action: index % 2 ? "test.odd" : "test.even",
        occurredAt: new Date(start + index * 60_000),
      })),
    });
    const first = await listAuditEvents(admin, { entityType: "TestPaging", page: 1 });
    assert.equal(first.total, 51);
    assert.equal(first.events.length, first.pageSize);
    assert.equal(first.events[0].entityId, "50");
    const second = await listAuditEvents(admin, { entityType: "TestPaging", page: "2" });
    assert.deepEqual(
      second.events.map((event) => event.entityId),
      ["0"],
    );
    const odd = await listAuditEvents(admin, { entityType: "TestPaging", action: "test.odd" });
    assert.equal(odd.total, 25);
    // A hand-edited page number falls back to the first page rather than failing.
    assert.equal((await listAuditEvents(admin, { entityType: "TestPaging", page: "abc" })).page, 1);
  });
});
