import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { MATRIX_END, MATRIX_START, readFuzzFigures, renderGeneratedParts, renderMatrix, textBetween, writeFuzzFigures } from "../security/render-security-doc";

const document = readFileSync(path.join(process.cwd(), "docs", "security.md"), "utf8");
const FAULTS_START = "<!-- faults:start -->";
const FAULTS_END = "<!-- faults:end -->";

describe("docs/security.md", () => {
  test("shows the authorization matrix the integration test walks (npm run docs:security regenerates it)", () => {
    assert.equal(textBetween(document, MATRIX_START, MATRIX_END), renderMatrix());
  });

  test("every generated part is current", () => {
    assert.equal(renderGeneratedParts(document), document, "run npm run docs:security");
  });

  test("states the fuzz run's figures: calls sent, none answered ≥ 500, no refused call changed a row", () => {
    // tests/integration/fuzz-handlers.test.ts fails when its run measures other figures than these.
    const figures = readFuzzFigures(document);
    assert.ok(figures, "the fuzz run's line is missing or malformed");
    assert.ok(figures.sent > 0 && figures.routes > 0 && figures.actions > 0, "the fuzz run's figures are not measured yet");
    assert.equal(figures.serverErrors, 0, "the page may not state answers ≥ 500: fix them in the product");
    assert.equal(figures.refusedChanged, 0);
  });

  test("keeps the fault tests section, whatever is written in it, when the generated parts are rendered", () => {
    const from = document.indexOf(FAULTS_START);
    const to = document.indexOf(FAULTS_END);
    assert.ok(from >= 0 && from < to, "the markers of the fault tests section are missing");
    const written = `${document.slice(0, from + FAULTS_START.length)}\n| fault | answer |\n|---|---|\n| the database stops | 503 |\n${document.slice(to)}`;
    const rendered = writeFuzzFigures(renderGeneratedParts(written), { sent: 1, routes: 1, actions: 1, serverErrors: 0, refusedChanged: 0 });
    assert.equal(textBetween(rendered, FAULTS_START, FAULTS_END), "| fault | answer |\n|---|---|\n| the database stops | 503 |");
  });
});
