/** One required document of a service guide. */
export type ServiceMaterialEntry = { name: string; originals: number; copies: number; note: string | null };

export type ServiceFormEntry = { id: number; title: string; originalName: string; sizeBytes: number; mimeType: string };

/** A service and its guide (服务指南) as the public sees it. */
export type ServiceGuide = {
  code: string;
  name: string;
  power: { code: string; name: string } | null;
  sectionName: string;
  legalBasis: string[];
  conditions: string;
  materials: ServiceMaterialEntry[];
  steps: string[];
  timeLimitDays: number;
  fee: string;
  place: string;
  officeHours: string;
  consultationPhone: string;
  complaintPhone: string;
  forms: ServiceFormEntry[];
};
