import { useId, type ReactNode } from "react";
import { Pagination } from "@/components/public/pagination";
import { messages } from "@/lib/i18n";
import { sortHref, sortRows, type Query, type SortState } from "./table-links";

export type Column<Row> = {
  key: string;
  header: string;
  /** The header is for screen readers only (a column of buttons). */
  hideHeader?: boolean;
  cell: (row: Row, index: number) => ReactNode;
  /** Makes the column sortable: the value rows are ordered by (all rows are on the page). */
  sortValue?: (row: Row) => string | number | null | undefined;
  /** Classes of the column's cells (whitespace-nowrap, font-mono…). */
  className?: string;
  /** The cell names its row for screen readers (th scope="row"). */
  rowHeader?: boolean;
};

type Sorting = { basePath: string; query: Query; current: SortState | null };
type Paging = { page: number; pageSize: number; total: number; basePath: string; query: Query };

const frameClass = "overflow-x-auto rounded border border-gray-300 bg-white max-sm:overflow-visible max-sm:border-0 max-sm:bg-transparent";
const headerCellClass = "px-3 py-2 font-semibold";
/*
 * Below 640 px a row is a card: the cells stack, each behind its column's label (data-label,
 * shown by CSS and so never part of the cell's text); the header row is for screen readers only.
 */
const rowClass = "border-t border-gray-200 align-top max-sm:mb-3 max-sm:block max-sm:rounded max-sm:border max-sm:border-gray-300 max-sm:bg-white max-sm:p-2";
const cellClass =
  "px-3 py-2 max-sm:flex max-sm:gap-3 max-sm:px-1 max-sm:py-1 max-sm:before:w-24 max-sm:before:shrink-0 max-sm:before:font-medium max-sm:before:text-gray-700 max-sm:before:content-[attr(data-label)]";

/**
 * A list of records as a table: a caption for screen readers, sortable columns (header buttons
 * that change the URL's sort, aria-sort on the sorted one), an empty text instead of an empty
 * table, row actions in the last column, and paging below. Presentational: the page reads the query and fetches the rows.
 */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  empty,
  rowActions,
  sort,
  paging,
  testId,
  rowTestId,
  framed = true,
}: {
  caption: string;
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  /** Shown instead of the table when there are no rows. */
  empty: ReactNode;
  /** The buttons or links of each row, in a last column. */
  rowActions?: { header?: string; hideHeader?: boolean; cell: (row: Row) => ReactNode };
  sort?: Sorting;
  paging?: Paging;
  testId?: string;
  rowTestId?: string;
  /** A table of its own on the page (border, background); false inside a panel. */
  framed?: boolean;
}) {
  const tableId = useId().replaceAll(":", "");
  const allColumns: Column<Row>[] = rowActions
    ? [...columns, { key: "actions", header: rowActions.header ?? messages.kit.actions, hideHeader: rowActions.hideHeader, cell: rowActions.cell }]
    : columns;
  const sortColumn = sort?.current ? columns.find((column) => column.key === sort.current!.key && column.sortValue) : undefined;
  const ordered = sortColumn ? sortRows(rows, sort!.current, (row) => sortColumn.sortValue!(row)) : rows;
  const pagination = paging ? (
    <Pagination page={paging.page} pageSize={paging.pageSize} total={paging.total} basePath={paging.basePath} query={paging.query} />
  ) : null;
  if (!rows.length) {
    return (
      <>
        <p className={framed ? "rounded border border-gray-300 bg-white p-4 text-gray-700" : "text-sm text-gray-700"}>{empty}</p>
        {pagination}
      </>
    );
  }
  const formId = (key: string) => `sort-${tableId}-${key}`;
  const sortable = sort ? columns.filter((column) => column.sortValue && !column.hideHeader) : [];
  return (
    <>
      {sort ? sortable.map((column) => <SortForm key={column.key} id={formId(column.key)} sort={sort} columnKey={column.key} />) : null}
      <div className={framed ? frameClass : "overflow-x-auto max-sm:overflow-visible"}>
        <table className="w-full text-left text-sm max-sm:block" data-testid={testId}>
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-gray-100 max-sm:sr-only">
            <tr>
              {allColumns.map((column) => (
                <HeaderCell key={column.key} column={column} sort={column.sortValue ? sort : undefined} formId={formId(column.key)} />
              ))}
            </tr>
          </thead>
          <tbody className="max-sm:block">
            {ordered.map((row, index) => (
              <tr key={rowKey(row)} className={rowClass} data-testid={rowTestId}>
                {allColumns.map((column) => {
                  const Cell = column.rowHeader ? "th" : "td";
                  return (
                    <Cell
                      key={column.key}
                      scope={column.rowHeader ? "row" : undefined}
                      data-label={column.hideHeader ? "" : column.header}
                      className={`${cellClass} ${column.className ?? ""}`}
                    >
                      {column.cell(row, index)}
                    </Cell>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pagination}
    </>
  );
}

function HeaderCell<Row>({ column, sort, formId }: { column: Column<Row>; sort?: Sorting; formId: string }) {
  if (column.hideHeader) {
    return (
      <th scope="col" className={headerCellClass}>
        <span className="sr-only">{column.header}</span>
      </th>
    );
  }
  if (!sort)
    return (
      <th scope="col" className={headerCellClass}>
        {column.header}
      </th>
    );
  const direction = sort.current?.key === column.key ? sort.current.direction : null;
  return (
    <th
      scope="col"
      className={`${headerCellClass} whitespace-nowrap`}
      aria-sort={direction === "asc" ? "ascending" : direction === "desc" ? "descending" : undefined}
    >
      <button
        type="submit"
        form={formId}
        className="inline-flex cursor-pointer items-center gap-1 rounded font-semibold text-gray-900 hover:underline focus:outline-none focus:ring-2 focus:ring-blue-700"
      >
        {column.header}
        <span aria-hidden="true" className={direction ? "text-blue-800" : "text-gray-400"}>
          {direction === "asc" ? "▲" : direction === "desc" ? "▼" : "↕"}
        </span>
        {direction ? <span className="sr-only">（{direction === "asc" ? messages.kit.sortedAscending : messages.kit.sortedDescending}）</span> : null}
      </button>
    </th>
  );
}

/**
 * The GET form behind one sortable header's button: the list's query with the column's new sort
 * (sortHref), so sorting works without JavaScript and keeps the filters. The forms sit before the
 * table and the header buttons name them (form="…"): a sortable table must not be inside a form.
 */
function SortForm({ id, sort, columnKey }: { id: string; sort: Sorting; columnKey: string }) {
  const params = new URLSearchParams(sortHref(sort.basePath, sort.query, columnKey, sort.current).split("?")[1] ?? "");
  return (
    <form id={id} action={sort.basePath} method="get" hidden>
      {[...params.entries()].map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </form>
  );
}
