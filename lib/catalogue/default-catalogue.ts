/** The default disclosure catalogue: the national column layout, with Art. 20 and the seed's topics. */
export type DefaultCategory = { slug: string; name: string; kind?: "list" | "page"; children?: DefaultCategory[] };

export const defaultCatalogue: DefaultCategory[] = [
  { slug: "guide", name: "政府信息公开指南", kind: "page" },
  { slug: "rules", name: "政府信息公开制度", kind: "page" },
  {
    slug: "statutory",
    name: "法定主动公开内容",
    children: [
      { slug: "functions", name: "机构职能" },
      // 规章 and 行政规范性文件 are separate rows of the annual report's Table 2 (国办公开办函〔2021〕30号):
      // separate categories. Most agencies make no 规章 and leave that one empty.
      { slug: "regulations", name: "规章" },
      { slug: "normative-documents", name: "行政规范性文件" },
      { slug: "major-decisions", name: "重大决策(三重一大)" },
      { slug: "power-list", name: "权责清单" },
      { slug: "licensing", name: "行政许可" },
      { slug: "penalties", name: "行政处罚" },
      { slug: "coercion", name: "行政强制" },
      { slug: "fees", name: "行政事业性收费" },
      { slug: "random-inspections", name: "双随机一公开" },
      { slug: "public-services", name: "公共服务事项" },
      { slug: "proposals", name: "建议提案办理" },
      { slug: "budgets", name: "财政预决算" },
      { slug: "procurement", name: "政府采购" },
      { slug: "plans", name: "规划计划" },
      { slug: "statistics", name: "统计信息" },
      { slug: "personnel", name: "人事信息" },
    ],
  },
  { slug: "annual-reports", name: "政府信息公开年报" },
];
