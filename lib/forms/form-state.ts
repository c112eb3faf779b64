import type { FieldErrors } from "@/lib/errors";
import type { ImportProblem } from "@/lib/imports/problems";

/** What a server action returns to its form: a success notice, or an error with per-field messages. */
export type FormState = {
  status: "idle" | "success" | "error";
  message?: string;
  fields?: FieldErrors;
  /** A value shown once after success (e.g. a new API token). */
  secret?: string;
  /** Screening findings a submitter must acknowledge before the item can be submitted. */
  findings?: { key: string; source: string; kind: string; match: string; context: string }[];
  /** A refused import: every problem of the file by row and column (components/forms/import-problems.tsx). */
  importProblems?: ImportProblem[];
  /** Changes on every submission so that the form can reset after success. */
  submittedAt?: number;
};

export const idleFormState: FormState = { status: "idle" };
