import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { isInAgencyScope } from "@/lib/agency/agency-scope";
import { recordAuditEvent, type AuditEntry } from "@/lib/audit/record";
import type { ActingUser } from "@/lib/auth/acting-user";
import { currentTime } from "@/lib/clock";
import { db, type DatabaseTransaction } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type AppError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { notifyReviewStep } from "@/lib/notifications/review-notifications";
import { bumpPublicContentVersion } from "@/lib/public-content/content-version";
import { bumpPublicContentVersionWithIndexSynced, syncSearchDocuments } from "@/lib/search/search-index";
import type { SearchDocumentType } from "@/lib/search/types";
import { parseInput } from "@/lib/validation";
import {
  allowedActions,
  decideTransition,
  type Refusal,
  type ReviewAction,
  type TransitionRule,
  type Workflow,
  type WorkflowActor,
  type WorkflowSubject,
} from "@/lib/workflow/workflow";

/**
 * The one workflow engine: takes a review transition on any reviewed record type, the whole of it,
 * in one transaction — parse the request, lock the row (with its optimistic version), decide with
 * the type's declared workflow (409 → 403 → 422), run the type's guards, write the new state with
 * the type's own fields (its publish hook on entering the published state, its withdraw hook on
 * leaving it), update the search index and the public content version when the public content
 * changed, and write the audit row `${recordType}.${action}`.
 *
 * A record type is declared once (`defineReviewedRecord`, next to its domain, e.g.
 * lib/powers/power-review.ts); docs/architecture.md says how to add one.
 */

const m = messages.workflow;

/** What every transition request carries; a record type may add fields (items: publishAt, acknowledgements). */
export type TransitionRequest = { action: string; comment?: string | null; version?: number | null };

const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

/** The base request schema: `{ action, comment?, version? }`, the action one of `actions`. Extend it for more fields. */
export function transitionRequestSchema<const A extends readonly ReviewAction[]>(actions: A) {
  return z.object({
    action: z.enum(actions, { error: m.request.unknownAction }),
    comment: z
      .string()
      .trim()
      .max(2000, { error: m.request.commentTooLong })
      .nullish()
      .transform((value) => value || null),
    version: z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional()),
  });
}

/** Everything a hook of a record type sees about the transition being taken. */
export type TransitionContext<Row, Request, Prepared, State extends string> = {
  tx: DatabaseTransaction;
  actor: ActingUser | "system";
  /** null when the system (the scheduler) takes the step. */
  actorId: number | null;
  /** The row as locked, before the change. */
  row: Row;
  request: Request;
  /** What `prepare` read before the transaction. */
  prepared: Prepared;
  action: ReviewAction;
  transition: TransitionRule<State>;
  from: State;
  to: State;
  comment: string | null;
  now: Date;
  /** What the type's guard established, for its hooks and audit row (e.g. how many findings were acknowledged). */
  guardFacts: Record<string, unknown>;
};

/** What the audit row says beyond the action, the comment and the states (which a type may restate, e.g. feedback's statuses). */
export type AuditFacts = Pick<AuditEntry, "entityId" | "details"> & { fromState?: string; toState?: string };

/**
 * A reviewed record type, declared once. Only `workflow`, `lock`, `subjectOf`, `store`, `audit`
 * and `result` are required; the rest are the type's own rules and effects.
 */
export type ReviewedRecordType<
  Row extends Source,
  Source,
  Request extends TransitionRequest,
  Prepared,
  Fields,
  Updated,
  Result,
  State extends string,
  A extends ReviewAction,
  Options,
> = {
  /** States, transitions (with their permissions, relations and comments) and the published state. */
  workflow: Workflow<State, A>;
  /** The record as the refusals name it: `object` after 对, `subject` at the start of a sentence. */
  nouns: { object: string; subject: string };
  /** A type's own message for a refusal, when the shared one does not fit. */
  refusalMessage?: (refusal: Refusal, action: string) => string | undefined;
  /** The audit rows' entity type (their action is `${workflow.recordType}.${action}`). */
  entityType: string;
  requestSchema: z.ZodType<Request, unknown>;
  /** Reads what the transition needs before its transaction (a calendar, figures); may refuse (404, 403). */
  prepare?: (input: { actor: ActingUser | "system"; id: number; request: Request; now: Date; options: Partial<Options> }) => Promise<Prepared>;
  /**
   * Locks the row (`SELECT … FOR UPDATE`) and checks the optimistic version: 404 / 409 `stale_version`.
   * A record of another agency is 404 before its version is looked at (a 409 would disclose it and its last editor).
   */
  lock: (tx: DatabaseTransaction, id: number, request: Request, prepared: Prepared, actor: ActingUser | "system") => Promise<Row>;
  /** The facts the decision looks at. */
  subjectOf: (row: Source) => WorkflowSubject<State>;
  /** An error when no review step can be taken on the record now (e.g. it has nothing to review yet). */
  unavailable?: (row: Source) => AppError | null;
  /** A requested publication time: a transition with `scheduledTo` then schedules instead of publishing. */
  publishAtOf?: (request: Request) => Date | null | undefined;
  /**
   * The type's checks after the decision (screening acknowledgements, report checks, …): throw to
   * refuse, or return facts for the audit row.
   */
  guard?: (context: TransitionContext<Row, Request, Prepared, State>) => Promise<Record<string, unknown> | void>;
  /** The type's own fields written on every transition (besides state and version). */
  fields?: (context: TransitionContext<Row, Request, Prepared, State>) => Fields;
  /** What publishing means for the type: the fields written on entering the published state. */
  publish?: (context: TransitionContext<Row, Request, Prepared, State>) => Promise<Fields>;
  /** What withdrawing means: the fields written on leaving the published state. */
  withdraw?: (context: TransitionContext<Row, Request, Prepared, State>) => Promise<Fields>;
  /** Whether publishing or withdrawing changes what the public sees (default: yes). */
  changesPublicContent?: (context: TransitionContext<Row, Request, Prepared, State>) => boolean;
  /** Writes the new state, the next version and `fields`; returns the updated row. */
  store: (context: TransitionContext<Row, Request, Prepared, State>, fields: Fields) => Promise<Updated>;
  /** The record's documents in the public search (lib/search/sources), synced when its public content changes. */
  search?: { type: SearchDocumentType; ids: (row: Row) => number[] };
  audit: (context: TransitionContext<Row, Request, Prepared, State>, updated: Updated) => AuditFacts;
  result: (context: TransitionContext<Row, Request, Prepared, State>, updated: Updated) => Result;
};

/** Declares a reviewed record type (an identity function, so that TypeScript infers its types). */
export function defineReviewedRecord<
  Row extends Source,
  Source,
  Request extends TransitionRequest,
  Prepared,
  Fields,
  Updated,
  Result,
  State extends string,
  A extends ReviewAction,
  Options = object,
>(
  recordType: ReviewedRecordType<Row, Source, Request, Prepared, Fields, Updated, Result, State, A, Options>,
): ReviewedRecordType<Row, Source, Request, Prepared, Fields, Updated, Result, State, A, Options> {
  return recordType;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- "any record type": the parameters appear in both argument and result positions, so unknown would match none
export type AnyReviewedRecordType = ReviewedRecordType<any, any, any, any, any, any, any, any, any, any>;

/** The error a refusal becomes: 409 `invalid_state`, 403 `forbidden`, 422 with `fields.comment` (or `fields.publishAt`). */
export function refusalError(recordType: Pick<AnyReviewedRecordType, "nouns" | "refusalMessage">, refusal: Refusal, action: string): AppError {
  const own = recordType.refusalMessage?.(refusal, action);
  switch (refusal.reason) {
    case "invalid_state":
      return new ConflictError(own ?? m.refusals.invalidState(recordType.nouns.subject), "invalid_state");
    case "forbidden":
      return new ForbiddenError(own ?? m.refusals.forbidden(recordType.nouns.object));
    case "comment_required":
      return new ValidationError({ comment: [own ?? m.refusals.commentRequired[refusal.comment ?? "review_comment"]] });
    case "publish_time_invalid":
      return new ValidationError({ publishAt: [own ?? m.refusals.publishTimeInvalid] });
  }
}

/**
 * Takes a review step on one record: everything from the lock to the audit row in one transaction,
 * so that a refused step (a failed guard, a stale version) leaves nothing changed.
 */
export async function takeTransition<
  Row extends Source,
  Source,
  Request extends TransitionRequest,
  Prepared,
  Fields,
  Updated,
  Result,
  State extends string,
  A extends ReviewAction,
  Options,
>(
  recordType: ReviewedRecordType<Row, Source, Request, Prepared, Fields, Updated, Result, State, A, Options>,
  actor: ActingUser | "system",
  id: number,
  input: unknown,
  options: { now?: Date } & Partial<Options> = {},
): Promise<Result> {
  const request = parseInput(recordType.requestSchema, input);
  const now = options.now ?? currentTime();
  const prepared = (recordType.prepare ? await recordType.prepare({ actor, id, request, now, options }) : undefined) as Prepared;
  return db.$transaction(async (tx) => {
    const row = await recordType.lock(tx, id, request, prepared, actor);
    const subject = recordType.subjectOf(row);
    await assertRecordInAgencyScope(tx, actor, [subject.sectionId]);
    const unavailable = recordType.unavailable?.(row);
    if (unavailable) throw unavailable;
    const decision = decideTransition(recordType.workflow, {
      actor: actor === "system" ? "system" : actor,
      subject,
      action: request.action,
      comment: request.comment,
      publishAt: recordType.publishAtOf?.(request),
      now,
    });
    if (!decision.allowed) throw refusalError(recordType, decision, request.action);
    const context: TransitionContext<Row, Request, Prepared, State> = {
      tx,
      actor,
      actorId: actor === "system" ? null : actor.id,
      row,
      request,
      prepared,
      action: decision.transition.action,
      transition: decision.transition,
      from: subject.state,
      to: decision.to,
      comment: request.comment ?? null,
      now,
      guardFacts: {},
    };
    context.guardFacts = (await recordType.guard?.(context)) ?? {};

    const publishedState = recordType.workflow.publishedState;
    const publishes = context.to === publishedState && context.from !== publishedState;
    const withdraws = context.from === publishedState && context.to !== publishedState;
    const fields = {
      ...recordType.fields?.(context),
      ...(publishes ? await recordType.publish?.(context) : undefined),
      ...(withdraws ? await recordType.withdraw?.(context) : undefined),
    } as Fields;
    const updated = await recordType.store(context, fields);

    if ((publishes || withdraws) && (recordType.changesPublicContent?.(context) ?? true)) {
      if (recordType.search) {
        await syncSearchDocuments(tx, recordType.search.type, recordType.search.ids(row));
        await bumpPublicContentVersionWithIndexSynced(tx);
      } else await bumpPublicContentVersion(tx);
    }
    const audit = recordType.audit(context, updated);
    await recordAuditEvent(tx, {
      actorId: context.actorId,
      action: `${recordType.workflow.recordType}.${context.action}`,
      entityType: recordType.entityType,
      entityId: audit.entityId,
      fromState: audit.fromState ?? context.from,
      toState: audit.toState ?? context.to,
      comment: context.comment,
      details: audit.details,
    });
    // The notifications of the step, in its transaction: a refused or failed step sends none.
    await notifyReviewStep(tx, {
      workflow: recordType.workflow,
      subject,
      action: context.action,
      from: context.from,
      to: context.to,
      row,
      entityId: String(audit.entityId),
      noun: recordType.nouns.subject,
      comment: context.comment,
      actorId: context.actorId,
      stepKey: `${recordType.workflow.recordType}:${String(audit.entityId)}:${randomUUID()}`,
    });
    return recordType.result(context, updated);
  });
}

/** The review steps this person could take on the record now, for the console's buttons (the server decides again). */
export function availableActions<Source, State extends string, A extends ReviewAction>(
  recordType: Pick<
    ReviewedRecordType<Source, Source, TransitionRequest, unknown, unknown, unknown, unknown, State, A, unknown>,
    "workflow" | "subjectOf" | "unavailable"
  >,
  actor: WorkflowActor,
  row: Source,
): A[] {
  if (recordType.unavailable?.(row)) return [];
  return allowedActions(recordType.workflow, actor, recordType.subjectOf(row));
}

/**
 * A batch of records moved by one review step (the decisions of an import batch). Each member is
 * decided by its own record type's workflow as if it were taken alone, gets its own audit row, and
 * the batch gets one more.
 */
export type ReviewedBatchType<Member extends Source, Source, Request extends TransitionRequest, State extends string, A extends ReviewAction> = {
  /** The members' record type: its workflow decides, its refusals, search source and audit prefix apply. */
  member: Pick<AnyReviewedRecordType, "nouns" | "refusalMessage" | "entityType"> & {
    workflow: Workflow<State, A>;
    subjectOf: (row: Source) => WorkflowSubject<State>;
    search?: { type: SearchDocumentType };
  };
  /** The batch's audit action prefix and entity type. */
  recordType: string;
  entityType: string;
  requestSchema: z.ZodType<Request, unknown>;
  /** Locks the batch (404 when it does not exist). */
  lock: (tx: DatabaseTransaction, batchId: number) => Promise<void>;
  members: (tx: DatabaseTransaction, batchId: number) => Promise<Member[]>;
  memberId: (member: Member) => number;
  /** The message when no member can take the step. */
  nothingToDo: string;
  /** What the batch holds, for its notifications ("双公示决定"), and where the console shows it. */
  noun: string;
  consoleUrl: (batchId: number) => string;
  /** Writes the members' new state, versions and (on publishing or withdrawing) the type's fields, in bulk. */
  store: (
    tx: DatabaseTransaction,
    taken: { member: Member; from: State }[],
    to: State,
    context: { actor: ActingUser; comment: string | null; now: Date },
  ) => Promise<void>;
  transactionOptions?: { timeout?: number; maxWait?: number };
};

export function defineReviewedBatch<Member extends Source, Source, Request extends TransitionRequest, State extends string, A extends ReviewAction>(
  batch: ReviewedBatchType<Member, Source, Request, State, A>,
): ReviewedBatchType<Member, Source, Request, State, A> {
  return batch;
}

const AUDIT_CHUNK = 5000;
const SEARCH_CHUNK = 500;

function chunks<Value>(values: Value[], size: number): Value[][] {
  const result: Value[][] = [];
  for (let index = 0; index < values.length; index += size) result.push(values.slice(index, index + size));
  return result;
}

/**
 * Isolation of agencies (集约化), for every reviewed record type at once: a record kept by a section
 * of another agency is "not found" to anyone but a platform role (whose permissions then decide).
 */
async function assertRecordInAgencyScope(tx: DatabaseTransaction, actor: ActingUser | "system", sectionIds: (number | null)[]): Promise<void> {
  if (actor === "system") return;
  const kept = [...new Set(sectionIds.filter((sectionId): sectionId is number => sectionId !== null))];
  if (kept.length === 0) return;
  const sections = await tx.section.findMany({ where: { id: { in: kept } }, select: { agencyId: true } });
  if (sections.some((section) => !isInAgencyScope(actor, section.agencyId))) throw new NotFoundError();
}

/** Takes one review step on every member of a batch that this person may take it on now. */
export async function takeBatchTransition<Member extends Source, Source, Request extends TransitionRequest, State extends string, A extends ReviewAction>(
  batch: ReviewedBatchType<Member, Source, Request, State, A>,
  actor: ActingUser,
  batchId: number,
  input: unknown,
  options: { now?: Date } = {},
): Promise<{ count: number; to: State }> {
  const request = parseInput(batch.requestSchema, input);
  const now = options.now ?? currentTime();
  const comment = request.comment ?? null;
  return db.$transaction(async (tx) => {
    await batch.lock(tx, batchId);
    const members = await batch.members(tx, batchId);
    await assertRecordInAgencyScope(
      tx,
      actor,
      members.map((member) => batch.member.subjectOf(member).sectionId),
    );
    const taken: { member: Member; from: State; to: State }[] = [];
    let commentMissing: Refusal | null = null;
    for (const member of members) {
      const subject = batch.member.subjectOf(member);
      const decision = decideTransition(batch.member.workflow, { actor, subject, action: request.action, comment });
      if (decision.allowed) taken.push({ member, from: subject.state, to: decision.to });
      else if (decision.status === 422) commentMissing = decision;
    }
    if (!taken.length) {
      if (commentMissing) throw refusalError(batch.member, commentMissing, request.action);
      throw new ConflictError(batch.nothingToDo, "invalid_state");
    }
    const to = taken[0].to;
    await batch.store(tx, taken, to, { actor, comment, now });

    const publishedState = batch.member.workflow.publishedState;
    const publicChange = taken.some((entry) => (entry.from === publishedState) !== (to === publishedState));
    if (publicChange) {
      const search = batch.member.search;
      if (search) {
        for (const group of chunks(taken, SEARCH_CHUNK))
          await syncSearchDocuments(
            tx,
            search.type,
            group.map((entry) => batch.memberId(entry.member)),
          );
        await bumpPublicContentVersionWithIndexSynced(tx);
      } else await bumpPublicContentVersion(tx);
    }
    const action = `${batch.member.workflow.recordType}.${request.action}`;
    for (const group of chunks(taken, AUDIT_CHUNK)) {
      await tx.auditEvent.createMany({
        data: group.map((entry) => ({
          actorId: actor.id,
          action,
          entityType: batch.member.entityType,
          entityId: String(batch.memberId(entry.member)),
          fromState: entry.from,
          toState: entry.to,
          comment,
          occurredAt: now,
          details: { batchId },
        })),
      });
    }
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: `${batch.recordType}.${request.action}`,
      entityType: batch.entityType,
      entityId: batchId,
      toState: to,
      comment,
      details: { count: taken.length },
    });
    // One set of notifications for the batch, not one per member: its first member stands for its
    // section and author (an import is one person's, in one section).
    const first = taken[0];
    await notifyReviewStep(tx, {
      workflow: batch.member.workflow,
      subject: batch.member.subjectOf(first.member),
      action: request.action,
      from: first.from,
      to,
      row: null,
      entityId: String(batchId),
      noun: batch.member.nouns.subject,
      comment,
      actorId: actor.id,
      stepKey: `${batch.recordType}:${batchId}:${randomUUID()}`,
      record: {
        title: messages.notifications.batch(batch.noun, batchId, taken.length),
        url: batch.consoleUrl(batchId),
        recordType: batch.recordType,
      },
    });
    return { count: taken.length, to };
  }, batch.transactionOptions);
}
