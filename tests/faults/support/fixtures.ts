import { createApiToken } from "@/lib/auth/api-tokens";
import { decisionColumns } from "@/lib/decisions/decision-fields";
import { computeCreditCodeCheckCharacter } from "@/lib/identifiers";
import { writeXlsx } from "@/lib/spreadsheets";
import { insertUser } from "../../support/fixtures";

const code = (first17: string) => first17 + computeCreditCodeCheckCharacter(first17);
const authorityCode = code("11231081MB1964057");
const agency = "绥芬河市城市管理和综合行政执法局";

/**
 * A staff member of a new section and a read-write API token of theirs, made in the product's
 * database (process.env.DATABASE_URL must name it). Returns the Authorization header.
 */
export async function createStaffToken(): Promise<{ userId: number; authorization: string }> {
  const staff = await insertUser("staff");
  const { token } = await createApiToken(staff, { name: "fault tests", scope: "read_write" });
  return { userId: staff.id, authorization: `Bearer ${token}` };
}

/** A licensing decision (双公示) as the API takes it: POST /api/v1/admin/decisions. */
export function licenseDecision(documentNumber: string, index: number) {
  return {
    kind: "license",
    counterpartyName: `绥芬河市故障测试商贸有限公司${index}`,
    counterpartyCategory: "legal_entity",
    creditCode: code(`91231081MA${String(1_000_000 + (index % 9_000_000)).slice(-7)}`),
    legalRepresentative: "王立新",
    documentNumber,
    licenseName: "门头牌匾设置许可决定书",
    licenseContent: "准予设置门头牌匾一块。",
    decisionDate: "2017-03-15",
    validFrom: "2017-03-15",
    validUntil: "2018-03-14",
    authorityName: agency,
    authorityCreditCode: authorityCode,
    dataSourceName: agency,
  };
}

/** The licensing template filled with `rows` decisions numbered `${prefix}${n}号`, as .xlsx bytes. */
export async function licenseImportFile(prefix: string, rows: number): Promise<Buffer> {
  const columns = decisionColumns("license");
  const values = Array.from({ length: rows }, (_, index) => {
    const decision: Record<string, string> = licenseDecision(`${prefix}${index + 1}号`, index);
    decision.counterpartyCategory = "法人及非法人组织";
    return columns.map((column) => decision[column.key] ?? "");
  });
  return Buffer.from(await writeXlsx([{ name: "行政许可", columns: columns.map((column) => ({ header: column.header, text: column.text })), rows: values }]));
}

/** A multipart/form-data body with one file field named `file`. */
export function multipartFile(fileName: string, contentType: string, bytes: Buffer): { contentType: string; body: Buffer } {
  const boundary = `----gongkai-faults-${Math.random().toString(16).slice(2)}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { contentType: `multipart/form-data; boundary=${boundary}`, body };
}
