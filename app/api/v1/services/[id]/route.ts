import { readIdParam } from "@/lib/api/route-params";
import { respondWithJson } from "@/lib/api/respond";
import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { findPublicService } from "@/lib/services/public-services";

export const dynamic = "force-dynamic";

/** GET /api/v1/services/{id}: a published service guide; its forms download from /services/{id}/forms/{formId}. */
export function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  return respondWithJson(async () => {
    const service = await findPublicService(await readIdParam(context.params, messages.registers.services.errors.notFound));
    if (!service) throw new NotFoundError(messages.registers.services.errors.notFound);
    return { service: { ...service, forms: service.forms.map((form) => ({ ...form, url: `/services/${service.id}/forms/${form.id}` })) } };
  });
}
