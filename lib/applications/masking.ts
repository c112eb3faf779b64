import { maskIdNumber, maskPersonName } from "@/lib/identifiers";

type ApplicantPersonalData = {
  applicantType: string;
  name: string | null;
  idNumber: string | null;
  legalRepresentative: string | null;
  contactName: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
};

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

/**
 * A text written for the applicant (a reply letter's title from an edited template, say) with the
 * applicant's own data in it replaced by the same masks the lists use. Free text written by staff
 * (step notes, comments) may name anyone, so it is not shown masked but not at all.
 */
export function maskApplicantDataIn(text: string, applicant: ApplicantPersonalData): string {
  const personName = (value: string | null) => (value ? [{ value, mask: maskPersonName(value) }] : []);
  const replacements = [
    ...(applicant.applicantType === "natural_person" ? personName(applicant.name) : []),
    ...personName(applicant.legalRepresentative),
    ...personName(applicant.contactName),
    ...(applicant.idNumber ? [{ value: applicant.idNumber, mask: maskIdNumber(applicant.idNumber) }] : []),
    ...(applicant.phone ? [{ value: applicant.phone, mask: maskPhone(applicant.phone) }] : []),
    ...(applicant.email ? [{ value: applicant.email, mask: maskEmail(applicant.email) }] : []),
    ...(applicant.address ? [{ value: applicant.address, mask: maskAddress(applicant.address) }] : []),
  ]
    .filter(({ value }) => value.trim().length >= 2)
    .sort((first, second) => second.value.length - first.value.length);
  return replacements.reduce((masked, { value, mask }) => masked.replaceAll(value, mask), text);
}
