import "../support/server-rendering";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Metadata } from "next";
import { NextRequest } from "next/server";
import type { ReactNode } from "react";
import { VIEWED_AGENCY_HEADER, viewedAgencyCode } from "@/lib/agency/agency-address";
import { createAgency } from "@/lib/agency/manage-agencies";
import type { ActingUser } from "@/lib/auth/acting-user";
import { clockStartingAt, setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import type { PowerEntry } from "@/lib/powers/power-entry";
import type { ServiceGuide } from "@/lib/services/service-guide";
import { seedBaseData } from "@/prisma/seed/seed-base";
import { importAppModule } from "../security/matrix-walk";
import { getAccessFallbackHTTPStatus, isHTTPAccessFallbackError, runInRequestScope } from "../security/next-request-scope";
import { insertSection, insertUser } from "../support/fixtures";
import { readPage, type PageView } from "../support/page-tree";
import { useMigratedTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * The public register pages by agency (集约化, issue 15): /decisions, /powers, /services,
 * /inspections and /proposals with `?agency=CODE` list only that agency's records, keep the agency
 * on every link, name it in the breadcrumb, and answer 404 for an unknown code; without `agency=`
 * they list the default agency's, as before. The header and the titles name the agency the address
 * names (the proxy's request header, read by the layout).
 */

const bureau = "绥芬河市城市管理和综合行政执法局";
const education = "绥芬河市教育局";

let database: TestDatabase;
type Side = { sectionId: number; staff: ActingUser; label: string };
let home: Side;
let other: Side;

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function insertDecision(side: Side, number: string, decisionDate = "2026-03-02") {
  return db.administrativeDecision.create({
    data: {
      kind: "license",
      counterpartyName: `${side.label}的相对人${number}`,
      counterpartyCategory: "legal_entity",
      documentNumber: `${side.label}许字〔2026〕第${number}号`,
      licenseContent: "准予设置户外广告。",
      penaltyCategories: [],
      decisionDate: day(decisionDate),
      authorityName: side.label,
      authorityCreditCode: "11231081MB1964057X",
      dataSourceName: side.label,
      disclosureDueOn: day(decisionDate),
      state: "published",
      sectionId: side.sectionId,
      authorId: side.staff.id,
      lastEditorId: side.staff.id,
      publishedAt: new Date(`${decisionDate}T09:00:00+08:00`),
    },
  });
}

async function insertPower(side: Side, code: string, name: string) {
  const entry: PowerEntry = {
    code,
    name,
    type: "license",
    legalBasis: ["某条例第十一条"],
    sectionName: "科室",
    responsibilities: "受理、审查、决定。",
    accountability: "不予受理的。",
    status: "retained",
    statusNote: null,
    effectiveOn: "2026-01-01",
  };
  await db.power.create({
    data: {
      code,
      name,
      type: "license",
      legalBasis: entry.legalBasis,
      sectionId: side.sectionId,
      responsibilities: entry.responsibilities,
      accountability: entry.accountability,
      effectiveOn: day(entry.effectiveOn),
      state: "published",
      ownerSectionId: side.sectionId,
      authorId: side.staff.id,
      lastEditorId: side.staff.id,
      publishedContent: entry,
      publishedAt: new Date("2026-01-05T09:00:00+08:00"),
    },
  });
  return entry;
}

async function insertPowerListVersion(side: Side, agencyId: number, year: number, entries: PowerEntry[]) {
  await db.powerListVersion.create({
    data: { agencyId, year, entries, entryCount: entries.length, publishedAt: new Date(`${year}-06-30T09:00:00+08:00`), publishedById: side.staff.id },
  });
}

async function insertService(side: Side, code: string, name: string) {
  const guide: ServiceGuide = {
    code,
    name,
    power: null,
    sectionName: "科室",
    legalBasis: ["某条例"],
    conditions: "依法登记。",
    materials: [],
    steps: ["申请", "受理"],
    timeLimitDays: 5,
    fee: "不收费",
    place: "某街1号",
    officeHours: "工作日",
    consultationPhone: "0453-1",
    complaintPhone: "0453-2",
    forms: [],
  };
  await db.service.create({
    data: {
      code,
      name,
      sectionId: side.sectionId,
      legalBasis: guide.legalBasis,
      conditions: guide.conditions,
      steps: guide.steps,
      timeLimitDays: guide.timeLimitDays,
      fee: guide.fee,
      place: guide.place,
      officeHours: guide.officeHours,
      consultationPhone: guide.consultationPhone,
      complaintPhone: guide.complaintPhone,
      state: "published",
      ownerSectionId: side.sectionId,
      authorId: side.staff.id,
      lastEditorId: side.staff.id,
      publishedContent: guide,
      publishedAt: new Date("2026-01-05T09:00:00+08:00"),
    },
  });
}

async function insertInspection(side: Side, title: string, year: number) {
  await db.inspection.create({
    data: {
      year,
      title,
      description: "随机抽查。",
      targetCount: 3,
      inspectorsPerTarget: 2,
      startOn: day(`${year}-04-01`),
      endOn: day(`${year}-04-30`),
      sectionId: side.sectionId,
      authorId: side.staff.id,
      lastEditorId: side.staff.id,
      state: "published",
      publishedAt: new Date(`${year}-03-20T09:00:00+08:00`),
    },
  });
}

async function insertProposal(side: Side, agencyId: number, number: string, title: string) {
  await db.proposal.create({
    data: {
      agencyId,
      year: 2026,
      session: "市第十六届人民代表大会第一次会议",
      number,
      kind: "suggestion",
      title,
      proposers: ["某代表"],
      receivedOn: day("2026-02-01"),
      leadSectionId: side.sectionId,
      status: "closed",
      replies: {
        create: {
          round: 1,
          state: "published",
          body: "答复正文。",
          disclosure: "full",
          dueOn: day("2026-05-01"),
          repliedOn: day("2026-04-01"),
          onTime: true,
          publishedAt: new Date("2026-04-02T09:00:00+08:00"),
          authorId: side.staff.id,
          lastEditedById: side.staff.id,
        },
      },
    },
  });
}

type Page = (props: { searchParams: Promise<Record<string, string>> }) => Promise<ReactNode>;
type DetailPage = (props: { params: Promise<Record<string, string>>; searchParams: Promise<Record<string, string>> }) => Promise<ReactNode>;

// Imported once the server environment is set up (tests/support/server-rendering.ts).
let DecisionsPage: Page;
let DecisionPage: DetailPage;
let PowersPage: Page;
let PowerChangesPage: Page;
let ServicesPage: Page;
let InspectionsPage: Page;
let ProposalsPage: Page;
let AgencyColumnPage: (props: { params: Promise<{ code: string }> }) => Promise<ReactNode>;
let PublicLayout: (props: { children: ReactNode }) => Promise<ReactNode>;
let layoutMetadata: () => Promise<Metadata>;

async function importPages() {
  const page = async (file: string) => (await importAppModule(file)).default as never;
  DecisionsPage = await page("app/(public)/decisions/page.tsx");
  DecisionPage = await page("app/(public)/decisions/[id]/page.tsx");
  PowersPage = await page("app/(public)/powers/page.tsx");
  PowerChangesPage = await page("app/(public)/powers/changes/page.tsx");
  ServicesPage = await page("app/(public)/services/page.tsx");
  InspectionsPage = await page("app/(public)/inspections/page.tsx");
  ProposalsPage = await page("app/(public)/proposals/page.tsx");
  AgencyColumnPage = await page("app/(public)/agencies/[code]/page.tsx");
  const layout = await importAppModule("app/(public)/layout.tsx");
  PublicLayout = layout.default as never;
  layoutMetadata = layout.generateMetadata as never;
}

/** The page as a visitor of `query` sees it. */
async function open(page: Page, query: Record<string, string> = {}): Promise<PageView> {
  return readPage(page({ searchParams: Promise.resolve(query) }));
}

/** The status the page answers when it does not render (404 from notFound()). */
async function statusOf(render: () => Promise<unknown>): Promise<number> {
  try {
    await render();
    return 200;
  } catch (error) {
    if (isHTTPAccessFallbackError(error)) return getAccessFallbackHTTPStatus(error);
    throw error;
  }
}

/** Every link of the page that leads to a page of the site's registers keeps `?agency=CODE`. */
function assertLinksKeepAgency(view: PageView, code: string, registers: RegExp) {
  const internal = view.links.filter((href) => registers.test(href));
  assert.ok(internal.length > 0, "the page has links to keep");
  for (const href of internal) assert.match(href, new RegExp(`[?&]agency=${code}(&|$)`), `${href} keeps the agency`);
}

let homeAgencyId: number;
let otherAgencyId: number;

before(async () => {
  database = await useMigratedTestDatabase();
  await importPages();
  setClock(clockStartingAt("2026-12-02T10:00:00+08:00"));
  await seedBaseData();
  homeAgencyId = (await db.agency.findFirstOrThrow({ where: { isDefault: true } })).id;
  const contact = { address: "绥芬河市某街1号", postcode: "157300", email: "office@example.gov.cn" };
  await createAgency(null, { code: "SFHZF", name: "绥芬河市人民政府", shortName: "市政府", kind: "government", ...contact });
  otherAgencyId = (await createAgency(null, { code: "SFHJYJ", name: education, shortName: "市教育局", kind: "department", parentCode: "SFHZF", ...contact }))
    .id;
  const homeSection = await insertSection("综合执法科");
  const otherSection = await insertSection("基础教育科", otherAgencyId);
  home = { sectionId: homeSection, staff: await insertUser("staff", { sectionId: homeSection }), label: "城管" };
  other = { sectionId: otherSection, staff: await insertUser("staff", { sectionId: otherSection }), label: "教育" };

  await insertDecision(home, "001");
  // Enough of the other agency's for a second page (20 a page), one of them in another year.
  for (let index = 1; index <= 21; index += 1) await insertDecision(other, String(index).padStart(3, "0"), index === 21 ? "2025-06-02" : "2026-03-02");
  const homePower = await insertPower(home, "HOME-XK-001", "设置大型户外广告审批");
  const otherPower = await insertPower(other, "JY-XK-001", "民办学校设立审批");
  await insertPowerListVersion(home, homeAgencyId, 2016, [homePower]);
  await insertPowerListVersion(other, otherAgencyId, 2024, [otherPower]);
  await insertPowerListVersion(other, otherAgencyId, 2025, [otherPower, { ...otherPower, code: "JY-XK-002", name: "校外培训机构审批" }]);
  await insertService(home, "HOME-FW-001", "门头牌匾设置");
  await insertService(other, "JY-FW-001", "教师资格认定");
  await insertInspection(home, "2026年市容环境卫生随机抽查", 2026);
  await insertInspection(other, "2024年民办学校办学行为随机抽查", 2024);
  await insertProposal(home, homeAgencyId, "第1号", "关于增设街道果皮箱的建议");
  await insertProposal(other, otherAgencyId, "第2号", "关于增加校车线路的建议");
});
after(async () => {
  setClock(null);
  await database.drop();
});

describe("the public register pages by agency (?agency=CODE)", () => {
  test("/decisions: the chosen agency's decisions only, its years, every link and the filter form keep the agency; the breadcrumb names it", async () => {
    const chosen = await open(DecisionsPage, { agency: "SFHJYJ" });
    assert.match(chosen.text, /教育许字〔2026〕第001号/);
    assert.doesNotMatch(chosen.text, /城管许字/, "not the bureau's decision");
    assert.match(chosen.text, /共 21 条|21/);
    assert.ok(chosen.links.includes("/agencies/SFHJYJ"), "the breadcrumb leads to the agency's column");
    assert.match(chosen.text, new RegExp(`首页 › 机关导航 › ${education} › 双公示`));
    assert.deepEqual(chosen.hidden.agency, ["SFHJYJ"], "the filter form keeps the agency");
    assertLinksKeepAgency(chosen, "SFHJYJ", /^\/decisions/);
    const nextPage = chosen.links.map((href) => new URL(href, "http://localhost")).find((url) => url.searchParams.get("page") === "2");
    assert.equal(nextPage?.searchParams.get("agency"), "SFHJYJ", "the next page keeps it");
    assert.ok(chosen.text.includes("2025") && chosen.text.includes("2026"), "the agency's years in the filter");

    const byDefault = await open(DecisionsPage);
    assert.match(byDefault.text, /城管许字〔2026〕第001号/);
    assert.doesNotMatch(byDefault.text, /教育许字/, "without agency= the default agency's, as before");
    assert.doesNotMatch(byDefault.text, /机关导航/);
    assert.equal(byDefault.hidden.agency, undefined);
    assert.ok(!byDefault.links.some((href) => href.includes("agency=")), "the default agency's addresses carry no agency");
    assert.ok(!byDefault.text.includes("2025"), "only the default agency's years");

    // The bureau's code names the default agency: its list, with the addresses from before.
    const bureauChosen = await open(DecisionsPage, { agency: "sfhcgj" });
    assert.match(bureauChosen.text, /城管许字〔2026〕第001号/);
    assert.ok(!bureauChosen.links.some((href) => href.includes("agency=")));

    assert.equal(await statusOf(() => open(DecisionsPage, { agency: "NO-SUCH" })), 404);
    assert.equal(await statusOf(() => open(DecisionsPage, { agency: "bad code!" })), 404);
  });

  test("a decision of another agency is still shown by its id; from that agency's list its breadcrumb leads back to it", async () => {
    const decision = await db.administrativeDecision.findFirstOrThrow({ where: { documentNumber: "教育许字〔2026〕第001号" } });
    const detail = (query: Record<string, string>) =>
      readPage(DecisionPage({ params: Promise.resolve({ id: String(decision.id) }), searchParams: Promise.resolve(query) }));
    const plain = await detail({});
    assert.match(plain.text, /教育许字〔2026〕第001号/);
    assert.ok(plain.links.includes("/decisions"));
    const chosen = await detail({ agency: "SFHJYJ" });
    assert.ok(chosen.links.includes("/decisions?agency=SFHJYJ"));
    assert.ok(chosen.links.includes("/decisions?kind=license&agency=SFHJYJ"));
    assert.equal(await statusOf(() => detail({ agency: "NO-SUCH" })), 404);
  });

  test("/powers and /powers/changes: the chosen agency's list and yearly versions; the comparison of its own years", async () => {
    const chosen = await open(PowersPage, { agency: "SFHJYJ" });
    assert.match(chosen.text, /民办学校设立审批/);
    assert.doesNotMatch(chosen.text, /设置大型户外广告审批/);
    assert.ok(chosen.links.includes("/powers?year=2025&agency=SFHJYJ") && chosen.links.includes("/powers?year=2024&agency=SFHJYJ"));
    assert.ok(!chosen.links.some((href) => href.includes("year=2016")), "not the bureau's yearly lists");
    assert.ok(chosen.links.includes("/powers/changes?from=2024&to=2025&agency=SFHJYJ"));
    assert.deepEqual(chosen.hidden.agency, ["SFHJYJ"]);
    assertLinksKeepAgency(chosen, "SFHJYJ", /^\/powers/);

    const byDefault = await open(PowersPage);
    assert.match(byDefault.text, /设置大型户外广告审批/);
    assert.doesNotMatch(byDefault.text, /民办学校设立审批/);
    assert.equal(await statusOf(() => open(PowersPage, { agency: "NO-SUCH" })), 404);

    const changes = await open(PowerChangesPage, { agency: "SFHJYJ", from: "2024", to: "2025" });
    assert.match(changes.text, /校外培训机构审批/, "what the agency added in 2025");
    assert.deepEqual(changes.hidden.agency, ["SFHJYJ"]);
    assert.ok(changes.links.includes("/powers?agency=SFHJYJ"));
    assert.equal(await statusOf(() => open(PowerChangesPage, { agency: "NO-SUCH" })), 404);
  });

  test("/services, /inspections and /proposals: the chosen agency's records only, its links kept, 404 for an unknown code", async () => {
    const services = await open(ServicesPage, { agency: "SFHJYJ" });
    assert.match(services.text, /教师资格认定/);
    assert.doesNotMatch(services.text, /门头牌匾设置/);
    assert.deepEqual(services.hidden.agency, ["SFHJYJ"]);
    assertLinksKeepAgency(services, "SFHJYJ", /^\/services/);
    assert.match((await open(ServicesPage)).text, /门头牌匾设置/);
    assert.doesNotMatch((await open(ServicesPage)).text, /教师资格认定/);
    assert.equal(await statusOf(() => open(ServicesPage, { agency: "NO-SUCH" })), 404);

    const inspections = await open(InspectionsPage, { agency: "SFHJYJ" });
    assert.match(inspections.text, /民办学校办学行为随机抽查/);
    assert.doesNotMatch(inspections.text, /市容环境卫生随机抽查/);
    assert.ok(!inspections.text.includes("2026"), "only the agency's years in the filter");
    assertLinksKeepAgency(inspections, "SFHJYJ", /^\/inspections/);
    assert.doesNotMatch((await open(InspectionsPage)).text, /民办学校/);
    assert.equal(await statusOf(() => open(InspectionsPage, { agency: "NO-SUCH" })), 404);

    const proposals = await open(ProposalsPage, { agency: "SFHJYJ" });
    assert.match(proposals.text, /关于增加校车线路的建议/);
    assert.doesNotMatch(proposals.text, /果皮箱/);
    assert.deepEqual(proposals.hidden.agency, ["SFHJYJ"]);
    assertLinksKeepAgency(proposals, "SFHJYJ", /^\/proposals\/\d/);
    assert.ok(proposals.links.includes("/catalogue/proposals?agency=SFHJYJ"), "the breadcrumb's column keeps it");
    const defaultProposals = await open(ProposalsPage);
    assert.match(defaultProposals.text, /果皮箱/);
    assert.doesNotMatch(defaultProposals.text, /校车/);
    assert.equal(await statusOf(() => open(ProposalsPage, { agency: "NO-SUCH" })), 404);
  });

  test("GET /api/v1/proposals/stats counts the agency agency= names, the default agency's without it, as the page does", async () => {
    const { GET } = await import("@/app/api/v1/proposals/stats/route");
    const received = async (query: string) => {
      const response = await GET(new Request(`http://gongkai.test/api/v1/proposals/stats?year=2026${query}`));
      return response.status === 200 ? ((await response.json()) as { total: { received: number } }).total.received : response.status;
    };
    assert.equal(await received("&agency=SFHJYJ"), 1, "the education bureau's one");
    assert.equal(await received(""), 1, "the default agency's one, not the platform's two");
    assert.equal(await received("&agency=NO-SUCH"), 404);
  });

  test("the agency's column links to its registers with ?agency=", async () => {
    const column = await readPage(AgencyColumnPage({ params: Promise.resolve({ code: "SFHJYJ" }) }));
    for (const register of ["powers", "services", "decisions", "inspections", "proposals"]) {
      assert.ok(column.links.includes(`/${register}?agency=SFHJYJ`), `${register} of the agency`);
    }
    const bureauColumn = await readPage(AgencyColumnPage({ params: Promise.resolve({ code: "SFHCGJ" }) }));
    assert.ok(bureauColumn.links.includes("/decisions"), "the default agency's registers at their addresses from before");
  });
});

describe("the header and the titles name the agency the address names", () => {
  /** The layout and its title for an address, with the request header proxy.ts would set for it. */
  async function layoutFor(address: string, sent: Record<string, string> = {}) {
    const url = new URL(address, "http://localhost");
    const code = viewedAgencyCode(url.pathname, url.searchParams);
    const headers: Record<string, string> = { ...sent };
    if (code) headers[VIEWED_AGENCY_HEADER] = code;
    return runInRequestScope({ page: url.pathname, headers }, async () => {
      const metadata = await layoutMetadata();
      const view = await readPage(PublicLayout({ children: null }));
      return { view, title: metadata.title as { template: string; default: string } };
    });
  }

  test("another agency's code: its name in the header and at the end of the titles; the header's links stay the platform's", async () => {
    const { view, title } = await layoutFor("/decisions?agency=sfhjyj");
    // The header comes before its navigation's first link (首页); the footer stays the site's.
    const header = view.text.split("首页")[0];
    assert.match(header, new RegExp(education));
    assert.doesNotMatch(header, new RegExp(bureau), "not the site's own name");
    assert.equal(title.template, `%s－${education}`);
    assert.ok(view.links.includes("/catalogue/statutory") && view.links.includes("/apply"), "the header's links are the platform's");

    const column = await layoutFor("/agencies/SFHJYJ");
    assert.match(column.view.text.split("首页")[0], new RegExp(education), "on the agency's column too");
  });

  test("no code, the default agency's, or an unknown one: the site's own name", async () => {
    for (const address of ["/decisions", "/decisions?agency=SFHCGJ", "/decisions?agency=NO-SUCH", "/agencies/NO-SUCH"]) {
      const { view, title } = await layoutFor(address);
      const header = view.text.split("首页")[0];
      assert.match(header, new RegExp(bureau), address);
      assert.doesNotMatch(header, new RegExp(education), address);
      assert.equal(title.template, `%s－${bureau}`, address);
    }
  });

  test("the proxy sets the header from the address and drops the one a client sent", async () => {
    const { proxy } = (await importAppModule("proxy.ts")) as { proxy: (request: NextRequest) => Promise<Response> };
    /** The value of the header the page is rendered with (Next passes the proxy's request headers on as x-middleware-request-*). */
    const passedOn = async (address: string) => {
      const response = await proxy(new NextRequest(new URL(address, "http://localhost"), { headers: { [VIEWED_AGENCY_HEADER]: "SFHJYJ" } }));
      return response.headers.get(`x-middleware-request-${VIEWED_AGENCY_HEADER}`);
    };
    assert.equal(await passedOn("/decisions"), null, "the client's own header is removed");
    assert.equal(await passedOn("/powers?agency=sfhscj"), "SFHSCJ", "the address's code, not the client's");
    assert.equal(await passedOn("/agencies/SFHZF"), "SFHZF");
  });

  test("the proxy derives the header from the address alone", () => {
    const code = (address: string) => {
      const url = new URL(address, "http://localhost");
      return viewedAgencyCode(url.pathname, url.searchParams);
    };
    assert.equal(code("/powers?agency=sfhjyj"), "SFHJYJ");
    assert.equal(code("/agencies/SFHJYJ"), "SFHJYJ");
    assert.equal(code("/agencies/sfhjyj/catalogue/statutory?agency=OTHER"), "SFHJYJ", "the column's code wins");
    assert.equal(code("/powers"), null);
    assert.equal(code("/powers?agency=%00x"), null, "a code no agency can have");
    assert.equal(code("/agencies/%E0%A4%A"), null, "a malformed address");
  });
});
