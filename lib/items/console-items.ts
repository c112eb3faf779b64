import "server-only";
import { reachesEveryAgency, sectionsInScope } from "@/lib/agency/agency-scope";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-calendar";
import { itemDisclosureRule, policyDocumentCategorySlugs } from "@/lib/catalogue/statutory-categories";
import { dateColumnToIsoDate, todayInBeijing } from "@/lib/dates";
import { db, type Prisma } from "@/lib/db";
import type { WorkingDayCalendar } from "@/lib/deadlines/calendar";
import { computeProactiveDisclosureDeadline } from "@/lib/deadlines/statutory-deadlines";
import { addWorkingDays, describeDeadline } from "@/lib/deadlines/working-days";
import { NotFoundError } from "@/lib/errors";
import type { ItemState, ItemValidity } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { itemReview, type ItemAction } from "@/lib/items/item-review";
import { availableActions } from "@/lib/workflow/engine";
import { canEditReviewedContent } from "@/lib/workflow/workflow";

export type ConsoleItemSummary = {
  id: number;
  indexNumber: string;
  title: string;
  state: ItemState;
  sectionName: string;
  authorName: string;
  categoryName: string;
  updatedAt: Date;
  formedAt: string;
  disclosureDue: string;
  overdue: boolean;
  published: boolean;
  publishedOnTime: boolean | null;
};

export type ConsoleItemScope = "all" | "tasks" | "section";

const summaryInclude = {
  latestRevision: { include: { category: true } },
  section: true,
  author: true,
} satisfies Prisma.ItemInclude;

function summarise(item: Prisma.ItemGetPayload<{ include: typeof summaryInclude }>, calendar: WorkingDayCalendar, today: string): ConsoleItemSummary {
  const revision = item.latestRevision!;
  const formedAt = dateColumnToIsoDate(revision.formedAt);
  const due = computeProactiveDisclosureDeadline(calendar, formedAt).due;
  const published = item.publishedRevisionId !== null;
  return {
    id: item.id,
    indexNumber: item.indexNumber,
    title: revision.title,
    state: item.state,
    sectionName: item.section.name,
    authorName: item.author.displayName,
    categoryName: revision.category.name,
    updatedAt: item.updatedAt,
    formedAt,
    disclosureDue: due,
    overdue: !published && today > due,
    published,
    publishedOnTime: item.publishedOnTime,
  };
}

/** What is waiting for this user: drafts of their section, reviews they may take. */
function tasksFilter(actor: ActingUser): Prisma.ItemWhereInput {
  switch (actor.role) {
    case "staff":
      return { sectionId: actor.sectionId, state: "draft" };
    case "section_head":
      return {
        OR: [
          { sectionId: actor.sectionId, state: "section_review", authorId: { not: actor.id } },
          { sectionId: actor.sectionId, state: "draft" },
        ],
      };
    case "leader":
      return { state: { in: ["leader_review", "scheduled"] }, authorId: { not: actor.id } };
    case "admin":
    case "platform_admin":
    case "supervisor":
      return { id: -1 };
  }
}

export async function listConsoleItems(
  actor: ActingUser,
  options: { scope?: ConsoleItemScope; state?: ItemState; overdueOnly?: boolean; page?: number; pageSize?: number } = {},
): Promise<{ total: number; page: number; pageSize: number; items: ConsoleItemSummary[] }> {
  assertPermitted(actor, "item.read_console");
  const page = Math.max(1, options.page ?? 1);
  const pageSize = options.pageSize ?? 30;
  // Only the actor's agency's items (集约化), or every agency's for a platform role.
  const where: Prisma.ItemWhereInput = { AND: reachesEveryAgency(actor) ? [] : [{ section: sectionsInScope(actor) }] };
  const and = where.AND as Prisma.ItemWhereInput[];
  if (options.scope === "tasks") and.push(tasksFilter(actor));
  if (options.scope === "section") and.push({ sectionId: actor.sectionId });
  if (options.state) and.push({ state: options.state });
  if (options.overdueOnly) and.push({ publishedRevisionId: null });
  const [calendar, total, items] = await Promise.all([
    loadWorkingDayCalendar(),
    db.item.count({ where }),
    db.item.findMany({
      where,
      include: summaryInclude,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      skip: options.overdueOnly ? 0 : (page - 1) * pageSize,
      take: options.overdueOnly ? undefined : pageSize,
    }),
  ]);
  const today = todayInBeijing();
  let summaries = items.map((item) => summarise(item, calendar, today));
  if (options.overdueOnly) summaries = summaries.sort((a, b) => a.disclosureDue.localeCompare(b.disclosureDue));
  return { total: options.overdueOnly ? summaries.length : total, page, pageSize, items: summaries };
}

export type RevisionContentView = {
  number: number;
  title: string;
  body: string;
  bodyText: string;
  categoryId: number;
  categoryName: string;
  issuingSectionId: number | null;
  externalIssuingBody: string | null;
  issuingBody: string;
  documentNumber: string | null;
  writtenAt: string | null;
  formedAt: string;
  validity: ItemValidity;
  validityDate: string | null;
  replacedByItemId: number | null;
  interpretedItemId: number | null;
  channels: string[];
  keywords: string[];
  attachments: { fileId: number; attachmentId: number; name: string; sizeBytes: number; mimeType: string }[];
  createdBy: string;
  createdAt: Date;
};

export type HistoryEntry = {
  id: string;
  occurredAt: Date;
  actorName: string;
  action: string;
  fromState: string | null;
  toState: string | null;
  comment: string | null;
  details: unknown;
};

export type ConsoleItemDetail = {
  id: number;
  indexNumber: string;
  state: ItemState;
  version: number;
  sectionId: number;
  sectionName: string;
  authorName: string;
  publishAt: Date | null;
  publishedAt: Date | null;
  publishedOnTime: boolean | null;
  withdrawnAt: Date | null;
  withdrawalReason: string | null;
  latest: RevisionContentView;
  publishedRevisionNumber: number | null;
  revisions: { number: number; createdBy: string; createdAt: Date; title: string }[];
  history: HistoryEntry[];
  acknowledgedFindings: {
    source: string;
    kind: string;
    match: string;
    context: string;
    note: string | null;
    acknowledgedBy: string | null;
    revisionNumber: number;
  }[];
  deadline: { due: string; overdue: boolean; explanation: string };
  /**
   * A 规章 or 行政规范性文件 that no 政策解读 (in preparation or published, not withdrawn) links:
   * the document and its interpretation are prepared, reviewed and published together.
   */
  interpretationMissing: boolean;
  actions: ItemAction[];
  canEdit: boolean;
};

const revisionInclude = {
  category: true,
  issuingSection: true,
  createdBy: true,
  attachments: { include: { file: true }, orderBy: { sortOrder: "asc" } },
} satisfies Prisma.ItemRevisionInclude;

export function toRevisionView(revision: Prisma.ItemRevisionGetPayload<{ include: typeof revisionInclude }>, agencyName: string): RevisionContentView {
  return {
    number: revision.number,
    title: revision.title,
    body: revision.body,
    bodyText: revision.bodyText,
    categoryId: revision.categoryId,
    categoryName: revision.category.name,
    issuingSectionId: revision.issuingSectionId,
    externalIssuingBody: revision.externalIssuingBody,
    issuingBody: revision.externalIssuingBody ?? (revision.issuingSection ? `${agencyName}${revision.issuingSection.name}` : agencyName),
    documentNumber: revision.documentNumber,
    writtenAt: dateColumnToIsoDate(revision.writtenAt),
    formedAt: dateColumnToIsoDate(revision.formedAt),
    validity: revision.validity,
    validityDate: dateColumnToIsoDate(revision.validityDate),
    replacedByItemId: revision.replacedByItemId,
    interpretedItemId: revision.interpretedItemId,
    channels: revision.channels,
    keywords: revision.keywords,
    attachments: revision.attachments.map((attachment) => ({
      fileId: attachment.fileId,
      attachmentId: attachment.id,
      name: attachment.file.originalName,
      sizeBytes: attachment.file.sizeBytes,
      mimeType: attachment.file.mimeType,
    })),
    createdBy: revision.createdBy.displayName,
    createdAt: revision.createdAt,
  };
}

export async function findConsoleItem(actor: ActingUser, itemId: number): Promise<ConsoleItemDetail> {
  assertPermitted(actor, "item.read_console");
  const item = await db.item.findFirst({
    where: { id: itemId, section: sectionsInScope(actor) },
    include: {
      section: { include: { agency: true } },
      author: true,
      latestRevision: { include: revisionInclude },
      publishedRevision: true,
      revisions: { include: { createdBy: true }, orderBy: { number: "desc" } },
      screeningFindings: { include: { acknowledgedBy: true, revision: true }, orderBy: { id: "asc" } },
    },
  });
  if (!item) throw new NotFoundError(messages.common.notFound.item);
  const agency = item.section.agency;
  const [calendar, events] = await Promise.all([
    loadWorkingDayCalendar(),
    db.auditEvent.findMany({ where: { entityType: "Item", entityId: String(item.id) }, include: { actor: true }, orderBy: { id: "asc" } }),
  ]);
  const latest = toRevisionView(item.latestRevision!, agency.name);
  const categorySlug = item.latestRevision!.category.slug;
  const rule = itemDisclosureRule(categorySlug);
  const computation = addWorkingDays(calendar, latest.formedAt, rule.workingDays);
  const interpretationMissing =
    policyDocumentCategorySlugs.includes(categorySlug) &&
    (await db.item.count({ where: { withdrawnAt: null, latestRevision: { is: { interpretedItemId: item.id } } } })) === 0;
  return {
    id: item.id,
    indexNumber: item.indexNumber,
    state: item.state,
    version: item.version,
    sectionId: item.sectionId,
    sectionName: item.section.name,
    authorName: item.author.displayName,
    publishAt: item.publishAt,
    publishedAt: item.publishedAt,
    publishedOnTime: item.publishedOnTime,
    withdrawnAt: item.withdrawnAt,
    withdrawalReason: item.withdrawalReason,
    latest,
    publishedRevisionNumber: item.publishedRevision?.number ?? null,
    revisions: item.revisions.map((revision) => ({
      number: revision.number,
      createdBy: revision.createdBy.displayName,
      createdAt: revision.createdAt,
      title: revision.title,
    })),
    history: events.map((event) => ({
      id: String(event.id),
      occurredAt: event.occurredAt,
      actorName: event.actor?.displayName ?? messages.common.systemActor,
      action: event.action,
      fromState: event.fromState,
      toState: event.toState,
      comment: event.comment,
      details: event.details,
    })),
    acknowledgedFindings: item.screeningFindings.map((finding) => ({
      source: finding.source,
      kind: finding.kind,
      match: finding.match,
      context: finding.context,
      note: finding.acknowledgedNote,
      acknowledgedBy: finding.acknowledgedBy?.displayName ?? null,
      revisionNumber: finding.revision.number,
    })),
    deadline: {
      due: computation.due,
      overdue: item.publishedRevisionId === null && todayInBeijing() > computation.due,
      explanation: `${describeDeadline(computation)}${messages.consoleItems.detail.deadlineBasis(
        rule.basis === "enforcementDecision" ? messages.consoleItems.detail.deadlineBasisEnforcement : messages.consoleItems.detail.deadlineBasisArticle26,
      )}`,
    },
    interpretationMissing,
    actions: availableActions(itemReview, actor, item),
    canEdit: canEditReviewedContent(actor, item),
  };
}

export async function findRevisionView(actor: ActingUser, itemId: number, number: number): Promise<RevisionContentView> {
  assertPermitted(actor, "item.read_console");
  const revision = await db.itemRevision.findFirst({
    where: { itemId, number, item: { section: sectionsInScope(actor) } },
    include: { ...revisionInclude, item: { select: { section: { select: { agency: { select: { name: true } } } } } } },
  });
  if (!revision) throw new NotFoundError(messages.common.notFound.revision);
  return toRevisionView(revision, revision.item.section.agency.name);
}
