import { createHash } from "node:crypto";

/**
 * The random draw of 双随机一公开, as a pure function: the same input always gives the same
 * result, so anyone holding the published input can re-run a draw and check it. Nothing here
 * reads the database, the clock or Math.random; the only randomness is the seed, chosen by the
 * server (32 random bytes, hex) when the draw is taken and published with the result.
 *
 * Algorithm `gongkai-draw/1` (described for the public on every task page; keep both in step —
 * a change of any step is a new algorithm name, never an edit of this one):
 *
 * 1. Random numbers: block k (k = 0, 1, 2, …) is SHA-256 of the UTF-8 text `<seed>:<k>` (k in
 *    decimal). Each 32-byte block gives eight unsigned 32-bit integers, read big-endian, in order.
 * 2. A random integer below n: take the next integer u; while u ≥ n·⌊2³²/n⌋ discard it and take
 *    the next one (rejection, so every value is equally likely); the answer is u mod n.
 * 3. Shuffle (Fisher–Yates): for i from length−1 down to 1, j = random integer below i+1, swap
 *    the elements at i and j.
 * 4. Candidate targets: the active targets whose category is one of the task's categories (all
 *    categories when the task names none), in ascending id order. Shuffle them; the first N in
 *    shuffled order are drawn, in that order.
 * 5. Inspectors: for each drawn target in draw order, the active inspectors who have not declared a
 *    conflict of interest with that target, in ascending id order; shuffle them (continuing the
 *    same stream of random numbers) and take the first K (K ≥ 2 inspectors per target).
 *
 * List hashes: SHA-256 (hex) of the UTF-8 JSON text of the list exactly as the draw input holds it
 * (JavaScript's JSON.stringify: no spaces, non-ASCII characters not escaped; Python:
 * json.dumps(value, ensure_ascii=False, separators=(",", ":"))). The target list hash covers
 * `targets`; the inspector list hash covers `{"inspectors":…,"conflicts":…}`; the input hash
 * covers the whole input.
 */

export const drawAlgorithm = "gongkai-draw/1";

export type DrawTarget = { id: number; name: string; creditCode: string | null; address: string; category: string; active: boolean };
export type DrawInspector = { id: number; name: string; certificateNumber: string; section: string; active: boolean };
export type DrawConflict = { inspectorId: number; targetId: number };

/** Everything a draw depends on. Lists are whole (inactive rows included), sorted by id. */
export type DrawInput = {
  algorithm: string;
  seed: string;
  targetCategories: string[];
  targetCount: number;
  inspectorsPerTarget: number;
  targets: DrawTarget[];
  inspectors: DrawInspector[];
  conflicts: DrawConflict[];
};

export type DrawAssignment = { targetId: number; inspectorIds: number[] };

export type DrawProblem =
  | { kind: "not_enough_targets"; available: number; requested: number }
  | { kind: "not_enough_inspectors"; available: number; required: number }
  | { kind: "not_enough_inspectors_for_target"; targetId: number; eligible: number; required: number }
  | { kind: "unknown_algorithm"; algorithm: string }
  | { kind: "invalid_counts" };

export type DrawOutcome = { ok: true; assignments: DrawAssignment[] } | { ok: false; problem: DrawProblem };

export const minimumInspectorsPerTarget = 2;

/** The stream of random 32-bit integers of step 1. */
export function createSha256CounterGenerator(seed: string) {
  let counter = 0;
  let block: Buffer = Buffer.alloc(0);
  let offset = 32;
  function nextUint32(): number {
    if (offset >= 32) {
      block = createHash("sha256").update(`${seed}:${counter}`, "utf8").digest();
      counter++;
      offset = 0;
    }
    const value = block.readUInt32BE(offset);
    offset += 4;
    return value;
  }
  /** Step 2: a uniformly distributed integer in [0, n). */
  function nextBelow(n: number): number {
    if (!Number.isSafeInteger(n) || n <= 0 || n > 2 ** 32) throw new RangeError(`nextBelow needs 1 ≤ n ≤ 2^32, got ${n}`);
    const limit = Math.floor(2 ** 32 / n) * n;
    for (;;) {
      const value = nextUint32();
      if (value < limit) return value % n;
    }
  }
  return { nextUint32, nextBelow };
}

export type RandomSource = ReturnType<typeof createSha256CounterGenerator>;

/** Step 3: shuffles a copy of the list. */
export function shuffle<Element>(list: readonly Element[], random: RandomSource): Element[] {
  const result = [...list];
  for (let index = result.length - 1; index > 0; index--) {
    const other = random.nextBelow(index + 1);
    [result[index], result[other]] = [result[other], result[index]];
  }
  return result;
}

const byId = (a: { id: number }, b: { id: number }) => a.id - b.id;

/** Steps 4 and 5. */
export function runDraw(input: DrawInput): DrawOutcome {
  if (input.algorithm !== drawAlgorithm) return { ok: false, problem: { kind: "unknown_algorithm", algorithm: input.algorithm } };
  const { targetCount, inspectorsPerTarget } = input;
  if (!Number.isInteger(targetCount) || targetCount < 1 || !Number.isInteger(inspectorsPerTarget) || inspectorsPerTarget < minimumInspectorsPerTarget) {
    return { ok: false, problem: { kind: "invalid_counts" } };
  }
  const categories = new Set(input.targetCategories);
  const candidates = input.targets.filter((target) => target.active && (categories.size === 0 || categories.has(target.category))).sort(byId);
  if (candidates.length < targetCount) return { ok: false, problem: { kind: "not_enough_targets", available: candidates.length, requested: targetCount } };
  const pool = input.inspectors.filter((inspector) => inspector.active).sort(byId);
  if (pool.length < inspectorsPerTarget)
    return { ok: false, problem: { kind: "not_enough_inspectors", available: pool.length, required: inspectorsPerTarget } };
  const conflicts = new Set(input.conflicts.map((conflict) => `${conflict.inspectorId}:${conflict.targetId}`));

  const random = createSha256CounterGenerator(input.seed);
  const drawn = shuffle(candidates, random).slice(0, targetCount);
  const assignments: DrawAssignment[] = [];
  for (const target of drawn) {
    const eligible = pool.filter((inspector) => !conflicts.has(`${inspector.id}:${target.id}`));
    if (eligible.length < inspectorsPerTarget) {
      return {
        ok: false,
        problem: { kind: "not_enough_inspectors_for_target", targetId: target.id, eligible: eligible.length, required: inspectorsPerTarget },
      };
    }
    assignments.push({
      targetId: target.id,
      inspectorIds: shuffle(eligible, random)
        .slice(0, inspectorsPerTarget)
        .map((inspector) => inspector.id),
    });
  }
  return { ok: true, assignments };
}

// Canonical forms: fixed key order and id order, so the JSON text (and so the hash) of the same
// content is always the same, whatever order the rows or keys came in.

export function canonicalTargets(targets: readonly DrawTarget[]): DrawTarget[] {
  return [...targets].sort(byId).map((target) => ({
    id: target.id,
    name: target.name,
    creditCode: target.creditCode,
    address: target.address,
    category: target.category,
    active: target.active,
  }));
}

export function canonicalInspectors(inspectors: readonly DrawInspector[]): DrawInspector[] {
  return [...inspectors].sort(byId).map((inspector) => ({
    id: inspector.id,
    name: inspector.name,
    certificateNumber: inspector.certificateNumber,
    section: inspector.section,
    active: inspector.active,
  }));
}

export function canonicalConflicts(conflicts: readonly DrawConflict[]): DrawConflict[] {
  return [...conflicts]
    .sort((a, b) => a.inspectorId - b.inspectorId || a.targetId - b.targetId)
    .map((conflict) => ({ inspectorId: conflict.inspectorId, targetId: conflict.targetId }));
}

export function canonicalDrawInput(input: DrawInput): DrawInput {
  return {
    algorithm: input.algorithm,
    seed: input.seed,
    targetCategories: [...new Set(input.targetCategories)].sort(),
    targetCount: input.targetCount,
    inspectorsPerTarget: input.inspectorsPerTarget,
    targets: canonicalTargets(input.targets),
    inspectors: canonicalInspectors(input.inspectors),
    conflicts: canonicalConflicts(input.conflicts),
  };
}

function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export function hashTargetList(targets: readonly DrawTarget[]): string {
  return sha256Hex(JSON.stringify(canonicalTargets(targets)));
}

export function hashInspectorList(inspectors: readonly DrawInspector[], conflicts: readonly DrawConflict[]): string {
  return sha256Hex(JSON.stringify({ inspectors: canonicalInspectors(inspectors), conflicts: canonicalConflicts(conflicts) }));
}

/** The canonical JSON text of a draw input: what is stored, published and hashed. */
export function serializeDrawInput(input: DrawInput): string {
  return JSON.stringify(canonicalDrawInput(input));
}

export function hashDrawInput(input: DrawInput): string {
  return sha256Hex(serializeDrawInput(input));
}

/** Re-runs a recorded draw and compares it with the recorded assignments. */
export function verifyDraw(input: DrawInput, recorded: readonly DrawAssignment[]): boolean {
  const outcome = runDraw(input);
  if (!outcome.ok || outcome.assignments.length !== recorded.length) return false;
  return outcome.assignments.every(
    (assignment, index) =>
      assignment.targetId === recorded[index].targetId &&
      assignment.inspectorIds.length === recorded[index].inspectorIds.length &&
      assignment.inspectorIds.every((id, position) => id === recorded[index].inspectorIds[position]),
  );
}
