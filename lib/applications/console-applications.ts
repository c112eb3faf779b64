import "server-only";
import { clockOf, orderSteps, statusOfClock } from "@/lib/applications/application-clock";
import type { StaffStepType } from "@/lib/applications/application-schemas";
import { applicationsInScope } from "@/lib/applications/application-scope";
import type { ApplicationClock } from "@/lib/applications/deadlines";
import {
  canViewApplicantData,
  findApplicationRules,
  findHandlingSection,
  isApplicationHandler,
  mayApproveExtension,
  type HandlingSection,
} from "@/lib/applications/handling-section";
import { maskAddress, maskApplicantDataIn, maskApplicantName, maskEmail, maskIdNumber, maskPersonName, maskPhone } from "@/lib/applications/masking";
import { applicantColumnOf, type ApplicationOutcomeSlug } from "@/lib/applications/outcomes";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted, isPermitted } from "@/lib/auth/permissions";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-calendar";
import { beijingDayOf, dateColumnToIsoDate, todayInBeijing } from "@/lib/dates";
import { db, type Prisma } from "@/lib/db";
import type { WorkingDayCalendar } from "@/lib/deadlines/calendar";
import { addCalendarDays } from "@/lib/deadlines/iso-date";
import { NotFoundError } from "@/lib/errors";
import type { ApplicationStatus, ItemState } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { replyLetterReview, type ReplyAction } from "@/lib/reply-letters/reply-letter-review";
import { availableActions } from "@/lib/workflow/engine";

export const applicationViews = ["open", "due_soon", "overdue", "paused", "closed", "all"] as const;
export type ApplicationView = (typeof applicationViews)[number];

/** "Due soon" in the console: within this many working days. */
export const dueSoonWorkingDays = 5;

export type ApplicationSummary = {
  id: number;
  number: string;
  /** Always masked in lists. */
  applicant: string;
  applicantColumn: string;
  source: string;
  receivedOn: string;
  status: ApplicationStatus;
  dueOn: string | null;
  provisional: boolean;
  overdue: boolean;
  workingDaysLeft: number | null;
  lapsed: boolean;
  /** A fee notice or consultation letter whose day of receipt must be entered (nothing lapses until then). */
  needsReceiptDate: boolean;
  outcome: ApplicationOutcomeSlug | null;
  closedOn: string | null;
};

const summaryInclude = { steps: true } satisfies Prisma.ApplicationInclude;
type SummaryRow = Prisma.ApplicationGetPayload<{ include: typeof summaryInclude }>;

function summarise(row: SummaryRow, clock: ApplicationClock): ApplicationSummary {
  return {
    id: row.id,
    number: row.number,
    applicant: maskApplicantName(row.applicantType, row.name),
    applicantColumn: messages.applications.applicantColumns[applicantColumnOf(row)],
    source: row.source,
    receivedOn: dateColumnToIsoDate(row.receivedOn),
    status: row.source === "ledger" && row.closedOn ? "closed" : statusOfClock(clock),
    dueOn: clock.dueOn,
    provisional: clock.provisional,
    overdue: clock.overdue && !row.closedOn,
    workingDaysLeft: clock.workingDaysLeft,
    lapsed: clock.lapse !== null,
    needsReceiptDate: clock.noticesAwaitingReceipt.length > 0 && !clock.decidedOn && !clock.answeredOn,
    outcome: row.outcome,
    closedOn: dateColumnToIsoDate(row.closedOn),
  };
}

function clockOfRow(calendar: WorkingDayCalendar, row: SummaryRow, today: string): ApplicationClock {
  return clockOf(calendar, { receiptMethod: row.receiptMethod, submittedOn: row.submittedOn, receivedOn: row.receivedOn, steps: row.steps }, today);
}

function inView(view: ApplicationView, summary: ApplicationSummary): boolean {
  switch (view) {
    case "due_soon":
      return summary.workingDaysLeft !== null && summary.workingDaysLeft <= dueSoonWorkingDays;
    case "overdue":
      return summary.overdue;
    case "paused":
      return summary.status === "awaiting_correction" || summary.status === "awaiting_third_party" || summary.status === "awaiting_fee";
    default:
      return true;
  }
}

export type ApplicationList = {
  handlingSection: HandlingSection | null;
  items: ApplicationSummary[];
  total: number;
  page: number;
  pageSize: number;
};

/**
 * The console lists. Open applications are few in an office, and their state depends on today
 * and the calendar, so they are loaded and computed together; closed ones are paged in the database.
 */
export async function listApplications(
  actor: ActingUser,
  options: { view?: ApplicationView; page?: number; pageSize?: number } = {},
): Promise<ApplicationList> {
  assertPermitted(actor, "application.read");
  const view = options.view ?? "open";
  const page = Math.max(1, options.page ?? 1);
  const pageSize = options.pageSize ?? 30;
  // 集约化: the actor's agency's applications (every agency's for a platform role); the handling section serves the default agency only.
  const scope = applicationsInScope(actor);
  const [calendar, handlingSection] = await Promise.all([loadWorkingDayCalendar(), findHandlingSection(db, actor.agencyId)]);
  const today = todayInBeijing();
  if (view === "closed" || view === "all") {
    const where: Prisma.ApplicationWhereInput = {
      ...scope,
      ...(view === "closed" ? { OR: [{ status: "closed" }, { source: "ledger", closedOn: { not: null } }] } : {}),
    };
    const [total, rows] = await Promise.all([
      db.application.count({ where }),
      db.application.findMany({
        where,
        include: summaryInclude,
        skip: (page - 1) * pageSize,
        take: pageSize,
        orderBy: view === "closed" ? [{ closedOn: "desc" }, { id: "desc" }] : [{ receivedOn: "desc" }, { id: "desc" }],
      }),
    ]);
    return { handlingSection, items: rows.map((row) => summarise(row, clockOfRow(calendar, row, today))), total, page, pageSize };
  }
  const rows = await db.application.findMany({
    where: { ...scope, status: { not: "closed" }, NOT: { source: "ledger", closedOn: { not: null } } },
    include: summaryInclude,
  });
  const items = rows
    .map((row) => summarise(row, clockOfRow(calendar, row, today)))
    .filter((summary) => inView(view, summary))
    .sort((a, b) => (a.dueOn ?? "9999").localeCompare(b.dueOn ?? "9999") || a.number.localeCompare(b.number));
  return { handlingSection, items, total: items.length, page: 1, pageSize: items.length };
}

export type DueCalendarEntry = { id: number; number: string; dueOn: string; provisional: boolean; overdue: boolean; status: ApplicationStatus };
export type DueCalendarDay = { date: string; working: boolean; label: string | null; entries: DueCalendarEntry[] };

/** A month of days (Monday first, padded to whole weeks) with the open applications due on each. */
export async function listDueCalendar(actor: ActingUser, month: string): Promise<{ month: string; weeks: DueCalendarDay[][] }> {
  assertPermitted(actor, "application.read");
  const calendar = await loadWorkingDayCalendar();
  const { items } = await listApplications(actor, { view: "open" });
  const byDay = new Map<string, DueCalendarEntry[]>();
  for (const item of items) {
    if (!item.dueOn) continue;
    const list = byDay.get(item.dueOn) ?? [];
    list.push({ id: item.id, number: item.number, dueOn: item.dueOn, provisional: item.provisional, overdue: item.overdue, status: item.status });
    byDay.set(item.dueOn, list);
  }
  const first = `${month}-01`;
  const weekday = (new Date(`${first}T00:00:00Z`).getUTCDay() + 6) % 7;
  let day = addCalendarDays(first, -weekday);
  const weeks: DueCalendarDay[][] = [];
  while (weeks.length === 0 || day.slice(0, 7) === month) {
    const week: DueCalendarDay[] = [];
    for (let index = 0; index < 7; index++) {
      const classification = calendar.classifyDay(day);
      week.push({
        date: day,
        working: classification.working,
        label: classification.holidayName ?? null,
        entries: day.slice(0, 7) === month ? (byDay.get(day) ?? []) : [],
      });
      day = addCalendarDays(day, 1);
    }
    weeks.push(week);
  }
  return { month, weeks };
}

export type ApplicantView = {
  masked: boolean;
  applicantType: string;
  organisationKind: string | null;
  name: string;
  idType: string | null;
  idNumber: string | null;
  creditCode: string | null;
  legalRepresentative: string | null;
  contactName: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  description: string | null;
  deliveryMethod: string | null;
  informationForm: string | null;
};

function applicantViewOf(row: Prisma.ApplicationGetPayload<object>, full: boolean): ApplicantView {
  const keep = <Value>(value: Value | null, mask: (value: Value) => string): Value | string | null => (value === null ? null : full ? value : mask(value));
  return {
    masked: !full,
    applicantType: row.applicantType,
    organisationKind: row.organisationKind,
    name: full ? (row.name ?? "—") : maskApplicantName(row.applicantType, row.name),
    idType: row.idType,
    idNumber: keep(row.idNumber, maskIdNumber) as string | null,
    creditCode: row.creditCode,
    legalRepresentative: keep(row.legalRepresentative, maskPersonName) as string | null,
    contactName: keep(row.contactName, maskPersonName) as string | null,
    phone: keep(row.phone, maskPhone) as string | null,
    email: keep(row.email, maskEmail) as string | null,
    address: keep(row.address, maskAddress) as string | null,
    // What a person asks for can say much about them: only for those who handle it.
    description: full ? row.description : null,
    deliveryMethod: row.deliveryMethod,
    informationForm: row.informationForm,
  };
}

export type TimelineEntry = {
  key: string;
  date: string;
  kind: string;
  label: string;
  actorName: string | null;
  /** Free text (step notes, decision notes, fee and delivery notes, reviewers' comments): null unless the user may see applicant data. */
  note: string | null;
  /** There is a note this user may not read (so the console can say why it is missing). */
  noteHidden: boolean;
  /** A third party consulted is named in full only to those who may see applicant data, masked (张*三) to others. */
  detail: string | null;
};

export type ApplicationDetail = {
  id: number;
  number: string;
  source: string;
  version: number;
  status: ApplicationStatus;
  receiptMethod: string | null;
  submittedOn: string;
  receivedOn: string;
  outcome: ApplicationOutcomeSlug | null;
  decidedOn: string | null;
  closedOn: string | null;
  registeredBy: string | null;
  applicant: ApplicantView;
  /** The agency holding the application now (集约化; after a transfer, the receiving one). */
  agency: { id: number; code: string; name: string };
  /** Whether this user may transfer it now (the handling section, while it is open; the server checks again). */
  canTransfer: boolean;
  handlingSection: HandlingSection | null;
  isHandler: boolean;
  canExtend: boolean;
  canRecordAppeal: boolean;
  clock: ApplicationClock;
  timeline: TimelineEntry[];
  /** Steps this user may try now (the server checks the rules again). */
  stepTypes: StaffStepType[];
  canDecide: boolean;
  fee: {
    method: string;
    quantity: number;
    amountYuan: number;
    breakdown: string[];
    summary: string;
    noticeOn: string;
    /** How the notice was delivered and the day the applicant received it (null: still unknown). */
    deliveryMethod: string | null;
    receivedOn: string | null;
    /** Null while the receipt is unknown: the 20 working days run from the day after receipt. */
    payBy: string | null;
    paidOn: string | null;
  } | null;
  reply: {
    title: string;
    body: string;
    legalBasis: string;
    outcome: ApplicationOutcomeSlug;
    state: ItemState;
    version: number;
    issuedOn: string | null;
    authorName: string | null;
    actions: ReplyAction[];
    editable: boolean;
  } | null;
  /** `note` as on the timeline: null with `noteHidden` for those who may not see applicant data. */
  reconsiderations: { id: number; filedOn: string; body: string; result: string; resultOn: string | null; note: string | null; noteHidden: boolean }[];
  litigations: {
    id: number;
    filedOn: string;
    body: string;
    result: string;
    resultOn: string | null;
    note: string | null;
    noteHidden: boolean;
    afterReconsideration: boolean;
  }[];
};

const detailInclude = {
  steps: { include: { actor: true, fromAgency: { select: { name: true } }, toAgency: { select: { name: true } } } },
  agency: { select: { id: true, code: true, name: true } },
  fee: true,
  reply: { include: { author: true } },
  registeredBy: true,
  reconsiderations: { orderBy: { filedOn: "asc" } },
  litigations: { orderBy: { filedOn: "asc" } },
} satisfies Prisma.ApplicationInclude;

/**
 * Free text staff write about an application may name the applicant, the third party, what they
 * asked for: the same rule as the applicant data (lib/applications/handling-section.ts).
 */
function restrictedNote(note: string | null, full: boolean): { note: string | null; noteHidden: boolean } {
  if (full || !note) return { note, noteHidden: false };
  return { note: null, noteHidden: true };
}

type StepWithAgencies = Prisma.ApplicationStepGetPayload<object> & { fromAgency?: { name: string } | null; toAgency?: { name: string } | null };

function stepDetail(step: StepWithAgencies, full: boolean): string | null {
  const s = messages.applications.console.stepForm;
  switch (step.type) {
    case "transfer":
      return messages.applications.console.detail.transferDetail(step.fromAgency?.name ?? "", step.toAgency?.name ?? "");
    case "correction_request":
      return step.respondBy ? `${s.respondBy}：${dateColumnToIsoDate(step.respondBy)}` : null;
    case "third_party_consultation":
    case "agency_consultation":
    case "fee_notice": {
      const party = step.type === "third_party_consultation" && step.thirdParty && !full ? maskPersonName(step.thirdParty) : step.thirdParty;
      const delivery = step.noticeDeliveryMethod ? messages.applications.noticeDeliveryMethods[step.noticeDeliveryMethod] : null;
      // The console's banner flags an unknown receipt; the timeline states only what was entered.
      const received = step.noticeReceivedOn ? `${s.noticeReceivedOn}：${dateColumnToIsoDate(step.noticeReceivedOn)}` : null;
      return [party, delivery, received].filter(Boolean).join("；");
    }
    case "notice_received":
    case "third_party_reply":
    case "agency_reply":
      return step.relatesToStepId ? s.relatesTo(step.relatesToStepId) : null;
    case "extension":
      return [
        messages.applications.extensionBases[step.extensionBasis ?? "art33"],
        messages.common.workingDays(step.extensionDays ?? 0),
        step.applicantNotifiedOn ? `${s.applicantNotifiedOn}：${dateColumnToIsoDate(step.applicantNotifiedOn)}` : null,
      ]
        .filter(Boolean)
        .join("；");
    case "decision":
      return step.outcome ? messages.applications.outcomeShortNames[step.outcome] : null;
    case "delivery":
      return step.deliveryMethod ? messages.applications.deliveryMethods[step.deliveryMethod] : null;
    default:
      return null;
  }
}

function staffStepTypes(clock: ApplicationClock, isHandler: boolean, canExtend: boolean, today: string): StaffStepType[] {
  const types: StaffStepType[] = [];
  if (clock.answeredOn) return isHandler && !clock.deliveredOn ? ["delivery"] : [];
  if (clock.decidedOn) return [];
  const pause = clock.openPause?.kind;
  if (isHandler) {
    if (!pause && !clock.correction && today <= clock.correctionRequestBy) types.push("correction_request");
    if (pause === "correction" && !clock.lapse) types.push("correction_received");
    const consulting = pause === "third_party" || pause === "agency";
    if (!pause || consulting) types.push("third_party_consultation", "agency_consultation");
    if (clock.consultations.some((each) => each.kind === "third_party" && !each.endedOn)) types.push("third_party_reply");
    if (clock.consultations.some((each) => each.kind === "agency" && !each.endedOn)) types.push("agency_reply");
    if (!pause && !clock.fee) types.push("fee_notice");
    if (clock.noticesAwaitingReceipt.length) types.push("notice_received");
    if (pause === "fee" && !clock.lapse) types.push("fee_paid");
  }
  if (canExtend && !pause && !clock.extension && clock.dueOn !== null && today <= clock.dueOn) types.push("extension");
  return types;
}

export async function findConsoleApplication(actor: ActingUser, applicationId: number): Promise<ApplicationDetail> {
  assertPermitted(actor, "application.read");
  const row = Number.isSafeInteger(applicationId)
    ? await db.application.findFirst({ where: { id: applicationId, ...applicationsInScope(actor) }, include: detailInclude })
    : null;
  if (!row) throw new NotFoundError(messages.common.notFound.application);
  // The handling section and the rules of this application's agency (集约化: each agency its own).
  const [calendar, handlingSection, rules] = await Promise.all([
    loadWorkingDayCalendar(),
    findHandlingSection(db, row.agencyId),
    findApplicationRules(db, row.agencyId),
  ]);
  const today = todayInBeijing();
  const clock = clockOf(calendar, { receiptMethod: row.receiptMethod, submittedOn: row.submittedOn, receivedOn: row.receivedOn, steps: row.steps }, today);
  const isHandler = isApplicationHandler(actor, handlingSection?.id);
  const full = canViewApplicantData(actor, handlingSection?.id);
  const canExtend = mayApproveExtension(actor, rules, handlingSection?.id);
  const m = messages.applications;

  const replyEvents = row.reply
    ? await db.auditEvent.findMany({
        where: {
          entityType: "ApplicationReply",
          entityId: String(row.reply.id),
          action: { in: ["application.reply.submit", "application.reply.approve", "application.reply.return"] },
        },
        include: { actor: true },
        orderBy: { occurredAt: "asc" },
      })
    : [];
  const timeline: TimelineEntry[] = [
    {
      key: "received",
      date: dateColumnToIsoDate(row.receivedOn),
      kind: "received",
      label: m.publicStatus.events.received,
      actorName: row.registeredBy?.displayName ?? null,
      note: null,
      noteHidden: false,
      detail: clock.explanation[0],
    },
    ...orderSteps(row.steps).map((step) => ({
      key: `step-${step.id}`,
      date: dateColumnToIsoDate(step.date),
      kind: step.type,
      label: m.stepTypes[step.type],
      actorName: step.actor?.displayName ?? null,
      ...restrictedNote(step.note, full),
      detail: stepDetail(step, full),
    })),
    ...replyEvents.map((event) => ({
      key: `audit-${event.id}`,
      date: beijingDayOf(event.occurredAt),
      kind: event.action,
      label: `${m.console.detail.reply}：${m.replyActions[event.action.split(".").pop() as ReplyAction]}（${m.replyStates[event.toState as ItemState] ?? ""}）`,
      actorName: event.actor?.displayName ?? null,
      ...restrictedNote(event.comment, full),
      detail: null,
    })),
  ].sort((a, b) => a.date.localeCompare(b.date));

  const reply = row.reply;
  return {
    id: row.id,
    number: row.number,
    source: row.source,
    version: row.version,
    status: row.source === "ledger" && row.closedOn ? "closed" : statusOfClock(clock),
    receiptMethod: row.receiptMethod,
    submittedOn: dateColumnToIsoDate(row.submittedOn),
    receivedOn: dateColumnToIsoDate(row.receivedOn),
    outcome: row.outcome,
    decidedOn: dateColumnToIsoDate(row.decidedOn),
    closedOn: dateColumnToIsoDate(row.closedOn),
    registeredBy: row.registeredBy?.displayName ?? null,
    applicant: applicantViewOf(row, full),
    agency: row.agency,
    canTransfer: row.source !== "ledger" && isHandler && !clock.decidedOn && !clock.answeredOn && !clock.openPause && !row.fee && !row.reply,
    handlingSection,
    isHandler,
    canExtend,
    canRecordAppeal: isPermitted(actor.role, "application.record_appeal") && (actor.role === "leader" || isHandler),
    clock,
    timeline,
    stepTypes: row.source === "ledger" ? [] : staffStepTypes(clock, isHandler, canExtend, today),
    canDecide: row.source !== "ledger" && isHandler && !clock.answeredOn && (!reply || reply.state === "draft"),
    fee: row.fee
      ? {
          method: row.fee.method,
          quantity: row.fee.quantity,
          amountYuan: row.fee.amountYuan,
          breakdown: ((row.fee.breakdown as { breakdown?: { text: string }[] }).breakdown ?? []).map((line) => line.text),
          summary: (row.fee.breakdown as { summary?: string }).summary ?? "",
          noticeOn: dateColumnToIsoDate(row.fee.noticeOn),
          deliveryMethod: row.fee.deliveryMethod,
          receivedOn: dateColumnToIsoDate(row.fee.receivedOn),
          payBy: dateColumnToIsoDate(row.fee.payBy),
          paidOn: dateColumnToIsoDate(row.fee.paidOn),
        }
      : null,
    reply: reply
      ? {
          title: full ? reply.title : maskApplicantDataIn(reply.title, row),
          body: full ? reply.body : m.console.detail.masked,
          legalBasis: reply.legalBasis,
          outcome: reply.outcome,
          state: reply.state,
          version: reply.version,
          issuedOn: dateColumnToIsoDate(reply.issuedOn),
          authorName: reply.author?.displayName ?? null,
          actions: availableActions(replyLetterReview, actor, { reply, handlingSectionId: handlingSection?.id ?? null }),
          editable: isHandler && reply.state === "draft",
        }
      : null,
    reconsiderations: row.reconsiderations.map((record) => ({
      id: record.id,
      filedOn: dateColumnToIsoDate(record.filedOn),
      body: record.body,
      result: record.result,
      resultOn: dateColumnToIsoDate(record.resultOn),
      ...restrictedNote(record.note, full),
    })),
    litigations: row.litigations.map((record) => ({
      id: record.id,
      filedOn: dateColumnToIsoDate(record.filedOn),
      body: record.body,
      result: record.result,
      resultOn: dateColumnToIsoDate(record.resultOn),
      ...restrictedNote(record.note, full),
      afterReconsideration: record.afterReconsideration,
    })),
  };
}
