import type { FormState } from "@/lib/forms/form-state";

/** What a received application gives back to its form: the receipt shown once. */
export type ApplicationReceipt = {
  id: number;
  number: string;
  lookupCode: string;
  receivedOn: string;
  dueOn: string;
  receiptExplanation: string;
  /** The agency the application was made to (集约化). */
  agencyName?: string;
};

/** The shared form state, carrying the receipt on success and the typed values on refusal. */
export type ApplicationFormState = FormState<ApplicationReceipt>;
