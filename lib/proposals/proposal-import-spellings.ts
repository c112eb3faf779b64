import type { ProposalKind } from "@/lib/generated/prisma/enums";

/**
 * Data, not interface text: how the assignment lists of people's congresses and CPPCC committees
 * spell the columns and the kinds, recognised on import besides the template's own headers
 * (lib/i18n: messages.proposals.importList.columns).
 */
export const otherSpellings = {
  session: ["会议", "届次"],
  number: ["建议提案编号", "案号"],
  kind: ["类型"],
  title: ["案由", "题目"],
  proposers: ["代表委员", "领衔人"],
  leadSection: ["主办单位", "主办"],
  assistingSections: ["协办单位", "协办"],
  deadline: ["答复期限"],
} as const;

/** The kind as written in a list (any of these spellings). */
export const kindNames: Record<string, ProposalKind> = {
  人大代表建议: "suggestion", 人大建议: "suggestion", 代表建议: "suggestion", 建议: "suggestion", suggestion: "suggestion",
  政协提案: "proposal", 政协委员提案: "proposal", 委员提案: "proposal", 提案: "proposal", proposal: "proposal",
};
