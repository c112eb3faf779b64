import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import { storeAttachmentFile } from "@/lib/attachments/store-file";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-calendar";
import { db, Prisma } from "@/lib/db";
import { addCalendarDays } from "@/lib/deadlines/iso-date";
import { addWorkingDays, isWorkingDay, nextWorkingDayOnOrAfter } from "@/lib/deadlines/working-days";
import { computeDecisionDisclosureDeadline, computePublicUntil, defaultPublicityMonths } from "@/lib/decisions/publicity-rules";
import type { PowerStatus, PowerType } from "@/lib/generated/prisma/enums";
import { computeCreditCodeCheckCharacter } from "@/lib/identifiers";
import { sortPowerEntries, type PowerEntry } from "@/lib/powers/power-entry";
import type { ServiceGuide } from "@/lib/services/service-guide";

/**
 * The demo office's registers as its 2017 annual report describes them: the power list with its
 * 12 retained 行政许可 items (the 2016 list it was revised from, and the 2017 list), service
 * guides for the approval items, and the 35 licensing results published for 双公示 in 2017
 * (signboards, outdoor advertising and banners, electronic displays, bulletin boards and other
 * outdoor facilities). Written directly, as back-dated history with the audit trail it would have.
 */

const agencyName = "绥芬河市城市管理和综合行政执法局";
/** A fictional but checksum-valid 统一社会信用代码 for the bureau (机关: 11, 绥芬河市: 231081). */
const agencyCreditCode = withCheckCharacter("11231081MB1964057");

function withCheckCharacter(firstSeventeen: string): string {
  return firstSeventeen + computeCreditCodeCheckCharacter(firstSeventeen);
}

const morningOf = (day: string) => new Date(`${day}T09:30:00+08:00`);
const dateColumn = (day: string) => new Date(`${day}T00:00:00Z`);

const responsibilitiesByType: Partial<Record<PowerType, string>> = {
  license:
    "1.受理责任：公示应当提交的材料，一次性告知补正材料，依法受理或不予受理（不予受理的书面说明理由）。2.审查责任：审查申请材料，必要时组织现场勘查。3.决定责任：在法定期限内作出准予或者不予许可的决定（不予许可的书面说明理由并告知申请人享有的权利）。4.送达责任：制作并送达许可决定，依法公示。5.事后监管责任：对被许可人从事许可事项的活动进行监督检查。6.其他法律法规规章规定应履行的责任。",
  penalty:
    "1.立案责任：对发现的违法行为予以审查，决定是否立案。2.调查责任：全面、客观、公正地调查收集证据，执法人员不少于两人并出示执法证件。3.审查责任：审查案件事实、证据、程序、法律适用和处罚幅度。4.告知责任：作出处罚决定前告知当事人拟作出处罚的事实、理由、依据及陈述、申辩、要求听证的权利。5.决定责任：依法作出处罚决定，制作处罚决定书。6.送达责任：依法送达并公示。7.执行责任：监督当事人履行处罚决定。8.其他法律法规规章规定应履行的责任。",
  coercion:
    "1.催告责任：实施前书面催告当事人履行义务。2.决定责任：依法作出强制决定，制作决定书并载明理由、依据和救济途径。3.执行责任：依照法定程序实施，执法人员不少于两人，制作现场笔录。4.事后责任：及时解除不再需要的强制措施，依法处理相关财物。5.其他法律法规规章规定应履行的责任。",
  inspection:
    "1.检查责任：按照“双随机一公开”要求制定抽查计划，随机抽取检查对象和执法检查人员，依法实施检查。2.处置责任：对检查中发现的问题依法责令改正或者移交立案查处。3.公开责任：在规定期限内公开检查结果。4.其他法律法规规章规定应履行的责任。",
  levy: "1.核定责任：依照标准核定应缴费额。2.告知责任：书面告知缴费义务人缴费依据、标准和期限。3.征收责任：开具合法票据，足额征收并缴入国库。4.其他法律法规规章规定应履行的责任。",
};

const accountabilityByType: Partial<Record<PowerType, string>> = {
  license:
    "因不履行或不正确履行行政职责，有下列情形的，行政机关及其工作人员应承担相应责任：1.对符合法定条件的申请不予受理、不予许可或者不在法定期限内作出决定的；2.对不符合法定条件的申请准予许可或者超越法定职权作出准予许可决定的；3.未依法说明不予受理或者不予许可理由的；4.违反法定程序实施许可的；5.索取或者收受他人财物、谋取其他利益的；6.其他违反法律法规规章规定的行为。",
  penalty:
    "因不履行或不正确履行行政职责，有下列情形的，行政机关及其工作人员应承担相应责任：1.没有法定依据或者擅自改变处罚种类、幅度的；2.违反法定程序实施处罚的；3.对应当予以处罚的违法行为不予处罚的；4.擅自设立收费项目或者不使用法定票据的；5.截留、私分罚没款的；6.滥用职权、玩忽职守、徇私舞弊的；7.其他违反法律法规规章规定的行为。",
  coercion:
    "因不履行或不正确履行行政职责，有下列情形的，行政机关及其工作人员应承担相应责任：1.没有法律法规依据实施强制的；2.改变强制对象、条件、方式的；3.违反法定程序实施强制的；4.在夜间或者法定节假日实施强制执行的（情况紧急的除外）；5.扩大查封、扣押范围或者使用、损毁查封扣押财物的；6.其他违反法律法规规章规定的行为。",
  inspection:
    "因不履行或不正确履行行政职责，有下列情形的，行政机关及其工作人员应承担相应责任：1.未按规定随机抽取检查对象和检查人员的；2.检查中发现违法行为不予制止、纠正的；3.未按规定公开检查结果的；4.违反利益冲突回避规定的；5.其他违反法律法规规章规定的行为。",
  levy: "因不履行或不正确履行行政职责，有下列情形的，行政机关及其工作人员应承担相应责任：1.违反规定擅自减免、多征或者少征的；2.不使用法定票据的；3.截留、挪用、私分征收款项的；4.其他违反法律法规规章规定的行为。",
};

type DemoPower = {
  code: string;
  name: string;
  type: PowerType;
  legalBasis: string[];
  section: string;
  /** The entry as in the 2017 list; `in2016` overrides what differed in the 2016 list (null: not in it). */
  status?: PowerStatus;
  statusNote?: string;
  effectiveOn?: string;
  in2016?: Partial<PowerEntry> | null;
};

const cityAppearance = "《城市市容和环境卫生管理条例》（国务院令第101号）";
const roads = "《城市道路管理条例》（国务院令第198号）";
const decision412 = "《国务院对确需保留的行政审批项目设定行政许可的决定》（国务院令第412号）";

const demoPowers: DemoPower[] = [
  { code: "XK-001", name: "设置大型户外广告审批", type: "license", section: "市容环境管理科", legalBasis: [`${cityAppearance}第十一条`, decision412] },
  {
    code: "XK-002",
    name: "设置门头牌匾（招牌）审批",
    type: "license",
    section: "市容环境管理科",
    legalBasis: [`${cityAppearance}第十一条`, "《黑龙江省城市市容和环境卫生管理条例》第十四条"],
  },
  {
    code: "XK-003",
    name: "在城市建筑物、设施上悬挂、张贴宣传品（条幅）审批",
    type: "license",
    section: "市容环境管理科",
    legalBasis: [`${cityAppearance}第十七条`, decision412],
  },
  { code: "XK-004", name: "设置户外电子显示屏审批", type: "license", section: "市容环境管理科", legalBasis: [`${cityAppearance}第十一条`] },
  {
    code: "XK-005",
    name: "设置宣传栏、阅报栏等户外设施审批",
    type: "license",
    section: "市容环境管理科",
    legalBasis: [`${cityAppearance}第十一条`, `${cityAppearance}第十四条`],
  },
  {
    code: "XK-006",
    name: "城市道路挖掘审批",
    type: "license",
    section: "市容环境管理科",
    legalBasis: [`${roads}第三十条`, `${roads}第三十三条`, "《黑龙江省城市道路管理条例》第二十二条"],
    in2016: { legalBasis: [`${roads}第三十条`, `${roads}第三十三条`] },
  },
  { code: "XK-007", name: "城市道路占用审批", type: "license", section: "市容环境管理科", legalBasis: [`${roads}第三十一条`] },
  { code: "XK-008", name: "依附于城市道路建设各种管线、杆线等设施审批", type: "license", section: "市容环境管理科", legalBasis: [`${roads}第二十九条`] },
  { code: "XK-009", name: "特殊车辆在城市道路上行驶审批", type: "license", section: "市容环境管理科", legalBasis: [`${roads}第二十八条`] },
  {
    code: "XK-010",
    name: "城市建筑垃圾处置核准",
    type: "license",
    section: "市容环境管理科",
    legalBasis: ["《城市建筑垃圾管理规定》（建设部令第139号）第七条", decision412],
  },
  {
    code: "XK-011",
    name: "从事城市生活垃圾经营性清扫、收集、运输服务审批",
    type: "license",
    section: "市容环境管理科",
    legalBasis: ["《城市生活垃圾管理办法》（建设部令第157号）第十七条、第二十五条"],
  },
  {
    code: "XK-012",
    name: "关闭、闲置、拆除城市环境卫生设施审批",
    type: "license",
    section: "市容环境管理科",
    legalBasis: [`${cityAppearance}第二十二条`, "《城市生活垃圾管理办法》（建设部令第157号）第十三条"],
  },
  {
    code: "XK-013",
    name: "临时占用街道两侧和公共场地摆摊设点审批",
    type: "license",
    section: "市容环境管理科",
    legalBasis: [`${cityAppearance}第十四条`],
    status: "cancelled",
    effectiveOn: "2017-05-02",
    statusNote: "按照全省行政权力清单统一规范工作要求取消，改为按城市管理规定实行备案管理。",
    in2016: { status: "retained", statusNote: null, effectiveOn: "2016-06-30" },
  },
  {
    code: "XK-014",
    name: "城市建筑物外立面装饰装修审批",
    type: "license",
    section: "市容环境管理科",
    legalBasis: [`${cityAppearance}第九条`],
    status: "delegated",
    effectiveOn: "2017-05-02",
    statusNote: "下放至各街道办事处实施。",
    in2016: { status: "retained", statusNote: null, effectiveOn: "2016-06-30" },
  },
  { code: "CF-001", name: "对擅自设置大型户外广告影响市容的处罚", type: "penalty", section: "综合执法大队", legalBasis: [`${cityAppearance}第三十六条`] },
  {
    code: "CF-002",
    name: "对在城市建筑物、设施以及树木上涂写、刻画或者未经批准张挂、张贴宣传品的处罚",
    type: "penalty",
    section: "综合执法大队",
    legalBasis: [`${cityAppearance}第三十四条`],
  },
  { code: "CF-003", name: "对未经批准擅自占用或者挖掘城市道路的处罚", type: "penalty", section: "综合执法大队", legalBasis: [`${roads}第四十二条`] },
  {
    code: "CF-004",
    name: "对未经核准擅自处置建筑垃圾的处罚",
    type: "penalty",
    section: "综合执法大队",
    legalBasis: ["《城市建筑垃圾管理规定》（建设部令第139号）第二十五条"],
  },
  {
    code: "CF-005",
    name: "对未经批准在街道两侧和公共场地堆放物料、搭建建筑物的处罚",
    type: "penalty",
    section: "综合执法大队",
    legalBasis: [`${cityAppearance}第三十六条`],
  },
  {
    code: "CF-006",
    name: "对未取得建设工程规划许可证进行建设的处罚",
    type: "penalty",
    section: "综合执法大队",
    legalBasis: ["《中华人民共和国城乡规划法》第六十四条"],
  },
  {
    code: "QZ-001",
    name: "查封违法建设施工现场",
    type: "coercion",
    section: "综合执法大队",
    legalBasis: ["《中华人民共和国城乡规划法》第六十八条", "《中华人民共和国行政强制法》第九条"],
  },
  {
    code: "QZ-002",
    name: "强制拆除违法建设",
    type: "coercion",
    section: "综合执法大队",
    legalBasis: ["《中华人民共和国城乡规划法》第六十八条", `${cityAppearance}第三十七条`],
  },
  {
    code: "QZ-003",
    name: "扣押占道经营的物品和工具",
    type: "coercion",
    section: "综合执法大队",
    legalBasis: ["《中华人民共和国行政强制法》第九条", "《黑龙江省城市市容和环境卫生管理条例》第四十六条"],
  },
  // The codes and names of the 行政检查 entries are the ones the 双随机一公开 seed looks for
  // (prisma/seed/seed-demo-inspections.ts), so either seed may run first.
  {
    code: "JC-1",
    name: "对户外广告设施设置情况的检查",
    type: "inspection",
    section: "综合执法大队",
    legalBasis: [`${cityAppearance}第十一条`],
    effectiveOn: "2017-01-01",
    in2016: null,
  },
  {
    code: "JC-2",
    name: "对城市道路挖掘、占用情况的检查",
    type: "inspection",
    section: "综合执法大队",
    legalBasis: [`${roads}第二十九条、第三十一条`],
    effectiveOn: "2017-01-01",
    in2016: null,
  },
  {
    code: "JC-3",
    name: "对市容环境卫生责任区制度落实情况的检查",
    type: "inspection",
    section: "综合执法大队",
    legalBasis: [`${cityAppearance}第十条`],
    effectiveOn: "2017-01-01",
    in2016: null,
  },
  {
    code: "JC-4",
    name: "对建筑垃圾处置情况的检查",
    type: "inspection",
    section: "综合执法大队",
    legalBasis: ["《城市建筑垃圾管理规定》（建设部令第139号）第四条"],
    effectiveOn: "2017-01-01",
    in2016: null,
  },
  { code: "ZS-001", name: "城市道路占用费、挖掘修复费征收", type: "levy", section: "综合科", legalBasis: [`${roads}第三十三条、第三十七条`] },
];

function entry2017(power: DemoPower, sectionName: string): PowerEntry {
  return {
    code: power.code,
    name: power.name,
    type: power.type,
    legalBasis: power.legalBasis,
    sectionName,
    responsibilities: responsibilitiesByType[power.type] ?? "",
    accountability: accountabilityByType[power.type] ?? "",
    status: power.status ?? "retained",
    statusNote: power.statusNote ?? null,
    effectiveOn: power.effectiveOn ?? "2016-06-30",
  };
}

type DemoService = Omit<ServiceGuide, "power" | "sectionName" | "forms" | "consultationPhone" | "complaintPhone" | "place" | "officeHours"> & {
  powerCode: string;
  form: string;
};

const commonServiceFields = {
  place: "绥芬河市永福街39号 城管执法局一楼办事大厅 3号窗口",
  officeHours: "工作日 上午8:30—11:30，下午13:30—17:00（法定节假日除外）",
  consultationPhone: "0453-3922315",
  complaintPhone: "0453-3922300（局办公室）；12345 政务服务便民热线",
};

const businessLicence = { name: "营业执照或统一社会信用代码证书", originals: 1, copies: 1, note: "原件核对后退还" };
const identity = { name: "法定代表人（经营者）身份证明", originals: 1, copies: 1, note: "委托办理的另附授权委托书及受托人身份证" };

const demoServices: DemoService[] = [
  {
    code: "FW-001",
    name: "设置大型户外广告审批",
    powerCode: "XK-001",
    form: "户外广告设置申请表",
    legalBasis: [`${cityAppearance}第十一条`, decision412],
    conditions:
      "1.申请人为依法登记的法人、其他组织或个体工商户；2.设置地点符合本市户外广告设置规划，不影响交通安全和市容景观；3.设施结构安全，有符合要求的设计方案；4.取得场地所有权人或使用权人同意。",
    materials: [
      { name: "户外广告设置申请表", originals: 1, copies: 0, note: "可在本页下载" },
      businessLicence,
      identity,
      { name: "设置场地权属证明或场地使用协议", originals: 1, copies: 1, note: null },
      { name: "广告设施设计图（含效果图、结构图）", originals: 1, copies: 0, note: "大型设施附结构安全说明" },
      { name: "广告画面样稿", originals: 1, copies: 0, note: null },
    ],
    steps: [
      "申请：到办事大厅窗口提交申请材料",
      "受理：材料齐全、符合法定形式的当场受理，不齐全的一次性告知补正",
      "审查：审查材料并现场勘查",
      "决定：作出准予或不予许可的决定",
      "送达：送达许可决定书，并在7个工作日内双公示",
    ],
    timeLimitDays: 10,
    fee: "不收费",
  },
  {
    code: "FW-002",
    name: "设置门头牌匾（招牌）审批",
    powerCode: "XK-002",
    form: "门头牌匾设置申请表",
    legalBasis: [`${cityAppearance}第十一条`, "《黑龙江省城市市容和环境卫生管理条例》第十四条"],
    conditions: "1.申请人为依法登记的经营单位或个体工商户；2.牌匾设置在本单位经营场所建筑物外立面，一店一匾；3.规格、材质、色彩符合本市门头牌匾设置规范。",
    materials: [
      { name: "门头牌匾设置申请表", originals: 1, copies: 0, note: "可在本页下载" },
      businessLicence,
      identity,
      { name: "门头牌匾效果图（标明尺寸、材质）", originals: 1, copies: 0, note: null },
      { name: "房屋产权证明或租赁合同", originals: 0, copies: 1, note: null },
    ],
    steps: [
      "申请：提交申请材料",
      "受理：当场受理或一次性告知补正",
      "审查：核对材料，必要时现场勘查",
      "决定：作出准予或不予许可的决定",
      "送达：送达许可决定书，并在7个工作日内双公示",
    ],
    timeLimitDays: 5,
    fee: "不收费",
  },
  {
    code: "FW-003",
    name: "悬挂、张贴宣传品（条幅）审批",
    powerCode: "XK-003",
    form: "悬挂宣传品申请表",
    legalBasis: [`${cityAppearance}第十七条`],
    conditions: "1.宣传内容合法；2.悬挂地点、期限符合规定，不遮挡交通标志、不影响通行安全；3.期满后由申请人自行拆除。",
    materials: [
      { name: "悬挂宣传品申请表", originals: 1, copies: 0, note: "注明悬挂地点、数量、期限" },
      businessLicence,
      { name: "宣传品样稿", originals: 1, copies: 0, note: null },
    ],
    steps: ["申请：提交申请材料", "受理并审查", "决定：作出准予或不予许可的决定", "送达并双公示"],
    timeLimitDays: 3,
    fee: "不收费",
  },
  {
    code: "FW-004",
    name: "设置户外电子显示屏审批",
    powerCode: "XK-004",
    form: "户外电子显示屏设置申请表",
    legalBasis: [`${cityAppearance}第十一条`],
    conditions: "1.设置地点符合户外广告设置规划；2.亮度、播放时段符合规定，不对周边居民和交通造成光污染；3.设施结构和用电安全。",
    materials: [
      { name: "户外电子显示屏设置申请表", originals: 1, copies: 0, note: null },
      businessLicence,
      identity,
      { name: "显示屏设计方案及结构安全说明", originals: 1, copies: 0, note: null },
      { name: "场地权属证明或使用协议", originals: 1, copies: 1, note: null },
    ],
    steps: ["申请", "受理", "审查与现场勘查", "决定", "送达并双公示"],
    timeLimitDays: 10,
    fee: "不收费",
  },
  {
    code: "FW-005",
    name: "城市道路挖掘审批",
    powerCode: "XK-006",
    form: "城市道路挖掘申请表",
    legalBasis: [`${roads}第三十条、第三十三条`, "《黑龙江省城市道路管理条例》第二十二条"],
    conditions: "1.因工程建设确需挖掘城市道路；2.持有规划部门批准文件（新建管线工程）；3.有施工方案和交通疏导方案，承诺按期恢复原状。",
    materials: [
      { name: "城市道路挖掘申请表", originals: 1, copies: 0, note: null },
      businessLicence,
      { name: "规划部门批准文件", originals: 0, copies: 1, note: "新建管线工程提供" },
      { name: "施工方案、施工图及交通疏导方案", originals: 1, copies: 0, note: null },
    ],
    steps: ["申请", "受理", "现场勘查", "决定（同时核定挖掘修复费）", "缴纳挖掘修复费后领取许可", "完工后申请验收"],
    timeLimitDays: 7,
    fee: "按《黑龙江省城市道路挖掘修复费收费标准》收取挖掘修复费",
  },
  {
    code: "FW-006",
    name: "城市道路占用审批",
    powerCode: "XK-007",
    form: "城市道路占用申请表",
    legalBasis: [`${roads}第三十一条`],
    conditions: "1.因特殊情况确需临时占用城市道路；2.占用不影响交通安全和市容；3.占用期满恢复原状。",
    materials: [
      { name: "城市道路占用申请表", originals: 1, copies: 0, note: "注明占用地点、面积、期限和用途" },
      businessLicence,
      identity,
      { name: "占道平面示意图", originals: 1, copies: 0, note: null },
    ],
    steps: ["申请", "受理", "现场勘查", "决定（同时核定占道费）", "缴费后领取许可"],
    timeLimitDays: 5,
    fee: "按《城市道路管理条例》第三十七条及省物价部门标准收取占道费",
  },
];

async function applicationFormDocx(title: string): Promise<Uint8Array> {
  const row = (label: string) =>
    new TableRow({
      children: [
        new TableCell({ width: { size: 30, type: WidthType.PERCENTAGE }, children: [new Paragraph(label)] }),
        new TableCell({ width: { size: 70, type: WidthType.PERCENTAGE }, children: [new Paragraph("")] }),
      ],
    });
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun({ text: title, bold: true, size: 36 })] }),
          new Paragraph(`${agencyName}`),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: ["申请人（单位名称）", "统一社会信用代码", "法定代表人（经营者）", "联系电话", "设置（施工）地点", "规格、数量", "期限", "申请事由"].map(row),
          }),
          new Paragraph("申请人（签章）：　　　　　　　　　　年　　月　　日"),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

type DemoDecision = {
  name: string;
  category: "legal_entity" | "individual_business";
  representative: string;
  facility: string;
  place: string;
  size: string;
  months: number;
};

const streets = ["通天路", "光明街", "新华街", "友谊路", "站前路", "青云路", "迎宾路", "长安街", "永福街", "国门街"];
const demoDecisions: DemoDecision[] = [
  ["绥芬河市华宇商贸有限公司", "legal_entity", "王立新", "门头牌匾", "8米×1.2米"],
  ["绥芬河市远东木业有限公司", "legal_entity", "陈国庆", "大型户外广告", "12米×6米"],
  ["绥芬河市百货大楼有限责任公司", "legal_entity", "刘春华", "户外电子显示屏", "6米×4米"],
  ["绥芬河市李记饺子馆", "individual_business", "李桂芳", "门头牌匾", "6米×1米"],
  ["绥芬河市鑫源宾馆有限公司", "legal_entity", "赵永刚", "门头牌匾", "10米×1.5米"],
  ["中国移动通信集团黑龙江有限公司绥芬河分公司", "legal_entity", "孙伟", "宣传条幅", "15米×0.9米，共4条"],
  ["绥芬河市俄货商城有限公司", "legal_entity", "张海涛", "大型户外广告", "10米×5米"],
  ["绥芬河市老张烧烤店", "individual_business", "张德福", "门头牌匾", "5米×1米"],
  ["绥芬河市口岸贸易有限公司", "legal_entity", "周晓东", "户外电子显示屏", "5米×3米"],
  ["绥芬河市第二中学", "legal_entity", "马春林", "宣传栏", "4米×2米，共2处"],
  ["绥芬河市康宁大药房有限公司", "legal_entity", "吴玉梅", "门头牌匾", "7米×1.2米"],
  ["中国工商银行股份有限公司绥芬河支行", "legal_entity", "高建军", "户外电子显示屏", "4米×1米"],
  ["绥芬河市顺达汽车销售服务有限公司", "legal_entity", "郑宏伟", "大型户外广告", "8米×4米"],
  ["绥芬河市阳光眼镜店", "individual_business", "杨晓光", "门头牌匾", "4米×1米"],
  ["绥芬河市金桥房地产开发有限公司", "legal_entity", "冯志远", "宣传条幅", "20米×1米，共6条"],
  ["绥芬河市国门书店有限公司", "legal_entity", "韩文静", "阅报栏", "3米×2米"],
  ["绥芬河市龙江商务酒店有限公司", "legal_entity", "曹德胜", "户外电子显示屏", "8米×2米"],
  ["绥芬河市小王理发店", "individual_business", "王金宝", "门头牌匾", "4米×0.8米"],
  ["绥芬河市中俄物流有限公司", "legal_entity", "许建华", "大型户外广告", "6米×3米"],
  ["中国联合网络通信有限公司绥芬河市分公司", "legal_entity", "何志刚", "宣传条幅", "12米×0.9米，共3条"],
  ["绥芬河市天天鲜超市有限公司", "legal_entity", "罗丽娟", "门头牌匾", "12米×1.5米"],
  ["绥芬河市人民医院", "legal_entity", "梁振华", "宣传栏", "6米×2米"],
  ["绥芬河市北方家具城有限公司", "legal_entity", "宋长青", "大型户外广告", "15米×5米"],
  ["绥芬河市兴隆面馆", "individual_business", "唐兴隆", "门头牌匾", "5米×1米"],
  ["绥芬河市通达驾驶员培训有限公司", "legal_entity", "邓永利", "宣传条幅", "10米×0.9米，共2条"],
  ["绥芬河市森林木材加工有限公司", "legal_entity", "彭海军", "户外电子显示屏", "3米×2米"],
  ["绥芬河市时尚女装店", "individual_business", "曾美玲", "门头牌匾", "6米×1.2米"],
  ["绥芬河市新华书店有限公司", "legal_entity", "萧文博", "门头牌匾", "9米×1.2米"],
  ["绥芬河市大润发商贸有限公司", "legal_entity", "田国强", "大型户外广告", "12米×4米"],
  ["中国邮政集团公司绥芬河市分公司", "legal_entity", "董建平", "宣传栏", "3米×2米，共3处"],
  ["绥芬河市红星电器商行", "individual_business", "潘红星", "门头牌匾", "7米×1米"],
  ["绥芬河市边境旅行社有限公司", "legal_entity", "袁晓峰", "户外电子显示屏", "4米×2米"],
  ["绥芬河市惠民农贸市场管理有限公司", "legal_entity", "蒋海波", "宣传条幅", "8米×0.9米，共5条"],
  ["绥芬河市晨光文具店", "individual_business", "蔡晨光", "门头牌匾", "4米×1米"],
  ["绥芬河市东兴建筑工程有限公司", "legal_entity", "余立军", "宣传栏", "5米×2米"],
].map(([name, category, representative, facility, size], index) => ({
  name: name as string,
  category: category as DemoDecision["category"],
  representative: representative as string,
  facility: facility as string,
  size: size as string,
  place: `绥芬河市${streets[index % streets.length]}${10 + ((index * 7) % 90)}号`,
  months: facility === "宣传条幅" ? 1 : 12,
}));

const licenseNames: Record<string, string> = {
  门头牌匾: "门头牌匾设置许可决定书",
  大型户外广告: "户外广告设置许可决定书",
  户外电子显示屏: "户外电子显示屏设置许可决定书",
  宣传条幅: "悬挂宣传品许可决定书",
  宣传栏: "户外设施设置许可决定书",
  阅报栏: "户外设施设置许可决定书",
};

/** The 18-character code of a demo business: a fixed prefix per category and a sequence, with its check character. */
function demoCreditCode(category: DemoDecision["category"], index: number): string {
  const prefix = category === "legal_entity" ? "91231081" : "92231081";
  const body = `MA${String(1000000 + index * 7919).slice(-7)}`;
  return withCheckCharacter(prefix + body.replace(/[IOZSV]/g, "X"));
}

export async function seedDemoRegisters(): Promise<void> {
  // The 2017 list is the last thing of the power list written: its presence means this ran.
  if (await db.powerListVersion.findFirst({ where: { year: 2017 } })) return;
  const users = new Map((await db.user.findMany()).map((user) => [user.username, user]));
  const staff = users.get("staff")!;
  const head = users.get("head")!;
  const leader = users.get("leader")!;
  const sections = new Map((await db.section.findMany()).map((section) => [section.name, section]));
  const calendar = await loadWorkingDayCalendar();
  const reviewTrail = (entityType: string, entityId: number, prefix: string, created: Date, published: Date, details: Prisma.InputJsonValue) => [
    { actorId: staff.id, action: `${prefix}.create`, entityType, entityId: String(entityId), toState: "draft", occurredAt: created, details },
    {
      actorId: staff.id,
      action: `${prefix}.submit`,
      entityType,
      entityId: String(entityId),
      fromState: "draft",
      toState: "section_review",
      occurredAt: created,
      details,
    },
    {
      actorId: head.id,
      action: `${prefix}.approve`,
      entityType,
      entityId: String(entityId),
      fromState: "section_review",
      toState: "leader_review",
      occurredAt: new Date(created.getTime() + 3_600_000),
      details,
    },
    {
      actorId: leader.id,
      action: `${prefix}.approve`,
      entityType,
      entityId: String(entityId),
      fromState: "leader_review",
      toState: "published",
      occurredAt: published,
      details,
    },
  ];

  // The power list: entries as in 2017, and the 2016 and 2017 yearly versions.
  const powerIds = new Map<string, number>();
  const entries2016: PowerEntry[] = [];
  const entries2017: PowerEntry[] = [];
  await db.$transaction(async (tx) => {
    for (const power of demoPowers) {
      const section = sections.get(power.section)!;
      // Another demo seed (the inspections') may have entered an entry already: keep it as it is.
      const existing = await tx.power.findUnique({ where: { code: power.code } });
      const entry = (existing?.publishedContent as PowerEntry | null) ?? entry2017(power, section.name);
      entries2017.push(entry);
      if (power.in2016 !== null) entries2016.push({ ...entry, ...power.in2016 });
      if (existing) {
        powerIds.set(entry.code, existing.id);
        continue;
      }
      const created = morningOf(power.in2016 === null ? "2016-12-20" : "2016-06-20");
      const published = morningOf(power.in2016 === null ? "2016-12-28" : power.in2016 ? "2017-05-02" : "2016-06-30");
      const row = await tx.power.create({
        data: {
          code: entry.code,
          name: entry.name,
          type: entry.type,
          legalBasis: entry.legalBasis,
          sectionId: section.id,
          responsibilities: entry.responsibilities,
          accountability: entry.accountability,
          status: entry.status,
          statusNote: entry.statusNote,
          effectiveOn: dateColumn(entry.effectiveOn),
          state: "published",
          ownerSectionId: staff.sectionId,
          authorId: staff.id,
          lastEditorId: staff.id,
          publishedContent: entry,
          publishedAt: published,
          createdAt: created,
        },
      });
      powerIds.set(entry.code, row.id);
      await tx.auditEvent.createMany({ data: reviewTrail("Power", row.id, "power", created, published, { code: entry.code, seeded: true }) });
    }
    for (const [year, entries, publishedOn] of [
      [2016, entries2016, "2016-07-01"],
      [2017, entries2017, "2017-06-30"],
    ] as const) {
      const sorted = sortPowerEntries(entries);
      const version = await tx.powerListVersion.create({
        data: {
          year,
          entries: sorted,
          entryCount: sorted.length,
          publishedAt: morningOf(publishedOn),
          publishedById: leader.id,
          note: year === 2017 ? "根据全省行政权力清单统一规范工作要求，对行政审批事项进行梳理，保留行政审批事项12项。" : null,
        },
      });
      await tx.auditEvent.create({
        data: {
          actorId: leader.id,
          action: "power_list.publish_version",
          entityType: "PowerListVersion",
          entityId: String(version.id),
          occurredAt: morningOf(publishedOn),
          details: { year, entryCount: sorted.length, seeded: true },
        },
      });
    }
  });

  // Service guides, each with its application form.
  for (const service of demoServices) {
    if (await db.service.findUnique({ where: { code: service.code } })) continue;
    const stored = await storeAttachmentFile({
      bytes: await applicationFormDocx(service.form),
      originalName: `${service.form}.docx`,
      now: morningOf("2017-05-02"),
    });
    await db.$transaction(async (tx) => {
      const section = sections.get("市容环境管理科")!;
      const powerId = powerIds.get(service.powerCode)!;
      const created = morningOf("2017-04-25");
      const published = morningOf("2017-05-02");
      const row = await tx.service.create({
        data: {
          code: service.code,
          name: service.name,
          powerId,
          sectionId: section.id,
          legalBasis: service.legalBasis,
          conditions: service.conditions,
          steps: service.steps,
          timeLimitDays: service.timeLimitDays,
          fee: service.fee,
          ...commonServiceFields,
          state: "published",
          ownerSectionId: staff.sectionId,
          authorId: staff.id,
          lastEditorId: staff.id,
          publishedAt: published,
          createdAt: created,
          materials: { create: service.materials.map((material, sortOrder) => ({ ...material, sortOrder })) },
        },
      });
      const form = await tx.serviceForm.create({
        data: {
          serviceId: row.id,
          title: service.form,
          storagePath: stored.storagePath,
          originalName: stored.originalName,
          mimeType: stored.mimeType,
          sizeBytes: stored.sizeBytes,
          sha256: stored.sha256,
          createdAt: created,
        },
      });
      const guide: ServiceGuide = {
        code: service.code,
        name: service.name,
        power: { code: service.powerCode, name: demoPowers.find((power) => power.code === service.powerCode)!.name },
        sectionName: section.name,
        legalBasis: service.legalBasis,
        conditions: service.conditions,
        materials: service.materials,
        steps: service.steps,
        timeLimitDays: service.timeLimitDays,
        fee: service.fee,
        ...commonServiceFields,
        forms: [{ id: form.id, title: form.title, originalName: form.originalName, sizeBytes: form.sizeBytes, mimeType: form.mimeType }],
      };
      await tx.service.update({ where: { id: row.id }, data: { publishedContent: guide } });
      await tx.auditEvent.createMany({ data: reviewTrail("Service", row.id, "service", created, published, { code: service.code, seeded: true }) });
    });
  }

  // The 35 licensing results of 2017, each published within 7 working days of its decision.
  if (!(await db.administrativeDecision.count({ where: { kind: "license" } })))
    await db.$transaction(async (tx) => {
      let day = "2017-02-06";
      for (const [index, demo] of demoDecisions.entries()) {
        day = nextWorkingDayOnOrAfter(calendar, addCalendarDays(day, index === 0 ? 0 : 6 + (index % 5)));
        const decisionDate = day;
        const published = addWorkingDays(calendar, decisionDate, 1 + (index % 5)).due;
        const validUntil = addCalendarDays(
          demo.months === 1 ? addCalendarDays(decisionDate, 30) : `${Number(decisionDate.slice(0, 4)) + 1}${decisionDate.slice(4)}`,
          -1,
        );
        const documentNumber = `绥城管许字〔2017〕第${String(index + 1).padStart(3, "0")}号`;
        const content = `准予在${demo.place}设置${demo.facility}，规格${demo.size}，设置期限自${decisionDate}至${validUntil}。`;
        const created = morningOf(decisionDate);
        const row = await tx.administrativeDecision.create({
          data: {
            kind: "license",
            counterpartyName: demo.name,
            counterpartyCategory: demo.category,
            creditCode: demoCreditCode(demo.category, index),
            legalRepresentative: demo.representative,
            documentNumber,
            // The national data items (《行政许可和行政处罚等信用信息公示数据标准》): an ordinary licence, still in force.
            licenseCategory: "普通",
            licenseDocumentName: "准予行政许可决定书",
            licenseNumber: documentNumber,
            licenseStatus: "有效",
            licenseName: licenseNames[demo.facility],
            licenseContent: content,
            penaltyCategories: [],
            decisionDate: dateColumn(decisionDate),
            validFrom: dateColumn(decisionDate),
            validUntil: dateColumn(validUntil),
            authorityName: agencyName,
            authorityCreditCode: agencyCreditCode,
            dataSourceName: agencyName,
            dataSourceCreditCode: agencyCreditCode,
            disclosureDueOn: dateColumn(computeDecisionDisclosureDeadline(calendar, decisionDate).due),
            publicUntil: computePublicUntil(decisionDate, defaultPublicityMonths.license)
              ? dateColumn(computePublicUntil(decisionDate, defaultPublicityMonths.license)!)
              : null,
            state: "published",
            sectionId: staff.sectionId,
            authorId: staff.id,
            lastEditorId: staff.id,
            publishedAt: morningOf(published),
            publishedOnTime: true,
            createdAt: created,
          },
        });
        const trail = reviewTrail("AdministrativeDecision", row.id, "decision", created, morningOf(published), { documentNumber, seeded: true });
        // Reviews happen on working days between the decision and its publication.
        trail[2].occurredAt = isWorkingDay(calendar, decisionDate) ? new Date(created.getTime() + 3_600_000) : morningOf(published);
        await tx.auditEvent.createMany({ data: trail });
      }
    });
  // The two penalty decisions of 2017 behind the items "2017年上半年/下半年行政处罚案件信息公开", so that
  // Table 2 of the 2017 report (行政处罚 2) agrees with what the demo office published.
  if (!(await db.administrativeDecision.count({ where: { kind: "penalty" } })))
    await db.$transaction(async (tx) => {
      for (const [index, demo] of demoPenalties2017.entries()) {
        const published = addWorkingDays(calendar, demo.decisionDate, 3).due;
        const publicUntil = computePublicUntil(demo.decisionDate, defaultPublicityMonths.penalty);
        const created = morningOf(demo.decisionDate);
        const row = await tx.administrativeDecision.create({
          data: {
            kind: "penalty",
            counterpartyName: demo.name,
            counterpartyCategory: "legal_entity",
            creditCode: demoCreditCode("legal_entity", 900 + index),
            legalRepresentative: demo.representative,
            documentNumber: demo.documentNumber,
            violationType: demo.violationType,
            violationFacts: demo.facts,
            penaltyBasis: demo.basis,
            penaltyCategories: ["罚款"],
            penaltyContent: demo.content,
            penaltyAmount: demo.amountTenThousandYuan,
            decisionDate: dateColumn(demo.decisionDate),
            authorityName: agencyName,
            authorityCreditCode: agencyCreditCode,
            dataSourceName: agencyName,
            disclosureDueOn: dateColumn(computeDecisionDisclosureDeadline(calendar, demo.decisionDate).due),
            publicUntil: publicUntil ? dateColumn(publicUntil) : null,
            state: "published",
            sectionId: staff.sectionId,
            authorId: staff.id,
            lastEditorId: staff.id,
            publishedAt: morningOf(published),
            publishedOnTime: true,
            createdAt: created,
          },
        });
        const trail = reviewTrail("AdministrativeDecision", row.id, "decision", created, morningOf(published), {
          documentNumber: demo.documentNumber,
          seeded: true,
        });
        await tx.auditEvent.createMany({ data: trail });
      }
    });
  // The 2017 income of the fee whose standard the demo office published (城市道路占用挖掘修复费), for
  // Table 2's 行政事业性收费 row (第二十条第（八）项).
  if (!(await db.annualFeeIncome.findFirst({ where: { year: 2017 } })))
    await db.annualFeeIncome.create({
      data: { year: 2017, amountTenThousandYuan: demoFeeIncome2017TenThousandYuan, note: "城市道路占用挖掘修复费", updatedById: staff.id },
    });
  await db.publicContentVersion.upsert({ where: { id: 1 }, create: { id: 1, token: crypto.randomUUID() }, update: { token: crypto.randomUUID() } });
}

/** The two penalty decisions of 2017, one in each half-year the published case lists cover (companies: no personal data). */
const demoPenalties2017 = [
  {
    name: "绥芬河市鸿达广告传媒有限公司",
    representative: "李建国",
    documentNumber: "绥城管罚字〔2017〕第001号",
    violationType: "擅自设置大型户外广告",
    facts: "未经批准在绥芬河市光明街设置大型户外广告牌一处，影响市容。",
    basis: "《城市市容和环境卫生管理条例》第三十六条",
    content: "责令限期拆除，并处罚款人民币贰仟元整。",
    amountTenThousandYuan: 0.2,
    decisionDate: "2017-06-13",
  },
  {
    name: "绥芬河市通达市政工程有限公司",
    representative: "王立军",
    documentNumber: "绥城管罚字〔2017〕第002号",
    violationType: "未经批准擅自挖掘城市道路",
    facts: "未经批准挖掘绥芬河市通天路人行道约二十平方米铺设管线。",
    basis: "《城市道路管理条例》第四十二条",
    content: "责令限期恢复原状，并处罚款人民币伍仟元整。",
    amountTenThousandYuan: 0.5,
    decisionDate: "2017-11-28",
  },
];

/** 城市道路占用挖掘修复费 collected in 2017, 万元. */
const demoFeeIncome2017TenThousandYuan = 1.28;

/** For tests: the demo bureau's credit code and the counts the seed report states. */
export const demoRegisterFacts = {
  agencyCreditCode,
  retainedLicenses2017: 12,
  licenseDecisions2017: 35,
  penaltyDecisions2017: 2,
  feeIncome2017TenThousandYuan: demoFeeIncome2017TenThousandYuan,
};
