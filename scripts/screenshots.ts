/**
 * `npm run screenshots`: regenerates docs/screenshots/ — the public site and the console, on a
 * desktop (1366 × 900) and a phone (390 × 844), from a fresh installation with the demo data. It
 * starts the product as `npm start` does (scripts/serve.ts, its own embedded database in a temporary
 * directory), signs in as the demo users for the console, and writes one PNG per view (the first
 * screen of each page, as a visitor sees it on arrival).
 */
import { spawn } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "@/lib/users/demo-accounts";

const root = process.cwd();
const out = path.join(root, "docs", "screenshots");
const port = Number(process.env.SCREENSHOTS_PORT ?? 3700);
const base = `http://localhost:${port}`;

type View = { name: string; path: string; user?: string; open?: (page: Page) => Promise<void> };

const allViews: View[] = [
  { name: "home", path: "/" },
  { name: "catalogue", path: "/catalogue/statutory" },
  { name: "item", path: "/items/1" },
  { name: "decisions", path: "/decisions" },
  { name: "annual-report-2017", path: "/reports/annual/2017" },
  { name: "apply", path: "/apply" },
  {
    name: "accessibility-toolbar",
    path: "/powers",
    open: async (page) => {
      await page.getByRole("button", { name: "无障碍浏览" }).click();
    },
  },
  {
    name: "footer",
    path: "/",
    open: async (page) => {
      await page.getByRole("contentinfo").scrollIntoViewIfNeeded();
    },
  },
  { name: "console-dashboard", path: "/admin", user: "head" },
  { name: "console-items", path: "/admin/items?scope=all", user: "head" },
  { name: "console-item-review", path: "/admin/items/1", user: "leader" },
  {
    // The section head's one review box (通过 / 退回 with one comment) on an item waiting for review.
    name: "console-review-box",
    path: "/admin/items?scope=all&state=section_review",
    user: "head",
    open: async (page) => {
      const first = page.locator('main table a[href^="/admin/items/"]').first();
      if (!(await first.count())) throw new Error("the demo data has no item waiting for the section head");
      await first.click();
      await page.locator("#actions").scrollIntoViewIfNeeded();
    },
  },
  {
    // Every reconsideration and lawsuit; the form for a case about proactive disclosure opened.
    name: "console-appeals",
    path: "/admin/applications/appeals",
    user: "head",
    open: async (page) => {
      await page.getByText("登记涉及主动公开的复议或诉讼").first().click();
    },
  },
  { name: "console-annual-report", path: "/admin/reports/2017", user: "admin" },
  { name: "console-spot-check", path: "/admin/spot-check", user: "admin" },
  // The demo data's year: the assessment dashboard's period picker, then its first figure (table and trend chart).
  { name: "console-assessment", path: "/admin/assessment?year=2017", user: "head" },
  {
    name: "console-assessment-figure",
    path: "/admin/assessment?year=2017",
    user: "head",
    open: async (page) => {
      await page.locator("#assessment-overview").scrollIntoViewIfNeeded();
      await page.evaluate(() => document.querySelector("#assessment-overview")?.closest("section")?.scrollIntoView());
    },
  },
  // 集约化: the 政务公开办's summary of every agency's report, the catalogue template, an agency's own catalogue and reports, the import of agencies.
  { name: "console-report-summary", path: "/admin/reports/summary?year=2017", user: "supervisor" },
  { name: "console-catalogue-template", path: "/admin/catalogue", user: "admin" },
  { name: "agency-catalogue", path: "/catalogue/statutory?agency=SFHJYJ" },
  { name: "agency-reports", path: "/reports/annual?agency=SFHJYJ" },
  {
    name: "console-agency-import",
    path: "/admin/agencies",
    user: "platform",
    open: async (page) => {
      await page.locator("#import-agencies").scrollIntoViewIfNeeded();
    },
  },
  // The inbox; every console view shows the unread count in the header (通知 with its badge).
  { name: "console-notifications", path: "/admin/notifications", user: "head" },
  {
    name: "console-notification-settings",
    path: "/admin/account",
    user: "head",
    open: async (page) => {
      await page.locator("#notifications").scrollIntoViewIfNeeded();
    },
  },
];

/** `npm run screenshots -- home console-spot-check`: only the views named; all of them without names. */
const only = process.argv.slice(2);
const views = allViews.filter((view) => only.length === 0 || only.includes(view.name));

const viewports = [
  { suffix: "desktop", width: 1366, height: 900 },
  { suffix: "phone", width: 390, height: 844 },
];

let serverExited = false;

async function waitForServer(): Promise<void> {
  for (let attempt = 0; attempt < 900; attempt++) {
    if (serverExited) throw new Error("the server stopped before it answered (its output is above)");
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error("the server did not start within 15 minutes");
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), "gongkai-screenshots-"));
// As root the embedded server runs as the postgres user, which must be able to enter this directory.
chmodSync(dataDir, 0o755);
const server = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/serve.ts"], {
  stdio: ["ignore", "inherit", "inherit"],
  env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, EMBEDDED_DATABASE_PORT: String(port + 26000), SEED_DEMO: "1" },
});
server.once("exit", () => (serverExited = true));

try {
  await waitForServer();
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-background-networking"],
  });
  for (const viewport of viewports) {
    const sessions = new Map<string | undefined, Page>();
    for (const view of views) {
      let page = sessions.get(view.user);
      if (!page) {
        const context = await browser.newContext({
          viewport: { width: viewport.width, height: viewport.height },
          locale: "zh-CN",
          timezoneId: "Asia/Shanghai",
        });
        page = await context.newPage();
        if (view.user) {
          await page.goto(`${base}/login`);
          await page.getByLabel("用户名").fill(view.user);
          await page.getByLabel("密码").fill(DEMO_PASSWORD);
          await page.getByRole("button", { name: "登录" }).click();
          await page.waitForURL(/\/admin/);
        }
        sessions.set(view.user, page);
      }
      await page.goto(base + view.path);
      await view.open?.(page);
      const file = path.join(out, `${view.name}-${viewport.suffix}.png`);
      await page.screenshot({ path: file });
      console.log(`[screenshots] ${path.relative(root, file)}`);
    }
  }
  await browser.close();
} finally {
  if (!serverExited) {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
  }
  rmSync(dataDir, { recursive: true, force: true });
}
