import { readPositiveInteger } from "@/lib/api/route-params";
import { isIsoDate } from "@/lib/deadlines/iso-date";
import type { ConsoleDecisionFilter } from "@/lib/decisions/console-decisions";
import { isDecisionKind } from "@/lib/decisions/decision-fields";
import type { PublicDecisionQuery } from "@/lib/decisions/public-decisions";
import { ValidationError } from "@/lib/errors";
import { ItemState } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";

type Params = { get(name: string): string | null };

/**
 * The public list's query string: kind, q (name, credit code or 文号), year, from/to (decision
 * dates), page, pageSize. An unknown kind or a malformed date is a 422, not an empty list.
 */
export function readPublicDecisionQuery(params: Params): PublicDecisionQuery {
  const problems: Record<string, string[]> = {};
  const kind = params.get("kind") || undefined;
  if (kind && !isDecisionKind(kind)) problems.kind = [messages.registers.decisions.problems.kindInvalid];
  for (const name of ["from", "to"] as const) {
    const value = params.get(name);
    if (value && !isIsoDate(value))
      problems[name] = [
        messages.registers.decisions.problems.dateInvalid(name === "from" ? messages.registers.common.dateFromLabel : messages.registers.common.dateToLabel),
      ];
  }
  if (Object.keys(problems).length) throw new ValidationError(problems);
  return {
    agencyCode: params.get("agency") || undefined,
    kind: kind as PublicDecisionQuery["kind"],
    q: params.get("q")?.slice(0, 100) || undefined,
    year: readPositiveInteger(params.get("year")),
    from: params.get("from") || undefined,
    to: params.get("to") || undefined,
    page: readPositiveInteger(params.get("page")),
    pageSize: readPositiveInteger(params.get("pageSize")),
  };
}

/** The console list's query string: the public filters plus state, overdue, late and batch. */
export function readConsoleDecisionQuery(params: Params): ConsoleDecisionFilter {
  const state = params.get("state");
  return {
    ...readPublicDecisionQuery(params),
    state: Object.values(ItemState).find((value) => value === state),
    overdue: params.get("overdue") === "1",
    late: params.get("late") === "1",
    batchId: readPositiveInteger(params.get("batch")),
  };
}
