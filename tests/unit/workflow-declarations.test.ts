import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { actions as permissionActions, isPermitted } from "@/lib/auth/permissions";
import { roles, type Role } from "@/lib/auth/roles";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { refusalError } from "@/lib/workflow/engine";
import { reviewedBatchTypes, reviewedRecordTypes, type ReviewedRecordTypeName } from "@/lib/workflow/record-types";
import {
  canEditReviewedContent,
  decideTransition,
  reviewActions,
  type CommentRule,
  type ReviewAction,
  type WorkflowActor,
  type WorkflowSubject,
} from "@/lib/workflow/workflow";

/**
 * Every workflow × role × action × state × relation to the record, decided from the declarations
 * and compared with the table written here: a change to a declaration (or to the permissions
 * table) fails this test until the table says the same, so it is always deliberate.
 */

const SECTION = 10;
const OTHER_SECTION = 20;
const CREATOR = 1;
const EDITOR = 2;
const ACTOR = 100;

/**
 * How the acting person stands to the record:
 * - own: works in the record's section, neither created it nor wrote its current content;
 * - other: works in another section, neither created nor wrote it;
 * - author: works in the record's section and created it (and wrote its current content);
 * - author_elsewhere: created it, now works in another section;
 * - editor: works in the record's section and wrote its current content, created by someone else.
 */
const cases = ["own", "other", "author", "author_elsewhere", "editor"] as const;
type Case = (typeof cases)[number];

function actorFor(role: Role, relation: Case): WorkflowActor {
  const id = relation === "author" || relation === "author_elsewhere" ? CREATOR : relation === "editor" ? EDITOR : ACTOR;
  const sectionId = relation === "other" || relation === "author_elsewhere" ? OTHER_SECTION : SECTION;
  return { id, role, sectionId };
}

function subjectIn(state: string): WorkflowSubject {
  return { state, sectionId: SECTION, authorId: CREATOR, revisionAuthorId: EDITOR };
}

/** One allowed transition: [action, from, role, the relations in which it is allowed, to]. */
type Row = [ReviewAction, string, Role, readonly Case[], string];

const everyone = cases;
const inSectionOrCreator = ["own", "author", "author_elsewhere", "editor"] as const;
const sectionMembers = ["own", "author", "editor"] as const;
const reviewersInSection = ["own"] as const;
const reviewersAnywhere = ["own", "other"] as const;

/** Staff submit, the section head reviews, a leader approves: nobody reviews what they created or last wrote. */
const twoStepReview = (published = "published"): Row[] => [
  ["submit", "draft", "staff", inSectionOrCreator, "section_review"],
  ["submit", "draft", "section_head", inSectionOrCreator, "section_review"],
  ["approve", "section_review", "section_head", reviewersInSection, "leader_review"],
  ["approve", "leader_review", "leader", reviewersAnywhere, published],
  ["return", "section_review", "section_head", reviewersInSection, "draft"],
  ["return", "leader_review", "leader", reviewersAnywhere, "draft"],
];

/** A leader withdraws with a reason; the section (or any leader) restores it as a draft. */
const withdrawal: Row[] = [
  ["withdraw", "published", "leader", everyone, "withdrawn"],
  ["restore", "withdrawn", "staff", inSectionOrCreator, "draft"],
  ["restore", "withdrawn", "section_head", inSectionOrCreator, "draft"],
  ["restore", "withdrawn", "leader", everyone, "draft"],
];

const registerStates = ["draft", "section_review", "leader_review", "published", "withdrawn"];

type Expectation = {
  states: string[];
  publishedState: string;
  actions: ReviewAction[];
  rows: Row[];
  comments: Partial<Record<ReviewAction, CommentRule>>;
  /** What the scheduler (the system) may take: [action, from, to]. */
  system?: [ReviewAction, string, string][];
};

const withdrawalComments = (withdraw: CommentRule): Partial<Record<ReviewAction, CommentRule>> => ({ return: "review_comment", withdraw });

const expected: Record<ReviewedRecordTypeName, Expectation> = {
  item: {
    states: ["draft", "section_review", "leader_review", "scheduled", "published", "withdrawn"],
    publishedState: "published",
    actions: ["submit", "approve", "return", "withdraw", "restore", "publish_scheduled"],
    rows: [...twoStepReview(), ["return", "scheduled", "leader", reviewersAnywhere, "draft"], ...withdrawal],
    comments: withdrawalComments("public_withdrawal_reason"),
    system: [["publish_scheduled", "scheduled", "published"]],
  },
  power: {
    states: registerStates,
    publishedState: "published",
    actions: ["submit", "approve", "return", "withdraw", "restore"],
    rows: [...twoStepReview(), ...withdrawal],
    comments: withdrawalComments("withdrawal_reason"),
  },
  service: {
    states: registerStates,
    publishedState: "published",
    actions: ["submit", "approve", "return", "withdraw", "restore"],
    rows: [...twoStepReview(), ...withdrawal],
    comments: withdrawalComments("withdrawal_reason"),
  },
  decision: {
    states: registerStates,
    publishedState: "published",
    actions: ["submit", "approve", "return", "withdraw", "restore"],
    rows: [...twoStepReview(), ...withdrawal],
    comments: withdrawalComments("withdrawal_reason"),
  },
  "inspection.plan": {
    states: registerStates,
    publishedState: "published",
    actions: ["submit", "approve", "return", "withdraw", "restore"],
    rows: [...twoStepReview(), ...withdrawal],
    comments: withdrawalComments("public_withdrawal_reason"),
  },
  "inspection.results": {
    states: registerStates,
    publishedState: "published",
    actions: ["submit", "approve", "return", "withdraw", "restore"],
    rows: [...twoStepReview(), ...withdrawal],
    comments: withdrawalComments("public_withdrawal_reason"),
  },
  proposal_reply: {
    states: registerStates,
    publishedState: "published",
    actions: ["submit", "approve", "return", "withdraw", "restore"],
    rows: [...twoStepReview(), ...withdrawal],
    comments: withdrawalComments("withdrawal_reason"),
  },
  feedback_reply: {
    states: ["draft", "section_review", "approved"],
    publishedState: "approved",
    actions: ["submit", "approve", "return"],
    rows: [
      // The responsible section's staff submit (not its former members); its head approves, no leader step.
      ["submit", "draft", "staff", sectionMembers, "section_review"],
      ["submit", "draft", "section_head", sectionMembers, "section_review"],
      ["approve", "section_review", "section_head", reviewersInSection, "approved"],
      ["return", "section_review", "section_head", reviewersInSection, "draft"],
    ],
    comments: { return: "review_comment" },
  },
  "application.reply": {
    states: ["draft", "section_review", "leader_review", "published"],
    publishedState: "published",
    actions: ["submit", "approve", "return"],
    rows: twoStepReview(),
    comments: { return: "review_comment" },
  },
  // Never withdrawn: a correction is a new edition.
  report: {
    states: ["draft", "section_review", "leader_review", "published"],
    publishedState: "published",
    actions: ["submit", "approve", "return"],
    rows: twoStepReview(),
    comments: { return: "review_comment" },
  },
};

const recordTypeNames = Object.keys(reviewedRecordTypes) as ReviewedRecordTypeName[];

test("every reviewed record type of the product has a declared workflow", () => {
  assert.deepEqual(recordTypeNames.sort(), [
    "application.reply",
    "decision",
    "feedback_reply",
    "inspection.plan",
    "inspection.results",
    "item",
    "power",
    "proposal_reply",
    "report",
    "service",
  ]);
  for (const name of recordTypeNames) assert.equal(reviewedRecordTypes[name].workflow.recordType, name, "the registry's key is the workflow's name");
});

for (const name of recordTypeNames) {
  const recordType = reviewedRecordTypes[name];
  const workflow = recordType.workflow;
  const want = expected[name];

  describe(`the ${name} workflow`, () => {
    test("declares its states, its published state and exactly the actions it supports", () => {
      assert.deepEqual([...workflow.states], want.states);
      assert.equal(workflow.publishedState, want.publishedState);
      assert.deepEqual([...workflow.actions], want.actions);
    });

    test("every role × action × state × relation gives exactly the transitions of the table", () => {
      for (const action of reviewActions) {
        // A state from which nobody (no person, not the system) may take the action: 409 for everyone.
        const possibleFrom = new Set(
          [...want.rows, ...(want.system ?? []).map(([a, from, to]) => [a, from, "admin", [], to] as Row)]
            .filter((row) => row[0] === action)
            .map((row) => row[1]),
        );
        for (const state of workflow.states) {
          for (const role of roles) {
            for (const relation of cases) {
              const label = `${name}: ${role} (${relation}) ${action} from ${state}`;
              const decision = decideTransition(workflow, { actor: actorFor(role, relation), subject: subjectIn(state), action, comment: "意见" });
              const row = want.rows.find(([a, from, r, allowedIn]) => a === action && from === state && r === role && allowedIn.includes(relation));
              if (row) {
                assert.ok(decision.allowed, `${label} should be allowed`);
                assert.equal(decision.allowed && decision.to, row[4], label);
              } else {
                assert.equal(decision.allowed, false, `${label} should be refused`);
                assert.equal(!decision.allowed && decision.status, possibleFrom.has(state) ? 403 : 409, label);
              }
            }
          }
        }
      }
    });

    test("the system takes only its own steps, and no person takes them", () => {
      for (const action of reviewActions) {
        for (const state of workflow.states) {
          const decision = decideTransition(workflow, { actor: "system", subject: subjectIn(state), action });
          const own = want.system?.find(([a, from]) => a === action && from === state);
          assert.equal(decision.allowed && decision.to, own ? own[2] : false, `system ${action} from ${state}`);
        }
      }
    });

    test("the transitions that need a comment refuse without one (422), naming which comment", () => {
      for (const [action, from, role, allowedIn] of want.rows) {
        const decision = decideTransition(workflow, { actor: actorFor(role, allowedIn[0]), subject: subjectIn(from), action, comment: "  " });
        const rule = want.comments[action];
        if (rule) assert.deepEqual(decision, { allowed: false, status: 422, reason: "comment_required", comment: rule }, `${name} ${action}`);
        else assert.equal(decision.allowed, true, `${name} ${action} needs no comment`);
      }
    });

    test("each transition names its own permission, held by exactly the roles of the table", () => {
      for (const transition of workflow.transitions) {
        if (transition.permission === null) continue;
        assert.ok(permissionActions.includes(transition.permission), `${transition.permission} is in the permissions table`);
        assert.ok(transition.permission.startsWith(`${name}.`), `${transition.permission} belongs to ${name}`);
      }
      const permissions = workflow.transitions.map((transition) => transition.permission).filter((permission) => permission !== null);
      assert.equal(new Set(permissions).size, permissions.length, "one permission per transition");
      for (const permission of permissionActions.filter((action) => action.startsWith(`${name}.`) && permissions.length)) {
        const reviewStep = /\.(submit|approve_section|approve_leader|return_section|return_leader|withdraw|restore|restore_any_section|approve|return)$/.test(
          permission,
        );
        if (reviewStep) assert.ok((permissions as string[]).includes(permission), `${permission} is used by a transition of ${name}`);
      }
    });
  });
}

describe("refusals become the errors of the HTTP contract, in the record type's words", () => {
  const item = reviewedRecordTypes.item;
  const leader = actorFor("leader", "other");

  test("409 invalid_state, 403 forbidden, 422 with fields.comment", () => {
    const impossible = decideTransition(item.workflow, { actor: leader, subject: subjectIn("draft"), action: "approve" });
    const conflict = !impossible.allowed && refusalError(item, impossible, "approve");
    assert.ok(conflict instanceof ConflictError);
    assert.equal(conflict.code, "invalid_state");
    assert.equal(conflict.message, "这条信息当前的状态不允许此操作，请刷新后查看。");

    const notHers = decideTransition(item.workflow, { actor: leader, subject: subjectIn("section_review"), action: "approve" });
    const forbidden = !notHers.allowed && refusalError(reviewedRecordTypes.report, notHers, "approve");
    assert.ok(forbidden instanceof ForbiddenError);
    assert.equal(forbidden.message, "您不能对这份报告执行此操作。");

    const silent = decideTransition(item.workflow, { actor: leader, subject: subjectIn("published"), action: "withdraw", comment: "" });
    const invalid = !silent.allowed && refusalError(item, silent, "withdraw");
    assert.ok(invalid instanceof ValidationError);
    assert.deepEqual(invalid.fields, { comment: ["撤回时必须填写公开的撤回理由。"] });
  });

  test("returning without a comment says so in every record type", () => {
    for (const name of recordTypeNames) {
      const recordType = reviewedRecordTypes[name];
      const decision = decideTransition(recordType.workflow, {
        actor: actorFor("section_head", "own"),
        subject: subjectIn("section_review"),
        action: "return",
      });
      assert.ok(!decision.allowed);
      assert.deepEqual((refusalError(recordType, decision, "return") as ValidationError).fields, { comment: ["退回时必须填写意见。"] }, name);
    }
  });

  test("an annual report is never withdrawn: the refusal says to publish a correction", () => {
    const report = reviewedRecordTypes.report;
    for (const state of report.workflow.states) {
      const decision = decideTransition(report.workflow, {
        actor: actorFor("leader", "other"),
        subject: subjectIn(state),
        action: "withdraw",
        comment: "错误",
      });
      assert.ok(!decision.allowed && decision.status === 409);
      assert.equal(refusalError(report, decision, "withdraw").message, "年度报告发布后不能撤回，请发布更正版。");
    }
  });
});

describe("the items' own rules", () => {
  const item = reviewedRecordTypes.item.workflow;
  const leader = actorFor("leader", "other");
  const now = new Date("2026-11-27T08:00:00Z");

  test("a leader's approval with a future publication time schedules; a past time publishes", () => {
    const future = decideTransition(item, {
      actor: leader,
      subject: subjectIn("leader_review"),
      action: "approve",
      publishAt: new Date("2026-11-28T00:00:00Z"),
      now,
    });
    assert.equal(future.allowed && future.to, "scheduled");
    const past = decideTransition(item, {
      actor: leader,
      subject: subjectIn("leader_review"),
      action: "approve",
      publishAt: new Date("2026-11-26T00:00:00Z"),
      now,
    });
    assert.equal(past.allowed && past.to, "published");
    const invalid = decideTransition(item, { actor: leader, subject: subjectIn("leader_review"), action: "approve", publishAt: new Date("not a date"), now });
    assert.deepEqual(invalid, { allowed: false, status: 422, reason: "publish_time_invalid" });
  });

  test("a section head's approval is never scheduled: only the step to publication is", () => {
    const head = actorFor("section_head", "own");
    const decision = decideTransition(item, {
      actor: head,
      subject: subjectIn("section_review"),
      action: "approve",
      publishAt: new Date("2026-11-28T00:00:00Z"),
      now,
    });
    assert.equal(decision.allowed && decision.to, "leader_review");
  });

  test("content is edited by its section's staff and heads (or its author), in draft or published state only", () => {
    for (const state of item.states) {
      assert.equal(
        canEditReviewedContent(actorFor("staff", "own"), { state, sectionId: SECTION, authorId: CREATOR }),
        state === "draft" || state === "published",
        state,
      );
    }
    assert.equal(canEditReviewedContent(actorFor("staff", "author_elsewhere"), { state: "draft", sectionId: SECTION, authorId: CREATOR }), true);
    assert.equal(canEditReviewedContent(actorFor("leader", "own"), { state: "draft", sectionId: SECTION, authorId: CREATOR }), false);
    assert.equal(canEditReviewedContent(actorFor("staff", "other"), { state: "draft", sectionId: SECTION, authorId: CREATOR }), false);
  });
});

test("who may take a transition is read from the permissions table", () => {
  // Leaders approve every two-step review; no administrator takes any review step.
  for (const name of recordTypeNames) {
    const transitions = reviewedRecordTypes[name].workflow.transitions.filter((transition) => transition.permission !== null);
    assert.equal(
      transitions.some((transition) => isPermitted("admin", transition.permission!)),
      false,
      `${name}: admin`,
    );
  }
  assert.ok(isPermitted("leader", "item.approve_leader"));
  assert.equal(isPermitted("section_head", "item.approve_leader"), false);
});

test("a decision batch moves its members by the decisions' own workflow", () => {
  assert.equal(reviewedBatchTypes.decision_batch.member, reviewedRecordTypes.decision);
  assert.equal(reviewedBatchTypes.decision_batch.recordType, "decision_batch");
});
