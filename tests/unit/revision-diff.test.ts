import assert from "node:assert/strict";
import { test } from "node:test";
import type { RevisionContentView } from "@/lib/items/console-items";
import { diffRevisions } from "@/lib/items/revision-diff";

const base: RevisionContentView = {
  number: 1,
  title: "户外广告设置管理办法",
  body: "",
  bodyText: "第一条 为加强管理，制定本办法。\n第二条 设置户外广告应当申请审批。",
  categoryId: 1,
  categoryName: "行政规范性文件",
  issuingSectionId: null,
  externalIssuingBody: null,
  issuingBody: "本局",
  documentNumber: "绥城管规〔2017〕1号",
  writtenAt: "2017-03-08",
  formedAt: "2017-03-08",
  validity: "in_force",
  validityDate: null,
  replacedByItemId: null,
  interpretedItemId: null,
  channels: ["website"],
  keywords: [],
  attachments: [],
  createdBy: "刘思源",
  createdAt: new Date("2026-12-02T02:00:00Z"),
};

test("changed metadata fields are listed with both values; unchanged ones are not", () => {
  const after = { ...base, number: 2, validity: "repealed" as const, validityDate: "2026-11-01", channels: ["website", "legal_platform"] };
  const diff = diffRevisions(base, after);
  assert.deepEqual(
    diff.fields.map((change) => [change.field, change.before, change.after]),
    [
      ["validity", "in_force", "repealed"],
      ["validityDate", "", "2026-11-01"],
      ["channels", "website", "website、legal_platform"],
    ],
  );
});

test("a changed line of Chinese text is diffed by character, untouched lines stay whole", () => {
  const after = { ...base, bodyText: "第一条 为加强管理，制定本办法。\n第二条 设置大型户外广告应当申请审批。" };
  const diff = diffRevisions(base, after);
  assert.deepEqual(
    diff.body.filter((part) => part.added).map((part) => part.value),
    ["大型"],
  );
  assert.equal(diff.body.filter((part) => part.removed).length, 0);
  assert.ok(diff.body.some((part) => !part.added && !part.removed && part.value.includes("第一条 为加强管理")));
});

test("the title is diffed by character and attachments by name", () => {
  const after = {
    ...base,
    title: "户外广告设施设置管理办法",
    attachments: [{ fileId: 1, attachmentId: 1, name: "附件1.pdf", sizeBytes: 10, mimeType: "application/pdf" }],
  };
  const diff = diffRevisions(base, after);
  assert.equal(
    diff.title
      .filter((part) => !part.removed)
      .map((part) => part.value)
      .join(""),
    "户外广告设施设置管理办法",
  );
  assert.equal(
    diff.title
      .filter((part) => !part.added)
      .map((part) => part.value)
      .join(""),
    "户外广告设置管理办法",
  );
  assert.equal(
    diff.title
      .filter((part) => part.added)
      .map((part) => part.value)
      .join("").length,
    2,
    "only the two inserted characters are marked",
  );
  assert.deepEqual(
    diff.fields.find((change) => change.field === "attachments"),
    { field: "attachments", before: "", after: "附件1.pdf" },
  );
});
