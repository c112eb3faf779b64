/** The human-readable site map (app/(public)/site-map). */
export const siteMapMessages = {
  title: "网站地图",
  intro: "本站全部栏目。每个栏目也可以从页面顶部的导航或首页进入。",
  sections: {
    disclosure: "政府信息公开",
    application: "依申请公开",
    registers: "清单与公示",
    interaction: "互动交流",
    tools: "检索与订阅",
  },
  search: "站内搜索",
  feedsRss: "RSS 订阅（最新公开信息）",
  feedsAtom: "Atom 订阅（最新公开信息）",
  openApi: "开放数据接口说明（OpenAPI）",
} as const;
