import "server-only";
import { publicListScope } from "@/lib/agency/public-agency";
import { currentTime } from "@/lib/clock";
import { beijingDayOf, dateColumnToIsoDate, isoDateToDateColumn, todayInBeijing } from "@/lib/dates";
import { db, type Prisma } from "@/lib/db";
import { isIsoDate } from "@/lib/deadlines/iso-date";
import type { CounterpartyCategory, DecisionKind } from "@/lib/generated/prisma/enums";
import { maskIdentityDocumentNumber } from "@/lib/identifiers";
import { findPublishedItems, type PublicItemSummary } from "@/lib/items/public-items";
import { readThroughPublicCache } from "@/lib/public-content/cached";

/** What the public sees of a decision in a list. Never the ID number. */
export type PublicDecisionSummary = {
  id: number;
  kind: DecisionKind;
  counterpartyName: string;
  counterpartyCategory: CounterpartyCategory;
  creditCode: string | null;
  documentNumber: string;
  decisionDate: string;
  /** 许可内容, 处罚内容 or 强制内容. */
  content: string;
  authorityName: string;
};

/** Every public data item of a decision; the ID number of a natural person only masked. */
export type PublicDecisionDetail = PublicDecisionSummary & {
  legalRepresentative: string | null;
  /** 证件类型 of a natural person. */
  idType: string | null;
  idNumberMasked: string | null;
  licenseCategory: string | null;
  licenseDocumentName: string | null;
  licenseNumber: string | null;
  licenseName: string | null;
  licenseContent: string | null;
  licenseStatus: string | null;
  violationType: string | null;
  violationFacts: string | null;
  penaltyBasis: string | null;
  penaltyCategories: string[];
  penaltyContent: string | null;
  /** 万元, as a decimal string. */
  penaltyAmount: string | null;
  /** 罚款金额, 万元. */
  fineAmount: string | null;
  /** 没收违法所得、没收非法财物的金额, 万元. */
  confiscationAmount: string | null;
  suspendedLicense: string | null;
  coercionCategory: string | null;
  coercionContent: string | null;
  validFrom: string | null;
  validUntil: string | null;
  authorityCreditCode: string;
  dataSourceName: string;
  dataSourceCreditCode: string | null;
  remarks: string | null;
  publishedAt: string;
  publicUntil: string | null;
};

/** `agencyCode`: whose decisions (`agency=`, 集约化); the default agency's without one. */
export type PublicDecisionQuery = {
  agencyCode?: string;
  kind?: DecisionKind;
  q?: string;
  year?: number;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
};

export type PublicDecisionPage = { total: number; page: number; pageSize: number; items: PublicDecisionSummary[] };

/**
 * Published, not withdrawn, still within its publicity period on `today` (an approved 信用修复
 * moved publicUntil forward), and not a simple-procedure penalty (适用简易程序的行政处罚信息不予公示,
 * lib/decisions/publicity-rules.ts `isPublishedOnline`).
 */
export function publiclyVisibleDecision(today: string): Prisma.AdministrativeDecisionWhereInput {
  return {
    state: "published",
    AND: [
      { OR: [{ publicUntil: null }, { publicUntil: { gte: isoDateToDateColumn(today) } }] },
      { OR: [{ penaltyProcedure: null }, { penaltyProcedure: { not: "simple" } }] },
    ],
  };
}

function publicWhere(query: PublicDecisionQuery, today: string): Prisma.AdministrativeDecisionWhereInput {
  const and: Prisma.AdministrativeDecisionWhereInput[] = [publiclyVisibleDecision(today)];
  if (query.kind) and.push({ kind: query.kind });
  const search = query.q?.trim();
  if (search) {
    and.push({
      OR: [
        { counterpartyName: { contains: search, mode: "insensitive" } },
        { creditCode: { contains: search.normalize("NFKC").replace(/\s+/g, "").toUpperCase() } },
        { documentNumber: { contains: search, mode: "insensitive" } },
      ],
    });
  }
  if (query.year) and.push({ decisionDate: { gte: isoDateToDateColumn(`${query.year}-01-01`), lte: isoDateToDateColumn(`${query.year}-12-31`) } });
  if (query.from && isIsoDate(query.from)) and.push({ decisionDate: { gte: isoDateToDateColumn(query.from) } });
  if (query.to && isIsoDate(query.to)) and.push({ decisionDate: { lte: isoDateToDateColumn(query.to) } });
  return { AND: and };
}

/** The decisions of a public list's agency (`publicListScope`): those of its sections. */
function decisionsOf(scope: { agencyId: number; filtered: boolean }): Prisma.AdministrativeDecisionWhereInput {
  return scope.filtered ? { section: { agencyId: scope.agencyId } } : {};
}

type DecisionRow = Prisma.AdministrativeDecisionGetPayload<object>;

function toSummary(decision: DecisionRow): PublicDecisionSummary {
  return {
    id: decision.id,
    kind: decision.kind,
    counterpartyName: decision.counterpartyName,
    counterpartyCategory: decision.counterpartyCategory,
    creditCode: decision.creditCode,
    documentNumber: decision.documentNumber,
    decisionDate: dateColumnToIsoDate(decision.decisionDate),
    content: decision.licenseContent ?? decision.penaltyContent ?? decision.coercionContent ?? "",
    authorityName: decision.authorityName,
  };
}

/** The public 双公示 list: search by name, credit code or 文号; filter by kind and decision date. Paged, at most 100 a page. */
export async function findPublicDecisions(query: PublicDecisionQuery = {}, now = currentTime()): Promise<PublicDecisionPage> {
  const page = Math.max(1, Math.floor(query.page ?? 1));
  const pageSize = Math.min(100, Math.max(1, Math.floor(query.pageSize ?? 20)));
  const today = todayInBeijing(now);
  const scope = await publicListScope(query.agencyCode);
  const args = { ...query, agencyCode: undefined, q: query.q?.trim() || undefined, page, pageSize };
  return readThroughPublicCache("decisions", [args, today, scope.agencyId], async () => {
    const where: Prisma.AdministrativeDecisionWhereInput = {
      AND: [publicWhere(args, today), decisionsOf(scope)],
    };
    const [total, rows] = await Promise.all([
      db.administrativeDecision.count({ where }),
      db.administrativeDecision.findMany({ where, orderBy: [{ decisionDate: "desc" }, { id: "desc" }], skip: (page - 1) * pageSize, take: pageSize }),
    ]);
    return { total, page, pageSize, items: rows.map(toSummary) };
  });
}

/** One public decision, or null when it is not (or no longer) public. */
export async function findPublicDecision(decisionId: number, now = currentTime()): Promise<PublicDecisionDetail | null> {
  if (!Number.isSafeInteger(decisionId) || decisionId <= 0) return null;
  const today = todayInBeijing(now);
  return readThroughPublicCache("decision", [decisionId, today], async () => {
    const decision = await db.administrativeDecision.findFirst({ where: { AND: [{ id: decisionId }, publiclyVisibleDecision(today)] } });
    if (!decision) return null;
    return {
      ...toSummary(decision),
      legalRepresentative: decision.legalRepresentative,
      idType: decision.idType,
      idNumberMasked: decision.idNumber ? maskIdentityDocumentNumber(decision.idNumber) : null,
      licenseCategory: decision.licenseCategory,
      licenseDocumentName: decision.licenseDocumentName,
      licenseNumber: decision.licenseNumber,
      licenseName: decision.licenseName,
      licenseContent: decision.licenseContent,
      licenseStatus: decision.licenseStatus,
      violationType: decision.violationType,
      violationFacts: decision.violationFacts,
      penaltyBasis: decision.penaltyBasis,
      penaltyCategories: decision.penaltyCategories,
      penaltyContent: decision.penaltyContent,
      penaltyAmount: decision.penaltyAmount?.toString() ?? null,
      fineAmount: decision.fineAmount?.toString() ?? null,
      confiscationAmount: decision.confiscationAmount?.toString() ?? null,
      suspendedLicense: decision.suspendedLicense,
      coercionCategory: decision.coercionCategory,
      coercionContent: decision.coercionContent,
      validFrom: dateColumnToIsoDate(decision.validFrom),
      validUntil: dateColumnToIsoDate(decision.validUntil),
      authorityCreditCode: decision.authorityCreditCode,
      dataSourceName: decision.dataSourceName,
      dataSourceCreditCode: decision.dataSourceCreditCode,
      remarks: decision.remarks,
      publishedAt: beijingDayOf(decision.publishedAt!),
      publicUntil: dateColumnToIsoDate(decision.publicUntil),
    };
  });
}

/** Years with public decisions of the agency named by `agencyCode` (the default agency's without one), newest first (for the year filter). */
export async function findPublicDecisionYears(agencyCode?: string, now = currentTime()): Promise<number[]> {
  const today = todayInBeijing(now);
  const scope = await publicListScope(agencyCode);
  return readThroughPublicCache("decision-years", [today, scope.agencyId], async () => {
    const rows = await db.administrativeDecision.findMany({
      where: { AND: [publiclyVisibleDecision(today), decisionsOf(scope)] },
      distinct: ["decisionDate"],
      select: { decisionDate: true },
    });
    return [...new Set(rows.map((row) => row.decisionDate.getUTCFullYear()))].sort((a, b) => b - a);
  });
}

/** The catalogue category where a kind of decision was disclosed as notices (e.g. half-yearly 行政处罚 summaries). */
const noticeCategoryOfKind: Record<DecisionKind, string> = { license: "licensing", penalty: "penalties", coercion: "coercion" };

/**
 * Decisions disclosed as items of the catalogue rather than one record each (the demo office's
 * 2017 penalty cases were published as two half-yearly notices on 黑龙江省法制公开平台): the
 * 双公示 page lists them under the kind's tab, so that a visitor filtering by 行政处罚 finds them.
 */
export async function findDecisionNotices(kind: DecisionKind, year?: number, agencyCode?: string): Promise<PublicItemSummary[]> {
  return (await findPublishedItems({ agencyCode, categorySlug: noticeCategoryOfKind[kind], year, pageSize: 100 }))?.items ?? [];
}
