import { z } from "zod";
import { operations, type Operation } from "@/lib/openapi/operations";
import { componentRegistry } from "@/lib/openapi/response-schemas";
import { requestBodySchemas, toOpenApiSchema } from "@/lib/openapi/request-bodies";
import { SEARCH_DOCUMENT_TYPES } from "@/lib/search/types";

/**
 * The OpenAPI 3.1 document of /api/v1, built from the operations table (lib/openapi/operations.ts).
 * Open-data endpoints are described in detail; console endpoints name their method, path, access
 * and body kind, and share the error format of every endpoint.
 */

type Json = Record<string, unknown>;

const QUERY_PARAMETERS: Record<string, Json> = {
  q: { description: "检索词。空格分隔的多个词须同时出现；引号内为完整短语；繁体、简体均可。最多 100 个字。", schema: { type: "string", maxLength: 100 } },
  type: { description: "类型", schema: { type: "string" } },
  category: { description: "公开目录栏目（slug），含其下级栏目", schema: { type: "string", example: "penalties" } },
  year: { description: "发布年份（北京时间）", schema: { type: "integer", example: 2017 } },
  issuingBody: { description: "发布机构：agency（本机关）或科室 id", schema: { type: "string", example: "agency" } },
  validity: { description: "有效性", schema: { type: "string", enum: ["in_force", "amended", "repealed", "expired"] } },
  sort: { description: "排序：relevance（相关度，默认）或 date（发布日期，新在前）", schema: { type: "string", enum: ["relevance", "date"], default: "relevance" } },
  page: { description: "页码，从 1 开始", schema: { type: "integer", minimum: 1, default: 1 } },
  pageSize: { description: "每页条数，1–100", schema: { type: "integer", minimum: 1, maximum: 100, default: 20 } },
  status: { description: "状态", schema: { type: "string" } },
  kind: { description: "类别", schema: { type: "string" } },
  from: { description: "起始日期 YYYY-MM-DD", schema: { type: "string", format: "date" } },
  to: { description: "截止日期 YYYY-MM-DD", schema: { type: "string", format: "date" } },
  code: { description: "查询码", schema: { type: "string" } },
  format: { description: "文件格式：xlsx（默认）或 csv（UTF-8，带 BOM）", schema: { type: "string", enum: ["xlsx", "csv"], default: "xlsx" } },
};

const SEARCH_TYPE_PARAMETER = { description: "类型", schema: { type: "string", enum: [...SEARCH_DOCUMENT_TYPES] } };

/** The power list's changes compare two published yearly lists: from and to are years, not dates. */
const COMPARED_YEAR_PARAMETERS: Record<"from" | "to", Json> = {
  from: { description: "对比的起始年度（已公布的年度权责清单）", schema: { type: "integer", example: 2016 } },
  to: { description: "对比的截止年度", schema: { type: "integer", example: 2017 } },
};

const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });

/** The component schemas: the zod schemas of lib/openapi/response-schemas.ts, as JSON Schema. */
function componentSchemas(): Record<string, Json> {
  const { schemas } = z.toJSONSchema(componentRegistry, { target: "draft-2020-12", io: "output", unrepresentable: "any", uri: (id) => `#/components/schemas/${id}` });
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

function describeOperation(operation: Operation): Json {
  const parameters = [
    ...pathParameters(operation.path),
    ...(operation.query ?? []).map((name) => ({
      name,
      in: "query",
      required: operation.path === "/api/v1/search" && name === "q",
      ...(operation.path === "/api/v1/search" && name === "type"
        ? SEARCH_TYPE_PARAMETER
        : operation.path === "/api/v1/powers/changes" && (name === "from" || name === "to")
          ? COMPARED_YEAR_PARAMETERS[name]
          : QUERY_PARAMETERS[name] ?? { schema: { type: "string" } }),
    })),
  ];
  const success: Json = operation.method === "options"
    ? { "204": { description: "CORS 预检通过" } }
    : {
        [operation.creates ? "201" : "200"]: operation.download
          ? { description: "文件", content: { [operation.download]: { schema: { type: "string", format: "binary" } } } }
          : {
              description: "成功",
              ...(operation.access === "public" ? { headers: { ETag: { schema: { type: "string" } }, "Cache-Control": { schema: { type: "string" } } } } : {}),
              content: { "application/json": { schema: operation.response ? { $ref: `#/components/schemas/${operation.response}` } : { type: "object" } } },
            },
      };
  const responses: Json = { ...success };
  if (operation.method !== "options") {
    if (operation.access === "public" && operation.method === "get") responses["304"] = { description: "未修改（If-None-Match 与 ETag 相同）" };
    if (operation.access !== "public") {
      responses["401"] = errorResponse("未登录");
      responses["403"] = errorResponse(operation.method === "get" ? "角色无权操作" : "角色无权操作、只读令牌，或跨站的会话写请求（cross_site_write）");
    }
    if (operation.path.includes("{")) responses["404"] = errorResponse("不存在");
    if (operation.imports) {
      responses["422"] = {
        description: "文件有问题（ImportRejected：errors 逐行逐列列出全部问题，未导入任何数据；文件过大、无法读取、表头不符时 row 和 column 为 null 或指向表头），或没有上传文件、参数无效（Error：error.fields）",
        content: { "application/json": { schema: { oneOf: [{ $ref: "#/components/schemas/ImportRejected" }, { $ref: "#/components/schemas/Error" }] } } },
      };
    } else if (operation.body || operation.query?.length || operation.path.includes("{")) responses["422"] = errorResponse("参数或请求体无效");
    if (operation.body && operation.access !== "public") responses["409"] = errorResponse("状态冲突（已被他人修改，或当前状态不允许此操作）");
    responses["429"] = { ...errorResponse("请求过于频繁"), headers: { "Retry-After": { description: "多少秒后可以再试", schema: { type: "integer" } } } };
  }
  return {
    tags: [operation.tag],
    summary: operation.summary,
    operationId: `${operation.method}${operation.path.replace(/^\/api\/v1/, "").replace(/[{}]/g, "").split(/[/.-]/).filter(Boolean).map((part) => part[0].toUpperCase() + part.slice(1)).join("")}`,
    ...(parameters.length ? { parameters } : {}),
    ...(operation.body
      ? {
          requestBody: {
            required: true,
            content: operation.body === "json"
              ? { "application/json": { schema: jsonBodySchema(operation) } }
              : { "multipart/form-data": { schema: { type: "object", properties: { file: { type: "string", format: "binary" } } } } },
          },
        }
      : {}),
    ...(operation.access === "public" ? { security: [] } : {}),
    ...(operation.access === "staff" || operation.access === "admin" ? { "x-roles": operation.access === "admin" ? ["admin"] : ["staff", "section_head", "leader", "admin"] } : {}),
    responses,
  };
}

export function buildOpenApiDocument(origin?: string): Json {
  const paths: Record<string, Json> = {};
  for (const operation of operations) (paths[operation.path] ??= {})[operation.method] = describeOperation(operation);
  return {
    openapi: "3.1.0",
    info: {
      title: "Gongkai 政府信息公开 API",
      version: "1",
      description: [
        "所有响应均为 JSON（导出与模板为文件）。错误统一为 {\"error\": {\"code\", \"message\", \"fields\"?}}。",
        "导入接口（…/import，multipart 字段 file，.xlsx 或 UTF-8、GB18030 编码的 .csv，最大 IMPORT_MAX_MB，默认 20 MB）全部成功或全部不导入；文件有问题时统一返回 422 {\"errors\": [{\"row\", \"column\", \"message\"}], \"error\": {\"code\": \"import_rejected\", \"message\"}}，逐行逐列列出全部问题。",
        "开放数据（无需登录的 GET 接口）：允许跨域（CORS: *）；按客户端限流，超出返回 429 和 Retry-After；响应带 ETag 与 Cache-Control（s-maxage、stale-while-revalidate），可由反向代理或 CDN 缓存；列表分页参数统一为 page（从 1 开始）和 pageSize（1–100），响应带 total。",
        "工作台接口需要登录（会话 Cookie）或个人令牌（Authorization: Bearer gk_…）。",
        "个人令牌分只读（read：POST、PUT、PATCH、DELETE 返回 403）和读写（read_write）两种，有效期 30、90 或 365 天，到期、撤销或其用户的密码被修改、重置后返回 401。",
        "使用会话 Cookie 的写请求（POST、PUT、PATCH、DELETE）必须来自本站（Origin 为本站地址，或 Sec-Fetch-Site: same-origin），请求体为 JSON 或 multipart/form-data，否则返回 403（code: cross_site_write）；使用令牌的请求不受此限。",
      ].join("\n\n"),
    },
    ...(origin ? { servers: [{ url: origin }] } : {}),
    tags: [
      { name: "search", description: "全文检索" },
      { name: "items", description: "政府信息与公开目录" },
      { name: "exports", description: "公开列表导出（.xlsx / .csv）" },
      { name: "registers", description: "权责清单、服务指南、双公示" },
      { name: "inspections", description: "双随机一公开" },
      { name: "proposals", description: "建议提案办理" },
      { name: "reports", description: "年度报告" },
      { name: "applications", description: "依申请公开" },
      { name: "feedback", description: "意见建议" },
      { name: "accounts", description: "用户与科室" },
      { name: "meta", description: "本文档" },
    ],
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", description: "个人令牌 gk_…（我的账号 → API 令牌）：只读或读写，有效期 30、90 或 365 天" },
        sessionCookie: { type: "apiKey", in: "cookie", name: "authjs.session-token", description: "通过 HTTPS 访问时名为 __Secure-authjs.session-token；写请求须同源且为 JSON 或 multipart" },
      },
    },
    security: [{ bearerToken: [] }, { sessionCookie: [] }],
    paths,
  };
}
