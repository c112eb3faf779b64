import assert from "node:assert/strict";
import { test } from "node:test";
import { isReplyPublic, publicReplyContent, type ReplyDisclosureSubject } from "@/lib/proposals/reply-disclosure";

const issued: ReplyDisclosureSubject<string> = {
  state: "published",
  disclosure: "full",
  body: "全文：已增设公厕三座。",
  summary: "摘要：已增设公厕。",
  withdrawnAt: null,
  attachments: ["答复函.pdf"],
};

test("全文公开 shows the whole text and the attachments", () => {
  assert.deepEqual(publicReplyContent(issued), { mode: "full", text: "全文：已增设公厕三座。", attachments: ["答复函.pdf"] });
});

test("摘要公开 shows only the summary: neither the text nor the attachments", () => {
  const content = publicReplyContent({ ...issued, disclosure: "summary" });
  assert.deepEqual(content, { mode: "summary", text: "摘要：已增设公厕。", attachments: [] });
});

test("不公开 shows nothing at all", () => {
  assert.equal(publicReplyContent({ ...issued, disclosure: "none" }), null);
  assert.equal(isReplyPublic({ ...issued, disclosure: "none" }), false);
});

test("a reply not yet issued by the leader, or withdrawn, is not public whatever its disclosure", () => {
  for (const state of ["draft", "section_review", "leader_review", "withdrawn"] as const) {
    assert.equal(publicReplyContent({ ...issued, state }), null, state);
  }
  assert.equal(publicReplyContent({ ...issued, withdrawnAt: new Date() }), null);
});
