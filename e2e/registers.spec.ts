import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { axeOn } from "./support/axe";
import { e2eYear } from "./support/clock";
import { logIn, logOut } from "./support/session";

// GB 32100 check character, written here from the standard so the product's own code is not trusted.
const creditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
function creditCode(first17: string): string {
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...first17].reduce((total, character, index) => total + creditAlphabet.indexOf(character) * weights[index], 0);
  return first17 + creditAlphabet[(31 - (sum % 31)) % 31];
}
// GB 11643 check character.
function idNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((total, digit, index) => total + Number(digit) * weights[index], 0);
  return first17 + "10X98765432"[sum % 11];
}
const wrongCheck = (code: string) => code.slice(0, -1) + (code.endsWith("0") ? "1" : "0");

const agency = "绥芬河市城市管理和综合行政执法局";
const authorityCode = creditCode("11231081MB1964057");

async function expectAccessible(page: Page) {
  expect((await axeOn(page).include("main").analyze()).violations).toEqual([]);
}

async function takeAction(page: Page, action: string, comment?: string) {
  const form = page.getByRole("form", { name: action });
  if (comment) await form.getByRole("textbox").first().fill(comment);
  await form.getByRole("button", { name: action }).click();
  await expect(page.getByTestId("form-success")).toBeVisible();
}

test("the public power list: 12 retained 行政许可 now and in 2017, the 2016 list, and what changed", async ({ page }) => {
  await page.goto("/powers");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("权责清单（现行清单）");
  // Only the powers in force: the cancelled and the delegated ones are in the yearly lists and their comparison.
  await expect(page.getByTestId("power-row").first()).toBeVisible();
  await expect(page.getByTestId("power-row").filter({ hasText: "XK-013" })).toHaveCount(0);
  await expect(page.getByTestId("power-row").filter({ hasText: "XK-014" })).toHaveCount(0);
  await expect(page.getByLabel("状态").locator("option", { hasText: "取消" })).toHaveCount(0);
  await page.getByLabel("职权类别").selectOption({ label: "行政许可" });
  await page.getByLabel("状态").selectOption({ label: "保留" });
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page.getByTestId("result-count")).toContainText("共 12 项");
  await expectAccessible(page);

  await page.getByRole("link", { name: "2017年度权责清单" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("2017年度权责清单");
  await page.getByLabel("职权类别").selectOption({ label: "行政许可" });
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page.getByTestId("result-count")).toContainText("保留事项 12 项");
  const cancelled = page.getByTestId("power-row").filter({ hasText: "XK-013" });
  await expect(cancelled).toContainText("取消");
  await cancelled.getByText("详情").click();
  await expect(cancelled).toContainText("按照全省行政权力清单统一规范工作要求取消");

  await page.getByRole("link", { name: "年度对比" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("2016年度与2017年度权责清单对比");
  await expect(page.getByTestId("powers-added")).toContainText("对建筑垃圾处置情况的检查");
  await expect(page.getByTestId("powers-changed")).toContainText("临时占用街道两侧和公共场地摆摊设点审批");
  await expect(page.getByTestId("powers-changed")).toContainText("下放");
  await expectAccessible(page);

  const api = await page.request.get("/api/v1/powers?year=2017&type=license&status=retained&pageSize=5");
  expect(api.status()).toBe(200);
  const body = await api.json();
  expect(body.total).toBe(12);
  expect(body.items).toHaveLength(5);
  expect((await page.request.get("/api/v1/powers?year=1999")).status()).toBe(404);
});

test("service guides: the directory, a printable guide with its materials, and a form that downloads", async ({ page }) => {
  await page.goto("/services");
  await expectAccessible(page);
  await page.getByRole("link", { name: "设置门头牌匾（招牌）审批" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("设置门头牌匾（招牌）审批服务指南");
  await expect(page.getByTestId("guide-basics")).toContainText("5个工作日");
  await expect(page.getByTestId("guide-materials").locator("tbody tr")).toHaveCount(5);
  await expect(page.getByTestId("guide-materials")).toContainText("营业执照或统一社会信用代码证书");
  await expect(page.getByRole("button", { name: "打印服务指南" })).toBeVisible();
  await expectAccessible(page);
  const formLink = page.getByTestId("guide-forms").getByRole("link", { name: "门头牌匾设置申请表" });
  const download = await page.request.get((await formLink.getAttribute("href"))!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  expect((await download.body()).subarray(0, 2).toString()).toBe("PK");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "打印服务指南" })).toBeHidden();
});

test("双公示: the 35 licensing results of 2017, searched by credit code and 文号", async ({ page }) => {
  await page.goto("/decisions?kind=license&year=2017");
  await expect(page.getByTestId("result-count")).toHaveText("共 35 条");
  await expectAccessible(page);
  const firstRow = page.getByTestId("decision-row").first();
  const code = (await firstRow.locator("td").nth(2).textContent())!.trim();
  await page.getByLabel("名称、统一社会信用代码或文号").fill(code.toLowerCase());
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByTestId("result-count")).toHaveText("共 1 条");
  await page.getByTestId("decision-row").getByRole("link").click();
  await expect(page.getByTestId("decision-fields")).toContainText(code);
  await expect(page.getByTestId("decision-fields")).toContainText("准予在绥芬河市");
  await expectAccessible(page);
  await page.goto("/decisions?q=绥城管许字〔2017〕第007号");
  await expect(page.getByTestId("result-count")).toHaveText("共 1 条");
  await page.goto("/decisions?kind=penalty&year=2017");
  await expect(page.getByTestId("result-count")).toHaveText("共 0 条");
  // The office's 2017 penalties were disclosed as two half-yearly notices: the 行政处罚 tab finds them.
  const notices = page.getByTestId("decision-notices");
  await expect(notices.getByRole("heading")).toHaveText("以公告形式公开的行政处罚信息");
  await expect(notices.getByRole("link")).toHaveText(["2017年下半年行政处罚案件信息公开", "2017年上半年行政处罚案件信息公开"]);
  await expectAccessible(page);
  await notices.getByRole("link", { name: "2017年上半年行政处罚案件信息公开" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("2017年上半年行政处罚案件信息公开");
  await page.goto("/decisions?kind=penalty&year=2016");
  await expect(page.getByTestId("decision-notices")).toHaveCount(0);
});

test("the catalogue sidebar leads to 依申请公开: the application form and the status lookup", async ({ page }) => {
  await page.goto("/catalogue/guide");
  const sidebar = page.getByRole("navigation", { name: "公开目录" });
  await sidebar.getByRole("link", { name: "依申请公开" }).click();
  await expect(page).toHaveURL(/\/apply$/);
  await page.goto("/catalogue/guide");
  await expect(sidebar.getByRole("link", { name: "申请查询" })).toHaveAttribute("href", "/applications");
});

test("import: a file with mistakes imports nothing and lists each by row and column; the fixed file imports and its batch is reviewed and published", async ({
  page,
}) => {
  const stamp = Date.now();
  await logIn(page, "staff");
  await page.goto("/admin/decisions/import");
  const template = await page.request.get((await page.getByRole("link", { name: "行政许可模板（CSV）" }).getAttribute("href"))!);
  expect(template.status()).toBe(200);
  const header = (await template.text())
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)[0]
    .split(",");
  expect(header.slice(0, 7)).toEqual(["行政相对人名称", "相对人类别", "统一社会信用代码", "法定代表人", "证件类型", "证件号码", "决定书文号"]);
  // The national data items of a licence (issue 14, point 13) are columns of the template too.
  expect(header).toEqual(expect.arrayContaining(["行政许可决定文书名称", "许可证书名称", "许可内容"]));

  const row = (index: number, overrides: Record<string, string> = {}) => {
    const values: Record<string, string> = {
      行政相对人名称: `绥芬河市端到端测试商贸有限公司${index}`,
      相对人类别: "法人及非法人组织",
      统一社会信用代码: creditCode(`91231081MA${String(stamp + index).slice(-7)}`),
      法定代表人: "王立新",
      证件号码: "",
      决定书文号: `绥城管许字〔2026〕第E${stamp}-${index}号`,
      许可证书名称: "门头牌匾设置许可决定书",
      许可内容: "准予设置门头牌匾一块。",
      决定日期: "2026-03-02",
      有效期自: "2026-03-02",
      有效期至: "2027-03-01",
      决定机关: agency,
      决定机关统一社会信用代码: authorityCode,
      数据来源单位: agency,
      备注: "",
      ...overrides,
    };
    return header.map((column) => values[column] ?? "").join(",");
  };
  // UTF-8 as our template is saved, or GB18030 as Excel on Chinese Windows saves "CSV (逗号分隔)".
  const upload = async (lines: string[], encoding: "utf8" | "gb18030" = "utf8") => {
    await page.getByLabel("类别").selectOption({ label: "行政许可" });
    const text = [header.join(","), ...lines].join("\r\n");
    await page
      .getByLabel("文件（.xlsx，或 UTF-8、GB18030 编码的 .csv）")
      .setInputFiles({ name: "许可台账.csv", mimeType: "text/csv", buffer: encoding === "utf8" ? Buffer.from(text, "utf8") : iconv.encode(text, "gb18030") });
    await page.getByRole("button", { name: "检查并导入" }).click();
  };
  await upload([
    row(1),
    row(2, { 统一社会信用代码: wrongCheck(creditCode(`91231081MA${String(stamp + 2).slice(-7)}`)) }),
    row(3, { 有效期至: "2026-03-01" }),
    row(4, { 相对人类别: "外商" }),
  ]);
  const problems = page.getByTestId("import-problems");
  await expect(page.getByTestId("form-error")).toContainText("文件中有 3 处问题，没有导入任何数据");
  await expect(problems).toContainText("文件中的问题（共 3 处）");
  await expect(problems.locator("tbody tr")).toHaveCount(3);
  await expect(problems.locator("tbody tr").nth(0)).toContainText("3统一社会信用代码统一社会信用代码校验位错误");
  await expect(problems.locator("tbody tr").nth(1)).toContainText("4有效期至有效期至不能早于有效期自");
  await expect(problems.locator("tbody tr").nth(2)).toContainText("5相对人类别未知的相对人类别");
  await expectAccessible(page);

  await upload([row(1), row(2)], "gb18030");
  await expect(page.getByTestId("form-success")).toContainText("已导入 2 条决定");
  await page.getByTestId("form-success").getByRole("link").click();
  await expect(page.getByTestId("batch-states")).toContainText("草稿：2");
  await takeAction(page, "提交审核");
  await expect(page.getByTestId("form-success")).toContainText("已处理 2 条决定");
  const batchUrl = page.url().split("?")[0];

  // The same through the JSON API, with an .xlsx built from the downloaded template.
  const xlsxTemplate = await page.request.get("/api/v1/admin/decisions/template?kind=license&format=xlsx");
  expect(xlsxTemplate.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await xlsxTemplate.body()) as never);
  const sheet = workbook.worksheets[0];
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(header);
  const xlsxRow = (index: number, overrides: Record<string, string> = {}) => row(index, overrides).split(",");
  sheet.addRow(xlsxRow(5));
  sheet.addRow(xlsxRow(6, { 行政相对人名称: "" }));
  const post = (bytes: Buffer) =>
    page.request.post("/api/v1/admin/decisions/import?kind=license", {
      headers: { Origin: new URL(page.url()).origin },
      multipart: { file: { name: "台账.xlsx", mimeType: "application/octet-stream", buffer: bytes } },
    });
  const refused = await post(Buffer.from(await workbook.xlsx.writeBuffer()));
  expect(refused.status()).toBe(422);
  expect((await refused.json()).errors).toEqual([{ row: 3, column: "行政相对人名称", message: "请填写行政相对人名称。" }]);
  sheet.spliceRows(3, 1);
  const accepted = await post(Buffer.from(await workbook.xlsx.writeBuffer()));
  expect(accepted.status()).toBe(200);
  expect((await accepted.json()).imported).toBe(1);
  await logOut(page);

  await logIn(page, "head");
  await page.goto(batchUrl);
  await takeAction(page, "审核通过");
  await logOut(page);
  const before = await page.request.get(`/api/v1/decisions?q=${encodeURIComponent(`E${stamp}`)}`);
  expect((await before.json()).total).toBe(0);

  await logIn(page, "leader");
  await page.goto(batchUrl);
  await takeAction(page, "审核通过");
  await expect(page.getByTestId("batch-states")).toContainText("已发布：2");
  const after = await page.request.get(`/api/v1/decisions?kind=license&q=${encodeURIComponent(`E${stamp}`)}`);
  expect((await after.json()).total).toBe(2);
});

test("a penalty on a natural person: the ID number is checked in the form, reviewed, and shown to the public only masked", async ({ page }) => {
  const stamp = Date.now();
  const person = idNumber("23108119850315123");
  const documentNumber = `绥城管罚字〔2026〕第E${stamp}号`;
  await logIn(page, "staff");
  await page.goto("/admin/decisions/new?kind=penalty");
  await page.getByLabel("行政相对人名称").fill("赵六");
  await page.getByLabel("相对人类别").selectOption({ label: "自然人" });
  await page.getByLabel("证件号码").fill(wrongCheck(person));
  await page.getByLabel("决定书文号").fill(documentNumber);
  await page.getByLabel("违法行为类型").fill("擅自占用城市道路");
  await page.getByLabel("违法事实").fill("未经批准在通天路占道经营。");
  await page.getByLabel("处罚依据").fill("《城市道路管理条例》第四十二条");
  await page.getByLabel("罚款", { exact: true }).check();
  await page.getByLabel("处罚内容").fill("罚款200元。");
  await page.getByRole("button", { name: "新建决定" }).click();
  await expect(page.getByTestId("error-idNumber")).toContainText("不是有效的 18 位居民身份证号码");
  await expect(page.getByTestId("error-penaltyAmount")).toContainText("请填写罚没金额");
  await page.getByLabel("证件号码").fill(person);
  await page.getByLabel("罚没金额（万元）").fill("0.02");
  await page.getByRole("button", { name: "新建决定" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`行政处罚决定：${documentNumber}`);
  await expect(page.getByTestId("decision-fields")).toContainText(person);
  await expect(page.getByTestId("decision-due")).not.toBeEmpty();
  await expectAccessible(page);
  await takeAction(page, "提交审核");
  const url = page.url().split("?")[0];
  await logOut(page);

  await logIn(page, "head");
  await page.goto(url);
  await takeAction(page, "审核通过");
  await logOut(page);
  await logIn(page, "leader");
  await page.goto(url);
  await takeAction(page, "审核通过");
  await expect(page.getByTestId("item-state")).toHaveText("已发布");
  await expect(page.getByTestId("decision-due")).toContainText("按时公示");

  await page.goto(`/decisions?q=${encodeURIComponent(documentNumber)}`);
  await page.getByTestId("decision-row").getByRole("link").click();
  await expect(page.getByTestId("decision-fields")).toContainText(`${person.slice(0, 4)}**********${person.slice(-4)}`);
  await expect(page.locator("body")).not.toContainText(person);
  const api = await page.request.get(`/api/v1/decisions?q=${encodeURIComponent(documentNumber)}`);
  expect(JSON.stringify(await api.json())).not.toContain(person);
});

test("a new power goes through review; the leader publishes the year's list; fee income is entered for the report", async ({ page }) => {
  const stamp = Date.now();
  const code = `E2E-${stamp}`;
  await logIn(page, "staff");
  await page.goto("/admin/powers/new");
  await page.getByRole("button", { name: "新建事项" }).click();
  await expect(page.getByTestId("error-code")).toHaveText("请填写事项编码。");
  await page.getByLabel("事项编码").fill(code);
  await page.getByLabel("事项名称").fill("对城市照明设施的检查");
  await page.getByLabel("职权类别").selectOption({ label: "行政检查" });
  await page.getByLabel("设定依据").fill("《城市照明管理规定》第二十九条");
  await page.getByLabel("责任科室").selectOption({ label: "综合执法大队" });
  await page.getByLabel("责任事项").fill("制定检查计划并实施检查。");
  await page.getByLabel("追责情形").fill("未按规定实施检查的。");
  await page.getByLabel("生效日期").fill("2026-01-01");
  await page.getByRole("button", { name: "新建事项" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("对城市照明设施的检查");
  await takeAction(page, "提交审核");
  const url = page.url().split("?")[0];

  await page.goto("/admin/decisions/fee-income");
  await page.getByRole("spinbutton", { name: "年度" }).fill("2017");
  await page.getByLabel("收费金额（万元）").fill("3.5");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("form-success")).toContainText("已保存2017年度的收费金额");
  await expect(page.getByTestId("fee-income")).toContainText("3.5");
  await logOut(page);

  await logIn(page, "head");
  await page.goto(url);
  await takeAction(page, "审核通过");
  await page.goto("/admin/powers/versions");
  await expect(page.getByText("只有主管领导可以发布年度清单。")).toBeVisible();
  await logOut(page);

  await logIn(page, "leader");
  await page.goto(url);
  await takeAction(page, "审核通过");
  await page.goto(`/powers?q=${code}`);
  await expect(page.getByTestId("power-row")).toContainText("对城市照明设施的检查");
  await page.goto("/admin/powers/versions");
  const year = e2eYear;
  await page.getByRole("spinbutton", { name: "年度" }).fill(String(year));
  await page.getByRole("button", { name: "发布年度清单" }).click();
  await expect(page.getByTestId("form-success")).toContainText(`已发布${year}年度权责清单`);
  await page.getByRole("button", { name: "发布年度清单" }).click();
  await expect(page.getByTestId("form-error")).toContainText("已发布，不能再次发布");
  await page.goto(`/powers?year=${year}&q=${code}`);
  await expect(page.getByTestId("power-row")).toHaveCount(1);
});
