import { operations, type Operation } from "@/lib/openapi/operations";
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
};

const SEARCH_TYPE_PARAMETER = { description: "类型", schema: { type: "string", enum: [...SEARCH_DOCUMENT_TYPES] } };

const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });

const schemas: Record<string, Json> = {
  Error: {
    type: "object",
    required: ["error"],
    properties: {
      error: {
        type: "object",
        required: ["code", "message"],
        properties: {
          code: { type: "string", examples: ["invalid", "not_found", "rate_limited"] },
          message: { type: "string" },
          fields: { type: "object", additionalProperties: { type: "array", items: { type: "string" } }, description: "422：每个参数或字段的问题" },
          details: { type: "object", description: "附加信息，如 422 时的 details.findings：公开前须逐条确认的保密审查提示 [{key, source, kind, match, context}]，确认时以 acknowledgements: [{key, note}] 重新提交" },
        },
      },
    },
  },
  SearchResult: {
    type: "object",
    required: ["type", "id", "title", "snippet", "url", "publishedAt"],
    properties: {
      type: { type: "string", enum: [...SEARCH_DOCUMENT_TYPES] },
      id: { type: "integer" },
      title: { type: "string" },
      snippet: { type: "string", description: "HTML 片段：文字已转义，命中词用 <mark> 标出" },
      url: { type: "string", description: "站内地址，如 /items/12" },
      publishedAt: { type: "string", format: "date" },
    },
  },
  SearchResponse: {
    type: "object",
    required: ["total", "results"],
    properties: {
      total: { type: "integer", description: "命中总数。极常见的词（超过 10,000 条）为估算值" },
      results: { type: "array", items: { $ref: "#/components/schemas/SearchResult" } },
    },
  },
  ItemSummary: {
    type: "object",
    properties: {
      id: { type: "integer" },
      indexNumber: { type: "string", description: "索引号" },
      title: { type: "string" },
      category: { type: "object", properties: { slug: { type: "string" }, name: { type: "string" } } },
      issuingBody: { type: "string", description: "发布机构" },
      documentNumber: { type: ["string", "null"], description: "文号" },
      writtenAt: { type: ["string", "null"], format: "date", description: "成文日期" },
      publishedAt: { type: "string", format: "date", description: "发布日期" },
      validity: { type: "string", enum: ["in_force", "amended", "repealed", "expired"] },
    },
  },
  ItemPage: {
    type: "object",
    required: ["total", "page", "pageSize", "items"],
    properties: {
      total: { type: "integer" },
      page: { type: "integer" },
      pageSize: { type: "integer" },
      items: { type: "array", items: { $ref: "#/components/schemas/ItemSummary" } },
    },
  },
  ItemDetailResponse: {
    type: "object",
    properties: {
      item: {
        allOf: [
          { $ref: "#/components/schemas/ItemSummary" },
          {
            type: "object",
            properties: {
              body: { type: "string", description: "正文（已清理的 HTML）" },
              formedAt: { type: "string", format: "date" },
              channels: { type: "array", items: { type: "string" } },
              keywords: { type: "array", items: { type: "string" } },
              attachments: { type: "array", items: { type: "object", properties: { id: { type: "integer" }, name: { type: "string" }, sizeBytes: { type: "integer" }, mimeType: { type: "string" } } } },
            },
          },
        ],
      },
    },
  },
  CategoryNode: {
    type: "object",
    properties: {
      id: { type: "integer" },
      slug: { type: "string" },
      name: { type: "string" },
      kind: { type: "string", enum: ["list", "page"] },
      children: { type: "array", items: { $ref: "#/components/schemas/CategoryNode" } },
    },
  },
  ScreeningFindingView: {
    type: "object",
    properties: {
      stage: { type: "string", enum: ["submission", "publication"], description: "submission：留言提交时发现（因此进入待审查）；publication：公开时由科室负责人确认" },
      source: { type: "string", description: "主题、内容或答复" },
      kind: { type: "string", enum: ["id_number", "mobile_number", "bank_card", "email", "sensitive_word"] },
      match: { type: "string" },
      context: { type: "string" },
      acknowledgedNote: { type: ["string", "null"] },
      acknowledgedBy: { type: ["string", "null"] },
    },
  },
  ConsoleFeedbackDetail: {
    type: "object",
    description: "一条留言（工作台）。只对负责科室、未分办留言的各科室、审查人员和领导、管理员可见；留言人姓名和联系方式从不公开。",
    properties: {
      id: { type: "integer" },
      status: { type: "string", enum: ["moderation", "received", "reply_review", "answered", "rejected"] },
      screeningFindings: { type: "array", items: { $ref: "#/components/schemas/ScreeningFindingView" } },
    },
  },
  ConsoleProposalResponse: {
    type: "object",
    properties: {
      proposal: {
        type: "object",
        description: "一件建议提案（工作台）。所有工作台用户可读；写操作按主办科室授权（其他科室 403），交办限科室负责人和管理员。",
        properties: {
          id: { type: "integer" },
          leadSectionId: { type: ["integer", "null"] },
          canDraftReply: { type: "boolean" },
          can: {
            type: "object",
            description: "当前用户现在可以执行的操作（服务器在每次写入时再次判断）",
            properties: { edit: { type: "boolean" }, assign: { type: "boolean" }, recordFeedback: { type: "boolean" }, reopen: { type: "boolean" }, close: { type: "boolean" } },
          },
          publicFieldsLocked: { type: "boolean", description: "已有公开的答复：年度、类别、届次会议、编号、标题、提出人、主办科室只能在撤回答复后修改（否则 409，code = published）" },
        },
      },
    },
  },
  ConsoleApplicationDetail: {
    type: "object",
    description: "一件申请（工作台）。申请人信息和办理说明仅对办理科室和领导完整显示；其他人看到脱敏信息，说明为 null 且 noteHidden = true，第三方名称脱敏。",
    properties: {
      id: { type: "integer" },
      applicant: { type: "object", properties: { masked: { type: "boolean" } } },
      timeline: {
        type: "array",
        items: {
          type: "object",
          properties: {
            kind: { type: "string" },
            date: { type: "string", format: "date" },
            note: { type: ["string", "null"] },
            noteHidden: { type: "boolean" },
            detail: { type: ["string", "null"], description: "如征求意见的第三方（对无权查看者脱敏，如 李*明）" },
          },
        },
      },
    },
  },
  CategoryTreeResponse: { type: "object", properties: { categories: { type: "array", items: { $ref: "#/components/schemas/CategoryNode" } } } },
};

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
      ...(operation.path === "/api/v1/search" && name === "type" ? SEARCH_TYPE_PARAMETER : QUERY_PARAMETERS[name] ?? { schema: { type: "string" } }),
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
    if (operation.body || operation.query?.length || operation.path.includes("{")) responses["422"] = errorResponse("参数或请求体无效");
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
      schemas,
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", description: "个人令牌 gk_…（我的账号 → API 令牌）：只读或读写，有效期 30、90 或 365 天" },
        sessionCookie: { type: "apiKey", in: "cookie", name: "authjs.session-token", description: "通过 HTTPS 访问时名为 __Secure-authjs.session-token；写请求须同源且为 JSON 或 multipart" },
      },
    },
    security: [{ bearerToken: [] }, { sessionCookie: [] }],
    paths,
  };
}
