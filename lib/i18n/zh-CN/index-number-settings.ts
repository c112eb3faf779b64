/** The 索引号 settings of the agency (merged into lib/i18n/zh-CN.ts as `messages.indexNumberSettings`). */
export const indexNumberSettingsMessages = {
  title: "索引号",
  intro:
    "每条公开信息的索引号由“机构代码/年份-顺序号”组成。机构代码为本机关的统一社会信用代码（18 位）或组织机构代码（9 位）；年份可按成文日期或发布日期确定。修改只影响今后首次发布的信息，已发布信息的索引号不变。",
  fields: {
    organizationCode: "统一社会信用代码或组织机构代码",
    organizationCodeHint: (fallback: string) => `18 位统一社会信用代码（如 11231081412906730M）或 9 位组织机构代码；未填写时使用机构简码 ${fallback}`,
    indexNumberYearBasis: "索引号年份",
    yearBases: { written: "成文日期所在年份（没有成文日期的，按信息形成日期）", published: "发布日期所在年份" },
    save: "保存索引号设置",
  },
  errors: {
    organizationCode: "请填写 18 位统一社会信用代码或 9 位组织机构代码。",
    creditCodeCheck: "统一社会信用代码校验位不正确，请核对（GB 32100-2015）。",
    organizationCodeCheck: "组织机构代码校验位不正确，请核对（GB 11714-1997）。",
    yearBasis: "请选择索引号年份的依据。",
  },
  saved: "索引号设置已保存，今后首次发布的信息按新设置编号。",
} as const;
