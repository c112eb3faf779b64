import { db, type DatabaseTransaction } from "@/lib/db";
import type { InspectionOutcome } from "@/lib/generated/prisma/enums";
import { computeCreditCodeCheckCharacter } from "@/lib/identifiers";
import { drawAlgorithm, hashDrawInput, runDraw, serializeDrawInput, type DrawInput } from "@/lib/inspections/draw";
import { loadDrawInspectors, loadDrawTargets, recordListChange } from "@/lib/inspections/list-versions";
import type { PowerEntry } from "@/lib/powers/power-entry";

/**
 * The demo office's 双随机一公开 of 2017, as its annual report describes it: a scheme adopted in
 * March (绥城管发〔2017〕9号, a disclosure item), a target list of outdoor-advertising businesses,
 * shop fronts, road-excavation contractors and sanitation-duty units, eight inspectors, and two
 * draws — 上半年 20 targets, 下半年 22 targets — with their results, all published.
 *
 * The history is back-dated, so it is written directly rather than through the data layer, but
 * with the same pure functions: the draws are real draws of lib/inspections/draw.ts on the lists as
 * they then were, and the public page re-runs them and finds the same result. It links the
 * inspection items to the power list's 行政检查 entries JC-1…JC-3 (seed-demo-registers.ts), and
 * enters them itself where missing, so either seed may run first.
 */

const at = (day: string, time = "09:30") => new Date(`${day}T${time}:00+08:00`);
const dateColumn = (day: string) => new Date(`${day}T00:00:00Z`);

/** GB 11714 organisation code: eight characters and their check character. */
function organisationCode(eight: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...eight].reduce((total, character, index) => total + parseInt(character, 36) * weights[index], 0);
  const check = 11 - (sum % 11);
  return eight + (check === 10 ? "X" : check === 11 ? "0" : String(check));
}

/** A valid 统一社会信用代码 registered in 绥芬河市 (231081): 91 企业 or 92 个体工商户. */
function demoCreditCode(kind: "91" | "92", serial: number): string {
  const first17 = `${kind}231081${organisationCode(
    String(30_120_000 + serial * 7919)
      .padStart(8, "0")
      .slice(-8),
  )}`;
  return first17 + computeCreditCodeCheckCharacter(first17);
}

type DemoTarget = { name: string; kind: "91" | "92"; address: string; category: string };

const advertisers = [
  "绥芬河市金桥广告装饰有限公司",
  "绥芬河市鑫源广告传媒有限公司",
  "绥芬河市华艺广告制作有限公司",
  "绥芬河市天域文化传媒有限公司",
  "绥芬河市博远广告有限公司",
  "绥芬河市东方红广告装饰工程有限公司",
  "绥芬河市远大标识制作有限公司",
  "绥芬河市中兴广告有限公司",
  "绥芬河市北方光电显示科技有限公司",
  "绥芬河市创意空间广告有限公司",
  "绥芬河市宏达灯饰亮化工程有限公司",
  "绥芬河市龙江传媒有限公司",
  "绥芬河市新视界广告有限公司",
  "绥芬河市口岸印务广告有限公司",
  "绥芬河市瑞丰广告有限公司",
  "绥芬河市彩虹喷绘广告部",
  "绥芬河市星光电子显示屏工程有限公司",
  "绥芬河市边城广告有限公司",
];
const shops = [
  "绥芬河市华晟商贸有限公司",
  "绥芬河市俄罗斯商品城管理有限公司",
  "绥芬河市百货大楼有限责任公司",
  "绥芬河市青云市场经营有限公司",
  "绥芬河市金色阳光餐饮有限公司",
  "绥芬河市老街基烧烤店",
  "绥芬河市永和药房",
  "绥芬河市远东超市",
  "绥芬河市惠民蔬菜超市",
  "绥芬河市友谊宾馆",
  "绥芬河市国门书店",
  "绥芬河市丽都美容美发店",
  "绥芬河市亿家便利店",
  "绥芬河市玉泉酒家",
  "绥芬河市晨光文具店",
  "绥芬河市鑫鑫五金建材商店",
];
const excavators = [
  "绥芬河市市政工程有限公司",
  "绥芬河市城建路桥工程有限公司",
  "绥芬河市供热有限公司",
  "绥芬河市自来水有限责任公司",
  "绥芬河市燃气有限公司",
  "黑龙江省通信工程绥芬河分公司",
];
const sanitationUnits = [
  "绥芬河市第一中学",
  "绥芬河市人民医院",
  "绥芬河市火车站站前商场",
  "绥芬河市国际客运站",
  "绥芬河市青云农贸市场",
  "绥芬河市体育馆",
  "绥芬河市文化广场管理处",
];
const streets = ["通天路", "光明街", "新华街", "青云路", "建设街", "站前路", "友谊街", "中华路", "绥西路", "迎宾路", "永福街", "文化街", "阜宁路", "长安街"];

const addressOf = (index: number) => `绥芬河市${streets[index % streets.length]}${((index * 17) % 180) + 2}号`;
const isIndividual = (name: string) => /店|部|药房|超市$|酒家|宾馆/.test(name) && !name.includes("公司");

/** Batch one: the list as first imported (April 2017); batch two: added in September. */
const firstBatch: DemoTarget[] = [
  ...advertisers.map((name, index) => ({
    name,
    kind: (isIndividual(name) ? "92" : "91") as "91" | "92",
    address: addressOf(index),
    category: "户外广告经营单位",
  })),
  ...shops.map((name, index) => ({ name, kind: (isIndividual(name) ? "92" : "91") as "91" | "92", address: addressOf(index + 20), category: "临街商户" })),
  ...excavators.map((name, index) => ({ name, kind: "91" as const, address: addressOf(index + 40), category: "道路挖掘施工单位" })),
];
const secondBatch: DemoTarget[] = sanitationUnits
  .map((name, index) => ({ name, kind: "91" as const, address: addressOf(index + 50), category: "市容环境卫生责任单位" }))
  .concat([{ name: "绥芬河市鼎盛广告有限公司", kind: "91", address: addressOf(60), category: "户外广告经营单位" }]);

const demoInspectors = [
  { name: "周志强", certificateNumber: "23108117001", section: "综合执法大队" },
  { name: "李春雷", certificateNumber: "23108117002", section: "综合执法大队" },
  { name: "王海涛", certificateNumber: "23108117003", section: "综合执法大队" },
  { name: "张立新", certificateNumber: "23108117004", section: "综合执法大队" },
  { name: "刘洪波", certificateNumber: "23108117005", section: "综合执法大队" },
  { name: "陈晓东", certificateNumber: "23108117006", section: "综合执法大队" },
  { name: "孙丽娟", certificateNumber: "23108117007", section: "市容环境管理科" },
  { name: "马永胜", certificateNumber: "23108117008", section: "市容环境管理科" },
];

const demoPowers = [
  {
    code: "JC-1",
    name: "对户外广告设施设置情况的检查",
    basis: "《城市市容和环境卫生管理条例》第十一条",
    item: { name: "户外广告设施设置情况检查", targetScope: "户外广告经营单位、临街商户", method: "现场检查" },
  },
  {
    code: "JC-2",
    name: "对城市道路挖掘、占用情况的检查",
    basis: "《城市道路管理条例》第二十九条、第三十一条",
    item: { name: "城市道路挖掘施工情况检查", targetScope: "道路挖掘施工单位", method: "现场检查" },
  },
  {
    code: "JC-3",
    name: "对市容环境卫生责任区制度落实情况的检查",
    basis: "《城市市容和环境卫生管理条例》第十条",
    item: { name: "市容环境卫生责任区落实情况检查", targetScope: "市容环境卫生责任单位、临街商户", method: "现场检查、书面检查" },
  },
];

const outcomePattern: InspectionOutcome[] = [
  "no_problem",
  "no_problem",
  "rectification_ordered",
  "no_problem",
  "no_problem",
  "no_problem",
  "rectification_ordered",
  "no_problem",
  "no_problem",
  "case_filed",
  "no_problem",
  "no_problem",
  "rectification_ordered",
  "no_problem",
  "no_problem",
  "no_problem",
  "no_problem",
  "target_not_found",
  "no_problem",
  "rectification_ordered",
  "no_problem",
  "no_problem",
];
const outcomeNotes: Partial<Record<InspectionOutcome, string>> = {
  rectification_ordered: "户外广告设施存在破损、未按审批内容设置，已下达责令限期改正通知书，复查已整改。",
  case_filed: "擅自设置大型户外广告设施，已立案查处。",
  target_not_found: "登记地址无此经营场所，已核实注销情况。",
};

type Users = { staffId: number; headId: number; leaderId: number };

async function ensureInspectionPowers(users: Users, sectionId: number, ownerSectionId: number): Promise<number[]> {
  const ids: number[] = [];
  for (const demo of demoPowers) {
    const existing = await db.power.findUnique({ where: { code: demo.code } });
    if (existing?.type === "inspection") {
      ids.push(existing.id);
      continue;
    }
    const code = existing ? `${demo.code}-SJ` : demo.code;
    const entry: PowerEntry = {
      code,
      name: demo.name,
      type: "inspection",
      legalBasis: [demo.basis],
      sectionName: "综合执法大队",
      responsibilities: "制定抽查计划，随机抽取检查对象和执法人员，实施检查，公开检查结果。",
      accountability: "不履行或不正确履行检查职责，造成不良后果的，依法追究责任。",
      status: "retained",
      statusNote: null,
      effectiveOn: "2017-01-01",
    };
    const power = await db.power.create({
      data: {
        code,
        name: entry.name,
        type: "inspection",
        legalBasis: entry.legalBasis,
        sectionId,
        responsibilities: entry.responsibilities,
        accountability: entry.accountability,
        status: "retained",
        effectiveOn: dateColumn("2017-01-01"),
        state: "published",
        ownerSectionId,
        authorId: users.staffId,
        lastEditorId: users.staffId,
        publishedContent: entry,
        publishedAt: at("2016-12-28"),
        createdAt: at("2016-12-20"),
      },
    });
    // The review trail the power list's own seed gives its entries.
    const trail = [
      { actorId: users.staffId, action: "power.create", fromState: null, toState: "draft", occurredAt: at("2016-12-20") },
      { actorId: users.staffId, action: "power.submit", fromState: "draft", toState: "section_review", occurredAt: at("2016-12-20") },
      { actorId: users.headId, action: "power.approve", fromState: "section_review", toState: "leader_review", occurredAt: at("2016-12-20", "10:30") },
      { actorId: users.leaderId, action: "power.approve", fromState: "leader_review", toState: "published", occurredAt: at("2016-12-28") },
    ];
    await db.auditEvent.createMany({
      data: trail.map((step) => ({ ...step, entityType: "Power", entityId: String(power.id), details: { code, seeded: true } })),
    });
    ids.push(power.id);
  }
  return ids;
}

async function changeList(
  tx: DatabaseTransaction,
  list: "targets" | "inspectors",
  actorId: number,
  when: Date,
  action: string,
  summary: string,
  audit: { action: string; entityType: string; entityId?: number; details: object },
) {
  const version = await recordListChange(tx, list, { actorId, action, summary, at: when });
  await tx.auditEvent.create({
    data: {
      actorId,
      action: audit.action,
      entityType: audit.entityType,
      entityId: audit.entityId == null ? null : String(audit.entityId),
      occurredAt: when,
      details: { ...audit.details, listVersion: version.version, listHash: version.hash, seeded: true },
    },
  });
}

async function insertTargets(tx: DatabaseTransaction, batch: DemoTarget[], serialStart: number, when: Date) {
  await tx.inspectionTarget.createMany({
    data: batch.map((target, index) => ({
      name: target.name,
      creditCode: demoCreditCode(target.kind, serialStart + index),
      address: target.address,
      category: target.category,
      createdAt: when,
    })),
  });
}

type DemoTask = {
  title: string;
  description: string;
  items: number[];
  categories: string[];
  targetCount: number;
  startOn: string;
  endOn: string;
  seed: string;
  created: string;
  drawn: string;
  submitted: string;
  sectionApproved: string;
  published: string;
  resultsRecorded: string;
  resultsSubmitted: string;
  resultsSectionApproved: string;
  resultsPublished: string;
  inspectionDays: string[];
};

async function seedTask(task: DemoTask, users: Users, sectionId: number, outcomeOffset: number): Promise<void> {
  await db.$transaction(async (tx) => {
    const targets = await loadDrawTargets(tx);
    const { inspectors, conflicts } = await loadDrawInspectors(tx);
    const input: DrawInput = {
      algorithm: drawAlgorithm,
      seed: task.seed,
      targetCategories: task.categories,
      targetCount: task.targetCount,
      inspectorsPerTarget: 2,
      targets,
      inspectors,
      conflicts,
    };
    const outcome = runDraw(input);
    if (!outcome.ok) throw new Error(`demo draw failed: ${JSON.stringify(outcome.problem)}`);
    const [targetVersion, inspectorVersion] = await Promise.all([
      tx.inspectionListChange.findFirstOrThrow({ where: { list: "targets" }, orderBy: { version: "desc" } }),
      tx.inspectionListChange.findFirstOrThrow({ where: { list: "inspectors" }, orderBy: { version: "desc" } }),
    ]);
    const resultsPublishedAt = at(task.resultsPublished, "10:00");
    const inspection = await tx.inspection.create({
      data: {
        year: 2017,
        title: task.title,
        description: task.description,
        targetCategories: [...task.categories].sort(),
        targetCount: task.targetCount,
        inspectorsPerTarget: 2,
        startOn: dateColumn(task.startOn),
        endOn: dateColumn(task.endOn),
        sectionId,
        authorId: users.staffId,
        lastEditorId: users.staffId,
        state: "published",
        publishedAt: at(task.published, "10:00"),
        resultsState: "published",
        resultsEditorId: users.staffId,
        resultsPublishedAt,
        resultsPublishedOnTime: true,
        version: 9,
        createdAt: at(task.created),
        items: { create: task.items.map((itemId) => ({ itemId })) },
      },
    });
    const inputHash = hashDrawInput(input);
    await tx.inspectionDraw.create({
      data: {
        inspectionId: inspection.id,
        algorithm: drawAlgorithm,
        seed: task.seed,
        targetListVersion: targetVersion.version,
        targetListHash: targetVersion.contentHash,
        inspectorListVersion: inspectorVersion.version,
        inspectorListHash: inspectorVersion.contentHash,
        input: serializeDrawInput(input),
        inputHash,
        drawnById: users.staffId,
        drawnAt: at(task.drawn, "10:00"),
      },
    });
    const targetsById = new Map(targets.map((target) => [target.id, target]));
    const inspectorsById = new Map(inspectors.map((inspector) => [inspector.id, inspector]));
    for (const [index, assignment] of outcome.assignments.entries()) {
      const target = targetsById.get(assignment.targetId)!;
      const result = outcomePattern[(index + outcomeOffset) % outcomePattern.length];
      await tx.inspectionAssignment.create({
        data: {
          inspectionId: inspection.id,
          position: index + 1,
          targetId: target.id,
          targetName: target.name,
          targetCreditCode: target.creditCode,
          targetAddress: target.address,
          outcome: result,
          resultNote: outcomeNotes[result] ?? null,
          inspectedOn: dateColumn(task.inspectionDays[index % task.inspectionDays.length]),
          inspectors: {
            create: assignment.inspectorIds.map((inspectorId, position) => ({
              inspectorId,
              position: position + 1,
              inspectorName: inspectorsById.get(inspectorId)!.name,
              certificateNumber: inspectorsById.get(inspectorId)!.certificateNumber,
            })),
          },
        },
      });
    }
    const event = (actorId: number, action: string, occurredAt: Date, fromState: string | null, toState: string | null, details: object = {}) => ({
      actorId,
      action,
      entityType: "Inspection",
      entityId: String(inspection.id),
      occurredAt,
      fromState,
      toState,
      details: { ...details, seeded: true },
    });
    await tx.auditEvent.createMany({
      data: [
        event(users.staffId, "inspection.create", at(task.created), null, "draft", { title: task.title, year: 2017 }),
        event(users.staffId, "inspection.draw", at(task.drawn, "10:00"), null, null, {
          algorithm: drawAlgorithm,
          seed: task.seed,
          inputHash,
          targetListVersion: targetVersion.version,
          inspectorListVersion: inspectorVersion.version,
          targetIds: outcome.assignments.map((assignment) => assignment.targetId),
        }),
        event(users.staffId, "inspection.plan.submit", at(task.submitted, "11:00"), "draft", "section_review", { subject: "plan" }),
        event(users.headId, "inspection.plan.approve", at(task.sectionApproved), "section_review", "leader_review", { subject: "plan" }),
        event(users.leaderId, "inspection.plan.approve", at(task.published, "10:00"), "leader_review", "published", { subject: "plan" }),
        event(users.staffId, "inspection.results.record", at(task.resultsRecorded, "15:00"), null, null, { count: outcome.assignments.length }),
        event(users.staffId, "inspection.results.submit", at(task.resultsSubmitted), "draft", "section_review", { subject: "results" }),
        event(users.headId, "inspection.results.approve", at(task.resultsSectionApproved), "section_review", "leader_review", { subject: "results" }),
        event(users.leaderId, "inspection.results.approve", resultsPublishedAt, "leader_review", "published", { subject: "results" }),
      ],
    });
  });
}

export async function seedDemoInspections(): Promise<void> {
  if ((await db.inspection.count()) > 0 || (await db.inspectionTarget.count()) > 0) return;
  const users = new Map((await db.user.findMany()).map((user) => [user.username, user]));
  const sections = new Map((await db.section.findMany()).map((section) => [section.name, section.id]));
  const ids: Users = { staffId: users.get("staff")!.id, headId: users.get("head")!.id, leaderId: users.get("leader")!.id };
  // The demo accounts sit in 综合科, which keeps the disclosure column and runs the draws for the bureau.
  const taskSectionId = users.get("staff")!.sectionId;
  const enforcementSectionId = sections.get("综合执法大队") ?? taskSectionId;

  const powerIds = await ensureInspectionPowers(ids, enforcementSectionId, taskSectionId);
  const itemIds: number[] = [];
  for (const [index, demo] of demoPowers.entries()) {
    const item = await db.inspectionItem.create({ data: { powerId: powerIds[index], ...demo.item, createdAt: at("2017-04-10") } });
    itemIds.push(item.id);
  }

  await db.$transaction(async (tx) => {
    const when = at("2017-04-18", "14:00");
    await insertTargets(tx, firstBatch, 1, when);
    await changeList(tx, "targets", ids.staffId, when, "target.import", `从 Excel 导入 ${firstBatch.length} 个检查对象`, {
      action: "inspection_target.import",
      entityType: "InspectionTarget",
      details: { imported: firstBatch.length },
    });
  });
  await db.$transaction(async (tx) => {
    const when = at("2017-04-18", "14:30");
    await tx.inspector.createMany({
      data: demoInspectors.map((inspector) => ({
        name: inspector.name,
        certificateNumber: inspector.certificateNumber,
        sectionId: sections.get(inspector.section) ?? enforcementSectionId,
        createdAt: when,
      })),
    });
    await changeList(tx, "inspectors", ids.staffId, when, "inspector.import", `从 Excel 导入 ${demoInspectors.length} 名检查人员`, {
      action: "inspector.import",
      entityType: "Inspector",
      details: { imported: demoInspectors.length },
    });
  });
  const declared = [
    { inspector: "李春雷", target: "绥芬河市鑫源广告传媒有限公司", reason: "配偶在该公司任职" },
    { inspector: "马永胜", target: "绥芬河市玉泉酒家", reason: "近亲属经营" },
  ];
  for (const [index, conflict] of declared.entries()) {
    await db.$transaction(async (tx) => {
      const inspector = await tx.inspector.findFirstOrThrow({ where: { name: conflict.inspector } });
      const target = await tx.inspectionTarget.findFirstOrThrow({ where: { name: conflict.target } });
      const when = at("2017-04-20", `10:0${index}`);
      const row = await tx.inspectorConflict.create({ data: { inspectorId: inspector.id, targetId: target.id, reason: conflict.reason, createdAt: when } });
      await changeList(tx, "inspectors", ids.staffId, when, "conflict.add", `登记回避：${inspector.name} — ${target.name}`, {
        action: "inspector_conflict.add",
        entityType: "InspectorConflict",
        entityId: row.id,
        details: { inspector: inspector.name, target: target.name, reason: conflict.reason },
      });
    });
  }

  await seedTask(
    {
      title: "2017年上半年户外广告和门店牌匾“双随机”抽查",
      description:
        "依据《关于全面推行“两随机、一公开”工作机制实施方案》（绥城管发〔2017〕9号），对户外广告经营单位和临街商户的户外广告设施、门店牌匾设置情况开展随机抽查。从检查对象名录库中随机抽取 20 户，每户随机选派 2 名执法人员，采取现场检查方式，检查审批手续、设置位置和规格、设施安全状况。",
      items: [itemIds[0], itemIds[2]],
      categories: ["户外广告经营单位", "临街商户"],
      targetCount: 20,
      startOn: "2017-05-15",
      endOn: "2017-06-16",
      seed: "aa0ef26467e1ea201ad436913a190eec109a8952ad61a7a8a2dd30d5dc3e9e1b",
      created: "2017-05-02",
      drawn: "2017-05-03",
      submitted: "2017-05-03",
      sectionApproved: "2017-05-04",
      published: "2017-05-05",
      resultsRecorded: "2017-06-20",
      resultsSubmitted: "2017-06-30",
      resultsSectionApproved: "2017-07-03",
      resultsPublished: "2017-07-06",
      inspectionDays: ["2017-05-16", "2017-05-18", "2017-05-23", "2017-05-25", "2017-06-01", "2017-06-06", "2017-06-08", "2017-06-13", "2017-06-15"],
    },
    ids,
    taskSectionId,
    0,
  );

  await db.$transaction(async (tx) => {
    const when = at("2017-09-12", "14:00");
    await insertTargets(tx, secondBatch, firstBatch.length + 1, when);
    await changeList(tx, "targets", ids.staffId, when, "target.import", `从 Excel 导入 ${secondBatch.length} 个检查对象`, {
      action: "inspection_target.import",
      entityType: "InspectionTarget",
      details: { imported: secondBatch.length },
    });
  });
  await db.$transaction(async (tx) => {
    const when = at("2017-09-15", "09:00");
    const closed = await tx.inspectionTarget.findFirstOrThrow({ where: { name: "绥芬河市晨光文具店" } });
    await tx.inspectionTarget.update({ where: { id: closed.id }, data: { active: false } });
    await changeList(tx, "targets", ids.staffId, when, "target.deactivate", `停用检查对象“${closed.name}”`, {
      action: "inspection_target.deactivate",
      entityType: "InspectionTarget",
      entityId: closed.id,
      details: { name: closed.name },
    });
  });

  await seedTask(
    {
      title: "2017年下半年城市管理领域“双随机”抽查",
      description:
        "对检查对象名录库中全部类别的检查对象开展随机抽查，随机抽取 22 户，每户随机选派 2 名执法人员，检查户外广告设施设置、城市道路挖掘施工和市容环境卫生责任区制度落实情况，采取现场检查和书面检查相结合的方式。",
      items: itemIds,
      categories: [],
      targetCount: 22,
      startOn: "2017-10-16",
      endOn: "2017-12-08",
      seed: "1abf5562ce7b97ff26ac26b02e8489723114e78447746b61e55fda537dae5c07",
      created: "2017-10-09",
      drawn: "2017-10-10",
      submitted: "2017-10-10",
      sectionApproved: "2017-10-11",
      published: "2017-10-12",
      resultsRecorded: "2017-12-12",
      resultsSubmitted: "2017-12-20",
      resultsSectionApproved: "2017-12-22",
      resultsPublished: "2017-12-27",
      inspectionDays: ["2017-10-17", "2017-10-24", "2017-10-31", "2017-11-07", "2017-11-14", "2017-11-21", "2017-11-28", "2017-12-05"],
    },
    ids,
    taskSectionId,
    5,
  );
}
