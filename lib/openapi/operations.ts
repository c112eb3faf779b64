/**
 * Every endpoint of /api/v1, one line each: the source of /api/v1/openapi.json. A test
 * (tests/unit/search-openapi.test.ts) compares this table with the route files under app/api/v1,
 * so an endpoint added without a line here, or removed with its line left, fails the build.
 *
 * `access`: public = anyone (the open-data API: CORS open, rate limited, cacheable);
 * signedIn = any signed-in user; a role name = that role (and admin where the domain allows it).
 */
export type Access = "public" | "signedIn" | "staff" | "admin";
export type Method = "get" | "post" | "put" | "patch" | "delete" | "options";

export type Operation = {
  method: Method;
  /** OpenAPI path, with {name} for route segments. */
  path: string;
  tag: string;
  summary: string;
  access: Access;
  /** Query parameters (names; their schema is in QUERY_PARAMETERS of document.ts). */
  query?: string[];
  /** Takes a JSON body (or multipart for imports). */
  body?: "json" | "multipart";
  /** A component schema name for the 200/201 response, when documented in detail. */
  response?: string;
  /** The response is a file download, not JSON. */
  download?: string;
  /** The response of a successful call is 201 Created. */
  creates?: boolean;
  /** A spreadsheet import: a refused file is 422 `ImportRejected` ({errors: [{row, column, message}]}), nothing stored. */
  imports?: boolean;
};

const paged = ["page", "pageSize"];

export const operations: Operation[] = [
  // Open data: search, items, catalogue, exports, the document itself.
  { method: "get", path: "/api/v1/search", tag: "search", summary: "全文检索：政府信息、权责清单、服务指南、双公示、建议提案答复", access: "public", query: ["q", "type", "category", "year", "issuingBody", "validity", "sort", ...paged], response: "SearchResponse" },
  { method: "options", path: "/api/v1/search", tag: "search", summary: "CORS 预检", access: "public" },
  { method: "get", path: "/api/v1/items", tag: "items", summary: "已公开的政府信息列表（最新在前）", access: "public", query: ["category", "year", "issuingBody", ...paged], response: "ItemPage" },
  { method: "get", path: "/api/v1/items/{id}", tag: "items", summary: "一条已公开的政府信息", access: "public", response: "ItemDetailResponse" },
  { method: "get", path: "/api/v1/categories", tag: "items", summary: "公开目录（栏目树）", access: "public", response: "CategoryTreeResponse" },
  { method: "get", path: "/api/v1/export/{file}", tag: "exports", summary: "导出公开列表：{list}.xlsx 或 {list}.csv（如 items.xlsx），筛选参数同列表接口", access: "public", query: ["category", "year", "issuingBody"], download: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  { method: "options", path: "/api/v1/export/{file}", tag: "exports", summary: "CORS 预检", access: "public" },
  { method: "get", path: "/api/v1/openapi.json", tag: "meta", summary: "本 OpenAPI 3 文档", access: "public", response: "OpenApiDocument" },
  { method: "options", path: "/api/v1/openapi.json", tag: "meta", summary: "CORS 预检", access: "public" },

  // Registers, inspections, proposals, reports: public reads.
  { method: "get", path: "/api/v1/powers", tag: "registers", summary: "权责清单", access: "public", query: ["q", "type", "status", "year", ...paged], response: "PowerPage" },
  { method: "get", path: "/api/v1/powers/{id}", tag: "registers", summary: "一项行政权力", access: "public", response: "PowerResponse" },
  { method: "get", path: "/api/v1/powers/changes", tag: "registers", summary: "权责清单调整记录", access: "public", query: ["from", "to"], response: "PowerChanges" },
  { method: "get", path: "/api/v1/services", tag: "registers", summary: "公共服务事项及服务指南", access: "public", query: ["q", ...paged], response: "ServicePage" },
  { method: "get", path: "/api/v1/services/{id}", tag: "registers", summary: "一项公共服务事项的服务指南", access: "public", response: "ServiceResponse" },
  { method: "get", path: "/api/v1/decisions", tag: "registers", summary: "双公示：行政许可、行政处罚、行政强制决定", access: "public", query: ["kind", "q", "year", "from", "to", ...paged], response: "DecisionPage" },
  { method: "get", path: "/api/v1/decisions/{id}", tag: "registers", summary: "一条双公示决定", access: "public", response: "DecisionResponse" },
  { method: "get", path: "/api/v1/inspections", tag: "inspections", summary: "双随机一公开：抽查任务与结果", access: "public", query: ["year", ...paged], response: "InspectionPage" },
  { method: "get", path: "/api/v1/inspections/{id}", tag: "inspections", summary: "一项抽查任务", access: "public", response: "InspectionResponse" },
  { method: "get", path: "/api/v1/inspections/{id}/draw-input", tag: "inspections", summary: "抽取的输入（可复核的随机数种子与名单）", access: "public", response: "DrawInput" },
  { method: "get", path: "/api/v1/proposals", tag: "proposals", summary: "人大代表建议、政协提案办理结果", access: "public", query: ["kind", "year"], response: "ProposalList" },
  { method: "get", path: "/api/v1/proposals/{id}", tag: "proposals", summary: "一件建议提案及其答复", access: "public", response: "ProposalResponse" },
  { method: "get", path: "/api/v1/proposals/stats", tag: "proposals", summary: "建议提案办理统计", access: "public", query: ["year"], response: "ProposalStats" },
  { method: "get", path: "/api/v1/reports/annual/{year}", tag: "reports", summary: "政府信息公开工作年度报告", access: "public", response: "AnnualReport" },

  // Public forms (not open data: write endpoints).
  { method: "post", path: "/api/v1/applications", tag: "applications", summary: "提交政府信息公开申请", access: "public", body: "json", creates: true, response: "ApplicationReceipt" },
  { method: "get", path: "/api/v1/applications/{number}", tag: "applications", summary: "按申请编号和查询码查询办理状态", access: "public", query: ["code"], response: "ApplicationStatus" },
  { method: "get", path: "/api/v1/feedback", tag: "feedback", summary: "已公开的意见建议及答复", access: "public", query: paged, response: "FeedbackPage" },
  { method: "post", path: "/api/v1/feedback", tag: "feedback", summary: "提交意见建议", access: "public", body: "json", creates: true, response: "Created" },
  { method: "post", path: "/api/v1/feedback/{id}/ratings", tag: "feedback", summary: "对答复评价满意度", access: "public", body: "json", creates: true, response: "Created" },

  // The signed-in user.
  { method: "get", path: "/api/v1/me", tag: "accounts", summary: "当前用户，以及本次请求的认证方式（令牌的权限和到期时间）", access: "signedIn", response: "Me" },

  // Console: accounts and sections.
  { method: "get", path: "/api/v1/admin/users", tag: "accounts", summary: "用户列表", access: "admin", response: "UserList" },
  { method: "post", path: "/api/v1/admin/users", tag: "accounts", summary: "新建用户", access: "admin", body: "json", creates: true, response: "UserResponse" },
  { method: "get", path: "/api/v1/admin/users/{id}", tag: "accounts", summary: "一个用户", access: "admin", response: "UserResponse" },
  { method: "patch", path: "/api/v1/admin/users/{id}", tag: "accounts", summary: "修改用户（角色、科室、停用）", access: "admin", body: "json", response: "UserResponse" },
  { method: "get", path: "/api/v1/admin/sections", tag: "accounts", summary: "科室列表", access: "signedIn", response: "SectionList" },
  { method: "post", path: "/api/v1/admin/sections", tag: "accounts", summary: "新建科室", access: "admin", body: "json", creates: true, response: "SectionResponse" },

  // Console: items.
  { method: "get", path: "/api/v1/admin/items", tag: "items", summary: "工作台信息列表", access: "staff", response: "ConsoleItemPage" },
  { method: "post", path: "/api/v1/admin/items", tag: "items", summary: "新建信息（草稿）", access: "staff", body: "json", creates: true, response: "ConsoleItemResponse" },
  { method: "get", path: "/api/v1/admin/items/{id}", tag: "items", summary: "一条信息（含修订版本与流程）", access: "staff", response: "ConsoleItemResponse" },
  { method: "patch", path: "/api/v1/admin/items/{id}", tag: "items", summary: "修改信息（保存为新修订版本）", access: "staff", body: "json", response: "ConsoleItemResponse" },
  { method: "post", path: "/api/v1/admin/items/{id}/transitions", tag: "items", summary: "审核流程操作：提交、通过、退回、撤回、恢复", access: "staff", body: "json" },

  // Console: applications.
  { method: "get", path: "/api/v1/admin/applications", tag: "applications", summary: "依申请公开台账", access: "staff", response: "ConsoleApplicationPage" },
  { method: "post", path: "/api/v1/admin/applications", tag: "applications", summary: "登记申请（当面、信函等）", access: "staff", body: "json", creates: true, response: "OfflineApplicationReceipt" },
  { method: "get", path: "/api/v1/admin/applications/{id}", tag: "applications", summary: "一件申请（申请人信息、办理说明、第三方名称仅办理科室和领导可见完整内容）", access: "staff", response: "ConsoleApplicationDetail" },
  { method: "post", path: "/api/v1/admin/applications/{id}/steps", tag: "applications", summary: "办理步骤：补正、延期、征求第三方意见、收费", access: "staff", body: "json", creates: true },
  { method: "post", path: "/api/v1/admin/applications/{id}/decision", tag: "applications", summary: "办理决定", access: "staff", body: "json" },
  { method: "patch", path: "/api/v1/admin/applications/{id}/reply", tag: "applications", summary: "起草答复", access: "staff", body: "json" },
  { method: "post", path: "/api/v1/admin/applications/{id}/reply/transitions", tag: "applications", summary: "答复审核流程", access: "staff", body: "json" },
  { method: "post", path: "/api/v1/admin/applications/{id}/appeals", tag: "applications", summary: "登记行政复议、行政诉讼", access: "staff", body: "json", creates: true },
  { method: "post", path: "/api/v1/admin/applications/import", tag: "applications", summary: "导入历史台账（.xlsx 或 .csv）", access: "staff", body: "multipart", imports: true },
  { method: "get", path: "/api/v1/admin/applications/import/template", tag: "applications", summary: "台账导入模板", access: "staff", query: ["format"], download: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  { method: "get", path: "/api/v1/admin/fees/quote", tag: "applications", summary: "信息处理费试算", access: "staff", response: "FeeQuote" },

  // Console: 双公示 decisions.
  { method: "get", path: "/api/v1/admin/decisions", tag: "registers", summary: "双公示决定（工作台）", access: "staff", response: "ConsoleDecisionPage" },
  { method: "post", path: "/api/v1/admin/decisions", tag: "registers", summary: "新建双公示决定", access: "staff", body: "json", creates: true, response: "ConsoleDecisionResponse" },
  { method: "get", path: "/api/v1/admin/decisions/{id}", tag: "registers", summary: "一条双公示决定（工作台）", access: "staff", response: "ConsoleDecisionResponse" },
  { method: "patch", path: "/api/v1/admin/decisions/{id}", tag: "registers", summary: "修改双公示决定", access: "staff", body: "json", response: "ConsoleDecisionResponse" },
  { method: "post", path: "/api/v1/admin/decisions/{id}/transitions", tag: "registers", summary: "双公示决定审核流程", access: "staff", body: "json" },
  { method: "post", path: "/api/v1/admin/decisions/batches/{id}/transitions", tag: "registers", summary: "导入批次整批审核", access: "staff", body: "json" },
  { method: "post", path: "/api/v1/admin/decisions/import", tag: "registers", summary: "导入双公示决定（.xlsx 或 .csv）", access: "staff", query: ["kind"], body: "multipart", imports: true },
  { method: "get", path: "/api/v1/admin/decisions/export", tag: "registers", summary: "导出双公示决定", access: "staff", download: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  { method: "get", path: "/api/v1/admin/decisions/template", tag: "registers", summary: "双公示导入模板", access: "staff", query: ["kind", "format"], download: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },

  // Console: feedback.
  { method: "get", path: "/api/v1/admin/feedback", tag: "feedback", summary: "意见建议（工作台）", access: "staff", response: "ConsoleFeedbackPage" },
  { method: "get", path: "/api/v1/admin/feedback/stats", tag: "feedback", summary: "意见建议统计", access: "staff", response: "FeedbackStats" },
  { method: "get", path: "/api/v1/admin/feedback/{id}", tag: "feedback", summary: "一条意见建议（含保密审查提示）", access: "staff", response: "ConsoleFeedbackDetail" },
  { method: "post", path: "/api/v1/admin/feedback/{id}/assignment", tag: "feedback", summary: "分派承办科室", access: "staff", body: "json" },
  { method: "post", path: "/api/v1/admin/feedback/{id}/moderation", tag: "feedback", summary: "审核留言是否公开", access: "staff", body: "json" },
  { method: "put", path: "/api/v1/admin/feedback/{id}/reply", tag: "feedback", summary: "起草答复", access: "staff", body: "json" },
  { method: "post", path: "/api/v1/admin/feedback/{id}/reply/transitions", tag: "feedback", summary: "答复审核流程：{action, comment?, publish?, acknowledgements?, version}；公开含保密审查提示的留言和答复须逐条确认（否则 422，error.details.findings）", access: "staff", body: "json" },
  { method: "post", path: "/api/v1/admin/feedback/{id}/unpublish", tag: "feedback", summary: "撤下已公开的留言", access: "staff", body: "json" },

  // Console: inspections.
  { method: "get", path: "/api/v1/admin/inspections", tag: "inspections", summary: "抽查任务（工作台）", access: "staff", response: "ConsoleInspectionPage" },
  { method: "post", path: "/api/v1/admin/inspections", tag: "inspections", summary: "新建抽查任务", access: "staff", body: "json", creates: true, response: "ConsoleInspectionResponse" },
  { method: "get", path: "/api/v1/admin/inspections/{id}", tag: "inspections", summary: "一项抽查任务（工作台）", access: "staff", response: "ConsoleInspectionResponse" },
  { method: "patch", path: "/api/v1/admin/inspections/{id}", tag: "inspections", summary: "修改抽查任务", access: "staff", body: "json", response: "ConsoleInspectionResponse" },
  { method: "post", path: "/api/v1/admin/inspections/{id}/draw", tag: "inspections", summary: "随机抽取检查对象和执法检查人员", access: "staff", body: "json" },
  { method: "put", path: "/api/v1/admin/inspections/{id}/results", tag: "inspections", summary: "录入检查结果", access: "staff", body: "json" },
  { method: "post", path: "/api/v1/admin/inspections/{id}/transitions", tag: "inspections", summary: "抽查任务审核流程", access: "staff", body: "json" },
  { method: "get", path: "/api/v1/admin/inspections/inspectors", tag: "inspections", summary: "执法检查人员名录", access: "staff", response: "InspectorList" },
  { method: "post", path: "/api/v1/admin/inspections/inspectors", tag: "inspections", summary: "添加执法检查人员", access: "staff", body: "json", creates: true },
  { method: "post", path: "/api/v1/admin/inspections/inspectors/import", tag: "inspections", summary: "导入执法检查人员名录（.xlsx 或 .csv）", access: "staff", body: "multipart", imports: true },
  { method: "get", path: "/api/v1/admin/inspections/inspectors/template", tag: "inspections", summary: "执法检查人员导入模板", access: "staff", query: ["format"], download: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  { method: "get", path: "/api/v1/admin/inspections/targets", tag: "inspections", summary: "检查对象名录", access: "staff", response: "TargetPage" },
  { method: "post", path: "/api/v1/admin/inspections/targets", tag: "inspections", summary: "添加检查对象", access: "staff", body: "json", creates: true },
  { method: "post", path: "/api/v1/admin/inspections/targets/import", tag: "inspections", summary: "导入检查对象名录（.xlsx 或 .csv）", access: "staff", body: "multipart", imports: true },
  { method: "get", path: "/api/v1/admin/inspections/targets/template", tag: "inspections", summary: "检查对象导入模板", access: "staff", query: ["format"], download: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },

  // Console: proposals.
  { method: "get", path: "/api/v1/admin/proposals", tag: "proposals", summary: "建议提案（工作台）", access: "staff", response: "ConsoleProposalPage" },
  { method: "post", path: "/api/v1/admin/proposals", tag: "proposals", summary: "登记建议提案（同时选择主办科室即交办，限科室负责人和管理员）", access: "staff", body: "json", creates: true, response: "ConsoleProposalResponse" },
  { method: "get", path: "/api/v1/admin/proposals/{id}", tag: "proposals", summary: "一件建议提案（工作台）", access: "staff", response: "ConsoleProposalResponse" },
  { method: "patch", path: "/api/v1/admin/proposals/{id}", tag: "proposals", summary: "修改建议提案（主办科室或管理员，其他科室 403；已有公开答复时公开字段 409）", access: "staff", body: "json", response: "ConsoleProposalResponse" },
  { method: "post", path: "/api/v1/admin/proposals/{id}/assignment", tag: "proposals", summary: "交办：主办、协办科室（科室负责人交办未交办的或本科室主办的；管理员）", access: "staff", body: "json" },
  { method: "post", path: "/api/v1/admin/proposals/{id}/replies", tag: "proposals", summary: "起草答复", access: "staff", body: "json", creates: true },
  { method: "post", path: "/api/v1/admin/proposals/{id}/replies/{replyId}/transitions", tag: "proposals", summary: "答复审核流程", access: "staff", body: "json" },
  { method: "post", path: "/api/v1/admin/proposals/{id}/feedback", tag: "proposals", summary: "登记代表委员满意度（主办科室或管理员）", access: "staff", body: "json" },
  { method: "post", path: "/api/v1/admin/proposals/{id}/close", tag: "proposals", summary: "办结（主办科室或管理员）", access: "staff", body: "json" },
  { method: "post", path: "/api/v1/admin/proposals/{id}/reopen", tag: "proposals", summary: "不满意重新办理（主办科室或管理员）", access: "staff", body: "json" },
  { method: "post", path: "/api/v1/admin/proposals/import", tag: "proposals", summary: "导入建议提案交办清单（.xlsx 或 .csv）", access: "staff", body: "multipart", imports: true },
  { method: "get", path: "/api/v1/admin/proposals/settings", tag: "proposals", summary: "办理期限设置", access: "staff", response: "ProposalSettings" },
  { method: "put", path: "/api/v1/admin/proposals/settings", tag: "proposals", summary: "修改办理期限设置", access: "admin", body: "json", response: "ProposalSettings" },
  { method: "get", path: "/api/v1/admin/proposals/stats", tag: "proposals", summary: "建议提案统计（工作台）", access: "staff", response: "ProposalStats" },
];
