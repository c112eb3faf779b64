import { createHash } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { axeOn } from "./support/axe";
import { e2eToday } from "./support/clock";
import { logIn, logOut } from "./support/session";

// The draw as the public task page describes it, written here from that description alone: if the
// page and the product disagree, re-running a published draw fails.
type Input = {
  seed: string;
  targetCategories: string[];
  targetCount: number;
  inspectorsPerTarget: number;
  targets: { id: number; name: string; category: string; active: boolean }[];
  inspectors: { id: number; name: string; active: boolean }[];
  conflicts: { inspectorId: number; targetId: number }[];
};

function rerunDraw(input: Input): { targetId: number; inspectorIds: number[] }[] {
  let block = 0;
  const words: number[] = [];
  const next = () => {
    if (!words.length) {
      const digest = createHash("sha256").update(`${input.seed}:${block++}`).digest();
      for (let offset = 0; offset < 32; offset += 4) words.push(digest.readUInt32BE(offset));
    }
    return words.shift()!;
  };
  const below = (n: number) => {
    const limit = Math.floor(2 ** 32 / n) * n;
    for (;;) {
      const value = next();
      if (value < limit) return value % n;
    }
  };
  const shuffle = <T>(list: T[]) => {
    for (let i = list.length - 1; i > 0; i--) {
      const j = below(i + 1);
      [list[i], list[j]] = [list[j], list[i]];
    }
    return list;
  };
  const byId = (a: { id: number }, b: { id: number }) => a.id - b.id;
  const candidates = input.targets
    .filter((target) => target.active && (!input.targetCategories.length || input.targetCategories.includes(target.category)))
    .sort(byId);
  return shuffle(candidates)
    .slice(0, input.targetCount)
    .map((target) => {
      const eligible = input.inspectors
        .filter(
          (inspector) => inspector.active && !input.conflicts.some((conflict) => conflict.inspectorId === inspector.id && conflict.targetId === target.id),
        )
        .sort(byId);
      return {
        targetId: target.id,
        inspectorIds: shuffle(eligible)
          .slice(0, input.inspectorsPerTarget)
          .map((inspector) => inspector.id),
      };
    });
}

function creditCode(serial: number): string {
  const characters = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const first17 = `91231081${String(serial).padStart(9, "0")}`;
  const sum = [...first17].reduce((total, character, index) => total + characters.indexOf(character) * weights[index], 0);
  return first17 + characters[(31 - (sum % 31)) % 31];
}

async function xlsx(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("检查对象");
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function review(page: Page, subject: "任务审核" | "结果审核", action: string, username: string, url: string) {
  await logIn(page, username);
  await page.goto(url);
  const form = page.getByRole("form", { name: `${subject}：${action}` });
  await form.getByRole("button", { name: action }).click();
  await expect(page.getByTestId("form-success")).toBeVisible();
  await logOut(page);
}

test("the public sees the 2017 draws with their results and can re-run a draw from the published input", async ({ page, request }) => {
  await page.goto("/inspections?year=2017");
  await expect(page.getByTestId("result-count")).toHaveText("共 2 个抽查任务");
  expect((await axeOn(page).include("main").analyze()).violations).toEqual([]);
  await page.getByRole("link", { name: "2017年上半年户外广告和门店牌匾“双随机”抽查" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("2017年上半年户外广告和门店牌匾“双随机”抽查");
  const rows = page.getByTestId("assignment-table").locator("tbody tr");
  await expect(rows).toHaveCount(20);
  await expect(page.getByTestId("draw-verified")).toContainText("结果一致");
  await expect(page.getByTestId("results-timeliness")).toContainText("按时公开");
  // The page leads with a plain account of the draw; seeds, hashes and the algorithm are folded away.
  await expect(page.getByTestId("draw-summary")).toHaveText(
    /^2017-\d\d-\d\d \d\d:\d\d，综合科通过本系统从抽取范围内在册的 \d+ 个检查对象中随机抽取了 20 个，并为每个检查对象随机选派 2 名执法检查人员/,
  );
  await expect(page.getByTestId("draw-objection").getByRole("link", { name: "在线提出异议" })).toHaveAttribute("href", "/feedback/new");
  for (const jargon of ["SHA-256", "JSON.stringify", "Fisher", "gongkai-draw/1", "随机种子"]) await expect(page.getByText(jargon).first()).toBeHidden();
  await expect(page.getByRole("heading", { name: "如何核对抽取结果" })).toBeHidden();
  await page.getByTestId("draw-technical").getByText("技术核验说明").click();
  await expect(page.getByRole("heading", { name: "如何核对抽取结果" })).toBeVisible();
  await expect(page.getByTestId("draw-seed")).toBeVisible();
  expect((await axeOn(page).include("main").analyze()).violations).toEqual([]);

  const id = page.url().split("/").pop();
  const inputHash = (await page.getByTestId("draw-input-hash").textContent())!.trim();
  const download = await request.get(`/api/v1/inspections/${id}/draw-input`);
  expect(download.status()).toBe(200);
  const text = await download.text();
  expect(createHash("sha256").update(text, "utf8").digest("hex")).toBe(inputHash);
  const input = JSON.parse(text) as Input;
  expect(input.seed).toBe((await page.getByTestId("draw-seed").textContent())!.trim());
  const names = new Map(input.targets.map((target) => [target.id, target.name]));
  const inspectorNames = new Map(input.inspectors.map((inspector) => [inspector.id, inspector.name]));
  const rerun = rerunDraw(input);
  expect(rerun).toHaveLength(20);
  for (const [index, assignment] of rerun.entries()) {
    const cells = rows.nth(index).locator("td");
    await expect(cells.nth(1)).toHaveText(names.get(assignment.targetId)!);
    for (const inspectorId of assignment.inspectorIds) await expect(cells.nth(4)).toContainText(inspectorNames.get(inspectorId)!);
  }

  const api = await (await request.get("/api/v1/inspections?year=2017&pageSize=1")).json();
  expect(api.total).toBe(2);
  expect(api.items).toHaveLength(1);
  expect((await (await request.get("/api/v1/inspections?pageSize=1000")).json()).pageSize).toBe(100);
});

test("staff import targets, plan and draw a task; it is reviewed, published, and its results follow", async ({ page }) => {
  test.setTimeout(240_000);
  const stamp = Date.now();
  const category = `测试类别${stamp}`;
  await logIn(page, "staff");
  await page.goto("/admin/inspections/targets");
  const importForm = page.getByRole("form", { name: "检查对象名录库：从 Excel 导入" });
  const header = ["名称", "统一社会信用代码", "地址", "类别"];
  const serial = stamp % 1_000_000_000;
  const bad = creditCode(serial).slice(0, 17) + (creditCode(serial).endsWith("0") ? "1" : "0");
  await importForm.getByLabel("Excel 文件").setInputFiles({
    name: "错误.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: await xlsx([
      header,
      [`测试广告公司甲${stamp}`, creditCode(serial), "绥芬河市通天路1号", category],
      [`测试广告公司乙${stamp}`, bad, "绥芬河市通天路2号", category],
    ]),
  });
  await importForm.getByRole("button", { name: "导入" }).click();
  await expect(importForm.getByTestId("form-error")).toContainText("文件中有 1 处问题，没有导入任何数据");
  await expect(importForm.getByTestId("import-problems").locator("tbody tr")).toHaveCount(1);
  await expect(importForm.getByTestId("import-problems").locator("tbody tr").first()).toContainText("3统一社会信用代码统一社会信用代码校验位不正确");
  await importForm.getByLabel("Excel 文件").setInputFiles({
    name: "正确.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: await xlsx([
      header,
      ...[1, 2, 3].map((index) => [`测试广告公司${index}号${stamp}`, creditCode(serial + index), `绥芬河市光明街${index}号`, category]),
    ]),
  });
  await importForm.getByRole("button", { name: "导入" }).click();
  await expect(importForm.getByTestId("form-success")).toHaveText("已导入 3 条，名录已生成新版本。");
  const sameOrigin = { Origin: new URL(page.url()).origin };
  const apiImport = await page.request.post("/api/v1/admin/inspections/targets/import", {
    headers: sameOrigin,
    multipart: {
      file: {
        name: "接口.xlsx",
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer: await xlsx([header, ["", creditCode(serial + 9), "绥芬河市光明街9号", category]]),
      },
    },
  });
  expect(apiImport.status()).toBe(422);
  expect((await apiImport.json()).errors).toEqual([{ row: 2, column: "名称", message: "请填写名称。" }]);

  const today = e2eToday;
  const title = `随机抽查测试任务 ${stamp}`;
  await page.goto("/admin/inspections/new");
  await page.getByRole("button", { name: "新建抽查任务" }).click();
  await expect(page.getByTestId("error-title")).toHaveText("请填写任务名称。");
  await page.getByLabel("任务名称").fill(title);
  await page.getByLabel("抽查内容和方式").fill("检查户外广告设施设置情况，现场检查。");
  await page.getByRole("checkbox", { name: "户外广告设施设置情况检查" }).check();
  await page.getByRole("checkbox", { name: `${category}（3）` }).check();
  await page.getByLabel("抽取检查对象数量").fill("2");
  await page.getByLabel("检查开始日期").fill(today);
  await page.getByLabel("检查结束日期").fill(today);
  await page.getByRole("button", { name: "新建抽查任务" }).click();
  await expect(page.getByTestId("inspection-title")).toHaveText(title);
  const taskUrl = new URL(page.url()).pathname;
  const taskId = taskUrl.split("/").pop();

  await page.getByRole("form", { name: "随机抽取" }).getByRole("button", { name: "随机抽取" }).click();
  await expect(page.getByTestId("draw-verified")).toContainText("结果一致");
  await expect(page.getByTestId("draw-seed")).toHaveText(/^[0-9a-f]{64}$/);
  const drawn = page.getByTestId("assignment-table").locator("tbody tr");
  await expect(drawn).toHaveCount(2);
  await expect(drawn.first()).toContainText("测试广告公司");

  // The API refuses a second draw, and a plan that needs more inspectors than the list holds.
  const again = await page.request.post(`/api/v1/admin/inspections/${taskId}/draw`, { headers: sameOrigin, data: {} });
  expect(again.status()).toBe(409);
  const itemId = (await (await page.request.get(`/api/v1/admin/inspections/${taskId}`)).json()).inspection.items[0].id;
  const created = await page.request.post("/api/v1/admin/inspections", {
    headers: sameOrigin,
    data: {
      title: `人员不足 ${stamp}`,
      year: 2026,
      description: "测试",
      itemIds: [itemId],
      targetCount: 1,
      inspectorsPerTarget: 10,
      startOn: today,
      endOn: today,
    },
  });
  expect(created.status()).toBe(201);
  const shortId = (await created.json()).inspection.id;
  const short = await page.request.post(`/api/v1/admin/inspections/${shortId}/draw`, { headers: sameOrigin, data: {} });
  expect(short.status()).toBe(422);
  expect((await short.json()).error.fields.inspectorsPerTarget[0]).toMatch(/少于每个检查对象需要的 10 名/);

  await page.getByRole("form", { name: "任务审核：提交审核" }).getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByTestId("plan-state")).toHaveText("待科室审核");
  await logOut(page);
  await review(page, "任务审核", "审核通过", "head", taskUrl);
  expect((await page.request.get(`/inspections/${taskId}`)).status()).toBe(404);
  await review(page, "任务审核", "审核通过", "leader", taskUrl);

  await page.goto(`/inspections/${taskId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByTestId("results-timeliness")).toContainText("检查结果尚未公开");

  await logIn(page, "staff");
  await page.goto(taskUrl);
  const resultsForm = page.getByRole("form", { name: "登记检查结果" });
  const targetNames = await page.getByRole("form", { name: "登记检查结果" }).locator("tbody tr td:nth-child(2)").allTextContents();
  for (const [index, name] of targetNames.entries()) {
    await resultsForm.getByLabel(`${name}：检查日期`).fill(today);
    await resultsForm.getByLabel(`${name}：检查结果`).selectOption({ label: index === 0 ? "未发现问题" : "发现问题，已责令整改" });
  }
  await resultsForm.getByLabel(`${targetNames[1]}：说明`).fill("责令限期拆除破损广告牌");
  await resultsForm.getByRole("button", { name: "保存检查结果" }).click();
  await expect(resultsForm.getByTestId("form-success")).toHaveText("检查结果已保存。");
  await page.getByRole("form", { name: "结果审核：提交审核" }).getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByTestId("results-state")).toHaveText("待科室审核");
  await logOut(page);
  await review(page, "结果审核", "审核通过", "head", taskUrl);
  await review(page, "结果审核", "审核通过", "leader", taskUrl);

  await page.goto(`/inspections/${taskId}`);
  await expect(page.getByTestId("results-timeliness")).toContainText("按时公开");
  const published = page.getByTestId("assignment-table").locator("tbody tr");
  await expect(published.first()).toContainText("未发现问题");
  await expect(published.nth(1)).toContainText("责令限期拆除破损广告牌");
  expect((await axeOn(page).include("main").analyze()).violations).toEqual([]);
});
