import { maskIdNumber, maskPersonName } from "@/lib/identifiers";

/**
 * Masks for applicant data shown to people who may not see it in full (and in every list):
 * 张*三, 2301**********1234, 138****5678, z***@example.com. Organisation names and credit codes
 * are public registers' data and stay readable; the people behind them do not.
 */

export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  if (digits.length < 7) return "*".repeat(digits.length);
  return `${digits.slice(0, 3)}${"*".repeat(digits.length - 7)}${digits.slice(-4)}`;
}

export function maskEmail(email: string): string {
  const [local, domain] = email.split("@");
  if (!domain) return "***";
  return `${Array.from(local)[0] ?? ""}***@${domain}`;
}

export function maskAddress(address: string): string {
  const characters = Array.from(address);
  return characters.length <= 6 ? "****" : `${characters.slice(0, 6).join("")}****`;
}

/** The applicant as a list shows it: a person's name masked, an organisation's name as registered. */
export function maskApplicantName(applicantType: string, name: string | null): string {
  if (!name) return "—";
  return applicantType === "natural_person" ? maskPersonName(name) : name;
}

export { maskIdNumber, maskPersonName };
