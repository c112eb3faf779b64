import "server-only";
import { isInAgencyScope } from "@/lib/agency/agency-scope";
import { recordAuditEvent } from "@/lib/audit/record";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted, isPermitted } from "@/lib/auth/permissions";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-calendar";
import { dateColumnToIsoDate, isoDateToDateColumn, todayInBeijing } from "@/lib/dates";
import { db, type DatabaseTransaction } from "@/lib/db";
import type { WorkingDayCalendar } from "@/lib/deadlines/calendar";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldErrors } from "@/lib/errors";
import type { ProposalStatus } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { mayActOnProposal, proposalAccessRefusal, type ProposalAction } from "@/lib/proposals/proposal-access";
import { computeReplyDeadline, defaultReplyPeriodMonths, describeManualDeadline, reopenedReplyPeriodMonths } from "@/lib/proposals/proposal-deadline";
import {
  assignProposalSchema,
  closeProposalSchema,
  createProposalSchema,
  proposalSettingsSchema,
  proposerFeedbackSchema,
  reopenProposalSchema,
  updateProposalSchema,
} from "@/lib/proposals/proposal-schemas";
import { hasPublicReply, publicProposalFields } from "@/lib/proposals/reply-disclosure";
import { bumpPublicContentVersion } from "@/lib/public-content/content-version";
import { parseInput } from "@/lib/validation";

export type ProposalWriteResult = { id: number; status: ProposalStatus; version: number; deadline: string | null };

/** The proposal's base data as the data layer writes it. */
export type ProposalFields = {
  year: number;
  session: string;
  number: string;
  kind: "suggestion" | "proposal";
  title: string;
  proposers: string[];
  receivedOn: string;
  leadSectionId: number | null;
  assistingSectionIds: number[];
  assignedOn: string | null;
  deadline: string | null;
};

export async function readReplyPeriodMonths(tx: DatabaseTransaction | typeof db = db): Promise<number> {
  const setting = await tx.proposalSetting.findUnique({ where: { id: 1 } });
  return setting?.replyPeriodMonths ?? defaultReplyPeriodMonths;
}

export async function getProposalSettings(actor: ActingUser): Promise<{ replyPeriodMonths: number }> {
  assertPermitted(actor, "proposal.read_console");
  return { replyPeriodMonths: await readReplyPeriodMonths() };
}

export async function updateProposalSettings(actor: ActingUser, input: unknown): Promise<{ replyPeriodMonths: number }> {
  assertPermitted(actor, "proposal.settings");
  const { replyPeriodMonths } = parseInput(proposalSettingsSchema, input);
  return db.$transaction(async (tx) => {
    const before = await readReplyPeriodMonths(tx);
    await tx.proposalSetting.upsert({ where: { id: 1 }, create: { id: 1, replyPeriodMonths }, update: { replyPeriodMonths } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "proposal.settings",
      entityType: "ProposalSetting",
      entityId: 1,
      details: { before, after: replyPeriodMonths },
    });
    return { replyPeriodMonths };
  });
}

/** The deadline of an assignment: the one given by hand, or the configured months from assignment. */
export function deadlineForAssignment(
  calendar: WorkingDayCalendar,
  assignedOn: string,
  months: number,
  manual: string | null,
): { deadline: string; note: string } {
  if (manual) return { deadline: manual, note: describeManualDeadline(manual) };
  const computed = computeReplyDeadline(calendar, assignedOn, months);
  return { deadline: computed.due, note: messages.proposals.deadlineExplanation.afterAssignment(computed.explanation, months) };
}

/** Field-level checks that need more than one field or the database; throws one ValidationError with all of them. */
export async function checkProposalFields(tx: DatabaseTransaction, agencyId: number, fields: ProposalFields, proposalId?: number): Promise<void> {
  const problems: FieldErrors = {};
  const today = todayInBeijing();
  if (fields.receivedOn > today) problems.receivedOn = [messages.proposals.rules.receivedInFuture];
  if (fields.assignedOn && !fields.leadSectionId) problems.leadSectionId = [messages.proposals.rules.assignedOnNeedsLead];
  if (fields.deadline && !fields.leadSectionId) problems.leadSectionId = [messages.proposals.rules.deadlineNeedsLead];
  if (fields.assignedOn && fields.assignedOn < fields.receivedOn) problems.assignedOn = [messages.proposals.rules.assignedBeforeReceived];
  if (fields.assignedOn && fields.assignedOn > today) problems.assignedOn = [messages.proposals.rules.assignedInFuture];
  const start = fields.assignedOn ?? fields.receivedOn;
  if (fields.deadline && fields.deadline < start) problems.deadline = [messages.proposals.rules.deadlineBeforeAssigned];
  if (fields.leadSectionId && fields.assistingSectionIds.includes(fields.leadSectionId))
    problems.assistingSectionIds = [messages.proposals.rules.leadAlsoAssisting];
  const sectionIds = [...new Set([...(fields.leadSectionId ? [fields.leadSectionId] : []), ...fields.assistingSectionIds])];
  if (sectionIds.length) {
    // Lead and assisting sections are the proposal's agency's own: another agency's count as missing (集约化).
    const found = new Set((await tx.section.findMany({ where: { id: { in: sectionIds }, agencyId }, select: { id: true } })).map((section) => section.id));
    if (fields.leadSectionId && !found.has(fields.leadSectionId)) problems.leadSectionId = [messages.proposals.rules.leadSectionMissing];
    if (fields.assistingSectionIds.some((id) => !found.has(id))) problems.assistingSectionIds = [messages.proposals.rules.assistingSectionMissing];
  }
  const clash = await tx.proposal.findFirst({
    where: { year: fields.year, kind: fields.kind, session: fields.session, number: fields.number, ...(proposalId ? { id: { not: proposalId } } : {}) },
    select: { id: true },
  });
  if (clash) problems.number = [messages.proposals.rules.numberTaken];
  if (Object.keys(problems).length) throw new ValidationError(problems);
}

/** Writes a new proposal (the caller has checked the fields and holds the transaction). */
export async function insertProposal(
  tx: DatabaseTransaction,
  actor: ActingUser,
  fields: ProposalFields,
  calendar: WorkingDayCalendar,
  months: number,
  auditAction = "proposal.create",
) {
  const assigned = fields.leadSectionId ? (fields.assignedOn ?? fields.receivedOn) : null;
  const deadline = assigned ? deadlineForAssignment(calendar, assigned, months, fields.deadline) : null;
  const proposal = await tx.proposal.create({
    data: {
      // A proposal registered in the console is sent to the registering person's agency (集约化).
      agencyId: actor.agencyId,
      year: fields.year,
      session: fields.session,
      number: fields.number,
      kind: fields.kind,
      title: fields.title,
      proposers: fields.proposers,
      receivedOn: isoDateToDateColumn(fields.receivedOn),
      leadSectionId: fields.leadSectionId,
      assignedOn: isoDateToDateColumn(assigned),
      deadline: isoDateToDateColumn(deadline?.deadline ?? null),
      deadlineNote: deadline?.note ?? null,
      status: fields.leadSectionId ? "in_progress" : "pending_assignment",
      assistingSections: { create: fields.assistingSectionIds.map((sectionId) => ({ sectionId })) },
    },
  });
  await recordAuditEvent(tx, {
    actorId: actor.id,
    action: auditAction,
    entityType: "Proposal",
    entityId: proposal.id,
    toState: proposal.status,
    details: { year: fields.year, kind: fields.kind, number: fields.number, title: fields.title, deadline: deadline?.deadline ?? null },
  });
  return proposal;
}

function fieldsFromInput(input: ReturnType<typeof createProposalSchema.parse>): ProposalFields {
  return {
    year: input.year,
    session: input.session,
    number: input.number,
    kind: input.kind,
    title: input.title,
    proposers: input.proposers,
    receivedOn: input.receivedOn,
    leadSectionId: input.leadSectionId ?? null,
    assistingSectionIds: [...new Set(input.assistingSectionIds ?? [])],
    assignedOn: input.assignedOn ?? null,
    deadline: input.deadline ?? null,
  };
}

/**
 * Registering is open to whoever keeps the register; registering with a lead section is also 交办,
 * so it takes someone who may assign (lib/proposals/proposal-access.ts).
 */
export function assertMayRegister(actor: ActingUser, fields: Pick<ProposalFields, "leadSectionId">): void {
  assertProposalAccess(actor, "register", { leadSectionId: null });
  if (fields.leadSectionId !== null && !mayActOnProposal(actor, "assign", { leadSectionId: null })) {
    throw new ForbiddenError(messages.proposals.access.refusals.assign);
  }
}

/** 403 with a message naming who may, unless the rules table lets this user take `action` on the proposal. */
export function assertProposalAccess(actor: ActingUser, action: ProposalAction, proposal: { leadSectionId: number | null }): void {
  if (!mayActOnProposal(actor, action, proposal)) throw new ForbiddenError(proposalAccessRefusal(action));
}

/** Registers a proposal; with a lead section it is assigned at once (办理中) and gets its deadline. */
export async function createProposal(actor: ActingUser, input: unknown): Promise<ProposalWriteResult> {
  assertPermitted(actor, "proposal.manage");
  const fields = fieldsFromInput(parseInput(createProposalSchema, input));
  assertMayRegister(actor, fields);
  const calendar = await loadWorkingDayCalendar();
  return db.$transaction(async (tx) => {
    await checkProposalFields(tx, actor.agencyId, fields);
    const proposal = await insertProposal(tx, actor, fields, calendar, await readReplyPeriodMonths(tx));
    await bumpPublicContentVersion(tx);
    return { id: proposal.id, status: proposal.status, version: proposal.version, deadline: dateColumnToIsoDate(proposal.deadline) };
  });
}

/**
 * Loads a proposal for a write, locked; checks that the user may take the action on it (before
 * anything else about it is answered), then the version the writer last saw.
 */
export async function lockProposalForWrite(
  tx: DatabaseTransaction,
  proposalId: number,
  expectedVersion: number | null | undefined,
  access?: { actor: ActingUser; action: ProposalAction },
) {
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "Proposal" WHERE id = ${proposalId} FOR UPDATE`;
  if (!rows.length) throw new NotFoundError(messages.common.notFound.proposal);
  const proposal = await tx.proposal.findUniqueOrThrow({
    where: { id: proposalId },
    include: { assistingSections: true, replies: { orderBy: { round: "asc" } } },
  });
  // Another agency's proposal is "not found" (集约化), before anything else about it is answered.
  if (access && !isInAgencyScope(access.actor, proposal.agencyId)) throw new NotFoundError(messages.common.notFound.proposal);
  if (access) assertProposalAccess(access.actor, access.action, proposal);
  if (expectedVersion != null && expectedVersion !== proposal.version) {
    throw new ConflictError(messages.proposals.rules.stale, "stale_version");
  }
  return proposal;
}

type LockedProposal = Awaited<ReturnType<typeof lockProposalForWrite>>;

function currentFields(proposal: LockedProposal): ProposalFields {
  return {
    year: proposal.year,
    session: proposal.session,
    number: proposal.number,
    kind: proposal.kind,
    title: proposal.title,
    proposers: proposal.proposers,
    receivedOn: dateColumnToIsoDate(proposal.receivedOn),
    leadSectionId: proposal.leadSectionId,
    assistingSectionIds: proposal.assistingSections.map((row) => row.sectionId),
    assignedOn: dateColumnToIsoDate(proposal.assignedOn),
    deadline: dateColumnToIsoDate(proposal.deadline),
  };
}

async function writeAssignment(
  tx: DatabaseTransaction,
  proposal: LockedProposal,
  assignment: { leadSectionId: number; assistingSectionIds: number[]; assignedOn: string; deadline: string; deadlineNote: string },
  extra: { status?: ProposalStatus } = {},
) {
  await tx.proposalAssistingSection.deleteMany({ where: { proposalId: proposal.id } });
  if (assignment.assistingSectionIds.length) {
    await tx.proposalAssistingSection.createMany({ data: assignment.assistingSectionIds.map((sectionId) => ({ proposalId: proposal.id, sectionId })) });
  }
  // A reply not yet issued is due on the proposal's current deadline.
  await tx.proposalReply.updateMany({ where: { proposalId: proposal.id, repliedOn: null }, data: { dueOn: isoDateToDateColumn(assignment.deadline) } });
  return tx.proposal.update({
    where: { id: proposal.id },
    data: {
      leadSectionId: assignment.leadSectionId,
      assignedOn: isoDateToDateColumn(assignment.assignedOn),
      deadline: isoDateToDateColumn(assignment.deadline),
      deadlineNote: assignment.deadlineNote,
      version: { increment: 1 },
      ...extra,
    },
  });
}

/**
 * 409 when a change would alter what the public already sees of the proposal next to a public
 * reply (lib/proposals/reply-disclosure.ts `publicProposalFields`): that goes through the review
 * again — withdraw, correct, re-approve. Fields the public does not see (收到日期) stay editable.
 */
function assertPublicFieldsUnchanged(proposal: LockedProposal, before: ProposalFields, next: ProposalFields): void {
  if (!hasPublicReply(proposal.replies)) return;
  const changed = publicProposalFields.filter((key) => JSON.stringify(next[key]) !== JSON.stringify(before[key]));
  if (!changed.length) return;
  const labels = changed.map((key) => messages.proposals.fields[key]).join("、");
  throw new ConflictError(messages.proposals.access.publicFieldsLocked(labels), "published");
}

/** Edits the registered data (not the assignment: that is `assignProposal`). */
export async function updateProposal(actor: ActingUser, proposalId: number, input: unknown): Promise<ProposalWriteResult> {
  assertPermitted(actor, "proposal.manage");
  const { version, ...changes } = parseInput(updateProposalSchema, input);
  return db.$transaction(async (tx) => {
    const proposal = await lockProposalForWrite(tx, proposalId, version, { actor, action: "edit" });
    const before = currentFields(proposal);
    const next: ProposalFields = { ...before, ...Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) };
    assertPublicFieldsUnchanged(proposal, before, next);
    await checkProposalFields(tx, proposal.agencyId, next, proposal.id);
    const updated = await tx.proposal.update({
      where: { id: proposal.id },
      data: {
        year: next.year,
        session: next.session,
        number: next.number,
        kind: next.kind,
        title: next.title,
        proposers: next.proposers,
        receivedOn: isoDateToDateColumn(next.receivedOn),
        version: { increment: 1 },
      },
    });
    const changedFields = (Object.keys(next) as (keyof ProposalFields)[]).filter((key) => JSON.stringify(next[key]) !== JSON.stringify(before[key]));
    await recordAuditEvent(tx, { actorId: actor.id, action: "proposal.update", entityType: "Proposal", entityId: proposal.id, details: { changedFields } });
    await bumpPublicContentVersion(tx);
    return { id: updated.id, status: updated.status, version: updated.version, deadline: dateColumnToIsoDate(updated.deadline) };
  });
}

/**
 * 交办: sets the lead and assisting sections and the deadline (default: the configured months from
 * the assignment date). A section head assigns an unassigned proposal or hands on one of their own
 * section's; an administrator any (lib/proposals/proposal-access.ts).
 */
export async function assignProposal(actor: ActingUser, proposalId: number, input: unknown): Promise<ProposalWriteResult> {
  if (!isPermitted(actor.role, "proposal.assign")) throw new ForbiddenError(proposalAccessRefusal("assign"));
  const data = parseInput(assignProposalSchema, input);
  const calendar = await loadWorkingDayCalendar();
  return db.$transaction(async (tx) => {
    const proposal = await lockProposalForWrite(tx, proposalId, data.version, { actor, action: "assign" });
    if (proposal.status !== "pending_assignment" && proposal.status !== "in_progress") {
      throw new ConflictError(messages.proposals.rules.assignAfterReply, "invalid_state");
    }
    // The lead section is shown next to a public reply (a reopened proposal keeps its first one).
    if (data.leadSectionId !== proposal.leadSectionId && hasPublicReply(proposal.replies)) {
      throw new ConflictError(messages.proposals.access.publicLeadSectionLocked, "published");
    }
    if (
      proposal.replies.some((reply) => reply.state === "section_review" || reply.state === "leader_review") &&
      data.leadSectionId !== proposal.leadSectionId
    ) {
      throw new ConflictError(messages.proposals.rules.leadChangeDuringReview, "invalid_state");
    }
    const assignedOn = data.assignedOn ?? todayInBeijing();
    const fields: ProposalFields = {
      ...currentFields(proposal),
      leadSectionId: data.leadSectionId,
      assistingSectionIds: [...new Set(data.assistingSectionIds ?? [])],
      assignedOn,
      deadline: data.deadline ?? null,
    };
    await checkProposalFields(tx, proposal.agencyId, fields, proposal.id);
    const computed = deadlineForAssignment(calendar, assignedOn, await readReplyPeriodMonths(tx), data.deadline ?? null);
    const updated = await writeAssignment(
      tx,
      proposal,
      {
        leadSectionId: data.leadSectionId,
        assistingSectionIds: fields.assistingSectionIds,
        assignedOn,
        deadline: computed.deadline,
        deadlineNote: computed.note,
      },
      { status: "in_progress" },
    );
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "proposal.assign",
      entityType: "Proposal",
      entityId: proposal.id,
      fromState: proposal.status,
      toState: "in_progress",
      details: { leadSectionId: data.leadSectionId, assistingSectionIds: fields.assistingSectionIds, assignedOn, deadline: computed.deadline },
    });
    await bumpPublicContentVersion(tx);
    return { id: updated.id, status: updated.status, version: updated.version, deadline: computed.deadline };
  });
}

/** The reply the proposer's feedback is about: the latest issued one. */
function latestIssuedReply(proposal: LockedProposal) {
  return [...proposal.replies].reverse().find((reply) => reply.repliedOn !== null) ?? null;
}

/**
 * Records the proposer's feedback (满意 / 基本满意 / 不满意) on the latest reply. Satisfied results close
 * the proposal (已办结); an unsatisfied one stays 已答复 until it is reopened or closed.
 */
export async function recordProposerFeedback(actor: ActingUser, proposalId: number, input: unknown): Promise<ProposalWriteResult> {
  assertPermitted(actor, "proposal.manage");
  const data = parseInput(proposerFeedbackSchema, input);
  return db.$transaction(async (tx) => {
    const proposal = await lockProposalForWrite(tx, proposalId, data.version, { actor, action: "record_feedback" });
    const reply = latestIssuedReply(proposal);
    if (proposal.status !== "replied" || !reply) throw new ConflictError(messages.proposals.rules.feedbackNeedsReply, "invalid_state");
    const feedbackOn = data.feedbackOn ?? todayInBeijing();
    if (feedbackOn > todayInBeijing()) throw new ValidationError({ feedbackOn: [messages.proposals.rules.feedbackInFuture] });
    if (feedbackOn < dateColumnToIsoDate(reply.repliedOn!)) throw new ValidationError({ feedbackOn: [messages.proposals.rules.feedbackBeforeReply] });
    await tx.proposalReply.update({
      where: { id: reply.id },
      data: { satisfaction: data.satisfaction, feedbackOn: isoDateToDateColumn(feedbackOn), feedbackNote: data.note },
    });
    const status: ProposalStatus = data.satisfaction === "unsatisfied" ? "replied" : "closed";
    const updated = await tx.proposal.update({
      where: { id: proposal.id },
      data: { status, closedOn: status === "closed" ? isoDateToDateColumn(feedbackOn) : null, version: { increment: 1 } },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "proposal.record_feedback",
      entityType: "Proposal",
      entityId: proposal.id,
      fromState: proposal.status,
      toState: status,
      comment: data.note,
      details: { round: reply.round, satisfaction: data.satisfaction, feedbackOn },
    });
    await bumpPublicContentVersion(tx);
    return { id: updated.id, status, version: updated.version, deadline: dateColumnToIsoDate(updated.deadline) };
  });
}

/** An unsatisfied result is handled again: 办理中 with a new deadline (one month unless given), for a further reply. */
export async function reopenProposal(actor: ActingUser, proposalId: number, input: unknown): Promise<ProposalWriteResult> {
  assertPermitted(actor, "proposal.manage");
  const data = parseInput(reopenProposalSchema, input);
  const calendar = await loadWorkingDayCalendar();
  return db.$transaction(async (tx) => {
    const proposal = await lockProposalForWrite(tx, proposalId, data.version, { actor, action: "reopen" });
    const reply = latestIssuedReply(proposal);
    if (proposal.status !== "replied" || reply?.satisfaction !== "unsatisfied") {
      throw new ConflictError(messages.proposals.rules.reopenNeedsUnsatisfied, "invalid_state");
    }
    const today = todayInBeijing();
    if (data.deadline && data.deadline < today) throw new ValidationError({ deadline: [messages.proposals.rules.reopenDeadlinePast] });
    const computed = deadlineForAssignment(calendar, today, reopenedReplyPeriodMonths, data.deadline ?? null);
    const updated = await tx.proposal.update({
      where: { id: proposal.id },
      data: {
        status: "in_progress",
        deadline: isoDateToDateColumn(computed.deadline),
        deadlineNote: messages.proposals.rules.reopenedNote(computed.note),
        closedOn: null,
        version: { increment: 1 },
      },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "proposal.reopen",
      entityType: "Proposal",
      entityId: proposal.id,
      fromState: proposal.status,
      toState: "in_progress",
      comment: data.comment,
      details: { previousRound: reply.round, deadline: computed.deadline },
    });
    await bumpPublicContentVersion(tx);
    return { id: updated.id, status: updated.status, version: updated.version, deadline: computed.deadline };
  });
}

/** 办结 without (further) feedback, e.g. after a second reply. */
export async function closeProposal(actor: ActingUser, proposalId: number, input: unknown): Promise<ProposalWriteResult> {
  assertPermitted(actor, "proposal.manage");
  const data = parseInput(closeProposalSchema, input);
  return db.$transaction(async (tx) => {
    const proposal = await lockProposalForWrite(tx, proposalId, data.version, { actor, action: "close" });
    if (proposal.status !== "replied") throw new ConflictError(messages.proposals.rules.closeNeedsReply, "invalid_state");
    const updated = await tx.proposal.update({
      where: { id: proposal.id },
      data: { status: "closed", closedOn: isoDateToDateColumn(todayInBeijing()), version: { increment: 1 } },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "proposal.close",
      entityType: "Proposal",
      entityId: proposal.id,
      fromState: proposal.status,
      toState: "closed",
    });
    await bumpPublicContentVersion(tx);
    return { id: updated.id, status: updated.status, version: updated.version, deadline: dateColumnToIsoDate(updated.deadline) };
  });
}
