import { expect, form, formAction, nextNumber, type MatrixRow } from "../matrix-types";

const users = "/api/v1/admin/users";
const sections = "/api/v1/admin/sections";

const newUser = (sectionId: number) => ({
  username: `matrix-new-${nextNumber()}`,
  displayName: "新同事",
  role: "staff",
  sectionId,
  password: "a-long-new-password-1",
});

/** An agency's name and contact as its edit form sends them (the demo bureau's own). */
const agencyContact = {
  name: "绥芬河市城市管理和综合行政执法局",
  shortName: "绥芬河市城管执法局",
  address: "绥芬河市永福街39号",
  postcode: "157399",
  email: "sfhcgj@163.com",
  phone: "",
  website: "zjj.suifenhe.gov.cn",
  officeHours: "工作日 8:30—11:30，13:30—17:00",
  disclosureOffice: "综合科",
  leadingGroup: "王韶波，局长，组长\n季晓明，副局长，副组长",
};

/** Accounts, sections, the catalogue, the calendar, sensitive words, reply templates, the audit export. */
export const administrationRows: MatrixRow[] = [
  { route: `GET ${users}`, expect: expect(401, 403, 403, 403, 403, 200), request: async () => ({}) },
  { route: `POST ${users}`, expect: expect(401, 403, 403, 403, 403, 201), request: async (fx) => ({ json: newUser(fx.sectionId) }) },
  {
    route: `GET ${users}/[id]`,
    case: "the staff member's account",
    expect: expect(401, 403, 403, 403, 403, 200),
    request: async (fx) => ({ params: { id: String(fx.users.staff.id) } }),
  },
  {
    route: `PATCH ${users}/[id]`,
    case: "another account",
    expect: expect(401, 403, 403, 403, 403, 200),
    request: async (fx) => ({ params: { id: String((await fx.accountLike("staff")).id) }, json: { displayName: "改名" } }),
  },
  { route: `GET ${sections}`, expect: expect(401, 200, 200, 200, 200, 200), request: async () => ({}) },
  { route: `POST ${sections}`, expect: expect(401, 403, 403, 403, 403, 201), request: async () => ({ json: { name: `矩阵科${nextNumber()}` } }) },
  {
    route: "GET /admin/audit/export",
    case: "the audit log of one day",
    expect: expect(401, 403, 403, 403, 200, 200),
    request: async () => ({ query: { from: "2026-12-01", to: "2026-12-02" } }),
  },

  // Server actions of 用户管理, 科室, 我的账号.
  {
    action: "app/admin/users/actions.ts#createUserAction",
    expect: expect(401, 403, 403, 403, 403, 200),
    request: async (fx) => formAction([], newUser(fx.sectionId)),
  },
  {
    action: "app/admin/users/actions.ts#updateUserAction",
    case: "another account",
    expect: expect(401, 403, 403, 403, 403, 200),
    request: async (fx) => formAction([(await fx.accountLike("staff")).id], { displayName: "改名", role: "staff", sectionId: fx.sectionId }),
  },
  {
    action: "app/admin/users/actions.ts#resetPasswordAction",
    case: "another account",
    expect: expect(401, 403, 403, 403, 403, 200),
    request: async (fx) => formAction([(await fx.accountLike("staff")).id], { password: "another-long-password-2" }),
  },
  {
    action: "app/admin/users/actions.ts#setDisabledAction",
    case: "disable another account",
    expect: expect(401, 403, 403, 403, 403, 200),
    request: async (fx) => ({ args: [(await fx.accountLike("staff")).id, true, { status: "idle" }] }),
  },
  {
    action: "app/admin/users/actions.ts#endDemoModeAction",
    case: "while the administrator's own password is the demo password",
    expect: expect(401, 403, 403, 403, 403, 409),
    note: "the step is the administrator's; refused with 409 while they would lock themselves out (ending it for real would disable the other demo accounts the walk uses)",
    request: async () => formAction([], { confirm: "on" }),
  },
  {
    action: "app/admin/sections/actions.ts#createSectionAction",
    expect: expect(401, 403, 403, 403, 403, 200),
    request: async () => formAction([], { name: `矩阵科${nextNumber()}` }),
  },
  {
    action: "app/admin/sections/actions.ts#renameSectionAction",
    case: "a section",
    expect: expect(401, 403, 403, 403, 403, 200),
    request: async (fx) => formAction([await fx.section()], { name: `矩阵科${nextNumber()}` }),
  },
  {
    action: "app/admin/account/actions.ts#changePasswordAction",
    case: "one's own password",
    expect: expect(401, 200, 200, 200, 200, 200),
    request: async (fx, actor) => {
      const as = actor === "anonymous" ? undefined : await fx.accountLike(actor, "old-long-password-1");
      return { ...formAction([], { currentPassword: "old-long-password-1", newPassword: "new-long-password-2", confirmPassword: "new-long-password-2" }), as };
    },
  },
  {
    action: "app/admin/account/actions.ts#createTokenAction",
    expect: expect(401, 200, 200, 200, 200, 200),
    request: async () => formAction([], { name: "矩阵令牌", scope: "read", lifetimeDays: "30" }),
  },
  {
    action: "app/admin/account/actions.ts#revokeTokenAction",
    case: "a token of the staff member",
    expect: expect(401, 404, 200, 404, 404, 404),
    note: "only its owner revokes a token; anyone else is told it does not exist",
    request: async (fx) => ({ args: [await fx.apiTokenOf(fx.users.staff), { status: "idle" }] }),
  },
  {
    action: "app/admin/actions.ts#logOut",
    expect: expect(200, 200, 200, 200, 200, 200),
    note: "signing out needs no permission",
    request: async () => ({ args: [] }),
  },

  // The catalogue, the holiday calendar, sensitive words, reply templates (administrators).
  {
    action: "app/admin/catalogue/actions.ts#createCategoryAction",
    expect: expect(401, 403, 403, 403, 403, 200),
    request: async () => formAction([], { name: `矩阵栏目${nextNumber()}`, slug: `matrix-${nextNumber()}`, kind: "list", sortOrder: "0" }),
  },
  {
    action: "app/admin/catalogue/actions.ts#updateCategoryAction",
    case: "an empty category",
    expect: expect(401, 403, 403, 403, 403, 200),
    request: async (fx) => {
      const slug = `matrix-${nextNumber()}`;
      return formAction([await fx.category(slug)], { name: "改名的栏目", slug, kind: "list", sortOrder: "0" });
    },
  },
  {
    action: "app/admin/catalogue/actions.ts#deleteCategoryAction",
    case: "an empty category",
    expect: expect(401, 403, 403, 403, 403, 200),
    request: async (fx) => formAction([await fx.category(`matrix-${nextNumber()}`)]),
  },
  {
    action: "app/admin/calendar/actions.ts#setCalendarOverrideAction",
    expect: expect(401, 403, 403, 403, 403, 200),
    request: async () => formAction([], { date: "2027-10-09", working: "true", note: "矩阵测试调休" }),
  },
  {
    action: "app/admin/calendar/actions.ts#removeCalendarOverrideAction",
    case: "a day with an override",
    expect: expect(401, 403, 403, 403, 403, 200),
    request: async (fx) => formAction([await fx.calendarOverride()]),
  },
  {
    action: "app/admin/sensitive-words/actions.ts#addSensitiveWordsAction",
    expect: expect(401, 403, 403, 403, 403, 200),
    request: async () => formAction([], { words: `矩阵词${nextNumber()}` }),
  },
  {
    action: "app/admin/sensitive-words/actions.ts#removeSensitiveWordAction",
    case: "a word on the list",
    expect: expect(401, 403, 403, 403, 403, 200),
    request: async (fx) => formAction([await fx.sensitiveWord()]),
  },
  {
    action: "app/admin/reply-templates/actions.ts#saveReplyTemplateAction",
    case: "the template for 予以公开",
    expect: expect(401, 403, 403, 403, 403, 200),
    request: async () =>
      formAction(["disclose"], {
        title: "关于{{申请人}}申请的答复书",
        legalBasis: "《中华人民共和国政府信息公开条例》第三十六条",
        body: "{{申请人}}：\n予以公开。",
      }),
  },
  {
    action: "app/admin/reply-templates/actions.ts#resetReplyTemplateAction",
    case: "the template for 予以公开",
    expect: expect(401, 403, 403, 403, 403, 200),
    request: async () => formAction(["disclose"]),
  },

  // 网站标识 (administrators).
  {
    action: "app/admin/site-identity/actions.ts#saveSiteIdentityAction",
    expect: expect(401, 403, 403, 403, 403, 200),
    request: async () =>
      formAction([], {
        siteIdCode: "2310810016",
        icpNumber: "黑ICP备05002436号-1",
        publicSecurityNumber: "黑公网安备23108102000107号",
        sponsorName: "绥芬河市城市管理和综合行政执法局",
        operatorName: "",
        siteMapUrl: "/sitemap.xml",
      }),
  },
  {
    action: "app/admin/site-identity/actions.ts#saveIndexNumberSettingsAction",
    expect: expect(401, 403, 403, 403, 403, 200),
    request: async () => formAction([], { organizationCode: "", indexNumberYearBasis: "written" }),
  },

  // 机关管理 and 本机关信息 (集约化).
  {
    action: "app/admin/agencies/actions.ts#createAgencyAction",
    expect: expect(401, 403, 403, 403, 403, 403),
    note: "only the platform administrator (平台管理员, not a column here) adds agencies: tests/integration/agency-actions.test.ts",
    request: async () => formAction([], { code: `MATRIX-${nextNumber()}`, kind: "department", parentCode: "SFHZF", ...agencyContact }),
  },
  {
    action: "app/admin/agencies/actions.ts#updateAgencyAction",
    case: "the administrator's own agency",
    expect: expect(401, 403, 403, 403, 403, 200),
    request: async (fx) => formAction([fx.users.admin.agencyCode], agencyContact),
  },
  {
    action: "app/admin/agencies/actions.ts#updateAgencyAction",
    case: "another agency (the city government)",
    expect: expect(401, 403, 403, 403, 403, 404),
    note: "an agency's administrator edits only its own agency; another agency's record is not disclosed",
    request: async () => formAction(["SFHZF"], { ...agencyContact, name: "绥芬河市人民政府", shortName: "绥芬河市政府" }),
  },
  // 批量导入机关: the platform administrator's alone (tests/integration/agency-import.test.ts walks it as that administrator).
  {
    route: "GET /admin/agencies/import/template",
    expect: expect(401, 403, 403, 403, 403, 403),
    note: "only the platform administrator (平台管理员, not a column here) imports agencies: tests/integration/agency-import.test.ts",
    request: async () => ({}),
  },
  {
    action: "app/admin/agencies/actions.ts#importAgenciesAction",
    case: "a file that is not a spreadsheet",
    expect: expect(401, 403, 403, 403, 403, 403),
    note: "refused before the upload is read; the platform administrator's 422 for this file and 200 for a good one: tests/integration/agency-import.test.ts",
    request: async () => ({ args: [{ status: "idle" }, form({ file: new File(["这不是表格"], "agencies.xlsx") })] }),
  },
];
