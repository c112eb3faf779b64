import { readPositiveInteger } from "@/lib/api/route-params";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { respondWithOpenData } from "@/lib/open-data/open-data-route";
import { isPowerStatus, isPowerType } from "@/lib/powers/power-entry";
import { findPublicPowerList } from "@/lib/powers/public-powers";

export const dynamic = "force-dynamic";

/** GET /api/v1/powers?year=&type=&status=&q=&page=&pageSize=: the current list, or a year's published list. */
export function GET(request: Request) {
  return respondWithOpenData(request, async () => {
    const query = new URL(request.url).searchParams;
    const type = query.get("type") || undefined;
    const status = query.get("status") || undefined;
    const problems: Record<string, string[]> = {};
    if (type && !isPowerType(type)) problems.type = [messages.registers.common.unknownPowerType];
    if (status && !isPowerStatus(status)) problems.status = [messages.registers.common.unknownPowerStatus];
    const yearText = query.get("year");
    const year = readPositiveInteger(yearText);
    if (yearText && !year) problems.year = [messages.registers.common.yearInvalid];
    if (Object.keys(problems).length) throw new ValidationError(problems);
    const list = await findPublicPowerList({
      agencyCode: query.get("agency") || undefined,
      year,
      type: type as never,
      status: status as never,
      q: query.get("q")?.slice(0, 100) || undefined,
      page: readPositiveInteger(query.get("page")),
      pageSize: readPositiveInteger(query.get("pageSize")),
    });
    if (!list) throw new NotFoundError(messages.registers.powers.yearNotFound);
    return list;
  });
}
