/**
 * `npm run docs:security`: writes the generated parts of docs/security.md — the authorization
 * matrix and the fuzz run's plan — from the declarations the tests walk
 * (tests/security/render-security-doc.ts). tests/unit/security-doc.test.ts fails while they differ.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { renderGeneratedParts } from "../tests/security/render-security-doc";

const file = path.join(process.cwd(), "docs", "security.md");
const before = readFileSync(file, "utf8");
const after = renderGeneratedParts(before);
if (after === before) {
  console.log("docs/security.md is up to date.");
} else {
  writeFileSync(file, after);
  console.log("docs/security.md updated.");
}
