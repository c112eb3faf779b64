/**
 * Records the authorization matrix asks about, made through the product's own data layer so that
 * they are what the console would have made. The actors are the demo installation's accounts
 * (seedDemoData: admin, staff and head of 综合科, leader of 局领导) plus a staff member of
 * 市容环境管理科, "another section". Records belong to 综合科 unless a method says otherwise.
 *
 * A row that changes data asks for a fresh record for every actor, so the cells do not depend on
 * each other or on their order; rows that only read share records (`shared`).
 */
import { updateSiteIdentity } from "@/lib/agency/site-identity";
import { recordAppeal } from "@/lib/applications/appeals";
import { recordDecision } from "@/lib/applications/handle-application";
import { registerOfflineApplication } from "@/lib/applications/submit-application";
import { submitApplication } from "@/lib/applications/submit-application";
import type { ActingUser } from "@/lib/auth/acting-user";
import { loadActingUser } from "@/lib/auth/acting-user";
import { createApiToken } from "@/lib/auth/api-tokens";
import { hashPassword } from "@/lib/auth/password";
import { setCalendarOverride } from "@/lib/calendar/manage-calendar-overrides";
import { createCategory } from "@/lib/catalogue/manage-catalogue";
import { todayInBeijing } from "@/lib/dates";
import { db } from "@/lib/db";
import { decisionColumns } from "@/lib/decisions/decision-fields";
import { transitionDecision, transitionDecisionBatch } from "@/lib/decisions/decision-review";
import { importDecisions } from "@/lib/decisions/import-decisions";
import { createDecision } from "@/lib/decisions/manage-decisions";
import { proposePublicityRemoval } from "@/lib/decisions/publicity-removal";
import { addMonths } from "@/lib/decisions/publicity-rules";
import { transitionFeedbackReply } from "@/lib/feedback/feedback-reply-review";
import { assignFeedback, saveFeedbackReply } from "@/lib/feedback/manage-feedback";
import { submitFeedback } from "@/lib/feedback/submit-feedback";
import { computeCreditCodeCheckCharacter } from "@/lib/identifiers";
import { computeIdNumberCheckCharacter } from "@/lib/identifiers";
import { transitionInspection } from "@/lib/inspections/inspection-review";
import { createInspectionItem } from "@/lib/inspections/manage-inspection-items";
import { createInspection, drawInspection } from "@/lib/inspections/manage-inspections";
import { addInspectorConflict, createInspector, createTarget } from "@/lib/inspections/manage-lists";
import { transitionItem } from "@/lib/items/item-review";
import { createItem } from "@/lib/items/manage-items";
import { withReceivedUploads } from "@/lib/items/received-uploads";
import { createPower } from "@/lib/powers/manage-powers";
import { transitionPower } from "@/lib/powers/power-review";
import { assignProposal, createProposal, recordProposerFeedback } from "@/lib/proposals/manage-proposals";
import { saveProposalReply } from "@/lib/proposals/proposal-replies";
import { transitionProposalReply } from "@/lib/proposals/proposal-reply-review";
import { transitionReply } from "@/lib/reply-letters/reply-letter-review";
import { startReport, updateReportTexts } from "@/lib/reports/manage-reports";
import { transitionReport } from "@/lib/reports/report-review";
import { addSensitiveWords } from "@/lib/sensitive-words/manage-sensitive-words";
import { createService } from "@/lib/services/manage-services";
import { transitionService } from "@/lib/services/service-review";
import { writeCsv } from "@/lib/spreadsheets";
import { nextNumber, type Actor } from "./matrix-types";
import { insertSection } from "../support/fixtures";
import { tinyPngFile } from "../support/images";

/** How many report years the fixtures have handed out (see `reportYear`). */
let reportYears = 0;

export type SignedInActor = Exclude<Actor, "anonymous">;
export type RegisterState = "draft" | "section_review" | "leader_review" | "published" | "withdrawn";

export class MatrixFixtures {
  private readonly memo = new Map<string, Promise<unknown>>();

  private constructor(
    readonly users: Record<SignedInActor, ActingUser>,
    readonly sectionId: number,
    readonly otherSectionId: number,
    readonly categoryId: number,
  ) {}

  /** Call after seedDemoData(). */
  static async create(): Promise<MatrixFixtures> {
    const byName = async (username: string) => (await loadActingUser((await db.user.findUniqueOrThrow({ where: { username } })).id))!;
    const otherSectionId = (await db.section.findFirstOrThrow({ where: { name: "市容环境管理科", agency: { isDefault: true } } })).id;
    const otherSection = await db.user.create({
      data: {
        username: "cityscape-staff",
        displayName: "市容科科员",
        role: "staff",
        sectionId: otherSectionId,
        passwordHash: await hashPassword("matrix-password-1"),
      },
    });
    const users = {
      otherSection: (await loadActingUser(otherSection.id))!,
      staff: await byName("staff"),
      head: await byName("head"),
      leader: await byName("leader"),
      admin: await byName("admin"),
    };
    const categoryId = (await db.category.findUniqueOrThrow({ where: { slug: "normative-documents" } })).id;
    return new MatrixFixtures(users, users.staff.sectionId, otherSectionId, categoryId);
  }

  /**
   * The fixtures for the cells of one row that are expected to be refused: a refused request changes
   * nothing (the walk checks it), so they can share one record per row instead of each making its
   * own. Every method's result is made once per row and arguments.
   */
  sharedForRow(rowIndex: number): MatrixFixtures {
    return new Proxy(this, {
      get: (target, property, receiver) => {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== "function" || property === "shared" || property === "sharedForRow")
          return typeof value === "function" ? value.bind(target) : value;
        return (...args: unknown[]) => target.shared(`row ${rowIndex} ${String(property)} ${JSON.stringify(args)}`, () => value.apply(target, args));
      },
    });
  }

  /** Made once and shared by every cell that asks for `key` (rows that only read). */
  shared<T>(key: string, make: () => Promise<T>): Promise<T> {
    if (!this.memo.has(key)) this.memo.set(key, make());
    return this.memo.get(key) as Promise<T>;
  }

  /** A throwaway account with the actor's role and section (for rows about one's own account). */
  async accountLike(actor: SignedInActor, password = "matrix-password-1"): Promise<ActingUser> {
    const model = this.users[actor];
    const created = await db.user.create({
      data: {
        username: `matrix-${actor.toLowerCase()}-${nextNumber()}`,
        displayName: "矩阵测试",
        role: model.role,
        sectionId: model.sectionId,
        passwordHash: await hashPassword(password),
      },
    });
    return (await loadActingUser(created.id))!;
  }

  /** The id of a live read-only API token of `user`. */
  async apiTokenOf(user: ActingUser): Promise<number> {
    return (await createApiToken(user, { name: `矩阵令牌${nextNumber()}`, scope: "read", lifetimeDays: 30 })).summary.id;
  }

  /** A new section with nobody in it. */
  async section(): Promise<number> {
    return insertSection(`矩阵科${nextNumber()}`);
  }

  /** An empty catalogue category. */
  async category(slug: string): Promise<number> {
    return (await createCategory(this.users.admin, { name: `矩阵栏目${nextNumber()}`, slug, kind: "list", sortOrder: 0 })).id;
  }

  /** A date with a calendar override. */
  async calendarOverride(): Promise<string> {
    const day = 1 + (nextNumber() % 28);
    const date = `2028-02-${String(day).padStart(2, "0")}`;
    await setCalendarOverride(this.users.admin, { date, working: true, note: "矩阵测试" });
    return date;
  }

  /** The id of a word on the sensitive-word list. */
  async sensitiveWord(): Promise<number> {
    const word = `矩阵敏感词${nextNumber()}`;
    await addSensitiveWords(this.users.admin, { words: word });
    return (await db.sensitiveWord.findFirstOrThrow({ where: { word } })).id;
  }

  /** The file name of the site's emblem, uploaded by the administrator (`/site-logo/<file>`). */
  async siteLogo(): Promise<string> {
    const settings = await updateSiteIdentity(this.users.admin, { logo: tinyPngFile() });
    return settings.logoUrl!.slice("/site-logo/".length);
  }

  /** Today in Beijing on the pinned test clock (a working Wednesday). */
  get today(): string {
    return todayInBeijing();
  }

  // ─── Applications (依申请公开; the demo's handling section is 综合科) ──────────────────────────

  applicationInput(overrides: Record<string, unknown> = {}) {
    const first17 = "23010319900101123";
    return {
      applicantType: "natural_person",
      name: "张小三",
      idType: "resident_id",
      idNumber: first17 + computeIdNumberCheckCharacter(first17),
      phone: "13812345678",
      email: "zhang@example.com",
      address: "绥芬河市光明街 8 号",
      description: "2017 年城区户外广告设施设置规划全文",
      deliveryMethod: "email",
      receiptMethod: "letter",
      receivedOn: this.today,
      ...overrides,
    };
  }

  /** What a visitor types into the application form (no receipt fields). */
  publicApplicationInput(overrides: Record<string, unknown> = {}) {
    const { receiptMethod: _method, receivedOn: _on, ...fields } = this.applicationInput();
    return { ...fields, ...overrides };
  }

  /** An application a visitor submitted online: its number and lookup code. */
  async submittedApplication(): Promise<{ number: string; lookupCode: string }> {
    const { number, lookupCode } = await submitApplication(this.publicApplicationInput(), { clientKey: `matrix-${nextNumber()}` });
    return { number, lookupCode };
  }

  /** An application registered by 综合科's staff member. */
  async application(): Promise<{ id: number }> {
    return { id: (await registerOfflineApplication(this.users.staff, this.applicationInput())).id };
  }

  /** An application decided by the staff member, with its reply letter taken as far as `replyState`. */
  async decidedApplication(replyState: "draft" | "section_review" | "leader_review" = "draft"): Promise<{ id: number }> {
    const { id } = await this.application();
    await recordDecision(this.users.staff, id, { outcome: "disclose", decidedOn: this.today, note: "信息见附件。" });
    if (replyState !== "draft") await transitionReply(this.users.staff, id, { action: "submit" });
    if (replyState === "leader_review") await transitionReply(this.users.head, id, { action: "approve" });
    return { id };
  }

  /** A pending reconsideration about a decided application. */
  async appeal(): Promise<{ applicationId: number; appealId: number }> {
    const { id } = await this.decidedApplication();
    const appeal = await recordAppeal(this.users.staff, id, { kind: "reconsideration", filedOn: this.today, body: "绥芬河市人民政府", result: "pending" });
    return { applicationId: id, appealId: appeal.id };
  }

  // ─── Registers: the power list, service guides, 双公示 decisions ─────────────────────────────

  powerInput(overrides: Record<string, unknown> = {}) {
    return {
      code: `MX-XK-${nextNumber()}`,
      name: "设置大型户外广告审批",
      type: "license",
      legalBasis: "《城市市容和环境卫生管理条例》第十一条",
      sectionId: this.sectionId,
      responsibilities: "受理、审查、决定、送达、事后监管。",
      accountability: "对符合条件的申请不予受理的。",
      status: "retained",
      effectiveOn: "2017-05-02",
      ...overrides,
    };
  }

  serviceInput(overrides: Record<string, unknown> = {}) {
    return {
      code: `MX-FW-${nextNumber()}`,
      name: "设置门头牌匾审批",
      powerId: "",
      sectionId: this.sectionId,
      legalBasis: "《城市市容和环境卫生管理条例》第十一条",
      conditions: "依法登记的经营单位。",
      materials: [{ name: "申请表", originals: "1", copies: "" }],
      steps: "申请\n受理\n审查\n决定",
      timeLimitDays: "5",
      fee: "不收费",
      place: "永福街39号",
      officeHours: "工作日 8:30—17:00",
      consultationPhone: "0453-3922315",
      complaintPhone: "0453-3922300",
      ...overrides,
    };
  }

  private creditCode(first17: string): string {
    return first17 + computeCreditCodeCheckCharacter(first17);
  }

  decisionInput(overrides: Record<string, unknown> = {}) {
    const agency = "绥芬河市城市管理和综合行政执法局";
    return {
      kind: "penalty",
      counterpartyName: "李四",
      counterpartyCategory: "natural_person",
      idNumber: `23108119800101123${computeIdNumberCheckCharacter("23108119800101123")}`,
      documentNumber: `绥城管罚字〔2026〕第M${nextNumber()}号`,
      violationType: "擅自占用城市道路",
      violationFacts: "占道经营。",
      penaltyBasis: "《城市道路管理条例》第四十二条",
      penaltyCategories: ["警告"],
      penaltyContent: "警告。",
      decisionDate: this.today,
      authorityName: agency,
      authorityCreditCode: this.creditCode("11231081MB1964057"),
      dataSourceName: agency,
      ...overrides,
    };
  }

  private async review<T>(state: RegisterState, take: (actor: ActingUser, request: Record<string, unknown>) => Promise<T>): Promise<void> {
    const { staff, head, leader } = this.users;
    if (state === "draft") return;
    await take(staff, { action: "submit" });
    if (state === "section_review") return;
    await take(head, { action: "approve" });
    if (state === "leader_review") return;
    await take(leader, { action: "approve" });
    if (state === "withdrawn") await take(leader, { action: "withdraw", comment: "矩阵测试撤回" });
  }

  async power(state: RegisterState = "draft"): Promise<{ id: number; version: number }> {
    const created = await createPower(this.users.staff, this.powerInput());
    await this.review(state, (actor, request) => transitionPower(actor, created.id, request));
    return { id: created.id, version: (await db.power.findUniqueOrThrow({ where: { id: created.id } })).version };
  }

  async service(state: RegisterState = "draft"): Promise<{ id: number; version: number }> {
    const created = await createService(this.users.staff, this.serviceInput());
    await this.review(state, (actor, request) => transitionService(actor, created.id, request));
    return { id: created.id, version: (await db.service.findUniqueOrThrow({ where: { id: created.id } })).version };
  }

  async decision(state: RegisterState = "draft"): Promise<{ id: number; version: number }> {
    const created = await createDecision(this.users.staff, this.decisionInput());
    await this.review(state, (actor, request) => transitionDecision(actor, created.id, request));
    return { id: created.id, version: (await db.administrativeDecision.findUniqueOrThrow({ where: { id: created.id } })).version };
  }

  /** A 信用修复 removal date the rules accept for a penalty published today: after the minimum period, within the period. */
  get removalDate(): string {
    return addMonths(this.today, 6);
  }

  /** A published penalty of 综合科 with a 信用修复 proposal by its staff member, waiting for the section head. */
  async publicityRemoval(): Promise<{ id: number }> {
    const decision = await this.decision("published");
    return proposePublicityRemoval(this.users.staff, decision.id, { removeOn: this.removalDate, reason: "已履行处罚决定并作出信用修复承诺。" });
  }

  /** An import batch of two licence decisions, imported by the staff member, taken as far as `state`. */
  async decisionBatch(state: "draft" | "section_review" = "draft"): Promise<{ id: number }> {
    const agency = "绥芬河市城市管理和综合行政执法局";
    const row = () => {
      const n = nextNumber();
      return {
        行政相对人名称: `绥芬河市矩阵商贸有限公司${n}`,
        相对人类别: "法人及非法人组织",
        统一社会信用代码: this.creditCode(`91231081MA${String(1_000_000 + n).slice(-7)}`),
        法定代表人: "王立新",
        证件号码: "",
        决定书文号: `绥城管许字〔2026〕第M${n}号`,
        许可证书名称: "门头牌匾设置许可决定书",
        许可内容: "准予设置门头牌匾一块。",
        决定日期: this.today,
        有效期自: this.today,
        有效期至: "2027-12-01",
        决定机关: agency,
        决定机关统一社会信用代码: this.creditCode("11231081MB1964057"),
        数据来源单位: agency,
        备注: "",
      } as Record<string, string>;
    };
    const headers = decisionColumns("license").map((column) => column.header);
    const text = writeCsv({
      columns: headers.map((header) => ({ header })),
      rows: [row(), row()].map((entry) => headers.map((header) => entry[header] ?? "")),
    });
    const { batchId } = await importDecisions(this.users.staff, { kind: "license", file: { name: "batch.csv", bytes: new TextEncoder().encode(text) } });
    if (state === "section_review") {
      await transitionDecisionBatch(this.users.staff, batchId, { action: "submit" });
    }
    return { id: batchId };
  }

  // ─── Visitors' messages (监督评议) ──────────────────────────────────────────────────────────

  private async feedbackVersion(id: number): Promise<number> {
    return (await db.feedback.findUniqueOrThrow({ where: { id } })).version;
  }

  /**
   * A visitor's message, taken as far as `stage`: "unassigned" (received, no section yet), "held"
   * (waiting in moderation: it has a mobile number), "received" (given to 综合科), "reply draft",
   * "reply review", "published" (answered, published with its reply).
   */
  async feedback(
    stage: "unassigned" | "held" | "received" | "reply draft" | "reply review" | "published" = "received",
  ): Promise<{ id: number; version: number }> {
    const { head, staff } = this.users;
    const content = stage === "held" ? "请回电 13812345678，谢谢。" : "永福街人行道上的井盖松动，请尽快处理。";
    const { id } = await submitFeedback({ topic: `井盖松动 ${nextNumber()}`, content, mayPublish: "on" }, { clientKey: `matrix-${nextNumber()}` });
    if (stage !== "unassigned" && stage !== "held") {
      await assignFeedback(head, id, { sectionId: this.sectionId, version: await this.feedbackVersion(id) });
    }
    if (stage === "reply draft" || stage === "reply review" || stage === "published") {
      await saveFeedbackReply(staff, id, { body: "已转交维修部门，三日内处理完毕。", version: await this.feedbackVersion(id) });
    }
    if (stage === "reply review" || stage === "published")
      await transitionFeedbackReply(staff, id, { action: "submit", version: await this.feedbackVersion(id) });
    if (stage === "published") await transitionFeedbackReply(head, id, { action: "approve", publish: true, version: await this.feedbackVersion(id) });
    return { id, version: await this.feedbackVersion(id) };
  }

  // ─── Deputies' suggestions and proposals (建议提案) ──────────────────────────────────────────

  proposalInput(overrides: Record<string, unknown> = {}) {
    const n = nextNumber();
    return {
      year: 2026,
      session: "市第十七届人民代表大会第五次会议",
      number: `矩阵第${n}号`,
      kind: "suggestion",
      title: `关于整治背街小巷环境的建议（${n}）`,
      proposers: "张立新、王春梅",
      receivedOn: this.today,
      ...overrides,
    };
  }

  private async proposalVersion(id: number): Promise<number> {
    return (await db.proposal.findUniqueOrThrow({ where: { id } })).version;
  }

  /**
   * A proposal taken as far as `stage`: "unassigned" (registered by staff), "assigned" (to 综合科 by
   * its head), a reply of 综合科 in "reply draft", "reply section review" or "reply leader review",
   * "replied" (the reply issued), "unsatisfied" (replied, and the proposers were not satisfied).
   */
  async proposal(
    stage: "unassigned" | "assigned" | "reply draft" | "reply section review" | "reply leader review" | "replied" | "unsatisfied" = "assigned",
  ): Promise<{ id: number; version: number; replyId: number }> {
    const { staff, head, leader } = this.users;
    const created = await createProposal(staff, this.proposalInput());
    let replyId = 0;
    if (stage !== "unassigned")
      await assignProposal(head, created.id, { leadSectionId: this.sectionId, assignedOn: this.today, version: await this.proposalVersion(created.id) });
    if (stage !== "unassigned" && stage !== "assigned") {
      replyId = (await saveProposalReply(staff, created.id, { body: "答复全文：已增设公厕三座，并落实保洁责任。", disclosure: "full" })).id;
      if (stage !== "reply draft") await transitionProposalReply(staff, replyId, { action: "submit" });
      if (stage !== "reply draft" && stage !== "reply section review") await transitionProposalReply(head, replyId, { action: "approve" });
      if (stage === "replied" || stage === "unsatisfied") await transitionProposalReply(leader, replyId, { action: "approve" });
      if (stage === "unsatisfied")
        await recordProposerFeedback(staff, created.id, { satisfaction: "unsatisfied", version: await this.proposalVersion(created.id) });
    }
    return { id: created.id, version: await this.proposalVersion(created.id), replyId };
  }

  // ─── 双随机一公开 (inspections) ───────────────────────────────────────────────────────────────

  async planInput(overrides: Record<string, unknown> = {}) {
    const item = await db.inspectionItem.findFirstOrThrow({ where: { active: true }, orderBy: { id: "asc" } });
    return {
      title: `矩阵测试抽查任务 ${nextNumber()}`,
      year: 2026,
      description: "对户外广告设施设置情况进行检查。",
      itemIds: [item.id],
      targetCategories: [],
      targetCount: 1,
      inspectorsPerTarget: 2,
      startOn: this.today,
      endOn: "2026-12-31",
      ...overrides,
    };
  }

  private async inspectionVersion(id: number): Promise<number> {
    return (await db.inspection.findUniqueOrThrow({ where: { id } })).version;
  }

  /** A task of 综合科 planned by its staff member, taken as far as `stage`. */
  async inspection(stage: "draft" | "drawn" | "section review" | "leader review" | "published" = "draft"): Promise<{ id: number; version: number }> {
    const { staff, head, leader } = this.users;
    const { id } = await createInspection(staff, await this.planInput());
    if (stage !== "draft") await drawInspection(staff, id, {});
    const plan = (action: string, actor: ActingUser) => transitionInspection(actor, id, { subject: "plan", action });
    if (stage === "section review" || stage === "leader review" || stage === "published") await plan("submit", staff);
    if (stage === "leader review" || stage === "published") await plan("approve", head);
    if (stage === "published") await plan("approve", leader);
    return { id, version: await this.inspectionVersion(id) };
  }

  /** The results of a published task's draw, every target inspected today with no problem found. */
  async inspectionResults(inspectionId: number) {
    const assignments = await db.inspectionAssignment.findMany({ where: { inspectionId } });
    return assignments.map((assignment) => ({ assignmentId: assignment.id, outcome: "no_problem", inspectedOn: this.today, note: "" }));
  }

  async target(): Promise<number> {
    const n = nextNumber();
    return (await createTarget(this.users.staff, { name: `矩阵商户${n}`, creditCode: "", address: "绥芬河市光明街 1 号", category: "户外广告" })).id;
  }

  async inspector(): Promise<number> {
    return (await createInspector(this.users.staff, { name: "矩阵检查员", certificateNumber: `MX${nextNumber()}`, sectionId: this.sectionId })).id;
  }

  async inspectorConflict(): Promise<number> {
    return (await addInspectorConflict(this.users.staff, { inspectorId: await this.inspector(), targetId: await this.target(), reason: "亲属关系" })).id;
  }

  /** A power of the inspection type (行政检查), which 抽查事项 refer to. */
  async inspectionPowerId(): Promise<number> {
    return (await db.inspectionItem.findFirstOrThrow({ orderBy: { id: "asc" } })).powerId;
  }

  async inspectionItem(): Promise<number> {
    const powerId = await this.inspectionPowerId();
    return (await createInspectionItem(this.users.staff, { powerId, name: `矩阵抽查事项${nextNumber()}`, targetScope: "户外广告设置单位", method: "现场检查" }))
      .id;
  }

  // ─── The annual report ──────────────────────────────────────────────────────────────────────

  /**
   * A year no other fixture reports on (1001 onwards, a counter of its own: no figures, so every
   * check passes; long over, so its report may be published today).
   */
  reportYear(): number {
    reportYears += 1;
    return 1000 + reportYears;
  }

  /** A report of 综合科 started by its staff member for a year of its own, taken as far as `state`. */
  async report(state: "draft" | "section_review" | "leader_review" = "draft"): Promise<{ id: number; year: number; version: number }> {
    const { staff, head } = this.users;
    const year = this.reportYear();
    let edition = await startReport(staff, year);
    // The sections the format requires (一 and 五) are written, so that the report may be submitted.
    edition = await updateReportTexts(staff, edition.id, {
      overview: "本年总体情况。",
      problems: "一是人员力量薄弱。",
      otherMatters: "无。",
      version: edition.version,
    });
    if (state !== "draft") edition = await transitionReport(staff, edition.id, { action: "submit" });
    if (state === "leader_review") edition = await transitionReport(head, edition.id, { action: "approve" });
    return { id: edition.id, year, version: edition.version };
  }

  // ─── Items ──────────────────────────────────────────────────────────────────────────────────

  itemInput(overrides: Record<string, unknown> = {}) {
    return {
      title: `矩阵测试信息 ${nextNumber()}`,
      body: "<p>关于规范户外广告设置的通知。</p>",
      categoryId: this.categoryId,
      formedAt: "2026-11-02",
      ...overrides,
    };
  }

  /** The id of a PDF attached to an item of 综合科 taken as far as `state`. */
  async itemAttachment(state: "draft" | "published" = "draft"): Promise<number> {
    const pdf = new File([new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF")], "附件.pdf", { type: "application/pdf" });
    const created = await withReceivedUploads([pdf], (uploads) => createItem(this.users.staff, this.itemInput(), uploads));
    if (state === "published") {
      await transitionItem(this.users.staff, created.id, { action: "submit" });
      await transitionItem(this.users.head, created.id, { action: "approve" });
      await transitionItem(this.users.leader, created.id, { action: "approve" });
    }
    return (await db.itemAttachment.findFirstOrThrow({ where: { revision: { itemId: created.id } } })).id;
  }

  /** The id of an attachment of a published item. */
  publishedAttachment(): Promise<number> {
    return this.itemAttachment("published");
  }

  /** An item of 综合科 written by its staff member, taken as far as `state`. */
  async item(state: "draft" | "section_review" | "leader_review" | "published" | "withdrawn" = "draft"): Promise<{ id: number; version: number }> {
    const { staff, head, leader } = this.users;
    const created = await createItem(staff, this.itemInput());
    const steps: [ActingUser, Record<string, unknown>][] = [];
    if (state !== "draft") steps.push([staff, { action: "submit" }]);
    if (state !== "draft" && state !== "section_review") steps.push([head, { action: "approve" }]);
    if (state === "published" || state === "withdrawn") steps.push([leader, { action: "approve" }]);
    if (state === "withdrawn") steps.push([leader, { action: "withdraw", comment: "矩阵测试撤回" }]);
    let version = created.version;
    for (const [actor, request] of steps) version = (await transitionItem(actor, created.id, request)).version;
    return { id: created.id, version };
  }
}
