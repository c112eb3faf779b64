import { openDataPreflight, openDataRoute } from "@/lib/open-data/open-data-route";
import { siteOrigin } from "@/lib/open-data/site-url";
import { buildOpenApiDocument } from "@/lib/openapi/document";

export const dynamic = "force-dynamic";

/** GET /api/v1/openapi.json: the OpenAPI 3 document of every /api/v1 endpoint. */
export const GET = openDataRoute(async (request) => ({ json: buildOpenApiDocument(siteOrigin(request.headers, request.url)) }));

export const OPTIONS = openDataPreflight;
