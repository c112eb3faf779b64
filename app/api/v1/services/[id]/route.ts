import { readIdParam } from "@/lib/api/route-params";
import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { respondWithOpenData } from "@/lib/open-data/open-data-route";
import { findPublicService } from "@/lib/services/public-services";

export const dynamic = "force-dynamic";

/** GET /api/v1/services/{id}: a published service guide; its forms download from /services/{id}/forms/{formId}. */
export function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  return respondWithOpenData(request, async () => {
    const service = await findPublicService(await readIdParam(context.params, messages.registers.services.errors.notFound));
    if (!service) throw new NotFoundError(messages.registers.services.errors.notFound);
    return { service: { ...service, forms: service.forms.map((form) => ({ ...form, url: `/services/${service.id}/forms/${form.id}` })) } };
  });
}
