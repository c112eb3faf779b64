import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { findAgencyByCode } from "@/lib/agency/agencies";
import { createAgency } from "@/lib/agency/manage-agencies";
import { listAuditEvents } from "@/lib/audit/query-audit-events";
import type { ActingUser } from "@/lib/auth/acting-user";
import type { Role } from "@/lib/auth/roles";
import { todayInBeijing } from "@/lib/dates";
import { db } from "@/lib/db";
import { findConsoleDecision, findImportBatch, listConsoleDecisions, listImportBatches } from "@/lib/decisions/console-decisions";
import { transitionDecision, transitionDecisionBatch } from "@/lib/decisions/decision-review";
import { exportDecisions } from "@/lib/decisions/export-decisions";
import { createDecision, updateDecision } from "@/lib/decisions/manage-decisions";
import { findPublicDecisions } from "@/lib/decisions/public-decisions";
import { decidePublicityRemoval, proposePublicityRemoval } from "@/lib/decisions/publicity-removal";
import { AppError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { assignFeedback, countConsoleFeedbackByStatus, findConsoleFeedback, listConsoleFeedback, saveFeedbackReply } from "@/lib/feedback/manage-feedback";
import { feedbackStatsForYear } from "@/lib/feedback/stats";
import { submitFeedback } from "@/lib/feedback/submit-feedback";
import { findConsoleInspection, listConsoleInspections } from "@/lib/inspections/console-inspections";
import {
  createInspectionItem,
  listInspectionItems,
  listInspectionPowers,
  setInspectionItemActive,
  updateInspectionItem,
} from "@/lib/inspections/manage-inspection-items";
import { createInspection, drawInspection, updateInspection } from "@/lib/inspections/manage-inspections";
import {
  addInspectorConflict,
  createInspector,
  createTarget,
  findTarget,
  listInspectors,
  setInspectorActive,
  updateInspector,
} from "@/lib/inspections/manage-lists";
import { findConsolePower, listConsolePowers, listSectionOptions } from "@/lib/powers/console-powers";
import { createPower, updatePower } from "@/lib/powers/manage-powers";
import { transitionPower } from "@/lib/powers/power-review";
import { findConsoleProposal, listConsoleProposals, listProposalYears } from "@/lib/proposals/console-proposals";
import { assignProposal, createProposal, updateProposal } from "@/lib/proposals/manage-proposals";
import { saveProposalReply } from "@/lib/proposals/proposal-replies";
import { transitionProposalReply } from "@/lib/proposals/proposal-reply-review";
import { proposalStatsForYear, proposalStatsScope } from "@/lib/proposals/stats";
import { listReportTasks, listReportYears } from "@/lib/reports/list-reports";
import { findReportWorkspace, startReport, updateReportTexts } from "@/lib/reports/manage-reports";
import { transitionReport } from "@/lib/reports/report-review";
import { findConsoleService, listConsoleServices, listPowerOptions } from "@/lib/services/console-services";
import { createService, updateService } from "@/lib/services/manage-services";
import { transitionService } from "@/lib/services/service-review";
import { seedBaseData } from "@/prisma/seed/seed-base";
import { insertSection, insertUser } from "../support/fixtures";
import { useMigratedTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * Isolation of agencies (集约化, issue 15) in the registers, 双随机, 建议提案, 留言, annual reports and
 * the audit log: every console role of ANOTHER agency neither lists, opens nor changes a record of
 * this one (404, never 403); the same role of the record's own agency still does; the platform's
 * supervisor reads but does not write.
 */

const consoleRoles = ["staff", "section_head", "leader", "admin"] as const satisfies readonly Role[];
type ConsoleRole = (typeof consoleRoles)[number];

const fieldError = (field: string) => (error: unknown) => error instanceof ValidationError && (error.fields[field] ?? []).length > 0;
const notFound = (error: unknown) => error instanceof NotFoundError;
/** A refusal that is not a 404: the permission decides for a platform role. */
const forbidden = (error: unknown) => error instanceof ForbiddenError;

let database: TestDatabase;
let sectionId: number;
let own: Record<ConsoleRole, ActingUser>;
let foreign: Record<ConsoleRole, ActingUser>;
let foreignSectionId: number;
let supervisor: ActingUser;
let otherAgencyCode: string;

const agency = "绥芬河市城市管理和综合行政执法局";

before(async () => {
  database = await useMigratedTestDatabase();
  await seedBaseData();
  const contact = { address: "绥芬河市某街1号", postcode: "157300", email: "office@example.gov.cn" };
  await createAgency(null, { code: "SFHZF", name: "绥芬河市人民政府", shortName: "市政府", kind: "government", ...contact });
  const otherId = (
    await createAgency(null, { code: "SFHJYJ", name: "绥芬河市教育局", shortName: "市教育局", kind: "department", parentCode: "SFHZF", ...contact })
  ).id;
  otherAgencyCode = "SFHJYJ";
  sectionId = await insertSection("综合执法科");
  foreignSectionId = await insertSection("教育科", otherId);
  own = {
    staff: await insertUser("staff", { sectionId }),
    section_head: await insertUser("section_head", { sectionId }),
    leader: await insertUser("leader"),
    admin: await insertUser("admin", { sectionId }),
  };
  foreign = {
    staff: await insertUser("staff", { sectionId: foreignSectionId }),
    section_head: await insertUser("section_head", { sectionId: foreignSectionId }),
    leader: await insertUser("leader", { sectionId: await insertSection("局领导", otherId) }),
    admin: await insertUser("admin", { sectionId: foreignSectionId }),
  };
  supervisor = await insertUser("supervisor", { sectionId: await insertSection("政务公开办", (await findAgencyByCode("SFHZF"))!.id) });
});
after(async () => {
  await database.drop();
});

/** Every console role of the other agency: the read is 404. */
async function eachForeignRoleGets404(read: (actor: ActingUser) => Promise<unknown>): Promise<void> {
  for (const role of consoleRoles) await assert.rejects(read(foreign[role]), notFound, `${role} of another agency: 404`);
}

/** Every console role of the other agency: the list does not hold the record. */
async function absentFromEveryForeignList(list: (actor: ActingUser) => Promise<{ id: number }[]>, id: number): Promise<void> {
  for (const role of consoleRoles) assert.ok(!(await list(foreign[role])).some((row) => row.id === id), `${role} of another agency does not list it`);
}

/**
 * A write with a stale version on another agency's record is 404 like any other (not 409
 * `stale_version`, which would disclose the record and name its last editor).
 */
async function eachStaleWriteGets404(write: (version: number) => Promise<unknown>): Promise<void> {
  await assert.rejects(write(99), notFound, "a stale version of another agency's record: 404");
}

const powerInput = (code: string, overrides: Record<string, unknown> = {}) => ({
  code,
  name: "设置大型户外广告审批",
  type: "license",
  legalBasis: "《城市市容和环境卫生管理条例》第十一条",
  sectionId,
  responsibilities: "受理、审查、决定、送达。",
  accountability: "对符合条件的申请不予受理的。",
  status: "retained",
  effectiveOn: "2017-05-02",
  ...overrides,
});

describe("registers: powers, service guides and 双公示 decisions", () => {
  test("a power of this agency is 404 to every role of another agency, absent from its lists, and kept from its edits and reviews", async () => {
    const { id } = await createPower(own.staff, powerInput("ISO-XK-001"));
    await eachForeignRoleGets404((actor) => findConsolePower(actor, id));
    await absentFromEveryForeignList(async (actor) => (await listConsolePowers(actor, { pageSize: 200 })).items, id);
    await assert.rejects(updatePower(foreign.staff, id, { ...powerInput("ISO-XK-001", { name: "改名" }), version: 1 }), notFound);
    await assert.rejects(transitionPower(foreign.staff, id, { action: "submit" }), notFound);
    await eachStaleWriteGets404((version) => updatePower(foreign.staff, id, { ...powerInput("ISO-XK-001"), version }));
    await eachStaleWriteGets404((version) => transitionPower(foreign.staff, id, { action: "submit", version }));
    assert.equal((await db.power.findUniqueOrThrow({ where: { id } })).name, "设置大型户外广告审批", "nothing changed");

    // The own agency's same roles still do (so this test can fail).
    for (const role of consoleRoles) assert.equal((await findConsolePower(own[role], id)).code, "ISO-XK-001");
    assert.equal((await updatePower(own.staff, id, { ...powerInput("ISO-XK-001", { name: "改名" }), version: 1 })).version, 2);
    // The supervisor reads every agency's, and writes none.
    assert.equal((await findConsolePower(supervisor, id)).name, "改名");
    assert.ok((await listConsolePowers(supervisor, { pageSize: 200 })).items.some((row) => row.id === id));
    await assert.rejects(updatePower(supervisor, id, { ...powerInput("ISO-XK-001"), version: 2 }), forbidden);
    await assert.rejects(transitionPower(supervisor, id, { action: "submit" }), forbidden);
  });

  test("a section of another agency is a field error on a power, and the form offers only the agency's own sections", async () => {
    await assert.rejects(createPower(foreign.staff, powerInput("ISO-XK-002")), fieldError("sectionId"));
    const offered = (await listSectionOptions(foreign.staff)).map((option) => option.value);
    assert.ok(offered.includes(foreignSectionId) && !offered.includes(sectionId));
    assert.ok((await createPower(foreign.staff, powerInput("ISO-XK-002", { sectionId: foreignSectionId }))).id > 0);
  });

  test("a service guide of this agency is 404 to another agency, and its powers are not offered to it", async () => {
    const power = await createPower(own.staff, powerInput("ISO-XK-003"));
    const input = (overrides: Record<string, unknown> = {}) => ({
      code: "ISO-FW-001",
      name: "设置门头牌匾审批",
      powerId: power.id,
      sectionId,
      legalBasis: "《城市市容和环境卫生管理条例》第十一条",
      conditions: "依法登记的经营单位。",
      materials: [{ name: "申请表", originals: "1", copies: "" }],
      steps: "申请\n受理",
      timeLimitDays: "5",
      fee: "不收费",
      place: "永福街39号",
      officeHours: "工作日",
      consultationPhone: "0453-3922315",
      complaintPhone: "0453-3922300",
      ...overrides,
    });
    const { id } = await createService(own.staff, input());
    await eachForeignRoleGets404((actor) => findConsoleService(actor, id));
    await absentFromEveryForeignList((actor) => listConsoleServices(actor), id);
    await assert.rejects(updateService(foreign.section_head, id, { ...input({ name: "改" }), version: 1 }), notFound);
    await assert.rejects(transitionService(foreign.staff, id, { action: "submit" }), notFound);
    await eachStaleWriteGets404((version) => updateService(foreign.staff, id, { ...input(), version }));
    await eachStaleWriteGets404((version) => transitionService(foreign.staff, id, { action: "submit", version }));
    assert.ok(!(await listPowerOptions(foreign.staff)).some((option) => option.value === power.id));
    await assert.rejects(
      createService(foreign.staff, input({ code: "ISO-FW-002", sectionId: foreignSectionId })),
      fieldError("powerId"),
      "another agency's power counts as missing",
    );

    assert.equal((await findConsoleService(own.leader, id)).code, "ISO-FW-001");
    assert.equal((await updateService(own.staff, id, { ...input({ name: "改" }), version: 1 })).version, 2);
    assert.equal((await findConsoleService(supervisor, id)).name, "改");
    await assert.rejects(updateService(supervisor, id, { ...input(), version: 2 }), forbidden);
  });

  test("a 双公示 decision, its import batch and its 信用修复 proposals are 404 to another agency and absent from its lists and exports", async () => {
    const created = await createDecision(own.staff, personPenalty("绥城管罚字〔2026〕第901号"));
    const { id } = created;
    await eachForeignRoleGets404((actor) => findConsoleDecision(actor, id));
    await absentFromEveryForeignList(async (actor) => (await listConsoleDecisions(actor, { pageSize: 100 })).items, id);
    const exported = await exportDecisions(foreign.leader, { kind: "penalty" }, "csv");
    assert.doesNotMatch(Buffer.from(exported.body).toString("utf8"), /第901号/, "not in another agency's export");
    await assert.rejects(updateDecision(foreign.staff, id, { ...personPenalty("绥城管罚字〔2026〕第901号"), version: 1 }), notFound);
    await assert.rejects(transitionDecision(foreign.staff, id, { action: "submit" }), notFound);
    await eachStaleWriteGets404((version) => updateDecision(foreign.staff, id, { ...personPenalty("绥城管罚字〔2026〕第901号"), version }));
    await eachStaleWriteGets404((version) => transitionDecision(foreign.staff, id, { action: "submit", version }));

    // An import batch (as importDecisions leaves it): its decisions are the importer's section's.
    const batch = await db.decisionImportBatch.create({ data: { kind: "penalty", fileName: "处罚.xlsx", rowCount: 1, importedById: own.staff.id } });
    await db.administrativeDecision.update({ where: { id }, data: { importBatchId: batch.id } });
    for (const role of consoleRoles) {
      assert.ok(!(await listImportBatches(foreign[role])).some((row) => row.id === batch.id), `${role} of another agency does not list the batch`);
      await assert.rejects(findImportBatch(foreign[role], batch.id), notFound);
    }
    await assert.rejects(transitionDecisionBatch(foreign.staff, batch.id, { action: "submit" }), notFound);
    assert.equal((await db.administrativeDecision.findUniqueOrThrow({ where: { id } })).state, "draft", "nothing changed");
    assert.ok((await listImportBatches(own.staff)).some((row) => row.id === batch.id));
    assert.equal((await transitionDecisionBatch(own.staff, batch.id, { action: "submit" })).count, 1);
    await transitionDecision(own.section_head, id, { action: "approve" });
    await transitionDecision(own.leader, id, { action: "approve" });

    // 信用修复: another agency's staff cannot propose, nor its section head decide (404, not 403).
    await assert.rejects(proposePublicityRemoval(foreign.staff, id, { removeOn: "2027-06-01", reason: "已整改" }), notFound);
    const removal = await db.publicityRemoval.create({
      data: { decisionId: id, removeOn: new Date("2027-06-01T00:00:00Z"), reason: "已整改", proposedById: own.staff.id, proposedAt: new Date(0) },
    });
    await assert.rejects(decidePublicityRemoval(foreign.section_head, removal.id, { action: "approve" }), notFound);
    assert.equal((await db.publicityRemoval.findUniqueOrThrow({ where: { id: removal.id } })).state, "proposed");

    assert.equal((await findConsoleDecision(own.admin, id)).state, "published");
    assert.equal((await findConsoleDecision(supervisor, id)).state, "published");
    // The public 双公示 list (集约化): `agency=` names whose decisions; another agency's list does not hold it.
    assert.ok((await findPublicDecisions({ agencyCode: own.admin.agencyCode })).items.some((row) => row.id === id));
    assert.ok(!(await findPublicDecisions({ agencyCode: foreign.admin.agencyCode })).items.some((row) => row.id === id));
    await assert.rejects(findPublicDecisions({ agencyCode: "NO-SUCH" }), notFound);
    await assert.rejects(transitionDecision(supervisor, id, { action: "withdraw", comment: "错" }), forbidden);
  });

  function personPenalty(documentNumber: string) {
    return {
      kind: "penalty",
      counterpartyName: "某商贸有限公司",
      counterpartyCategory: "法人及非法人组织",
      creditCode: creditCode("91231081MA1BXXXX0"),
      legalRepresentative: "张三",
      documentNumber,
      violationType: "擅自占用城市道路",
      violationFacts: "占道经营。",
      penaltyBasis: "《城市道路管理条例》第四十二条",
      penaltyCategories: ["警告"],
      penaltyContent: "警告。",
      decisionDate: "2026-11-02",
      authorityName: agency,
      authorityCreditCode: creditCode("11231081MB1964057"),
      dataSourceName: agency,
    };
  }
});

function creditCode(first17: string): string {
  // GB 32100-2015 check character.
  const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...first17].reduce((total, char, index) => total + alphabet.indexOf(char) * weights[index], 0);
  return first17 + alphabet[(31 - (sum % 31)) % 31];
}

describe("双随机: inspection items, inspectors, inspection tasks", () => {
  test("each is 404 to another agency and absent from its lists; its items, powers and sections are missing to it", async () => {
    const power = await createPower(own.staff, powerInput("ISO-JC-001", { type: "inspection", name: "对户外广告设施的检查" }));
    const item = await createInspectionItem(own.staff, { powerId: power.id, name: "户外广告检查", targetScope: "经营单位", method: "现场检查" });
    await absentFromEveryForeignList((actor) => listInspectionItems(actor), item.id);
    assert.ok(!(await listInspectionPowers(foreign.staff)).some((row) => row.id === power.id));
    await assert.rejects(updateInspectionItem(foreign.staff, item.id, { powerId: power.id, name: "改", targetScope: "某", method: "某" }), notFound);
    await assert.rejects(setInspectionItemActive(foreign.section_head, item.id, { active: false }), notFound);
    await assert.rejects(createInspectionItem(foreign.staff, { powerId: power.id, name: "越界", targetScope: "某", method: "某" }), fieldError("powerId"));

    const inspector = await createInspector(own.staff, { name: "王执法", certificateNumber: "ISO-0001", sectionId });
    await absentFromEveryForeignList(async (actor) => (await listInspectors(actor)).items, inspector.id);
    await assert.rejects(updateInspector(foreign.staff, inspector.id, { name: "改", certificateNumber: "ISO-0001", sectionId: foreignSectionId }), notFound);
    await assert.rejects(setInspectorActive(foreign.staff, inspector.id, { active: false }), notFound);
    await assert.rejects(createInspector(foreign.staff, { name: "李", certificateNumber: "ISO-0002", sectionId }), fieldError("sectionId"));
    const target = await createTarget(own.staff, { name: "某广告公司", address: "通天路1号", category: "经营单位" });
    await assert.rejects(addInspectorConflict(foreign.staff, { inspectorId: inspector.id, targetId: target.id, reason: "亲属" }), fieldError("inspectorId"));
    await addInspectorConflict(own.staff, { inspectorId: inspector.id, targetId: target.id, reason: "亲属" });
    assert.equal((await findTarget(foreign.staff, target.id)).conflicts.length, 0, "the shared target shows no other agency's conflicts");
    assert.equal((await findTarget(own.staff, target.id)).conflicts.length, 1);

    const plan = {
      title: "2026年户外广告随机抽查",
      year: 2026,
      description: "现场检查。",
      itemIds: [item.id],
      targetCategories: ["经营单位"],
      targetCount: 1,
      inspectorsPerTarget: 2,
      startOn: "2026-11-02",
      endOn: "2026-11-06",
    };
    await assert.rejects(createInspection(foreign.staff, plan), fieldError("itemIds"), "another agency's item counts as missing");
    const { id } = await createInspection(own.staff, plan);
    await eachForeignRoleGets404((actor) => findConsoleInspection(actor, id));
    await absentFromEveryForeignList(async (actor) => (await listConsoleInspections(actor)).items, id);
    await assert.rejects(updateInspection(foreign.staff, id, { ...plan, title: "改", version: 1 }), notFound);
    await eachStaleWriteGets404((version) => updateInspection(foreign.staff, id, { ...plan, version }));
    await assert.rejects(drawInspection(foreign.section_head, id, { version: 1 }), notFound);
    assert.equal((await db.inspection.findUniqueOrThrow({ where: { id } })).title, plan.title, "nothing changed");

    for (const role of consoleRoles) assert.equal((await findConsoleInspection(own[role], id)).title, plan.title);
    assert.ok((await listInspectionItems(own.admin)).some((row) => row.id === item.id));
    assert.ok((await listInspectors(supervisor)).items.some((row) => row.id === inspector.id));
    assert.equal((await findConsoleInspection(supervisor, id)).title, plan.title);
    await assert.rejects(updateInspection(supervisor, id, { ...plan, version: 1 }), forbidden);
  });
});

describe("建议提案 and 留言", () => {
  const proposalInput = (number: string, overrides: Record<string, unknown> = {}) => ({
    year: 2026,
    session: "市第十七届人民代表大会第一次会议",
    number,
    kind: "suggestion",
    title: `关于整治背街小巷的建议（${number}）`,
    proposers: "张立新",
    receivedOn: "2026-03-01",
    ...overrides,
  });

  test("a proposal registered in the console is its registrar's agency's: 404 to another agency, absent from its lists, years and figures", async () => {
    const { id } = await createProposal(own.section_head, proposalInput("第1号", { leadSectionId: sectionId }));
    assert.equal((await db.proposal.findUniqueOrThrow({ where: { id } })).agencyId, own.staff.agencyId);
    const foreignCreated = await createProposal(foreign.staff, proposalInput("第2号"));
    assert.equal((await db.proposal.findUniqueOrThrow({ where: { id: foreignCreated.id } })).agencyId, foreign.staff.agencyId, "takes the actor's agency");

    await eachForeignRoleGets404((actor) => findConsoleProposal(actor, id));
    await absentFromEveryForeignList(async (actor) => (await listConsoleProposals(actor)).proposals, id);
    assert.equal((await proposalStatsForYear(2026, proposalStatsScope(foreign.admin))).total.received, 1, "another agency counts only its own");
    assert.deepEqual(await listProposalYears(foreign.admin), [2026]);
    await assert.rejects(updateProposal(foreign.admin, id, { title: "改", version: 1 }), notFound);
    await assert.rejects(assignProposal(foreign.section_head, id, { leadSectionId: foreignSectionId, version: 1 }), notFound);
    await assert.rejects(saveProposalReply(foreign.staff, id, { body: "答复", disclosure: "full" }), notFound);

    // Lead and assisting sections are the proposal's agency's.
    await assert.rejects(createProposal(own.section_head, proposalInput("第3号", { leadSectionId: foreignSectionId })), fieldError("leadSectionId"));
    await assert.rejects(
      assignProposal(own.admin, id, { leadSectionId: sectionId, assistingSectionIds: [foreignSectionId], version: 1 }),
      fieldError("assistingSectionIds"),
    );

    for (const role of consoleRoles) assert.equal((await findConsoleProposal(own[role], id)).number, "第1号");
    assert.equal((await updateProposal(own.admin, id, { title: "改", version: 1 })).version, 2);
    assert.equal((await findConsoleProposal(supervisor, id)).title, "改");
    assert.equal((await proposalStatsForYear(2026, proposalStatsScope(supervisor))).total.received, 2, "the supervisor counts every agency's");
    await assert.rejects(updateProposal(supervisor, id, { title: "再改", version: 2 }), forbidden);

    // Its reply too, whatever the version sent.
    const reply = await saveProposalReply(own.staff, id, { body: "答复", disclosure: "full" });
    await assert.rejects(transitionProposalReply(foreign.section_head, reply.id, { action: "submit" }), notFound);
    await eachStaleWriteGets404((version) => transitionProposalReply(foreign.section_head, reply.id, { action: "submit", version }));
  });

  test("a message left for this agency is 404 to another agency, absent from its lists, counts and stats; the form names the agency by code", async () => {
    const { id } = await submitFeedback({ topic: "路灯不亮", content: "通天路路灯坏了。", name: "王小明", contact: "13812345678" }, { clientKey: "iso-1" });
    const left = await submitFeedback({ topic: "校车", content: "校车晚点。", agencyCode: otherAgencyCode }, { clientKey: "iso-2" });
    assert.equal((await db.feedback.findUniqueOrThrow({ where: { id: left.id } })).agencyId, foreign.staff.agencyId, "left for the agency named");
    await assert.rejects(submitFeedback({ topic: "某", content: "某", agencyCode: "NOSUCH" }, { clientKey: "iso-3" }), fieldError("agencyCode"));

    await eachForeignRoleGets404((actor) => findConsoleFeedback(actor, id));
    await absentFromEveryForeignList(async (actor) => (await listConsoleFeedback(actor)).entries, id);
    assert.equal((await countConsoleFeedbackByStatus(foreign.admin)).received, 1);
    // The stats count by the Beijing year it was left in (on 31 December after 16:00 UTC, already the next).
    const year = Number(todayInBeijing((await db.feedback.findUniqueOrThrow({ where: { id } })).submittedAt).slice(0, 4));
    assert.equal((await feedbackStatsForYear(foreign.leader, year)).received, 1);
    await assert.rejects(saveFeedbackReply(foreign.staff, id, { body: "已修复", version: 1 }), notFound);
    await assert.rejects(assignFeedback(foreign.admin, id, { sectionId: foreignSectionId, version: 1 }), notFound);
    await assert.rejects(assignFeedback(own.admin, id, { sectionId: foreignSectionId, version: 1 }), fieldError("sectionId"));

    for (const role of consoleRoles) assert.equal((await findConsoleFeedback(own[role], id)).topic, "路灯不亮");
    assert.equal((await feedbackStatsForYear(own.leader, year)).received, 1);
    const overseen = await findConsoleFeedback(supervisor, id);
    assert.equal(overseen.topic, "路灯不亮");
    assert.deepEqual([overseen.name, overseen.contact, overseen.masked], ["王*明", "138****5678", true], "the supervisor reads no visitor's personal data");
    const own_ = await findConsoleFeedback(own.staff, id);
    assert.deepEqual([own_.name, own_.contact, own_.masked], ["王小明", "13812345678", false], "the agency itself reads them in full");
    await assert.rejects(saveFeedbackReply(supervisor, id, { body: "某", version: 1 }), forbidden);
  });
});

describe("annual reports and the audit log", () => {
  test("a report kept by this agency is 404 to another agency and absent from its years and tasks; each agency has its own report of the year", async () => {
    const report = await startReport(own.staff, 2025);
    const ownYears = await listReportYears(own.leader, 2026);
    assert.equal(ownYears.find((entry) => entry.year === 2025)?.draftState, "draft");
    for (const role of consoleRoles) {
      assert.equal((await listReportYears(foreign[role], 2026)).find((entry) => entry.year === 2025)?.draftState ?? null, null);
      assert.equal((await findReportWorkspace(foreign[role], 2025)).edition, null, `${role} of another agency does not see the draft`);
    }
    const texts = { overview: "改", problems: "", otherMatters: "", version: 1 };
    await assert.rejects(updateReportTexts(foreign.staff, report.id, texts), notFound);
    await assert.rejects(transitionReport(foreign.section_head, report.id, { action: "submit" }), notFound);
    await eachStaleWriteGets404((version) => updateReportTexts(foreign.staff, report.id, { ...texts, version }));
    await eachStaleWriteGets404((version) => transitionReport(foreign.section_head, report.id, { action: "submit", version }));
    assert.deepEqual(await listReportTasks(foreign.section_head), []);

    const foreignReport = await startReport(foreign.staff, 2025);
    assert.notEqual(foreignReport.id, report.id, "the other agency's own report of the same year and edition");
    assert.equal(foreignReport.edition, 1);
    assert.equal((await findReportWorkspace(foreign.staff, 2025)).edition?.id, foreignReport.id);
    await assert.rejects(updateReportTexts(own.staff, foreignReport.id, texts), notFound);
    await assert.rejects(
      startReport(foreign.staff, 2025),
      (error) => error instanceof AppError && error.status === 409,
      "one draft at a time within the agency",
    );

    assert.equal((await findReportWorkspace(own.admin, 2025)).edition?.id, report.id);
    assert.equal((await updateReportTexts(own.staff, report.id, texts)).version, 2);
    assert.equal((await findReportWorkspace(supervisor, 2025, undefined, own.admin.agencyId)).edition?.texts.overview, "改");
    await assert.rejects(findReportWorkspace(own.staff, 2025, undefined, foreign.staff.agencyId), notFound, "only a platform role names another agency");
    await assert.rejects(updateReportTexts(supervisor, report.id, { ...texts, version: 2 }), forbidden);
  });

  test("an agency's users see only the audit events of their agency's people; the supervisor sees all", async () => {
    const ownEvents = await listAuditEvents(own.leader, { entityType: "Power" });
    assert.ok(ownEvents.events.length > 0 && ownEvents.events.every((event) => event.actorUsername !== foreign.staff.username));
    const foreignEvents = await listAuditEvents(foreign.leader, { entityType: "Power" });
    assert.ok(foreignEvents.events.length > 0, "its own power's creation");
    assert.ok(
      foreignEvents.events.every((event) => event.actorUsername === foreign.staff.username),
      "none of this agency's",
    );
    const all = await listAuditEvents(supervisor, { entityType: "Power" });
    assert.equal(all.total, ownEvents.total + foreignEvents.total);
  });
});
