import type { Metadata } from "next";
import { DataTable } from "@/components/console/data-table";
import { Notice } from "@/components/console/notice";
import { PageHeader } from "@/components/console/page-header";
import { Panel } from "@/components/console/panel";
import { DateField } from "@/components/forms/field";
import { buttonClass } from "@/components/forms/styles";
import { requirePageUser } from "@/lib/auth/page-guard";
import { checkCalendarDay, describeCalendarCoverage, listCalendarOverrides, type CalendarDayCheck } from "@/lib/calendar/manage-calendar-overrides";
import { todayInBeijing } from "@/lib/dates";
import type { DayClassification } from "@/lib/deadlines/calendar";
import { ValidationError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { RemoveCalendarOverrideForm, SetCalendarOverrideForm } from "./calendar-forms";

export const metadata: Metadata = { title: messages.calendarAdmin.title };

const m = messages.calendarAdmin;

type Props = { searchParams: Promise<{ date?: string | string[] }> };

function describeClassification(classification: DayClassification): string {
  const reason = m.reasons[classification.reason];
  return classification.holidayName ? `${reason}（${classification.holidayName}）` : reason;
}

export default async function CalendarAdminPage({ searchParams }: Props) {
  const actor = await requirePageUser("calendar.manage");
  const query = await searchParams;
  const requestedDate = typeof query.date === "string" ? query.date : undefined;
  const overrides = await listCalendarOverrides(actor);
  const coverage = describeCalendarCoverage();
  let check: CalendarDayCheck | null = null;
  let checkErrors: string[] | undefined;
  if (requestedDate !== undefined) {
    try {
      check = await checkCalendarDay(actor, { date: requestedDate });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      checkErrors = error.fields.date ?? Object.values(error.fields).flat();
    }
  }
  return (
    <div className="space-y-6">
      <PageHeader title={m.title} description={m.intro} />

      <div className="rounded border border-gray-300 bg-white p-4 text-sm">
        <p data-testid="calendar-coverage">{m.coverage(coverage.firstYear, coverage.lastYear)}</p>
        {coverage.nextYearCovered ? null : (
          <Notice tone="warning" testId="coverage-warning" className="mt-2">
            {m.coverageWarning(coverage.nextYear)}
          </Notice>
        )}
      </div>

      <Panel id="calendar-checker" title={m.checker} description={m.checkerHint}>
        <form method="get" className="flex flex-wrap items-start gap-3" aria-label={m.checker}>
          <DateField id="check-date" name="date" label={m.date} defaultValue={requestedDate ?? todayInBeijing()} errors={checkErrors} inline />
          <button type="submit" className={`mt-6 ${buttonClass.secondary}`}>
            {m.check}
          </button>
        </form>
        {check ? (
          <div
            data-testid="calendar-check-result"
            className={`mt-4 rounded border px-3 py-2 text-sm ${check.working ? "border-green-700 bg-green-50 text-green-950" : "border-gray-500 bg-gray-50 text-gray-950"}`}
          >
            <p className="font-semibold">{m.result(check.date, m.weekdays[check.dayOfWeek], check.working)}</p>
            <p>
              {m.reason}：{describeClassification(check)}
            </p>
            {check.outsideCoverage ? <p className="mt-1 text-amber-900">{m.outsideCoverage}</p> : null}
          </div>
        ) : null}
      </Panel>

      <Panel id="calendar-overrides" title={m.overrides}>
        <DataTable
          caption={m.overrides}
          rows={overrides}
          rowKey={(override) => override.date}
          empty={m.empty}
          framed={false}
          columns={[
            { key: "date", header: m.date, cell: (override) => override.date, className: "font-mono" },
            { key: "weekday", header: m.weekday, cell: (override) => m.weekdays[override.dayOfWeek] },
            { key: "working", header: m.working, cell: (override) => (override.working ? m.workingDay : m.restDay) },
            { key: "note", header: m.note, cell: (override) => override.note },
            {
              key: "official",
              header: m.official,
              cell: (override) => `${override.official.working ? m.workingDay : m.restDay}：${describeClassification(override.official)}`,
            },
          ]}
          rowActions={{ header: m.remove, hideHeader: true, cell: (override) => <RemoveCalendarOverrideForm date={override.date} /> }}
        />
      </Panel>

      <Panel id="add-calendar-override" title={m.add}>
        <SetCalendarOverrideForm />
      </Panel>
    </div>
  );
}
