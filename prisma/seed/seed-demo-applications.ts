import { closeLapsedApplications, recordDecision, recordStep } from "@/lib/applications/handle-application";
import { registerOfflineApplication, submitApplication } from "@/lib/applications/submit-application";
import { loadActingUser, type ActingUser } from "@/lib/auth/acting-user";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-calendar";
import { todayInBeijing } from "@/lib/dates";
import { db } from "@/lib/db";
import type { WorkingDayCalendar } from "@/lib/deadlines/calendar";
import { addCalendarDays } from "@/lib/deadlines/iso-date";
import { computeCreditCodeCheckCharacter, computeIdNumberCheckCharacter } from "@/lib/identifiers";
import { transitionReply } from "@/lib/reply-letters/reply-letter-review";

/**
 * A few applications of the current year in different states, so the console shows its lists,
 * deadlines and reviews. The 2017 demo office had no applications (its annual report says so):
 * nothing here is dated before this year. Written through the data layer, with the demo accounts,
 * so every row, step and audit entry is what the product itself would have made.
 */

/** The working day `count` working days before `date` (0 = `date` itself, moved back to a working day). */
function workingDaysBefore(calendar: WorkingDayCalendar, date: string, count: number): string {
  let day = date;
  while (!calendar.classifyDay(day).working) day = addCalendarDays(day, -1);
  for (let left = count; left > 0;) {
    day = addCalendarDays(day, -1);
    if (calendar.classifyDay(day).working) left--;
  }
  return day;
}

function idNumber(first17: string): string {
  return first17 + computeIdNumberCheckCharacter(first17);
}

function creditCode(first17: string): string {
  return first17 + computeCreditCodeCheckCharacter(first17);
}

const person = (name: string, id: string, description: string) => ({
  applicantType: "natural_person",
  name,
  idType: "resident_id",
  idNumber: idNumber(id),
  phone: "13904531234",
  email: "applicant@example.com",
  address: "绥芬河市光明街 18 号",
  description,
  deliveryMethod: "email",
});

const organisation = (kind: string, name: string, code: string, description: string) => ({
  applicantType: "organisation",
  organisationKind: kind,
  name,
  creditCode: creditCode(code),
  legalRepresentative: "周建华",
  contactName: "孙丽",
  phone: "0453-3921888",
  address: "绥芬河市通天路 66 号",
  description,
  deliveryMethod: "paper",
});

export async function seedDemoApplications(): Promise<void> {
  if ((await db.application.count()) > 0) return;
  const users = new Map((await db.user.findMany()).map((user) => [user.username, user.id]));
  const actor = async (username: string): Promise<ActingUser> => (await loadActingUser(users.get(username)!))!;
  const [staff, head, leader] = [await actor("staff"), await actor("head"), await actor("leader")];
  const office = await db.section.findFirstOrThrow({ where: { name: "综合科", agency: { isDefault: true } } });
  // The demo agency is a department of a county-level city: its reconsideration organ is that city's
  // government (行政复议法 2023, Art. 24) and its court the city's basic court.
  const rules = { reconsiderationOrgan: "绥芬河市人民政府", litigationCourt: "绥芬河市人民法院" };
  await db.applicationSettings.upsert({
    where: { agencyId: office.agencyId },
    create: { agencyId: office.agencyId, handlingSectionId: office.id, ...rules },
    update: { handlingSectionId: office.id, ...rules },
  });

  const calendar = await loadWorkingDayCalendar();
  const today = todayInBeijing();
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const ago = (count: number) => workingDaysBefore(calendar, today, count);
  /** Registers an application received `days` working days ago, unless that falls before this year. */
  const register = async (days: number, receiptMethod: string, fields: Record<string, unknown>) => {
    const receivedOn = ago(days);
    if (receivedOn < yearStart) return null;
    return registerOfflineApplication(staff, { ...fields, receiptMethod, receivedOn });
  };

  // Filed online today: 办理中.
  await submitApplication(person("陈晓梅", "23108119850612402", "本市 2026 年度城市道路挖掘许可的审批结果。"), { clientKey: "demo-seed" });

  // Received by letter 17 working days ago: due within five working days.
  await register(
    17,
    "letter",
    organisation("legal_service", "黑龙江北疆律师事务所", "31230000MD0123456", "2026 年对绥芬河市某商户作出的行政处罚决定书及其依据。"),
  );

  // Nothing done for 24 working days: overdue.
  await register(24, "registered_post", person("刘德明", "23108119700308151", "青云路段占道经营整治方案。"));

  // A completion was asked for: paused until it arrives.
  const unclear = await register(6, "in_person", person("王春燕", "23108119920917282", "关于我家门前那条路的文件。"));
  if (unclear) {
    await recordStep(staff, unclear.id, {
      type: "correction_request",
      date: ago(4),
      respondBy: workingDaysBefore(calendar, addCalendarDays(today, 21), 0),
      note: "请写明所需文件的名称、文号或形成时间，以及道路的具体位置。",
    });
  }

  // A third party's opinion is being sought.
  const thirdParty = await register(
    8,
    "email",
    organisation("business", "绥芬河市宏达建筑工程有限公司", "91231081MA1A2B3C4", "本局与宏达公司签订的渣土清运合同。"),
  );
  if (thirdParty)
    await recordStep(staff, thirdParty.id, {
      type: "third_party_consultation",
      date: ago(5),
      thirdParty: "绥芬河市鑫源运输有限公司",
      // Sent by post and signed for two working days later: its 15 working days run from then (Art. 32).
      noticeDeliveryMethod: "post",
      receivedOn: ago(3),
      note: "合同涉及对方商业信息，书面征求意见。",
    });

  // Extended with the consent of the head of the disclosure office (Art. 33).
  const extended = await register(19, "fax", organisation("research", "黑龙江省城市管理研究院", "12230000MB0987654", "2025 年以来城市管理综合执法统计数据。"));
  if (extended)
    await recordStep(head, extended.id, {
      type: "extension",
      date: ago(2),
      days: 15,
      applicantNotifiedOn: ago(2),
      note: "数据分散在多个科室，需要汇总核对。",
    });

  // Decided; the reply letter waits for the section head.
  const decided = await register(15, "in_person", person("赵立新", "23108119780125033", "2026 年户外广告设施设置审批结果公告。"));
  if (decided) {
    await recordDecision(staff, decided.id, { outcome: "disclose", decidedOn: ago(1), note: "所需信息见附件《户外广告设施设置审批结果公告》。" });
    await transitionReply(staff, decided.id, { action: "submit" });
  }

  // Answered and delivered: the whole flow.
  const answered = await register(18, "letter", person("孙海燕", "23108119690704262", "2019 年本局拆除违法建筑的全部现场照片。"));
  if (answered) {
    await recordDecision(staff, answered.id, { outcome: "unable_not_held", decidedOn: ago(12) });
    await transitionReply(staff, answered.id, { action: "submit" });
    await transitionReply(head, answered.id, { action: "approve" });
    await transitionReply(leader, answered.id, { action: "approve" });
    await recordStep(staff, answered.id, { type: "delivery", date: today, deliveryMethod: "email", note: "已通过电子邮件送达。" });
  }
  await closeLapsedApplications(today);
}
