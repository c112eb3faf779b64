import { z } from "zod";
import {
  appealSchema,
  proactiveAppealSchema,
  decisionSchema as applicationDecisionSchema,
  offlineApplicationSchema,
  replyEditSchema,
  applicationSubmissionSchema,
  stepSchema,
  transferSchema,
} from "@/lib/applications/application-schemas";
import { decisionColumns, decisionKinds, type DecisionFieldKey } from "@/lib/decisions/decision-fields";
import { decisionBatchReview, decisionReview } from "@/lib/decisions/decision-review";
import { feedbackReplyTransitionSchema } from "@/lib/feedback/feedback-reply-review";
import {
  assignFeedbackSchema,
  feedbackRatingSchema,
  feedbackReplyInputSchema,
  feedbackSubmissionSchema,
  moderationSchema,
  unpublishFeedbackSchema,
} from "@/lib/feedback/feedback-schemas";
import { inspectionTransitionRequestSchema } from "@/lib/inspections/inspection-review";
import { drawRequestSchema, inspectorInputSchema, planInputSchema, resultsInputSchema, targetInputSchema } from "@/lib/inspections/schemas";
import { itemTransitionRequestSchema } from "@/lib/items/item-review";
import { createItemSchema, updateItemSchema } from "@/lib/items/item-schemas";
import { proposalReplyReview } from "@/lib/proposals/proposal-reply-review";
import {
  assignProposalSchema,
  closeProposalSchema,
  createProposalSchema,
  proposalSettingsSchema,
  proposerFeedbackSchema,
  reopenProposalSchema,
  replyInputSchema,
  updateProposalSchema,
} from "@/lib/proposals/proposal-schemas";
import { replyLetterReview } from "@/lib/reply-letters/reply-letter-review";
import { sectionInputSchema } from "@/lib/sections/manage-sections";
import { createUserSchema, updateUserSchema } from "@/lib/users/user-schemas";

/**
 * The zod schema each JSON-body endpoint of /api/v1 parses its body with (the data layer's own
 * schema, not a copy), keyed "method path" as in lib/openapi/operations.ts. The OpenAPI document
 * publishes them as JSON Schema (`z.toJSONSchema`, the input side: what a client may send).
 */

const allDecisionFields = [
  ...new Set(
    decisionKinds.flatMap((kind) =>
      decisionColumns(kind)
        .filter((column) => !column.computed)
        .map((column) => column.key),
    ),
  ),
] as DecisionFieldKey[];

/**
 * A 双公示 decision typed in the console: the kind, then the national data items of that kind as
 * text (lib/decisions/validate-decision.ts checks each against the national rules, the same as an
 * imported row). Describes the body only; the data layer validates it field by field.
 */
const decisionFieldValues = Object.fromEntries(allDecisionFields.map((key) => [key, z.union([z.string(), z.array(z.string()), z.null()]).optional()]));
const decisionCreateSchema = z.object({ kind: z.enum(decisionKinds as [string, ...string[]]), ...decisionFieldValues });
const decisionUpdateSchema = z.object({ version: z.coerce.number().int().positive(), ...decisionFieldValues });

export const requestBodySchemas: Record<string, z.ZodType> = {
  "post /api/v1/applications": applicationSubmissionSchema,
  "post /api/v1/feedback": feedbackSubmissionSchema,
  "post /api/v1/feedback/{id}/ratings": feedbackRatingSchema,

  "post /api/v1/admin/users": createUserSchema,
  "patch /api/v1/admin/users/{id}": updateUserSchema,
  "post /api/v1/admin/sections": sectionInputSchema,

  "post /api/v1/admin/items": createItemSchema,
  "patch /api/v1/admin/items/{id}": updateItemSchema,
  "post /api/v1/admin/items/{id}/transitions": itemTransitionRequestSchema,

  "post /api/v1/admin/applications": offlineApplicationSchema,
  "post /api/v1/admin/applications/{id}/steps": stepSchema,
  "post /api/v1/admin/applications/{id}/decision": applicationDecisionSchema,
  "post /api/v1/admin/applications/{id}/transfer": transferSchema,
  "patch /api/v1/admin/applications/{id}/reply": replyEditSchema,
  "post /api/v1/admin/applications/{id}/reply/transitions": replyLetterReview.requestSchema,
  "post /api/v1/admin/applications/{id}/appeals": appealSchema,
  "post /api/v1/admin/appeals": proactiveAppealSchema,

  "post /api/v1/admin/decisions": decisionCreateSchema,
  "patch /api/v1/admin/decisions/{id}": decisionUpdateSchema,
  "post /api/v1/admin/decisions/{id}/transitions": decisionReview.requestSchema,
  "post /api/v1/admin/decisions/batches/{id}/transitions": decisionBatchReview.requestSchema,

  "post /api/v1/admin/feedback/{id}/assignment": assignFeedbackSchema,
  "post /api/v1/admin/feedback/{id}/moderation": moderationSchema,
  "put /api/v1/admin/feedback/{id}/reply": feedbackReplyInputSchema,
  "post /api/v1/admin/feedback/{id}/reply/transitions": feedbackReplyTransitionSchema,
  "post /api/v1/admin/feedback/{id}/unpublish": unpublishFeedbackSchema,

  "post /api/v1/admin/inspections": planInputSchema,
  "patch /api/v1/admin/inspections/{id}": planInputSchema,
  "post /api/v1/admin/inspections/{id}/draw": drawRequestSchema,
  "put /api/v1/admin/inspections/{id}/results": resultsInputSchema,
  "post /api/v1/admin/inspections/{id}/transitions": inspectionTransitionRequestSchema,
  "post /api/v1/admin/inspections/inspectors": inspectorInputSchema,
  "post /api/v1/admin/inspections/targets": targetInputSchema,

  "post /api/v1/admin/proposals": createProposalSchema,
  "patch /api/v1/admin/proposals/{id}": updateProposalSchema,
  "post /api/v1/admin/proposals/{id}/assignment": assignProposalSchema,
  "post /api/v1/admin/proposals/{id}/replies": replyInputSchema,
  "post /api/v1/admin/proposals/{id}/replies/{replyId}/transitions": proposalReplyReview.requestSchema,
  "post /api/v1/admin/proposals/{id}/feedback": proposerFeedbackSchema,
  "post /api/v1/admin/proposals/{id}/close": closeProposalSchema,
  "post /api/v1/admin/proposals/{id}/reopen": reopenProposalSchema,
  "put /api/v1/admin/proposals/settings": proposalSettingsSchema,
};

/** JSON Schema (draft 2020-12, as OpenAPI 3.1 uses) of what a client may send: the input side of the zod schema. */
export function toOpenApiSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { target: "draft-2020-12", io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return json;
}
