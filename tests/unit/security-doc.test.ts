import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { MATRIX_END, MATRIX_START, renderGeneratedParts, renderMatrix, textBetween } from "../security/render-security-doc";

const document = readFileSync(path.join(process.cwd(), "docs", "security.md"), "utf8");

describe("docs/security.md", () => {
  test("shows the authorization matrix the integration test walks (npm run docs:security regenerates it)", () => {
    assert.equal(textBetween(document, MATRIX_START, MATRIX_END), renderMatrix());
  });

  test("every generated part is current", () => {
    assert.equal(renderGeneratedParts(document), document, "run npm run docs:security");
  });

  test("keeps the markers of the fault tests section", () => {
    assert.ok(document.indexOf("<!-- faults:start -->") < document.indexOf("<!-- faults:end -->"));
  });
});
