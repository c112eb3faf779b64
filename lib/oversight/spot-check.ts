import "server-only";
import { listApplications } from "@/lib/applications/console-applications";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-calendar";
import { registerLinks } from "@/lib/catalogue/register-links";
import { currentTime } from "@/lib/clock";
import { beijingDayOf, todayInBeijing } from "@/lib/dates";
import { db } from "@/lib/db";
import { addWorkingDays } from "@/lib/deadlines/working-days";
import { formatDateTime } from "@/lib/format";
import { messages } from "@/lib/i18n";
import { findBrokenLinks } from "@/lib/oversight/internal-links";
import { loadMessageReplyWorkingDays } from "@/lib/oversight/oversight-settings";
import {
  annualReportStatus,
  columnFreshness,
  effectiveStaleAfterDays,
  messageResponse,
  worstStatus,
  type SpotCheckStatus,
} from "@/lib/oversight/spot-check-rules";
import { listPublishedReports } from "@/lib/reports/manage-reports";

const m = messages.oversight;

export const spotCheckKeys = [
  "stale_columns",
  "empty_columns",
  "broken_links",
  "wording_errors",
  "unanswered_messages",
  "overdue_applications",
  "annual_report",
] as const;
export type SpotCheckKey = (typeof spotCheckKeys)[number];

/** A record to fix: what, where to fix it, why. */
export type SpotCheckRecord = { label: string; url: string; detail: string; status: SpotCheckStatus };

export type SpotCheckIndicator = {
  key: SpotCheckKey;
  status: SpotCheckStatus;
  /** Records that are not `pass`. */
  count: number;
  /** The indicator on the readiness page. */
  url: string;
  records: SpotCheckRecord[];
};

export type SpotCheckResult = { checkedAt: Date; indicators: SpotCheckIndicator[] };

function indicator(
  key: SpotCheckKey,
  records: SpotCheckRecord[],
  status: SpotCheckStatus = worstStatus(records.map((record) => record.status)),
): SpotCheckIndicator {
  return { key, status, count: records.filter((record) => record.status !== "pass").length, url: `/admin/spot-check#${key}`, records };
}

type PublishedColumn = { categoryId: number; latest: Date; published: bigint };

/** Per column: its published items (not withdrawn) and the newest publication. */
async function publishedByColumn(): Promise<Map<number, { latest: Date; published: number }>> {
  const rows = await db.$queryRaw<PublishedColumn[]>`
    SELECT r."categoryId", max(i."publishedAt") AS latest, count(*) AS published
    FROM "Item" i JOIN "ItemRevision" r ON r.id = i."publishedRevisionId"
    WHERE i."withdrawnAt" IS NULL AND i."publishedAt" IS NOT NULL
    GROUP BY r."categoryId"`;
  return new Map(rows.map((row) => [row.categoryId, { latest: row.latest, published: Number(row.published) }]));
}

/** What the registers behind the register-linked columns show the public. */
async function registerEntryCounts(): Promise<Record<string, number>> {
  const [[counts], reports] = await Promise.all([
    db.$queryRaw<Record<string, bigint>[]>`
      SELECT
        (SELECT count(*) FROM "Power" WHERE "publishedContent" IS NOT NULL AND "withdrawnAt" IS NULL) AS "power-list",
        (SELECT count(*) FROM "Service" WHERE "publishedContent" IS NOT NULL AND "withdrawnAt" IS NULL) AS "public-services",
        (SELECT count(*) FROM "AdministrativeDecision" WHERE state = 'published' AND kind = 'license') AS "licensing",
        (SELECT count(*) FROM "AdministrativeDecision" WHERE state = 'published' AND kind = 'penalty') AS "penalties",
        (SELECT count(*) FROM "AdministrativeDecision" WHERE state = 'published' AND kind = 'coercion') AS "coercion",
        (SELECT count(*) FROM "Inspection" WHERE state = 'published') AS "random-inspections",
        (SELECT count(*) FROM "ProposalReply" WHERE state = 'published' AND "withdrawnAt" IS NULL AND disclosure <> 'none') AS "proposals"`,
    listPublishedReports(),
  ]);
  return { ...Object.fromEntries(Object.entries(counts).map(([slug, count]) => [slug, Number(count)])), "annual-reports": reports.length };
}

async function columnIndicators(today: string): Promise<[SpotCheckIndicator, SpotCheckIndicator]> {
  const [categories, published, registers] = await Promise.all([
    db.category.findMany({ orderBy: [{ sortOrder: "asc" }, { id: "asc" }] }),
    publishedByColumn(),
    registerEntryCounts(),
  ]);
  const parents = new Set(categories.map((category) => category.parentId));
  const stale: SpotCheckRecord[] = [];
  const empty: SpotCheckRecord[] = [];
  for (const category of categories.filter((candidate) => !parents.has(candidate.id))) {
    const url = `/catalogue/${category.slug}`;
    const column = published.get(category.id);
    const limit = category.kind === "list" ? effectiveStaleAfterDays(category) : null;
    if (limit !== null) {
      const latest = column ? beijingDayOf(column.latest) : null;
      const status = columnFreshness(latest, limit, today);
      if (status !== "pass")
        stale.push({ label: category.name, url, status, detail: latest ? m.details.lastPublished(latest, limit) : m.details.neverPublished });
    }
    const shown = (column?.published ?? 0) + (category.slug in registerLinks ? (registers[category.slug] ?? 0) : 0);
    if (shown === 0) empty.push({ label: category.name, url, status: "fail", detail: m.details.emptyColumn });
  }
  return [indicator("stale_columns", stale), indicator("empty_columns", empty)];
}

type WordingHit = { itemId: number; title: string; wrong: string; correct: string };

async function wordingIndicator(): Promise<SpotCheckIndicator> {
  const hits = await db.$queryRaw<WordingHit[]>`
    SELECT i.id AS "itemId", r.title, w.wrong, w.correct
    FROM "Item" i
    JOIN "ItemRevision" r ON r.id = i."publishedRevisionId"
    JOIN "WordingRule" w ON strpos(r.title, w.wrong) > 0 OR strpos(r."bodyText", w.wrong) > 0
    WHERE i."withdrawnAt" IS NULL
    ORDER BY i.id, w.wrong
    LIMIT 1000`;
  return indicator(
    "wording_errors",
    hits.map((hit) => ({ label: hit.title, url: `/admin/items/${hit.itemId}`, status: "fail" as const, detail: m.details.wording(hit.wrong, hit.correct) })),
  );
}

async function messagesIndicator(today: string): Promise<SpotCheckIndicator> {
  const [calendar, promise, waiting] = await Promise.all([
    loadWorkingDayCalendar(),
    loadMessageReplyWorkingDays(),
    db.feedback.findMany({
      where: { status: { in: ["received", "moderation", "reply_review"] } },
      select: { id: true, topic: true, submittedAt: true },
      orderBy: { submittedAt: "asc" },
    }),
  ]);
  const records = waiting.map((message) => {
    const submittedOn = beijingDayOf(message.submittedAt);
    const status = messageResponse(submittedOn, addWorkingDays(calendar, submittedOn, promise).due, today);
    return { label: message.topic, url: `/admin/feedback/${message.id}`, status, detail: m.details.waitingSince(submittedOn) };
  });
  return indicator(
    "unanswered_messages",
    records.filter((record) => record.status !== "pass"),
  );
}

async function applicationsIndicator(actor: ActingUser): Promise<SpotCheckIndicator> {
  const { items } = await listApplications(actor, { view: "overdue" });
  return indicator(
    "overdue_applications",
    items.map((application) => ({
      label: application.number,
      url: `/admin/applications/${application.id}`,
      status: "fail" as const,
      detail: m.details.overdueSince(application.dueOn ?? ""),
    })),
  );
}

async function reportIndicator(today: string): Promise<SpotCheckIndicator> {
  const years = new Set((await listPublishedReports()).map((report) => report.year));
  const { year, status } = annualReportStatus(years, today);
  const record = { label: m.details[status === "pass" ? "reportPublished" : "reportMissing"](year), url: `/admin/reports/${year}`, status, detail: "" };
  return indicator("annual_report", status === "pass" ? [] : [record], status);
}

async function linksIndicator(): Promise<SpotCheckIndicator> {
  const broken = await findBrokenLinks();
  return indicator(
    "broken_links",
    broken.map((link) => ({ label: link.title, url: `/admin/items/${link.itemId}`, status: "fail" as const, detail: link.detail })),
  );
}

/**
 * The public site against the spot-check indicators, now. Reads only: computed on every request to
 * the page or the API (a few aggregate queries; the link check reads the published bodies).
 */
export async function runSpotCheck(actor: ActingUser): Promise<SpotCheckResult> {
  assertPermitted(actor, "spot_check.read");
  const checkedAt = currentTime();
  const today = todayInBeijing(checkedAt);
  const [[stale, empty], links, wording, unanswered, overdue, report] = await Promise.all([
    columnIndicators(today),
    linksIndicator(),
    wordingIndicator(),
    messagesIndicator(today),
    applicationsIndicator(actor),
    reportIndicator(today),
  ]);
  return { checkedAt, indicators: [stale, empty, links, wording, unanswered, overdue, report] };
}

export function describeCheckedAt(result: SpotCheckResult): string {
  return m.checkedAt(formatDateTime(result.checkedAt));
}
