import { expect, formAction, type MatrixRow } from "../matrix-types";

const api = "/api/v1/admin/feedback";
const actions = "app/admin/feedback/actions.ts";
const scoped = "404 for another section's staff: messages (names, contacts) are seen by their section, leaders and administrators";

/** Visitors' messages: the responsible section answers, its head approves and publishes; heads and administrators moderate. */
export const feedbackRows: MatrixRow[] = [
  {
    route: `GET ${api}`,
    expect: expect(401, 200, 200, 200, 200, 200),
    note: "each sees the messages of their section and the unassigned ones; leaders and administrators all",
    request: async () => ({}),
  },
  { route: `GET ${api}/stats`, expect: expect(401, 200, 200, 200, 200, 200), request: async () => ({ query: { year: "2026" } }) },
  {
    route: `GET ${api}/[id]`,
    case: "a message given to 综合科",
    expect: expect(401, 404, 200, 200, 200, 200),
    note: scoped,
    request: async (fx) => ({ params: { id: String((await fx.shared("feedback", () => fx.feedback("received"))).id) } }),
  },
  {
    route: `POST ${api}/[id]/assignment`,
    case: "an unassigned message, to 综合科",
    expect: expect(401, 403, 403, 200, 200, 200),
    request: async (fx) => {
      const feedback = await fx.feedback("unassigned");
      return { params: { id: String(feedback.id) }, json: { sectionId: fx.sectionId, version: feedback.version } };
    },
  },
  {
    route: `POST ${api}/[id]/moderation`,
    case: "release a held message",
    expect: expect(401, 403, 403, 200, 403, 200),
    request: async (fx) => {
      const feedback = await fx.feedback("held");
      return { params: { id: String(feedback.id) }, json: { decision: "release", version: feedback.version } };
    },
  },
  {
    route: `PUT ${api}/[id]/reply`,
    case: "a message given to 综合科",
    expect: expect(401, 404, 200, 200, 403, 403),
    note: scoped,
    request: async (fx) => {
      const feedback = await fx.feedback("received");
      return { params: { id: String(feedback.id) }, json: { body: "已处理。", version: feedback.version } };
    },
  },
  {
    route: `POST ${api}/[id]/reply/transitions`,
    case: "submit a draft reply",
    expect: expect(401, 404, 200, 200, 403, 403),
    note: scoped,
    request: async (fx) => {
      const feedback = await fx.feedback("reply draft");
      return { params: { id: String(feedback.id) }, json: { action: "submit", version: feedback.version } };
    },
  },
  {
    route: `POST ${api}/[id]/reply/transitions`,
    case: "approve and publish a reply in review",
    expect: expect(401, 404, 403, 200, 403, 403),
    note: "the head of the responsible section; no leader step",
    request: async (fx) => {
      const feedback = await fx.feedback("reply review");
      return { params: { id: String(feedback.id) }, json: { action: "approve", publish: true, version: feedback.version } };
    },
  },
  {
    route: `POST ${api}/[id]/unpublish`,
    case: "a published message",
    expect: expect(401, 403, 403, 200, 403, 200),
    request: async (fx) => {
      const feedback = await fx.feedback("published");
      return { params: { id: String(feedback.id) }, json: { reason: "含有不宜公开的内容。", version: feedback.version } };
    },
  },

  {
    action: `${actions}#moderateFeedbackAction`,
    case: "release a held message",
    expect: expect(401, 403, 403, 200, 403, 200),
    request: async (fx) => {
      const feedback = await fx.feedback("held");
      return formAction([feedback.id], { decision: "release", version: feedback.version });
    },
  },
  {
    action: `${actions}#assignFeedbackAction`,
    case: "an unassigned message, to 综合科",
    expect: expect(401, 403, 403, 200, 200, 200),
    request: async (fx) => {
      const feedback = await fx.feedback("unassigned");
      return formAction([feedback.id], { sectionId: fx.sectionId, version: feedback.version });
    },
  },
  {
    action: `${actions}#saveFeedbackReplyAction`,
    case: "a message given to 综合科",
    expect: expect(401, 404, 200, 200, 403, 403),
    note: scoped,
    request: async (fx) => {
      const feedback = await fx.feedback("received");
      return formAction([feedback.id], { body: "已处理。", version: feedback.version });
    },
  },
  {
    action: `${actions}#transitionFeedbackReplyAction`,
    case: "approve and publish a reply in review",
    expect: expect(401, 404, 403, 200, 403, 403),
    request: async (fx) => {
      const feedback = await fx.feedback("reply review");
      return formAction([feedback.id], { action: "approve", publish: "on", version: feedback.version });
    },
  },
  {
    action: `${actions}#unpublishFeedbackAction`,
    case: "a published message",
    expect: expect(401, 403, 403, 200, 403, 200),
    request: async (fx) => {
      const feedback = await fx.feedback("published");
      return formAction([feedback.id], { reason: "含有不宜公开的内容。", version: feedback.version });
    },
  },
];
