/**
 * Catalogue categories whose content is also kept as a register with its own public pages: the
 * category page leads to the register (the items filed in the category still list below it).
 */
export const registerLinks: Record<string, { href: string; label: string }[]> = {
  "power-list": [{ href: "/powers", label: "权责清单（现行及历年版本）" }],
  licensing: [{ href: "/decisions?kind=license", label: "行政许可决定公示（双公示）" }],
  penalties: [{ href: "/decisions?kind=penalty", label: "行政处罚决定公示（双公示）" }],
  coercion: [{ href: "/decisions?kind=coercion", label: "行政强制决定公示" }],
  "random-inspections": [{ href: "/inspections", label: "双随机抽查任务、抽取结果和检查结果" }],
  "public-services": [{ href: "/services", label: "公共服务事项目录和服务指南" }],
  proposals: [{ href: "/proposals", label: "人大代表建议和政协委员提案办理结果" }],
  "annual-reports": [{ href: "/reports/annual", label: "历年政府信息公开工作年度报告（表格版）" }],
};
