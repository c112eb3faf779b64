import { expect, test, type Page } from "@playwright/test";
import { logIn } from "./support/session";

async function tokenFor(page: Page, username: string): Promise<string> {
  await logIn(page, username);
  await page.goto("/admin/account");
  const form = page.getByRole("form", { name: "生成令牌" });
  await form.getByLabel("权限").selectOption({ label: "读写" });
  await form.getByLabel("令牌名称").fill("items api");
  await form.getByRole("button", { name: "生成令牌" }).click();
  return (await page.getByTestId("form-secret").textContent())!.trim();
}

test("items API: create, patch with version, transitions with 403/409/422, public reads", async ({ browser, request }) => {
  const staffPage = await (await browser.newContext()).newPage();
  const staff = { Authorization: `Bearer ${await tokenFor(staffPage, "staff")}` };
  const headPage = await (await browser.newContext()).newPage();
  const head = { Authorization: `Bearer ${await tokenFor(headPage, "head")}` };
  const leaderPage = await (await browser.newContext()).newPage();
  const leader = { Authorization: `Bearer ${await tokenFor(leaderPage, "leader")}` };

  const categories = await (await request.get("/api/v1/categories")).json();
  const statutory = categories.categories.find((node: { slug: string }) => node.slug === "statutory");
  const plans = statutory.children.find((node: { slug: string }) => node.slug === "plans");
  expect(plans.name).toBe("规划计划");

  const invalid = await request.post("/api/v1/admin/items", { headers: staff, data: { title: "" } });
  expect(invalid.status()).toBe(422);
  expect(Object.keys((await invalid.json()).error.fields)).toEqual(expect.arrayContaining(["title", "body", "categoryId"]));

  const created = await request.post("/api/v1/admin/items", {
    headers: staff,
    data: {
      title: "2027年城市管理工作计划",
      body: "<p>计划如下。</p>",
      categoryId: plans.id,
      documentNumber: "绥城管发〔2026〕20号",
      writtenAt: "2026-11-20",
      formedAt: "2026-11-20",
      channels: ["website", "new_media"],
    },
  });
  expect(created.status()).toBe(201);
  const item = (await created.json()).item;
  expect(item).toMatchObject({ state: "draft", version: 1 });
  expect(typeof item.id).toBe("number");

  const patched = await request.patch(`/api/v1/admin/items/${item.id}`, { headers: staff, data: { title: "2027年城市管理工作计划（草案）", version: 1 } });
  expect(patched.status()).toBe(200);
  expect((await patched.json()).item).toMatchObject({ version: 2, latest: { title: "2027年城市管理工作计划（草案）" } });
  const stalePatch = await request.patch(`/api/v1/admin/items/${item.id}`, { headers: staff, data: { title: "旧版本上的修改", version: 1 } });
  expect(stalePatch.status()).toBe(409);

  const transition = (headers: Record<string, string>, data: object) => request.post(`/api/v1/admin/items/${item.id}/transitions`, { headers, data });
  expect((await transition(staff, { action: "approve" })).status()).toBe(409);
  const submitted = await transition(staff, { action: "submit", version: 2 });
  expect(submitted.status()).toBe(200);
  expect((await submitted.json()).state).toBe("section_review");
  expect((await transition(staff, { action: "approve" })).status()).toBe(403);
  expect((await transition(head, { action: "approve", version: 2 })).status()).toBe(409);
  const missingComment = await transition(head, { action: "return" });
  expect(missingComment.status()).toBe(422);
  expect((await missingComment.json()).error.fields.comment).toBeTruthy();
  expect((await (await transition(head, { action: "approve" })).json()).state).toBe("leader_review");

  expect((await request.get(`/api/v1/items/${item.id}`)).status()).toBe(404);
  const approved = await transition(leader, { action: "approve" });
  expect((await approved.json()).state).toBe("published");

  const published = await request.get(`/api/v1/items/${item.id}`);
  expect(published.status()).toBe(200);
  expect((await published.json()).item).toMatchObject({
    title: "2027年城市管理工作计划（草案）",
    documentNumber: "绥城管发〔2026〕20号",
    writtenAt: "2026-11-20",
    channels: ["website", "new_media"],
    category: { slug: "plans" },
  });
  const list = await (await request.get("/api/v1/items?category=plans&year=2026")).json();
  expect(list.items.map((entry: { id: number }) => entry.id)).toContain(item.id);
  expect((await request.get("/api/v1/items?category=no-such-category")).status()).toBe(404);
});
