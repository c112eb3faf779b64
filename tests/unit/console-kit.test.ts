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
