import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { simpleParser } from "mailparser";
import pg from "pg";
import { SMTPServer } from "smtp-server";
import { findHandlingSection } from "@/lib/applications/handling-section";
import { registerOfflineApplication } from "@/lib/applications/submit-application";
import { loadActingUser, type ActingUser } from "@/lib/auth/acting-user";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { computeIdNumberCheckCharacter } from "@/lib/identifiers";
import { transitionItem } from "@/lib/items/item-review";
import { createItem } from "@/lib/items/manage-items";
import { deliverDueNotifications, deliveryLeaseMs } from "@/lib/notifications/deliver-notifications";
import { maximumAttempts } from "@/lib/notifications/digest-schedule";
import { updateMyNotificationPreferences } from "@/lib/notifications/preferences";
import { addSectionWebhook, listSectionWebhooks } from "@/lib/notifications/section-webhooks";
import { seedDemoData } from "@/prisma/seed/seed-demo";
import { setEnvironment } from "../support/environment";
import { pinClock, TEST_START, useMigratedTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * Notification deliveries (issue 17) read back by local receivers: e-mail by an SMTP server from npm
 * (smtp-server), group-robot posts by a local HTTP server. Each delivery is sent exactly once however
 * many processes deliver, a delivery claimed by a process that died is taken again after its lease,
 * and a receiver's failure is retried.
 */
type Mail = { to: string; subject: string; text: string };

let database: TestDatabase;
let staff: ActingUser;
let head: ActingUser;
let leader: ActingUser;
let categoryId: number;
let smtp: SMTPServer;
const mails: Mail[] = [];
const publicBaseUrl = "https://gongkai.example.gov.cn";

before(async () => {
  database = await useMigratedTestDatabase();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const to = Array.isArray(parsed.to) ? parsed.to.map((address) => address.text).join(", ") : (parsed.to?.text ?? "");
          mails.push({ to, subject: parsed.subject ?? "", text: parsed.text ?? "" });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  setEnvironment({ SMTP_URL: `smtp://127.0.0.1:${port}`, SMTP_FROM: "政务公开平台 <noreply@gongkai.example.gov.cn>", PUBLIC_BASE_URL: publicBaseUrl });
  await seedDemoData(() => {});
  const user = async (username: string) => (await loadActingUser((await db.user.findUniqueOrThrow({ where: { username } })).id))!;
  [staff, head, leader] = await Promise.all([user("staff"), user("head"), user("leader")]);
  categoryId = (await db.category.findFirstOrThrow({ where: { children: { none: {} } }, orderBy: { id: "asc" } })).id;
  // Whatever the demo content left waiting is not these tests' business.
  await db.notificationDelivery.deleteMany();
});
after(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  setEnvironment({ SMTP_URL: undefined, SMTP_FROM: undefined, PUBLIC_BASE_URL: undefined });
  await database.drop();
});

/** One delivery round in a process of its own (tests/support/deliver-notifications-once.ts), on a clock starting at `clockStart`. */
async function deliveryProcess(clockStart: string): Promise<{ sent: number; failed: number }> {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join("tests", "support", "deliver-notifications-once.ts")], {
    env: { ...process.env, DATABASE_URL: database.url, CLOCK_START_FOR_TESTS: clockStart },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const [code] = (await once(child, "exit")) as [number | null];
  assert.equal(code, 0, `the delivery process failed: ${output}`);
  return JSON.parse(output.trim().split("\n").at(-1)!) as { sent: number; failed: number };
}

async function submittedItem(title: string): Promise<number> {
  const { id } = await createItem(staff, { title, body: `<p>${title}</p>`, categoryId, formedAt: "2026-11-30" });
  await transitionItem(staff, id, { action: "submit" });
  return id;
}

describe("e-mail over SMTP", () => {
  test("an immediate mail reaches the reviewer: subject, recipient and the record's link", async () => {
    await updateMyNotificationPreferences(head, { email: "head@example.gov.cn", emailMode: "immediate", digestHour: "8" });
    const id = await submittedItem("邮件测试：关于城市道路占用的通知");
    const round = await deliverDueNotifications();
    assert.equal(round.sent, 1);
    const mail = mails.find((entry) => entry.to.includes("head@example.gov.cn"))!;
    assert.ok(mail, "the mail arrived");
    assert.match(mail.subject, /邮件测试：关于城市道路占用的通知.*等待您审核/);
    assert.ok(mail.text.includes(`${publicBaseUrl}/admin/items/${id}`), mail.text);
    const delivery = await db.notificationDelivery.findFirstOrThrow({ where: { channel: "email", userId: head.id } });
    assert.equal(delivery.status, "sent");
    assert.equal(await deliverDueNotifications().then((again) => again.sent), 0, "sent once");
  });

  test("a daily digest: nothing before its hour, then one mail listing the day's events", async () => {
    await updateMyNotificationPreferences(leader, { email: "leader@example.gov.cn", emailMode: "digest", digestHour: "18" });
    const first = await submittedItem("汇总测试一");
    const second = await submittedItem("汇总测试二");
    await transitionItem(head, first, { action: "approve" });
    await transitionItem(head, second, { action: "approve" });
    mails.length = 0;
    await deliverDueNotifications();
    assert.equal(mails.filter((mail) => mail.to.includes("leader@")).length, 0, "not before 18:00");
    pinClock("2026-12-02T18:00:30+08:00");
    try {
      await deliverDueNotifications();
    } finally {
      pinClock();
    }
    const digests = mails.filter((mail) => mail.to.includes("leader@"));
    assert.equal(digests.length, 1, "one mail for the day");
    assert.match(digests[0].subject, /今日通知汇总（2 条）/);
    assert.ok(digests[0].text.includes(`${publicBaseUrl}/admin/items/${first}`));
    assert.ok(digests[0].text.includes(`${publicBaseUrl}/admin/items/${second}`));
  });
});

describe("exactly once", () => {
  test("two delivery loops on separate pools send each mail once; a claim whose process died is taken again after its lease", async () => {
    await updateMyNotificationPreferences(head, { email: "head@example.gov.cn", emailMode: "immediate", digestHour: "8" });
    for (let index = 0; index < 12; index++) await submittedItem(`并发测试${index}`);
    // One delivery was claimed by a process that then died: its lease has not run out yet.
    const crashed = await db.notificationDelivery.findFirstOrThrow({ where: { status: "pending", channel: "email" }, orderBy: { id: "desc" } });
    const leaseUntil = new Date(Date.parse("2026-12-02T10:00:00+08:00") + deliveryLeaseMs);
    await db.notificationDelivery.update({ where: { id: crashed.id }, data: { status: "sending", attempts: 1, leaseUntil } });
    mails.length = 0;
    const pools = [new pg.Pool({ connectionString: database.url, max: 3 }), new pg.Pool({ connectionString: database.url, max: 3 })];
    try {
      const rounds = await Promise.all(pools.map((pool) => deliverDueNotifications({ pool, limit: 2 })));
      assert.equal(rounds[0].sent + rounds[1].sent, 11);
      const subjects = mails.map((mail) => mail.subject);
      assert.equal(new Set(subjects).size, subjects.length, "no mail twice");
      assert.equal(subjects.length, 11, "every delivery but the crashed claim");

      // After the lease, the next round (of another process) takes it over and sends it once.
      pinClock(new Date(leaseUntil.getTime() + 1000));
      const after = await Promise.all(pools.map((pool) => deliverDueNotifications({ pool })));
      assert.equal(after[0].sent + after[1].sent, 1);
      assert.equal(mails.length, 12);
      assert.equal(new Set(mails.map((mail) => mail.subject)).size, 12);
      const taken = await db.notificationDelivery.findUniqueOrThrow({ where: { id: crashed.id } });
      assert.equal(taken.status, "sent");
      assert.equal(taken.attempts, 2);
    } finally {
      pinClock();
      await Promise.all(pools.map((pool) => pool.end()));
    }
  });

  test("two web processes deliver at once and each mail goes out once; after one died holding a claim, a restarted process sends it once", async () => {
    await updateMyNotificationPreferences(head, { email: "head@example.gov.cn", emailMode: "immediate", digestHour: "8" });
    // Whatever earlier tests left waiting is not this test's business.
    await db.notificationDelivery.updateMany({ where: { status: { in: ["pending", "sending"] } }, data: { status: "failed" } });
    for (let index = 0; index < 10; index++) await submittedItem(`两个进程${index}`);
    const crashed = await db.notificationDelivery.findFirstOrThrow({ where: { status: "pending", channel: "email" }, orderBy: { id: "desc" } });
    const leaseUntil = new Date(Date.parse(TEST_START) + deliveryLeaseMs);
    await db.notificationDelivery.update({ where: { id: crashed.id }, data: { status: "sending", attempts: 1, leaseUntil } });
    mails.length = 0;
    // Both on this process's clock: the deliveries just written are due.
    const now = currentTime().toISOString();
    const [first, second] = await Promise.all([deliveryProcess(now), deliveryProcess(now)]);
    assert.equal(first.sent + second.sent, 9, "every delivery but the one a dead process holds");
    assert.equal(mails.length, 9);
    assert.equal(new Set(mails.map((mail) => mail.subject)).size, 9, "no mail twice");
    // The process that held the claim is gone; one started after its lease takes it over.
    const restarted = await deliveryProcess(new Date(leaseUntil.getTime() + 1000).toISOString());
    assert.equal(restarted.sent, 1);
    assert.equal(mails.length, 10);
    assert.equal(new Set(mails.map((mail) => mail.subject)).size, 10);
    assert.equal((await deliveryProcess(new Date(leaseUntil.getTime() + 2000).toISOString())).sent, 0, "and nothing more");
  });

  test("the delivery job is also safe after a restart: nothing sent is sent again", async () => {
    const sentBefore = await db.notificationDelivery.count({ where: { status: "sent" } });
    const pool = new pg.Pool({ connectionString: database.url, max: 2 });
    try {
      mails.length = 0;
      assert.equal((await deliverDueNotifications({ pool })).sent, 0);
      assert.equal(mails.length, 0);
      assert.equal(await db.notificationDelivery.count({ where: { status: "sent" } }), sentBefore);
    } finally {
      await pool.end();
    }
  });
});

type Received = { path: string; query: URLSearchParams; body: { msgtype: string; markdown: Record<string, string> } };

describe("group robots", () => {
  let receiver: http.Server;
  let base: string;
  const received: Received[] = [];
  let failNext = 0;

  before(async () => {
    receiver = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        if (failNext > 0) {
          failNext--;
          response.writeHead(500).end("busy");
          return;
        }
        const url = new URL(request.url ?? "/", "http://receiver");
        received.push({ path: url.pathname, query: url.searchParams, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as Received["body"] });
        response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ errcode: 0, errmsg: "ok" }));
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  });
  after(async () => {
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  test("the administrator's robot addresses: http(s) only; the secret only for 钉钉 and never shown back in full", async () => {
    const admin = (await loadActingUser((await db.user.findFirstOrThrow({ where: { role: "admin" } })).id))!;
    for (const url of ["ftp://robot.example.gov.cn/send", "javascript:alert(1)", "not a url", "https://user:pass@robot.example.gov.cn/send"]) {
      await assert.rejects(
        addSectionWebhook(admin, staff.sectionId, { kind: "wecom", url }),
        (error: unknown) => error instanceof ValidationError && "url" in error.fields,
      );
    }
    await assert.rejects(
      addSectionWebhook(admin, staff.sectionId, { kind: "wecom", url: `${base}/wecom`, secret: "SEC123" }),
      (error: unknown) => error instanceof ValidationError && "secret" in error.fields,
    );
    await assert.rejects(addSectionWebhook(head, staff.sectionId, { kind: "wecom", url: `${base}/wecom` }));
    await addSectionWebhook(admin, staff.sectionId, { kind: "wecom", url: `${base}/wecom?key=wecom-robot-key-0001` });
    await addSectionWebhook(admin, staff.sectionId, {
      kind: "dingtalk",
      url: `${base}/dingtalk?access_token=ding-token-0002`,
      secret: "SECdingtalk-secret-9876",
    });
    const shown = JSON.stringify(await listSectionWebhooks(admin));
    assert.ok(!shown.includes("SECdingtalk-secret-9876") && !shown.includes("wecom-robot-key-0001") && !shown.includes("ding-token-0002"), shown);
    assert.ok(shown.includes("9876"), "the secret's last characters tell it apart");
  });

  test("企业微信 and 钉钉 (signed) robots receive the section's events in their markdown formats", async () => {
    received.length = 0;
    const id = await submittedItem("机器人测试：关于供暖收费的通知");
    await deliverDueNotifications();
    const wecom = received.find((entry) => entry.path === "/wecom")!;
    assert.ok(wecom, "the 企业微信 robot got the event");
    assert.equal(wecom.body.msgtype, "markdown");
    assert.deepEqual(Object.keys(wecom.body.markdown), ["content"]);
    assert.match(wecom.body.markdown.content, /机器人测试：关于供暖收费的通知/);
    assert.ok(wecom.body.markdown.content.includes(`${publicBaseUrl}/admin/items/${id}`));
    assert.equal(wecom.query.get("key"), "wecom-robot-key-0001");

    const ding = received.find((entry) => entry.path === "/dingtalk")!;
    assert.ok(ding, "the 钉钉 robot got the event");
    assert.equal(ding.body.msgtype, "markdown");
    assert.deepEqual(Object.keys(ding.body.markdown).sort(), ["text", "title"]);
    assert.ok(ding.body.markdown.text.includes(`${publicBaseUrl}/admin/items/${id}`));
    const timestamp = ding.query.get("timestamp")!;
    const expected = createHmac("sha256", "SECdingtalk-secret-9876").update(`${timestamp}\n${"SECdingtalk-secret-9876"}`).digest("base64");
    assert.equal(ding.query.get("sign"), expected, "加签: base64(HMAC-SHA256(secret, timestamp + \\n + secret))");
    assert.equal(ding.query.get("access_token"), "ding-token-0002");
  });

  test("a robot answering 500 is tried again after a pause, and then gets the event once", async () => {
    received.length = 0;
    failNext = 2;
    await submittedItem("重试测试：机器人暂时不可用");
    const first = await deliverDueNotifications();
    assert.equal(first.failed, 2, "both robots answered 500");
    const waiting = await db.notificationDelivery.findMany({ where: { channel: "webhook", status: "pending" } });
    assert.equal(waiting.length, 2);
    assert.ok(waiting.every((delivery) => delivery.attempts === 1 && delivery.lastError === "HTTP 500"));
    assert.equal((await deliverDueNotifications()).sent, 0, "not before the pause");
    pinClock(new Date(Date.parse("2026-12-02T10:00:00+08:00") + 10 * 60_000));
    try {
      assert.equal((await deliverDueNotifications()).sent, 2);
    } finally {
      pinClock();
    }
    assert.equal(received.filter((entry) => entry.body.markdown.text?.includes("重试测试") || entry.body.markdown.content?.includes("重试测试")).length, 2);
    assert.equal(await db.notificationDelivery.count({ where: { channel: "webhook", status: { not: "sent" } } }), 0);
  });

  test("a robot that keeps failing is given up after the last attempt, its error kept", async () => {
    failNext = 1000;
    await submittedItem("放弃测试");
    let clock = Date.parse("2026-12-02T10:30:00+08:00");
    try {
      for (let attempt = 0; attempt < maximumAttempts; attempt++) {
        pinClock(new Date(clock));
        await deliverDueNotifications();
        clock += 7 * 3_600_000;
      }
    } finally {
      pinClock();
      failNext = 0;
    }
    const failed = await db.notificationDelivery.findMany({ where: { channel: "webhook", status: "failed" } });
    assert.equal(failed.length, 2);
    assert.ok(failed.every((delivery) => delivery.attempts === maximumAttempts && delivery.lastError === "HTTP 500"));
  });

  test("an application's notification names it by number only: no applicant's name, ID number, phone or address", async () => {
    const section = (await findHandlingSection())!;
    const handler = (await loadActingUser((await db.user.findFirstOrThrow({ where: { sectionId: section.id, role: "staff", disabledAt: null } })).id))!;
    received.length = 0;
    const first17 = "23010319900101123";
    const { id, number } = await registerOfflineApplication(handler, {
      applicantType: "natural_person",
      name: "李四光",
      idType: "resident_id",
      idNumber: first17 + computeIdNumberCheckCharacter(first17),
      phone: "13912345678",
      email: "lisi@example.com",
      address: "绥芬河市光明街 8 号",
      description: "请公开 2025 年道路维修资金使用情况。",
      deliveryMethod: "email",
      receiptMethod: "letter",
      receivedOn: "2026-12-01",
    });
    const event = await db.notificationEvent.findFirstOrThrow({ where: { kind: "application_assigned", recordId: String(id) } });
    assert.match(event.title, new RegExp(`依申请公开申请 ${number}`));
    await deliverDueNotifications();
    const texts = [event.title, event.detail ?? "", ...received.map((entry) => JSON.stringify(entry.body))].join("\n");
    for (const personal of ["李四光", first17, "13912345678", "光明街", "lisi@"]) assert.ok(!texts.includes(personal), personal);
  });
});
