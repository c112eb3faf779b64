import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { buildOpenApiDocument } from "../../lib/openapi/document";
import { operations } from "../../lib/openapi/operations";

const API_ROOT = path.join(process.cwd(), "app", "api", "v1");

function routeFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === "route.ts" ? [full] : [];
  });
}

/** Every `METHOD path` the route files under app/api/v1 export, paths in OpenAPI form. */
function implementedOperations(): string[] {
  return routeFiles(API_ROOT).flatMap((file) => {
    const source = readFileSync(file, "utf8");
    const route = `/api/v1/${path.relative(API_ROOT, path.dirname(file)).split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}");
    const methods = [...source.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(GET|POST|PUT|PATCH|DELETE|OPTIONS)\b/g)].map((match) => match[1]);
    return methods.map((method) => `${method.toLowerCase()} ${route}`);
  });
}

test("the OpenAPI document covers every /api/v1 endpoint, and nothing that does not exist", () => {
  const implemented = new Set(implementedOperations());
  const documented = new Set(operations.map((operation) => `${operation.method} ${operation.path}`));
  assert.ok(implemented.size > 20, "route files found");
  assert.deepEqual([...implemented].filter((entry) => !documented.has(entry)).sort(), [], "endpoints missing from lib/openapi/operations.ts");
  assert.deepEqual([...documented].filter((entry) => !implemented.has(entry)).sort(), [], "documented endpoints without a route");
  assert.equal(documented.size, operations.length, "no operation twice");
});

test("the document is OpenAPI 3 with the search contract spelled out", () => {
  const document = buildOpenApiDocument("https://example.org") as {
    openapi: string;
    paths: Record<string, Record<string, { parameters?: { name: string; required?: boolean }[]; responses: Record<string, unknown> }>>;
    components: { schemas: Record<string, { required?: string[] }> };
  };
  assert.match(document.openapi, /^3\./);
  const search = document.paths["/api/v1/search"].get;
  assert.deepEqual(
    search.parameters?.map((parameter) => parameter.name),
    ["q", "agency", "type", "category", "year", "issuingBody", "validity", "sort", "page", "pageSize"],
  );
  assert.equal(search.parameters?.find((parameter) => parameter.name === "q")?.required, true);
  assert.ok(search.responses["200"] && search.responses["422"] && search.responses["429"] && search.responses["304"]);
  assert.deepEqual(document.components.schemas.SearchResponse.required, ["total", "results"]);
  assert.deepEqual(document.components.schemas.SearchResult.required, ["type", "id", "title", "snippet", "url", "publishedAt", "agencyCode"]);
  // Every $ref points at a defined schema.
  const text = JSON.stringify(document);
  for (const [, name] of text.matchAll(/"#\/components\/schemas\/(\w+)"/g)) assert.ok(document.components.schemas[name], `schema ${name}`);
});

test("every JSON request body is published from the data layer's zod schema, and compiles as JSON Schema", async () => {
  const { Ajv2020 } = await import("ajv/dist/2020.js");
  const addFormats = (await import("ajv-formats")).default;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const document = buildOpenApiDocument() as {
    paths: Record<
      string,
      Record<
        string,
        { requestBody?: { content: Record<string, { schema: { type?: string; properties?: Record<string, unknown>; anyOf?: unknown[]; oneOf?: unknown[] } }> } }
      >
    >;
  };
  const jsonBodies = operations.filter((operation) => operation.body === "json");
  assert.ok(jsonBodies.length >= 40, "every JSON-body endpoint is checked");
  for (const operation of jsonBodies) {
    const schema = document.paths[operation.path][operation.method].requestBody?.content["application/json"]?.schema;
    assert.ok(schema, `${operation.method} ${operation.path} has a JSON body schema`);
    assert.ok(schema.properties || schema.anyOf || schema.oneOf, `${operation.method} ${operation.path}: fields spelled out, not just {type: "object"}`);
    assert.doesNotThrow(() => ajv.compile(schema), `${operation.method} ${operation.path} compiles`);
  }
});
