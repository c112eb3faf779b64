import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { hrefWith, pageCount, pageHref, queryOf, readSort, sortHref, sortRows } from "@/components/console/table-links";

test("a sortable header flips the sorted column, starts another ascending, keeps the filters and goes back to page 1", () => {
  const query = { state: "draft", page: "3", sort: "name", dir: "asc" };
  assert.equal(sortHref("/admin/users", query, "name", { key: "name", direction: "asc" }), "/admin/users?state=draft&sort=name&dir=desc");
  assert.equal(sortHref("/admin/users", query, "name", { key: "name", direction: "desc" }), "/admin/users?state=draft&sort=name&dir=asc");
  assert.equal(sortHref("/admin/users", query, "role", { key: "name", direction: "desc" }), "/admin/users?state=draft&sort=role&dir=asc");
});

test("only a sortable column is read from the URL; anything else falls back", () => {
  assert.deepEqual(readSort({ sort: "name", dir: "desc" }, ["name"]), { key: "name", direction: "desc" });
  assert.deepEqual(readSort({ sort: "name", dir: "sideways" }, ["name"]), { key: "name", direction: "asc" });
  assert.equal(readSort({ sort: "passwordHash" }, ["name"]), null);
  assert.deepEqual(readSort({}, ["name"], { key: "name", direction: "asc" }), { key: "name", direction: "asc" });
});

test("paging links keep the filters and the sort; page 1 has no page parameter; empty values are left out", () => {
  const query = { q: "公开", sort: "name", dir: "desc", empty: "" };
  assert.equal(pageHref("/admin/items", query, 2), `/admin/items?q=${encodeURIComponent("公开")}&sort=name&dir=desc&page=2`);
  assert.equal(pageHref("/admin/items", { ...query, page: "2" }, 1), `/admin/items?q=${encodeURIComponent("公开")}&sort=name&dir=desc`);
  assert.equal(hrefWith("/admin/items", {}), "/admin/items");
  assert.equal(pageCount(0, 20), 1);
  assert.equal(pageCount(41, 20), 3);
  assert.deepEqual(queryOf({ a: ["1", "2"], b: "x", c: undefined }), { a: "1", b: "x", c: undefined });
});

test("rows sort by number, by pinyin for Chinese text, empty values last in both directions, stably", () => {
  const rows = [
    { name: "张三", size: 10 },
    { name: "", size: 2 },
    { name: "李四", size: 2 },
    { name: "阿明", size: null },
  ];
  const byName = (row: (typeof rows)[number]) => row.name;
  const bySize = (row: (typeof rows)[number]) => row.size;
  assert.deepEqual(sortRows(rows, { key: "name", direction: "asc" }, byName).map(byName), ["阿明", "李四", "张三", ""]);
  assert.deepEqual(sortRows(rows, { key: "name", direction: "desc" }, byName).map(byName), ["张三", "李四", "阿明", ""]);
  assert.deepEqual(sortRows(rows, { key: "size", direction: "asc" }, bySize).map(byName), ["", "李四", "张三", "阿明"]);
  assert.deepEqual(sortRows(rows, null, bySize), rows);
});

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(path) ? [path] : [];
  });
}

const consoleSources = [
  ...sourceFiles("app/admin"),
  ...sourceFiles("components/console"),
  ...sourceFiles("components/forms"),
  ...sourceFiles("app/(public)/apply"),
];

test("the console and the application form use the kit's fields and class strings instead of their own copies", () => {
  const copies = consoleSources
    .filter((path) => path !== join("components/forms/styles.ts") && path !== join("components/forms/field.tsx"))
    .filter((path) => /const inputClass\s*=|function (TextAreaField|FieldErrors|TextField|SelectField)\b|useActionState\(/.test(readFileSync(path, "utf8")))
    .filter((path) => path !== join("components/forms/action-form.tsx"));
  assert.deepEqual(copies, []);
});

test("no Chinese text is written into the markup of the console's or the application form's code (comments aside): it comes from lib/i18n", () => {
  const offending = consoleSources.filter((path) => {
    const code = readFileSync(path, "utf8")
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/(^|[^:"'`])\/\/.*$/gm, "$1")
      .replace(/\{\s*\}/g, "");
    return /[\u4e00-\u9fff]/.test(code);
  });
  // What the pages and components render; server actions and route handlers (documents, templates) aside.
  assert.deepEqual(
    offending.filter((path) => path.endsWith(".tsx")),
    [],
  );
});

test("a reviewer who may approve and return gets one review box; other steps keep their own forms", async () => {
  const { boxesOf } = await import("@/components/console/review-steps");
  const step = (action: string) => ({ action, label: action, comment: action === "submit" ? null : { label: action } });
  assert.deepEqual(
    boxesOf([step("approve"), step("return"), step("withdraw")]).map((box) =>
      box.kind === "review" ? `${box.approve.action}+${box.ret.action}` : box.step.action,
    ),
    ["approve+return", "withdraw"],
  );
  assert.deepEqual(
    boxesOf([step("submit")]).map((box) => box.kind),
    ["single"],
  );
  // A return whose comment goes to another field cannot share the box.
  const apart = boxesOf([step("approve"), { ...step("return"), comment: { label: "r", name: "reason" } }]);
  assert.deepEqual(
    apart.map((box) => box.kind),
    ["single", "single"],
  );
});

test("a `?done=` notice comes only from the page's own table; a review step's notice says who acts next", async () => {
  const { noticeOf } = await import("@/components/console/notice");
  const { transitionNotice } = await import("@/components/console/review-notices");
  const table = { saved: "已保存。" };
  assert.equal(noticeOf(table, "saved"), "已保存。");
  for (const key of ["__proto__", "constructor", "toString", ["saved", "saved"], undefined]) assert.equal(noticeOf(table, key), null);
  assert.equal(transitionNotice({ done: "transition", step: "section_review" }, null), "已提交，等待科室负责人审核。");
  assert.equal(transitionNotice({ done: "transition", step: "draft" }, null), "已退回，等待起草人修改后重新提交审核。");
  assert.equal(transitionNotice({ done: "transition", step: "__proto__" }, null), "操作成功。");
  assert.equal(transitionNotice({ done: "saved" }, "已保存。"), "已保存。");
});
