import { z } from "zod";
import { ValidationError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { findScreeningFindings, type ScreeningFindingKind, type ScreeningOptions } from "@/lib/screening";

/**
 * How a submitter acknowledges screening findings (保密审查提示): one note per finding key. Taken by
 * every reviewed record whose public text is screened (items, proposal replies, visitors' messages),
 * each with its own messages.
 */
export function acknowledgementsSchemaWith(errors: { noteRequired: string; noteTooLong: string; invalid?: string }) {
  const invalid = errors.invalid ? { error: errors.invalid } : undefined;
  return z
    .array(
      z.object({
        key: z.string().min(1).max(200),
        note: z.string().trim().min(1, { error: errors.noteRequired }).max(500, { error: errors.noteTooLong }),
      }),
      invalid,
    )
    .max(200, invalid)
    .optional();
}

export const acknowledgementsSchema = acknowledgementsSchemaWith({
  noteRequired: messages.items.validation.acknowledgementNoteRequired,
  noteTooLong: messages.items.validation.acknowledgementNoteTooLong,
});

export type Acknowledgement = { key: string; note: string };

/** Acknowledgements sent by a console form: `ack:<finding key>` fields with a note. */
export function acknowledgementsFromForm(formData: FormData): Acknowledgement[] {
  return [...formData.entries()]
    .filter(([key, value]) => key.startsWith("ack:") && typeof value === "string" && value.trim())
    .map(([key, value]) => ({ key: key.slice(4), note: String(value) }));
}

/** A finding as the acknowledgement form shows it (components/forms/acknowledge-findings.tsx). */
export type AcknowledgeableFinding = { key: string; source: string; kind: string; match: string; context: string };

/** A step refused until every finding has a note: 422, the findings in `details.findings` for the form. */
export class FindingsToAcknowledge extends ValidationError {
  constructor(readonly findings: AcknowledgeableFinding[]) {
    super({ acknowledgements: [messages.items.rules.findingsToAcknowledge(findings.length)] }, messages.items.rules.findingsTitle);
    this.details = { findings };
  }
}

/**
 * The findings of each text, keyed so that the same texts give the same keys (how an
 * acknowledgement names its finding): `source|kind|start|match`.
 */
export function findingsOfTexts(
  texts: { source: string; text: string }[],
  options: ScreeningOptions,
): (AcknowledgeableFinding & { kind: ScreeningFindingKind })[] {
  return texts.flatMap(({ source, text }) =>
    findScreeningFindings(text, options).map((finding) => ({
      key: `${source}|${finding.kind}|${finding.start}|${finding.match}`,
      source,
      kind: finding.kind,
      match: finding.match,
      context: finding.context,
    })),
  );
}

/** The note of every finding, or FindingsToAcknowledge when one has none. */
export function notesForFindings(findings: AcknowledgeableFinding[], acknowledgements: Acknowledgement[]): Map<string, string> {
  const notes = new Map(acknowledgements.map((entry) => [entry.key, entry.note]));
  if (findings.some((finding) => !notes.get(finding.key))) throw new FindingsToAcknowledge(findings);
  return notes;
}
