import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/console/data-table";
import { PageHeader } from "@/components/console/page-header";
import { Panel } from "@/components/console/panel";
import { requirePageUser } from "@/lib/auth/page-guard";
import { isPermitted } from "@/lib/auth/permissions";
import { messages } from "@/lib/i18n";
import { loadOversightSettings } from "@/lib/oversight/oversight-settings";
import { describeCheckedAt, runSpotCheck, type SpotCheckIndicator } from "@/lib/oversight/spot-check";
import type { SpotCheckStatus } from "@/lib/oversight/spot-check-rules";
import { listWordingRules } from "@/lib/oversight/wording-rules";
import { AddWordingRulesForm, OversightSettingsForm, RemoveWordingRuleForm } from "./spot-check-forms";

export const metadata: Metadata = { title: messages.oversight.title };

const m = messages.oversight;

const statusClasses: Record<SpotCheckStatus, string> = {
  pass: "border-green-700 bg-green-50 text-green-900",
  warning: "border-amber-700 bg-amber-50 text-amber-900",
  fail: "border-red-700 bg-red-50 text-red-900",
};

function StatusBadge({ status }: { status: SpotCheckStatus }) {
  return (
    <span
      className={`inline-block rounded border px-2 py-0.5 text-sm font-semibold whitespace-nowrap ${statusClasses[status]}`}
      data-testid="spot-check-status"
    >
      {m.status[status]}
    </span>
  );
}

function IndicatorRecords({ indicator }: { indicator: SpotCheckIndicator }) {
  return (
    <section id={indicator.key} aria-labelledby={`${indicator.key}-title`} className="border-t border-gray-200 pt-4" data-testid={`indicator-${indicator.key}`}>
      <h2 id={`${indicator.key}-title`} className="flex flex-wrap items-center gap-2 text-lg font-semibold">
        {m.indicators[indicator.key]} <StatusBadge status={indicator.status} />
      </h2>
      <p className="mt-1 text-sm text-gray-700">{m.rules[indicator.key]}</p>
      {indicator.records.length ? (
        <ul className="mt-2 list-disc space-y-1 pl-6">
          {indicator.records.map((record, index) => (
            <li key={`${record.url}-${index}`}>
              <Link href={record.url}>{record.label}</Link>
              {record.detail ? <span className="text-gray-700">：{record.detail}</span> : null}
              {record.status === "warning" ? <span className="ml-1 text-sm text-amber-900">（{m.status.warning}）</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-gray-700">{m.nothingToFix}</p>
      )}
    </section>
  );
}

export default async function SpotCheckPage() {
  const actor = await requirePageUser("spot_check.read");
  const [result, settings, wordingRules] = await Promise.all([runSpotCheck(actor), loadOversightSettings(actor), listWordingRules(actor)]);
  const configure = isPermitted(actor.role, "spot_check.configure");
  return (
    <div className="space-y-6">
      <PageHeader title={m.title} description={m.intro} />
      <Panel id="spot-check-summary" title={describeCheckedAt(result)}>
        <DataTable
          caption={m.title}
          framed={false}
          testId="spot-check-summary"
          rows={result.indicators}
          rowKey={(indicator) => indicator.key}
          empty={null}
          columns={[
            {
              key: "indicator",
              header: m.columns.indicator,
              rowHeader: true,
              cell: (indicator) => <a href={`#${indicator.key}`}>{m.indicators[indicator.key]}</a>,
            },
            { key: "status", header: m.columns.status, cell: (indicator) => <StatusBadge status={indicator.status} /> },
            { key: "count", header: m.records, cell: (indicator) => m.count(indicator.count), className: "whitespace-nowrap" },
          ]}
        />
      </Panel>
      <Panel id="spot-check-records" title={m.records}>
        <div className="space-y-4">
          {result.indicators.map((indicator) => (
            <IndicatorRecords key={indicator.key} indicator={indicator} />
          ))}
        </div>
      </Panel>
      <Panel id="wording-rules" title={m.wording.title}>
        {wordingRules.length ? (
          <ul className="mb-4 flex flex-wrap items-start gap-2" data-testid="wording-rules">
            {wordingRules.map((rule) => (
              <li key={rule.id} className="flex flex-wrap items-start gap-2 rounded border border-gray-300 bg-gray-50 py-1 pl-3 pr-1 text-sm">
                <span className="py-1">
                  {rule.wrong} → {rule.correct}
                </span>
                {configure ? <RemoveWordingRuleForm rule={rule} /> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mb-4 text-gray-700">{m.wording.empty}</p>
        )}
        {configure ? <AddWordingRulesForm /> : null}
      </Panel>
      {configure ? (
        <Panel id="spot-check-settings" title={m.settings.title}>
          <OversightSettingsForm settings={settings} />
        </Panel>
      ) : null}
    </div>
  );
}
