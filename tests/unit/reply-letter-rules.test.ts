import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { decisionSchema } from "../../lib/applications/application-schemas";
import { defaultReplyTemplate, describeAppealRights, fillReplyTemplate, type ReplyContext } from "../../lib/reply-letters/default-templates";

const context: ReplyContext = {
  applicantName: "王五",
  number: "YSQ-2026-0001",
  receivedOn: "2026-11-02",
  description: "2026年占道经营处罚决定",
  agencyName: "绥芬河市城市管理和综合行政执法局",
  note: null,
  legalBasis: "《中华人民共和国政府信息公开条例》第三十六条",
  reconsiderationOrgan: "绥芬河市人民政府",
  litigationCourt: "绥芬河市人民法院",
};

const letter = (outcome: Parameters<typeof defaultReplyTemplate>[0], extra: Partial<ReplyContext> = {}) =>
  fillReplyTemplate(defaultReplyTemplate(outcome).body, { ...context, ...extra });

describe("reply letters (Art. 36)", () => {
  test("Art. 36(5): 本机关不掌握 names the responsible agency and its contact, and the reason given", () => {
    const body = letter("unable_not_held", {
      otherAgency: "绥芬河市自然资源局",
      otherAgencyContact: "0453-3921000",
      note: "该规划许可由自然资源部门作出并保存。",
    });
    assert.match(body, /不属于本机关负责公开，负责公开该政府信息的行政机关为绥芬河市自然资源局，联系方式：0453-3921000/);
    assert.match(body, /该规划许可由自然资源部门作出并保存。/);
    // Unknown agency: no empty sentence about it.
    assert.doesNotMatch(letter("unable_not_held"), /负责公开该政府信息的行政机关/);
  });

  test("Art. 36(5): naming another agency requires the reason; the agency fields only go with 本机关不掌握", () => {
    const without = decisionSchema.safeParse({ outcome: "unable_not_held", decidedOn: "2026-12-02", otherAgency: "市自然资源局" });
    assert.equal(without.success, false);
    assert.deepEqual(
      without.error!.issues.map((issue) => issue.path.join(".")),
      ["note"],
    );
    const wrongOutcome = decisionSchema.safeParse({ outcome: "disclose", decidedOn: "2026-12-02", otherAgency: "市自然资源局" });
    assert.deepEqual(
      wrongOutcome.error!.issues.map((issue) => issue.path.join(".")),
      ["otherAgency"],
    );
    const route = decisionSchema.safeParse({ outcome: "partial", decidedOn: "2026-12-02", accessRoute: "本局网站" });
    assert.deepEqual(
      route.error!.issues.map((issue) => issue.path.join(".")),
      ["accessRoute"],
    );
  });

  test("Art. 36(1): information already public: the letter says how and where to get it instead of enclosing it", () => {
    const body = letter("disclose", { accessRoute: "本局门户网站“政府信息公开—法定主动公开内容—行政处罚”栏目。" });
    assert.match(body, /已经主动公开，您可以通过以下方式和途径获取：本局门户网站“政府信息公开—法定主动公开内容—行政处罚”栏目。/);
    assert.doesNotMatch(body, /见附件/);
    assert.match(letter("disclose"), /见附件/);
  });

  test("Art. 51 / 行政复议法, 行政诉讼法: every letter names the reconsideration organ (60 days) and the court (6 months) from the settings", () => {
    for (const outcome of ["disclose", "refuse_state_secret", "unable_not_held", "other_no_fee"] as const) {
      assert.match(letter(outcome), /六十日内向绥芬河市人民政府申请行政复议，或者自收到本答复书之日起六个月内向绥芬河市人民法院提起行政诉讼。$/);
    }
    // A template an administrator saved earlier, with the generic sentence or with none, still names them.
    const saved =
      "{{申请人}}：\n予以公开。\n如对本答复不服，可以自收到本答复书之日起六十日内依法申请行政复议，或者自收到本答复书之日起六个月内依法向人民法院提起行政诉讼。";
    assert.match(fillReplyTemplate(saved, context), /向绥芬河市人民政府申请行政复议/);
    assert.match(fillReplyTemplate("{{申请人}}：\n予以公开。", context), /向绥芬河市人民法院提起行政诉讼。$/);
    assert.equal(fillReplyTemplate("政府信息公开申请答复书", context, "title"), "政府信息公开申请答复书");
    assert.match(describeAppealRights(null, null), /六十日内依法申请行政复议.*六个月内依法向人民法院提起行政诉讼/);
  });
});
