import "server-only";
import { clockOf, orderSteps, statusOfClock } from "@/lib/applications/application-clock";
import { statusLookupSchema } from "@/lib/applications/application-schemas";
import { lookupCodeMatches } from "@/lib/applications/lookup-code";
import type { ApplicationOutcomeSlug } from "@/lib/applications/outcomes";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-calendar";
import { dateColumnToIsoDate, todayInBeijing } from "@/lib/dates";
import { db } from "@/lib/db";
import { NotFoundError, TooManyRequestsError } from "@/lib/errors";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { consumeRateLimit, enforceRateLimit, peekRateLimit } from "@/lib/rate-limit/rate-limit";
import type { ReplyLetter } from "@/lib/reply-letters/reply-document";
import { parseInput } from "@/lib/validation";

/**
 * What an applicant sees with the number and the lookup code: status, timeline, due date and the
 * reply letter once issued. A wrong code and an unknown number give the same "not found".
 * Limits count per client (lib/rate-limit/client-key.ts), never per application number: numbers
 * are sequential, so a limit per number would let anyone lock an applicant out of their own
 * status with a few wrong codes. Guessing is hopeless anyway: the code has 49 random bits, and a
 * client gets `failuresPerClient.limit` wrong tries an hour.
 */

export const lookupLimits = {
  /** Every lookup by one client. */
  perClient: { limit: 30, windowSeconds: 600 },
  /** Wrong number/code pairs by one client: a guesser locks out only itself. */
  failuresPerClient: { limit: 10, windowSeconds: 3600 },
};

export type PublicTimelineEvent = { date: string; kind: string; label: string };

export type PublicApplicationStatus = {
  number: string;
  status: ApplicationStatus;
  statusLabel: string;
  receivedOn: string;
  dueOn: string | null;
  provisional: boolean;
  timeline: PublicTimelineEvent[];
  /** The agency handling the application now (集约化: after a transfer, the receiving one). */
  agencyName: string;
  /** The last transfer (已转至 XX 办理), with its day; null when it stayed where it was made. */
  transferred: { on: string; agencyName: string } | null;
  reply: { title: string; outcome: ApplicationOutcomeSlug; outcomeLabel: string; issuedOn: string } | null;
};

const notFound = () => new NotFoundError(messages.applications.publicStatus.notFound);

async function findByNumberAndCode(input: unknown, clientKey: string) {
  const { number, code } = parseInput(statusLookupSchema, input);
  await enforceRateLimit({ key: `application-lookup:${clientKey}`, ...lookupLimits.perClient });
  const failures = { key: `application-lookup-failures:${clientKey}`, ...lookupLimits.failuresPerClient };
  const standing = await peekRateLimit(failures);
  if (!standing.allowed) throw new TooManyRequestsError(standing.retryAfterSeconds);
  const application = await db.application.findUnique({
    where: { number: number.toUpperCase() },
    include: { steps: { include: { toAgency: { select: { name: true } } } }, reply: true, fee: true, agency: { select: { name: true } } },
  });
  if (!application || !lookupCodeMatches(code, application.lookupCodeHash)) {
    await consumeRateLimit(failures);
    throw notFound();
  }
  return application;
}

export async function lookUpApplication(input: unknown, clientKey: string): Promise<PublicApplicationStatus> {
  const application = await findByNumberAndCode(input, clientKey);
  const calendar = await loadWorkingDayCalendar();
  const clock = clockOf(
    calendar,
    { receiptMethod: application.receiptMethod, submittedOn: application.submittedOn, receivedOn: application.receivedOn, steps: application.steps },
    todayInBeijing(),
  );
  const status = statusOfClock(clock);
  const events = messages.applications.publicStatus.events;
  const label = (step: (typeof application.steps)[number]): string => {
    switch (step.type) {
      case "extension":
        return events.extension(step.extensionDays ?? 0);
      case "fee_notice":
        return events.fee_notice(application.fee?.amountYuan ?? 0);
      case "transfer":
        return events.transfer(step.toAgency?.name ?? "");
      default:
        return events[step.type];
    }
  };
  const issued = application.reply?.state === "published" && application.reply.issuedOn;
  const lastTransfer = orderSteps(application.steps)
    .filter((step) => step.type === "transfer")
    .pop();
  return {
    number: application.number,
    status,
    statusLabel: messages.applications.statuses[status],
    receivedOn: clock.receivedOn,
    dueOn: clock.answeredOn ? null : clock.dueOn,
    provisional: clock.provisional,
    agencyName: application.agency.name,
    transferred: lastTransfer ? { on: dateColumnToIsoDate(lastTransfer.date), agencyName: lastTransfer.toAgency?.name ?? "" } : null,
    timeline: [
      // The day it was first received (after a transfer, `receivedOn` is the receiving agency's receipt).
      { date: lastTransfer ? dateColumnToIsoDate(application.receivedOn) : clock.receivedOn, kind: "received", label: events.received },
      // Until the letter is issued, a decision is internal: the applicant learns it from the letter.
      ...orderSteps(application.steps)
        .filter((step) => step.type !== "decision" || issued)
        .map((step) => ({ date: dateColumnToIsoDate(step.date), kind: step.type, label: label(step) })),
    ],
    reply: issued
      ? {
          title: application.reply!.title,
          outcome: application.reply!.outcome,
          outcomeLabel: messages.applications.outcomeShortNames[application.reply!.outcome],
          issuedOn: dateColumnToIsoDate(application.reply!.issuedOn!),
        }
      : null,
  };
}

/** The issued reply letter, for the applicant's download. */
export async function findIssuedReplyForApplicant(input: unknown, clientKey: string): Promise<ReplyLetter> {
  const application = await findByNumberAndCode(input, clientKey);
  const reply = application.reply;
  if (!reply || reply.state !== "published" || !reply.issuedOn) throw new NotFoundError(messages.applications.publicStatus.replyNotYet);
  // Issued in the name of the agency the application was made to (集约化).
  const agency = await db.agency.findUniqueOrThrow({ where: { id: application.agencyId } });
  return { title: reply.title, number: application.number, body: reply.body, agencyName: agency.name, issuedOn: dateColumnToIsoDate(reply.issuedOn) };
}
