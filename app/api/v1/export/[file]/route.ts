import { currentTime } from "@/lib/clock";
import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { exportableLists, renderCsv, renderXlsx } from "@/lib/open-data/exports";
import { openDataPreflight, openDataRoute } from "@/lib/open-data/open-data-route";
import { siteOrigin } from "@/lib/open-data/site-url";

export const dynamic = "force-dynamic";

const TYPES = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
} as const;

/** GET /api/v1/export/{list}.{xlsx|csv}?filters — e.g. /api/v1/export/items.xlsx?category=penalties&year=2017 */
export async function GET(request: Request, context: { params: Promise<{ file: string }> }) {
  const { file } = await context.params;
  return openDataRoute(async () => {
    const match = /^([a-z-]+)\.(xlsx|csv)$/.exec(file);
    const list = match ? exportableLists[match[1]] : undefined;
    if (!match || !list) throw new NotFoundError(messages.common.notFound.exportList);
    const format = match[2] as keyof typeof TYPES;
    const table = await list.read(new URL(request.url).searchParams, siteOrigin(request.headers, request.url));
    const body = format === "xlsx" ? await renderXlsx(table) : await renderCsv(table);
    const filename = `${match[1]}-${currentTime().toISOString().slice(0, 10)}.${format}`;
    return { body, contentType: TYPES[format], headers: { "Content-Disposition": `attachment; filename="${filename}"` } };
  })(request);
}

export const OPTIONS = openDataPreflight;
