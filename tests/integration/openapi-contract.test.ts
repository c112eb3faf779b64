/**
 * The published OpenAPI document against the real API: every JSON endpoint that reads is called
 * (route handlers, the real test database with the demo content) and its answer is validated with
 * ajv against the document's response schema; sample bodies the API accepts are validated against
 * the request schemas the document publishes (generated from the data layer's zod schemas).
 */
import "../support/use-token-only-session";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { ActingUser } from "@/lib/auth/acting-user";
import { createApiToken } from "@/lib/auth/api-tokens";
import { db } from "@/lib/db";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { operations, type Operation } from "@/lib/openapi/operations";
import { seedDemoData } from "@/prisma/seed/seed-demo";
import { insertUser } from "../support/fixtures";
import { useMigratedTestDatabase, type TestDatabase } from "../support/test-database";
import { setEnvironment } from "../support/environment";

type Json = Record<string, unknown>;

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
const document = buildOpenApiDocument() as { paths: Record<string, Record<string, Json>>; components: Json };
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ ...document, $id: "https://gongkai.test/openapi.json" });

const pointer = (...parts: string[]) => parts.map((part) => part.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");
function validatorFor(...parts: string[]): ValidateFunction {
  return ajv.compile({ $ref: `https://gongkai.test/openapi.json#/${pointer(...parts)}` });
}
function assertValid(validate: ValidateFunction, value: unknown, label: string): void {
  const valid = validate(value);
  assert.ok(valid, `${label}: ${ajv.errorsText(validate.errors, { separator: "\n" })}\n${JSON.stringify(value).slice(0, 600)}`);
}

let database: TestDatabase;
let admin: ActingUser;
let token: string;
const ids: Record<string, string> = {};

async function handlerOf(path: string, method: string): Promise<Handler> {
  const folder = path.replace(/^\/api\/v1\//, "").replace(/\{(\w+)\}/g, "[$1]");
  const module = (await import(`@/app/api/v1/${folder}/route`)) as Record<string, Handler>;
  const handler = module[method.toUpperCase()];
  assert.ok(handler, `${method.toUpperCase()} ${path} is exported`);
  return handler;
}

async function call(operation: Pick<Operation, "method" | "path">, params: Record<string, string>, init: { query?: string; body?: unknown } = {}) {
  const concrete = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name]);
  const request = new Request(`http://gongkai.test${concrete}${init.query ?? ""}`, {
    method: operation.method.toUpperCase(),
    headers: { authorization: `Bearer ${token}`, ...(init.body === undefined ? {} : { "content-type": "application/json" }) },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const response = await (await handlerOf(operation.path, operation.method))(request, { params: Promise.resolve(params) });
  return { status: response.status, body: response.status === 204 ? null : await response.json() };
}

before(async () => {
  database = await useMigratedTestDatabase();
  setEnvironment({ OPEN_DATA_RATE_LIMIT: "100000" });
  await seedDemoData(() => {});
  admin = await insertUser("admin");
  token = (await createApiToken(admin, { name: "contract", scope: "read_write", lifetimeDays: 30 })).token;
});
after(async () => {
  setEnvironment({ OPEN_DATA_RATE_LIMIT: undefined });
  await database.drop();
});

/** A real record for each path parameter: published ones where the public reads. */
async function parametersFor(path: string): Promise<Record<string, string> | null> {
  const first = async (find: () => Promise<{ id: number } | null>) => String((await find())?.id ?? "");
  const table: Record<string, () => Promise<string>> = {
    "/api/v1/items/{id}": () => first(() => db.item.findFirst({ where: { state: "published" }, orderBy: { id: "asc" } })),
    "/api/v1/powers/{id}": () => first(() => db.power.findFirst({ where: { state: "published" }, orderBy: { id: "asc" } })),
    "/api/v1/services/{id}": () => first(() => db.service.findFirst({ where: { state: "published" }, orderBy: { id: "asc" } })),
    "/api/v1/decisions/{id}": () => first(() => db.administrativeDecision.findFirst({ where: { state: "published" }, orderBy: { id: "asc" } })),
    "/api/v1/inspections/{id}": () => first(() => db.inspection.findFirst({ where: { state: "published" }, orderBy: { id: "asc" } })),
    "/api/v1/inspections/{id}/draw-input": () => first(() => db.inspection.findFirst({ where: { state: "published", draw: { isNot: null } }, orderBy: { id: "asc" } })),
    "/api/v1/proposals/{id}": () => first(() => db.proposal.findFirst({ where: { replies: { some: { state: "published" } } }, orderBy: { id: "asc" } })),
    "/api/v1/admin/users/{id}": async () => String(admin.id),
    "/api/v1/admin/items/{id}": () => first(() => db.item.findFirst({ orderBy: { id: "asc" } })),
    "/api/v1/admin/applications/{id}": () => first(() => db.application.findFirst({ orderBy: { id: "asc" } })),
    "/api/v1/admin/decisions/{id}": () => first(() => db.administrativeDecision.findFirst({ orderBy: { id: "asc" } })),
    "/api/v1/admin/feedback/{id}": () => first(() => db.feedback.findFirst({ orderBy: { id: "asc" } })),
    "/api/v1/admin/inspections/{id}": () => first(() => db.inspection.findFirst({ orderBy: { id: "asc" } })),
    "/api/v1/admin/proposals/{id}": () => first(() => db.proposal.findFirst({ orderBy: { id: "asc" } })),
  };
  if (!path.includes("{")) return {};
  if (path === "/api/v1/reports/annual/{year}") {
    const report = await db.annualReport.findFirst({ where: { state: "published" }, orderBy: { year: "desc" } });
    return report ? { year: String(report.year) } : null;
  }
  if (path === "/api/v1/applications/{number}") return ids.applicationNumber ? { number: ids.applicationNumber } : null;
  const find = table[path];
  assert.ok(find, `a record for ${path}`);
  const id = await find();
  return id ? { [path.match(/\{(\w+)\}/)![1]]: id } : null;
}

const QUERIES: Record<string, string> = {
  "/api/v1/search": "?q=%E5%85%AC%E5%BC%80",
  "/api/v1/admin/fees/quote": "?pages=120&kind=paper",
};

describe("request bodies the API accepts satisfy the published request schemas", () => {
  test("public forms", async () => {
    const submit = operations.find((operation) => operation.method === "post" && operation.path === "/api/v1/applications")!;
    const application = {
      applicantType: "natural_person", name: "王小明", idType: "resident_id", idNumber: "110101199003074514", phone: "13800138000",
      address: "北京市东城区某街道 1 号", postalCode: "100010", description: "请公开 2025 年本机关行政处罚案件的数量。", purpose: "了解执法情况",
      deliveryMethod: "email", email: "wang@example.com",
    };
    assertValid(validatorFor("paths", submit.path, "post", "requestBody", "content", "application/json", "schema"), application, "application body");
    const submitted = await call(submit, {}, { body: application });
    assert.equal(submitted.status, 201, JSON.stringify(submitted.body));
    assertValid(validatorFor("paths", submit.path, "post", "responses", "201", "content", "application/json", "schema"), submitted.body, "POST /api/v1/applications 201");
    ids.applicationNumber = submitted.body.number;
    ids.lookupCode = submitted.body.lookupCode;
  });
});

describe("every JSON read answers what the document says", () => {
  const reads = operations.filter((operation) => operation.method === "get" && !operation.download);
  for (const operation of reads) {
    test(`GET ${operation.path}`, async () => {
      const params = await parametersFor(operation.path);
      assert.ok(params, `a record to read for ${operation.path}`);
      const query = operation.path === "/api/v1/applications/{number}" ? `?code=${ids.lookupCode}` : QUERIES[operation.path] ?? "";
      const { status, body } = await call(operation, params, { query });
      const documented = Object.keys((operation as unknown as Json) && (document.paths[operation.path].get.responses as Json));
      assert.equal(status, operation.creates ? 201 : 200, `${operation.path}: ${JSON.stringify(body).slice(0, 300)} (documented ${documented.join(", ")})`);
      assertValid(validatorFor("paths", operation.path, "get", "responses", "200", "content", "application/json", "schema"), body, `GET ${operation.path}`);
    });
  }
});
