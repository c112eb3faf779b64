import { z } from "zod";
import { FeedbackReplyState, FeedbackStatus, ItemState, ProposalStatus } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { notificationKinds } from "@/lib/notifications/kinds";
import { SEARCH_DOCUMENT_TYPES } from "@/lib/search/types";

/**
 * The JSON bodies /api/v1 answers with, as zod schemas: the source of the OpenAPI document's
 * components (lib/openapi/document.ts publishes them with `z.toJSONSchema`). Each is registered
 * under its component name; lib/openapi/operations.ts names the one each endpoint answers with.
 * tests/integration/openapi-contract.test.ts validates real answers against the published schemas.
 * Objects are closed (no unlisted field may appear), so a field added to an answer must be added here.
 */
export const componentRegistry = z.registry<{ id: string; description?: string }>();

function component<Schema extends z.ZodType>(id: string, schema: Schema, description?: string): Schema {
  componentRegistry.add(schema, { id, ...(description ? { description } : {}) });
  return schema;
}

/** The descriptions of the schemas, by component. */
const said = messages.openapi.schemas;

const int = () => z.int();
const day = () => z.iso.date();
const text = () => z.string();
const nullableText = () => z.string().nullable();
const nullableDay = () => z.iso.date().nullable();
const paging = { total: int(), page: int(), pageSize: int() };
const validity = z.enum(["in_force", "amended", "repealed", "expired"]);
const ratingCounts = z.object({ satisfied: int(), basically_satisfied: int(), unsatisfied: int() });
/** One entry of a record's audit history (工作台). */
const historyEntry = z.looseObject({ id: text(), occurredAt: text(), actorName: nullableText(), action: text(), comment: nullableText() });

export const errorSchema = component(
  "Error",
  z.object({
    error: z.object({
      code: z.string().meta({ examples: ["invalid", "not_found", "rate_limited"] }),
      message: text(),
      fields: z.record(z.string(), z.array(z.string())).optional().describe(said.Error.fields),
      details: z.looseObject({}).optional().describe(said.Error.details),
    }),
  }),
);

const importProblem = component(
  "ImportProblem",
  z.object({
    row: int().nullable().describe(said.ImportProblem.row),
    column: z.string().nullable().describe(said.ImportProblem.column),
    message: text(),
  }),
);
component(
  "ImportRejected",
  z
    .object({
      errors: z.array(importProblem).min(1),
      error: z.object({ code: z.literal("import_rejected"), message: z.string().describe(said.ImportRejected.message) }),
    })
    .describe(said.ImportRejected.self),
);

// Search and items (open data).
const searchResult = component(
  "SearchResult",
  z.object({
    type: z.enum(SEARCH_DOCUMENT_TYPES),
    id: int(),
    title: text(),
    snippet: z.string().describe(said.SearchResult.snippet),
    url: z.string().describe(said.SearchResult.url),
    publishedAt: day(),
    agencyCode: z.string().nullable().describe(said.ItemSummary.agencyCode),
  }),
);
component("SearchResponse", z.object({ total: int().describe(said.SearchResponse.total), results: z.array(searchResult) }));

const itemSummaryFields = {
  id: int(),
  agencyCode: z.string().describe(said.ItemSummary.agencyCode),
  indexNumber: z.string().describe(said.ItemSummary.indexNumber),
  title: text(),
  category: z.object({ slug: text(), name: text() }),
  issuingBody: z.string().describe(said.ItemSummary.issuingBody),
  documentNumber: z.string().nullable().describe(said.ItemSummary.documentNumber),
  writtenAt: z.iso.date().nullable().describe(said.ItemSummary.writtenAt),
  publishedAt: z.iso.date().describe(said.ItemSummary.publishedAt),
  validity,
};
const itemSummary = component("ItemSummary", z.object(itemSummaryFields));
component("ItemPage", z.object({ ...paging, items: z.array(itemSummary) }));
const attachmentView = z.object({ id: int(), name: text(), sizeBytes: int(), mimeType: text() }).catchall(z.unknown());
component(
  "ItemDetailResponse",
  z.object({
    item: z.object({
      ...itemSummaryFields,
      body: z.string().describe(said.ItemDetailResponse.body),
      formedAt: day(),
      validityDate: nullableDay(),
      replacedBy: z.looseObject({}).nullable(),
      interprets: z.object({ id: int(), title: text() }).nullable(),
      interpretations: z.array(z.object({ id: int(), title: text() })),
      channels: z.array(text()),
      keywords: z.array(text()),
      disclosureMode: text(),
      attachments: z.array(attachmentView),
      withdrawal: z.looseObject({}).nullable(),
    }),
  }),
);
const categoryNode: z.ZodType = component(
  "CategoryNode",
  z.object({
    id: int(),
    slug: text(),
    name: text(),
    kind: z.enum(["list", "page"]),
    parentId: int().nullable(),
    sortOrder: int(),
    /** The agency whose own column it is (集约化); null: the platform template. */
    agencyId: int().nullable(),
    get children() {
      return z.array(categoryNode);
    },
  }),
);
component("CategoryTreeResponse", z.object({ categories: z.array(categoryNode) }));
component(
  "AgencyList",
  z.object({
    items: z.array(
      z.object({
        code: text().describe(said.AgencyList.code),
        name: text(),
        shortName: text(),
        parentCode: text().nullable().describe(said.AgencyList.parentCode),
        kind: z.enum(["government", "office", "department", "town"]).describe(said.AgencyList.kind),
      }),
    ),
    total: int(),
  }),
);
component("OpenApiDocument", z.looseObject({ openapi: text(), info: z.looseObject({}), paths: z.looseObject({}) }), said.OpenApiDocument.self);

// Registers.
const powerFields = {
  code: text(),
  name: text(),
  type: text(),
  status: text(),
  legalBasis: z.array(text()),
  statusNote: nullableText(),
  effectiveOn: nullableDay(),
  sectionName: nullableText(),
  accountability: nullableText(),
  responsibilities: nullableText(),
};
const powerView = z.object({ ...powerFields, id: int() });
component(
  "PowerPage",
  z.object({ year: int().nullable(), publishedAt: nullableText(), note: nullableText(), ...paging, items: z.array(powerView), retained: int() }),
);
component("PowerResponse", z.object({ power: powerView }));
const powerEntry = z.object(powerFields);
component(
  "PowerChanges",
  z.object({
    from: int(),
    to: int(),
    added: z.array(powerEntry),
    removed: z.array(powerEntry),
    changed: z.array(z.object({ code: text(), before: powerEntry, after: powerEntry, fields: z.array(text()) })),
    unchanged: int(),
  }),
);
component(
  "ServicePage",
  z.object({
    ...paging,
    items: z.array(z.object({ id: int(), code: text(), name: text(), sectionName: nullableText(), timeLimitDays: int().nullable(), fee: nullableText() })),
  }),
);
component(
  "ServiceResponse",
  z.object({
    service: z.object({
      id: int(),
      code: text(),
      name: text(),
      fee: nullableText(),
      place: nullableText(),
      power: z.object({ code: text(), name: text() }).nullable(),
      steps: z.array(text()),
      materials: z.array(z.object({ name: text(), note: nullableText(), copies: int().nullable(), originals: int().nullable() }).catchall(z.unknown())),
      forms: z.array(z.object({ id: int(), title: text(), mimeType: text(), sizeBytes: int(), originalName: text(), url: text() })),
      conditions: nullableText(),
      legalBasis: z.array(text()),
      officeHours: nullableText(),
      sectionName: nullableText(),
      timeLimitDays: int().nullable(),
      complaintPhone: nullableText(),
      consultationPhone: nullableText(),
      publishedAt: nullableText(),
    }),
  }),
);
const decisionKind = z.enum(["license", "penalty", "coercion"]);
const publicDecisionFields = {
  id: int(),
  kind: decisionKind,
  counterpartyName: text(),
  counterpartyCategory: text(),
  creditCode: nullableText(),
  documentNumber: text(),
  decisionDate: day(),
  content: text(),
  authorityName: text(),
};
component("DecisionPage", z.object({ ...paging, items: z.array(z.object(publicDecisionFields)) }));
component(
  "DecisionResponse",
  z.object({
    decision: z.object({
      ...publicDecisionFields,
      legalRepresentative: nullableText(),
      idType: nullableText(),
      idNumberMasked: nullableText(),
      licenseCategory: nullableText(),
      licenseDocumentName: nullableText(),
      licenseNumber: nullableText(),
      licenseName: nullableText(),
      licenseContent: nullableText(),
      licenseStatus: nullableText(),
      violationType: nullableText(),
      violationFacts: nullableText(),
      penaltyBasis: nullableText(),
      penaltyCategories: z.array(text()),
      penaltyContent: nullableText(),
      penaltyAmount: z.union([z.number(), z.string()]).nullable(),
      fineAmount: z.string().nullable(),
      confiscationAmount: z.string().nullable(),
      suspendedLicense: nullableText(),
      coercionCategory: nullableText(),
      coercionContent: nullableText(),
      validFrom: nullableDay(),
      validUntil: nullableText(),
      authorityCreditCode: nullableText(),
      dataSourceName: nullableText(),
      dataSourceCreditCode: nullableText(),
      remarks: nullableText(),
      publishedAt: nullableText(),
      publicUntil: nullableDay(),
    }),
  }),
);

// Inspections.
const resultsDeadline = z.looseObject({ due: nullableDay(), explanation: text(), status: text() });
const inspectionDraw = z.looseObject({ algorithm: text(), seed: text(), inputHash: text(), drawnAt: text(), verified: z.boolean() });
const inspectionAssignment = z.looseObject({
  id: int(),
  position: int(),
  targetId: int(),
  targetName: text(),
  inspectors: z.array(z.looseObject({ id: int(), name: text() })),
  outcome: nullableText(),
  inspectedOn: nullableDay(),
});
const inspectionFields = {
  id: int(),
  year: int(),
  title: text(),
  description: nullableText(),
  items: z.array(z.looseObject({ id: int(), name: text() })),
  targetCategories: z.array(text()),
  targetCount: int(),
  inspectorsPerTarget: int(),
  startOn: day(),
  endOn: day(),
  sectionName: nullableText(),
  state: text(),
  publishedAt: nullableText(),
  withdrawnAt: nullableText(),
  withdrawalReason: nullableText(),
  resultsState: text(),
  resultsPublishedAt: nullableText(),
  resultsWithdrawnAt: nullableText(),
  resultsWithdrawalReason: nullableText(),
  resultsDeadline: resultsDeadline.nullable(),
  draw: inspectionDraw.nullable(),
  assignments: z.array(inspectionAssignment),
  version: int(),
};
component(
  "InspectionPage",
  z.object({
    ...paging,
    items: z.array(
      z.object({
        id: int(),
        year: int(),
        title: text(),
        items: z.array(text()),
        startOn: day(),
        endOn: day(),
        targetCount: int(),
        publishedAt: nullableText(),
        resultsPublished: z.boolean(),
        resultsDeadline: resultsDeadline.nullable(),
      }),
    ),
  }),
);
component("InspectionResponse", z.object({ kind: text(), inspection: z.object(inspectionFields), resultsPublished: z.boolean() }));
component(
  "DrawInput",
  z
    .object({
      algorithm: text(),
      seed: text(),
      targetCategories: z.array(text()),
      targetCount: int(),
      inspectorsPerTarget: int(),
      targets: z.array(z.object({ id: int(), name: text(), creditCode: nullableText(), address: nullableText(), category: text(), active: z.boolean() })),
      inspectors: z.array(z.object({ id: int(), name: text(), certificateNumber: nullableText(), section: nullableText(), active: z.boolean() })),
      conflicts: z.array(z.object({ inspectorId: int(), targetId: int() })),
    })
    .describe(said.DrawInput.self),
);

// Proposals, reports, applications, feedback (public).
const publicProposalFields = {
  id: int(),
  year: int(),
  session: text(),
  number: text(),
  kind: z.enum(["suggestion", "proposal"]),
  title: text(),
  proposers: z.array(text()),
  leadSection: nullableText(),
  repliedOn: nullableDay(),
  disclosure: text(),
};
component("ProposalList", z.object({ year: int().nullable(), kind: nullableText(), total: int(), proposals: z.array(z.object(publicProposalFields)) }));
component(
  "ProposalResponse",
  z.object({
    proposal: z.object({
      ...publicProposalFields,
      replies: z.array(z.object({ round: int(), repliedOn: nullableDay(), mode: text(), text: nullableText(), attachments: z.array(z.looseObject({})) })),
    }),
  }),
);
const proposalCounts = z.object({
  received: int(),
  replied: int(),
  onTime: int(),
  published: int(),
  withFeedback: int(),
  satisfaction: ratingCounts,
  satisfactionRate: z.number().nullable(),
});
component("ProposalStats", z.object({ year: int(), byKind: z.object({ suggestion: proposalCounts, proposal: proposalCounts }), total: proposalCounts }));
component(
  "AnnualReport",
  z
    .object({
      year: int(),
      status: text(),
      edition: int(),
      table2: z.looseObject({}),
      table3: z.object({ columns: z.array(text()), rows: z.record(z.string(), z.array(z.number())) }),
      table4: z.array(z.number()),
      checks: z.object({ passed: z.boolean(), blocking: z.array(z.unknown()), warnings: z.array(z.unknown()) }),
    })
    .describe(said.AnnualReport.self),
);
const reportTables = {
  table2: z.looseObject({}),
  table3: z.object({ columns: z.array(text()), rows: z.record(z.string(), z.array(z.number())) }),
  table4: z.array(z.number()),
};
component(
  "AnnualReportSummary",
  z
    .object({
      year: int(),
      dueOn: day(),
      agencies: z.array(
        z.object({
          code: text(),
          name: text(),
          kind: text(),
          status: z.enum(["not_started", "draft", "published", "late"]),
          publishedAt: nullableDay(),
          figuresFrom: z.enum(["published", "live"]),
          ...reportTables,
        }),
      ),
      ...reportTables,
    })
    .describe(said.AnnualReportSummary.self),
);
component(
  "ApplicationReceipt",
  z.object({ number: text(), lookupCode: text(), receivedOn: day(), dueOn: nullableDay() }).describe(said.ApplicationReceipt.self),
);
component(
  "ApplicationStatus",
  z.object({
    number: text(),
    status: text(),
    statusLabel: text(),
    receivedOn: day(),
    dueOn: nullableDay(),
    provisional: z.boolean(),
    timeline: z.array(z.object({ date: day(), kind: text(), label: text() })),
    agencyName: text(),
    transferred: z.object({ on: day(), agencyName: text() }).nullable(),
    reply: z.object({ title: text(), outcome: text(), outcomeLabel: text(), issuedOn: day() }).nullable(),
    replyDownload: nullableText(),
  }),
);
component(
  "FeedbackPage",
  z.object({
    ...paging,
    entries: z.array(
      z.object({
        id: int(),
        topic: text(),
        content: text(),
        item: z.looseObject({}).nullable(),
        submittedAt: text(),
        reply: nullableText(),
        replier: nullableText(),
        answeredAt: nullableText(),
        ratings: ratingCounts,
      }),
    ),
  }),
);
component("Created", z.object({ id: int() }), said.Created.self);
component(
  "Me",
  z.object({
    user: z.object({
      id: int(),
      username: text(),
      displayName: text(),
      role: text(),
      sectionId: int().nullable(),
      sectionName: nullableText(),
      agencyId: int(),
      agencyCode: text(),
      agencyName: text(),
      mustChangePassword: z.boolean(),
    }),
    authentication: z.object({ method: text(), scope: nullableText().optional(), expiresAt: nullableText().optional() }),
  }),
);

// Console (工作台).
const userView = z.object({
  id: int(),
  username: text(),
  displayName: text(),
  role: text(),
  sectionId: int().nullable(),
  sectionName: nullableText(),
  agencyId: int(),
  agencyName: text(),
  disabled: z.boolean(),
  createdAt: text(),
});
component("UserList", z.object({ users: z.array(userView) }));
component("UserResponse", z.object({ user: userView }));
const sectionView = z.object({ id: int(), name: text(), sortOrder: int(), userCount: int(), agencyId: int(), agencyName: text() });
component("SectionList", z.object({ sections: z.array(sectionView) }));
component("SectionResponse", z.object({ section: sectionView }));
component("ConsoleItemPage", z.object({ ...paging, items: z.array(z.looseObject({ id: int(), indexNumber: nullableText(), title: text(), state: text() })) }));
component(
  "ConsoleItemResponse",
  z.object({
    item: z.looseObject({
      id: int(),
      state: text(),
      version: int(),
      latest: z.looseObject({ title: text(), body: text() }),
      history: z.array(historyEntry),
      actions: z.array(z.unknown()),
      canEdit: z.boolean(),
    }),
  }),
);
const handlingSection = z.object({ id: int(), name: text(), configured: z.boolean() }).nullable();
component(
  "ConsoleApplicationPage",
  z.object({
    handlingSection,
    ...paging,
    items: z.array(z.looseObject({ id: int(), number: text(), status: text(), receivedOn: day(), dueOn: nullableDay() })),
  }),
);
component(
  "AppealCaseList",
  z.object({
    items: z.array(
      z.object({
        kind: z.enum(["reconsideration", "litigation"]),
        id: int(),
        filedOn: day(),
        body: text(),
        result: text(),
        resultOn: nullableDay(),
        afterReconsideration: z.boolean(),
        note: nullableText(),
        application: z.object({ id: int(), number: text() }).nullable(),
        subject: nullableText(),
      }),
    ),
  }),
);
component(
  "ConsoleApplicationDetail",
  z
    .looseObject({
      id: int(),
      status: text(),
      version: int(),
      applicant: z.looseObject({ masked: z.boolean() }),
      timeline: z.array(
        z.looseObject({
          kind: text(),
          date: day(),
          note: nullableText(),
          noteHidden: z.boolean(),
          detail: z.string().nullable().describe(said.ConsoleApplicationDetail.timelineDetail),
        }),
      ),
      clock: z.looseObject({
        noticesAwaitingReceipt: z
          .array(z.looseObject({ kind: text(), stepId: int().nullable(), sentOn: day() }))
          .describe(said.ConsoleApplicationDetail.noticesAwaitingReceipt),
        consultations: z
          .array(
            z.looseObject({
              kind: text(),
              stepId: int().nullable(),
              from: day(),
              receivedOn: nullableDay(),
              latest: nullableDay(),
              endedOn: nullableDay(),
            }),
          )
          .describe(said.ConsoleApplicationDetail.consultations),
      }),
      fee: z
        .looseObject({
          noticeOn: day(),
          deliveryMethod: nullableText(),
          receivedOn: nullableDay(),
          payBy: nullableDay().describe(said.ConsoleApplicationDetail.feePayBy),
          paidOn: nullableDay(),
        })
        .nullable(),
    })
    .describe(said.ConsoleApplicationDetail.self),
);
component(
  "OfflineApplicationReceipt",
  z.object({ id: int(), number: text(), lookupCode: text(), receivedOn: day(), dueOn: nullableDay() }).describe(said.OfflineApplicationReceipt.self),
);
component(
  "SpotCheck",
  z.object({
    checkedAt: z.iso.datetime(),
    indicators: z.array(
      z.object({
        key: z.enum(["stale_columns", "empty_columns", "broken_links", "wording_errors", "unanswered_messages", "overdue_applications", "annual_report"]),
        status: z.enum(["pass", "warning", "fail"]),
        count: int(),
        url: text(),
      }),
    ),
  }),
);
const deadlineFigure = () => z.object({ onTime: int(), late: int() });
const assessmentSectionFigures = z.object({
  itemsPublished: deadlineFigure(),
  decisionsPublished: deadlineFigure(),
  applicationsAnswered: deadlineFigure().extend({ outcomes: z.record(z.string(), int()) }),
  proposalReplies: deadlineFigure().extend({ satisfaction: z.object({ satisfied: int(), basically_satisfied: int(), unsatisfied: int() }) }),
  messagesAnswered: deadlineFigure(),
  registerFreshness: deadlineFigure().extend({
    registers: z.array(
      z.object({ slug: text(), name: text(), url: text(), lastUpdatedOn: nullableDay(), limitDays: int().nullable(), stale: z.boolean().nullable() }),
    ),
  }),
});
component(
  "Assessment",
  z.object({
    sections: z.array(z.object({ sectionId: int(), name: text(), figures: assessmentSectionFigures })),
    agency: assessmentSectionFigures.extend({ annualReport: deadlineFigure() }),
  }),
);
const notificationView = z.object({
  id: int(),
  kind: z.enum(notificationKinds),
  title: text(),
  url: text(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});
component("NotificationList", z.object({ items: z.array(notificationView), unread: int() }));
component("NotificationResponse", notificationView);
component(
  "FeeQuote",
  z.object({
    amountYuan: z.number(),
    breakdown: z.array(z.looseObject({ amountYuan: z.number() })),
    method: text(),
    quantity: int(),
    summary: text(),
    basis: text(),
  }),
);
component(
  "ConsoleDecisionPage",
  z.object({ ...paging, items: z.array(z.looseObject({ id: int(), kind: decisionKind, documentNumber: text(), state: text() })) }),
);
component(
  "ConsoleDecisionResponse",
  z.object({
    decision: z.looseObject({
      id: int(),
      kind: decisionKind,
      state: text(),
      version: int(),
      values: z.record(z.string(), z.string()),
      history: z.array(historyEntry),
      canEdit: z.boolean(),
    }),
  }),
);
component(
  "ConsoleFeedbackPage",
  z.object({ ...paging, entries: z.array(z.looseObject({ id: int(), topic: text(), status: text(), published: z.boolean() })) }),
);
component(
  "FeedbackStats",
  z.object({
    year: int(),
    received: int(),
    answered: int(),
    published: int(),
    rejected: int(),
    inModeration: int(),
    ratings: ratingCounts,
    satisfactionRate: z.number().nullable(),
  }),
);
const screeningFindingView = component(
  "ScreeningFindingView",
  z.looseObject({
    stage: z.enum(["submission", "publication"]).describe(said.ScreeningFindingView.stage),
    source: z.string().describe(said.ScreeningFindingView.source),
    kind: z.enum(["id_number", "mobile_number", "bank_card", "email", "sensitive_word"]),
    match: text(),
    context: text(),
    acknowledgedNote: nullableText(),
    acknowledgedBy: nullableText(),
  }),
);
component(
  "ConsoleFeedbackDetail",
  z
    .object({
      feedback: z.looseObject({
        id: int(),
        status: z.enum(["moderation", "received", "reply_review", "answered", "rejected"]),
        version: int(),
        screeningFindings: z.array(screeningFindingView),
        history: z.array(historyEntry),
      }),
    })
    .describe(said.ConsoleFeedbackDetail.self),
);
component(
  "ConsoleInspectionPage",
  z.object({ ...paging, years: z.array(int()), items: z.array(z.looseObject({ id: int(), year: int(), title: text(), state: text() })) }),
);
component("ConsoleInspectionResponse", z.object({ inspection: z.looseObject({ ...inspectionFields, history: z.array(historyEntry), canEdit: z.boolean() }) }));
const listVersion = z.object({ version: int(), hash: text() });
component("InspectorList", z.object({ version: listVersion, items: z.array(z.looseObject({ id: int(), name: text(), active: z.boolean() })) }));
component(
  "TargetPage",
  z.object({
    ...paging,
    categories: z.array(z.object({ category: text(), active: int() })),
    version: listVersion,
    items: z.array(z.looseObject({ id: int(), name: text(), active: z.boolean() })),
  }),
);
component(
  "ConsoleProposalPage",
  z.object({ ...paging, proposals: z.array(z.looseObject({ id: int(), year: int(), number: text(), title: text(), status: text() })) }),
);
component(
  "ConsoleProposalResponse",
  z.object({
    proposal: z
      .looseObject({
        id: int(),
        leadSectionId: int().nullable(),
        version: int(),
        canDraftReply: z.boolean(),
        can: z
          .object({ edit: z.boolean(), assign: z.boolean(), recordFeedback: z.boolean(), reopen: z.boolean(), close: z.boolean() })
          .describe(said.ConsoleProposalResponse.can),
        publicFieldsLocked: z.boolean().describe(said.ConsoleProposalResponse.publicFieldsLocked),
        history: z.array(historyEntry),
      })
      .describe(said.ConsoleProposalResponse.self),
  }),
);
component("ProposalSettings", z.object({ replyPeriodMonths: int() }));

/*
 * The answers of the console's writes: what each data-layer function returns (its TypeScript
 * return type, checked against these schemas in tests/unit/openapi-responses.test.ts).
 */
const reviewState = z.enum(ItemState);
const id = int;
const applicationProgress = z.object({
  id: id(),
  number: text(),
  status: text(),
  dueOn: nullableDay(),
  provisional: z.boolean(),
  overdue: z.boolean(),
  explanation: z.array(text()),
});
export const writeResults = {
  ItemTransitionResult: component(
    "ItemTransitionResult",
    z.object({ id: id(), state: reviewState, version: int(), publishAt: z.iso.datetime().nullable() }),
    said.ItemTransitionResult.self,
  ),
  ApplicationProgress: component("ApplicationProgress", applicationProgress, said.ApplicationProgress.self),
  ApplicationDecisionResult: component(
    "ApplicationDecisionResult",
    applicationProgress.extend({ outcome: text(), decidedOn: day() }),
    said.ApplicationDecisionResult.self,
  ),
  ApplicationTransferResult: component(
    "ApplicationTransferResult",
    applicationProgress.extend({ agencyCode: text(), agencyName: text(), receivedOn: day() }),
    said.ApplicationTransferResult.self,
  ),
  ReplyDraftSaved: component("ReplyDraftSaved", z.object({ version: int() })),
  ReplyTransitionResult: component("ReplyTransitionResult", z.object({ state: reviewState, issuedOn: nullableDay() }), said.ReplyTransitionResult.self),
  AppealRecorded: component("AppealRecorded", z.object({ id: id(), kind: z.enum(["reconsideration", "litigation"]) })),
  LedgerImported: component("LedgerImported", z.object({ imported: int() }), said.LedgerImported.self),
  DecisionsImported: component("DecisionsImported", z.object({ imported: int(), batchId: id() }), said.DecisionsImported.self),
  DecisionTransitionResult: component("DecisionTransitionResult", z.object({ id: id(), state: reviewState, version: int() })),
  DecisionBatchTransitionResult: component(
    "DecisionBatchTransitionResult",
    z.object({ count: int(), to: reviewState }),
    said.DecisionBatchTransitionResult.self,
  ),
  FeedbackWriteResult: component(
    "FeedbackWriteResult",
    z.object({ id: id(), status: z.enum(FeedbackStatus), version: int(), replyState: z.enum(FeedbackReplyState).nullable(), published: z.boolean() }),
  ),
  InspectionDrawResponse: component(
    "InspectionDrawResponse",
    z.object({
      draw: z.object({
        inspectionId: id(),
        algorithm: text(),
        seed: text(),
        targetListVersion: int(),
        targetListHash: text(),
        inspectorListVersion: int(),
        inspectorListHash: text(),
        inputHash: text(),
        drawnAt: z.iso.datetime(),
        assignments: z.array(z.object({ position: int(), targetId: id(), targetName: text(), inspectors: z.array(z.object({ id: id(), name: text() })) })),
      }),
    }),
    said.InspectionDrawResponse.self,
  ),
  InspectionWriteResult: component("InspectionWriteResult", z.object({ id: id(), state: reviewState, resultsState: reviewState, version: int() })),
  ListEntryCreated: component("ListEntryCreated", z.object({ id: id(), listVersion: int() }), said.ListEntryCreated.self),
  ListImported: component("ListImported", z.object({ imported: int(), listVersion: int() }), said.ListImported.self),
  ProposalWriteResult: component(
    "ProposalWriteResult",
    z.object({ id: id(), status: z.enum(ProposalStatus), version: int(), deadline: nullableDay() }),
    said.ProposalWriteResult.self,
  ),
  ProposalReplyWriteResult: component("ProposalReplyWriteResult", z.object({ id: id(), proposalId: id(), round: int(), state: reviewState, version: int() })),
  ProposalsImported: component("ProposalsImported", z.object({ imported: int(), ids: z.array(id()) }), said.ProposalsImported.self),
};
