/**
 * A call that works, for every public route handler and every public form (server action): the
 * starting points of the fuzz run for what the matrix does not cover (anyone may call these).
 * tests/integration/fuzz-handlers.test.ts fails on a public route or action without a template here.
 */
import type { MatrixFixtures } from "./matrix-fixtures";
import { formAction, type ActionCall, type RouteCall } from "./matrix-types";

export type PublicTemplate = { target: string; request: (fx: MatrixFixtures) => Promise<RouteCall | ActionCall> };

const none = async () => ({});

export const publicTemplates: PublicTemplate[] = [
  // Open data and the site's own routes.
  { target: "GET /api/health", request: none },
  { target: "GET /api/v1/agencies", request: none },
  { target: "GET /api/v1/categories", request: none },
  { target: "GET /agencies/[code]/[...path]", request: async () => ({ params: { code: "SFHCGJ", path: "catalogue/statutory" } }) },
  { target: "GET /api/v1/agencies", request: none },
  { target: "GET /api/v1/items", request: async () => ({ query: { year: "2017", page: "1", agency: "SFHCGJ" } }) },
  { target: "GET /api/v1/items/[id]", request: async (fx) => ({ params: { id: String((await fx.shared("published item", () => fx.item("published"))).id) } }) },
  { target: "GET /api/v1/search", request: async () => ({ query: { q: "户外广告" } }) },
  { target: "OPTIONS /api/v1/search", request: none },
  { target: "GET /api/v1/export/[file]", request: async () => ({ params: { file: "items.csv" } }) },
  { target: "OPTIONS /api/v1/export/[file]", request: async () => ({ params: { file: "items.csv" } }) },
  { target: "GET /api/v1/openapi.json", request: none },
  { target: "OPTIONS /api/v1/openapi.json", request: none },
  { target: "GET /api/v1/powers", request: async () => ({ query: { type: "license" } }) },
  {
    target: "GET /api/v1/powers/[id]",
    request: async (fx) => ({ params: { id: String((await fx.shared("published power", () => fx.power("published"))).id) } }),
  },
  { target: "GET /api/v1/powers/changes", request: async () => ({ query: { from: "2016", to: "2017" } }) },
  { target: "GET /api/v1/services", request: none },
  {
    target: "GET /api/v1/services/[id]",
    request: async (fx) => ({ params: { id: String((await fx.shared("published service", () => fx.service("published"))).id) } }),
  },
  { target: "GET /api/v1/decisions", request: async () => ({ query: { kind: "penalty" } }) },
  {
    target: "GET /api/v1/decisions/[id]",
    request: async (fx) => ({ params: { id: String((await fx.shared("published decision", () => fx.decision("published"))).id) } }),
  },
  { target: "GET /api/v1/inspections", request: none },
  {
    target: "GET /api/v1/inspections/[id]",
    request: async (fx) => ({ params: { id: String((await fx.shared("published inspection", () => fx.inspection("published"))).id) } }),
  },
  {
    target: "GET /api/v1/inspections/[id]/draw-input",
    request: async (fx) => ({ params: { id: String((await fx.shared("published inspection", () => fx.inspection("published"))).id) } }),
  },
  { target: "GET /api/v1/proposals", request: async () => ({ query: { year: "2026" } }) },
  {
    target: "GET /api/v1/proposals/[id]",
    request: async (fx) => ({ params: { id: String((await fx.shared("replied proposal", () => fx.proposal("replied"))).id) } }),
  },
  { target: "GET /api/v1/proposals/stats", request: async () => ({ query: { year: "2026" } }) },
  { target: "GET /api/v1/reports/annual/[year]", request: async () => ({ params: { year: "2017" } }) },
  { target: "GET /api/v1/me", request: none },
  { target: "GET /feeds/[file]", request: async () => ({ params: { file: "rss.xml" } }) },
  // The feeds read `agency=` (their route files name it, so the fuzz run varies it); one starts from an agency's feed.
  {
    target: "GET /feeds/catalogue/[slug]/[file]",
    request: async () => ({ params: { slug: "normative-documents", file: "atom.xml" }, query: { agency: "SFHCGJ" } }),
  },
  { target: "GET /sitemap.xml", request: none },
  { target: "GET /site-logo/[file]", request: async (fx) => ({ params: { file: await fx.shared("site logo", () => fx.siteLogo()) } }) },
  { target: "GET /files/[id]", request: async (fx) => ({ params: { id: String(await fx.shared("published attachment", () => fx.publishedAttachment())) } }) },
  { target: "GET /proposals/files/[id]", request: async () => ({ params: { id: "1" } }) },
  { target: "GET /reports/annual/[year]/download/[format]", request: async () => ({ params: { year: "2017", format: "docx" } }) },
  { target: "GET /services/[id]/forms/[formId]", request: async () => ({ params: { id: "1", formId: "1" } }) },
  { target: "GET /api/auth/[...nextauth]", request: async () => ({ params: { nextauth: "session" } }) },
  {
    target: "POST /api/auth/[...nextauth]",
    request: async () => ({ params: { nextauth: "callback/credentials" }, json: { username: "staff", password: "wrong-password" } }),
  },

  // Visitors' writes: applications, their status, messages, ratings.
  { target: "POST /api/v1/applications", request: async (fx) => ({ json: fx.publicApplicationInput() }) },
  {
    target: "GET /api/v1/applications/[number]",
    request: async (fx) => {
      const submitted = await fx.shared("submitted application", () => fx.submittedApplication());
      return { params: { number: submitted.number }, query: { code: submitted.lookupCode } };
    },
  },
  {
    target: "POST /applications/reply",
    request: async (fx) => {
      const submitted = await fx.shared("submitted application", () => fx.submittedApplication());
      return { multipart: formOf({ number: submitted.number, code: submitted.lookupCode, format: "html" }) };
    },
  },
  { target: "GET /api/v1/feedback", request: none },
  { target: "POST /api/v1/feedback", request: async () => ({ json: { topic: "井盖松动", content: "永福街人行道上的井盖松动。", mayPublish: true } }) },
  {
    target: "POST /api/v1/feedback/[id]/ratings",
    request: async (fx) => ({
      params: { id: String((await fx.shared("published feedback", () => fx.feedback("published"))).id) },
      json: { rating: "satisfied" },
    }),
  },

  // The public forms.
  { target: "app/(public)/apply/actions.ts#submitApplicationAction", request: async (fx) => formAction([], fx.publicApplicationInput()) },
  {
    target: "app/(public)/applications/actions.ts#lookUpApplicationAction",
    request: async (fx) => {
      const submitted = await fx.shared("submitted application", () => fx.submittedApplication());
      return formAction([], { number: submitted.number, code: submitted.lookupCode });
    },
  },
  {
    target: "app/(public)/feedback/actions.ts#submitFeedbackAction",
    request: async () => formAction([], { topic: "井盖松动", content: "永福街人行道上的井盖松动。", mayPublish: "on" }),
  },
  {
    target: "app/(public)/feedback/actions.ts#rateFeedbackAction",
    request: async (fx) => formAction([(await fx.shared("published feedback", () => fx.feedback("published"))).id], { rating: "satisfied" }),
  },
  { target: "app/login/actions.ts#logIn", request: async () => formAction([], { username: "nobody-here", password: "wrong-password", callbackUrl: "/admin" }) },
];

function formOf(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}
