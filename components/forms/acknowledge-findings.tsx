"use client";

import { useFormState } from "@/components/forms/action-form";
import { compactInputClass } from "@/components/forms/styles";
import { messages } from "@/lib/i18n";

const kinds: Record<string, string | undefined> = messages.consoleItems.detail.findingKinds;

/**
 * After a submission refused for screening findings (保密审查提示), each finding with a field for
 * the note that acknowledges it (`ack:<key>`); sent again with the same step.
 */
export function AcknowledgeFindings({ idPrefix, title, help, noteLabel }: { idPrefix: string; title: string; help: string; noteLabel: string }) {
  const findings = useFormState().findings;
  if (!findings?.length) return null;
  return (
    <section className="mb-4 rounded border border-amber-700 bg-amber-50 p-4" aria-labelledby={`${idPrefix}-title`} data-testid="screening-findings">
      <h3 id={`${idPrefix}-title`} className="font-semibold">
        {title}
      </h3>
      <p className="mt-1 text-sm">{help}</p>
      <ol className="mt-3 space-y-3">
        {findings.map((finding, index) => (
          <li key={finding.key} className="rounded border border-amber-300 bg-white p-3 text-sm">
            <p>
              <strong>{kinds[finding.kind] ?? finding.kind}</strong>（{finding.source}）：<code>{finding.match}</code>
            </p>
            <p className="mt-1 text-gray-700">……{finding.context}……</p>
            <label htmlFor={`${idPrefix}-${index}`} className="mt-2 block">
              {noteLabel} {index + 1}
            </label>
            <input id={`${idPrefix}-${index}`} name={`ack:${finding.key}`} required maxLength={500} className={`mt-1 block w-full ${compactInputClass}`} />
          </li>
        ))}
      </ol>
    </section>
  );
}
