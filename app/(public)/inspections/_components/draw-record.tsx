import { formatDateTime } from "@/lib/format";
import { messages } from "@/lib/i18n";
import type { AssignmentView, DrawView } from "@/lib/inspections/inspection-views";

const m = messages.inspections;

/** What a draw recorded: enough to re-run it. Used by the public task page and the console. */
export function DrawRecord({ draw, inputHref, showVerification = true }: { draw: DrawView; inputHref?: string; showVerification?: boolean }) {
  const d = m.detail;
  const rows: [string, React.ReactNode][] = [
    [d.drawnAt, formatDateTime(new Date(draw.drawnAt))],
    [d.algorithm, <code key="algorithm">{draw.algorithm}</code>],
    [
      d.seed,
      <code key="seed" className="break-all" data-testid="draw-seed">
        {draw.seed}
      </code>,
    ],
    [
      d.targetList,
      <span key="targets">
        {d.listVersion(draw.targetListVersion)}；{d.hash}{" "}
        <code className="break-all" data-testid="target-list-hash">
          {draw.targetListHash}
        </code>
      </span>,
    ],
    [
      d.inspectorList,
      <span key="inspectors">
        {d.listVersion(draw.inspectorListVersion)}；{d.hash}{" "}
        <code className="break-all" data-testid="inspector-list-hash">
          {draw.inspectorListHash}
        </code>
      </span>,
    ],
    [
      d.inputHash,
      <code key="input" className="break-all" data-testid="draw-input-hash">
        {draw.inputHash}
      </code>,
    ],
  ];
  return (
    <div className="space-y-3 text-sm">
      <dl className="grid grid-cols-1 gap-y-2" data-testid="draw-record">
        {rows.map(([label, value]) => (
          <div key={label} className="grid gap-1 sm:grid-cols-[12rem_1fr]">
            <dt className="text-gray-700">{label}</dt>
            <dd className="min-w-0">{value}</dd>
          </div>
        ))}
      </dl>
      <p>
        {d.candidates(draw.candidateCount)}；{d.pool(draw.activeInspectorCount, draw.conflictCount)}
      </p>
      {showVerification ? (
        <p className={draw.verified ? "text-green-800" : "font-semibold text-red-700"} data-testid="draw-verified">
          {draw.verified ? `✓ ${d.verified}` : `✗ ${d.notVerified}`}
        </p>
      ) : null}
      {inputHref ? (
        <p className="no-print">
          <a href={inputHref} download>
            {d.downloadInput}
          </a>
        </p>
      ) : null}
    </div>
  );
}

/** The drawn targets in draw order, with their inspectors and, when shown, the results. */
export function AssignmentTable({ assignments, showResults }: { assignments: AssignmentView[]; showResults: boolean }) {
  const c = m.detail.columns;
  return (
    <div className="overflow-x-auto">
      <table className="stack-table w-full text-left text-sm" data-testid="assignment-table">
        <thead>
          <tr className="border-b border-gray-300">
            <th scope="col" className="py-2 pr-3">
              {c.position}
            </th>
            <th scope="col" className="py-2 pr-3">
              {c.target}
            </th>
            <th scope="col" className="py-2 pr-3">
              {c.creditCode}
            </th>
            <th scope="col" className="py-2 pr-3">
              {c.address}
            </th>
            <th scope="col" className="py-2 pr-3">
              {c.inspectors}
            </th>
            {showResults ? (
              <>
                <th scope="col" className="py-2 pr-3">
                  {c.inspectedOn}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {c.outcome}
                </th>
                <th scope="col" className="py-2">
                  {c.note}
                </th>
              </>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {assignments.map((assignment) => (
            <tr key={assignment.id} className="border-b border-gray-200 align-top">
              <td className="py-2 pr-3" data-label={c.position}>
                {assignment.position}
              </td>
              <td className="py-2 pr-3" data-label={c.target}>
                {assignment.targetName}
              </td>
              <td className="py-2 pr-3 font-mono text-xs" data-label={c.creditCode}>
                {assignment.targetCreditCode ?? "—"}
              </td>
              <td className="py-2 pr-3" data-label={c.address}>
                {assignment.targetAddress}
              </td>
              <td className="py-2 pr-3" data-label={c.inspectors}>
                {assignment.inspectors.map((inspector) => `${inspector.name}（${inspector.certificateNumber}）`).join("、")}
              </td>
              {showResults ? (
                <>
                  <td className="py-2 pr-3 whitespace-nowrap" data-label={c.inspectedOn}>
                    {assignment.inspectedOn ?? "—"}
                  </td>
                  <td className="py-2 pr-3" data-label={c.outcome}>
                    {assignment.outcome ? m.outcomes[assignment.outcome] : "—"}
                  </td>
                  <td className="py-2" data-label={c.note}>
                    {assignment.note ?? ""}
                  </td>
                </>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** How anyone can re-run a draw: the algorithm of lib/inspections/draw.ts, in words (inside the technical details). */
export function HowToVerify({ algorithm }: { algorithm: string }) {
  const p = m.public;
  return (
    <div className="mt-4 border-t border-gray-200 pt-4">
      <h3 id="how-to-verify" className="text-base font-semibold">
        {p.howToVerify}
      </h3>
      <p className="mt-2 text-sm leading-7">{p.verifyIntro}</p>
      <ol className="mt-2 list-decimal space-y-2 pl-6 text-sm leading-7">
        {p.verifySteps.map((step, index) => (
          <li key={index}>{step}</li>
        ))}
      </ol>
      <p className="mt-3 text-sm text-gray-700">{p.algorithmNote(algorithm)}</p>
    </div>
  );
}

/**
 * The public account of a draw, in plain words first: when, by which section, how many were drawn
 * from how many, how to object; the seed, hashes and the procedure to re-run it are folded below.
 */
export function PublicDrawSummary({
  draw,
  sectionName,
  targetCount,
  inspectorsPerTarget,
  inputHref,
}: {
  draw: DrawView;
  sectionName: string;
  targetCount: number;
  inspectorsPerTarget: number;
  inputHref: string;
}) {
  const p = m.public;
  return (
    <div className="space-y-3 text-sm leading-7">
      <p data-testid="draw-summary">
        {p.drawSummary(formatDateTime(new Date(draw.drawnAt)), sectionName, draw.candidateCount, targetCount, inspectorsPerTarget)}
      </p>
      <p>{p.drawFairness}</p>
      <p className={draw.verified ? "text-green-800" : "font-semibold text-red-700"} data-testid="draw-verified">
        {draw.verified ? `✓ ${m.detail.verified}` : `✗ ${m.detail.notVerified}`}
      </p>
      <div data-testid="draw-objection">
        <h3 className="font-semibold">{p.objectionTitle}</h3>
        <p>
          {p.objection(sectionName)} <a href="/feedback/new">{p.objectionLink}</a>
        </p>
      </div>
      <details className="rounded border border-gray-200 p-3" data-testid="draw-technical">
        <summary className="cursor-pointer font-semibold">{p.technicalDetails}</summary>
        <p className="mt-2 text-gray-700">{p.technicalDetailsHint}</p>
        <div className="mt-3">
          <DrawRecord draw={draw} inputHref={inputHref} showVerification={false} />
        </div>
        <HowToVerify algorithm={draw.algorithm} />
      </details>
    </div>
  );
}
