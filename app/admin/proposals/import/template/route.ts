import { contentDispositionFor } from "@/lib/attachments/content-disposition";
import { isPermitted } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { buildProposalImportTemplate } from "@/lib/proposals/import-proposals";

export const dynamic = "force-dynamic";

export async function GET() {
  const user = await getSessionUser();
  if (!user || !isPermitted(user.role, "proposal.manage")) return new Response("Forbidden", { status: 403 });
  const bytes = await buildProposalImportTemplate();
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": contentDispositionFor("建议提案交办清单模板.xlsx"),
      "Cache-Control": "private, no-store",
    },
  });
}
