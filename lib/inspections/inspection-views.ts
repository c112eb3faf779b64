import "server-only";
import { beijingDayOf, dateColumnToIsoDate } from "@/lib/dates";
import type { Prisma } from "@/lib/db";
import type { WorkingDayCalendar } from "@/lib/deadlines/calendar";
import type { InspectionOutcome, ItemState } from "@/lib/generated/prisma/enums";
import { hashDrawInput, hashInspectorList, hashTargetList, verifyDraw, type DrawInput } from "@/lib/inspections/draw";
import { describeResultsTimeliness, type ResultsTimeliness } from "@/lib/inspections/results-deadline";

/** The shapes the console and the public site read a task in. Dates are strings (cacheable JSON). */

export const inspectionDetailInclude = {
  section: true,
  items: { include: { item: { include: { power: true } } }, orderBy: { itemId: "asc" } },
  draw: { include: { drawnBy: true } },
  assignments: { orderBy: { position: "asc" }, include: { inspectors: { orderBy: { position: "asc" } } } },
} satisfies Prisma.InspectionInclude;

export type InspectionWithDetail = Prisma.InspectionGetPayload<{ include: typeof inspectionDetailInclude }>;

export type DrawView = {
  algorithm: string;
  seed: string;
  targetListVersion: number;
  targetListHash: string;
  inspectorListVersion: number;
  inspectorListHash: string;
  inputHash: string;
  drawnAt: string;
  drawnBy: string;
  candidateCount: number;
  activeInspectorCount: number;
  conflictCount: number;
  /** Re-run from the recorded input: the hashes match and the result is the recorded one. */
  verified: boolean;
};

export type AssignmentView = {
  id: number;
  position: number;
  targetId: number;
  targetName: string;
  targetCreditCode: string | null;
  targetAddress: string;
  inspectors: { id: number; name: string; certificateNumber: string }[];
  outcome: InspectionOutcome | null;
  inspectedOn: string | null;
  note: string | null;
};

export type InspectionView = {
  id: number;
  year: number;
  title: string;
  description: string;
  items: { id: number; name: string; targetScope: string; method: string; powerCode: string; powerName: string }[];
  targetCategories: string[];
  targetCount: number;
  inspectorsPerTarget: number;
  startOn: string;
  endOn: string;
  sectionName: string;
  state: ItemState;
  publishedAt: string | null;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
  resultsState: ItemState;
  resultsPublishedAt: string | null;
  resultsWithdrawnAt: string | null;
  resultsWithdrawalReason: string | null;
  resultsDeadline: ResultsTimeliness;
  draw: DrawView | null;
  assignments: AssignmentView[];
  version: number;
};

export function parseDrawInput(text: string): DrawInput {
  return JSON.parse(text) as DrawInput;
}

function describeDraw(inspection: InspectionWithDetail): DrawView | null {
  const draw = inspection.draw;
  if (!draw) return null;
  const input = parseDrawInput(draw.input);
  const categories = new Set(input.targetCategories);
  const recorded = inspection.assignments.map((assignment) => ({
    targetId: assignment.targetId,
    inspectorIds: assignment.inspectors.map((inspector) => inspector.inspectorId),
  }));
  const verified =
    draw.algorithm === input.algorithm &&
    draw.seed === input.seed &&
    hashDrawInput(input) === draw.inputHash &&
    hashTargetList(input.targets) === draw.targetListHash &&
    hashInspectorList(input.inspectors, input.conflicts) === draw.inspectorListHash &&
    verifyDraw(input, recorded);
  return {
    algorithm: draw.algorithm,
    seed: draw.seed,
    targetListVersion: draw.targetListVersion,
    targetListHash: draw.targetListHash,
    inspectorListVersion: draw.inspectorListVersion,
    inspectorListHash: draw.inspectorListHash,
    inputHash: draw.inputHash,
    drawnAt: draw.drawnAt.toISOString(),
    drawnBy: draw.drawnBy.displayName,
    candidateCount: input.targets.filter((target) => target.active && (categories.size === 0 || categories.has(target.category))).length,
    activeInspectorCount: input.inspectors.filter((inspector) => inspector.active).length,
    conflictCount: input.conflicts.length,
    verified,
  };
}

export function toInspectionView(
  inspection: InspectionWithDetail,
  calendar: WorkingDayCalendar,
  today: string,
  options: { withResults: boolean },
): InspectionView {
  return {
    id: inspection.id,
    year: inspection.year,
    title: inspection.title,
    description: inspection.description,
    items: inspection.items.map(({ item }) => ({
      id: item.id,
      name: item.name,
      targetScope: item.targetScope,
      method: item.method,
      powerCode: item.power.code,
      powerName: item.power.name,
    })),
    targetCategories: inspection.targetCategories,
    targetCount: inspection.targetCount,
    inspectorsPerTarget: inspection.inspectorsPerTarget,
    startOn: dateColumnToIsoDate(inspection.startOn),
    endOn: dateColumnToIsoDate(inspection.endOn),
    sectionName: inspection.section.name,
    state: inspection.state,
    publishedAt: inspection.publishedAt?.toISOString() ?? null,
    withdrawnAt: inspection.withdrawnAt?.toISOString() ?? null,
    withdrawalReason: inspection.withdrawalReason,
    resultsState: inspection.resultsState,
    resultsPublishedAt: inspection.resultsPublishedAt?.toISOString() ?? null,
    resultsWithdrawnAt: inspection.resultsWithdrawnAt?.toISOString() ?? null,
    resultsWithdrawalReason: inspection.resultsWithdrawalReason,
    resultsDeadline: describeResultsTimeliness(
      calendar,
      dateColumnToIsoDate(inspection.endOn),
      inspection.resultsPublishedAt ? beijingDayOf(inspection.resultsPublishedAt) : null,
      today,
    ),
    draw: describeDraw(inspection),
    assignments: inspection.assignments.map((assignment) => ({
      id: assignment.id,
      position: assignment.position,
      targetId: assignment.targetId,
      targetName: assignment.targetName,
      targetCreditCode: assignment.targetCreditCode,
      targetAddress: assignment.targetAddress,
      inspectors: assignment.inspectors.map((inspector) => ({
        id: inspector.inspectorId,
        name: inspector.inspectorName,
        certificateNumber: inspector.certificateNumber,
      })),
      outcome: options.withResults ? assignment.outcome : null,
      inspectedOn: options.withResults ? dateColumnToIsoDate(assignment.inspectedOn) : null,
      note: options.withResults ? assignment.resultNote : null,
    })),
    version: inspection.version,
  };
}
