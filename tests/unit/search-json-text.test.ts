import assert from "node:assert/strict";
import { test } from "node:test";
import { textsOfJson } from "@/lib/search/sources/json-text";

test("a service guide's form reads as 'Word 文档' in search text, never as its MIME type", () => {
  const guide = {
    name: "设置大型户外广告审批",
    fee: "不收费",
    forms: [
      {
        id: 1,
        title: "户外广告设置申请表",
        originalName: "户外广告设置申请表.docx",
        sizeBytes: 8123,
        mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      },
      { id: 2, title: "示意图", originalName: "示意图.png", sizeBytes: 100, mimeType: "image/png" },
    ],
  };
  const texts = textsOfJson(guide, new Set(["name"]));
  assert.deepEqual(texts, ["不收费", "户外广告设置申请表", "户外广告设置申请表.docx", "Word 文档", "示意图", "示意图.png", "图片"]);
  assert.ok(!texts.join(" ").includes("application/"));
});
