import type { ProposalKind } from "@/lib/generated/prisma/enums";

/**
 * Data, not interface text: how the assignment lists (交办清单) of people's congresses and CPPCC
 * committees spell the columns and the kinds, recognised on import besides the template's own
 * headers (lib/i18n: messages.imports.proposals.columns). The agencies' files keep these spellings
 * whatever the interface language.
 */
export const headerSpellings = {
  session: ["会议", "届次"],
  number: ["建议提案编号", "案号"],
  kind: ["类型"],
  title: ["案由", "题目"],
  proposers: ["代表委员", "领衔人"],
  leadSection: ["主办单位", "主办"],
  assistingSections: ["协办单位", "协办"],
  deadline: ["答复期限"],
} as const satisfies Record<string, readonly string[]>;

/** The kind as written in a list (any of these spellings, spaces removed). */
export const kindSpellings: Record<string, ProposalKind> = {
  人大代表建议: "suggestion",
  人大建议: "suggestion",
  代表建议: "suggestion",
  建议: "suggestion",
  suggestion: "suggestion",
  政协提案: "proposal",
  政协委员提案: "proposal",
  委员提案: "proposal",
  提案: "proposal",
  proposal: "proposal",
};
