/**
 * A deterministic synthetic disclosure column for `npm run bench`: titles and bodies composed from
 * the vocabulary of a city-management bureau (城管执法局), shaped like the seed office's own items
 * (通知, 公告, 公示, 办法, 通报, 决定书摘要). Same seed, same corpus, on every machine.
 */

export type SyntheticItem = {
  title: string;
  paragraphs: string[];
  documentNumber: string | null;
  categorySlug: string;
  /** Index into the bench's issuing sections; null = the agency itself. */
  issuingSection: number | null;
  publishedAt: Date;
  validity: "in_force" | "amended" | "repealed" | "expired";
};

/** mulberry32: a small, fast, seedable generator (quality is plenty for composing text). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)];

export const vocabulary = {
  places: [
    "永福街",
    "青云路",
    "光明街",
    "通天路",
    "迎宾路",
    "新华街",
    "东兴路",
    "长城路",
    "阜宁镇",
    "绥芬河站前广场",
    "天长山公园",
    "北寒村",
    "建兴路",
    "文化街",
    "中俄边境口岸",
    "国门路",
    "站前路",
    "铁路家园小区",
    "华鑫小区",
    "龙江小区",
  ],
  subjects: [
    "户外广告",
    "牌匾标识",
    "占道经营",
    "渣土运输",
    "违法建设",
    "市容环境",
    "环境卫生",
    "园林绿化",
    "城市道路挖掘",
    "临时占用城市道路",
    "流动摊贩",
    "建筑垃圾",
    "生活垃圾分类",
    "城市照明",
    "市政设施",
    "噪声污染",
    "餐饮油烟",
    "露天烧烤",
    "共享单车停放",
    "机动车乱停乱放",
    "供热管网",
    "燃气安全",
    "公厕管理",
    "冬季清冰雪",
    "夜间施工",
    "工地扬尘",
    "城市供水",
    "排水管网",
    "广告条幅",
    "电子显示屏",
    "宣传栏",
    "门前三包",
    "数字城管",
    "网格化管理",
    "双随机一公开",
    "行政处罚",
    "行政许可",
    "行政强制",
    "行政事业性收费",
    "政府信息公开",
    "依申请公开",
    "权责清单",
    "公共服务事项",
    "建议提案办理",
  ],
  actions: ["专项整治", "集中清理", "综合整治", "规范管理", "监督检查", "执法检查", "排查整改", "宣传教育", "联合执法", "长效管理", "随机抽查", "审批服务"],
  documentKinds: ["通知", "公告", "通告", "实施方案", "工作方案", "管理办法", "情况通报", "结果公示", "工作总结", "工作要点", "意见", "决定"],
  organisations: [
    "市城市管理和综合行政执法局",
    "综合执法大队",
    "市容环境管理科",
    "综合科",
    "市政府办公室",
    "市住房和城乡建设局",
    "市生态环境局",
    "市市场监督管理局",
    "市公安局交通警察大队",
    "阜宁镇人民政府",
    "各社区居民委员会",
  ],
  counterparties: [
    "某商贸有限公司",
    "某餐饮店",
    "某建筑工程有限公司",
    "某广告传媒有限公司",
    "某物流有限公司",
    "某超市",
    "某宾馆",
    "个体工商户",
    "某物业服务有限公司",
    "某运输车队",
  ],
  laws: [
    "《中华人民共和国行政处罚法》",
    "《中华人民共和国行政许可法》",
    "《中华人民共和国行政强制法》",
    "《城市市容和环境卫生管理条例》",
    "《城市道路管理条例》",
    "《黑龙江省城市管理综合执法条例》",
    "《中华人民共和国政府信息公开条例》",
    "《城市建筑垃圾管理规定》",
    "《中华人民共和国大气污染防治法》",
    "《中华人民共和国环境噪声污染防治法》",
    "《城市绿化条例》",
    "《绥芬河市户外广告设施设置管理办法》",
  ],
  openings: [
    "为进一步加强城市管理工作，改善城市人居环境，提升城市形象",
    "为深入贯彻落实市委、市政府关于城市管理工作的决策部署",
    "为规范城市管理综合执法行为，保护公民、法人和其他组织的合法权益",
    "根据全市城市管理工作安排，结合我局工作实际",
    "为切实解决群众反映强烈的突出问题，营造干净整洁有序的城市环境",
    "按照市政府工作要点和创建全国文明城市工作要求",
  ],
  requirements: [
    "各责任单位要高度重视，明确责任分工，确保各项工作落到实处",
    "对拒不整改的，依法予以行政处罚，并将处罚结果向社会公示",
    "执法人员应当出示执法证件，严格按照法定程序开展执法活动",
    "欢迎广大市民群众积极参与，监督举报电话：0453-3920000",
    "整治期间，对发现的问题建立台账，实行销号管理",
    "对符合条件的申请，自受理之日起二十个工作日内作出决定",
    "坚持教育与处罚相结合的原则，做到文明执法、规范执法",
    "相关单位和个人应当在规定期限内自行整改，逾期未整改的依法处理",
    "本次检查结果将通过政府网站和政务新媒体向社会公开",
    "各科室要加强协调配合，形成工作合力，建立长效管理机制",
  ],
  results: [
    "共出动执法人员{n}人次，执法车辆{m}台次",
    "清理违规设置的户外广告{n}处，规范牌匾标识{m}块",
    "查处占道经营行为{n}起，取缔流动摊贩{m}处",
    "立案查处违法建设{n}处，拆除违法建筑面积{m}平方米",
    "检查渣土运输车辆{n}台次，处罚违规车辆{m}台",
    "受理群众投诉举报{n}件，办结率达到{m}%",
    "随机抽取检查对象{n}家，发现问题{m}个，已全部整改",
    "办理行政许可事项{n}件，其中按时办结{m}件",
  ],
};

const CATEGORY_SLUGS = [
  "normative-documents",
  "major-decisions",
  "licensing",
  "penalties",
  "coercion",
  "fees",
  "random-inspections",
  "public-services",
  "plans",
  "statistics",
  "functions",
  "procurement",
  "personnel",
  "budgets",
];

function fillNumbers(random: () => number, text: string): string {
  return text.replace("{n}", String(10 + Math.floor(random() * 990))).replace("{m}", String(1 + Math.floor(random() * 300)));
}

function composeTitle(random: () => number, year: number): string {
  const subject = pick(random, vocabulary.subjects);
  const action = pick(random, vocabulary.actions);
  const kind = pick(random, vocabulary.documentKinds);
  const place = pick(random, vocabulary.places);
  switch (Math.floor(random() * 6)) {
    case 0:
      return `关于开展${subject}${action}的${kind}`;
    case 1:
      return `绥芬河市${subject}${kind}`;
    case 2:
      return `${year}年${1 + Math.floor(random() * 12)}月${subject}工作${kind}`;
    case 3:
      return `关于${place}${subject}${action}情况的${kind}`;
    case 4:
      return `${pick(random, vocabulary.organisations)}关于加强${subject}的${kind}`;
    default:
      return `${subject}${action}${kind}（第${1 + Math.floor(random() * 12)}期）`;
  }
}

function composeParagraph(random: () => number): string {
  const sentences: string[] = [];
  const count = 2 + Math.floor(random() * 4);
  for (let index = 0; index < count; index++) {
    switch (Math.floor(random() * 5)) {
      case 0:
        sentences.push(
          `${pick(random, vocabulary.openings)}，依据${pick(random, vocabulary.laws)}等有关规定，决定在${pick(random, vocabulary.places)}一带开展${pick(random, vocabulary.subjects)}${pick(random, vocabulary.actions)}工作`,
        );
        break;
      case 1:
        sentences.push(pick(random, vocabulary.requirements));
        break;
      case 2:
        sentences.push(`${pick(random, vocabulary.organisations)}${fillNumbers(random, pick(random, vocabulary.results))}`);
        break;
      case 3:
        sentences.push(
          `${pick(random, vocabulary.counterparties)}在${pick(random, vocabulary.places)}存在${pick(random, vocabulary.subjects)}问题，${pick(random, vocabulary.organisations)}已责令其限期改正`,
        );
        break;
      default:
        sentences.push(
          `下一步，我局将继续加强${pick(random, vocabulary.subjects)}和${pick(random, vocabulary.subjects)}工作，${pick(random, vocabulary.requirements)}`,
        );
    }
  }
  return `${sentences.join("；")}。`;
}

/** The `index`-th synthetic item (independent of the others, so batches can be built in any order). */
export function syntheticItem(seed: number, index: number, firstYear = 2015, years = 11): SyntheticItem {
  const random = createRandom(seed * 1_000_003 + index);
  const year = firstYear + Math.floor(random() * years);
  const publishedAt = new Date(Date.UTC(year, 0, 1) + Math.floor(random() * 364) * 86_400_000 + (1 + Math.floor(random() * 8)) * 3_600_000);
  const paragraphs: string[] = [];
  const paragraphCount = 2 + Math.floor(random() * 5);
  for (let index2 = 0; index2 < paragraphCount; index2++) paragraphs.push(composeParagraph(random));
  const hasNumber = random() < 0.3;
  const validityRoll = random();
  return {
    title: composeTitle(random, year),
    paragraphs,
    documentNumber: hasNumber ? `绥城管${pick(random, ["发", "规", "字", "罚"])}〔${year}〕${1 + Math.floor(random() * 200)}号` : null,
    categorySlug: pick(random, CATEGORY_SLUGS),
    issuingSection: random() < 0.5 ? null : Math.floor(random() * 3),
    publishedAt,
    validity: validityRoll < 0.85 ? "in_force" : validityRoll < 0.92 ? "amended" : validityRoll < 0.97 ? "repealed" : "expired",
  };
}
