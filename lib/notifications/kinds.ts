/**
 * The kinds of notification (issue 17's API names them exactly). Pure: the OpenAPI document and the
 * unit tests read it too.
 */
export const notificationKinds = [
  "review_waiting",
  "returned",
  "published",
  "withdrawn",
  "application_assigned",
  "application_due_soon",
  "application_overdue",
  "decision_due_soon",
  "proposal_due_soon",
  "message_waiting",
  "report_countdown",
  "consultation_due",
  "fee_period_ending",
] as const;

export type NotificationKind = (typeof notificationKinds)[number];

/** What the event is about, as the outbox row keeps it (resolved in the transaction that causes it). */
export type NotificationEventInput = {
  kind: NotificationKind;
  recordType: string;
  recordId: string | number;
  title: string;
  url: string;
  detail?: string | null;
  sectionId?: number | null;
  recipientIds: number[];
  /** Unique across all events: the same key is never emitted twice (a scheduled scan's record + kind + day). */
  dedupeKey: string;
};

export const emailModes = ["off", "immediate", "digest"] as const;
export type EmailMode = (typeof emailModes)[number];

export const webhookKinds = ["wecom", "dingtalk"] as const;
export type WebhookKind = (typeof webhookKinds)[number];
