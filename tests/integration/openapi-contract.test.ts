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
import { loadActingUser } from "@/lib/auth/acting-user";
import { createApiToken } from "@/lib/auth/api-tokens";
import { todayInBeijing } from "@/lib/dates";
import { db } from "@/lib/db";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { operations, type Operation } from "@/lib/openapi/operations";
import { startReport } from "@/lib/reports/manage-reports";
import { transitionReport } from "@/lib/reports/report-review";
import { seedDemoData } from "@/prisma/seed/seed-demo";
import { setEnvironment } from "../support/environment";
import { insertUser } from "../support/fixtures";
import { useMigratedTestDatabase, type TestDatabase } from "../support/test-database";

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
let staffToken: string;
const ids: Record<string, string> = {};

async function handlerOf(path: string, method: string): Promise<Handler> {
  const folder = path.replace(/^\/api\/v1\//, "").replace(/\{(\w+)\}/g, "[$1]");
  const routeModule = (await import(`@/app/api/v1/${folder}/route`)) as Record<string, Handler>;
  const handler = routeModule[method.toUpperCase()];
  assert.ok(handler, `${method.toUpperCase()} ${path} is exported`);
  return handler;
}

async function call(
  operation: Pick<Operation, "method" | "path">,
  params: Record<string, string>,
  init: { query?: string; body?: unknown; token?: string } = {},
) {
  const concrete = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name]);
  const request = new Request(`http://gongkai.test${concrete}${init.query ?? ""}`, {
    method: operation.method.toUpperCase(),
    headers: { authorization: `Bearer ${init.token ?? token}`, ...(init.body === undefined ? {} : { "content-type": "application/json" }) },
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
  // An annual report of last year, published as the demo agency's staff, head and leader would.
  const byName = async (username: string) => (await loadActingUser((await db.user.findUniqueOrThrow({ where: { username } })).id))!;
  const [staff, head, leader] = await Promise.all([byName("staff"), byName("head"), byName("leader")]);
  const report = await startReport(staff, Number(todayInBeijing().slice(0, 4)) - 1);
  await transitionReport(staff, report.id, { action: "submit" });
  await transitionReport(head, report.id, { action: "approve" });
  await transitionReport(leader, report.id, { action: "approve" });
  staffToken = (await createApiToken(staff, { name: "contract", scope: "read_write", lifetimeDays: 30 })).token;
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
    "/api/v1/inspections/{id}/draw-input": () =>
      first(() => db.inspection.findFirst({ where: { state: "published", draw: { isNot: null } }, orderBy: { id: "asc" } })),
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
  "/api/v1/powers/changes": "?from=2016&to=2017",
};

const operation = (method: Operation["method"], path: string): Operation => {
  const found = operations.find((entry) => entry.method === method && entry.path === path);
  assert.ok(found, `${method} ${path} is documented`);
  return found;
};
const requestSchemaOf = (found: Operation) => validatorFor("paths", found.path, found.method, "requestBody", "content", "application/json", "schema");
const responseSchemaOf = (found: Operation, status: string) =>
  validatorFor("paths", found.path, found.method, "responses", status, "content", "application/json", "schema");

/** Sends a body the API must accept: it satisfies the published request schema, and the answer the published response schema. */
async function send(method: Operation["method"], path: string, params: Record<string, string>, body: unknown, asStaff = false): Promise<Json> {
  const found = operation(method, path);
  assertValid(requestSchemaOf(found), body, `${method.toUpperCase()} ${path} request body`);
  const answer = await call(found, params, { body, ...(asStaff ? { token: staffToken } : {}) });
  const status = found.creates ? "201" : "200";
  assert.equal(String(answer.status), status, `${method.toUpperCase()} ${path}: ${JSON.stringify(answer.body).slice(0, 400)}`);
  assertValid(responseSchemaOf(found, status), answer.body, `${method.toUpperCase()} ${path} ${status}`);
  return answer.body as Json;
}

describe("request bodies the API accepts satisfy the published request schemas, and their answers the response schemas", () => {
  test("public forms: an application, a message, a rating", async () => {
    const receipt = await send(
      "post",
      "/api/v1/applications",
      {},
      {
        applicantType: "natural_person",
        name: "王小明",
        idType: "resident_id",
        idNumber: "110101199003074514",
        phone: "13800138000",
        address: "北京市东城区某街道 1 号",
        postalCode: "100010",
        description: "请公开 2025 年本机关行政处罚案件的数量。",
        purpose: "了解执法情况",
        deliveryMethod: "email",
        email: "wang@example.com",
      },
    );
    ids.applicationNumber = String(receipt.number);
    ids.lookupCode = String(receipt.lookupCode);
    await send("post", "/api/v1/feedback", {}, { topic: "关于公交站台遮阳棚的建议", content: "建议在人民路站台加装遮阳棚。", mayPublish: true });
    const answered = await db.feedback.findFirstOrThrow({ where: { status: "answered", publishedAt: { not: null } }, orderBy: { id: "asc" } });
    await send("post", "/api/v1/feedback/{id}/ratings", { id: String(answered.id) }, { rating: "satisfied" });
  });

  test("console writes: a section, a user, an item and its change, an offline application, the proposal settings", async () => {
    const { section } = (await send("post", "/api/v1/admin/sections", {}, { name: "契约测试科" })) as { section: { id: number } };
    const { user } = (await send(
      "post",
      "/api/v1/admin/users",
      {},
      { username: "contract-user", displayName: "契约测试", role: "staff", sectionId: section.id, password: "Contract-test-2026!" },
    )) as { user: { id: number } };
    await send("patch", "/api/v1/admin/users/{id}", { id: String(user.id) }, { displayName: "契约测试（改）" });
    const category = await db.category.findFirstOrThrow({ where: { kind: "list" }, orderBy: { id: "asc" } });
    const { item } = (await send(
      "post",
      "/api/v1/admin/items",
      {},
      { title: "契约测试信息", body: "<p>正文</p>", categoryId: category.id, formedAt: todayInBeijing() },
      true,
    )) as { item: { id: number; version: number } };
    await send("patch", "/api/v1/admin/items/{id}", { id: String(item.id) }, { title: "契约测试信息（修订）", version: item.version }, true);
    await send(
      "post",
      "/api/v1/admin/applications",
      {},
      {
        applicantType: "natural_person",
        name: "李四",
        idType: "resident_id",
        idNumber: "110101199003074514",
        phone: "13900139000",
        address: "北京市西城区某路 2 号",
        description: "请公开本机关 2025 年预算。",
        deliveryMethod: "paper",
        receiptMethod: "letter",
        receivedOn: todayInBeijing(),
      },
      true,
    );
    await send("put", "/api/v1/admin/proposals/settings", {}, { replyPeriodMonths: 3 });
  });

  test("console writes that answer with a result: a review step, list entries, a message's moderation and assignment", async () => {
    const category = await db.category.findFirstOrThrow({ where: { kind: "list" }, orderBy: { id: "asc" } });
    const { item } = (await send(
      "post",
      "/api/v1/admin/items",
      {},
      { title: "契约测试：提交审核", body: "<p>正文</p>", categoryId: category.id, formedAt: todayInBeijing() },
      true,
    )) as { item: { id: number; version: number } };
    const submitted = await send("post", "/api/v1/admin/items/{id}/transitions", { id: String(item.id) }, { action: "submit", version: item.version }, true);
    assert.equal(submitted.state, "section_review");

    const { sectionId } = await db.user.findUniqueOrThrow({ where: { username: "staff" } });
    const section = { id: sectionId! };
    const inspector = await send(
      "post",
      "/api/v1/admin/inspections/inspectors",
      {},
      { name: "契约检查员", certificateNumber: "CONTRACT-0001", sectionId: section.id },
      true,
    );
    const target = await send(
      "post",
      "/api/v1/admin/inspections/targets",
      {},
      { name: "契约测试商店", creditCode: null, address: "人民路 1 号", category: "零售" },
      true,
    );
    assert.ok(Number(target.listVersion) >= 1 && Number(inspector.listVersion) >= 1);

    const message = await db.feedback.findFirstOrThrow({ where: { topic: "关于公交站台遮阳棚的建议" } });
    let version = message.version;
    if (message.status === "moderation")
      ({ version } = (await send("post", "/api/v1/admin/feedback/{id}/moderation", { id: String(message.id) }, { decision: "release", version })) as {
        version: number;
      });
    const assigned = await send("post", "/api/v1/admin/feedback/{id}/assignment", { id: String(message.id) }, { sectionId: section.id, version });
    assert.equal(assigned.published, false);
  });

  test("the schemas have teeth: a missing field, a field of the wrong type or an unlisted field fails", () => {
    const itemPage = responseSchemaOf(operation("get", "/api/v1/items"), "200");
    const good = { total: 0, page: 1, pageSize: 20, items: [] };
    assert.ok(itemPage(good));
    assert.equal(itemPage({ ...good, total: "0" }), false);
    assert.equal(itemPage({ page: 1, pageSize: 20, items: [] }), false);
    assert.equal(itemPage({ ...good, secret: "x" }), false);
    const rating = requestSchemaOf(operation("post", "/api/v1/feedback/{id}/ratings"));
    assert.equal(rating({ rating: "delighted" }), false);
  });
});

describe("every JSON read answers what the document says", () => {
  const reads = operations.filter((operation) => operation.method === "get" && !operation.download);
  for (const operation of reads) {
    test(`GET ${operation.path}`, async () => {
      const params = await parametersFor(operation.path);
      assert.ok(params, `a record to read for ${operation.path}`);
      const query = operation.path === "/api/v1/applications/{number}" ? `?code=${ids.lookupCode}` : (QUERIES[operation.path] ?? "");
      const { status, body } = await call(operation, params, { query });
      const documented = Object.keys((operation as unknown as Json) && (document.paths[operation.path].get.responses as Json));
      assert.equal(status, operation.creates ? 201 : 200, `${operation.path}: ${JSON.stringify(body).slice(0, 300)} (documented ${documented.join(", ")})`);
      if (process.env.DUMP_DIR)
        (await import("node:fs")).writeFileSync(`${process.env.DUMP_DIR}/${operation.path.replace(/\W+/g, "_")}.json`, JSON.stringify(body, null, 1));
      assertValid(validatorFor("paths", operation.path, "get", "responses", "200", "content", "application/json", "schema"), body, `GET ${operation.path}`);
    });
  }
});
