import type { AgencyKind } from "@/lib/generated/prisma/enums";

/**
 * How people write the columns and kinds of an agency import (data, not interface text: the other
 * spellings recognised on import, and the template's example rows).
 */

/** 机关类型 as people write it (the console's names, with or without brackets, and the stored values). */
export const kindSpellings: Record<string, AgencyKind> = {
  本级政府: "government",
  人民政府: "government",
  政府: "government",
  政府办公室: "office",
  部门: "department",
  "乡镇(街道)": "town",
  乡镇街道: "town",
  乡镇: "town",
  街道: "town",
  government: "government",
  office: "office",
  department: "department",
  town: "town",
};

/** Other headers recognised for some columns. */
export const agencyImportAliases = { name: ["机关名称"], kind: ["机关类别"], postcode: ["邮编"] };

/** The template's example rows (a government, a department, a street office). */
export const agencyImportExamples = [
  ["SFHZF", "绥芬河市人民政府", "绥芬河市政府", "", "", "本级政府", "", "", "", "", ""],
  ["SFHFGW", "绥芬河市发展和改革局", "市发改局", "", "SFHZF", "部门", "fgw-admin", "王明", "绥芬河市通天路1号", "157300", "fgw@example.gov.cn"],
  ["SFHJD-01", "绥芬河市某某街道办事处", "某某街道", "", "SFHZF", "乡镇（街道）", "jd01-admin", "李华", "", "", ""],
];
