/** The application form's fields and limits, for the form (client) and the schemas (server). */

/** Text limits, shown on the form next to each field. */
export const applicationTextLimits = {
  name: 100,
  idNumber: 30,
  creditCode: 18,
  legalRepresentative: 50,
  contactName: 50,
  phone: 20,
  email: 100,
  address: 200,
  description: 2000,
  note: 1000,
  thirdParty: 100,
  appealBody: 100,
  appealSubject: 200,
  templateTitle: 100,
  templateBody: 10_000,
  replyBody: 20_000,
} as const;

export const applicantTypes = ["natural_person", "organisation"] as const;
export const organisationKinds = ["business", "research", "public_interest", "legal_service", "other"] as const;
export const idTypes = ["resident_id", "passport", "other"] as const;
export const deliveryMethods = ["paper", "email", "disc", "pickup"] as const;
export const informationForms = ["paper", "electronic"] as const;
export const receiptMethods = ["online", "in_person", "registered_post", "letter", "fax", "email"] as const;

/** How a fee notice or consultation letter was delivered (送达方式). */
export const noticeDeliveryMethods = ["in_person", "email", "system", "post"] as const;
export type NoticeDeliveryMethod = (typeof noticeDeliveryMethods)[number];
