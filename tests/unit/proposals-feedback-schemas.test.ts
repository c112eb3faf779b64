import assert from "node:assert/strict";
import { test } from "node:test";
import { feedbackLimits, feedbackSubmissionSchema } from "@/lib/feedback/feedback-schemas";

test("a message needs a topic and content; name and contact are optional", () => {
  const parsed = feedbackSubmissionSchema.parse({ topic: " 路灯不亮 ", content: "阜宁路北段路灯不亮。", name: "", contact: "  " });
  assert.deepEqual(parsed, { topic: "路灯不亮", content: "阜宁路北段路灯不亮。", name: null, contact: null, mayPublish: false });
  const missing = feedbackSubmissionSchema.safeParse({ topic: "", content: "   " });
  assert.equal(missing.success, false);
  assert.deepEqual(missing.error!.issues.map((issue) => issue.path[0]).sort(), ["content", "topic"]);
});

test("length limits hold for every field", () => {
  const tooLong = feedbackSubmissionSchema.safeParse({
    topic: "题".repeat(feedbackLimits.topic + 1),
    content: "字".repeat(feedbackLimits.content + 1),
    name: "名".repeat(feedbackLimits.name + 1),
    contact: "1".repeat(feedbackLimits.contact + 1),
  });
  assert.equal(tooLong.success, false);
  assert.deepEqual(tooLong.error!.issues.map((issue) => issue.path[0]).sort(), ["contact", "content", "name", "topic"]);
  assert.equal(feedbackSubmissionSchema.safeParse({ topic: "题", content: "字".repeat(feedbackLimits.content) }).success, true);
});

test("control characters are dropped, line breaks kept; markup is kept as typed (it is shown as text)", () => {
  const parsed = feedbackSubmissionSchema.parse({ topic: "a\u0000b", content: "第一行\n第二行\u0007<script>alert(1)</script>" });
  assert.equal(parsed.topic, "ab");
  assert.equal(parsed.content, "第一行\n第二行<script>alert(1)</script>");
});

test("the publication consent comes from a checkbox or a JSON boolean", () => {
  assert.equal(feedbackSubmissionSchema.parse({ topic: "t", content: "c", mayPublish: "on" }).mayPublish, true);
  assert.equal(feedbackSubmissionSchema.parse({ topic: "t", content: "c", mayPublish: true }).mayPublish, true);
  assert.equal(feedbackSubmissionSchema.parse({ topic: "t", content: "c", mayPublish: "false" }).mayPublish, false);
});
