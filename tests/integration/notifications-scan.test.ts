import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { findConsoleApplication } from "@/lib/applications/console-applications";
import { recordStep } from "@/lib/applications/handle-application";
import { findHandlingSection } from "@/lib/applications/handling-section";
import { registerOfflineApplication } from "@/lib/applications/submit-application";
import { loadActingUser, type ActingUser } from "@/lib/auth/acting-user";
import { isPermitted } from "@/lib/auth/permissions";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-calendar";
import { db } from "@/lib/db";
import { addCalendarDays } from "@/lib/deadlines/iso-date";
import { addWorkingDays } from "@/lib/deadlines/working-days";
import { computeIdNumberCheckCharacter } from "@/lib/identifiers";
import { scanScheduledNotifications } from "@/lib/notifications/scheduled-scan";
import { seedDemoData } from "@/prisma/seed/seed-demo";
import { pinClock, useMigratedTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * The scheduled scan of notifications (issue 17) on fixed clocks: deadlines counted in working days
 * (Friday 3 April 2026 is followed by 清明, 4–6 April), each event once per record, kind and day,
 * and the annual report's countdown from 1 January.
 */
let database: TestDatabase;
let handler: ActingUser;

before(async () => {
  database = await useMigratedTestDatabase();
  await seedDemoData(() => {});
  const section = (await findHandlingSection())!;
  handler = (await loadActingUser((await db.user.findFirstOrThrow({ where: { sectionId: section.id, role: "staff", disabledAt: null } })).id))!;
});
after(async () => {
  pinClock();
  await database.drop();
});

/** The working day an application must be received on for its 20 working days to end on `dueOn`. */
async function receivedOnFor(dueOn: string): Promise<string> {
  const calendar = await loadWorkingDayCalendar();
  for (let day = addCalendarDays(dueOn, -60); day < dueOn; day = addCalendarDays(day, 1)) {
    if (calendar.classifyDay(day).working && addWorkingDays(calendar, day, 20).due === dueOn) return day;
  }
  throw new Error(`no day of receipt gives ${dueOn}`);
}

async function applicationDueOn(dueOn: string): Promise<{ id: number; number: string }> {
  const first17 = "23010319900101123";
  return registerOfflineApplication(handler, {
    applicantType: "natural_person",
    name: "王五",
    idType: "resident_id",
    idNumber: first17 + computeIdNumberCheckCharacter(first17),
    phone: "13812345678",
    email: "wangwu@example.com",
    address: "绥芬河市光明街 8 号",
    description: `扫描测试 ${dueOn}`,
    deliveryMethod: "email",
    receiptMethod: "letter",
    receivedOn: await receivedOnFor(dueOn),
  });
}

async function eventsFor(recordType: string, recordId: number | string) {
  // Not the registration's own notice: the scan's events only.
  return db.notificationEvent.findMany({
    where: { recordType, recordId: String(recordId), kind: { not: "application_assigned" } },
    orderBy: { id: "asc" },
    include: { inbox: true },
  });
}

describe("applications", () => {
  test("Art. 33: on the Friday before 清明, a reply due on Wednesday (2 working days) is due soon; one due the next Friday (4 working days, 7 calendar days) is not", async () => {
    pinClock("2026-04-03T09:00:00+08:00");
    const soon = await applicationDueOn("2026-04-08");
    const later = await applicationDueOn("2026-04-10");
    const overdue = await applicationDueOn("2026-04-02");
    await scanScheduledNotifications();
    const [dueSoon] = await eventsFor("application", soon.id);
    assert.equal(dueSoon?.kind, "application_due_soon");
    assert.match(dueSoon.title, new RegExp(`依申请公开申请 ${soon.number} 将于 2026-04-08 到期（还有 2 个工作日）`));
    assert.equal(dueSoon.url, `/admin/applications/${soon.id}`);
    assert.ok(
      dueSoon.inbox.some((row) => row.userId === handler.id),
      "the handlers are told",
    );
    assert.ok(!dueSoon.title.includes("王五"));
    assert.deepEqual(await eventsFor("application", later.id), []);
    const [late] = await eventsFor("application", overdue.id);
    assert.equal(late?.kind, "application_overdue");

    // The next scan of the day writes nothing again; the next working day it tells them again.
    assert.equal(await scanScheduledNotifications(), 0);
    assert.equal((await eventsFor("application", soon.id)).length, 1);
    pinClock("2026-04-07T09:00:00+08:00");
    await scanScheduledNotifications();
    const again = await eventsFor("application", soon.id);
    assert.equal(again.length, 2);
    assert.match(again[1].title, /还有 1 个工作日/);
    assert.equal((await eventsFor("application", later.id)).length, 1, "Tuesday 7 April: 3 working days to Friday 10 April");
  });
});

describe("consultations", () => {
  test("Art. 32/34: a third party's answer due within 3 working days is announced (consultation_due) to the handlers; 4 working days before, nothing", async () => {
    pinClock("2026-04-01T09:00:00+08:00");
    const application = await applicationDueOn("2026-04-24");
    await recordStep(handler, application.id, {
      type: "third_party_consultation",
      date: "2026-04-01",
      thirdParty: "某物业公司",
      noticeDeliveryMethod: "email",
      receivedOn: "2026-04-01",
    });
    // The day the answer is due, as the application's page computes it (15 working days after receipt).
    const [consultation] = (await findConsoleApplication(handler, application.id)).clock.consultations;
    assert.ok(consultation?.latest, "the consultation has a due day");
    const calendar = await loadWorkingDayCalendar();
    const workingDaysBefore = (days: number) => {
      let day = consultation.latest!;
      for (let left = days; left > 0;) {
        day = addCalendarDays(day, -1);
        if (calendar.classifyDay(day).working) left--;
      }
      return day;
    };
    const consultationEvents = async () =>
      (await eventsFor("application", `${application.id}-${consultation.stepId ?? consultation.from}`)).filter((event) => event.kind === "consultation_due");

    pinClock(`${workingDaysBefore(4)}T09:00:00+08:00`);
    await scanScheduledNotifications();
    assert.deepEqual(await consultationEvents(), []);

    pinClock(`${workingDaysBefore(2)}T09:00:00+08:00`);
    await scanScheduledNotifications();
    const [due] = await consultationEvents();
    assert.equal(due?.url, `/admin/applications/${application.id}`);
    assert.ok(due.title.includes(application.number) && due.title.includes(consultation.latest!), due.title);
    assert.ok(!due.title.includes("某物业公司") && !due.title.includes("王五"));
    assert.ok(due.inbox.some((row) => row.userId === handler.id));
  });
});

describe("双公示 decisions", () => {
  test("a decision not yet online is due soon within 2 working days of its 7-working-day limit, over a holiday", async () => {
    pinClock("2026-04-03T09:00:00+08:00");
    const [first, second] = await db.administrativeDecision.findMany({ orderBy: { id: "asc" }, take: 2 });
    await db.administrativeDecision.update({ where: { id: first.id }, data: { state: "draft", publishedAt: null, disclosureDueOn: new Date("2026-04-08") } });
    await db.administrativeDecision.update({ where: { id: second.id }, data: { state: "draft", publishedAt: null, disclosureDueOn: new Date("2026-04-09") } });
    await scanScheduledNotifications();
    const [due] = await eventsFor("decision", first.id);
    assert.equal(due?.kind, "decision_due_soon");
    assert.ok(due.title.includes(first.documentNumber));
    assert.ok(!due.title.includes(first.counterpartyName), "no counterparty's name");
    const told = await db.user.findMany({ where: { id: { in: due.inbox.map((row) => row.userId) } } });
    assert.ok(told.length > 0 && told.every((user) => user.sectionId === first.sectionId && isPermitted(user.role, "decision.edit")));
    assert.deepEqual(await eventsFor("decision", second.id), [], "3 working days away");
  });
});

describe("proposals", () => {
  test("a proposal reply due within 3 working days tells the lead section's staff; 4 working days away does not", async () => {
    pinClock("2026-04-03T09:00:00+08:00");
    const [first, second] = await db.proposal.findMany({ orderBy: { id: "asc" }, take: 2 });
    const sectionId = handler.sectionId;
    await db.proposal.update({ where: { id: first.id }, data: { status: "in_progress", leadSectionId: sectionId, deadline: new Date("2026-04-09") } });
    await db.proposal.update({ where: { id: second.id }, data: { status: "in_progress", leadSectionId: sectionId, deadline: new Date("2026-04-10") } });
    await scanScheduledNotifications();
    const [due] = await eventsFor("proposal", first.id);
    assert.equal(due?.kind, "proposal_due_soon");
    assert.equal(due.url, `/admin/proposals/${first.id}`);
    const told = await db.user.findMany({ where: { id: { in: due.inbox.map((row) => row.userId) } } });
    assert.ok(told.length > 0 && told.every((user) => user.sectionId === sectionId && isPermitted(user.role, "proposal.reply")));
    assert.deepEqual(await eventsFor("proposal", second.id), []);
  });
});

describe("the annual report", () => {
  test("Art. 49: no countdown on 31 December; from 1 January, the days left to 31 January, to the drafters and the leaders, once a day", async () => {
    await db.annualReport.deleteMany({ where: { year: 2026 } });
    pinClock("2026-12-31T09:00:00+08:00");
    await scanScheduledNotifications();
    assert.deepEqual(await eventsFor("report", 2026), []);
    pinClock("2027-01-01T00:05:00+08:00");
    await scanScheduledNotifications();
    await scanScheduledNotifications();
    const events = await eventsFor("report", 2026);
    assert.equal(events.length, 1);
    assert.equal(events[0].kind, "report_countdown");
    assert.match(events[0].title, /2026 年.*还有 30 天/);
    assert.equal(events[0].url, "/admin/reports/2026");
    const told = await db.user.findMany({ where: { id: { in: events[0].inbox.map((row) => row.userId) } } });
    assert.ok(told.some((user) => user.role === "leader"));
    assert.ok(told.some((user) => user.role === "staff"));
  });
});
