import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { describe, test } from "node:test";
import { createChineseCalendar } from "@/lib/deadlines/calendar";
import { absoluteLink, composeDigestMail, composeEventMail, composeWebhookBody, signDingtalkUrl } from "@/lib/notifications/compose-messages";
import { maximumAttempts, nextDigestTime, retryDelayMs } from "@/lib/notifications/digest-schedule";
import { applicationDueSoonWorkingDays, decisionDueSoonWorkingDays, isDueWithin, reportCountdown, workingDaysUntil } from "@/lib/notifications/due-rules";
import { notificationKinds } from "@/lib/notifications/kinds";

const event = {
  kind: "returned",
  title: "信息“关于*门头*牌匾的通知”已被退回",
  url: "/admin/items/12",
  detail: "退回意见：请补充依据",
  createdAt: new Date("2026-12-02T02:00:00Z"),
};

describe("notification texts", () => {
  test("the issue's kinds are all there, spelled as the API documents them", () => {
    for (const kind of [
      "review_waiting",
      "returned",
      "published",
      "withdrawn",
      "application_assigned",
      "application_due_soon",
      "application_overdue",
      "decision_due_soon",
      "proposal_due_soon",
      "message_waiting",
      "report_countdown",
    ])
      assert.ok((notificationKinds as readonly string[]).includes(kind), kind);
  });

  test("a mail carries the title, the comment and the record's full link", () => {
    const mail = composeEventMail(event, "https://gongkai.example.gov.cn");
    assert.equal(mail.subject, "【政务公开】信息“关于*门头*牌匾的通知”已被退回");
    assert.match(mail.text, /请补充依据/);
    assert.match(mail.text, /https:\/\/gongkai\.example\.gov\.cn\/admin\/items\/12/);
    assert.equal(absoluteLink("/admin/items/12", undefined), "/admin/items/12");
    const digest = composeDigestMail([event, { ...event, url: "/admin/items/13" }], "https://gongkai.example.gov.cn");
    assert.match(digest.subject, /2 条/);
    assert.match(digest.text, /items\/12[\s\S]*items\/13/);
  });

  test("企业微信/政务微信: {msgtype: markdown, markdown: {content}}; 钉钉/政务钉钉: {msgtype: markdown, markdown: {title, text}}", () => {
    const wecom = composeWebhookBody("wecom", event, "https://gongkai.example.gov.cn") as { msgtype: string; markdown: Record<string, string> };
    assert.equal(wecom.msgtype, "markdown");
    assert.deepEqual(Object.keys(wecom.markdown), ["content"]);
    assert.match(wecom.markdown.content, /\[查看\]\(https:\/\/gongkai\.example\.gov\.cn\/admin\/items\/12\)/);
    assert.match(wecom.markdown.content, /关于\\\*门头\\\*牌匾/, "markdown characters of a title are shown as typed");
    const dingtalk = composeWebhookBody("dingtalk", event, undefined) as { msgtype: string; markdown: Record<string, string> };
    assert.deepEqual(Object.keys(dingtalk.markdown).sort(), ["text", "title"]);
    assert.match(dingtalk.markdown.title, /已退回/);
  });

  test("钉钉 加签: timestamp and sign = base64(HMAC-SHA256(secret, `${timestamp}\\n${secret}`)) in the query string", () => {
    const secret = "SEC000000000000000000000";
    const signed = new URL(signDingtalkUrl("https://oapi.dingtalk.com/robot/send?access_token=abc", secret, 1_700_000_000_000));
    assert.equal(signed.searchParams.get("access_token"), "abc");
    assert.equal(signed.searchParams.get("timestamp"), "1700000000000");
    assert.equal(signed.searchParams.get("sign"), createHmac("sha256", secret).update(`1700000000000\n${secret}`).digest("base64"));
  });
});

describe("when deliveries go out", () => {
  test("the digest goes at the chosen Beijing hour: later today, or tomorrow once it has passed", () => {
    assert.equal(nextDigestTime(new Date("2026-12-02T10:00:00+08:00"), 18).toISOString(), new Date("2026-12-02T18:00:00+08:00").toISOString());
    assert.equal(nextDigestTime(new Date("2026-12-02T18:00:00+08:00"), 18).toISOString(), new Date("2026-12-03T18:00:00+08:00").toISOString());
    assert.equal(nextDigestTime(new Date("2026-12-31T23:30:00+08:00"), 8).toISOString(), new Date("2027-01-01T08:00:00+08:00").toISOString());
    assert.equal(nextDigestTime(new Date("2026-12-02T01:00:00+08:00"), 0).toISOString(), new Date("2026-12-03T00:00:00+08:00").toISOString());
  });

  test("retries back off 1, 2, 4 … minutes, never more than 6 hours, and give up after a bound", () => {
    assert.deepEqual([1, 2, 3, 4].map(retryDelayMs), [60_000, 120_000, 240_000, 480_000]);
    assert.equal(retryDelayMs(30), 6 * 3_600_000);
    assert.ok(maximumAttempts >= 3);
  });
});

describe("scheduled notifications count working days", () => {
  const calendar = createChineseCalendar();

  test("Art. 33: due within 3 working days, over 清明 (Friday 3 April 2026, then 4–6 April off)", () => {
    assert.equal(workingDaysUntil(calendar, "2026-04-03", "2026-04-08"), 2);
    assert.equal(isDueWithin(calendar, "2026-04-03", "2026-04-08", applicationDueSoonWorkingDays), true);
    assert.equal(isDueWithin(calendar, "2026-04-03", "2026-04-10", applicationDueSoonWorkingDays), false, "7 calendar days, 4 working days");
    assert.equal(isDueWithin(calendar, "2026-04-03", "2026-04-03", applicationDueSoonWorkingDays), true, "due today");
    assert.equal(isDueWithin(calendar, "2026-04-03", "2026-04-02", applicationDueSoonWorkingDays), false, "passed: overdue, not due soon");
  });

  test("双公示: a decision's 7-working-day limit is told 2 working days before", () => {
    assert.equal(isDueWithin(calendar, "2026-04-03", "2026-04-08", decisionDueSoonWorkingDays), true);
    assert.equal(isDueWithin(calendar, "2026-04-03", "2026-04-09", decisionDueSoonWorkingDays), false);
  });

  test("Art. 49: the annual report's countdown runs from 1 January until it is published", () => {
    assert.equal(reportCountdown("2026-12-31", false), null);
    assert.deepEqual(reportCountdown("2027-01-01", false), { reportYear: 2026, daysLeft: 30 });
    assert.deepEqual(reportCountdown("2027-01-31", false), { reportYear: 2026, daysLeft: 0 });
    assert.deepEqual(reportCountdown("2027-02-02", false), { reportYear: 2026, daysLeft: -2 });
    assert.equal(reportCountdown("2027-01-10", true), null, "published: no countdown");
    assert.equal(reportCountdown("2027-06-01", false), null);
  });
});
