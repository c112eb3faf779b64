import assert from "node:assert/strict";
import { test } from "node:test";
import { countSatisfaction, formatSatisfactionRate, satisfactionRate } from "@/lib/proposals/satisfaction";

test("满意 and 基本满意 count as satisfied, over those with feedback only", () => {
  const counts = countSatisfaction(["satisfied", "basically_satisfied", "unsatisfied", null, undefined, "satisfied"]);
  assert.deepEqual(counts, { satisfied: 2, basically_satisfied: 1, unsatisfied: 1 });
  assert.equal(satisfactionRate(counts), 0.75);
  assert.equal(formatSatisfactionRate(satisfactionRate(counts)), "75%");
});

test("the seed's 2017: everyone satisfied or basically satisfied is 100%", () => {
  const rate = satisfactionRate(countSatisfaction([...Array(16).fill("satisfied"), ...Array(3).fill("basically_satisfied")]));
  assert.equal(rate, 1);
  assert.equal(formatSatisfactionRate(rate), "100%");
});

test("without any feedback the rate is unknown, not 0%", () => {
  assert.equal(satisfactionRate(countSatisfaction([null, null])), null);
  assert.equal(formatSatisfactionRate(null), "—");
});

test("the rate is always between 0 and 1, and rounds to one decimal when shown", () => {
  const rate = satisfactionRate({ satisfied: 1, basically_satisfied: 1, unsatisfied: 1 })!;
  assert.ok(rate > 0 && rate < 1);
  assert.equal(formatSatisfactionRate(rate), "66.7%");
  assert.equal(satisfactionRate({ satisfied: 0, basically_satisfied: 0, unsatisfied: 4 }), 0);
});
