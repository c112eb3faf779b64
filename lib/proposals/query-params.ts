import { ValidationError } from "@/lib/errors";
import { FeedbackStatus, ProposalKind, ProposalStatus } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";

/** A `year` query parameter: absent is undefined, anything but a plausible year is a 422. */
export function readYearParam(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  const year = Number(value);
  if (!/^\d{4}$/.test(value) || year < 2000 || year > 2100) throw new ValidationError({ year: [messages.proposals.validation.yearInvalid] });
  return year;
}

export function readKindParam(value: string | null | undefined): ProposalKind | undefined {
  if (!value) return undefined;
  const kind = Object.values(ProposalKind).find((candidate) => candidate === value);
  if (!kind) throw new ValidationError({ kind: [messages.proposals.validation.kindParam] });
  return kind;
}

export function readProposalStatusParam(value: string | null | undefined): ProposalStatus | undefined {
  if (!value) return undefined;
  const status = Object.values(ProposalStatus).find((candidate) => candidate === value);
  if (!status) throw new ValidationError({ status: [messages.proposals.validation.statusParam] });
  return status;
}

export function readFeedbackStatusParam(value: string | null | undefined): FeedbackStatus | undefined {
  if (!value) return undefined;
  const status = Object.values(FeedbackStatus).find((candidate) => candidate === value);
  if (!status) throw new ValidationError({ status: [messages.proposals.validation.statusParam] });
  return status;
}

/** A second id segment (e.g. `replyId`), with the same rules as readIdParam. */
export function readNumericSegment(raw: string | undefined): number | null {
  if (!raw || !/^\d+$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}
