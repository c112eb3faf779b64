import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { GET as getFeedbackRoute, POST as postFeedbackRoute } from "@/app/api/v1/feedback/route";
import { respondWithJson } from "@/lib/api/respond";
import type { ActingUser } from "@/lib/auth/acting-user";
import { todayInBeijing } from "@/lib/dates";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, TooManyRequestsError, ValidationError } from "@/lib/errors";
import { transitionFeedbackReply } from "@/lib/feedback/feedback-reply-review";
import { PublicationAcknowledgementRequired } from "@/lib/feedback/feedback-screening";
import {
  assignFeedback,
  findConsoleFeedback,
  listConsoleFeedback,
  moderateFeedback,
  saveFeedbackReply,
  unpublishFeedback,
} from "@/lib/feedback/manage-feedback";
import { findPublishedFeedback, rateFeedbackReply } from "@/lib/feedback/public-feedback";
import { feedbackStatsForYear } from "@/lib/feedback/stats";
import { feedbackSubmissionLimit, submitFeedback } from "@/lib/feedback/submit-feedback";
import { computeIdNumberCheckCharacter } from "@/lib/identifiers";
import { transitionItem } from "@/lib/items/item-review";
import { createItem } from "@/lib/items/manage-items";
import { addSensitiveWords } from "@/lib/sensitive-words/manage-sensitive-words";
import { seedBaseData } from "@/prisma/seed/seed-base";
import { insertSection, insertUser } from "../support/fixtures";
import { useMigratedTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
let sectionId: number;
let otherSectionId: number;
let staff: ActingUser;
let head: ActingUser;
let otherStaff: ActingUser;
let otherHead: ActingUser;
let leader: ActingUser;
let admin: ActingUser;
let publicItemId: number;
let draftItemId: number;

let clientSequence = 0;
/** A fresh client address per submission, so the rate limit only matters where a test wants it to. */
const client = () => ({ clientKey: `203.0.113.${++clientSequence}` });

before(async () => {
  database = await useMigratedTestDatabase();
  await seedBaseData();
  sectionId = await insertSection("测试综合科");
  otherSectionId = await insertSection("测试执法队");
  staff = await insertUser("staff", { sectionId });
  head = await insertUser("section_head", { sectionId });
  otherStaff = await insertUser("staff", { sectionId: otherSectionId });
  otherHead = await insertUser("section_head", { sectionId: otherSectionId });
  leader = await insertUser("leader");
  admin = await insertUser("admin");
  const categoryId = (await db.category.findUniqueOrThrow({ where: { slug: "normative-documents" } })).id;
  const item = await createItem(otherStaff, { title: "关于规范户外广告设置的通知", body: "<p>通知正文。</p>", categoryId });
  await transitionItem(otherStaff, item.id, { action: "submit" });
  await transitionItem(otherHead, item.id, { action: "approve" });
  await transitionItem(leader, item.id, { action: "approve" });
  publicItemId = item.id;
  draftItemId = (await createItem(staff, { title: "尚未公开的草稿", body: "<p>草稿。</p>", categoryId })).id;
  await addSensitiveWords(admin, { words: "违禁词甲\n违禁词乙" });
});
after(async () => {
  await database.drop();
});

function rejectsWith(field: string) {
  return (error: unknown) => {
    assert.ok(error instanceof ValidationError, `expected a ValidationError, got ${String(error)}`);
    assert.ok(error.fields[field]?.length, `expected a problem with ${field}: ${JSON.stringify(error.fields)}`);
    return true;
  };
}

async function versionOf(feedbackId: number): Promise<number> {
  return (await db.feedback.findUniqueOrThrow({ where: { id: feedbackId } })).version;
}

/** Staff drafts and submits, the head approves (publishing when asked). */
async function answer(feedbackId: number, options: { publish?: boolean; body?: string } = {}) {
  await saveFeedbackReply(staff, feedbackId, { body: options.body ?? "您好，已安排人员核实处理。", version: await versionOf(feedbackId) });
  await transitionFeedbackReply(staff, feedbackId, { action: "submit", version: await versionOf(feedbackId) });
  return transitionFeedbackReply(head, feedbackId, { action: "approve", publish: options.publish ?? true, version: await versionOf(feedbackId) });
}

describe("visitors' messages", () => {
  test("a message about the site is received unassigned; the audit row holds no personal data", async () => {
    const { id, held } = await submitFeedback(
      { topic: "路灯不亮", content: "阜宁路北段路灯不亮。", name: "张三", contact: "13900001111", mayPublish: "on" },
      client(),
    );
    assert.equal(held, false);
    const stored = await db.feedback.findUniqueOrThrow({ where: { id } });
    assert.deepEqual([stored.status, stored.sectionId, stored.mayPublish, stored.name], ["received", null, true, "张三"]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "Feedback", entityId: String(id) } });
    assert.equal(audit.actorId, null);
    const recorded = JSON.stringify([audit.details, audit.comment]);
    assert.ok(!recorded.includes("13900001111") && !recorded.includes("张三"), recorded);
  });

  test("a message about a public item goes to the item's section; unpublished items cannot be asked about", async () => {
    const { id } = await submitFeedback({ topic: "对本条信息有疑问", content: "第三条的适用范围是什么？", itemId: publicItemId }, client());
    const stored = await db.feedback.findUniqueOrThrow({ where: { id } });
    assert.equal(stored.sectionId, otherSectionId);
    assert.equal(stored.itemTitle, "关于规范户外广告设置的通知");
    await assert.rejects(submitFeedback({ topic: "t", content: "c", itemId: draftItemId }, client()), rejectsWith("itemId"));
    await assert.rejects(submitFeedback({ topic: "t", content: "c", itemId: 999_999 }, client()), rejectsWith("itemId"));
  });

  test("length limits and required fields are enforced; nothing is stored", async () => {
    const before = await db.feedback.count();
    await assert.rejects(submitFeedback({ topic: "", content: "字".repeat(2001), name: "名".repeat(41) }, client()), (error: unknown) => {
      assert.ok(error instanceof ValidationError);
      assert.deepEqual(Object.keys(error.fields).sort(), ["content", "name", "topic"]);
      return true;
    });
    assert.equal(await db.feedback.count(), before);
  });

  test("each client may send only a few messages in a window; invalid attempts do not count", async () => {
    const limited = { clientKey: "198.51.100.77" };
    for (let index = 0; index < 3; index++) await assert.rejects(submitFeedback({ topic: "", content: "" }, limited), ValidationError);
    for (let index = 0; index < feedbackSubmissionLimit.limit; index++) await submitFeedback({ topic: `第${index}条`, content: "内容" }, limited);
    await assert.rejects(
      submitFeedback({ topic: "再来一条", content: "内容" }, limited),
      (error: unknown) => error instanceof TooManyRequestsError && error.retryAfterSeconds > 0,
    );
    await submitFeedback({ topic: "另一位访客", content: "内容" }, { clientKey: "198.51.100.78" });
  });

  test("the API answers 201 {id}, 422 for bad input and 429 with Retry-After", async () => {
    const response = await postFeedbackRoute(
      new Request("http://localhost/api/v1/feedback", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ topic: "API 留言", content: "<b>加粗</b>", mayPublish: true }),
      }),
    );
    assert.equal(response.status, 201);
    const body = await response.json();
    assert.deepEqual(Object.keys(body), ["id"]);
    assert.equal((await db.feedback.findUniqueOrThrow({ where: { id: body.id } })).content, "<b>加粗</b>", "stored as typed, shown as text");
    const invalid = await postFeedbackRoute(new Request("http://localhost/api/v1/feedback", { method: "POST", body: "{not json" }));
    assert.equal(invalid.status, 422);
    let last: Response | undefined;
    for (let index = 0; index < feedbackSubmissionLimit.limit + 1; index++) {
      last = await postFeedbackRoute(new Request("http://localhost/api/v1/feedback", { method: "POST", body: JSON.stringify({ topic: "t", content: "c" }) }));
    }
    assert.equal(last!.status, 429);
    assert.ok(Number(last!.headers.get("retry-after")) > 0);
  });
});

describe("moderation queue", () => {
  test("a message hitting the sensitive-word list waits in moderation, hidden from staff", async () => {
    const { id, held } = await submitFeedback({ topic: "投诉", content: "这里有违禁词甲和违禁词乙", mayPublish: true }, client());
    assert.equal(held, true);
    const stored = await db.feedback.findUniqueOrThrow({ where: { id } });
    assert.equal(stored.status, "moderation");
    assert.deepEqual(stored.moderationMatches.sort(), ["违禁词乙", "违禁词甲"]);
    assert.ok(!(await listConsoleFeedback(staff, {})).entries.some((entry) => entry.id === id), "staff do not see held messages");
    await assert.rejects(findConsoleFeedback(staff, id), NotFoundError);
    assert.ok((await listConsoleFeedback(head, { status: "moderation" })).entries.some((entry) => entry.id === id));
    await assert.rejects(saveFeedbackReply(staff, id, { body: "答复", version: stored.version }), NotFoundError);
    await assert.rejects(moderateFeedback(staff, id, { decision: "release", version: stored.version }), ForbiddenError);
  });

  test("moderators release a message to the section, or refuse it with a note", async () => {
    const first = await submitFeedback({ topic: "违禁词甲", content: "误报的留言" }, client());
    const released = await moderateFeedback(head, first.id, { decision: "release", version: await versionOf(first.id) });
    assert.equal(released.status, "received");
    assert.ok((await listConsoleFeedback(staff, {})).entries.some((entry) => entry.id === first.id));

    const second = await submitFeedback({ topic: "广告", content: "违禁词乙 广告 广告" }, client());
    await assert.rejects(moderateFeedback(admin, second.id, { decision: "reject", version: await versionOf(second.id) }), rejectsWith("note"));
    const rejected = await moderateFeedback(admin, second.id, { decision: "reject", note: "垃圾广告", version: await versionOf(second.id) });
    assert.equal(rejected.status, "rejected");
    await assert.rejects(moderateFeedback(admin, second.id, { decision: "release", version: rejected.version }), ConflictError);
  });
});

describe("replies, publication and ratings", () => {
  test("staff of the section draft, the head approves; published pairs never show names or contacts", async () => {
    const { id } = await submitFeedback(
      { topic: "占道经营", content: "小区门口<script>alert(1)</script>占道卖菜", name: "李四", contact: "lisi@example.com", mayPublish: true },
      client(),
    );
    await assert.rejects(saveFeedbackReply(leader, id, { body: "x", version: await versionOf(id) }), ForbiddenError);
    const saved = await saveFeedbackReply(staff, id, { body: "您好，已安排人员核实处理。", version: await versionOf(id) });
    assert.equal((await db.feedback.findUniqueOrThrow({ where: { id } })).sectionId, sectionId, "the unassigned message is taken by the replying section");
    await assert.rejects(
      saveFeedbackReply(otherStaff, id, { body: "越权", version: saved.version }),
      (error: unknown) => error instanceof ForbiddenError || error instanceof NotFoundError,
    );
    await transitionFeedbackReply(staff, id, { action: "submit", version: await versionOf(id) });
    await assert.rejects(transitionFeedbackReply(staff, id, { action: "approve", publish: true, version: await versionOf(id) }), ForbiddenError);
    await assert.rejects(
      transitionFeedbackReply(otherHead, id, { action: "approve", publish: true, version: await versionOf(id) }),
      (error: unknown) => error instanceof ForbiddenError || error instanceof NotFoundError,
    );
    await assert.rejects(transitionFeedbackReply(head, id, { action: "return", version: await versionOf(id) }), rejectsWith("comment"));
    const approved = await transitionFeedbackReply(head, id, { action: "approve", publish: true, version: await versionOf(id) });
    assert.deepEqual([approved.status, approved.replyState, approved.published], ["answered", "approved", true]);

    const page = await findPublishedFeedback();
    const entry = page.entries.find((candidate) => candidate.id === id);
    assert.ok(entry);
    assert.equal(entry.content, "小区门口<script>alert(1)</script>占道卖菜", "returned as the text typed; pages render it as text");
    assert.equal(entry.reply, "您好，已安排人员核实处理。");
    const everything = JSON.stringify(page) + JSON.stringify(await (await getFeedbackRoute(new Request("http://localhost/api/v1/feedback"))).json());
    assert.ok(!everything.includes("李四") && !everything.includes("lisi@example.com"), "names and contacts are never published");
  });

  test("a returned reply goes back to draft; without the visitor's consent nothing is published", async () => {
    const { id } = await submitFeedback({ topic: "不愿公开", content: "请不要公开我的留言" }, client());
    await saveFeedbackReply(staff, id, { body: "初稿", version: await versionOf(id) });
    await transitionFeedbackReply(staff, id, { action: "submit", version: await versionOf(id) });
    const returned = await transitionFeedbackReply(head, id, { action: "return", comment: "请写明办理时限", version: await versionOf(id) });
    assert.deepEqual([returned.status, returned.replyState], ["received", "draft"]);
    await saveFeedbackReply(staff, id, { body: "已于三日内办理完毕。", version: await versionOf(id) });
    await transitionFeedbackReply(staff, id, { action: "submit", version: await versionOf(id) });
    await assert.rejects(transitionFeedbackReply(head, id, { action: "approve", publish: true, version: await versionOf(id) }), rejectsWith("publish"));
    const approved = await transitionFeedbackReply(head, id, { action: "approve", version: await versionOf(id) });
    assert.deepEqual([approved.status, approved.published], ["answered", false]);
    assert.ok(!(await findPublishedFeedback({ pageSize: 100 })).entries.some((entry) => entry.id === id));
  });

  test("messages are assigned to another section; its staff then answer it", async () => {
    const { id } = await submitFeedback({ topic: "渣土撒漏", content: "运输车辆撒漏严重" }, client());
    await assert.rejects(assignFeedback(staff, id, { sectionId: otherSectionId, version: await versionOf(id) }), ForbiddenError);
    await assignFeedback(leader, id, { sectionId: otherSectionId, version: await versionOf(id) });
    await assert.rejects(findConsoleFeedback(staff, id), NotFoundError, "out of the first section's sight now");
    await saveFeedbackReply(otherStaff, id, { body: "已处罚", version: await versionOf(id) });
    assert.deepEqual((await findConsoleFeedback(otherStaff, id)).can.replyActions, ["submit"]);
    assert.deepEqual((await findConsoleFeedback(leader, id)).can.replyActions, [], "leaders see it but take no part in the reply");
  });

  test("visitors rate published replies only, within the client's limit; the console shows satisfaction per year", async () => {
    const { id } = await submitFeedback({ topic: "满意度测试", content: "测试", mayPublish: true }, client());
    await assert.rejects(rateFeedbackReply(id, { rating: "satisfied" }, client()), NotFoundError, "not yet published");
    await answer(id);
    await rateFeedbackReply(id, { rating: "satisfied" }, client());
    await rateFeedbackReply(id, { rating: "basically_satisfied" }, client());
    await rateFeedbackReply(id, { rating: "unsatisfied" }, client());
    await assert.rejects(rateFeedbackReply(id, { rating: "great" }, client()), rejectsWith("rating"));
    const entry = (await findPublishedFeedback({ pageSize: 100 })).entries.find((candidate) => candidate.id === id)!;
    assert.deepEqual(entry.ratings, { satisfied: 1, basically_satisfied: 1, unsatisfied: 1 });

    const rater = { clientKey: "192.0.2.200" };
    for (let index = 0; index < 10; index++) await rateFeedbackReply(id, { rating: "satisfied" }, rater);
    await assert.rejects(rateFeedbackReply(id, { rating: "satisfied" }, rater), TooManyRequestsError);

    const year = Number(todayInBeijing().slice(0, 4));
    const stats = await feedbackStatsForYear(head, year);
    const ratings = await db.feedbackRating.findMany();
    const satisfied = ratings.filter((rating) => rating.rating !== "unsatisfied").length;
    assert.equal(stats.satisfactionRate, satisfied / ratings.length);
    assert.ok(stats.satisfactionRate! > 0 && stats.satisfactionRate! < 1);
    assert.ok(stats.received >= stats.answered && stats.answered >= stats.published && stats.published >= 1);
    assert.equal(stats.rejected, 1);
    assert.equal((await feedbackStatsForYear(head, 2001)).satisfactionRate, null);
  });

  test("a published pair can be taken off the public page, with a reason", async () => {
    const { id } = await submitFeedback({ topic: "将被撤下", content: "内容", mayPublish: true }, client());
    await answer(id);
    assert.ok((await findPublishedFeedback({ pageSize: 100 })).entries.some((entry) => entry.id === id));
    await assert.rejects(unpublishFeedback(staff, id, { reason: "x", version: await versionOf(id) }), ForbiddenError);
    await assert.rejects(unpublishFeedback(head, id, { reason: "", version: await versionOf(id) }), rejectsWith("reason"));
    await unpublishFeedback(head, id, { reason: "留言人要求撤下", version: await versionOf(id) });
    assert.ok(!(await findPublishedFeedback({ pageSize: 100 })).entries.some((entry) => entry.id === id));
    await assert.rejects(rateFeedbackReply(id, { rating: "satisfied" }, client()), NotFoundError);
  });

  test("a stale version is a conflict, not a silent overwrite", async () => {
    const { id } = await submitFeedback({ topic: "并发", content: "内容" }, client());
    const version = await versionOf(id);
    await saveFeedbackReply(staff, id, { body: "第一版", version });
    await assert.rejects(saveFeedbackReply(head, id, { body: "第二版", version }), ConflictError);
  });
});

describe("personal-data screening before publication, as for items", () => {
  const idNumber = `23010319900101123${computeIdNumberCheckCharacter("23010319900101123")}`;

  test("a message with an ID or mobile number or an e-mail address waits in moderation, its findings shown to the moderator", async () => {
    const { id, held } = await submitFeedback(
      {
        topic: "咨询办证进度",
        content: `我的身份证号${idNumber}，手机13912345678，邮箱wang.wu@example.com，请回复。`,
        name: "王五",
        contact: "13700001111",
        mayPublish: true,
      },
      client(),
    );
    assert.equal(held, true);
    assert.equal((await db.feedback.findUniqueOrThrow({ where: { id } })).status, "moderation");
    await assert.rejects(findConsoleFeedback(staff, id), NotFoundError, "held from the section until a moderator looks");
    const detail = await findConsoleFeedback(head, id);
    assert.deepEqual(
      detail.screeningFindings.map((finding) => [finding.stage, finding.source, finding.kind, finding.match]),
      [
        ["submission", "内容", "id_number", idNumber],
        ["submission", "内容", "mobile_number", "13912345678"],
        ["submission", "内容", "email", "wang.wu@example.com"],
      ],
    );
    assert.ok(
      detail.screeningFindings.every((finding) => finding.context.length > finding.match.length),
      "shown in context",
    );
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "Feedback", entityId: String(id), action: "feedback.submit" } });
    const recorded = JSON.stringify([audit.comment, audit.details]);
    assert.ok(!recorded.includes("13912345678") && !recorded.includes(idNumber) && !recorded.includes("wang.wu"), recorded);

    const plain = await submitFeedback({ topic: "路面破损", content: "光明街路面破损，请维修。", contact: "13700002222", mayPublish: true }, client());
    assert.equal(plain.held, false, "the contact field is for the staff, not screened as if it were published");
  });

  test("publishing a pair with findings needs the head's note on each one; without it nothing changes", async () => {
    const { id } = await submitFeedback(
      { topic: "噪声投诉", content: "夜间施工噪声大，可发邮件到 li.si@example.com 联系我。", name: "李四", contact: "lisi@example.com", mayPublish: true },
      client(),
    );
    await moderateFeedback(head, id, { decision: "release", version: await versionOf(id) });
    await saveFeedbackReply(staff, id, { body: "您好，已责令停工整改。如有疑问请致电 13800009999。", version: await versionOf(id) });
    await transitionFeedbackReply(staff, id, { action: "submit", version: await versionOf(id) });

    const version = await versionOf(id);
    let findings: { key: string; source: string; kind: string }[] = [];
    await assert.rejects(transitionFeedbackReply(head, id, { action: "approve", publish: true, version }), (error: unknown) => {
      assert.ok(error instanceof PublicationAcknowledgementRequired, String(error));
      findings = error.findings;
      assert.ok(error.fields.acknowledgements?.length);
      return true;
    });
    assert.deepEqual(
      findings.map((finding) => [finding.source, finding.kind]),
      [
        ["内容", "email"],
        ["答复", "mobile_number"],
      ],
    );
    const answer = await respondWithJson(() => transitionFeedbackReply(head, id, { action: "approve", publish: true, version }));
    assert.equal(answer.status, 422);
    assert.equal((await answer.json()).error.details.findings.length, 2, "the API lists the findings to acknowledge");
    await assert.rejects(
      transitionFeedbackReply(head, id, { action: "approve", publish: true, version, acknowledgements: [{ key: findings[0].key, note: "留言人同意公开" }] }),
      PublicationAcknowledgementRequired,
      "every finding needs its note",
    );
    const unchanged = await db.feedback.findUniqueOrThrow({ where: { id }, include: { reply: true } });
    assert.deepEqual([unchanged.status, unchanged.publishedAt, unchanged.reply?.state, unchanged.version], ["reply_review", null, "section_review", version]);
    assert.ok(!(await findPublishedFeedback({ pageSize: 100 })).entries.some((entry) => entry.id === id));

    const approved = await transitionFeedbackReply(head, id, {
      action: "approve",
      publish: true,
      version,
      acknowledgements: [
        { key: findings[0].key, note: "留言人同意公开其邮箱" },
        { key: findings[1].key, note: "12345 热线之外的公开办公电话" },
      ],
    });
    assert.deepEqual([approved.status, approved.published], ["answered", true]);
    const acknowledged = (await findConsoleFeedback(head, id)).screeningFindings.filter((finding) => finding.stage === "publication");
    assert.deepEqual(
      acknowledged.map((finding) => [finding.kind, finding.acknowledgedNote, finding.acknowledgedBy]),
      [
        ["email", "留言人同意公开其邮箱", head.displayName],
        ["mobile_number", "12345 热线之外的公开办公电话", head.displayName],
      ],
    );
  });

  test("answering without publishing needs no acknowledgement", async () => {
    const { id } = await submitFeedback({ topic: "电话咨询", content: "请致电13912340000告知结果。", mayPublish: true }, client());
    await moderateFeedback(head, id, { decision: "release", version: await versionOf(id) });
    const approved = await answer(id, { publish: false });
    assert.deepEqual([approved.status, approved.published], ["answered", false]);
  });

  test("the published pair never shows the visitor's name or contact", async () => {
    const { id } = await submitFeedback(
      { topic: "公开答复测试", content: "建议增设公交站牌。", name: "赵小六", contact: "zhao6@example.net", mayPublish: true },
      client(),
    );
    await answer(id, { publish: true, body: "已纳入年度计划。" });
    const page = JSON.stringify(await findPublishedFeedback({ pageSize: 100 }));
    const api = JSON.stringify(await (await getFeedbackRoute(new Request("http://localhost/api/v1/feedback?pageSize=100"))).json());
    assert.ok(page.includes("建议增设公交站牌。") && api.includes("已纳入年度计划。"));
    for (const published of [page, api]) assert.ok(!published.includes("赵小六") && !published.includes("zhao6@example.net"), published);
  });
});
