import "server-only";
import { messages } from "@/lib/i18n";

const m = messages.notifications.records;

type Loose = Record<string, unknown> & { id?: number };

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value.trim() : null);
const numberOf = (value: unknown): number | null => (typeof value === "number" ? value : null);

/**
 * How a notification names a reviewed record and where the console shows it, from the row the
 * engine locked. In one place for every record type (lib/workflow/record-types.ts lists them), and
 * never with personal data: a decision is named by its document number (its counterparty may be a
 * natural person), a visitor's message and an application by their numbers.
 */
export function describeReviewedRecord(recordType: string, row: unknown, fallbackId: string, noun: string): { title: string; url: string } {
  const record = (row ?? {}) as Loose;
  const nested = (key: string) => (record[key] ?? {}) as Loose;
  const id = numberOf(record.id);
  const name = (label: string | null) => (label && m[recordType] ? m[recordType](label) : messages.notifications.recordFallback(noun, fallbackId));
  switch (recordType) {
    case "item": {
      const revision = nested("latestRevision");
      return { title: name(text(revision.title)), url: `/admin/items/${id}` };
    }
    case "power":
      return { title: name(text(record.name)), url: `/admin/powers/${id}` };
    case "service":
      return { title: name(text(record.name)), url: `/admin/services/${id}` };
    case "decision":
      return { title: name(text(record.documentNumber)), url: `/admin/decisions/${id}` };
    case "inspection.plan":
    case "inspection.results":
      return { title: name(text(record.title)), url: `/admin/inspections/${id}` };
    case "proposal_reply": {
      const proposal = nested("proposal");
      return { title: name(text(proposal.title)), url: `/admin/proposals/${numberOf(proposal.id)}` };
    }
    case "feedback_reply":
      // Not the topic: a visitor may have written a name or a phone number there.
      return { title: name(id ? String(id) : null), url: `/admin/feedback/${id}` };
    case "application.reply": {
      const application = nested("application");
      return { title: name(text(application.number)), url: `/admin/applications/${numberOf(application.id)}` };
    }
    case "report": {
      const year = numberOf(record.year);
      return { title: name(year ? String(year) : null), url: year ? `/admin/reports/${year}` : "/admin/reports" };
    }
    default:
      return { title: messages.notifications.recordFallback(noun, fallbackId), url: "/admin" };
  }
}
