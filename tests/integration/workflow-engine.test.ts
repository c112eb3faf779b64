import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { GET as searchRoute } from "@/app/api/v1/search/route";
import { loadActingUser, type ActingUser } from "@/lib/auth/acting-user";
import { todayInBeijing } from "@/lib/dates";
import { db } from "@/lib/db";
import { decisionColumns } from "@/lib/decisions/decision-fields";
import { transitionDecision, transitionDecisionBatch } from "@/lib/decisions/decision-review";
import { importDecisions } from "@/lib/decisions/import-decisions";
import { createDecision } from "@/lib/decisions/manage-decisions";
import { AppError, ValidationError } from "@/lib/errors";
import { transitionFeedbackReply } from "@/lib/feedback/feedback-reply-review";
import { saveFeedbackReply } from "@/lib/feedback/manage-feedback";
import { computeCreditCodeCheckCharacter, computeIdNumberCheckCharacter } from "@/lib/identifiers";
import { transitionInspection } from "@/lib/inspections/inspection-review";
import { createInspection, drawInspection, recordInspectionResults } from "@/lib/inspections/manage-inspections";
import { ScreeningAcknowledgementRequired, transitionItem } from "@/lib/items/item-review";
import { createItem } from "@/lib/items/manage-items";
import { createPower } from "@/lib/powers/manage-powers";
import { transitionPower } from "@/lib/powers/power-review";
import { saveProposalReply } from "@/lib/proposals/proposal-replies";
import { transitionProposalReply } from "@/lib/proposals/proposal-reply-review";
import { transitionReply } from "@/lib/reply-letters/reply-letter-review";
import type { ReportFigureSources } from "@/lib/reports/figure-sources";
import { startReport, updateReportTexts } from "@/lib/reports/manage-reports";
import { transitionReport } from "@/lib/reports/report-review";
import { table3Row } from "@/lib/reports/report-tables";
import { createService } from "@/lib/services/manage-services";
import { transitionService } from "@/lib/services/service-review";
import { writeCsv } from "@/lib/spreadsheets";
import { seedDemoData } from "@/prisma/seed/seed-demo";
import { useMigratedTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * The workflow engine (lib/workflow/engine.ts) for every reviewed record type: publishing and
 * withdrawing change the search index and the public content version in the transaction that
 * changes the state — so a record is found the moment it is published, without waiting for the
 * index's reconciliation — and a refused step (a guard, a missing comment) leaves nothing changed:
 * no audit row, the same version, nothing half-written.
 */

let database: TestDatabase;
let staff: ActingUser;
let head: ActingUser;
let leader: ActingUser;

const agency = "绥芬河市城市管理和综合行政执法局";
const code = (first17: string) => first17 + computeCreditCodeCheckCharacter(first17);
const authorityCode = code("11231081MB1964057");

before(async () => {
  database = await useMigratedTestDatabase();
  await seedDemoData(() => {});
  const user = async (username: string) => (await loadActingUser((await db.user.findUniqueOrThrow({ where: { username } })).id))!;
  [staff, head, leader] = await Promise.all([user("staff"), user("head"), user("leader")]);
});
after(async () => {
  await database.drop();
});

async function contentToken(): Promise<string> {
  return (await db.publicContentVersion.findUnique({ where: { id: 1 } }))?.token ?? "none";
}

async function indexed(type: string, sourceId: number) {
  return db.searchDocument.findUnique({ where: { type_sourceId: { type, sourceId } } });
}

/** Records the index as reconciled with the current content: a search then reconciles nothing and reads the index as it is. */
async function markIndexReconciled(): Promise<void> {
  const token = await contentToken();
  await db.searchIndexState.upsert({
    where: { id: 1 },
    create: { id: 1, contentVersion: token, reconciledAt: new Date(0) },
    update: { contentVersion: token },
  });
}

async function searchApi(q: string, type: string): Promise<{ total: number; results: { id: number }[] }> {
  const response = await searchRoute(new Request(`http://localhost/api/v1/search?q=${encodeURIComponent(`"${q}"`)}&type=${type}`));
  assert.equal(response.status, 200);
  return response.json();
}

async function auditActions(entityType: string, entityId: number): Promise<string[]> {
  return (await db.auditEvent.findMany({ where: { entityType, entityId: String(entityId) }, orderBy: { id: "asc" } })).map((event) => event.action);
}

/** Takes the steps in order and checks that each one moved the public content only when it should. */
async function expectPublication(steps: (() => Promise<unknown>)[], check: () => Promise<void>): Promise<void> {
  const before = await contentToken();
  for (const [index, step] of steps.entries()) {
    const tokenBefore = await contentToken();
    await step();
    const last = index === steps.length - 1;
    assert.equal(
      (await contentToken()) !== tokenBefore,
      last,
      last ? "the publishing step bumps the content version" : `step ${index + 1} changes no public content`,
    );
  }
  assert.notEqual(await contentToken(), before);
  await check();
}

describe("publishing updates the search index and the content version in the same transaction", () => {
  test("an item is indexed when published and taken out when withdrawn", async () => {
    const categoryId = (await db.category.findFirstOrThrow({ where: { children: { none: {} } }, orderBy: { id: "asc" } })).id;
    const { id } = await createItem(staff, {
      title: "引擎测试：关于规范门头牌匾设置的通知",
      body: "<p>为规范门头牌匾设置，现通知如下。</p>",
      categoryId,
      formedAt: "2026-11-30",
    });
    await expectPublication(
      [
        () => transitionItem(staff, id, { action: "submit" }),
        () => transitionItem(head, id, { action: "approve" }),
        () => transitionItem(leader, id, { action: "approve" }),
      ],
      async () => assert.ok(await indexed("item", id)),
    );
    const token = await contentToken();
    await transitionItem(leader, id, { action: "withdraw", comment: "内容有误" });
    assert.equal(await indexed("item", id), null);
    assert.notEqual(await contentToken(), token);
  });

  test("a power-list entry is found by the search API at once, and disappears at once when withdrawn", async () => {
    const sectionId = staff.sectionId;
    const { id } = await createPower(staff, {
      code: "XK-ENGINE-1",
      name: "引擎测试城市道路挖掘许可",
      type: "license",
      legalBasis: "《城市道路管理条例》第三十三条",
      sectionId,
      responsibilities: "受理、审查、决定。",
      accountability: "对符合条件的申请不予受理的。",
      status: "retained",
      effectiveOn: "2017-05-02",
    });
    await expectPublication(
      [
        () => transitionPower(staff, id, { action: "submit" }),
        () => transitionPower(head, id, { action: "approve" }),
        () => transitionPower(leader, id, { action: "approve" }),
      ],
      async () => {
        await markIndexReconciled();
        assert.deepEqual(
          (await searchApi("引擎测试城市道路挖掘许可", "power")).results.map((result) => result.id),
          [id],
        );
      },
    );
    await transitionPower(leader, id, { action: "withdraw", comment: "已取消" });
    await markIndexReconciled();
    assert.equal((await searchApi("引擎测试城市道路挖掘许可", "power")).total, 0);
  });

  test("a service guide is found by the search API the moment it is published", async () => {
    const { id } = await createService(staff, {
      code: "ENGINE-FW-1",
      name: "引擎测试户外广告设置审批",
      powerId: "",
      sectionId: staff.sectionId,
      legalBasis: "《城市市容和环境卫生管理条例》第十一条",
      conditions: "依法登记的经营单位。",
      materials: [{ name: "申请表", originals: "1", copies: "" }],
      steps: "申请\n受理\n决定",
      timeLimitDays: "5",
      fee: "不收费",
      place: "永福街39号",
      officeHours: "工作日 8:30—17:00",
      consultationPhone: "0453-3922315",
      complaintPhone: "0453-3922300",
    });
    await expectPublication(
      [
        () => transitionService(staff, id, { action: "submit" }),
        () => transitionService(head, id, { action: "approve" }),
        () => transitionService(leader, id, { action: "approve" }),
      ],
      async () => {
        await markIndexReconciled();
        assert.deepEqual(
          (await searchApi("引擎测试户外广告设置审批", "service")).results.map((result) => result.id),
          [id],
        );
      },
    );
  });

  test("a 双公示 decision is indexed when published", async () => {
    const person = "23108119800101" + "001";
    const { id } = await createDecision(staff, {
      kind: "penalty",
      counterpartyName: "赵引擎",
      counterpartyCategory: "natural_person",
      idNumber: person + computeIdNumberCheckCharacter(person),
      documentNumber: "绥城管罚字〔2026〕第E1号",
      violationType: "擅自占用城市道路",
      violationFacts: "占道经营。",
      penaltyBasis: "《城市道路管理条例》第四十二条",
      penaltyCategories: ["警告"],
      penaltyContent: "警告。",
      decisionDate: todayInBeijing(),
      authorityName: agency,
      authorityCreditCode: authorityCode,
      dataSourceName: agency,
    });
    await expectPublication(
      [
        () => transitionDecision(staff, id, { action: "submit" }),
        () => transitionDecision(head, id, { action: "approve" }),
        () => transitionDecision(leader, id, { action: "approve" }),
      ],
      async () => assert.match((await indexed("decision", id))?.content ?? "", /绥城管罚字〔2026〕第E1号/),
    );
  });

  test("an import batch's approval indexes every decision it publishes, and keeps one audit row per decision", async () => {
    const headers = decisionColumns("license").map((column) => column.header);
    const row = (index: number): Record<string, string> => ({
      行政相对人名称: `绥芬河市引擎商贸有限公司${index}`,
      相对人类别: "法人及非法人组织",
      统一社会信用代码: code(`91231081MA${String(2_000_000 + index).slice(-7)}`),
      法定代表人: "王立新",
      决定书文号: `绥城管许字〔2026〕第E${index}号`,
      许可证书名称: "门头牌匾设置许可决定书",
      许可内容: "准予设置门头牌匾一块。",
      决定日期: todayInBeijing(),
      有效期自: todayInBeijing(),
      有效期至: "2027-12-01",
      决定机关: agency,
      决定机关统一社会信用代码: authorityCode,
      数据来源单位: agency,
    });
    const csv = writeCsv({
      columns: headers.map((header) => ({ header })),
      rows: [row(1), row(2)].map((entry) => headers.map((header) => entry[header] ?? "")),
    });
    const { batchId } = await importDecisions(staff, { kind: "license", file: { name: "engine.csv", bytes: new TextEncoder().encode(csv) } });
    const ids = (await db.administrativeDecision.findMany({ where: { importBatchId: batchId }, orderBy: { id: "asc" } })).map((decision) => decision.id);
    await expectPublication(
      [
        () => transitionDecisionBatch(staff, batchId, { action: "submit" }),
        () => transitionDecisionBatch(head, batchId, { action: "approve" }),
        () => transitionDecisionBatch(leader, batchId, { action: "approve" }),
      ],
      async () => {
        for (const id of ids) {
          assert.ok(await indexed("decision", id), `decision ${id} is indexed`);
          assert.deepEqual((await auditActions("AdministrativeDecision", id)).slice(-3), ["decision.submit", "decision.approve", "decision.approve"]);
        }
        assert.deepEqual((await auditActions("DecisionImportBatch", batchId)).slice(-3), [
          "decision_batch.submit",
          "decision_batch.approve",
          "decision_batch.approve",
        ]);
      },
    );
  });

  test("a proposal's reply, once issued, makes the proposal searchable with the reply's text", async () => {
    const today = new Date(`${todayInBeijing()}T00:00:00Z`);
    const proposal = await db.proposal.create({
      data: {
        year: 2026,
        session: "绥芬河市第十七届人民代表大会第三次会议",
        number: "第E1号",
        kind: "suggestion",
        title: "关于增设引擎测试公交站点的建议",
        proposers: ["王立军"],
        receivedOn: today,
        leadSectionId: staff.sectionId,
        assignedOn: today,
        deadline: new Date("2027-03-01T00:00:00Z"),
        status: "in_progress",
      },
    });
    const { id } = await saveProposalReply(staff, proposal.id, { body: "关于增设引擎测试公交站点的答复：已协调公交公司增设站点。", disclosure: "full" });
    await expectPublication(
      [
        () => transitionProposalReply(staff, id, { action: "submit" }),
        () => transitionProposalReply(head, id, { action: "approve" }),
        () => transitionProposalReply(leader, id, { action: "approve" }),
      ],
      async () => {
        assert.match((await indexed("proposal_reply", proposal.id))?.content ?? "", /引擎测试公交站点/);
        assert.equal((await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).status, "replied");
      },
    );
  });

  test("an inspection task's plan, then its results, change what the public sees when published", async () => {
    const item = await db.inspectionItem.findFirstOrThrow({ where: { active: true }, orderBy: { id: "asc" } });
    const category = (await db.inspectionTarget.findFirstOrThrow({ where: { active: true }, orderBy: { id: "asc" } })).category;
    const { id } = await createInspection(staff, {
      title: "引擎测试随机抽查",
      year: 2026,
      description: "现场检查。",
      itemIds: [item.id],
      targetCategories: [category],
      targetCount: 1,
      inspectorsPerTarget: 2,
      startOn: "2026-11-02",
      endOn: "2026-11-06",
    });
    await drawInspection(staff, id, {}, { seed: "engine" });
    await expectPublication(
      [
        () => transitionInspection(staff, id, { subject: "plan", action: "submit" }),
        () => transitionInspection(head, id, { subject: "plan", action: "approve" }),
        () => transitionInspection(leader, id, { subject: "plan", action: "approve" }),
      ],
      async () =>
        assert.deepEqual(await auditActions("Inspection", id), [
          "inspection.create",
          "inspection.draw",
          "inspection.plan.submit",
          "inspection.plan.approve",
          "inspection.plan.approve",
        ]),
    );
    const assignments = await db.inspectionAssignment.findMany({ where: { inspectionId: id } });
    await recordInspectionResults(staff, id, {
      results: assignments.map((assignment) => ({ assignmentId: assignment.id, outcome: "no_problem", inspectedOn: "2026-11-03" })),
    });
    await expectPublication(
      [
        () => transitionInspection(staff, id, { subject: "results", action: "submit" }),
        () => transitionInspection(head, id, { subject: "results", action: "approve" }),
        () => transitionInspection(leader, id, { subject: "results", action: "approve" }),
      ],
      async () => assert.equal((await db.inspection.findUniqueOrThrow({ where: { id } })).resultsState, "published"),
    );
  });

  test("a feedback reply approved for publication changes the public content; approved without it, nothing public changes", async () => {
    const feedback = await db.feedback.create({
      data: { topic: "引擎测试：路灯不亮", content: "永福街几盏路灯晚上不亮。", mayPublish: true, status: "received" },
    });
    let version = (await saveFeedbackReply(staff, feedback.id, { body: "已安排维修，三日内修复。", version: feedback.version })).version;
    await expectPublication(
      [
        async () => (version = (await transitionFeedbackReply(staff, feedback.id, { action: "submit", version })).version),
        async () => (version = (await transitionFeedbackReply(head, feedback.id, { action: "approve", publish: true, version })).version),
      ],
      async () => assert.ok((await db.feedback.findUniqueOrThrow({ where: { id: feedback.id } })).publishedAt),
    );
    const quiet = await db.feedback.create({ data: { topic: "引擎测试：咨询", content: "请问办事时间。", mayPublish: true, status: "received" } });
    let quietVersion = (await saveFeedbackReply(staff, quiet.id, { body: "工作日办理。", version: quiet.version })).version;
    quietVersion = (await transitionFeedbackReply(staff, quiet.id, { action: "submit", version: quietVersion })).version;
    const token = await contentToken();
    await transitionFeedbackReply(head, quiet.id, { action: "approve", version: quietVersion });
    assert.equal(await contentToken(), token);
  });

  test("an annual report, once approved, is published as an item that search finds at once", async () => {
    const sources: ReportFigureSources = {
      applications: async () => ({
        table3: { columns: [], rows: { new: table3Row({}), carried_in: table3Row({}), total: table3Row({}), carried_out: table3Row({}) } },
        openPastDue: 0,
        feesChargedYuan: 0,
      }),
      appeals: async () => [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      decisions: async () => ({ licensing: 0, penalties: 0, coercion: 0, publishedLate: 0, dueUnpublished: 0 }),
      feeIncome: async () => 0,
      retainedLicensingPowers: async () => 0,
      proposalsFor: async () => ({ suggestions: 0, proposals: 0, replied: 0, published: 0, satisfactionRate: null }),
      outcomes: () => [],
    };
    const started = await startReport(staff, 2019, sources);
    // 五 must be written before submission; the leader confirms publication.
    const report = await updateReportTexts(staff, started.id, { ...started.texts, problems: "一是人员力量薄弱。", version: started.version });
    await expectPublication(
      [
        () => transitionReport(staff, report.id, { action: "submit" }, sources),
        () => transitionReport(head, report.id, { action: "approve" }, sources),
        () => transitionReport(leader, report.id, { action: "approve", confirm: true }, sources),
      ],
      async () => {
        const itemId = (await db.annualReport.findUniqueOrThrow({ where: { id: report.id } })).itemId!;
        assert.match((await indexed("item", itemId))?.title ?? "", /2019年/);
      },
    );
  });

  test("an issued reply letter goes to the applicant, not the public: the public content does not change", async () => {
    const reply = await db.applicationReply.findFirstOrThrow({ where: { state: "section_review" } });
    const token = await contentToken();
    await transitionReply(head, reply.applicationId, { action: "approve" });
    const issued = await transitionReply(leader, reply.applicationId, { action: "approve" });
    assert.equal(issued.state, "published");
    assert.equal(await contentToken(), token);
    assert.deepEqual((await auditActions("ApplicationReply", reply.id)).slice(-2), ["application.reply.approve", "application.reply.approve"]);
  });

  test("when the audit row cannot be written, the state, the search index and the content version stay as they were", async () => {
    const { id } = await createService(staff, {
      code: "ENGINE-FW-2",
      name: "引擎测试原子性指南",
      powerId: "",
      sectionId: staff.sectionId,
      legalBasis: "《城市市容和环境卫生管理条例》第十一条",
      conditions: "无。",
      materials: [],
      steps: "申请",
      timeLimitDays: "5",
      fee: "不收费",
      place: "永福街39号",
      officeHours: "工作日",
      consultationPhone: "0453-3922315",
      complaintPhone: "0453-3922300",
    });
    await transitionService(staff, id, { action: "submit" });
    await transitionService(head, id, { action: "approve" });
    await db.$executeRawUnsafe(`CREATE FUNCTION engine_test_refuse_audit() RETURNS trigger AS $$
      BEGIN IF NEW."action" = 'service.approve' AND NEW."toState" = 'published' THEN RAISE EXCEPTION 'audit refused by the test'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(
      `CREATE TRIGGER engine_test_refuse_audit BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION engine_test_refuse_audit()`,
    );
    try {
      const token = await contentToken();
      await assert.rejects(transitionService(leader, id, { action: "approve" }), /audit refused by the test/);
      const service = await db.service.findUniqueOrThrow({ where: { id } });
      assert.equal(service.state, "leader_review");
      assert.equal(service.publishedContent, null);
      assert.equal(await indexed("service", id), null);
      assert.equal(await contentToken(), token);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER engine_test_refuse_audit ON "AuditEvent"`);
      await db.$executeRawUnsafe(`DROP FUNCTION engine_test_refuse_audit()`);
    }
  });
});

describe("a refused step leaves nothing changed: no audit row, the same version", () => {
  async function expectUnchanged(
    read: () => Promise<{ version: number }>,
    entityType: string,
    entityId: number,
    step: () => Promise<unknown>,
    refusal: (error: unknown) => boolean,
  ) {
    const before = await read();
    const events = await auditActions(entityType, entityId);
    const token = await contentToken();
    await assert.rejects(step(), refusal);
    assert.deepEqual(await read(), before);
    assert.deepEqual(await auditActions(entityType, entityId), events);
    assert.equal(await contentToken(), token);
  }
  const status = (code: number, field?: string) => (error: unknown) =>
    error instanceof AppError && error.status === code && (!field || (error instanceof ValidationError && field in error.fields));

  test("an item whose screening findings are not acknowledged is not submitted, and no finding is stored", async () => {
    const categoryId = (await db.category.findFirstOrThrow({ where: { children: { none: {} } }, orderBy: { id: "asc" } })).id;
    const { id } = await createItem(staff, { title: "引擎测试：含个人信息", body: "<p>联系电话 13812345678。</p>", categoryId, formedAt: "2026-11-30" });
    await expectUnchanged(
      () => db.item.findUniqueOrThrow({ where: { id } }),
      "Item",
      id,
      () => transitionItem(staff, id, { action: "submit" }),
      (error) => error instanceof ScreeningAcknowledgementRequired,
    );
    assert.equal(await db.screeningFinding.count({ where: { itemId: id } }), 0);
  });

  test("an inspection plan is not submitted before its draw, nor its results while incomplete", async () => {
    const item = await db.inspectionItem.findFirstOrThrow({ where: { active: true }, orderBy: { id: "asc" } });
    const category = (await db.inspectionTarget.findFirstOrThrow({ where: { active: true }, orderBy: { id: "asc" } })).category;
    const { id } = await createInspection(staff, {
      title: "引擎测试未抽取",
      year: 2026,
      description: "现场检查。",
      itemIds: [item.id],
      targetCategories: [category],
      targetCount: 2,
      inspectorsPerTarget: 2,
      startOn: "2026-11-02",
      endOn: "2026-11-06",
    });
    const read = () => db.inspection.findUniqueOrThrow({ where: { id } });
    await expectUnchanged(read, "Inspection", id, () => transitionInspection(staff, id, { subject: "plan", action: "submit" }), status(422, "draw"));
    await expectUnchanged(read, "Inspection", id, () => transitionInspection(staff, id, { subject: "results", action: "submit" }), status(409));
    await drawInspection(staff, id, {}, { seed: "engine-2" });
    await transitionInspection(staff, id, { subject: "plan", action: "submit" });
    await transitionInspection(head, id, { subject: "plan", action: "approve" });
    await transitionInspection(leader, id, { subject: "plan", action: "approve" });
    const [first] = await db.inspectionAssignment.findMany({ where: { inspectionId: id }, orderBy: { position: "asc" } });
    await recordInspectionResults(staff, id, { results: [{ assignmentId: first.id, outcome: "no_problem", inspectedOn: "2026-11-03" }] });
    await expectUnchanged(read, "Inspection", id, () => transitionInspection(staff, id, { subject: "results", action: "submit" }), status(422, "results"));
  });

  test("a report that fails its checks is not submitted", async () => {
    const broken: ReportFigureSources = {
      applications: async () => ({
        table3: {
          columns: [],
          rows: {
            new: table3Row({ natural_person: 4 }),
            carried_in: table3Row({}),
            total: table3Row({ natural_person: 3 }),
            carried_out: table3Row({ natural_person: 5 }),
          },
        },
        openPastDue: 0,
        feesChargedYuan: 0,
      }),
      appeals: async () => [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      decisions: async () => ({ licensing: 0, penalties: 0, coercion: 0, publishedLate: 0, dueUnpublished: 0 }),
      feeIncome: async () => 0,
      retainedLicensingPowers: async () => 0,
      proposalsFor: async () => ({ suggestions: 0, proposals: 0, replied: 0, published: 0, satisfactionRate: null }),
      outcomes: () => [],
    };
    const report = await startReport(staff, 2018, broken);
    await expectUnchanged(
      () => db.annualReport.findUniqueOrThrow({ where: { id: report.id } }),
      "AnnualReport",
      report.id,
      () => transitionReport(staff, report.id, { action: "submit" }, broken),
      status(422, "checks"),
    );
  });

  test("a feedback pair the visitor did not allow to publish is not published, and the reply stays under review", async () => {
    const feedback = await db.feedback.create({ data: { topic: "引擎测试：不公开", content: "请勿公开。", mayPublish: false, status: "received" } });
    let version = (await saveFeedbackReply(staff, feedback.id, { body: "已处理。", version: feedback.version })).version;
    version = (await transitionFeedbackReply(staff, feedback.id, { action: "submit", version })).version;
    const read = async () => {
      const row = await db.feedback.findUniqueOrThrow({ where: { id: feedback.id }, include: { reply: true } });
      return { version: row.version, status: row.status, replyState: row.reply?.state, publishedAt: row.publishedAt };
    };
    await expectUnchanged(
      read,
      "Feedback",
      feedback.id,
      () => transitionFeedbackReply(head, feedback.id, { action: "approve", publish: true, version }),
      status(422, "publish"),
    );
  });

  test("a register entry returned without a comment, or approved by its own editor, stays where it was", async () => {
    const { id } = await createPower(staff, {
      code: "XK-ENGINE-2",
      name: "引擎测试退回",
      type: "license",
      legalBasis: "《城市道路管理条例》",
      sectionId: staff.sectionId,
      responsibilities: "受理。",
      accountability: "不受理的。",
      status: "retained",
      effectiveOn: "2017-05-02",
    });
    await transitionPower(staff, id, { action: "submit" });
    const read = () => db.power.findUniqueOrThrow({ where: { id } });
    await expectUnchanged(read, "Power", id, () => transitionPower(head, id, { action: "return" }), status(422, "comment"));
    await expectUnchanged(read, "Power", id, () => transitionPower(staff, id, { action: "approve" }), status(403));
    await expectUnchanged(
      read,
      "Power",
      id,
      () => transitionPower(head, id, { action: "approve", version: 1 }),
      (error) => error instanceof AppError && error.code === "stale_version",
    );
  });
});
