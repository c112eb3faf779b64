/**
 * The default disclosure catalogue: the national column layout, with what Art. 20 of the
 * Regulations (国务院令第711号) lists and current practice adds (国办发〔2018〕118号's 行政执法公示).
 * Slugs are published addresses (/catalogue/<slug>): a renamed category keeps its slug, a new one
 * gets a new slug, and existing installations receive new categories by migration.
 */
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
      // A policy document and its interpretation are prepared, reviewed and published together.
      { slug: "policy-interpretations", name: "政策解读" },
      // Art. 20(3) names 重大行政决策; "三重一大" is a Party-internal rule, not the Regulations' category.
      { slug: "major-decisions", name: "重大行政决策" },
      { slug: "power-list", name: "权责清单" },
      {
        // The three systems of 国办发〔2018〕118号: disclosure before, during and after enforcement.
        slug: "enforcement-disclosure",
        name: "行政执法公示",
        children: [
          { slug: "enforcement-before", name: "事前公开" },
          { slug: "enforcement-during", name: "事中公示" },
          { slug: "enforcement-after", name: "事后公开（执法决定）" },
        ],
      },
      { slug: "licensing", name: "行政许可" },
      { slug: "penalties", name: "行政处罚" },
      { slug: "coercion", name: "行政强制" },
      { slug: "fees", name: "行政事业性收费" },
      { slug: "random-inspections", name: "双随机一公开" },
      { slug: "public-services", name: "公共服务事项" },
      { slug: "proposals", name: "建议提案办理" },
      { slug: "budgets", name: "财政预决算" },
      { slug: "procurement", name: "政府采购" },
      { slug: "major-projects", name: "重大建设项目" },
      { slug: "plans", name: "规划计划" },
      // Art. 20(12): 突发公共事件的应急预案、预警信息及应对情况 (flood and snow-clearing plans of a city management bureau).
      { slug: "emergencies", name: "突发事件应急" },
      { slug: "statistics", name: "统计信息" },
      { slug: "personnel", name: "人事信息" },
    ],
  },
  { slug: "annual-reports", name: "政府信息公开年报" },
];
