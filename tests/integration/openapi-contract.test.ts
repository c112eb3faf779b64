/**
 * The published OpenAPI document against the real API: every JSON endpoint that reads is called
 * (route handlers, the real test database with the demo content) and its answer is validated with
 * ajv against the document's response schema; sample bodies the API accepts are validated against
 * the request schemas the document publishes (generated from the data layer's zod schemas).
 * Every console write (POST/PUT/PATCH under /api/v1/admin, JSON or multipart import) is called
 * through its route handler with a real API token of the role that may take the step, on records
 * the authorization matrix's fixtures make through the data layer, and its success answer is
 * validated against the document; the last test fails when a documented console write has no
 * such live check here.
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
import { decisionColumns } from "@/lib/decisions/decision-fields";
import { computeCreditCodeCheckCharacter } from "@/lib/identifiers";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { operations, type Operation } from "@/lib/openapi/operations";
import { buildLedgerTemplate } from "@/lib/reports/ledger-import";
import { startReport, updateReportTexts } from "@/lib/reports/manage-reports";
import { transitionReport } from "@/lib/reports/report-review";
import { writeCsv, writeXlsx } from "@/lib/spreadsheets";
import { seedDemoData } from "@/prisma/seed/seed-demo";
import { MatrixFixtures } from "../security/matrix-fixtures";
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
/** The 政务公开办 supervisor's (a platform role: the summary over the agencies). */
let supervisorToken: string;
let staffToken: string;
let headToken: string;
let leaderToken: string;
let fx: MatrixFixtures;
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
  init: { query?: string; body?: unknown; form?: FormData; token?: string } = {},
) {
  const concrete = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name]);
  const request = new Request(`http://gongkai.test${concrete}${init.query ?? ""}`, {
    method: operation.method.toUpperCase(),
    headers: { authorization: `Bearer ${init.token ?? token}`, ...(init.body === undefined ? {} : { "content-type": "application/json" }) },
    ...(init.form ? { body: init.form } : init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
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
  const started = await startReport(staff, Number(todayInBeijing().slice(0, 4)) - 1);
  // 五、存在的主要问题及改进情况 must be written before submission; the leader confirms publication.
  const report = await updateReportTexts(staff, started.id, { ...started.texts, problems: "一是人员力量薄弱。", version: started.version });
  await transitionReport(staff, report.id, { action: "submit" });
  await transitionReport(head, report.id, { action: "approve" });
  await transitionReport(leader, report.id, { action: "approve", confirm: true });
  staffToken = (await createApiToken(staff, { name: "contract", scope: "read_write", lifetimeDays: 30 })).token;
  headToken = (await createApiToken(head, { name: "contract", scope: "read_write", lifetimeDays: 30 })).token;
  leaderToken = (await createApiToken(leader, { name: "contract", scope: "read_write", lifetimeDays: 30 })).token;
  // The authorization matrix's records, made through the data layer as the console would (each write below gets its own).
  fx = await MatrixFixtures.create();
  token = (await createApiToken(admin, { name: "contract", scope: "read_write", lifetimeDays: 30 })).token;
  supervisorToken = (await createApiToken(await byName("supervisor"), { name: "contract", scope: "read", lifetimeDays: 30 })).token;
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
  if (path === "/api/v1/reports/annual/{year}" || path === "/api/v1/reports/annual/{year}/summary") {
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

/** Every operation (`METHOD path`) whose real success answer this file validated against the document. */
const validatedLive = new Set<string>();
const operationKey = (found: Pick<Operation, "method" | "path">) => `${found.method.toUpperCase()} ${found.path}`;

/** Checks a real success answer against the document's schema for that operation and status, and records it. */
function assertAnswer(found: Operation, answer: { status: number; body: unknown }): Json {
  const status = found.creates ? "201" : "200";
  assert.equal(String(answer.status), status, `${operationKey(found)}: ${JSON.stringify(answer.body).slice(0, 400)}`);
  assertValid(responseSchemaOf(found, status), answer.body, `${operationKey(found)} ${status}`);
  validatedLive.add(operationKey(found));
  return answer.body as Json;
}

/** Sends a body the API must accept: it satisfies the published request schema, and the answer the published response schema. */
async function send(method: Operation["method"], path: string, params: Record<string, string>, body: unknown, as: string = token): Promise<Json> {
  const found = operation(method, path);
  assertValid(requestSchemaOf(found), body, `${method.toUpperCase()} ${path} request body`);
  return assertAnswer(found, await call(found, params, { body, token: as }));
}

/** Uploads a spreadsheet the API must accept (multipart field `file`); the answer satisfies the published response schema. */
async function upload(path: string, file: { name: string; bytes: Uint8Array }, as: string, query = ""): Promise<Json> {
  const found = operation("post", path);
  assert.equal(found.body, "multipart", `${path} takes a file`);
  const form = new FormData();
  form.set("file", new File([new Uint8Array(file.bytes)], file.name));
  return assertAnswer(found, await call(found, {}, { form, query, token: as }));
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
      staffToken,
    )) as { item: { id: number; version: number } };
    await send("patch", "/api/v1/admin/items/{id}", { id: String(item.id) }, { title: "契约测试信息（修订）", version: item.version }, staffToken);
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
      staffToken,
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
      staffToken,
    )) as { item: { id: number; version: number } };
    const submitted = await send(
      "post",
      "/api/v1/admin/items/{id}/transitions",
      { id: String(item.id) },
      { action: "submit", version: item.version },
      staffToken,
    );
    assert.equal(submitted.state, "section_review");

    const { sectionId } = await db.user.findUniqueOrThrow({ where: { username: "staff" } });
    const section = { id: sectionId! };
    const inspector = await send(
      "post",
      "/api/v1/admin/inspections/inspectors",
      {},
      { name: "契约检查员", certificateNumber: "CONTRACT-0001", sectionId: section.id },
      staffToken,
    );
    const target = await send(
      "post",
      "/api/v1/admin/inspections/targets",
      {},
      { name: "契约测试商店", creditCode: null, address: "人民路 1 号", category: "零售" },
      staffToken,
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

describe("every console write answers what the document says (the real route handler, a real token)", () => {
  const today = () => todayInBeijing();
  const idOf = (value: { id: number }) => ({ id: String(value.id) });
  const versionOf = async (find: () => Promise<{ version: number }>) => (await find()).version;
  const utf8 = (rows: string[][]) => new TextEncoder().encode(writeCsv({ columns: rows[0].map((header) => ({ header })), rows: rows.slice(1) }));

  test("an application: a step, the decision, the reply letter through its review, an appeal, a transfer, a ledger import", async () => {
    const application = idOf(await fx.application());
    const step = await send(
      "post",
      "/api/v1/admin/applications/{id}/steps",
      application,
      { type: "third_party_consultation", date: today(), thirdParty: "某公司", noticeDeliveryMethod: "post" },
      staffToken,
    );
    assert.equal(step.id, Number(application.id));
    // Issue 14: the day a posted letter was received is entered afterwards (a step, same path).
    const letter = await db.applicationStep.findFirstOrThrow({ where: { applicationId: step.id, type: "third_party_consultation" } });
    await send("post", "/api/v1/admin/applications/{id}/steps", application, { type: "notice_received", date: today(), noticeStepId: letter.id }, staffToken);
    const decided = await send("post", "/api/v1/admin/applications/{id}/decision", application, { outcome: "disclose", decidedOn: today() }, staffToken);
    assert.equal(decided.outcome, "disclose");
    await send("patch", "/api/v1/admin/applications/{id}/reply", application, { title: "答复书", body: "予以公开。" }, staffToken);
    const transitions = "/api/v1/admin/applications/{id}/reply/transitions";
    await send("post", transitions, application, { action: "submit" }, staffToken);
    await send("post", transitions, application, { action: "approve" }, headToken);
    const issued = await send("post", transitions, application, { action: "approve" }, leaderToken);
    assert.equal(issued.issuedOn, today(), "issued: the letter's date (a day, not null)");
    await send(
      "post",
      "/api/v1/admin/applications/{id}/appeals",
      application,
      { kind: "reconsideration", filedOn: today(), body: "绥芬河市人民政府", result: "pending" },
      staffToken,
    );
    // 转送: another open application goes to another agency of the platform (集约化).
    const transferred = await send(
      "post",
      "/api/v1/admin/applications/{id}/transfer",
      idOf(await fx.application()),
      { agencyCode: "SFHJYJ", reason: "所申请信息由该机关掌握。" },
      staffToken,
    );
    assert.deepEqual([transferred.agencyCode, transferred.status], ["SFHJYJ", "processing"]);
    // A case about proactive disclosure, with no application (Table 4).
    await send(
      "post",
      "/api/v1/admin/appeals",
      {},
      { kind: "litigation", subject: "《行政处罚案件信息公开》", filedOn: today(), body: "绥芬河市人民法院", result: "pending" },
      staffToken,
    );
    const ledger = await buildLedgerTemplate("xlsx");
    assert.deepEqual(await upload("/api/v1/admin/applications/import", { name: "台账.xlsx", bytes: ledger.body }, staffToken), { imported: 1 });
  });

  test("双公示 decisions: create, edit, review, a batch's review, an import", async () => {
    const created = (await send("post", "/api/v1/admin/decisions", {}, fx.decisionInput(), staffToken)) as { decision: { id: number; version: number } };
    const decision = idOf(created.decision);
    const edited = (await send(
      "patch",
      "/api/v1/admin/decisions/{id}",
      decision,
      { ...fx.decisionInput(), version: created.decision.version },
      staffToken,
    )) as {
      decision: { version: number };
    };
    const submitted = await send(
      "post",
      "/api/v1/admin/decisions/{id}/transitions",
      decision,
      { action: "submit", version: edited.decision.version },
      staffToken,
    );
    assert.equal(submitted.state, "section_review");
    await send("post", "/api/v1/admin/decisions/{id}/transitions", decision, { action: "approve", version: submitted.version }, headToken);
    const batch = idOf(await fx.decisionBatch());
    assert.deepEqual(await send("post", "/api/v1/admin/decisions/batches/{id}/transitions", batch, { action: "submit" }, staffToken), {
      count: 2,
      to: "section_review",
    });

    const agency = "绥芬河市城市管理和综合行政执法局";
    const withCheck = (first17: string) => first17 + computeCreditCodeCheckCharacter(first17);
    const row: Record<string, string> = {
      行政相对人名称: "绥芬河市契约商贸有限公司",
      相对人类别: "法人及非法人组织",
      统一社会信用代码: withCheck("91231081MA7654321"),
      法定代表人: "王立新",
      决定书文号: "绥城管许字〔2026〕第契约1号",
      许可证书名称: "门头牌匾设置许可决定书",
      许可内容: "准予设置门头牌匾一块。",
      决定日期: today(),
      有效期自: today(),
      有效期至: "2027-12-01",
      决定机关: agency,
      决定机关统一社会信用代码: withCheck("11231081MB1964057"),
      数据来源单位: agency,
    };
    const headers = decisionColumns("license").map((column) => column.header);
    const imported = await upload(
      "/api/v1/admin/decisions/import",
      { name: "决定.csv", bytes: utf8([headers, headers.map((header) => row[header] ?? "")]) },
      staffToken,
      "?kind=license",
    );
    assert.equal(imported.imported, 1);
  });

  test("a visitor's message: moderation, the reply through its review, unpublishing", async () => {
    const held = await fx.feedback("held");
    await send("post", "/api/v1/admin/feedback/{id}/moderation", idOf(held), { decision: "release", version: held.version }, headToken);
    const received = await fx.feedback("received");
    const message = idOf(received);
    const saved = await send("put", "/api/v1/admin/feedback/{id}/reply", message, { body: "已处理。", version: received.version }, staffToken);
    const transitions = "/api/v1/admin/feedback/{id}/reply/transitions";
    const submitted = await send("post", transitions, message, { action: "submit", version: saved.version }, staffToken);
    const published = await send("post", transitions, message, { action: "approve", publish: true, version: submitted.version }, headToken);
    assert.equal(published.published, true);
    const unpublished = await send(
      "post",
      "/api/v1/admin/feedback/{id}/unpublish",
      message,
      { reason: "含有不宜公开的内容。", version: published.version },
      headToken,
    );
    assert.equal(unpublished.published, false);
  });

  test("an inspection plan: create, edit, the draw, the review, the results; the lists' imports", async () => {
    const created = (await send("post", "/api/v1/admin/inspections", {}, await fx.planInput(), staffToken)) as { inspection: { id: number; version: number } };
    const plan = idOf(created.inspection);
    await send("patch", "/api/v1/admin/inspections/{id}", plan, { ...(await fx.planInput()), version: created.inspection.version }, staffToken);
    const { draw } = (await send("post", "/api/v1/admin/inspections/{id}/draw", plan, {}, staffToken)) as { draw: { assignments: unknown[] } };
    assert.equal(draw.assignments.length, 1);
    const transitions = "/api/v1/admin/inspections/{id}/transitions";
    await send("post", transitions, plan, { subject: "plan", action: "submit" }, staffToken);
    await send("post", transitions, plan, { subject: "plan", action: "approve" }, headToken);
    const published = await send("post", transitions, plan, { subject: "plan", action: "approve" }, leaderToken);
    assert.equal(published.state, "published");
    const version = await versionOf(() => db.inspection.findUniqueOrThrow({ where: { id: created.inspection.id } }));
    assert.equal(published.version, version);
    await send("put", "/api/v1/admin/inspections/{id}/results", plan, { version, results: await fx.inspectionResults(created.inspection.id) }, staffToken);

    const { name: section } = await db.section.findUniqueOrThrow({ where: { id: fx.sectionId } });
    const inspectors = await upload(
      "/api/v1/admin/inspections/inspectors/import",
      {
        name: "执法人员.csv",
        bytes: utf8([
          ["姓名", "执法证号", "科室"],
          ["契约导入员", "23100817901", section],
        ]),
      },
      staffToken,
    );
    assert.equal(inspectors.imported, 1);
    const targets = await upload(
      "/api/v1/admin/inspections/targets/import",
      {
        name: "名录.csv",
        bytes: utf8([
          ["名称", "统一社会信用代码", "地址", "类别"],
          ["契约导入商户", "", "绥芬河市光明街 9 号", "户外广告"],
        ]),
      },
      staffToken,
    );
    assert.equal(targets.imported, 1);
  });

  test("a proposal: register, assign, edit, the reply through its review, the proposers' feedback, reopen, close; an import", async () => {
    const created = (await send("post", "/api/v1/admin/proposals", {}, fx.proposalInput({ proposers: ["张立新", "王春梅"] }), staffToken)) as {
      proposal: { id: number; version: number };
    };
    const proposal = idOf(created.proposal);
    const assigned = await send(
      "post",
      "/api/v1/admin/proposals/{id}/assignment",
      proposal,
      { leadSectionId: fx.sectionId, assignedOn: today(), version: created.proposal.version },
      headToken,
    );
    assert.equal(assigned.status, "in_progress");
    await send("patch", "/api/v1/admin/proposals/{id}", proposal, { title: "关于整治背街小巷环境的建议（契约）", version: assigned.version }, staffToken);
    const reply = await send("post", "/api/v1/admin/proposals/{id}/replies", proposal, { body: "答复全文。", disclosure: "full" }, staffToken);
    const replyParams = { ...proposal, replyId: String(reply.id) };
    const transitions = "/api/v1/admin/proposals/{id}/replies/{replyId}/transitions";
    await send("post", transitions, replyParams, { action: "submit" }, staffToken);
    await send("post", transitions, replyParams, { action: "approve" }, headToken);
    const issued = await send("post", transitions, replyParams, { action: "approve" }, leaderToken);
    assert.equal(issued.state, "published");
    const version = () => versionOf(() => db.proposal.findUniqueOrThrow({ where: { id: created.proposal.id } }));
    const unsatisfied = await send(
      "post",
      "/api/v1/admin/proposals/{id}/feedback",
      proposal,
      { satisfaction: "unsatisfied", version: await version() },
      staffToken,
    );
    await send("post", "/api/v1/admin/proposals/{id}/reopen", proposal, { comment: "重新办理。", version: unsatisfied.version }, staffToken);
    const replied = await fx.proposal("replied");
    const closed = await send("post", "/api/v1/admin/proposals/{id}/close", idOf(replied), { version: replied.version }, staffToken);
    assert.equal(closed.status, "closed");

    const header = ["年度", "届次会议", "编号", "类别", "标题", "提出人", "收到日期", "主办科室", "协办科室", "交办日期", "办理期限"];
    const list = await writeXlsx([
      {
        name: "交办清单",
        columns: header.map((text) => ({ header: text })),
        rows: [["2022", "市第十七届人民代表大会第五次会议", "契约第1号", "人大代表建议", "关于契约测试的建议", "张三", "2022-03-01", "", "", "", ""]],
      },
    ]);
    const imported = await upload("/api/v1/admin/proposals/import", { name: "交办清单.xlsx", bytes: new Uint8Array(list) }, staffToken);
    assert.equal(imported.imported, 1);
  });
});

describe("every JSON read answers what the document says", () => {
  const reads = operations.filter((operation) => operation.method === "get" && !operation.download);
  for (const operation of reads) {
    test(`GET ${operation.path}`, async () => {
      const params = await parametersFor(operation.path);
      assert.ok(params, `a record to read for ${operation.path}`);
      const query = operation.path === "/api/v1/applications/{number}" ? `?code=${ids.lookupCode}` : (QUERIES[operation.path] ?? "");
      const { status, body } = await call(operation, params, { query, ...(operation.access === "platform" ? { token: supervisorToken } : {}) });
      const documented = Object.keys((operation as unknown as Json) && (document.paths[operation.path].get.responses as Json));
      assert.equal(status, operation.creates ? 201 : 200, `${operation.path}: ${JSON.stringify(body).slice(0, 300)} (documented ${documented.join(", ")})`);
      if (process.env.DUMP_DIR)
        (await import("node:fs")).writeFileSync(`${process.env.DUMP_DIR}/${operation.path.replace(/\W+/g, "_")}.json`, JSON.stringify(body, null, 1));
      assertValid(validatorFor("paths", operation.path, "get", "responses", "200", "content", "application/json", "schema"), body, `GET ${operation.path}`);
      validatedLive.add(operationKey(operation));
    });
  }
});

describe("the live checks cover the document", () => {
  test("every write of the console (POST, PUT, PATCH, DELETE under /api/v1/admin) had its success answer validated live above", (t) => {
    const documented = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    const writes = documented.filter((key) => /^(POST|PUT|PATCH|DELETE) \/api\/v1\/admin\//.test(key));
    const validated = documented.filter((key) => validatedLive.has(key));
    t.diagnostic(`validated live (${validated.length}): ${validated.join("; ")}`);
    assert.ok(writes.length > 0);
    assert.deepEqual(
      writes.filter((key) => !validatedLive.has(key)),
      [],
      "a console write whose real answer no test in this file validates against the document: add it to the writes above",
    );
  });
});
