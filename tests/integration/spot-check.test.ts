import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { updateHandlingSection } from "@/lib/applications/handling-section";
import { submitApplication } from "@/lib/applications/submit-application";
import type { ActingUser } from "@/lib/auth/acting-user";
import { db } from "@/lib/db";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { computeIdNumberCheckCharacter } from "@/lib/identifiers";
import { screenRevision } from "@/lib/items/item-screening";
import { checkExternalLink, checkExternalLinks } from "@/lib/oversight/external-links";
import { updateOversightSettings } from "@/lib/oversight/oversight-settings";
import { runSpotCheck, type SpotCheckKey } from "@/lib/oversight/spot-check";
import { addWordingRules, listWordingRules, removeWordingRule } from "@/lib/oversight/wording-rules";
import { seedBaseData } from "@/prisma/seed/seed-base";
import { insertSection, insertUser } from "../support/fixtures";
import { pinClock, TEST_START, useMigratedTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * The website spot-check readiness page (issue 17), each rule on records that pass and fail it. The
 * clock stands at TEST_START, Wednesday 2026-12-02 in Beijing.
 */
let database: TestDatabase;
let dataDir: string;
let staff: ActingUser;
let head: ActingUser;
let leader: ActingUser;
let admin: ActingUser;
let sequence = 0;

before(async () => {
  database = await useMigratedTestDatabase();
  dataDir = mkdtempSync(path.join(os.tmpdir(), "gongkai-spot-check-"));
  process.env.DATA_DIR = dataDir;
  await seedBaseData();
  const office = await insertSection("综合科");
  staff = await insertUser("staff", { sectionId: office });
  head = await insertUser("section_head", { sectionId: office });
  leader = await insertUser("leader");
  admin = await insertUser("admin", { sectionId: office });
  await updateHandlingSection(admin, { handlingSectionId: office });
});
after(async () => {
  await database.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A published item in a column, first published at `publishedAt` (Beijing noon of that day). */
async function publish(slug: string, options: { on: string; title?: string; body?: string; withdrawn?: boolean }): Promise<number> {
  const category = await db.category.findUniqueOrThrow({ where: { slug } });
  const number = ++sequence;
  const title = options.title ?? `普查测试信息${number}`;
  const body = options.body ?? `<p>${title}</p>`;
  const item = await db.item.create({
    data: {
      indexNumber: `SPOT-${number}`,
      state: "published",
      sectionId: staff.sectionId,
      authorId: staff.id,
      publishedAt: new Date(`${options.on}T12:00:00+08:00`),
    },
  });
  const revision = await db.itemRevision.create({
    data: {
      itemId: item.id,
      number: 1,
      title,
      body,
      bodyText: body.replace(/<[^>]+>/g, ""),
      categoryId: category.id,
      formedAt: new Date(`${options.on}T00:00:00Z`),
      createdById: staff.id,
    },
  });
  await db.item.update({
    where: { id: item.id },
    data: { latestRevisionId: revision.id, publishedRevisionId: revision.id, withdrawnAt: options.withdrawn ? new Date(`${options.on}T13:00:00+08:00`) : null },
  });
  return item.id;
}

async function indicatorOf(key: SpotCheckKey, actor: ActingUser = admin) {
  const result = await runSpotCheck(actor);
  return result.indicators.find((indicator) => indicator.key === key)!;
}

describe("栏目不更新 (stale columns)", () => {
  test("规范性文件 older than 6 months fails, within its last week warns, recent passes; 人事 a year; a column's own limit wins, 0 turns it off", async () => {
    const columns = async () => (await indicatorOf("stale_columns")).records;
    // 2026-12-02 − 183 days = 2026-06-02: published 2026-05-20 is past the limit.
    await publish("normative-documents", { on: "2026-05-20" });
    let normative = (await columns()).find((record) => record.label === "行政规范性文件");
    assert.equal(normative?.status, "fail");
    assert.match(normative!.detail, /最近发布：2026-05-20（期限 183 天）/);

    // Within the last week before 183 days: 2026-06-05 + 183 = 2026-12-05.
    await publish("normative-documents", { on: "2026-06-05" });
    normative = (await columns()).find((record) => record.label === "行政规范性文件");
    assert.equal(normative?.status, "warning");

    await publish("normative-documents", { on: "2026-11-30" });
    assert.equal(
      (await columns()).find((record) => record.label === "行政规范性文件"),
      undefined,
      "a recent publication makes the column pass",
    );

    // 人事信息: a year. Nothing published ever fails; a withdrawn item does not count.
    await publish("personnel", { on: "2026-10-01", withdrawn: true });
    assert.equal((await columns()).find((record) => record.label === "人事信息")?.detail, "从未发布信息");
    await publish("personnel", { on: "2025-12-10" });
    assert.equal(
      (await columns()).find((record) => record.label === "人事信息"),
      undefined,
      "published 357 days ago: within a year",
    );

    // The administrator sets 30 days on 统计信息 (no default) and turns 人事信息 off.
    const statistics = await db.category.findUniqueOrThrow({ where: { slug: "statistics" } });
    const personnel = await db.category.findUniqueOrThrow({ where: { slug: "personnel" } });
    await publish("statistics", { on: "2026-10-15" });
    assert.equal(
      (await columns()).find((record) => record.label === "统计信息"),
      undefined,
      "no limit until one is set",
    );
    await updateOversightSettings(admin, { messageReplyWorkingDays: "5", columns: { [`c${statistics.id}`]: "30", [`c${personnel.id}`]: "0" } });
    assert.equal((await columns()).find((record) => record.label === "统计信息")?.status, "fail");
    assert.equal((await db.category.findUniqueOrThrow({ where: { slug: "personnel" } })).staleAfterDays, 0);
    assert.equal((await indicatorOf("stale_columns")).status, "fail");
  });

  test("settings: only administrators save them; a bad number is a field error and nothing is saved", async () => {
    const before = await db.category.findMany({ select: { id: true, staleAfterDays: true }, orderBy: { id: "asc" } });
    const plans = await db.category.findUniqueOrThrow({ where: { slug: "plans" } });
    await assert.rejects(updateOversightSettings(leader, { messageReplyWorkingDays: "5" }), ForbiddenError);
    await assert.rejects(
      updateOversightSettings(admin, { messageReplyWorkingDays: "5", columns: { [`c${plans.id}`]: "10", c999999: "10" } }),
      (error: unknown) => error instanceof ValidationError && Object.keys(error.fields).includes("columns.c999999"),
    );
    await assert.rejects(
      updateOversightSettings(admin, { messageReplyWorkingDays: "0", columns: { [`c${plans.id}`]: "-1" } }),
      (error: unknown) => error instanceof ValidationError && "messageReplyWorkingDays" in error.fields && `columns.c${plans.id}` in error.fields,
    );
    assert.deepEqual(await db.category.findMany({ select: { id: true, staleAfterDays: true }, orderBy: { id: "asc" } }), before);
  });
});

describe("空白栏目 (empty columns)", () => {
  test("a column with nothing published fails; a register-linked column counts its register's public entries", async () => {
    const empty = async () => (await indicatorOf("empty_columns")).records.map((record) => record.label);
    assert.ok((await empty()).includes("财政预决算"));
    await publish("budgets", { on: "2026-11-01" });
    assert.ok(!(await empty()).includes("财政预决算"));
    // 行政许可 leads to the 双公示 register, which has nothing public here.
    assert.ok((await empty()).includes("行政许可"));
    assert.equal((await indicatorOf("empty_columns")).status, "fail");
  });
});

describe("链接不可用 (broken links)", () => {
  test("a link to an item that is not public, to a missing column or attachment fails; links to public items and other sites pass", async () => {
    const target = await publish("budgets", { on: "2026-11-02", title: "公开的目标信息" });
    const withdrawn = await publish("budgets", { on: "2026-11-02", title: "已撤回的信息", withdrawn: true });
    const linking = await publish("budgets", {
      on: "2026-11-03",
      title: "含链接的信息",
      body: `<p><a href="/items/${target}">有效</a> <a href="/items/${withdrawn}">失效</a> <a href="/catalogue/no-such-column">无此栏目</a> <a href="/files/987654">无此附件</a> <a href="https://example.invalid/">外部</a> <a href="/catalogue/budgets?year=2026">栏目</a></p>`,
    });
    const broken = (await indicatorOf("broken_links")).records.filter((record) => record.url === `/admin/items/${linking}`);
    assert.deepEqual(broken.map((record) => record.detail).sort(), [
      `链接 /catalogue/no-such-column 指向的栏目不存在`,
      `链接 /files/987654 指向的附件不存在或未公开`,
      `链接 /items/${withdrawn} 指向的信息不存在或未公开`,
    ]);
    assert.equal((await indicatorOf("broken_links")).status, "fail");
  });

  test("an attachment of a published item whose file is gone from storage fails", async () => {
    const itemId = await publish("budgets", { on: "2026-11-04", title: "附件丢失的信息" });
    const item = await db.item.findUniqueOrThrow({ where: { id: itemId } });
    const file = await db.storedFile.create({
      data: {
        storagePath: "uploads/2026/11/missing.pdf",
        originalName: "预算表.pdf",
        mimeType: "application/pdf",
        kind: "pdf",
        sizeBytes: 10,
        sha256: "0".repeat(64),
        uploadedById: staff.id,
      },
    });
    await db.itemAttachment.create({ data: { revisionId: item.publishedRevisionId!, fileId: file.id } });
    const records = (await indicatorOf("broken_links")).records.filter((record) => record.url === `/admin/items/${itemId}`);
    assert.deepEqual(
      records.map((record) => record.detail),
      ["附件「预算表.pdf」的文件已丢失"],
    );
  });
});

describe("external links (the scheduled check, against a local server)", () => {
  test("404, no answer in time and refused connections fail; 200, a redirect and a server that refuses HEAD but answers GET pass", async () => {
    const server = http.createServer((request, response) => {
      if (request.url === "/ok") return void response.end("ok");
      if (request.url === "/moved") return void response.writeHead(302, { Location: "http://169.254.169.254/" }).end();
      if (request.url === "/no-head") return void response.writeHead(request.method === "HEAD" ? 405 : 200).end();
      if (request.url === "/slow") return void setTimeout(() => response.end("late"), 3_000);
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const options = { timeoutMs: 500, allowPrivateAddresses: true };
      assert.deepEqual(await checkExternalLink(`${base}/ok`, options), { ok: true, status: 200, problem: null });
      assert.deepEqual(await checkExternalLink(`${base}/moved`, options), { ok: true, status: 302, problem: null }, "a redirect is not followed");
      assert.deepEqual(await checkExternalLink(`${base}/no-head`, options), { ok: true, status: 200, problem: null });
      assert.deepEqual(await checkExternalLink(`${base}/gone`, options), { ok: false, status: 404, problem: "HTTP 404" });
      assert.deepEqual(await checkExternalLink(`${base}/slow`, options), { ok: false, status: null, problem: "1 秒内无应答" });
      assert.deepEqual(await checkExternalLink("http://127.0.0.1:1/", options), { ok: false, status: null, problem: "无法连接" });
      // Without the test's permission, the server never requests a loopback or private address.
      assert.deepEqual(await checkExternalLink(`${base}/ok`, { timeoutMs: 500 }), { ok: false, status: null, problem: "指向内网或本机地址，公众无法访问" });

      const itemId = await publish("budgets", {
        on: "2026-11-06",
        title: "含外部链接的信息",
        body: `<p><a href="${base}/ok">有效</a> <a href="${base}/gone">失效</a></p>`,
      });
      // With the link of the test above to example.invalid, a name that never resolves (RFC 2606).
      assert.deepEqual(await checkExternalLinks(options), { checked: 3, failed: 2 });
      const records = (await indicatorOf("broken_links")).records.filter((record) => record.url === `/admin/items/${itemId}`);
      assert.deepEqual(
        records.map((record) => record.detail),
        [`外部链接 ${base}/gone 无法访问：HTTP 404（2026-12-02 检查）`],
      );
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe("严重表述错误 (wording errors)", () => {
  test("a wrong form in a published title or text fails with its correct form; withdrawn items and drafts are not checked", async () => {
    await addWordingRules(admin, { rules: "绥芬河市城管局=绥芬河市城市管理和综合行政执法局\n国务院总理李克强 → 国务院原总理李克强" });
    const wrong = await publish("budgets", { on: "2026-11-05", title: "绥芬河市城管局2026年预算", body: "<p>预算说明</p>" });
    await publish("budgets", { on: "2026-11-05", title: "已撤回", body: "<p>绥芬河市城管局</p>", withdrawn: true });
    const records = (await indicatorOf("wording_errors")).records;
    assert.deepEqual(
      records.map((record) => [record.url, record.detail]),
      [[`/admin/items/${wrong}`, "「绥芬河市城管局」应为「绥芬河市城市管理和综合行政执法局」"]],
    );
    // Submitting a revision screens it for the listed forms too, like personal data: the submitter
    // acknowledges each finding with a note.
    const revisionId = (await db.item.findUniqueOrThrow({ where: { id: wrong } })).publishedRevisionId!;
    const findings = await db.$transaction((tx) => screenRevision(tx, revisionId));
    assert.deepEqual(
      findings.map((finding) => [finding.kind, finding.match]),
      [["wording_error", "绥芬河市城管局 → 绥芬河市城市管理和综合行政执法局"]],
    );
  });

  test("the list: all or nothing, a duplicate or a line without both forms is named by line; only administrators change it", async () => {
    const before = await listWordingRules(admin);
    await assert.rejects(
      addWordingRules(admin, { rules: "新错误=新正确\n只有一边\n绥芬河市城管局=重复" }),
      (error: unknown) =>
        error instanceof ValidationError &&
        error.fields.rules.some((message) => message.includes("第 2 行")) &&
        !error.fields.rules.some((message) => message.includes("第 1 行")),
    );
    await assert.rejects(
      addWordingRules(admin, { rules: "新错误=新正确\n绥芬河市城管局=重复" }),
      (error: unknown) => error instanceof ValidationError && error.fields.rules[0].includes("已在清单中"),
    );
    assert.deepEqual(await listWordingRules(admin), before, "nothing added");
    await assert.rejects(addWordingRules(head, { rules: "甲=乙" }), ForbiddenError);
    await assert.rejects(removeWordingRule(leader, before[0].id), ForbiddenError);
    await removeWordingRule(admin, before[0].id);
    assert.equal((await listWordingRules(admin)).length, before.length - 1);
    assert.equal(await db.auditEvent.count({ where: { action: "wording_rule.remove" } }), 1);
  });
});

describe("互动回应 (visitors' messages)", () => {
  test("past the promise (5 working days) warns, three months without an answer fails, answered messages pass", async () => {
    const message = (submittedOn: string, status: "received" | "answered") =>
      db.feedback.create({ data: { topic: `留言${++sequence}`, content: "路灯不亮", status, submittedAt: new Date(`${submittedOn}T09:00:00+08:00`) } });
    const recent = await message("2026-11-30", "received");
    const late = await message("2026-11-20", "received");
    const abandoned = await message("2026-08-25", "received");
    await message("2026-06-01", "answered");
    const records = (await indicatorOf("unanswered_messages")).records;
    const statusOf = (id: number) => records.find((record) => record.url === `/admin/feedback/${id}`)?.status;
    assert.equal(statusOf(recent.id), undefined);
    assert.equal(statusOf(late.id), "warning");
    assert.equal(statusOf(abandoned.id), "fail");
    assert.equal(records.length, 2);
  });
});

describe("依申请公开逾期 and 年度报告", () => {
  test("an application past its 20 working days fails; the 2025 report not published after 31 January fails", async () => {
    pinClock("2026-10-09T10:00:00+08:00");
    const idNumber = `23010319900101123${computeIdNumberCheckCharacter("23010319900101123")}`;
    const submitted = await submitApplication(
      {
        applicantType: "natural_person",
        name: "张小三",
        idType: "resident_id",
        idNumber,
        phone: "13812345678",
        address: "绥芬河市光明街 8 号",
        description: "2026 年城区道路维修计划",
        deliveryMethod: "email",
        email: "zhang@example.com",
      },
      { clientKey: "spot-check" },
    );
    pinClock(TEST_START);
    const overdue = await indicatorOf("overdue_applications");
    assert.equal(overdue.status, "fail");
    assert.deepEqual(
      overdue.records.map((record) => record.url),
      [`/admin/applications/${submitted.id}`],
    );

    const report = await indicatorOf("annual_report");
    assert.equal(report.status, "fail");
    assert.equal(report.records[0].label, "2025 年度报告尚未公布");
  });
});

describe("who reads it", () => {
  test("section heads, leaders and administrators; not staff", async () => {
    await assert.rejects(runSpotCheck(staff), ForbiddenError);
    for (const actor of [head, leader, admin]) {
      const result = await runSpotCheck(actor);
      assert.deepEqual(
        result.indicators.map((indicator) => indicator.key),
        ["stale_columns", "empty_columns", "broken_links", "wording_errors", "unanswered_messages", "overdue_applications", "annual_report"],
      );
    }
  });
});
