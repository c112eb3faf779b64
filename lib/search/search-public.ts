import "server-only";
import { z } from "zod";
import { listAgencies, normaliseAgencyCode } from "@/lib/agency/agencies";
import { collectDescendantIds, findCategoryTree, flattenCategoryTree } from "@/lib/catalogue/catalogue-tree";
import { readConfig } from "@/lib/config";
import { readPublicContent } from "@/lib/database/read-routing";
import { beijingDayOf } from "@/lib/dates";
import { ValidationError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { listSectionIssuerLabels } from "@/lib/items/issuing-bodies";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "@/lib/open-data/paging";
import { readThroughPublicCache } from "@/lib/public-content/cached";
import { searchEngine } from "@/lib/search/engine";
import { RESULT_WINDOW } from "@/lib/search/postgres-engine";
import { MAX_QUERY_LENGTH, parseSearchQuery } from "@/lib/search/query";
import { ensureSearchIndexCurrent } from "@/lib/search/search-index";
import { highlight, makeSnippet, segmentsToHtml, type TextSegment } from "@/lib/search/snippet";
import { externalIssuingBodyName, SEARCH_DOCUMENT_TYPES, type SearchDocumentType, type SearchSort } from "@/lib/search/types";

const VALIDITIES = ["in_force", "amended", "repealed", "expired"] as const;
const e = messages.search.errors;

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));
const positiveInteger = (message: string) =>
  z
    .string()
    .optional()
    .transform((value) => (value?.trim() ? value.trim() : undefined))
    .pipe(
      z
        .string()
        .regex(/^\d{1,9}$/, message)
        .transform(Number)
        .pipe(z.number().int().min(1, message))
        .optional(),
    );

/** The public search parameters, as strings from a query string or a form. */
export const publicSearchParamsSchema = z.object({
  q: z
    .string({ error: e.queryRequired })
    // Control characters (NUL, escapes) are in no document: they separate words like a space.
    .transform((value) => value.replace(/[\u0000-\u001F\u007F]/g, " ").trim())
    .pipe(z.string().min(1, e.queryRequired).max(MAX_QUERY_LENGTH, e.queryTooLong(MAX_QUERY_LENGTH))),
  type: optionalText.pipe(z.enum(SEARCH_DOCUMENT_TYPES, { error: e.type }).optional()),
  /** An agency's code (集约化): its records only; the whole platform when absent. */
  agency: optionalText.pipe(z.string().max(40, e.agency).optional()),
  category: optionalText.pipe(
    z
      .string()
      .max(100, e.category)
      .regex(/^[a-z0-9-]+$/, e.category)
      .optional(),
  ),
  year: positiveInteger(e.year).pipe(z.number().min(1949, e.year).max(2200, e.year).optional()),
  issuingBody: optionalText.pipe(
    z
      .string()
      .regex(/^(agency|\d{1,9})$/, e.issuingBody)
      .optional(),
  ),
  validity: optionalText.pipe(z.enum(VALIDITIES, { error: e.validity }).optional()),
  sort: optionalText.pipe(z.enum(["relevance", "date"], { error: e.sort }).optional()),
  page: positiveInteger(e.page),
  pageSize: positiveInteger(e.pageSize(MAX_PAGE_SIZE)).pipe(z.number().max(MAX_PAGE_SIZE, e.pageSize(MAX_PAGE_SIZE)).optional()),
});

export type PublicSearchParams = z.input<typeof publicSearchParamsSchema>;

export type PublicSearchResult = {
  type: SearchDocumentType;
  id: number;
  title: string;
  titleSegments: TextSegment[];
  snippetSegments: TextSegment[];
  url: string;
  /** Beijing calendar day, YYYY-MM-DD. */
  publishedAt: string;
  /** The agency of the record (集约化); null only for an agency removed since the index was written. */
  agencyCode: string | null;
  category: { slug: string; name: string } | null;
  issuingBody: string | null;
  validity: string | null;
};

export type PublicSearchPage = {
  query: string;
  total: number;
  totalIsEstimate: boolean;
  page: number;
  pageSize: number;
  /** Ranks beyond this are not served. */
  resultWindow: number;
  results: PublicSearchResult[];
};

/** What the open-data API returns: `{total, results: [{type, id, title, snippet, url, publishedAt}]}`. */
export type ApiSearchResponse = {
  total: number;
  results: { type: SearchDocumentType; id: number; title: string; snippet: string; url: string; publishedAt: string; agencyCode: string | null }[];
};

type Labels = {
  categoryNodes: ReturnType<typeof flattenCategoryTree>;
  categories: Map<number, { slug: string; name: string }>;
  bodyLabels: Map<string, string>;
  agencies: Map<number, { code: string; name: string }>;
  agencyByCode: Map<string, number>;
};
const globalForLabels = globalThis as unknown as { gongkaiSearchLabels?: { version: string; labels: Promise<Labels> } };

/** Category and issuing-body names, read once per public content version (not once per search). */
function labelsFor(version: string): Promise<Labels> {
  const cached = globalForLabels.gongkaiSearchLabels;
  if (cached && cached.version === version) return cached.labels;
  const labels = (async () => {
    const [tree, sectionLabels, agencies] = await Promise.all([findCategoryTree("all"), listSectionIssuerLabels(), listAgencies()]);
    const categoryNodes = flattenCategoryTree(tree);
    return {
      categoryNodes,
      categories: new Map(categoryNodes.map((node) => [node.id, { slug: node.slug, name: node.name }])),
      bodyLabels: sectionLabels,
      agencies: new Map(agencies.map((agency) => [agency.id, { code: agency.code, name: agency.name }])),
      agencyByCode: new Map(agencies.map((agency) => [agency.code, agency.id])),
    };
  })();
  labels.catch(() => {
    if (globalForLabels.gongkaiSearchLabels?.labels === labels) globalForLabels.gongkaiSearchLabels = undefined;
  });
  globalForLabels.gongkaiSearchLabels = { version, labels };
  return labels;
}

function readFields(input: Record<string, unknown>): Record<string, string | undefined> {
  const fields: Record<string, string | undefined> = {};
  for (const key of Object.keys(publicSearchParamsSchema.shape)) {
    const value = input[key];
    fields[key] =
      typeof value === "string"
        ? value
        : Array.isArray(value) && typeof value[0] === "string"
          ? value[0]
          : value === undefined || value === null
            ? undefined
            : String(value);
  }
  return fields;
}

/**
 * Searches everything the public can see (items, and the registers whose sources are registered):
 * validates the parameters (ValidationError → 422), reconciles the index if public content
 * changed, and serves repeated searches from the public cache until content changes again.
 */
export async function searchPublicContent(input: Record<string, unknown>): Promise<PublicSearchPage> {
  const parsed = publicSearchParamsSchema.safeParse(readFields(input));
  if (!parsed.success) {
    const fields: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fields[String(issue.path[0] ?? "_")] ??= []).push(issue.message);
    throw new ValidationError(fields);
  }
  const params = parsed.data;
  const query = parseSearchQuery(params.q);
  if (!query.phrases.length) throw new ValidationError({ q: [e.queryHasNoWords] });

  const version = await ensureSearchIndexCurrent();
  const labels = await labelsFor(version);
  let categoryIds: number[] | undefined;
  if (params.category) {
    const node = labels.categoryNodes.find((candidate) => candidate.slug === params.category);
    if (!node) throw new ValidationError({ category: [e.category] });
    categoryIds = collectDescendantIds(node);
  }
  let agencyId: number | undefined;
  if (params.agency) {
    agencyId = labels.agencyByCode.get(normaliseAgencyCode(params.agency));
    if (agencyId === undefined) throw new ValidationError({ agency: [e.agency] });
  }
  const request = {
    query,
    agencyId,
    types: params.type ? [params.type] : undefined,
    categoryIds,
    year: params.year,
    issuingBody: params.issuingBody,
    validity: params.validity,
    sort: (params.sort ?? "relevance") as SearchSort,
    page: params.page ?? 1,
    pageSize: params.pageSize ?? DEFAULT_PAGE_SIZE,
  };

  const run = async (): Promise<PublicSearchPage> => {
    const result = await searchEngine.search(request);
    const { categories, bodyLabels, agencies } = labels;
    const phrases = query.phrases.map((phrase) => phrase.text);
    return {
      query: params.q,
      total: result.total,
      totalIsEstimate: result.totalIsEstimate,
      page: request.page,
      pageSize: request.pageSize,
      resultWindow: RESULT_WINDOW,
      results: result.hits.map((hit) => ({
        type: hit.type,
        id: hit.sourceId,
        title: hit.title,
        titleSegments: highlight(hit.title, phrases),
        snippetSegments: makeSnippet(hit.content, phrases),
        url: hit.url,
        publishedAt: beijingDayOf(hit.publishedAt),
        agencyCode: agencies.get(hit.agencyId)?.code ?? null,
        category: hit.categoryId === null ? null : (categories.get(hit.categoryId) ?? null),
        issuingBody: !hit.issuingBody
          ? null
          : hit.issuingBody === "agency"
            ? (agencies.get(hit.agencyId)?.name ?? null)
            : (externalIssuingBodyName(hit.issuingBody) ?? bodyLabels.get(hit.issuingBody) ?? null),
        validity: hit.validity,
      })),
    };
  };
  // SEARCH_CACHE=off: every search runs against the index (used by `npm run bench` to measure it).
  if (readConfig().SEARCH_CACHE === "off") return readPublicContent(run);
  const { query: _parsed, ...cacheKey } = request;
  return readThroughPublicCache("search", [params.q, query.phrases.map((phrase) => [phrase.text, phrase.quoted]), cacheKey], run);
}

/** The open-data form of a search page. */
export function toApiSearchResponse(page: PublicSearchPage): ApiSearchResponse {
  return {
    total: page.total,
    results: page.results.map((result) => ({
      type: result.type,
      id: result.id,
      title: result.title,
      snippet: segmentsToHtml(result.snippetSegments),
      url: result.url,
      publishedAt: result.publishedAt,
      agencyCode: result.agencyCode,
    })),
  };
}
