import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { decisionReview } from "@/lib/decisions/decision-review";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { filterPowerEntries, sortPowerEntries, type PowerEntry } from "@/lib/powers/power-entry";
import { diffPowerLists } from "@/lib/powers/power-list-diff";
import { canEditRegisterEntry, type RegisterSubject } from "@/lib/powers/register-review";
import { availableActions, refusalError } from "@/lib/workflow/engine";
import { decideTransition, type WorkflowActor } from "@/lib/workflow/workflow";

/** A register's review step decided as the engine decides it, refusals thrown as the engine throws them. */
function decideRegisterTransition(actor: WorkflowActor, subject: RegisterSubject, action: string, comment: string | null, _messages: unknown) {
  const decision = decideTransition(decisionReview.workflow, { actor, subject: decisionReview.subjectOf(subject), action, comment });
  if (decision.allowed) return decision.to;
  throw refusalError(decisionReview, decision, action);
}

const availableRegisterActions = (actor: WorkflowActor, subject: RegisterSubject) => availableActions(decisionReview, actor, subject);

const entry = (code: string, overrides: Partial<PowerEntry> = {}): PowerEntry => ({
  code,
  name: `事项${code}`,
  type: "license",
  legalBasis: ["《城市道路管理条例》第三十条"],
  sectionName: "市容环境管理科",
  responsibilities: "受理、审查、决定",
  accountability: "不依法受理的",
  status: "retained",
  statusNote: null,
  effectiveOn: "2016-06-30",
  ...overrides,
});

describe("comparing two years of the power list", () => {
  test("added, removed and changed entries are matched by code, with the changed fields named", () => {
    const before = [entry("XK-001"), entry("XK-002"), entry("XK-013"), entry("CF-001", { type: "penalty" })];
    const after = [
      entry("XK-001"),
      entry("XK-002", { legalBasis: ["《城市道路管理条例》第三十条", "《黑龙江省城市道路管理条例》第二十二条"] }),
      entry("XK-013", { status: "cancelled", statusNote: "取消", effectiveOn: "2017-05-02" }),
      entry("JC-001", { type: "inspection" }),
    ];
    const diff = diffPowerLists(before, after);
    assert.deepEqual(
      diff.added.map((item) => item.code),
      ["JC-001"],
    );
    assert.deepEqual(
      diff.removed.map((item) => item.code),
      ["CF-001"],
    );
    assert.deepEqual(
      diff.changed.map((item) => [item.code, item.fields]),
      [
        ["XK-002", ["legalBasis"]],
        ["XK-013", ["status", "statusNote", "effectiveOn"]],
      ],
    );
    assert.equal(diff.unchanged, 1);
    assert.deepEqual(diffPowerLists(after, after), { added: [], removed: [], changed: [], unchanged: 4 });
  });

  test("lists sort by power type, then code numerically; filters by type, status and words", () => {
    const sorted = sortPowerEntries([entry("XK-10"), entry("CF-1", { type: "penalty" }), entry("XK-2"), entry("JC-1", { type: "inspection" })]);
    assert.deepEqual(
      sorted.map((item) => item.code),
      ["XK-2", "XK-10", "CF-1", "JC-1"],
    );
    const list = [entry("XK-001", { name: "设置大型户外广告审批" }), entry("XK-013", { status: "cancelled" }), entry("CF-001", { type: "penalty" })];
    assert.deepEqual(
      filterPowerEntries(list, { type: "license", status: "retained" }).map((item) => item.code),
      ["XK-001"],
    );
    assert.deepEqual(
      filterPowerEntries(list, { q: "户外广告" }).map((item) => item.code),
      ["XK-001"],
    );
    assert.deepEqual(
      filterPowerEntries(list, { q: "cf-" }).map((item) => item.code),
      ["CF-001"],
    );
  });
});

describe("register review follows the items' workflow table", () => {
  const section = 10;
  const staff = { id: 1, role: "staff" as const, sectionId: section };
  const head = { id: 2, role: "section_head" as const, sectionId: section };
  const otherHead = { id: 5, role: "section_head" as const, sectionId: 99 };
  const leader = { id: 3, role: "leader" as const, sectionId: 1 };
  const admin = { id: 4, role: "admin" as const, sectionId: section };
  const draft = { state: "draft" as const, sectionId: section, authorId: 1, lastEditorId: 1 };

  test("draft → section review → leader review → published, each by its role", () => {
    assert.equal(decideRegisterTransition(staff, draft, "submit", null, messages.registers.review), "section_review");
    assert.equal(decideRegisterTransition(head, { ...draft, state: "section_review" }, "approve", null, messages.registers.review), "leader_review");
    assert.equal(decideRegisterTransition(leader, { ...draft, state: "leader_review" }, "approve", null, messages.registers.review), "published");
  });

  test("refusals: wrong state 409, wrong person 403 (another section, the author, an admin), missing comment 422", () => {
    assert.throws(() => decideRegisterTransition(leader, draft, "approve", null, messages.registers.review), ConflictError);
    assert.throws(() => decideRegisterTransition(otherHead, { ...draft, state: "section_review" }, "approve", null, messages.registers.review), ForbiddenError);
    assert.throws(
      () => decideRegisterTransition(head, { ...draft, state: "section_review", lastEditorId: head.id }, "approve", null, messages.registers.review),
      ForbiddenError,
    );
    assert.throws(() => decideRegisterTransition(admin, { ...draft, state: "section_review" }, "approve", null, messages.registers.review), ForbiddenError);
    assert.throws(() => decideRegisterTransition(head, { ...draft, state: "section_review" }, "return", " ", messages.registers.review), ValidationError);
    assert.throws(
      () => decideRegisterTransition(leader, { ...draft, state: "published" }, "withdraw", "", messages.registers.review),
      (error: unknown) => error instanceof ValidationError && /撤回理由/.test(error.fields.comment[0]),
    );
  });

  test("buttons offered and who may edit", () => {
    assert.deepEqual(availableRegisterActions(staff, draft), ["submit"]);
    assert.deepEqual(availableRegisterActions(leader, { ...draft, state: "published" }), ["withdraw"]);
    assert.deepEqual(availableRegisterActions(head, { ...draft, state: "section_review" }), ["approve", "return"]);
    assert.equal(canEditRegisterEntry(staff, { ...draft, state: "published" }), true);
    assert.equal(canEditRegisterEntry(staff, { ...draft, state: "leader_review" }), false);
    assert.equal(canEditRegisterEntry(leader, draft), false);
  });
});
