import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { tallyAppeals } from "../../lib/applications/appeal-tally";
import { applicationSubmissionSchema, offlineApplicationSchema, parseApplicationSubmission } from "../../lib/applications/application-schemas";
import {
  computeApplicationClock,
  computeOfficialReceiptDate,
  findNoticeReceiptProblems,
  findStepProblems,
  presumeNoticeReceipt,
  type ApplicationClock,
  type ClockStep,
  type ReceiptMethod,
} from "../../lib/applications/deadlines";
import { applicantColumnOf, applicationOutcomes, parseApplicantColumn, parseApplicationOutcome } from "../../lib/applications/outcomes";
import { tallyApplicationsForReport } from "../../lib/applications/report-tally";
import { createChineseCalendar, createWeekendOnlyCalendar } from "../../lib/deadlines/calendar";
import { ValidationError } from "../../lib/errors";
import { computeCreditCodeCheckCharacter, computeIdNumberCheckCharacter } from "../../lib/identifiers";

const calendar = createChineseCalendar();

const statusOfClockKind = (clock: ApplicationClock) => clock.openPause?.kind ?? null;

function clock(receiptMethod: ReceiptMethod, submittedOn: string, steps: ClockStep[], today: string) {
  return computeApplicationClock({ calendar, receiptMethod, submittedOn, steps, today });
}

describe("Art. 31: the official day of receipt", () => {
  test("received in person on 2025-09-30 is due on 2025-11-04, across National Day and the 2025-10-11 调休 Saturday", () => {
    const result = clock("in_person", "2025-09-30", [], "2025-10-09");
    assert.equal(result.receivedOn, "2025-09-30");
    assert.equal(result.dueOn, "2025-11-04");
    const explanation = result.explanation.join("\n");
    assert.match(explanation, /2025-10-01至2025-10-05 国庆节/);
    assert.match(explanation, /2025-10-06 中秋/);
    assert.match(explanation, /2025-10-11（国庆节）为调休上班日/);
    assert.match(explanation, /截止2025-11-04/);
    // Without the adjusted Saturday it would have been one working day later.
    const weekendsOnly = computeApplicationClock({
      calendar: createWeekendOnlyCalendar(),
      receiptMethod: "in_person",
      submittedOn: "2025-09-30",
      steps: [],
      today: "2025-10-09",
    });
    assert.equal(weekendsOnly.dueOn, "2025-10-28");
  });

  test("a letter confirmed on a Sunday counts from the Monday", () => {
    const result = clock("letter", "2025-11-16", [], "2025-11-17");
    assert.equal(result.receivedOn, "2025-11-17");
    assert.equal(result.dueOn, "2025-12-15");
    assert.match(result.explanation[0], /2025-11-16为周末，顺延至下一个工作日 2025-11-17 起算/);
  });

  test("registered post signed for during the National Day holiday counts from the first working day after it", () => {
    const receipt = computeOfficialReceiptDate(calendar, "registered_post", "2025-10-03");
    assert.equal(receipt.receivedOn, "2025-10-09");
    assert.match(receipt.explanation, /签收之日 2025-10-03/);
    assert.match(receipt.explanation, /国庆节/);
    assert.equal(clock("registered_post", "2025-10-03", [], "2025-10-09").dueOn, "2025-11-05");
  });

  test("Art. 31 (agency setting): without 顺延, a letter confirmed on a Sunday is received that Sunday and counted from the day after", () => {
    const receipt = computeOfficialReceiptDate(calendar, "letter", "2025-11-16", false);
    assert.equal(receipt.receivedOn, "2025-11-16");
    assert.match(receipt.explanation, /2025-11-16为周末，按本机关规定不顺延/);
    const result = computeApplicationClock({
      calendar,
      receiptMethod: "letter",
      submittedOn: "2025-11-16",
      steps: [],
      today: "2025-11-17",
      deferRestDayReceipt: false,
    });
    // 20 working days after Sunday 11-16 end on Friday 12-12, one working day before the deferred count (12-15).
    assert.equal(result.dueOn, "2025-12-12");
  });

  test("a working day is its own day of receipt, whatever the method", () => {
    for (const method of ["online", "in_person", "registered_post", "letter", "fax", "email"] as const) {
      assert.equal(computeOfficialReceiptDate(calendar, method, "2025-03-03").receivedOn, "2025-03-03");
    }
  });
});

describe("completion (补正)", () => {
  const request: ClockStep = { type: "correction_request", date: "2025-03-07", respondBy: "2025-03-28" };

  test("the clock stops while waiting and restarts from the day the completion arrives", () => {
    const waiting = clock("in_person", "2025-03-03", [request], "2025-03-10");
    assert.equal(waiting.dueOn, null);
    assert.equal(waiting.phase, "paused");
    assert.equal(waiting.openPause?.kind, "correction");
    assert.equal(waiting.overdue, false);

    const restarted = clock("in_person", "2025-03-03", [request, { type: "correction_received", date: "2025-03-20" }], "2025-03-21");
    assert.equal(restarted.clockStart, "2025-03-20");
    // 20 working days from 03-20, across 清明 (04-04 to 04-06): not 2025-03-31 as from the receipt.
    assert.equal(restarted.dueOn, "2025-04-18");
    assert.match(restarted.explanation.join("\n"), /2025-03-20 收到补正材料，自 2025-03-20 重新起算/);
    assert.match(restarted.explanation.join("\n"), /清明/);
  });

  test("must be requested within 7 working days of receipt, and only once", () => {
    const fresh = clock("in_person", "2025-03-03", [], "2025-03-13");
    assert.equal(fresh.correctionRequestBy, "2025-03-12");
    assert.deepEqual(findStepProblems(fresh, { type: "correction_request", date: "2025-03-12", respondBy: "2025-03-31" }, "2025-03-13"), []);
    const late = findStepProblems(fresh, { type: "correction_request", date: "2025-03-13", respondBy: "2025-03-31" }, "2025-03-13");
    assert.equal(late[0]?.field, "date");
    assert.match(late[0].message, /7 个工作日内（2025-03-12 前）/);

    const restarted = clock("in_person", "2025-03-03", [request, { type: "correction_received", date: "2025-03-20" }], "2025-03-21");
    assert.match(
      findStepProblems(restarted, { type: "correction_request", date: "2025-03-21", respondBy: "2025-04-10" }, "2025-03-21")[0].message,
      /只能告知一次/,
    );
  });

  test("no completion by its deadline: the application lapses as other_no_correction, and a late completion is refused", () => {
    const lapsed = clock("in_person", "2025-03-03", [request], "2025-03-31");
    assert.deepEqual(lapsed.lapse && { outcome: lapsed.lapse.outcome, on: lapsed.lapse.on }, { outcome: "other_no_correction", on: "2025-03-29" });
    const lateCompletion = findStepProblems(lapsed, { type: "correction_received", date: "2025-03-31" }, "2025-03-31");
    assert.match(lateCompletion[0].message, /补正期限 2025-03-28 已过/);
    assert.deepEqual(findStepProblems(lapsed, { type: "decision", date: "2025-03-31", outcome: "other_no_correction" }, "2025-03-31"), []);
    // Before the deadline, that outcome is not available, and no other decision is while paused.
    const waiting = clock("in_person", "2025-03-03", [request], "2025-03-20");
    assert.equal(findStepProblems(waiting, { type: "decision", date: "2025-03-20", outcome: "other_no_correction" }, "2025-03-20")[0].field, "outcome");
    assert.equal(findStepProblems(waiting, { type: "decision", date: "2025-03-20", outcome: "disclose" }, "2025-03-20")[0].field, "type");
  });
});

describe("extension (延期)", () => {
  test("adds at most 20 working days, once, decided before the original due day", () => {
    const extended = clock("in_person", "2025-09-30", [{ type: "extension", date: "2025-10-30", days: 20 }], "2025-10-31");
    assert.equal(extended.dueOn, "2025-12-02");
    assert.match(extended.explanation.join("\n"), /答复期限 20 个工作日（条例第三十三条） \+ 延长 20 个工作日 = 40 个工作日/);

    const before = clock("in_person", "2025-09-30", [], "2025-11-05");
    assert.equal(findStepProblems(before, { type: "extension", date: "2025-11-05", days: 10 }, "2025-11-05")[0].message.includes("2025-11-04"), true);
    assert.equal(findStepProblems(before, { type: "extension", date: "2025-11-03", days: 21 }, "2025-11-05")[0].field, "days");
    assert.match(findStepProblems(extended, { type: "extension", date: "2025-11-03", days: 5 }, "2025-11-05")[0].message, /只能延长一次/);
  });
});

describe("third-party consultation (征求第三方意见)", () => {
  const consultation: ClockStep = { type: "third_party_consultation", date: "2025-03-10", receivedOn: "2025-03-10" };

  test("the working days until the third party answers do not count", () => {
    const answered = clock("in_person", "2025-03-03", [consultation, { type: "third_party_reply", date: "2025-03-17" }], "2025-03-18");
    assert.equal(clock("in_person", "2025-03-03", [], "2025-03-04").dueOn, "2025-03-31");
    assert.equal(answered.pauses[0].workingDays, 5);
    assert.equal(answered.dueOn, "2025-04-08");
    assert.match(answered.explanation.join("\n"), /征求第三方意见：2025-03-10 至 2025-03-17，其间 5 个工作日不计入答复期限/);
  });

  test("while it runs the due day is provisional (the full 15 days), and after 15 working days the pause ends on its own", () => {
    const running = clock("in_person", "2025-03-03", [consultation], "2025-03-12");
    assert.equal(running.phase, "paused");
    assert.equal(running.provisional, true);
    assert.equal(running.openPause?.latest, "2025-03-31");
    assert.equal(running.dueOn, "2025-04-22");
    const expired = clock("in_person", "2025-03-03", [consultation], "2025-04-02");
    assert.equal(expired.phase, "running");
    assert.equal(expired.provisional, false);
    assert.equal(expired.dueOn, "2025-04-22");
  });
});

describe("fee notice (收费通知)", () => {
  test("the clock stops until payment; unpaid after 20 working days the application lapses as other_no_fee", () => {
    const paid = clock(
      "in_person",
      "2025-03-03",
      [
        { type: "fee_notice", date: "2025-03-10", receivedOn: "2025-03-10" },
        { type: "fee_paid", date: "2025-03-14" },
      ],
      "2025-03-18",
    );
    assert.equal(paid.fee?.payBy, "2025-04-08");
    assert.equal(paid.dueOn, "2025-04-07");
    const unpaid = clock("in_person", "2025-03-03", [{ type: "fee_notice", date: "2025-03-10", receivedOn: "2025-03-10" }], "2025-04-10");
    assert.equal(unpaid.lapse?.outcome, "other_no_fee");
    assert.equal(unpaid.lapse?.on, "2025-04-09");
    assert.match(findStepProblems(unpaid, { type: "fee_paid", date: "2025-04-10" }, "2025-04-10")[0].message, /缴费期限 2025-04-08 已过/);
    assert.match(findStepProblems(paid, { type: "fee_notice", date: "2025-03-18" }, "2025-03-18")[0].message, /不能同时按件和按量计收/);
  });
});

describe("notices run from the day they are received (国办函〔2020〕109号, Art. 32, Art. 34)", () => {
  test("109号: a posted fee notice received three days after it was sent is payable 20 working days from the day after receipt", () => {
    // Sent Monday 2025-03-10, signed for Thursday 03-13: payable until 2025-04-11, not 04-08.
    const received = clock("in_person", "2025-03-03", [{ type: "fee_notice", date: "2025-03-10", receivedOn: "2025-03-13" }], "2025-04-10");
    assert.equal(received.fee?.payBy, "2025-04-11");
    assert.equal(received.lapse, null);
    // The applicant who pays on 04-10 pays on time; the sent-date rule would have closed the application on 04-09.
    assert.deepEqual(findStepProblems(received, { type: "fee_paid", date: "2025-04-10" }, "2025-04-10"), []);
    assert.match(received.explanation.join("\n"), /2025-03-13 收到.*缴费期限 2025-04-11/);
    assert.equal(
      clock("in_person", "2025-03-03", [{ type: "fee_notice", date: "2025-03-10", receivedOn: "2025-03-13" }], "2025-04-14").lapse?.on,
      "2025-04-12",
    );
  });

  test("109号: while the day of receipt is unknown nothing lapses, and the notice is flagged as needing it", () => {
    const unknown = clock("in_person", "2025-03-03", [{ type: "fee_notice", date: "2025-03-10", stepId: 7, receivedOn: null }], "2025-06-30");
    assert.equal(unknown.lapse, null);
    assert.equal(unknown.fee?.payBy, null);
    assert.equal(unknown.phase, "paused");
    assert.deepEqual(unknown.noticesAwaitingReceipt, [{ kind: "fee", stepId: 7, sentOn: "2025-03-10" }]);
    assert.match(unknown.explanation.join("\n"), /尚未登记送达日期/);
    assert.deepEqual(findStepProblems(unknown, { type: "fee_paid", date: "2025-06-30" }, "2025-06-30"), []);
    assert.deepEqual(findStepProblems(unknown, { type: "decision", date: "2025-06-30", outcome: "other_no_fee" }, "2025-06-30")[0].field, "outcome");
  });

  test("109号: the presumed day of receipt by delivery method: in person, email and system the day sent; post unknown", () => {
    assert.equal(presumeNoticeReceipt("in_person", "2025-03-10"), "2025-03-10");
    assert.equal(presumeNoticeReceipt("email", "2025-03-10"), "2025-03-10");
    assert.equal(presumeNoticeReceipt("system", "2025-03-10"), "2025-03-10");
    assert.equal(presumeNoticeReceipt("post", "2025-03-10"), null);
    assert.equal(presumeNoticeReceipt(undefined, "2025-03-10"), null);
  });

  test("Art. 32: the third party's 15 working days run from receiving the letter; unknown receipt never ends on its own", () => {
    const received = clock("in_person", "2025-03-03", [{ type: "third_party_consultation", date: "2025-03-10", receivedOn: "2025-03-12" }], "2025-04-01");
    // 15 working days from 03-12 end on 04-02, not on 03-31 as counted from the letter's date.
    assert.equal(received.consultations[0].latest, "2025-04-02");
    assert.equal(received.phase, "paused");
    const unknown = clock("in_person", "2025-03-03", [{ type: "third_party_consultation", date: "2025-03-10", receivedOn: null }], "2025-06-30");
    assert.equal(unknown.phase, "paused");
    assert.equal(unknown.openPause?.receiptUnknown, true);
    assert.equal(unknown.noticesAwaitingReceipt[0].kind, "third_party");
  });

  test("notice receipt: only an unreceived notice, not before it was sent, not in the future", () => {
    const notice = { type: "fee_notice", date: "2025-03-10", receivedOn: null };
    assert.deepEqual(findNoticeReceiptProblems(notice, "2025-03-13", "2025-03-14"), []);
    assert.equal(findNoticeReceiptProblems(notice, "2025-03-09", "2025-03-14")[0].field, "date");
    assert.equal(findNoticeReceiptProblems(notice, "2025-03-15", "2025-03-14")[0].field, "date");
    assert.equal(findNoticeReceiptProblems({ ...notice, receivedOn: "2025-03-11" }, "2025-03-13", "2025-03-14")[0].field, "noticeStepId");
    assert.equal(findNoticeReceiptProblems({ type: "extension", date: "2025-03-10", receivedOn: null }, "2025-03-13", "2025-03-14")[0].field, "noticeStepId");
  });
});

describe("consultations (Art. 32, Art. 34, Art. 33(2)) and the Art. 35 reasonable period", () => {
  test("Art. 33(2): several consultations of third parties and other agencies are left out of the time limit, overlapping days once", () => {
    const steps: ClockStep[] = [
      { type: "third_party_consultation", date: "2025-03-10", receivedOn: "2025-03-10", stepId: 1 },
      { type: "agency_consultation", date: "2025-03-12", receivedOn: "2025-03-12", stepId: 2 },
      { type: "third_party_reply", date: "2025-03-14", consultationStepId: 1 },
      { type: "agency_reply", date: "2025-03-19", consultationStepId: 2 },
    ];
    const done = clock("in_person", "2025-03-03", steps, "2025-03-20");
    // 03-11 to 03-19 is 7 working days in all (03-12 to 03-14 counted once): 2025-03-31 + 7, across 清明 04-04 = 2025-04-10.
    assert.equal(
      done.pauses.reduce((sum, pause) => sum + pause.workingDays, 0),
      7,
    );
    assert.equal(done.dueOn, "2025-04-10");
    assert.equal(done.phase, "running");
    assert.deepEqual(findStepProblems(clock("in_person", "2025-03-03", steps.slice(0, 1), "2025-03-12"), steps[1], "2025-03-12"), []);
  });

  test("Art. 34: another agency's silence for 15 working days from receipt ends its consultation (consent)", () => {
    const silent = clock("in_person", "2025-03-03", [{ type: "agency_consultation", date: "2025-03-10", receivedOn: "2025-03-10", stepId: 3 }], "2025-04-01");
    assert.equal(silent.consultations[0].endedOn, "2025-03-31");
    assert.equal(silent.phase, "running");
    assert.equal(statusOfClockKind(silent), null);
  });

  test("Art. 35: a reasonable period for a volume or frequency beyond reason adds to the time limit, with the Art. 33 extension", () => {
    const extended = clock(
      "in_person",
      "2025-03-03",
      [
        { type: "extension", date: "2025-03-20", days: 30, basis: "art35" },
        { type: "extension", date: "2025-03-21", days: 20 },
      ],
      "2025-03-24",
    );
    assert.equal(extended.reasonableExtension?.days, 30);
    assert.equal(extended.extension?.days, 20);
    assert.match(extended.explanation.join("\n"), /合理期限 30 个工作日（条例第三十五条）/);
    assert.equal(findStepProblems(extended, { type: "extension", date: "2025-03-24", days: 5, basis: "art35" }, "2025-03-24")[0].field, "type");
    const fresh = clock("in_person", "2025-03-03", [], "2025-03-04");
    assert.equal(findStepProblems(fresh, { type: "extension", date: "2025-03-04", days: 121, basis: "art35" }, "2025-03-04")[0].field, "days");
    assert.deepEqual(findStepProblems(fresh, { type: "extension", date: "2025-03-04", days: 60, basis: "art35" }, "2025-03-04"), []);
  });
});

describe("overdue and answered", () => {
  test("past the due day without a reply is overdue; working days left count down before it", () => {
    assert.equal(clock("in_person", "2025-09-30", [], "2025-10-28").workingDaysLeft, 5);
    assert.equal(clock("in_person", "2025-09-30", [], "2025-11-04").overdue, false);
    const late = clock("in_person", "2025-09-30", [], "2025-11-05");
    assert.equal(late.overdue, true);
    assert.equal(late.workingDaysLeft, null);
    const answered = clock(
      "in_person",
      "2025-09-30",
      [
        { type: "decision", date: "2025-10-20", outcome: "disclose" },
        { type: "reply_issued", date: "2025-10-22" },
      ],
      "2025-12-01",
    );
    assert.equal(answered.phase, "answered");
    assert.equal(answered.overdue, false);
    assert.equal(answered.answeredLate, false);
    assert.match(findStepProblems(answered, { type: "third_party_consultation", date: "2025-12-01" }, "2025-12-01")[0].message, /已办结/);
  });

  test("steps cannot be dated in the future or before the receipt", () => {
    const open = clock("in_person", "2025-09-30", [], "2025-10-09");
    assert.equal(findStepProblems(open, { type: "third_party_consultation", date: "2025-10-10" }, "2025-10-09")[0].field, "date");
    assert.equal(findStepProblems(open, { type: "third_party_consultation", date: "2025-09-29" }, "2025-10-09")[0].field, "date");
  });
});

describe("outcomes and applicant columns", () => {
  test("21 outcomes in report order, grouped 一 to 六, with the official row names", () => {
    assert.equal(applicationOutcomes.length, 21);
    assert.deepEqual(applicationOutcomes.map((outcome) => outcome.group).join(""), "一二三三三三三三三三四四四五五五五五六六六");
    assert.equal(applicationOutcomes[2].rowName, "属于国家秘密");
    assert.equal(applicationOutcomes[2].numberInGroup, 1);
    assert.equal(applicationOutcomes[20].slug, "other_other");
    assert.equal(parseApplicationOutcome('危及"三安全一稳定"'), "refuse_three_safety");
    assert.equal(parseApplicationOutcome("部分公开"), "partial");
    assert.equal(parseApplicationOutcome("重复申请"), "not_processed_repeat");
    assert.equal(parseApplicationOutcome("unable_not_held"), "unable_not_held");
    assert.equal(parseApplicationOutcome("不知道"), null);
  });

  test("applicants map to the six columns of Table 3", () => {
    assert.equal(applicantColumnOf({ applicantType: "natural_person", organisationKind: null }), "natural_person");
    assert.equal(applicantColumnOf({ applicantType: "organisation", organisationKind: "legal_service" }), "legal_service");
    assert.equal(applicantColumnOf({ applicantType: "organisation", organisationKind: null }), "other");
    assert.equal(parseApplicantColumn("社会公益组织"), "public_interest");
    assert.equal(parseApplicantColumn("个人"), null);
  });

  test("Table 3 counts by receipt and decision day and balances 一 + 二 = 三（七） + 四 in every column", () => {
    const person = { applicantType: "natural_person" as const, organisationKind: null };
    const business = { applicantType: "organisation" as const, organisationKind: "business" as const };
    const figures = tallyApplicationsForReport(
      [
        { ...person, receivedOn: "2024-12-20", decidedOn: "2025-01-10", outcome: "disclose" },
        { ...person, receivedOn: "2024-12-30", decidedOn: null, outcome: null },
        { ...person, receivedOn: "2024-11-01", decidedOn: "2024-11-20", outcome: "disclose" },
        { ...business, receivedOn: "2025-03-03", decidedOn: "2025-03-20", outcome: "refuse_state_secret" },
        { ...business, receivedOn: "2025-12-25", decidedOn: "2026-01-05", outcome: "partial" },
        { ...person, receivedOn: "2026-01-02", decidedOn: null, outcome: null },
      ],
      2025,
    );
    assert.equal(figures.newThisYear.natural_person, 0);
    assert.equal(figures.newThisYear.business, 2);
    assert.equal(figures.carriedIn.natural_person, 2);
    assert.equal(figures.outcomes.disclose.natural_person, 1);
    assert.equal(figures.outcomes.refuse_state_secret.business, 1);
    assert.equal(figures.carriedOut.natural_person, 1);
    assert.equal(figures.carriedOut.business, 1);
    for (const column of figures.columns) {
      assert.equal(figures.newThisYear[column] + figures.carriedIn[column], figures.decidedTotal[column] + figures.carriedOut[column], column);
    }
  });

  test("Table 4 has 15 cells in the official order; results after the year end count as pending", () => {
    const cells = tallyAppeals(
      [
        { kind: "reconsideration", filedOn: "2025-02-01", result: "upheld", resultOn: "2025-04-01", afterReconsideration: false },
        { kind: "reconsideration", filedOn: "2025-11-01", result: "corrected", resultOn: "2026-01-15", afterReconsideration: false },
        { kind: "litigation", filedOn: "2025-05-01", result: "other", resultOn: "2025-09-01", afterReconsideration: false },
        { kind: "litigation", filedOn: "2025-06-01", result: "pending", resultOn: null, afterReconsideration: true },
        { kind: "litigation", filedOn: "2024-06-01", result: "upheld", resultOn: "2024-09-01", afterReconsideration: true },
      ],
      2025,
    );
    assert.deepEqual(cells, [1, 0, 0, 1, 2, 0, 0, 1, 0, 1, 0, 0, 0, 1, 1]);
  });

  test("国办公开办函〔2021〕30号 Table 4: a case filed in December and decided next February is 尚未审结 in one report and its result in the next", () => {
    const december = {
      kind: "reconsideration" as const,
      filedOn: "2025-12-10",
      result: "corrected" as const,
      resultOn: "2026-02-20",
      afterReconsideration: false,
    };
    const lawsuit = { kind: "litigation" as const, filedOn: "2024-11-03", result: "pending" as const, resultOn: null, afterReconsideration: false };
    const decidedLongAgo = {
      kind: "litigation" as const,
      filedOn: "2024-03-01",
      result: "upheld" as const,
      resultOn: "2024-12-30",
      afterReconsideration: false,
    };
    assert.deepEqual(tallyAppeals([december], 2025).slice(0, 5), [0, 0, 0, 1, 1], "2025: 尚未审结");
    assert.deepEqual(tallyAppeals([december], 2026).slice(0, 5), [0, 1, 0, 0, 1], "2026: 结果纠正, carried over");
    assert.deepEqual(tallyAppeals([december], 2027), new Array(15).fill(0), "then no more");
    assert.deepEqual(tallyAppeals([lawsuit], 2025).slice(5, 10), [0, 0, 0, 1, 1], "still undecided: carried over again");
    assert.deepEqual(tallyAppeals([decidedLongAgo], 2025), new Array(15).fill(0), "decided before the year: not this year's");
  });
});

describe("the application form", () => {
  const validId = `11010519491231002${computeIdNumberCheckCharacter("11010519491231002")}`;
  const validCreditCode = `91230100MA1B2C3D4${computeCreditCodeCheckCharacter("91230100MA1B2C3D4")}`;
  const person = {
    applicantType: "natural_person",
    name: "张小三",
    idType: "resident_id",
    idNumber: validId,
    phone: "0453-3921234",
    description: "2017年户外广告设置规划",
    deliveryMethod: "email",
    email: "zhang@example.com",
  };

  test("a mainland ID number must pass its checksum; spaces and a lower-case x are accepted", () => {
    assert.equal(applicationSubmissionSchema.safeParse(person).success, true);
    assert.equal(
      applicationSubmissionSchema.safeParse({ ...person, idNumber: `${validId.slice(0, 6)} ${validId.slice(6, 17)} ${validId[17].toLowerCase()}` }).data
        ?.idNumber,
      validId,
    );
    const wrong = applicationSubmissionSchema.safeParse({ ...person, idNumber: `${validId.slice(0, 17)}${validId[17] === "1" ? "2" : "1"}` });
    assert.equal(wrong.success, false);
    assert.match(wrong.error!.issues[0].message, /身份证号码不正确/);
    // A passport number is not checked against the mainland checksum.
    assert.equal(applicationSubmissionSchema.safeParse({ ...person, idType: "passport", idNumber: "E12345678" }).success, true);
  });

  test("an organisation needs a valid 统一社会信用代码 (GB 32100), its kind and legal representative", () => {
    const organisation = {
      applicantType: "organisation",
      organisationKind: "legal_service",
      name: "黑龙江某某律师事务所",
      creditCode: validCreditCode.toLowerCase(),
      legalRepresentative: "李四",
      contactName: "王五",
      phone: "13800001234",
      description: "某行政处罚决定书",
      deliveryMethod: "pickup",
    };
    const parsed = applicationSubmissionSchema.safeParse(organisation);
    assert.equal(parsed.success, true, JSON.stringify(parsed.error?.issues));
    assert.equal(parsed.data?.creditCode, validCreditCode);
    const wrong = applicationSubmissionSchema.safeParse({
      ...organisation,
      creditCode: `${validCreditCode.slice(0, 17)}${validCreditCode[17] === "0" ? "1" : "0"}`,
      organisationKind: "",
      legalRepresentative: "",
    });
    const fields = new Map(wrong.error!.issues.map((issue) => [issue.path.join("."), issue.message]));
    assert.match(fields.get("creditCode")!, /统一社会信用代码不正确/);
    assert.ok(fields.has("organisationKind") && fields.has("legalRepresentative"));
  });

  test("text limits, delivery needs and offline fields are enforced field by field", () => {
    const tooLong = applicationSubmissionSchema.safeParse({ ...person, description: "字".repeat(2001), deliveryMethod: "paper", email: "" });
    const fields = new Map(tooLong.error!.issues.map((issue) => [issue.path.join("."), issue.message]));
    assert.equal(fields.get("description"), "不能超过 2000 个字。");
    assert.match(fields.get("address")!, /邮寄/);
    // A form shows every problem at once: a bad checksum is reported together with a missing phone.
    assert.throws(
      () => parseApplicationSubmission({ ...person, phone: "", idNumber: "230103199001011230" }),
      (error: unknown) => {
        assert.ok(error instanceof ValidationError);
        assert.deepEqual(Object.keys(error.fields).sort(), ["idNumber", "phone"]);
        return true;
      },
    );
    const offline = offlineApplicationSchema.safeParse({ ...person, receiptMethod: "pigeon", receivedOn: "2025-02-30" });
    const offlineFields = new Set(offline.error!.issues.map((issue) => issue.path.join(".")));
    assert.ok(offlineFields.has("receiptMethod") && offlineFields.has("receivedOn"));
  });
});
