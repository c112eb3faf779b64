/** The first customer's organisation, as its 2017 annual report (shared/seed) describes it. */
export const demoAgency = {
  code: "SFHCGJ",
  name: "绥芬河市城市管理和综合行政执法局",
  shortName: "绥芬河市城管执法局",
  address: "绥芬河市永福街39号",
  postcode: "157399",
  email: "sfhcgj@163.com",
  website: "zjj.suifenhe.gov.cn",
};

/**
 * The demo office's place on the platform and its column's contact: the report has 局综合科 keep the
 * disclosure work day to day; the office hours are the usual ones (the report names none).
 */
export const demoAgencyDetails = {
  kind: "department",
  officeHours: "工作日 8:30—11:30，13:30—17:00",
  disclosureOffice: "综合科",
} as const;

/**
 * The demo installation's site identity (网站标识). Plausible but invented: the site ID code
 * starts with 绥芬河's division code 231081, the record numbers have the real formats. Only the
 * demo data sets them; a real installation's administrator enters its own (网站标识 in the console).
 */
export const demoSiteIdentity = {
  siteIdCode: "2310810016",
  icpNumber: "黑ICP备05002436号-1",
  publicSecurityNumber: "黑公网安备23108102000107号",
  sponsorName: "绥芬河市城市管理和综合行政执法局",
  operatorName: "绥芬河市城市管理和综合行政执法局综合科",
  siteMapUrl: null,
  // The badge's verification page has this shape; the id is invented like the numbers above.
  partyGovernmentBadgeUrl: "https://bszs.conac.cn/sitename?method=show&id=2310810016A1B2C3",
};

/**
 * The demo office's 索引号 prefix: an invented 统一社会信用代码 of the right shape (11 = an organ of
 * the state, 231081 = 绥芬河, a 组织机构代码 and both check characters computed as the standards say).
 */
export const demoIndexNumberSettings = { organizationCode: "11231081412906730M" };

export const demoSections = [
  { name: "局领导", sortOrder: 0 },
  { name: "综合科", sortOrder: 10 },
  { name: "市容环境管理科", sortOrder: 20 },
  { name: "综合执法大队", sortOrder: 30 },
];

export const demoLeadingGroup = [
  { name: "王韶波", position: "局长", groupRole: "组长" },
  { name: "季晓明", position: "副局长", groupRole: "副组长" },
  { name: "赵建国", position: "综合科科长", groupRole: "成员" },
  { name: "孙立华", position: "市容环境管理科科长", groupRole: "成员" },
  { name: "周志强", position: "综合执法大队大队长", groupRole: "成员" },
];

/**
 * The platform the demo office belongs to (集约化): the city's government, which keeps the platform,
 * and its office, whose 政务公开办 holds the platform's accounts. The codes are what addresses use.
 */
export const demoPlatformAgencies = {
  government: {
    code: "SFHZF",
    name: "绥芬河市人民政府",
    shortName: "绥芬河市政府",
    kind: "government",
    address: "绥芬河市通天路2号",
    postcode: "157300",
    email: "sfhzfb@163.com",
    sortOrder: 0,
    disclosureOffice: "绥芬河市人民政府办公室（政务公开办）",
    officeHours: "工作日 8:30—11:30，13:30—17:00",
  },
  office: {
    code: "SFHZFB",
    name: "绥芬河市人民政府办公室",
    shortName: "市政府办",
    kind: "office",
    address: "绥芬河市通天路2号",
    postcode: "157300",
    email: "sfhzfb@163.com",
    sortOrder: 10,
    disclosureOffice: "政务公开办",
    officeHours: "工作日 8:30—11:30，13:30—17:00",
  },
} as const;

/**
 * Two departments with a small, clearly synthetic data set (every title says 演示): the directory,
 * the search across agencies and the summary report have more than one agency to show. The codes
 * and credit-code-less prefixes are invented; staff2, head2 and leader2 are the first one's.
 */
export const demoDepartments = [
  {
    code: "SFHJYJ",
    name: "绥芬河市教育局（演示）",
    shortName: "市教育局（演示）",
    kind: "department",
    address: "绥芬河市（演示地址）",
    postcode: "157300",
    email: "demo-jyj@example.org",
    sortOrder: 30,
    officeHours: "工作日 8:30—11:30，13:30—17:00",
    disclosureOffice: "办公室",
    sections: ["局领导", "办公室", "基础教育科"],
    accounts: departmentDemoAccounts,
    items: [
      {
        title: "（演示）关于做好寒假期间学生安全工作的通知",
        category: "normative-documents",
        paragraphs: ["这是演示数据，不是真实文件。", "各学校要做好寒假期间学生安全教育。"],
      },
      {
        title: "（演示）2026年义务教育阶段学校招生工作方案",
        category: "major-decisions",
        paragraphs: ["这是演示数据，不是真实文件。", "本方案说明义务教育阶段学校的招生范围和程序。"],
      },
    ],
    // Its registers, so that its lists (/powers?agency=SFHJYJ, /decisions?agency=SFHJYJ) show something of its own.
    powers: [
      { code: "JY-XK-001", name: "（演示）民办学校设立审批", legalBasis: "《中华人民共和国民办教育促进法》第十二条" },
      { code: "JY-XK-002", name: "（演示）教师资格认定", legalBasis: "《教师资格条例》第十三条" },
    ],
    decisions: [
      { documentNumber: "绥教许字〔2026〕第001号（演示）", counterpartyName: "（演示）绥芬河市某民办幼儿园", content: "准予设立民办幼儿园（演示数据）。" },
    ],
  },
  {
    code: "SFHSCJ",
    name: "绥芬河市市场监督管理局（演示）",
    shortName: "市市场监管局（演示）",
    kind: "department",
    address: "绥芬河市（演示地址）",
    postcode: "157300",
    email: "demo-scj@example.org",
    sortOrder: 40,
    officeHours: "工作日 8:30—11:30，13:30—17:00",
    disclosureOffice: "综合科",
    sections: ["局领导", "综合科"],
    accounts: [
      { username: "demo-scj-staff", displayName: "演示科员三", role: "staff", section: "综合科" },
      { username: "demo-scj-head", displayName: "演示科长三", role: "section_head", section: "综合科" },
      { username: "demo-scj-leader", displayName: "演示局领导三", role: "leader", section: "局领导" },
    ],
    items: [
      {
        title: "（演示）关于开展冬季食品安全专项检查的通知",
        category: "normative-documents",
        paragraphs: ["这是演示数据，不是真实文件。", "对城区餐饮单位开展食品安全专项检查。"],
      },
    ],
    powers: [],
    decisions: [],
  },
] as const satisfies readonly {
  code: string;
  name: string;
  shortName: string;
  kind: "department";
  address: string;
  postcode: string;
  email: string;
  sortOrder: number;
  officeHours: string;
  disclosureOffice: string;
  sections: readonly string[];
  accounts: readonly { username: string; displayName: string; role: "staff" | "section_head" | "leader"; section: string }[];
  items: readonly { title: string; category: string; paragraphs: readonly string[] }[];
  powers: readonly { code: string; name: string; legalBasis: string }[];
  decisions: readonly { documentNumber: string; counterpartyName: string; content: string }[];
}[];

// The demo accounts live in lib (the login page names them); re-exported for the seed code.
export { DEMO_PASSWORD, demoAccounts, platformDemoAccounts, PLATFORM_SECTION_NAME } from "@/lib/users/demo-accounts";
import { departmentDemoAccounts } from "@/lib/users/demo-accounts";
