/**
 * The links of a server-rendered list: sorting and paging are URL search parameters, so a table
 * sorts and pages with plain links — without JavaScript, bookmarkable, and the server renders
 * the requested order. Pure functions: the unit tests and both public and console pages use them.
 */

export type Query = Record<string, string | undefined>;
export type SortDirection = "asc" | "desc";
export type SortState = { key: string; direction: SortDirection };

export const SORT_PARAM = "sort";
export const DIRECTION_PARAM = "dir";
export const PAGE_PARAM = "page";

/** `basePath?query` with `changes` applied; empty values are left out. */
export function hrefWith(basePath: string, query: Query, changes: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...query, ...changes })) {
    if (value !== undefined && value !== "") params.set(name, value);
  }
  const search = params.toString();
  return search ? `${basePath}?${search}` : basePath;
}

/** The sort asked for in the URL, if it names a sortable column; otherwise `fallback`. */
export function readSort(query: Query, sortableKeys: readonly string[], fallback: SortState | null = null): SortState | null {
  const key = query[SORT_PARAM];
  if (!key || !sortableKeys.includes(key)) return fallback;
  return { key, direction: query[DIRECTION_PARAM] === "desc" ? "desc" : "asc" };
}

/**
 * The link of a column header: the sorted column flips its direction, another column starts
 * ascending. A new order starts again at the first page.
 */
export function sortHref(basePath: string, query: Query, key: string, current: SortState | null): string {
  const direction: SortDirection = current?.key === key && current.direction === "asc" ? "desc" : "asc";
  return hrefWith(basePath, query, { [SORT_PARAM]: key, [DIRECTION_PARAM]: direction, [PAGE_PARAM]: undefined });
}

/** The link to page `page`, keeping the filters and the sort. */
export function pageHref(basePath: string, query: Query, page: number): string {
  return hrefWith(basePath, query, { [PAGE_PARAM]: page > 1 ? String(page) : undefined });
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
}

type SortValue = string | number | null | undefined;

const collator = new Intl.Collator("zh-CN", { numeric: true });

/**
 * `rows` in the order of `sort`, by each row's `valueOf`: numbers by size, text in Chinese
 * collation (pinyin), empty values last whichever the direction. Stable: equal rows keep their order.
 */
export function sortRows<Row>(rows: readonly Row[], sort: SortState | null, valueOf: (row: Row, key: string) => SortValue): Row[] {
  if (!sort) return [...rows];
  const sign = sort.direction === "asc" ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: valueOf(row, sort.key) }))
    .sort((a, b) => {
      const aEmpty = a.value === null || a.value === undefined || a.value === "";
      const bEmpty = b.value === null || b.value === undefined || b.value === "";
      if (aEmpty || bEmpty) return aEmpty === bEmpty ? a.index - b.index : aEmpty ? 1 : -1;
      const order = typeof a.value === "number" && typeof b.value === "number" ? a.value - b.value : collator.compare(String(a.value), String(b.value));
      return order === 0 ? a.index - b.index : order * sign;
    })
    .map((entry) => entry.row);
}

/** A short Query from Next's searchParams: repeated parameters keep their first value. */
export function queryOf(searchParams: Record<string, string | string[] | undefined>): Query {
  return Object.fromEntries(Object.entries(searchParams).map(([name, value]) => [name, Array.isArray(value) ? value[0] : value]));
}
