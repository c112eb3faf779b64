/**
 * The seed office's 2017 proactive disclosures as its annual report describes them: 34 items,
 * 32 on the government website and 2 on 黑龙江省法制公开平台, spread over the year.
 */
export type DemoItem = {
  category: string;
  title: string;
  documentNumber?: string;
  formedAt: string;
  publishedAt: string;
  channels?: string[];
  issuingSection?: string;
  paragraphs: string[];
};

const bureau = "绥芬河市城市管理和综合行政执法局";

export const demoPublishedItems: DemoItem[] = [
  {
    category: "guide",
    title: `${bureau}政府信息公开指南`,
    formedAt: "2017-01-06",
    publishedAt: "2017-01-10",
    paragraphs: [
      "为了更好地提供政府信息公开服务，根据《中华人民共和国政府信息公开条例》，编制本指南。",
      "一、公开方式：主动公开的政府信息通过绥芬河市人民政府网站、公告栏等方式公开；依申请公开的政府信息，申请人可以书面形式向本局提出申请。",
      "二、受理机构：局综合科，地址：绥芬河市永福街39号，邮编：157399，电子邮箱：sfhcgj@163.com。",
    ],
  },
  {
    category: "rules",
    title: `${bureau}政府信息公开工作制度`,
    documentNumber: "绥城管发〔2017〕1号",
    formedAt: "2017-01-09",
    publishedAt: "2017-01-12",
    paragraphs: [
      "第一条 为规范本局政府信息公开工作，制定本制度。",
      "第二条 政务公开审查程序：拟公开的政务信息由科室负责人审核、主管领导审批后方可公开，确保公开内容真实有效。",
      "第三条 建立监督评议制度，自觉接受社会各界监督，主动听取群众意见和建议。",
    ],
  },
  {
    category: "functions",
    title: `${bureau}主要职责和内设机构`,
    formedAt: "2017-01-16",
    publishedAt: "2017-01-20",
    paragraphs: [
      "本局负责全市城市管理和综合行政执法工作，贯彻执行国家和省有关城市管理的法律、法规和政策。",
      "内设机构：综合科、市容环境管理科、综合执法大队。",
    ],
  },
  {
    category: "functions",
    title: "局领导班子成员及分工",
    formedAt: "2017-02-06",
    publishedAt: "2017-02-09",
    paragraphs: ["局长王韶波：主持全面工作。", "副局长季晓明：负责政务公开、市容环境管理工作，分管综合科、市容环境管理科。"],
  },
  {
    category: "major-decisions",
    title: "关于贯彻落实“三重一大”工作制度的实施方法",
    documentNumber: "绥城管发〔2017〕3号",
    formedAt: "2017-02-20",
    publishedAt: "2017-02-24",
    paragraphs: [
      "按照市政府出台的《绥芬河市人民政府“三重一大”集体决策制度》和相关要求，结合我局实际，制定本实施方法。",
      "重大决策、重要干部任免、重大项目安排和大额度资金运作事项，必须经局党组会议或局长办公会议集体研究决定。",
    ],
  },
  {
    category: "normative-documents",
    title: "绥芬河市户外广告设施设置管理办法",
    documentNumber: "绥城管规〔2017〕1号",
    formedAt: "2017-03-08",
    publishedAt: "2017-03-14",
    paragraphs: [
      "第一条 为加强户外广告设施设置管理，美化市容环境，根据有关法律法规，制定本办法。",
      "第二条 设置牌匾、户外广告及条幅、电子显示屏、宣传栏等户外设施，应当依法申请审批。",
    ],
  },
  {
    category: "normative-documents",
    title: "绥芬河市城市道路挖掘管理规定",
    documentNumber: "绥城管规〔2017〕2号",
    formedAt: "2017-03-20",
    publishedAt: "2017-03-24",
    paragraphs: [
      "第一条 为加强城市道路挖掘管理，保障道路完好和通行安全，制定本规定。",
      "第二条 因工程建设需要挖掘城市道路的，应当持有关批准文件向市城市管理部门提出申请。",
    ],
  },
  {
    category: "power-list",
    title: `${bureau}行政权力清单（2017年调整）`,
    formedAt: "2017-04-05",
    publishedAt: "2017-04-11",
    paragraphs: [
      "根据《黑龙江省人民政府办公厅关于做好全省行政权力清单统一规范工作的通知》要求，我局在去年公布的权力清单基础上，对行政审批权力进行了梳理。",
      "保留行政审批事项12项，包括设置大型户外广告审批、城市道路挖掘审批、临时占用城市道路审批等。",
    ],
  },
  ...[1, 2, 3, 4, 5, 6].map((batch): DemoItem => ({
    category: "licensing",
    title: `户外设施设置行政许可结果公示（第${batch}批）`,
    formedAt: ["2017-04-20", "2017-05-25", "2017-06-28", "2017-08-22", "2017-10-19", "2017-12-12"][batch - 1],
    publishedAt: ["2017-04-25", "2017-05-31", "2017-07-04", "2017-08-28", "2017-10-24", "2017-12-15"][batch - 1],
    issuingSection: "市容环境管理科",
    paragraphs: [
      "根据“双公示”工作要求，现将我局办结的设置牌匾、户外广告及条幅、电子显示屏、宣传栏等户外设施审批事项予以公示。",
      "公示期内如有异议，请与市容环境管理科联系。",
    ],
  })),
  {
    category: "penalties",
    title: "2017年上半年行政处罚案件信息公开",
    formedAt: "2017-07-10",
    publishedAt: "2017-07-14",
    channels: ["legal_platform"],
    issuingSection: "综合执法大队",
    paragraphs: ["依据行政执法公示制度，现公开2017年上半年作出的行政处罚决定信息。"],
  },
  {
    category: "penalties",
    title: "2017年下半年行政处罚案件信息公开",
    formedAt: "2017-12-18",
    publishedAt: "2017-12-22",
    channels: ["legal_platform"],
    issuingSection: "综合执法大队",
    paragraphs: ["依据行政执法公示制度，现公开2017年下半年作出的行政处罚决定信息。"],
  },
  {
    category: "coercion",
    title: "行政强制措施实施程序及救济途径",
    formedAt: "2017-05-08",
    publishedAt: "2017-05-12",
    issuingSection: "综合执法大队",
    paragraphs: ["本局依法实施的行政强制措施包括查封、扣押与违法行为有关的工具和物品。当事人对行政强制措施不服的，可依法申请行政复议或提起行政诉讼。"],
  },
  {
    category: "fees",
    title: "城市道路占用挖掘修复费收费依据及标准",
    formedAt: "2017-03-01",
    publishedAt: "2017-03-06",
    paragraphs: ["收费依据：国家和黑龙江省有关城市道路占用挖掘修复费的规定。收费标准按照物价部门核定的标准执行。"],
  },
  {
    category: "random-inspections",
    title: "关于全面推行“两随机、一公开”工作机制实施方案",
    documentNumber: "绥城管发〔2017〕9号",
    formedAt: "2017-03-27",
    publishedAt: "2017-03-31",
    paragraphs: ["在政府网站开设“双随机一公开”专栏，随机抽取检查对象、随机选派执法检查人员，抽查情况及查处结果及时向社会公开，实行“阳光执法”。"],
  },
  {
    category: "random-inspections",
    title: "随机抽查事项清单",
    formedAt: "2017-04-10",
    publishedAt: "2017-04-14",
    paragraphs: ["本局随机抽查事项包括：户外广告设施设置情况检查、城市道路挖掘施工情况检查、市容环境卫生责任区落实情况检查。"],
  },
  {
    category: "random-inspections",
    title: "2017年上半年“双随机”抽查结果公示",
    formedAt: "2017-06-30",
    publishedAt: "2017-07-06",
    issuingSection: "综合执法大队",
    paragraphs: ["2017年上半年，我局随机抽取检查对象20户，随机选派执法人员8名，检查结果已全部录入并公示。"],
  },
  {
    category: "random-inspections",
    title: "2017年下半年“双随机”抽查结果公示",
    formedAt: "2017-12-20",
    publishedAt: "2017-12-27",
    issuingSection: "综合执法大队",
    paragraphs: ["2017年下半年，我局随机抽取检查对象22户，随机选派执法人员8名，检查结果已全部录入并公示。"],
  },
  {
    category: "public-services",
    title: `${bureau}公共服务事项目录`,
    formedAt: "2017-04-17",
    publishedAt: "2017-04-21",
    paragraphs: ["在政府网站和黑龙江省政务服务事项管理平台公示公共服务事项目录和服务指南，方便广大市民办理城市管理审批事项。"],
  },
  {
    category: "public-services",
    title: "设置大型户外广告审批服务指南",
    formedAt: "2017-04-17",
    publishedAt: "2017-04-24",
    paragraphs: ["办理依据、申请条件、申请材料、办理流程、办理时限、收费标准、办理地点及咨询电话详见本指南。"],
  },
  {
    category: "public-services",
    title: "城市道路挖掘审批服务指南",
    formedAt: "2017-04-17",
    publishedAt: "2017-04-25",
    paragraphs: ["申请人应提交道路挖掘申请表、施工方案、交通疏导方案等材料，办理时限为5个工作日。"],
  },
  {
    category: "proposals",
    title: "2017年人大代表建议办理情况",
    formedAt: "2017-09-25",
    publishedAt: "2017-09-29",
    paragraphs: ["2017年我局承办人大代表建议7项，均已按时办理完毕并答复代表。"],
  },
  {
    category: "proposals",
    title: "2017年政协委员提案办理结果",
    formedAt: "2017-09-25",
    publishedAt: "2017-09-30",
    paragraphs: ["2017年我局承办政协委员提案12项，均已办理完毕，办理结果在平台公布，满意率达到100%。"],
  },
  {
    category: "budgets",
    title: "2017年部门预算公开",
    formedAt: "2017-02-13",
    publishedAt: "2017-02-17",
    paragraphs: ["根据预算公开要求，现将本局2017年部门预算予以公开。"],
  },
  {
    category: "budgets",
    title: "2016年部门决算公开",
    formedAt: "2017-08-14",
    publishedAt: "2017-08-18",
    paragraphs: ["根据决算公开要求，现将本局2016年部门决算予以公开。"],
  },
  {
    category: "plans",
    title: "2017年城市管理工作要点",
    formedAt: "2017-02-27",
    publishedAt: "2017-03-03",
    paragraphs: ["2017年，我局将围绕市容环境整治、户外广告规范、道路挖掘管理等重点工作，提升城市管理水平。"],
  },
  {
    category: "statistics",
    title: "2017年前三季度城市管理工作统计",
    formedAt: "2017-10-09",
    publishedAt: "2017-10-13",
    paragraphs: ["前三季度共办结户外设施审批事项28件，查处违法违规行为156起。"],
  },
  {
    category: "personnel",
    title: "2017年度公开选调工作人员公告",
    formedAt: "2017-06-05",
    publishedAt: "2017-06-09",
    paragraphs: ["根据工作需要，本局面向全市公开选调工作人员2名，现将有关事项公告如下。"],
  },
  {
    category: "annual-reports",
    title: `${bureau}2016年政府信息公开工作年度报告`,
    formedAt: "2017-03-13",
    publishedAt: "2017-03-17",
    paragraphs: ["本报告是根据《中华人民共和国政府信息公开条例》要求编制的2016年度政府信息公开工作年度报告。"],
  },
  {
    category: "plans",
    title: "2017年政务公开工作实施方案",
    formedAt: "2017-03-29",
    publishedAt: "2017-04-05",
    paragraphs: ["按照《2017年绥芬河市政务公开工作要点》安排，结合我局实际，制定本实施方案。"],
  },
];

/** Drafts waiting in each review stage, so that a visitor of the console sees the workflow. */
export const demoWorkflowItems: {
  category: string;
  title: string;
  state: "draft" | "section_review" | "leader_review";
  paragraphs: string[];
  returnComment?: string;
  /** A 政策解读: the title of the workflow item it interprets (listed before it). */
  interprets?: string;
}[] = [
  {
    category: "licensing",
    title: "户外设施设置行政许可结果公示（2018年第1批）",
    state: "draft",
    returnComment: "请补充公示期限和联系电话。",
    paragraphs: ["现将我局办结的户外设施审批事项予以公示。"],
  },
  { category: "plans", title: "2018年城市管理工作要点", state: "section_review", paragraphs: ["2018年，我局将继续推进市容环境整治和户外广告规范管理。"] },
  {
    category: "normative-documents",
    title: "绥芬河市城市市容和环境卫生责任区管理办法",
    state: "leader_review",
    paragraphs: ["第一条 为落实市容和环境卫生责任区制度，制定本办法。"],
  },
  {
    // Prepared and reviewed together with the document it interprets.
    category: "policy-interpretations",
    title: "《绥芬河市城市市容和环境卫生责任区管理办法》政策解读",
    state: "leader_review",
    interprets: "绥芬河市城市市容和环境卫生责任区管理办法",
    paragraphs: [
      "一、制定背景：为落实市容和环境卫生责任区制度，明确沿街单位和个人的责任，制定本办法。",
      "二、主要内容：责任区的划分、责任人的义务和监督检查。",
    ],
  },
];
