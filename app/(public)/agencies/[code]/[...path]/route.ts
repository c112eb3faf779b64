import { NextResponse } from "next/server";
import { findAgencyByCode } from "@/lib/agency/agencies";
import { errorResponse } from "@/lib/api/respond";
import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";

export const dynamic = "force-dynamic";

/** The pages of the site that serve any agency with `?agency=CODE` (集约化). */
const agencyPages = new Set(["catalogue", "reports", "apply", "powers", "services", "decisions", "inspections", "proposals"]);

/**
 * `/agencies/{code}/…`: an agency's column addresses — `/agencies/SFHJYJ/catalogue/statutory`,
 * `/agencies/SFHJYJ/reports/annual`, `/agencies/SFHJYJ/apply`, `/agencies/SFHJYJ/decisions` and the
 * other registers (powers, services, inspections, proposals) — lead to the same page with that
 * agency chosen (`/catalogue/statutory?agency=SFHJYJ`; the default agency's without a query, its
 * addresses from before the platform). An unknown agency or page is 404.
 */
export async function GET(request: Request, context: { params: Promise<{ code: string; path: string[] }> }): Promise<Response> {
  const params = await context.params;
  const path = Array.isArray(params.path) ? params.path.map(String) : [String(params.path ?? "")];
  const agency = await findAgencyByCode(String(params.code ?? ""));
  if (!agency || !agencyPages.has(path[0] ?? "") || path.some((segment) => !/^[\w-]+$/.test(segment)))
    return errorResponse(new NotFoundError(messages.common.notFound.agency));
  const target = new URL(`/${path.join("/")}`, request.url);
  new URL(request.url).searchParams.forEach((value, name) => {
    if (name !== "agency") target.searchParams.append(name, value);
  });
  if (!agency.isDefault) target.searchParams.set("agency", agency.code);
  return NextResponse.redirect(target, 308);
}
