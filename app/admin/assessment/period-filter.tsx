import { FilterBar, FilterSelect } from "@/components/console/filter-bar";
import { todayInBeijing } from "@/lib/dates";
import { messages } from "@/lib/i18n";
import { firstAssessmentYear, type AssessmentPeriod } from "@/lib/oversight/assessment-period";

const m = messages.assessment;

const yearOptions = (currentYear: number) =>
  Array.from({ length: currentYear - firstAssessmentYear + 1 }, (_, index) => currentYear - index).map((year) => ({ value: year, label: String(year) }));

/** The period's year, quarter and month (a GET form); keeps the agency a platform role is looking at. */
export function PeriodFilter({ period, agencyCode }: { period: AssessmentPeriod; agencyCode: string | null }) {
  const currentYear = Number(todayInBeijing().slice(0, 4));
  return (
    <FilterBar label={m.period.legend} submitLabel={m.period.submit} after={<span className="text-gray-700">{m.period.hint}</span>}>
      {agencyCode ? <input type="hidden" name="agency" value={agencyCode} /> : null}
      <FilterSelect name="year" label={m.period.yearLabel} defaultValue={period.year} options={yearOptions(currentYear)} />
      <FilterSelect
        name="quarter"
        label={m.period.quarterLabel}
        defaultValue={period.quarter ?? ""}
        allLabel={m.period.none}
        options={[1, 2, 3, 4].map((quarter) => ({ value: quarter, label: m.period.quarterOption(quarter) }))}
      />
      <FilterSelect
        name="month"
        label={m.period.monthLabel}
        defaultValue={period.month ?? ""}
        allLabel={m.period.none}
        options={Array.from({ length: 12 }, (_, index) => ({ value: index + 1, label: m.period.monthOption(index + 1) }))}
      />
    </FilterBar>
  );
}
