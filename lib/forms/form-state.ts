import type { FieldErrors } from "@/lib/errors";
import type { ImportProblem } from "@/lib/imports/problems";

/** What a server action returns to its form: a success notice, or an error with per-field messages. */
export type FormState<Result = unknown> = {
  status: "idle" | "success" | "error";
  message?: string;
  fields?: FieldErrors;
  /** A value shown once after success (e.g. a new API token). */
  secret?: string;
  /** Screening findings a submitter must acknowledge before the item can be submitted. */
  findings?: { key: string; source: string; kind: string; match: string; context: string }[];
  /** What the action made, for a form that shows it instead of itself (the application receipt). */
  result?: Result;
  /**
   * The values typed, when the action asked to keep them: without JavaScript a refused submission
   * re-renders the page, and the fields show these instead of their defaults.
   */
  values?: Record<string, string>;
  /**
   * With an error: the HTTP status the API answers for the same refusal (401, 403, 404, 409, 422,
   * 429; 500 for a fault), so a console form and its API route can be compared (tests/security).
   */
  errorStatus?: number;
  /** A refused import: every problem of the file by row and column (components/forms/import-problems.tsx). */
  importProblems?: ImportProblem[];
  /** Changes on every submission so that the form can reset after success. */
  submittedAt?: number;
};

export const idleFormState: FormState = { status: "idle" };
