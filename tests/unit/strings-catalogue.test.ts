/**
 * Every user-facing string lives in the catalogue (lib/i18n), reached through `messages`. This test
 * reads every .ts/.tsx file of lib/, app/ and components/ (comments aside) and fails on a string literal,
 * template text or JSX text holding a Chinese character outside lib/i18n, unless the file is
 * listed below as data.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import ts from "typescript";

/** Han ideographs; punctuation alone (a "；" joining two catalogue strings) is not a string to translate. */
const HAN = /[\u3400-\u9fff\uf900-\ufaff]|[\u{20000}-\u{2ffff}]/u;

/**
 * Files whose Chinese is data, not interface text: the law's wording, national formats, default or
 * demo content stored into the database. A translation would not change them.
 */
const DATA: Record<string, string> = {
  "lib/agency/agency-import-spellings.ts": "how people write agency kinds and columns in an import file, recognised on import, and the template's example rows",
  "lib/agency/record-number-formats.ts": "the national formats of 网站标识码, ICP备案号 and 公安机关备案号",
  "lib/applications/outcomes.ts": "the legal basis of each reply outcome (articles of 政府信息公开条例) and the format's row numbering",
  "lib/catalogue/default-catalogue.ts": "the default disclosure catalogue (公开目录) seeded into the database, edited by the agency",
  "lib/decisions/decision-fields.ts": "other spellings of the national 双公示 column headers, recognised on import, and the standard's category names",
  "lib/proposals/proposal-import-spellings.ts": "how the assignment lists of congresses and CPPCC committees spell columns and kinds, recognised on import",
  "lib/reply-letters/default-templates.ts": "the default reply letters stored per agency and edited there",
  "lib/reports/report-format.ts": "the annual report's official wording (国办公开办函〔2021〕30号)",
  "lib/users/demo-accounts.ts": "demo content: the demo agency's accounts",
};

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name);
    if (statSync(full).isDirectory()) return name === "generated" || name === "node_modules" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full.split(path.sep).join("/")] : [];
  });
}

/** The Chinese literals of a file: `line: text`. */
function chineseLiterals(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, "utf8"),
    ts.ScriptTarget.Latest,
    true,
    file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isJsxText(node)
    ) {
      if (HAN.test(node.text)) found.push(`${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.text.trim().slice(0, 40)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const files = [...sourceFiles("lib"), ...sourceFiles("app"), ...sourceFiles("components")].filter((file) => !file.startsWith("lib/i18n/"));
const withChinese = new Map(files.map((file) => [file, chineseLiterals(file)] as const).filter(([, literals]) => literals.length > 0));

test("no Chinese string literal in lib/, app/ or components/ outside the catalogue and the data files", () => {
  assert.ok(files.length > 200, "the sources were found");
  const offending = [...withChinese].filter(([file]) => !(file in DATA)).map(([file, literals]) => `${file}\n    ${literals.slice(0, 5).join("\n    ")}`);
  assert.deepEqual(offending, [], "move these strings into lib/i18n and reach them through messages from @/lib/i18n");
});

test("the data list names only files that still hold Chinese literals", () => {
  for (const file of Object.keys(DATA)) assert.ok(withChinese.has(file), `${file} has no Chinese literal left: remove it from the list`);
});

test("the scanner sees string literals, template text and JSX text, and not comments", () => {
  const probe = ts.createSourceFile(
    "probe.tsx",
    'const a = "公开"; const b = `第${1}条`; const c = <p>申请</p>; // 注释\n/* 说明 */',
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const texts: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isStringLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateTail(node) || ts.isJsxText(node)) && HAN.test(node.text)) texts.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(probe);
  assert.deepEqual(texts, ["公开", "第", "条", "申请"]);
  assert.equal(HAN.test("（）；：。"), false, "punctuation alone is not a string to translate");
});
