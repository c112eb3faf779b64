import "../support/use-token-only-session";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import pg from "pg";
import { loadActingUser, type ActingUser } from "@/lib/auth/acting-user";
import { createApiToken } from "@/lib/auth/api-tokens";
import { db } from "@/lib/db";
import { transitionDecisionBatch } from "@/lib/decisions/decision-review";
import { importDecisions } from "@/lib/decisions/import-decisions";
import { AppError, NotFoundError, ValidationError } from "@/lib/errors";
import { transitionFeedbackReply } from "@/lib/feedback/feedback-reply-review";
import { assignFeedback, saveFeedbackReply } from "@/lib/feedback/manage-feedback";
import { submitFeedback } from "@/lib/feedback/submit-feedback";
import { transitionItem } from "@/lib/items/item-review";
import { createItem } from "@/lib/items/manage-items";
import { deliverDueNotifications, deliveryLeaseMs } from "@/lib/notifications/deliver-notifications";
import { emitNotification } from "@/lib/notifications/emit-notification";
import { listMyNotifications, markAllMyNotificationsRead, markNotificationRead } from "@/lib/notifications/inbox";
import { loadMyNotificationPreferences, updateMyNotificationPreferences } from "@/lib/notifications/preferences";
import { seedDemoData } from "@/prisma/seed/seed-demo";
import { licenseImportFile } from "../faults/support/fixtures";
import { insertSection } from "../support/fixtures";
import { useMigratedTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * Notifications (issue 17): the outbox is written in the transaction of the change that causes it,
 * the inbox shows each user only their own, and the deliveries are sent exactly once however many
 * processes deliver.
 */
let database: TestDatabase;
let staff: ActingUser;
let head: ActingUser;
let leader: ActingUser;
let categoryId: number;

before(async () => {
  database = await useMigratedTestDatabase();
  await seedDemoData(() => {});
  const user = async (username: string) => (await loadActingUser((await db.user.findUniqueOrThrow({ where: { username } })).id))!;
  [staff, head, leader] = await Promise.all([user("staff"), user("head"), user("leader")]);
  categoryId = (await db.category.findFirstOrThrow({ where: { children: { none: {} } }, orderBy: { id: "asc" } })).id;
});
after(async () => {
  await database.drop();
});

async function eventsOf(recordType: string, recordId: number) {
  return db.notificationEvent.findMany({ where: { recordType, recordId: String(recordId) }, orderBy: { id: "asc" }, include: { inbox: true } });
}

async function newItem(title: string): Promise<number> {
  return (await createItem(staff, { title, body: `<p>${title}</p>`, categoryId, formedAt: "2026-11-30" })).id;
}

describe("review steps write their notifications in the engine's transaction", () => {
  test("submitting tells the section head; approving tells the leaders; publishing tells the author", async () => {
    const id = await newItem("通知测试：关于门头牌匾的通知");
    await transitionItem(staff, id, { action: "submit" });
    let events = await eventsOf("item", id);
    assert.equal(events.length, 1);
    assert.equal(events[0].kind, "review_waiting");
    assert.equal(events[0].url, `/admin/items/${id}`);
    assert.match(events[0].title, /通知测试：关于门头牌匾的通知.*等待您审核/);
    const waiting = events[0].inbox.map((row) => row.userId);
    assert.ok(waiting.includes(head.id), "the section head of the item's section is told");
    assert.ok(!waiting.includes(staff.id) && !waiting.includes(leader.id), "not the author, not a leader yet");
    const heads = await db.user.findMany({ where: { id: { in: waiting } } });
    assert.ok(
      heads.every((user) => user.role === "section_head" && user.sectionId === staff.sectionId),
      "only section heads of the same section",
    );

    await transitionItem(head, id, { action: "approve" });
    events = await eventsOf("item", id);
    const toLeaders = events.at(-1)!;
    assert.equal(toLeaders.kind, "review_waiting");
    assert.ok(toLeaders.inbox.some((row) => row.userId === leader.id));
    assert.ok((await db.user.findMany({ where: { id: { in: toLeaders.inbox.map((row) => row.userId) } } })).every((user) => user.role === "leader"));

    await transitionItem(leader, id, { action: "approve" });
    const published = (await eventsOf("item", id)).at(-1)!;
    assert.equal(published.kind, "published");
    assert.deepEqual(
      published.inbox.map((row) => row.userId),
      [staff.id],
    );
  });

  test("returning tells the author, with the reviewer's comment", async () => {
    const id = await newItem("通知测试：退回的信息");
    await transitionItem(staff, id, { action: "submit" });
    await transitionItem(head, id, { action: "return", comment: "请补充政策依据" });
    const returned = (await eventsOf("item", id)).at(-1)!;
    assert.equal(returned.kind, "returned");
    assert.match(returned.detail ?? "", /请补充政策依据/);
    assert.deepEqual(
      returned.inbox.map((row) => row.userId),
      [staff.id],
    );
  });

  test("a refused step writes no notification (a return without a comment; a stale version)", async () => {
    const id = await newItem("通知测试：被拒绝的步骤");
    await transitionItem(staff, id, { action: "submit" });
    const before = await db.notificationEvent.count();
    await assert.rejects(transitionItem(head, id, { action: "return" }), (error: unknown) => error instanceof AppError && error.status === 422);
    await assert.rejects(transitionItem(head, id, { action: "approve", version: 1 }), (error: unknown) => error instanceof AppError && error.status === 409);
    assert.equal(await db.notificationEvent.count(), before);
  });

  test("a failure after the outbox row was written rolls the row back with the change", async () => {
    const before = await db.notificationEvent.count();
    await assert.rejects(
      db.$transaction(async (tx) => {
        await emitNotification(tx, {
          kind: "review_waiting",
          recordType: "item",
          recordId: 1,
          title: "回滚测试",
          url: "/admin/items/1",
          recipientIds: [head.id],
          dedupeKey: "rollback-test",
        });
        throw new Error("the change fails after its event was written");
      }),
    );
    assert.equal(await db.notificationEvent.count(), before);
  });

  test("the same dedupe key is written once", async () => {
    const write = () =>
      db.$transaction((tx) =>
        emitNotification(tx, {
          kind: "application_due_soon",
          recordType: "application",
          recordId: 9,
          title: "去重",
          url: "/admin/applications/9",
          recipientIds: [head.id],
          dedupeKey: "dedupe-test",
        }),
      );
    assert.equal(await write(), true);
    assert.equal(await write(), false);
    assert.equal(await db.notificationEvent.count({ where: { dedupeKey: "dedupe-test" } }), 1);
  });

  test("a visitor's message is waiting for those who assign messages, named by its number only", async () => {
    const { id } = await submitFeedback(
      { topic: "张三 13812345678 的建议", content: "请增加夜间公交线路。", name: "张三", contact: "" },
      { clientKey: "notify-test" },
    );
    const [event] = await eventsOf("feedback", id);
    assert.equal(event.kind, "message_waiting");
    assert.doesNotMatch(event.title, /张三|1381234/);
    assert.ok(event.inbox.length > 0);
  });
});

describe("an import batch reviewed as a whole", () => {
  test("one notification for the batch, naming it and its count and linking to it, not one per decision", async () => {
    const batch = await importDecisions(staff, {
      kind: "license",
      file: { name: "notify-batch.xlsx", bytes: new Uint8Array(await licenseImportFile("绥城管许通知〔2017〕", 3)) },
    });
    const before = await db.notificationEvent.count();
    assert.equal((await transitionDecisionBatch(staff, batch.batchId, { action: "submit" })).count, 3);
    assert.equal((await db.notificationEvent.count()) - before, 1, "one event for the whole batch");
    const [event] = await db.notificationEvent.findMany({ orderBy: { id: "desc" }, take: 1, include: { inbox: true } });
    assert.equal(event.kind, "review_waiting");
    assert.equal(event.recordType, "decision_batch");
    assert.equal(event.url, `/admin/decisions/batches/${batch.batchId}`);
    assert.equal(event.title, `双公示决定导入批次 ${batch.batchId}（3 条）等待您审核`);
    assert.ok(
      event.inbox.some((row) => row.userId === head.id),
      "the section head reviews next",
    );
    await transitionDecisionBatch(head, batch.batchId, { action: "return", comment: "许可期限有误" });
    const returned = await db.notificationEvent.findFirstOrThrow({ where: { kind: "returned", recordType: "decision_batch" }, include: { inbox: true } });
    assert.deepEqual(
      returned.inbox.map((row) => row.userId),
      [staff.id],
    );
  });
});

describe("a visitor's message given to a section", () => {
  test("tells that section's staff, who write the reply, named by the message's number only", async () => {
    const feedback = await db.feedback.create({
      data: { topic: "钱七 13900002222 反映井盖缺失", content: "兴安街井盖缺失。", mayPublish: true, status: "received" },
    });
    const otherSection = await db.section.findUniqueOrThrow({ where: { id: await insertSection("通知测试科") } });
    const otherStaff = await db.user.create({
      data: { username: "notify-other", displayName: "孙八", role: "staff", sectionId: otherSection.id, passwordHash: "x" },
    });
    await assignFeedback(head, feedback.id, { sectionId: staff.sectionId, version: feedback.version });
    const [assigned] = (await eventsOf("feedback", feedback.id)).filter((event) => event.dedupeKey.startsWith("message_assigned:"));
    assert.equal(assigned?.kind, "message_waiting");
    assert.equal(assigned.url, `/admin/feedback/${feedback.id}`);
    assert.ok(assigned.title.includes(String(feedback.id)));
    assert.doesNotMatch(assigned.title, /钱七|13900002222/);
    const told = assigned.inbox.map((row) => row.userId);
    assert.ok(told.includes(staff.id), "the section's staff");
    assert.ok(!told.includes(otherStaff.id), "not another section's");
    assert.ok(!told.includes(head.id), "not the one who assigned it");
  });
});

describe("every reviewed record type through the one engine", () => {
  test("a visitor message's reply waits for the section head, named by the message's number, not its topic", async () => {
    const feedback = await db.feedback.create({
      data: { topic: "赵六 13700001111 反映路灯不亮", content: "永福街路灯不亮。", mayPublish: true, status: "received", sectionId: staff.sectionId },
    });
    const { version } = await saveFeedbackReply(staff, feedback.id, { body: "已安排维修。", version: feedback.version });
    await transitionFeedbackReply(staff, feedback.id, { action: "submit", version });
    const [waiting] = await eventsOf("feedback_reply", feedback.id);
    assert.equal(waiting?.kind, "review_waiting");
    assert.equal(waiting.url, `/admin/feedback/${feedback.id}`);
    assert.ok(waiting.title.includes(String(feedback.id)));
    assert.doesNotMatch(waiting.title, /赵六|13700001111/);
    assert.ok(waiting.inbox.some((row) => row.userId === head.id));
  });
});

describe("the inbox", () => {
  test("lists the user's own notifications newest first; marking read counts down; someone else's is 404", async () => {
    const mine = await listMyNotifications(head);
    assert.ok(mine.unread > 0);
    assert.ok(mine.items.every((entry, index, all) => index === 0 || all[index - 1].createdAt >= entry.createdAt));
    const first = mine.items.find((entry) => !entry.readAt)!;
    const read = await markNotificationRead(head, first.id);
    assert.ok(read.readAt);
    assert.equal((await listMyNotifications(head)).unread, mine.unread - 1);
    await assert.rejects(markNotificationRead(staff, first.id), NotFoundError);
    await assert.rejects(markNotificationRead(staff, "abc"), NotFoundError);
    const { count } = await markAllMyNotificationsRead(head);
    assert.equal(count, mine.unread - 1);
    assert.equal((await listMyNotifications(head)).unread, 0);
  });
});

describe("channels", () => {
  test("an e-mail mode needs a valid address and a digest hour 0–23; the inbox needs nothing", async () => {
    const refused = async (input: Record<string, unknown>, field: string) =>
      assert.rejects(updateMyNotificationPreferences(staff, input), (error: unknown) => error instanceof ValidationError && field in error.fields);
    await refused({ email: "", emailMode: "immediate" }, "email");
    await refused({ email: "not-an-address", emailMode: "off" }, "email");
    await refused({ email: "a@example.gov.cn", emailMode: "digest", digestHour: "24" }, "digestHour");
    await refused({ email: "a@example.gov.cn", emailMode: "weekly" }, "emailMode");
    assert.equal((await loadMyNotificationPreferences(staff)).emailMode, "off", "nothing half-stored");
    await updateMyNotificationPreferences(staff, { email: " staff@example.gov.cn ", emailMode: "digest", digestHour: "7" });
    assert.deepEqual(await loadMyNotificationPreferences(staff), { email: "staff@example.gov.cn", emailMode: "digest", digestHour: 7 });
  });
});

describe("the API", () => {
  async function tokenOf(user: ActingUser) {
    return (await createApiToken(user, { name: "通知测试", scope: "read_write", lifetimeDays: 30 })).token;
  }
  // Loaded after the token-only session hook is in place (a route module imports lib/auth/session.ts).
  const listRoute = async (request: Request) => (await import("@/app/api/v1/me/notifications/route")).GET(request);
  const readRoute = async (request: Request, context: { params: Promise<{ id: string }> }) =>
    (await import("@/app/api/v1/me/notifications/[id]/read/route")).POST(request, context);
  const get = (token: string) => listRoute(new Request("http://gongkai.test/api/v1/me/notifications", { headers: { authorization: `Bearer ${token}` } }));
  const read = (token: string, id: string) =>
    readRoute(new Request(`http://gongkai.test/api/v1/me/notifications/${id}/read`, { method: "POST", headers: { authorization: `Bearer ${token}` } }), {
      params: Promise.resolve({ id }),
    });

  test("GET /api/v1/me/notifications answers {items: [{id, kind, title, url, createdAt, readAt}], unread}; POST …/read marks one; someone else's is 404", async () => {
    const id = await newItem("通知测试：接口");
    await transitionItem(staff, id, { action: "submit" });
    const headToken = await tokenOf(head);
    const response = await get(headToken);
    assert.equal(response.status, 200);
    const body = (await response.json()) as { items: Record<string, unknown>[]; unread: number };
    assert.deepEqual(Object.keys(body).sort(), ["items", "unread"]);
    const entry = body.items[0];
    assert.deepEqual(Object.keys(entry).sort(), ["createdAt", "id", "kind", "readAt", "title", "url"]);
    assert.equal(entry.kind, "review_waiting");
    assert.equal(entry.url, `/admin/items/${id}`);
    assert.equal(entry.readAt, null);
    assert.ok(body.unread >= 1);

    const staffToken = await tokenOf(staff);
    const foreign = await read(staffToken, String(entry.id));
    assert.equal(foreign.status, 404);
    assert.equal((await read(staffToken, "not-a-number")).status, 404);
    assert.equal((await read(staffToken, "99999999")).status, 404);

    const marked = await read(headToken, String(entry.id));
    assert.equal(marked.status, 200);
    const markedBody = (await marked.json()) as { readAt: string | null };
    assert.ok(markedBody.readAt);
    assert.equal(((await (await get(headToken)).json()) as { unread: number }).unread, body.unread - 1);
    assert.equal((await listRoute(new Request("http://gongkai.test/api/v1/me/notifications"))).status, 401);
  });
});

export { deliverDueNotifications, deliveryLeaseMs, pg };
