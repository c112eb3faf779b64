import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import { GET as getProposalsRoute } from "@/app/api/v1/proposals/route";
import { GET as getStatsRoute } from "@/app/api/v1/proposals/stats/route";
import { respondWithJson } from "@/lib/api/respond";
import type { ActingUser } from "@/lib/auth/acting-user";
import { todayInBeijing } from "@/lib/dates";
import { db } from "@/lib/db";
import { addCalendarDays } from "@/lib/deadlines/iso-date";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { ImportRejectedError } from "@/lib/imports";
import { findConsoleProposal, listConsoleProposals } from "@/lib/proposals/console-proposals";
import { buildProposalImportTemplate, importProposals } from "@/lib/proposals/import-proposals";
import {
  assignProposal,
  closeProposal,
  createProposal,
  recordProposerFeedback,
  reopenProposal,
  updateProposal,
  updateProposalSettings,
} from "@/lib/proposals/manage-proposals";
import { addCalendarMonths } from "@/lib/proposals/proposal-deadline";
import { saveProposalReply } from "@/lib/proposals/proposal-replies";
import { transitionProposalReply } from "@/lib/proposals/proposal-reply-review";
import {
  findDownloadableReplyAttachment,
  findPublicProposal,
  findPublishedProposalReplies,
  searchPublishedProposalReplies,
} from "@/lib/proposals/public-proposals";
import { proposalStatsForYear } from "@/lib/proposals/stats";
import { FindingsToAcknowledge } from "@/lib/screening/acknowledgements";
import { writeXlsx } from "@/lib/spreadsheets";
import { seedBaseData } from "@/prisma/seed/seed-base";
import { seedDemoData } from "@/prisma/seed/seed-demo";
import { seedDemoProposals } from "@/prisma/seed/seed-demo-proposals";
import { insertSection, insertUser } from "../support/fixtures";
import { assertImportRejected, gb18030Csv, respondToImport } from "../support/import-requests";
import { useMigratedTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
let leadSectionId: number;
let otherSectionId: number;
let staff: ActingUser;
let head: ActingUser;
let otherStaff: ActingUser;
let otherHead: ActingUser;
let leader: ActingUser;
let admin: ActingUser;

before(async () => {
  database = await useMigratedTestDatabase();
  await seedBaseData();
  leadSectionId = await insertSection("测试市容科");
  otherSectionId = await insertSection("测试执法队");
  staff = await insertUser("staff", { sectionId: leadSectionId });
  head = await insertUser("section_head", { sectionId: leadSectionId });
  otherStaff = await insertUser("staff", { sectionId: otherSectionId });
  otherHead = await insertUser("section_head", { sectionId: otherSectionId });
  leader = await insertUser("leader");
  admin = await insertUser("admin");
});
after(async () => {
  await database.drop();
});

const today = () => todayInBeijing();
let numberSequence = 0;

function proposalInput(overrides: Record<string, unknown> = {}) {
  return {
    year: 2019,
    session: "市第十六届人民代表大会第三次会议",
    number: `第${++numberSequence}号`,
    kind: "suggestion",
    title: `关于整治背街小巷环境的建议（${numberSequence}）`,
    proposers: "张立新、王春梅",
    receivedOn: "2019-03-01",
    ...overrides,
  };
}

async function versionOf(proposalId: number): Promise<number> {
  return (await db.proposal.findUniqueOrThrow({ where: { id: proposalId } })).version;
}

/** Drafts a reply in the lead section and takes it through section head and leader. */
async function issueReply(proposalId: number, reply: Record<string, unknown> = {}) {
  const saved = await saveProposalReply(staff, proposalId, { body: "答复全文：已增设公厕三座，并落实保洁责任。", disclosure: "full", ...reply });
  await transitionProposalReply(staff, saved.id, { action: "submit" });
  await transitionProposalReply(head, saved.id, { action: "approve" });
  await transitionProposalReply(leader, saved.id, { action: "approve" });
  return saved.id;
}

function rejectsWith(field: string) {
  return (error: unknown) => {
    assert.ok(error instanceof ValidationError, `expected a ValidationError, got ${String(error)}`);
    assert.ok(error.fields[field]?.length, `expected a problem with ${field}: ${JSON.stringify(error.fields)}`);
    return true;
  };
}

describe("registering and assigning", () => {
  test("with a lead section a proposal is 办理中 at once, due three months after assignment (moved off a weekend)", async () => {
    const created = await createProposal(
      head,
      proposalInput({ leadSectionId, assistingSectionIds: [otherSectionId], assignedOn: "2019-03-08", receivedOn: "2019-03-05" }),
    );
    assert.equal(created.status, "in_progress");
    // 2019-06-08 is a Saturday inside the Dragon Boat Festival holiday (06-07 to 06-09): due the next working day.
    assert.equal(addCalendarMonths("2019-03-08", 3), "2019-06-08");
    assert.equal(created.deadline, "2019-06-10");
    const detail = await findConsoleProposal(staff, created.id);
    assert.deepEqual(
      detail.assistingSections.map((section) => section.id),
      [otherSectionId],
    );
    assert.match(detail.deadlineNote ?? "", /期满日2019-06-08.*顺延至2019-06-10/);
    const audit = await db.auditEvent.findFirst({ where: { entityType: "Proposal", entityId: String(created.id), action: "proposal.create" } });
    assert.equal(audit?.actorId, head.id);
  });

  test("without one it waits (待交办); assigning uses the configured period, or a deadline given by hand", async () => {
    const created = await createProposal(staff, proposalInput());
    assert.equal(created.status, "pending_assignment");
    assert.equal(created.deadline, null);
    await updateProposalSettings(admin, { replyPeriodMonths: 2 });
    try {
      const assigned = await assignProposal(head, created.id, { leadSectionId, assignedOn: "2019-03-20", version: await versionOf(created.id) });
      assert.equal(assigned.status, "in_progress");
      assert.equal(assigned.deadline, "2019-05-20");
      const manual = await assignProposal(head, created.id, { leadSectionId, assignedOn: "2019-03-20", deadline: "2019-04-30", version: assigned.version });
      assert.equal(manual.deadline, "2019-04-30");
      assert.match((await findConsoleProposal(staff, created.id)).deadlineNote ?? "", /指定/);
    } finally {
      await updateProposalSettings(admin, { replyPeriodMonths: 3 });
    }
    await assert.rejects(updateProposalSettings(staff, { replyPeriodMonths: 4 }), ForbiddenError);
    await assert.rejects(updateProposalSettings(admin, { replyPeriodMonths: 0 }), rejectsWith("replyPeriodMonths"));
  });

  test("invalid input lists each field, duplicates are refused, and nothing is stored", async () => {
    const before = await db.proposal.count();
    await assert.rejects(createProposal(staff, { year: "x", kind: "motion", title: "", proposers: "", receivedOn: "2019-02-30" }), (error: unknown) => {
      assert.ok(error instanceof ValidationError);
      for (const field of ["year", "session", "number", "kind", "title", "proposers", "receivedOn"]) assert.ok(error.fields[field], field);
      return true;
    });
    const first = proposalInput();
    await createProposal(staff, first);
    await assert.rejects(createProposal(staff, { ...first, title: "另一件" }), rejectsWith("number"));
    await assert.rejects(createProposal(staff, proposalInput({ receivedOn: addCalendarDays(today(), 2) })), rejectsWith("receivedOn"));
    await assert.rejects(createProposal(head, proposalInput({ leadSectionId, assistingSectionIds: [leadSectionId] })), rejectsWith("assistingSectionIds"));
    await assert.rejects(createProposal(head, proposalInput({ leadSectionId: 999_999 })), rejectsWith("leadSectionId"));
    assert.equal(await db.proposal.count(), before + 1);
  });

  test("leaders read but do not register; edits check the version", async () => {
    await assert.rejects(createProposal(leader, proposalInput()), ForbiddenError);
    const created = await createProposal(staff, proposalInput());
    await updateProposal(staff, created.id, { title: "关于增设城区公厕的建议（修改）", version: created.version });
    await assert.rejects(updateProposal(head, created.id, { title: "过期的修改", version: created.version }), ConflictError);
    assert.equal((await findConsoleProposal(leader, created.id)).title, "关于增设城区公厕的建议（修改）");
  });
});

/**
 * What the console API answers for a write (its route handlers are `respondWithJson` around the same
 * data-layer call; the e2e suite calls the real routes).
 */
async function answerOf(write: () => Promise<unknown>) {
  const response = await respondWithJson(write);
  return { status: response.status, body: await response.json() };
}

describe("section scoping: a proposal is handled by its lead section", () => {
  function forbidden(error: unknown) {
    assert.ok(error instanceof ForbiddenError, `expected a ForbiddenError, got ${String(error)}`);
    return true;
  }

  test("staff and section heads of another section read it but may not edit, reassign, reply to, record feedback on, reopen or close it", async () => {
    const created = await createProposal(head, proposalInput({ year: 2025, leadSectionId, assignedOn: today(), receivedOn: today() }));
    for (const outsider of [otherStaff, otherHead]) {
      assert.equal((await findConsoleProposal(outsider, created.id)).id, created.id, "reads it as today");
      await assert.rejects(updateProposal(outsider, created.id, { title: "越权修改", version: await versionOf(created.id) }), forbidden);
      await assert.rejects(assignProposal(outsider, created.id, { leadSectionId: otherSectionId, version: await versionOf(created.id) }), forbidden);
      await assert.rejects(saveProposalReply(outsider, created.id, { body: "越权答复", disclosure: "full" }), forbidden);
    }
    const detail = await findConsoleProposal(otherHead, created.id);
    assert.deepEqual(detail.can, { edit: false, assign: false, recordFeedback: false, reopen: false, close: false });
    assert.equal(detail.canDraftReply, false);

    await issueReply(created.id);
    for (const outsider of [otherStaff, otherHead]) {
      await assert.rejects(recordProposerFeedback(outsider, created.id, { satisfaction: "unsatisfied", version: await versionOf(created.id) }), forbidden);
      await assert.rejects(closeProposal(outsider, created.id, { version: await versionOf(created.id) }), forbidden);
    }
    await recordProposerFeedback(staff, created.id, { satisfaction: "unsatisfied", version: await versionOf(created.id) });
    for (const outsider of [otherStaff, otherHead, leader]) {
      await assert.rejects(reopenProposal(outsider, created.id, { version: await versionOf(created.id) }), forbidden);
    }
    // A stale version from an outsider is refused as forbidden, not answered with the proposal's state.
    await assert.rejects(closeProposal(otherStaff, created.id, { version: 1 }), forbidden);
    const unchanged = await db.proposal.findUniqueOrThrow({ where: { id: created.id } });
    assert.equal(unchanged.status, "replied");
    assert.notEqual(unchanged.title, "越权修改");
    assert.equal(unchanged.leadSectionId, leadSectionId);
    const detailOfOwn = await findConsoleProposal(staff, created.id);
    assert.deepEqual(detailOfOwn.can, { edit: true, assign: false, recordFeedback: true, reopen: true, close: true });
  });

  test("the API answer is 403 for another section, and the proposal stays as it was", async () => {
    const created = await createProposal(head, proposalInput({ leadSectionId }));
    const patched = await answerOf(() => updateProposal(otherStaff, created.id, { title: "通过接口越权修改", version: created.version }));
    assert.equal(patched.status, 403);
    assert.equal(patched.body.error.code, "forbidden");
    const reassigned = await answerOf(() => assignProposal(otherHead, created.id, { leadSectionId: otherSectionId, version: created.version }));
    assert.equal(reassigned.status, 403);
    const row = await db.proposal.findUniqueOrThrow({ where: { id: created.id } });
    assert.deepEqual([row.leadSectionId, row.version], [leadSectionId, created.version], "unchanged");
    assert.notEqual(row.title, "通过接口越权修改");
    const own = await answerOf(() => updateProposal(staff, created.id, { title: "主办科室修改标题", version: created.version }));
    assert.equal(own.status, 200);
    assert.equal((await findConsoleProposal(staff, created.id)).title, "主办科室修改标题");
  });

  test("交办 is a section head's or an administrator's job: staff register unassigned proposals only", async () => {
    await assert.rejects(createProposal(staff, proposalInput({ leadSectionId })), forbidden);
    const unassigned = await createProposal(staff, proposalInput());
    assert.equal(unassigned.status, "pending_assignment");
    await assert.rejects(assignProposal(staff, unassigned.id, { leadSectionId, version: unassigned.version }), forbidden);
    await assert.rejects(assignProposal(leader, unassigned.id, { leadSectionId, version: unassigned.version }), forbidden);
    // Unassigned, it belongs to no section: any section head may assign it, to any section.
    const assigned = await assignProposal(otherHead, unassigned.id, { leadSectionId, version: unassigned.version });
    assert.equal(assigned.status, "in_progress");
    // Now it is the lead section's: the other head may no longer take it back …
    await assert.rejects(assignProposal(otherHead, unassigned.id, { leadSectionId: otherSectionId, version: assigned.version }), forbidden);
    // … its own head may hand it on, and then it is the other section's.
    const handedOn = await assignProposal(head, unassigned.id, {
      leadSectionId: otherSectionId,
      assistingSectionIds: [leadSectionId],
      version: assigned.version,
    });
    await assert.rejects(updateProposal(staff, unassigned.id, { title: "已移交的建议", version: handedOn.version }), forbidden, "assisting sections read only");
    await updateProposal(otherStaff, unassigned.id, { title: "承接科室修改", version: handedOn.version });
    const byAdmin = await assignProposal(admin, unassigned.id, { leadSectionId, version: await versionOf(unassigned.id) });
    assert.equal(byAdmin.status, "in_progress");
    const events = await db.auditEvent.findMany({
      where: { entityType: "Proposal", entityId: String(unassigned.id), action: "proposal.assign" },
      orderBy: { id: "asc" },
    });
    assert.deepEqual(
      events.map((event) => event.actorId),
      [otherHead.id, head.id, admin.id],
    );
  });

  test("staff may import a list without lead sections; a list that assigns needs a section head", async () => {
    const header = ["年度", "届次会议", "编号", "类别", "标题", "提出人", "收到日期", "主办科室", "协办科室", "交办日期", "办理期限"];
    const list = (section: string) =>
      writeXlsx([
        {
          name: "交办清单",
          columns: header.map((text) => ({ header: text })),
          rows: [
            [
              "2022",
              "市第十七届人民代表大会第五次会议",
              `第${++numberSequence}号`,
              "人大代表建议",
              "关于导入权限的建议",
              "张三",
              "2022-03-01",
              section,
              "",
              "",
              "",
            ],
          ],
        },
      ]);
    const before = await db.proposal.count();
    await assert.rejects(importProposals(staff, { name: "交办清单.xlsx", bytes: await list("测试市容科") }), forbidden);
    assert.equal(await db.proposal.count(), before, "nothing imported");
    const imported = await importProposals(staff, { name: "交办清单.xlsx", bytes: await list("") });
    assert.equal((await findConsoleProposal(staff, imported.ids[0])).status, "pending_assignment");
    assert.equal((await importProposals(otherHead, { name: "交办清单.xlsx", bytes: await list("测试市容科") })).imported, 1);
  });
});

describe("a published reply locks what the public sees", () => {
  test("title, proposers and the other public fields are refused with 409 while a reply is public; the unpublished date is not", async () => {
    const created = await createProposal(head, proposalInput({ year: 2020, title: "关于公开后修改标题的建议", proposers: "张立新", leadSectionId }));
    const replyId = await issueReply(created.id);
    assert.equal((await findPublicProposal(created.id))?.title, "关于公开后修改标题的建议");
    const detail = await findConsoleProposal(staff, created.id);
    assert.equal(detail.publicFieldsLocked, true);
    for (const change of [
      { title: "悄悄改过的标题" },
      { proposers: "王春梅" },
      { number: "第999号" },
      { session: "另一次会议" },
      { kind: "proposal" },
      { year: 2021 },
    ]) {
      await assert.rejects(updateProposal(staff, created.id, { ...change, version: await versionOf(created.id) }), (error: unknown) => {
        assert.ok(error instanceof ConflictError, `expected a ConflictError for ${JSON.stringify(change)}, got ${String(error)}`);
        assert.equal(error.code, "published");
        assert.match(error.message, /已在网站公开.*撤回/);
        return true;
      });
    }
    // Sending the unchanged public fields with a change the public does not see is fine.
    await updateProposal(staff, created.id, {
      title: "关于公开后修改标题的建议",
      proposers: "张立新",
      receivedOn: "2019-02-28",
      version: await versionOf(created.id),
    });
    await assert.rejects(assignProposal(head, created.id, { leadSectionId: otherSectionId, version: await versionOf(created.id) }), ConflictError);
    const version = await versionOf(created.id);
    const response = await answerOf(() => updateProposal(staff, created.id, { title: "接口改标题", version }));
    assert.equal(response.status, 409);
    assert.equal(response.body.error.code, "published");
    assert.equal((await findPublicProposal(created.id))?.title, "关于公开后修改标题的建议", "the public page is as approved");

    // Through the review: the leader withdraws the reply, the data is corrected, the reply goes through review again.
    await transitionProposalReply(leader, replyId, { action: "withdraw", comment: "标题有误，更正后重新发布" });
    await updateProposal(staff, created.id, { title: "关于公开后更正标题的建议", version: await versionOf(created.id) });
    await transitionProposalReply(staff, replyId, { action: "restore" });
    await transitionProposalReply(staff, replyId, { action: "submit" });
    await transitionProposalReply(head, replyId, { action: "approve" });
    await transitionProposalReply(leader, replyId, { action: "approve" });
    assert.equal((await findPublicProposal(created.id))?.title, "关于公开后更正标题的建议");
  });
});

describe("replies: drafted by the lead section, reviewed like items", () => {
  test("the same review flow as items, then 已答复 with the reply date; on time when before the deadline", async () => {
    const created = await createProposal(head, proposalInput({ year: 2026, leadSectionId, assignedOn: today(), receivedOn: today() }));
    await assert.rejects(saveProposalReply(otherStaff, created.id, { body: "越权", disclosure: "full" }), ForbiddenError);
    await assert.rejects(saveProposalReply(leader, created.id, { body: "越权", disclosure: "full" }), ForbiddenError);
    const saved = await saveProposalReply(staff, created.id, { body: "初稿", disclosure: "full" });
    assert.equal(saved.round, 1);
    const edited = await saveProposalReply(staff, created.id, { body: "答复正文", disclosure: "full", version: saved.version });
    assert.equal(edited.id, saved.id, "editing the draft, not a new reply");
    await transitionProposalReply(staff, saved.id, { action: "submit" });
    await assert.rejects(saveProposalReply(staff, created.id, { body: "审核中修改", disclosure: "full" }), ConflictError);
    await assert.rejects(transitionProposalReply(staff, saved.id, { action: "approve" }), ForbiddenError);
    await assert.rejects(transitionProposalReply(head, saved.id, { action: "return" }), rejectsWith("comment"));
    await transitionProposalReply(head, saved.id, { action: "approve" });
    assert.equal((await findConsoleProposal(staff, created.id)).status, "in_progress", "not answered before the leader approves");
    await transitionProposalReply(leader, saved.id, { action: "approve" });
    const detail = await findConsoleProposal(staff, created.id);
    assert.equal(detail.status, "replied");
    assert.equal(detail.replies[0].repliedOn, today());
    assert.equal(detail.replies[0].onTime, true);
    const events = await db.auditEvent.findMany({ where: { entityType: "ProposalReply", entityId: String(saved.id) }, orderBy: { id: "asc" } });
    assert.deepEqual(
      events.map((event) => event.action),
      ["proposal_reply.save", "proposal_reply.save", "proposal_reply.submit", "proposal_reply.approve", "proposal_reply.approve"],
    );
  });

  test("a reply issued after the deadline is recorded as late", async () => {
    const created = await createProposal(head, proposalInput({ leadSectionId, assignedOn: "2019-03-20" }));
    await issueReply(created.id);
    const detail = await findConsoleProposal(staff, created.id);
    assert.equal(detail.replies[0].onTime, false);
    const stats = await proposalStatsForYear(2019);
    assert.ok(stats.total.replied > stats.total.onTime);
  });

  test("what the public will see is screened on submission like an item: a mobile number in a full reply needs a note; a 摘要 reply screens only its summary", async () => {
    const created = await createProposal(head, proposalInput({ leadSectionId }));
    const saved = await saveProposalReply(staff, created.id, { body: "经核实，联系人王某（13812345678）已于三月完成整改。", disclosure: "full" });
    const refused = await transitionProposalReply(staff, saved.id, { action: "submit" }).catch((error: unknown) => error);
    assert.ok(refused instanceof FindingsToAcknowledge, "refused until acknowledged");
    assert.deepEqual(
      refused.findings.map((finding) => [finding.kind, finding.match, finding.source]),
      [["mobile_number", "13812345678", "答复正文"]],
    );
    assert.equal((await findConsoleProposal(staff, created.id)).replies[0].state, "draft", "nothing changed");
    await transitionProposalReply(staff, saved.id, { action: "submit", acknowledgements: [{ key: refused.findings[0].key, note: "系代表公开的联系电话" }] });
    const detail = await findConsoleProposal(head, created.id);
    assert.equal(detail.replies[0].state, "section_review");
    assert.deepEqual(
      detail.replies[0].findings.map((finding) => [finding.kind, finding.match, finding.note]),
      [["mobile_number", "13812345678", "系代表公开的联系电话"]],
    );

    // 摘要公开: the body stays internal, the summary is what is screened.
    const second = await createProposal(head, proposalInput({ leadSectionId }));
    const summarised = await saveProposalReply(staff, second.id, { body: "联系人手机 13812345678", disclosure: "summary", summary: "已完成整改。" });
    await transitionProposalReply(staff, summarised.id, { action: "submit" });
    assert.deepEqual((await findConsoleProposal(head, second.id)).replies[0].findings, []);
  });

  test("the publication decision needs its summary or its reason", async () => {
    const created = await createProposal(head, proposalInput({ leadSectionId }));
    await assert.rejects(saveProposalReply(staff, created.id, { body: "正文", disclosure: "summary" }), rejectsWith("summary"));
    await assert.rejects(saveProposalReply(staff, created.id, { body: "正文", disclosure: "none" }), rejectsWith("nondisclosureReason"));
    await assert.rejects(saveProposalReply(staff, created.id, { body: "正文", disclosure: "secret" }), rejectsWith("disclosure"));
  });
});

describe("publication modes: 不公开 never leaks", () => {
  const year = 2021;
  let fullId: number;
  let summaryId: number;
  let hiddenId: number;
  let hiddenAttachmentId: number;
  let fullAttachmentId: number;

  async function attach(replyId: number): Promise<number> {
    const file = await db.storedFile.create({
      data: {
        storagePath: `uploads/test/${replyId}.pdf`,
        originalName: "答复函.pdf",
        mimeType: "application/pdf",
        kind: "pdf",
        sizeBytes: 10,
        sha256: "x",
        uploadedById: staff.id,
      },
    });
    return (await db.proposalReplyAttachment.create({ data: { replyId, fileId: file.id } })).id;
  }

  before(async () => {
    const full = await createProposal(head, proposalInput({ year, title: "关于增设城区公厕的建议", leadSectionId }));
    const summary = await createProposal(head, proposalInput({ year, kind: "proposal", title: "关于规范共享单车停放的提案", leadSectionId }));
    const hidden = await createProposal(head, proposalInput({ year, kind: "proposal", title: "关于机密事项的提案", leadSectionId }));
    fullId = full.id;
    summaryId = summary.id;
    hiddenId = hidden.id;
    fullAttachmentId = await attach(await issueReply(fullId, { body: "全文：已增设公厕三座，保洁到位。" }));
    await issueReply(summaryId, { body: "全文：内部细节不宜公开。停放点位详见附件。", disclosure: "summary", summary: "摘要：已划定停放区域。" });
    hiddenAttachmentId = await attach(
      await issueReply(hiddenId, { body: "全文：涉及商业秘密的处理意见。", disclosure: "none", nondisclosureReason: "涉及第三方商业秘密" }),
    );
  });

  test("the public list and detail show 全文 and 摘要 replies; 不公开 is not there at all", async () => {
    const listed = await findPublishedProposalReplies({ year });
    assert.deepEqual(listed.map((proposal) => proposal.id).sort(), [fullId, summaryId].sort());
    assert.equal((await findPublicProposal(fullId))?.replies[0].text, "全文：已增设公厕三座，保洁到位。");
    const summary = await findPublicProposal(summaryId);
    assert.equal(summary?.replies[0].mode, "summary");
    assert.equal(summary?.replies[0].text, "摘要：已划定停放区域。");
    assert.ok(!JSON.stringify(summary).includes("内部细节"), "the full text of a 摘要公开 reply is not public");
    assert.equal(await findPublicProposal(hiddenId), null);
    assert.deepEqual(
      (await findPublishedProposalReplies({ year, kind: "suggestion" })).map((proposal) => proposal.id),
      [fullId],
    );
  });

  test("the JSON API shows the same, and never the hidden one", async () => {
    const response = await getProposalsRoute(new Request(`http://localhost/api/v1/proposals?year=${year}&kind=proposal`));
    assert.equal(response.status, 200);
    const body = await response.json();
    assert.deepEqual(
      body.proposals.map((proposal: { id: number }) => proposal.id),
      [summaryId],
    );
    const everything = JSON.stringify(await (await getProposalsRoute(new Request("http://localhost/api/v1/proposals"))).json());
    assert.ok(!everything.includes("机密事项") && !everything.includes("商业秘密"), everything);
    const bad = await getProposalsRoute(new Request("http://localhost/api/v1/proposals?kind=motion"));
    assert.equal(bad.status, 422);
  });

  test("search finds 全文 by text, 摘要 only by its summary, 不公开 not even by title", async () => {
    assert.deepEqual(
      (await searchPublishedProposalReplies("公厕三座 保洁到位")).map((proposal) => proposal.id),
      [fullId],
    );
    assert.deepEqual(
      (await searchPublishedProposalReplies("停放区域")).map((proposal) => proposal.id),
      [summaryId],
    );
    assert.deepEqual(await searchPublishedProposalReplies("内部细节"), []);
    assert.deepEqual(await searchPublishedProposalReplies("机密事项"), []);
    assert.deepEqual(await searchPublishedProposalReplies("商业秘密"), []);
  });

  test("attachments of 不公开 replies are downloadable by console users only", async () => {
    assert.equal((await findDownloadableReplyAttachment(fullAttachmentId, null)).public, true);
    await assert.rejects(findDownloadableReplyAttachment(hiddenAttachmentId, null), NotFoundError);
    assert.equal((await findDownloadableReplyAttachment(hiddenAttachmentId, staff)).public, false);
  });

  test("withdrawing a published reply takes it off the public list; the statistics still count it as replied", async () => {
    const reply = await db.proposalReply.findFirstOrThrow({ where: { proposalId: fullId } });
    await assert.rejects(transitionProposalReply(leader, reply.id, { action: "withdraw" }), rejectsWith("comment"));
    await transitionProposalReply(leader, reply.id, { action: "withdraw", comment: "误将内部意见公开" });
    assert.equal(await findPublicProposal(fullId), null);
    const stats = await proposalStatsForYear(year);
    assert.deepEqual([stats.total.received, stats.total.replied, stats.total.published], [3, 3, 1]);
  });
});

describe("feedback, reopening and statistics", () => {
  const year = 2023;

  test("an unsatisfied result is reopened for a second reply; the latest feedback counts", async () => {
    const created = await createProposal(head, proposalInput({ year, leadSectionId, assignedOn: today(), receivedOn: today() }));
    await assert.rejects(reopenProposal(staff, created.id, { version: created.version }), ConflictError);
    await issueReply(created.id);
    await assert.rejects(
      recordProposerFeedback(staff, created.id, { satisfaction: "unsatisfied", feedbackOn: addCalendarDays(today(), 1), version: await versionOf(created.id) }),
      rejectsWith("feedbackOn"),
    );
    const unsatisfied = await recordProposerFeedback(staff, created.id, {
      satisfaction: "unsatisfied",
      note: "希望进一步落实",
      version: await versionOf(created.id),
    });
    assert.equal(unsatisfied.status, "replied");
    let stats = await proposalStatsForYear(year);
    assert.equal(stats.total.satisfactionRate, 0);

    const reopened = await reopenProposal(staff, created.id, { comment: "重新研究办理", version: unsatisfied.version });
    assert.equal(reopened.status, "in_progress");
    assert.equal(reopened.deadline! >= addCalendarMonths(today(), 1), true, "one month for the second reply");
    const second = await saveProposalReply(staff, created.id, { body: "第二次答复：已完成整改。", disclosure: "full" });
    assert.equal(second.round, 2);
    await transitionProposalReply(staff, second.id, { action: "submit" });
    await transitionProposalReply(head, second.id, { action: "approve" });
    await transitionProposalReply(leader, second.id, { action: "approve" });
    const satisfied = await recordProposerFeedback(staff, created.id, { satisfaction: "satisfied", version: await versionOf(created.id) });
    assert.equal(satisfied.status, "closed");
    await assert.rejects(reopenProposal(staff, created.id, { version: satisfied.version }), ConflictError);

    stats = await proposalStatsForYear(year);
    assert.equal(stats.total.satisfactionRate, 1, "the second reply's result replaces the first");
    assert.deepEqual(
      (await findPublicProposal(created.id))?.replies.map((reply) => reply.round),
      [1, 2],
    );
  });

  test("per-year statistics by kind: received, replied, on time, published, satisfaction over those with feedback", async () => {
    const suggestion = await createProposal(head, proposalInput({ year, leadSectionId, assignedOn: today(), receivedOn: today() }));
    const proposal = await createProposal(head, proposalInput({ year, kind: "proposal", leadSectionId, assignedOn: today(), receivedOn: today() }));
    await createProposal(staff, proposalInput({ year, kind: "proposal" }));
    await issueReply(suggestion.id);
    await issueReply(proposal.id, { disclosure: "none", nondisclosureReason: "内部事务" });
    await recordProposerFeedback(staff, suggestion.id, { satisfaction: "basically_satisfied", version: await versionOf(suggestion.id) });
    const closed = await closeProposal(staff, proposal.id, { version: await versionOf(proposal.id) });
    assert.equal(closed.status, "closed");

    const stats = await proposalStatsForYear(year);
    assert.deepEqual(
      {
        received: stats.byKind.suggestion.received,
        replied: stats.byKind.suggestion.replied,
        onTime: stats.byKind.suggestion.onTime,
        published: stats.byKind.suggestion.published,
      },
      { received: 2, replied: 2, onTime: 2, published: 2 },
    );
    assert.deepEqual(
      {
        received: stats.byKind.proposal.received,
        replied: stats.byKind.proposal.replied,
        published: stats.byKind.proposal.published,
        rate: stats.byKind.proposal.satisfactionRate,
      },
      { received: 2, replied: 1, published: 0, rate: null },
    );
    assert.equal(stats.total.received, 4);
    assert.equal(stats.total.withFeedback, 2);
    assert.equal(stats.total.satisfactionRate, 1);

    const response = await getStatsRoute(new Request(`http://localhost/api/v1/proposals/stats?year=${year}`));
    const body = await response.json();
    assert.deepEqual(Object.keys(body).sort(), ["byKind", "total", "year"]);
    for (const key of ["received", "replied", "onTime", "published", "satisfactionRate"])
      assert.ok(key in body.byKind.suggestion && key in body.byKind.proposal && key in body.total, key);
    assert.equal(body.year, year);
    assert.equal((await getStatsRoute(new Request("http://localhost/api/v1/proposals/stats?year=17"))).status, 422);
  });
});

describe("importing the yearly assignment list", () => {
  const header = ["年度", "届次会议", "编号", "类别", "标题", "提出人", "收到日期", "主办科室", "协办科室", "交办日期", "办理期限"];

  test("a correct file imports every row, assigned and with deadlines", async () => {
    const bytes = await writeXlsx([
      {
        name: "交办清单",
        columns: header.map((text) => ({ header: text })),
        rows: [
          [
            "2024",
            "市第十七届人民代表大会第一次会议",
            "第1号",
            "人大代表建议",
            "关于增设垃圾分类设施的建议",
            "张三、李四",
            "2024-03-01",
            "测试市容科",
            "测试执法队",
            "2024-03-11",
            "",
          ],
          ["2024", "政协第十一届委员会第一次会议", "第2号", "政协提案", "关于规范占道经营的提案", "王五", new Date(Date.UTC(2024, 2, 2)), "", "", "", ""],
        ],
      },
    ]);
    const result = await importProposals(head, { name: "交办清单.xlsx", bytes });
    assert.equal(result.imported, 2);
    const listed = await listConsoleProposals(staff, { year: 2024 });
    assert.equal(listed.total, 2);
    const assigned = await findConsoleProposal(staff, result.ids[0]);
    assert.equal(assigned.status, "in_progress");
    assert.equal(assigned.deadline, "2024-06-11");
    assert.deepEqual(
      assigned.assistingSections.map((section) => section.name),
      ["测试执法队"],
    );
    assert.equal((await findConsoleProposal(staff, result.ids[1])).status, "pending_assignment");
    assert.equal((await findConsoleProposal(staff, result.ids[1])).receivedOn, "2024-03-02");
  });

  test("any error refuses the whole file, listing row and column; rows already in the system are errors too", async () => {
    const before = await db.proposal.count();
    const bytes = await writeXlsx([
      {
        name: "交办清单",
        columns: header.map((text) => ({ header: text })),
        rows: [
          ["2024", "市第十七届人民代表大会第二次会议", "第9号", "人大代表建议", "一条正确的建议", "张三", "2024-03-01", "", "", "", ""],
          ["2024", "市第十七届人民代表大会第一次会议", "第1号", "人大代表建议", "已导入过的建议", "张三", "2024-03-01", "", "", "", ""],
          ["2024", "市第十七届人民代表大会第二次会议", "第10号", "议案", "", "张三", "2024-13-01", "不存在的科", "", "", ""],
        ],
      },
    ]);
    const errors = await assertImportRejected(await respondToImport(() => importProposals(staff, { name: "交办清单.xlsx", bytes })));
    assert.deepEqual(
      errors.map((problem) => `${problem.row}:${problem.column}`),
      ["3:编号", "4:类别", "4:标题", "4:收到日期", "4:主办科室"],
    );
    assert.equal(await db.proposal.count(), before, "nothing imported");
    const fixed = await writeXlsx([
      {
        name: "交办清单",
        columns: header.map((text) => ({ header: text })),
        rows: [["2024", "市第十七届人民代表大会第一次会议", "第1号", "人大代表建议", "已导入过的建议", "张三", "2024-03-01", "", "", "", ""]],
      },
    ]);
    await assert.rejects(
      importProposals(staff, { name: "交办清单.xlsx", bytes: fixed }),
      (error: unknown) => error instanceof ImportRejectedError && error.problems[0].row === 2 && error.problems[0].column === "编号",
    );
    await assert.rejects(importProposals(leader, { name: "交办清单.xlsx", bytes: fixed }), ForbiddenError);
    const missingColumn = await writeXlsx([{ name: "s", columns: [{ header: "年度" }, { header: "标题" }], rows: [["2024", "x"]] }]);
    await assert.rejects(
      importProposals(staff, { name: "s.xlsx", bytes: missingColumn }),
      (error: unknown) => error instanceof ImportRejectedError && error.problems.some((problem) => problem.column === "届次会议"),
    );
  });
});

describe("importing the assignment list as CSV", () => {
  const header = ["年度", "届次会议", "编号", "类别", "标题", "提出人", "收到日期", "主办科室", "协办科室", "交办日期", "办理期限"];

  test("a CSV saved by Excel on Chinese Windows (GB18030, no BOM) imports", async () => {
    const result = await importProposals(head, {
      name: "交办清单（GBK）.csv",
      bytes: gb18030Csv([
        header,
        ["2023", "政协第十一届委员会第三次会议", "第7号", "政协提案", "关于加强背街小巷环境整治的提案", "刘洋、陈静", "2023-03-05", "测试市容科", "", "", ""],
      ]),
    });
    assert.equal(result.imported, 1);
    const proposal = await findConsoleProposal(staff, result.ids[0]);
    assert.equal(proposal.title, "关于加强背街小巷环境整治的提案");
    assert.equal(proposal.status, "in_progress");
  });

  test("the template downloads with the same columns, in the same order, as .xlsx or .csv", async () => {
    const csv = new TextDecoder().decode((await buildProposalImportTemplate("csv")).body);
    assert.equal(csv.replace(/^\uFEFF/, "").split("\r\n")[0], header.join(","));
    const xlsx = await buildProposalImportTemplate();
    assert.equal(xlsx.fileName, "建议提案交办清单模板.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.body) as never);
    assert.deepEqual((workbook.worksheets[0].getRow(1).values as unknown[]).slice(1), header);
    assert.equal(workbook.worksheets[0].name, "交办清单");
  });
});

test("the demo data: 2017 with 7 建议 and 12 提案, all replied on time, published, 100% satisfied", async () => {
  await seedDemoData(() => {});
  await seedDemoProposals();
  await seedDemoProposals();
  const stats = await proposalStatsForYear(2017);
  assert.deepEqual(
    [stats.byKind.suggestion.received, stats.byKind.suggestion.replied, stats.byKind.suggestion.onTime, stats.byKind.suggestion.published],
    [7, 7, 7, 7],
  );
  assert.deepEqual(
    [stats.byKind.proposal.received, stats.byKind.proposal.replied, stats.byKind.proposal.onTime, stats.byKind.proposal.published],
    [12, 12, 12, 12],
  );
  assert.equal(stats.total.satisfactionRate, 1);
  assert.equal(stats.total.withFeedback, 19);
  assert.equal((await findPublishedProposalReplies({ year: 2017 })).length, 19);
});
