import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, test } from "node:test";
import { createWeekendOnlyCalendar } from "@/lib/deadlines/calendar";
import {
  createSha256CounterGenerator,
  drawAlgorithm,
  hashDrawInput,
  hashInspectorList,
  hashTargetList,
  runDraw,
  serializeDrawInput,
  shuffle,
  verifyDraw,
  type DrawInput,
  type DrawInspector,
  type DrawTarget,
} from "@/lib/inspections/draw";
import { describeResultsTimeliness } from "@/lib/inspections/results-deadline";

const seedA = "3f9a1c0e6b2d4f8a9c7e5b3d1f0a2c4e6b8d0f1a3c5e7b9d2f4a6c8e0b1d3f5a";
const seedB = "0000000000000000000000000000000000000000000000000000000000000001";

function targets(count: number, category = (id: number) => (id % 3 === 0 ? "临街商户" : "户外广告经营单位")): DrawTarget[] {
  return Array.from({ length: count }, (_, index) => {
    const id = index + 1;
    return { id, name: `对象${id}`, creditCode: null, address: `地址${id}`, category: category(id), active: true };
  });
}

function inspectors(count: number): DrawInspector[] {
  return Array.from({ length: count }, (_, index) => ({
    id: 100 + index,
    name: `人员${index}`,
    certificateNumber: `2310081700${index}`,
    section: "综合执法大队",
    active: true,
  }));
}

function input(overrides: Partial<DrawInput> = {}): DrawInput {
  return {
    algorithm: drawAlgorithm,
    seed: seedA,
    targetCategories: [],
    targetCount: 5,
    inspectorsPerTarget: 2,
    targets: targets(30),
    inspectors: inspectors(8),
    conflicts: [],
    ...overrides,
  };
}

function assignmentsOf(drawInput: DrawInput) {
  const outcome = runDraw(drawInput);
  assert.ok(outcome.ok, JSON.stringify(!outcome.ok && outcome.problem));
  return outcome.assignments;
}

describe("the random number stream", () => {
  test("is SHA-256 of `<seed>:<counter>` read as big-endian 32-bit words, as the public page documents", () => {
    const random = createSha256CounterGenerator("abc");
    const block0 = createHash("sha256").update("abc:0").digest();
    const block1 = createHash("sha256").update("abc:1").digest();
    const expected = [...Array.from({ length: 8 }, (_, index) => block0.readUInt32BE(index * 4)), block1.readUInt32BE(0)];
    assert.deepEqual(
      Array.from({ length: 9 }, () => random.nextUint32()),
      expected,
    );
  });

  test("nextBelow stays in range and covers every value", () => {
    const random = createSha256CounterGenerator(seedB);
    const counts = new Array(7).fill(0);
    for (let index = 0; index < 7000; index++) counts[random.nextBelow(7)]++;
    for (const count of counts) assert.ok(count > 800 && count < 1200, `roughly uniform: ${counts}`);
    assert.throws(() => random.nextBelow(0), RangeError);
  });

  test("shuffle is a permutation and depends on the seed", () => {
    const list = Array.from({ length: 20 }, (_, index) => index);
    const a = shuffle(list, createSha256CounterGenerator(seedA));
    const b = shuffle(list, createSha256CounterGenerator(seedB));
    assert.deepEqual(
      [...a].sort((x, y) => x - y),
      list,
    );
    assert.notDeepEqual(a, b);
    assert.deepEqual(
      list,
      Array.from({ length: 20 }, (_, index) => index),
      "the input is not changed",
    );
  });
});

describe("the draw", () => {
  test("the same seed and the same lists give the same result, whatever order the rows arrive in", () => {
    const first = assignmentsOf(input());
    const reordered = input({ targets: [...targets(30)].reverse(), inspectors: [...inspectors(8)].reverse() });
    assert.deepEqual(assignmentsOf(input()), first);
    assert.deepEqual(assignmentsOf(reordered), first);
  });

  test("a known answer pins the algorithm (changing any step is a new algorithm name)", () => {
    // Worked out independently from the public description (a short Python script: hashlib.sha256,
    // rejection sampling, Fisher–Yates), so this checks the code against the documentation.
    const assignments = assignmentsOf(input({ seed: "gongkai", targetCount: 3, targets: targets(10), inspectors: inspectors(4) }));
    assert.deepEqual(assignments, [
      { targetId: 1, inspectorIds: [101, 102] },
      { targetId: 4, inspectorIds: [100, 101] },
      { targetId: 7, inspectorIds: [101, 103] },
    ]);
  });

  test("a different seed gives a different draw", () => {
    assert.notDeepEqual(assignmentsOf(input({ seed: seedB })), assignmentsOf(input()));
  });

  test("draws N distinct targets from the filtered, active list, each with K distinct inspectors", () => {
    const list = targets(30);
    list[2].active = false;
    const assignments = assignmentsOf(input({ targets: list, targetCategories: ["临街商户"], targetCount: 9, inspectorsPerTarget: 3 }));
    assert.equal(assignments.length, 9);
    const drawn = assignments.map((assignment) => assignment.targetId);
    assert.equal(new Set(drawn).size, 9);
    for (const id of drawn) {
      assert.equal(list[id - 1].category, "临街商户");
      assert.notEqual(id, 3, "an inactive target is never drawn");
    }
    for (const assignment of assignments) {
      assert.equal(assignment.inspectorIds.length, 3);
      assert.equal(new Set(assignment.inspectorIds).size, 3);
    }
  });

  test("a declared conflict of interest is never drawn, for any seed", () => {
    const conflicts = [100, 101, 102, 103, 104].map((inspectorId) => ({ inspectorId, targetId: 1 })).concat([{ inspectorId: 105, targetId: 2 }]);
    for (let seed = 0; seed < 200; seed++) {
      const assignments = assignmentsOf(input({ seed: `seed-${seed}`, targetCount: 30, conflicts }));
      const forOne = assignments.find((assignment) => assignment.targetId === 1)!;
      assert.ok(
        forOne.inspectorIds.every((id) => id >= 105),
        `seed ${seed}: ${forOne.inspectorIds}`,
      );
      const forTwo = assignments.find((assignment) => assignment.targetId === 2)!;
      assert.ok(!forTwo.inspectorIds.includes(105), `seed ${seed}`);
    }
  });

  test("inactive inspectors are never drawn", () => {
    const list = inspectors(4);
    list[0].active = false;
    for (const assignment of assignmentsOf(input({ inspectors: list, targetCount: 30 }))) assert.ok(!assignment.inspectorIds.includes(100));
  });

  test("too few targets, too few inspectors, or too few without conflicts are refused with the numbers", () => {
    assert.deepEqual(runDraw(input({ targetCount: 31 })), { ok: false, problem: { kind: "not_enough_targets", available: 30, requested: 31 } });
    assert.deepEqual(runDraw(input({ inspectors: inspectors(1) })), { ok: false, problem: { kind: "not_enough_inspectors", available: 1, required: 2 } });
    const conflicts = [100, 101, 102, 103, 104, 105, 106].map((inspectorId) => ({ inspectorId, targetId: 7 }));
    assert.deepEqual(runDraw(input({ targetCount: 30, conflicts })), {
      ok: false,
      problem: { kind: "not_enough_inspectors_for_target", targetId: 7, eligible: 1, required: 2 },
    });
    assert.deepEqual(runDraw(input({ inspectorsPerTarget: 1 })), { ok: false, problem: { kind: "invalid_counts" } });
    assert.deepEqual(runDraw(input({ algorithm: "other/1" })), { ok: false, problem: { kind: "unknown_algorithm", algorithm: "other/1" } });
  });

  test("verifyDraw accepts the recorded result and rejects any other", () => {
    const assignments = assignmentsOf(input());
    assert.ok(verifyDraw(input(), assignments));
    const swapped = assignments.map((assignment) => ({ ...assignment, inspectorIds: [...assignment.inspectorIds].reverse() }));
    assert.ok(!verifyDraw(input(), swapped));
    assert.ok(!verifyDraw(input({ seed: seedB }), assignments));
  });
});

describe("list hashes", () => {
  test("are independent of row and key order and change with any content", () => {
    const list = targets(5);
    const shuffledKeys = list.map((target) => ({
      active: target.active,
      category: target.category,
      address: target.address,
      creditCode: target.creditCode,
      name: target.name,
      id: target.id,
    }));
    assert.equal(hashTargetList([...shuffledKeys].reverse()), hashTargetList(list));
    const renamed = targets(5);
    renamed[4].address = "新地址";
    assert.notEqual(hashTargetList(renamed), hashTargetList(list));
    assert.notEqual(hashInspectorList(inspectors(3), [{ inspectorId: 100, targetId: 1 }]), hashInspectorList(inspectors(3), []));
  });

  test("are SHA-256 of the documented JSON text", () => {
    const list = targets(2);
    const text = JSON.stringify(
      list.map((target) => ({
        id: target.id,
        name: target.name,
        creditCode: target.creditCode,
        address: target.address,
        category: target.category,
        active: target.active,
      })),
    );
    assert.equal(hashTargetList(list), createHash("sha256").update(text, "utf8").digest("hex"));
    assert.equal(hashDrawInput(input()), createHash("sha256").update(serializeDrawInput(input()), "utf8").digest("hex"));
    assert.ok(serializeDrawInput(input()).includes("对象1"), "Chinese is not escaped");
  });

  test("a serialized input parsed back re-runs to the same draw", () => {
    const text = serializeDrawInput(input({ conflicts: [{ inspectorId: 101, targetId: 4 }] }));
    assert.deepEqual(assignmentsOf(JSON.parse(text) as DrawInput), assignmentsOf(input({ conflicts: [{ inspectorId: 101, targetId: 4 }] })));
  });
});

describe("results deadline", () => {
  const calendar = createWeekendOnlyCalendar();
  test("is 20 working days after the inspection's end; on time, late, pending and overdue", () => {
    // 2017-05-26 is a Friday: 20 weekdays later is Friday 2017-06-23.
    assert.equal(describeResultsTimeliness(calendar, "2017-05-26", null, "2017-06-01").due, "2017-06-23");
    assert.equal(describeResultsTimeliness(calendar, "2017-05-26", "2017-06-23", "2017-07-01").status, "on_time");
    assert.equal(describeResultsTimeliness(calendar, "2017-05-26", "2017-06-26", "2017-07-01").status, "late");
    assert.equal(describeResultsTimeliness(calendar, "2017-05-26", null, "2017-06-23").status, "pending");
    assert.equal(describeResultsTimeliness(calendar, "2017-05-26", null, "2017-06-26").status, "overdue");
    assert.match(describeResultsTimeliness(calendar, "2017-05-26", null, "2017-06-01").explanation, /自2017-05-26起算20个工作日/);
  });
});
