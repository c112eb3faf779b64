import { z } from "zod";
import { messages } from "@/lib/i18n";
import { operations, type Operation } from "@/lib/openapi/operations";
import { requestBodySchemas, toOpenApiSchema } from "@/lib/openapi/request-bodies";
import { componentRegistry } from "@/lib/openapi/response-schemas";
import { SEARCH_DOCUMENT_TYPES } from "@/lib/search/types";

/**
 * The OpenAPI 3.1 document of /api/v1, built from the operations table (lib/openapi/operations.ts).
 * Open-data endpoints are described in detail; console endpoints name their method, path, access
 * and body kind, and share the error format of every endpoint.
 */

type Json = Record<string, unknown>;

const text = messages.openapi;
const parameterText = text.parameters;

const QUERY_PARAMETERS: Record<string, Json> = {
  q: { description: parameterText.q, schema: { type: "string", maxLength: 100 } },
  type: { description: parameterText.type, schema: { type: "string" } },
  category: { description: parameterText.category, schema: { type: "string", example: "penalties" } },
  agency: { description: parameterText.agency, schema: { type: "string", example: "SFHCGJ" } },
  agencies: { description: parameterText.agencies, schema: { type: "string", example: "SFHCGJ,SFHJYJ" } },
  year: { description: parameterText.year, schema: { type: "integer", example: 2017 } },
  issuingBody: { description: parameterText.issuingBody, schema: { type: "string", example: "agency" } },
  validity: { description: parameterText.validity, schema: { type: "string", enum: ["in_force", "amended", "repealed", "expired"] } },
  sort: { description: parameterText.sort, schema: { type: "string", enum: ["relevance", "date"], default: "relevance" } },
  page: { description: parameterText.page, schema: { type: "integer", minimum: 1, default: 1 } },
  pageSize: { description: parameterText.pageSize, schema: { type: "integer", minimum: 1, maximum: 100, default: 20 } },
  status: { description: parameterText.status, schema: { type: "string" } },
  kind: { description: parameterText.kind, schema: { type: "string" } },
  from: { description: parameterText.from, schema: { type: "string", format: "date" } },
  to: { description: parameterText.to, schema: { type: "string", format: "date" } },
  code: { description: parameterText.code, schema: { type: "string" } },
  format: { description: parameterText.format, schema: { type: "string", enum: ["xlsx", "csv"], default: "xlsx" } },
  quarter: { description: parameterText.quarter, schema: { type: "integer", minimum: 1, maximum: 4 } },
  month: { description: parameterText.month, schema: { type: "integer", minimum: 1, maximum: 12 } },
};

const SEARCH_TYPE_PARAMETER = { description: parameterText.type, schema: { type: "string", enum: [...SEARCH_DOCUMENT_TYPES] } };

/** The power list's changes compare two published yearly lists: from and to are years, not dates. */
const COMPARED_YEAR_PARAMETERS: Record<"from" | "to", Json> = {
  from: { description: parameterText.comparedFrom, schema: { type: "integer", example: 2016 } },
  to: { description: parameterText.comparedTo, schema: { type: "integer", example: 2017 } },
};

const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });

/** The component schemas: the zod schemas of lib/openapi/response-schemas.ts, as JSON Schema. */
function componentSchemas(): Record<string, Json> {
  const { schemas } = z.toJSONSchema(componentRegistry, {
    target: "draft-2020-12",
    io: "output",
    unrepresentable: "any",
    uri: (id) => `#/components/schemas/${id}`,
  });
  return Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _dialect, $id: _id, ...schema }]) => [id, schema as Json]));
}

function pathParameters(path: string): Json[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: "path",
    required: true,
    schema: name === "file" || name === "number" ? { type: "string" } : { type: "integer", minimum: 1 },
  }));
}

/** The JSON body an endpoint accepts: its data-layer zod schema, as JSON Schema (lib/openapi/request-bodies.ts). */
function jsonBodySchema(operation: Operation): Json {
  const schema = requestBodySchemas[`${operation.method} ${operation.path}`];
  if (!schema) throw new Error(`No request body schema for ${operation.method.toUpperCase()} ${operation.path} (lib/openapi/request-bodies.ts)`);
  return toOpenApiSchema(schema);
}

/** What an endpoint answers with: a component schema of lib/openapi/response-schemas.ts; an endpoint without one is refused. */
function responseSchema(operation: Operation): Json {
  if (!operation.response)
    throw new Error(`No response schema for ${operation.method.toUpperCase()} ${operation.path} (lib/openapi/operations.ts, lib/openapi/response-schemas.ts)`);
  return { $ref: `#/components/schemas/${operation.response}` };
}

/** Every admin endpoint takes `agency=`: a platform role acts within that agency (lib/agency/narrow-to-agency.ts). */
const ADMIN_AGENCY_PARAMETER = { name: "agency", in: "query", required: false, description: parameterText.adminAgency, schema: { type: "string" } };

function describeOperation(operation: Operation): Json {
  const parameters = [
    ...pathParameters(operation.path),
    ...(operation.path.startsWith("/api/v1/admin/") && !operation.query?.includes("agency") ? [ADMIN_AGENCY_PARAMETER] : []),
    ...(operation.query ?? []).map((name) => ({
      name,
      in: "query",
      required: operation.path === "/api/v1/search" && name === "q",
      ...(operation.path === "/api/v1/search" && name === "type"
        ? SEARCH_TYPE_PARAMETER
        : operation.path === "/api/v1/powers/changes" && (name === "from" || name === "to")
          ? COMPARED_YEAR_PARAMETERS[name]
          : (QUERY_PARAMETERS[name] ?? { schema: { type: "string" } })),
    })),
  ];
  const success: Json =
    operation.method === "options"
      ? { "204": { description: text.responses.preflight } }
      : {
          [operation.creates ? "201" : "200"]: operation.download
            ? { description: text.responses.file, content: { [operation.download]: { schema: { type: "string", format: "binary" } } } }
            : {
                description: text.responses.success,
                ...(operation.access === "public"
                  ? { headers: { ETag: { schema: { type: "string" } }, "Cache-Control": { schema: { type: "string" } } } }
                  : {}),
                content: { "application/json": { schema: responseSchema(operation) } },
              },
        };
  const responses: Json = { ...success };
  if (operation.method !== "options") {
    if (operation.access === "public" && operation.method === "get") responses["304"] = { description: text.responses.notModified };
    if (operation.access !== "public") {
      responses["401"] = errorResponse(text.responses.unauthenticated);
      responses["403"] = errorResponse(operation.method === "get" ? text.responses.forbiddenRead : text.responses.forbiddenWrite);
    }
    if (operation.path.includes("{")) responses["404"] = errorResponse(text.responses.notFound);
    if (operation.badQuery) responses["400"] = errorResponse(text.responses.badQuery);
    if (operation.imports) {
      responses["422"] = {
        description: text.responses.importRejected,
        content: { "application/json": { schema: { oneOf: [{ $ref: "#/components/schemas/ImportRejected" }, { $ref: "#/components/schemas/Error" }] } } },
      };
    } else if (operation.body || (operation.query?.length && !operation.badQuery) || operation.path.includes("{"))
      responses["422"] = errorResponse(text.responses.invalid);
    if (operation.body && operation.access !== "public") responses["409"] = errorResponse(text.responses.conflict);
    responses["429"] = {
      ...errorResponse(text.responses.rateLimited),
      headers: { "Retry-After": { description: text.responses.retryAfter, schema: { type: "integer" } } },
    };
  }
  return {
    tags: [operation.tag],
    summary: operation.summary,
    operationId: `${operation.method}${operation.path
      .replace(/^\/api\/v1/, "")
      .replace(/[{}]/g, "")
      .split(/[/.-]/)
      .filter(Boolean)
      .map((part) => part[0].toUpperCase() + part.slice(1))
      .join("")}`,
    ...(parameters.length ? { parameters } : {}),
    ...(operation.body
      ? {
          requestBody: {
            required: true,
            content:
              operation.body === "json"
                ? { "application/json": { schema: jsonBodySchema(operation) } }
                : { "multipart/form-data": { schema: { type: "object", properties: { file: { type: "string", format: "binary" } } } } },
          },
        }
      : {}),
    ...(operation.access === "public" ? { security: [] } : {}),
    ...(operation.access === "staff" || operation.access === "admin"
      ? { "x-roles": operation.access === "admin" ? ["admin"] : ["staff", "section_head", "leader", "admin"] }
      : operation.access === "platform"
        ? { "x-roles": ["platform_admin", "supervisor"] }
        : {}),
    responses,
  };
}

export function buildOpenApiDocument(origin?: string): Json {
  const paths: Record<string, Json> = {};
  for (const operation of operations) (paths[operation.path] ??= {})[operation.method] = describeOperation(operation);
  return {
    openapi: "3.1.0",
    info: {
      title: text.info.title,
      version: "1",
      description: text.info.description.join("\n\n"),
    },
    ...(origin ? { servers: [{ url: origin }] } : {}),
    tags: Object.entries(text.tags).map(([name, description]) => ({ name, description })),
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", description: text.securitySchemes.bearerToken },
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "authjs.session-token",
          description: text.securitySchemes.sessionCookie,
        },
      },
    },
    security: [{ bearerToken: [] }, { sessionCookie: [] }],
    paths,
  };
}
