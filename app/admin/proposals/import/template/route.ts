import { contentDispositionFor } from "@/lib/attachments/content-disposition";
import { errorResponse } from "@/lib/api/respond";
import { isPermitted } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import { buildProposalImportTemplate } from "@/lib/proposals/import-proposals";

export const dynamic = "force-dynamic";

export async function GET() {
  const user = await getSessionUser();
  // Refused as every console route refuses: 401 signed out, 403 without the permission, in JSON.
  if (!user) return errorResponse(new UnauthenticatedError());
  if (!isPermitted(user.role, "proposal.manage")) return errorResponse(new ForbiddenError());
  const bytes = await buildProposalImportTemplate();
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": contentDispositionFor("建议提案交办清单模板.xlsx"),
      "Cache-Control": "private, no-store",
    },
  });
}
