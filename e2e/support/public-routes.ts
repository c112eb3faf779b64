import type { Page } from "@playwright/test";

/** Every public page the demo data has, each kind of page once: lists, a content page (the guide), details, forms, sign-in, the not-found page. */
const fixedRoutes = [
  "/",
  "/catalogue/statutory",
  "/catalogue/plans",
  "/catalogue/guide",
  "/search?q=%E5%9F%8E%E7%AE%A1",
  "/apply",
  "/applications",
  "/feedback",
  "/feedback/new",
  "/powers",
  "/powers/changes",
  "/services",
  "/decisions",
  "/inspections",
  "/proposals",
  "/reports/annual",
  "/reports/annual/2017",
  "/site-map",
  "/agencies",
  "/agencies/SFHCGJ",
  "/login",
  "/no-such-page",
];

/** List pages whose first detail link stands for that kind of page. */
const detailSources: [list: string, pattern: RegExp][] = [
  ["/catalogue/statutory", /^\/items\/\d+$/],
  ["/powers", /^\/powers\/\d+$/],
  ["/services", /^\/services\/\d+$/],
  ["/decisions", /^\/decisions\/\d+$/],
  ["/inspections", /^\/inspections\/\d+$/],
  ["/proposals", /^\/proposals\/\d+$/],
];

export async function publicRoutes(page: Page): Promise<string[]> {
  const details: string[] = [];
  for (const [list, pattern] of detailSources) {
    await page.goto(list);
    const hrefs = await page.locator("main a[href]").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
    const detail = hrefs.find((href) => pattern.test(href));
    if (!detail) throw new Error(`${list} links to no page like ${pattern} in the demo data`);
    details.push(detail);
  }
  return [...fixedRoutes, ...details];
}
