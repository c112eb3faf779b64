import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { ActingUser } from "@/lib/auth/acting-user";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { findConsoleItem } from "@/lib/items/console-items";
import { publishDueScheduledItems, ScreeningAcknowledgementRequired, transitionItem } from "@/lib/items/item-review";
import { createItem, restoreRevision, updateItem } from "@/lib/items/manage-items";
import { findPublicItem, findPublishedItems } from "@/lib/items/public-items";
import { seedBaseData } from "@/prisma/seed/seed-base";
import { insertSection, insertUser } from "../support/fixtures";
import { useMigratedTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
let staff: ActingUser;
let otherStaff: ActingUser;
let head: ActingUser;
let secondHead: ActingUser;
let leader: ActingUser;
let categoryId: number;

before(async () => {
  database = await useMigratedTestDatabase();
  await seedBaseData();
  const sectionId = await insertSection("综合科");
  staff = await insertUser("staff", { sectionId });
  otherStaff = await insertUser("staff");
  head = await insertUser("section_head", { sectionId });
  secondHead = await insertUser("section_head", { sectionId });
  leader = await insertUser("leader");
  categoryId = (await db.category.findUniqueOrThrow({ where: { slug: "normative-documents" } })).id;
});
after(async () => {
  await database.drop();
});

const draftInput = (title = "关于规范户外广告设置的通知") => ({ title, body: "<p>为规范户外广告设置，现通知如下。</p>", categoryId, formedAt: "2026-11-02" });

async function version(itemId: number): Promise<number> {
  return (await db.item.findUniqueOrThrow({ where: { id: itemId } })).version;
}

async function publish(itemId: number): Promise<void> {
  await transitionItem(staff, itemId, { action: "submit" });
  await transitionItem(head, itemId, { action: "approve" });
  await transitionItem(leader, itemId, { action: "approve" });
}

describe("drafting", () => {
  test("staff create a draft with a new 索引号 and an audit row; the body is sanitised", async () => {
    const created = await createItem(staff, {
      ...draftInput(),
      body: '<p onclick="x()">正文<script>alert(1)</script><a href="javascript:alert(1)">链接</a></p>',
    });
    assert.match(created.indexNumber, /^SFHCGJ\/\d{4}-\d{5}$/);
    assert.equal(created.state, "draft");
    const revision = await db.itemRevision.findFirstOrThrow({ where: { itemId: created.id } });
    assert.ok(!revision.body.includes("script") && !revision.body.includes("onclick") && !revision.body.includes("javascript:"), revision.body);
    assert.ok(revision.body.includes("正文"));
    const audit = await db.auditEvent.findFirst({ where: { entityType: "Item", entityId: String(created.id), action: "item.create" } });
    assert.equal(audit?.actorId, staff.id);
  });

  test("index numbers are unique and sequential even when created at once", async () => {
    const created = await Promise.all(Array.from({ length: 6 }, (_, index) => createItem(staff, draftInput(`并发创建 ${index}`))));
    const numbers = created.map((item) => Number(item.indexNumber.slice(-5))).sort((a, b) => a - b);
    assert.equal(new Set(numbers).size, 6);
    assert.equal(numbers[5] - numbers[0], 5);
  });

  test("leaders and admins cannot create items; invalid input lists each field and stores nothing", async () => {
    await assert.rejects(createItem(leader, draftInput()), ForbiddenError);
    const before = await db.item.count();
    await assert.rejects(createItem(staff, { title: "", body: "<p></p>", categoryId: "x", formedAt: "2026-13-45" }), (error: unknown) => {
      assert.ok(error instanceof ValidationError);
      assert.ok(error.fields.title && error.fields.categoryId && error.fields.formedAt, JSON.stringify(error.fields));
      return true;
    });
    await assert.rejects(
      createItem(staff, { ...draftInput(), categoryId: 999_999 }),
      (error: unknown) => error instanceof ValidationError && Boolean(error.fields.categoryId),
    );
    assert.equal(await db.item.count(), before);
  });
});

describe("review workflow in the data layer", () => {
  test("draft → section review → leader review → published, with an audit row for each step", async () => {
    const { id } = await createItem(staff, draftInput("完整流程"));
    await publish(id);
    const item = await db.item.findUniqueOrThrow({ where: { id } });
    assert.equal(item.state, "published");
    assert.ok(item.publishedAt);
    const steps = await db.auditEvent.findMany({ where: { entityType: "Item", entityId: String(id) }, orderBy: { id: "asc" } });
    assert.deepEqual(
      steps.map((step) => [step.action, step.fromState, step.toState]),
      [
        ["item.create", null, "draft"],
        ["item.submit", "draft", "section_review"],
        ["item.approve", "section_review", "leader_review"],
        ["item.approve", "leader_review", "published"],
      ],
    );
    assert.equal((await findPublicItem(id))?.title, "完整流程");
  });

  test("every forbidden transition is refused whatever the UI showed", async () => {
    const { id } = await createItem(staff, draftInput("越权测试"));
    await assert.rejects(transitionItem(otherStaff, id, { action: "submit" }), ForbiddenError, "staff of another section");
    await assert.rejects(transitionItem(head, id, { action: "approve" }), ConflictError, "approve a draft");
    await transitionItem(staff, id, { action: "submit" });
    await assert.rejects(transitionItem(staff, id, { action: "approve" }), ForbiddenError, "staff approve");
    await assert.rejects(transitionItem(leader, id, { action: "approve" }), ForbiddenError, "leader skips the section review");
    await assert.rejects(transitionItem(head, id, { action: "return" }), (error: unknown) => error instanceof ValidationError && Boolean(error.fields.comment));
    await transitionItem(head, id, { action: "approve" });
    await assert.rejects(transitionItem(head, id, { action: "approve" }), ForbiddenError, "a section head cannot give the leader's approval");
    await transitionItem(leader, id, { action: "approve" });
    await assert.rejects(transitionItem(staff, id, { action: "withdraw", comment: "x" }), ForbiddenError);
    await assert.rejects(transitionItem(leader, id, { action: "withdraw" }), ValidationError, "a withdrawal needs a public reason");
    assert.equal((await db.item.findUniqueOrThrow({ where: { id } })).state, "published");
  });

  test("nobody reviews an item they authored", async () => {
    const own = await createItem(head, draftInput("科长自己起草"));
    await transitionItem(head, own.id, { action: "submit" });
    await assert.rejects(transitionItem(head, own.id, { action: "approve" }), ForbiddenError);
    await transitionItem(secondHead, own.id, { action: "approve" });
    assert.equal((await db.item.findUniqueOrThrow({ where: { id: own.id } })).state, "leader_review");
  });

  test("a return needs a comment and sends the item back to draft with the comment on record", async () => {
    const { id } = await createItem(staff, draftInput("退回测试"));
    await transitionItem(staff, id, { action: "submit" });
    await transitionItem(head, id, { action: "return", comment: "请补充文号。" });
    assert.equal((await db.item.findUniqueOrThrow({ where: { id } })).state, "draft");
    const returned = await db.auditEvent.findFirstOrThrow({ where: { entityId: String(id), action: "item.return" } });
    assert.equal(returned.comment, "请补充文号。");
  });

  test("two reviewers acting at once: one wins, the other is told who changed it", async () => {
    const { id } = await createItem(staff, draftInput("并发审核"));
    await transitionItem(staff, id, { action: "submit" });
    const seen = await version(id);
    const results = await Promise.allSettled([
      transitionItem(head, id, { action: "approve", version: seen }),
      transitionItem(secondHead, id, { action: "return", comment: "不同意", version: seen }),
    ]);
    const fulfilled = results.filter((result) => result.status === "fulfilled");
    const rejected = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    assert.equal(fulfilled.length, 1);
    assert.equal(rejected.length, 1);
    assert.ok(rejected[0].reason instanceof ConflictError);
    assert.match(rejected[0].reason.message, /已被.+修改/);
    const decisions = await db.auditEvent.count({ where: { entityId: String(id), action: { in: ["item.approve", "item.return"] } } });
    assert.equal(decisions, 1);
  });
});

describe("publication", () => {
  test("editing a published item makes a draft; the public keeps the published revision until approval", async () => {
    const { id } = await createItem(staff, draftInput("原标题"));
    await publish(id);
    await updateItem(staff, id, { title: "修改后的标题", version: await version(id) });
    const item = await db.item.findUniqueOrThrow({ where: { id } });
    assert.equal(item.state, "draft");
    assert.equal((await findPublicItem(id))?.title, "原标题");
    await publish(id);
    assert.equal((await findPublicItem(id))?.title, "修改后的标题");
    assert.equal(await db.itemRevision.count({ where: { itemId: id } }), 2);
  });

  test("a stale version is refused with 409", async () => {
    const { id } = await createItem(staff, draftInput("版本检查"));
    const seen = await version(id);
    await updateItem(staff, id, { title: "第一次修改", version: seen });
    await assert.rejects(updateItem(staff, id, { title: "基于旧版本的修改", version: seen }), ConflictError);
  });

  test("restoring an old revision makes a new draft, never a publication", async () => {
    const { id } = await createItem(staff, draftInput("第一版"));
    await publish(id);
    await updateItem(staff, id, { title: "第二版", version: await version(id) });
    await publish(id);
    await restoreRevision(staff, id, 1, await version(id));
    const item = await findConsoleItem(staff, id);
    assert.equal(item.state, "draft");
    assert.equal(item.latest.title, "第一版");
    assert.equal(item.latest.number, 3);
    assert.equal((await findPublicItem(id))?.title, "第二版");
  });

  test("a withdrawn item shows its notice and reason and leaves the public lists", async () => {
    const { id } = await createItem(staff, draftInput("将被撤回"));
    await publish(id);
    await transitionItem(leader, id, { action: "withdraw", comment: "内容已过时" });
    const page = await findPublicItem(id);
    assert.equal(page?.withdrawal?.reason, "内容已过时");
    assert.equal(page?.body, "");
    const list = await findPublishedItems({ categorySlug: "normative-documents", pageSize: 100 });
    assert.ok(!list?.items.some((item) => item.id === id));
    await transitionItem(staff, id, { action: "restore" });
    assert.equal((await db.item.findUniqueOrThrow({ where: { id } })).state, "draft");
  });

  test("a scheduled item goes live at its time, once, without anyone signed in", async () => {
    const { id } = await createItem(staff, draftInput("定时发布"));
    await transitionItem(staff, id, { action: "submit" });
    await transitionItem(head, id, { action: "approve" });
    const publishAt = new Date(currentTime().getTime() + 60 * 60_000);
    const scheduled = await transitionItem(leader, id, { action: "approve", publishAt: publishAt.toISOString() });
    assert.equal(scheduled.state, "scheduled");
    assert.equal(await findPublicItem(id), null);
    assert.deepEqual(await publishDueScheduledItems(new Date(publishAt.getTime() - 1000)), []);
    const [first, second] = await Promise.all([
      publishDueScheduledItems(new Date(publishAt.getTime() + 1000)),
      publishDueScheduledItems(new Date(publishAt.getTime() + 1000)),
    ]);
    assert.deepEqual([...first, ...second], [id]);
    const item = await db.item.findUniqueOrThrow({ where: { id } });
    assert.equal(item.state, "published");
    assert.equal(item.publishedAt?.getTime(), publishAt.getTime());
    assert.equal(await db.auditEvent.count({ where: { entityId: String(id), action: "item.publish_scheduled" } }), 1);
  });

  test("publishing records whether the 20-working-day deadline was met", async () => {
    const late = await createItem(staff, { ...draftInput("逾期公开"), formedAt: "2025-01-02" });
    await publish(late.id);
    assert.equal((await db.item.findUniqueOrThrow({ where: { id: late.id } })).publishedOnTime, false);
    const detail = await findConsoleItem(staff, late.id);
    assert.equal(detail.deadline.due, "2025-02-06", "Jan 26 (Sunday) is an adjusted working day; Jan 28 – Feb 4 is the Spring Festival holiday");
    assert.match(detail.deadline.explanation, /春节/);
  });
});

describe("screening before publication", () => {
  test("a valid ID number in the body blocks submission until acknowledged with a note", async () => {
    await db.sensitiveWord.create({ data: { word: "内部资料" } });
    const { id } = await createItem(staff, { ...draftInput("含个人信息"), body: "<p>当事人身份证号 11010519491231002X，联系电话 13812345678。内部资料。</p>" });
    let findings: { key: string; kind: string }[] = [];
    await assert.rejects(transitionItem(staff, id, { action: "submit" }), (error: unknown) => {
      assert.ok(error instanceof ScreeningAcknowledgementRequired);
      findings = error.findings;
      return true;
    });
    assert.deepEqual(findings.map((finding) => finding.kind).sort(), ["id_number", "mobile_number", "sensitive_word"]);
    assert.equal((await db.item.findUniqueOrThrow({ where: { id } })).state, "draft");
    const partial = [{ key: findings[0].key, note: "已核实" }];
    await assert.rejects(transitionItem(staff, id, { action: "submit", acknowledgements: partial }), ScreeningAcknowledgementRequired);
    await transitionItem(staff, id, { action: "submit", acknowledgements: findings.map((finding) => ({ key: finding.key, note: "当事人同意公开" })) });
    const stored = await db.screeningFinding.findMany({ where: { itemId: id } });
    assert.equal(stored.length, 3);
    assert.ok(stored.every((finding) => finding.acknowledgedNote === "当事人同意公开" && finding.acknowledgedById === staff.id));
    const detail = await findConsoleItem(head, id);
    assert.equal(detail.acknowledgedFindings.length, 3, "reviewers see the findings and notes");
  });
});
