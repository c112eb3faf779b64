import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/page-guard";
import {
  checkCalendarDay,
  describeCalendarCoverage,
  listCalendarOverrides,
  type CalendarDayCheck,
} from "@/lib/calendar/manage-calendar-overrides";
import type { DayClassification } from "@/lib/deadlines/calendar";
import { todayInBeijing } from "@/lib/dates";
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
      <div>
        <h1 className="text-xl font-bold">{m.title}</h1>
        <p className="mt-2 text-sm text-gray-700">{m.intro}</p>
      </div>

      <div className="rounded border border-gray-300 bg-white p-4 text-sm">
        <p data-testid="calendar-coverage">{m.coverage(coverage.firstYear, coverage.lastYear)}</p>
        {coverage.nextYearCovered ? null : (
          <p data-testid="coverage-warning" className="mt-2 rounded border border-amber-700 bg-amber-50 px-3 py-2 text-amber-950">
            {m.coverageWarning(coverage.nextYear)}
          </p>
        )}
      </div>

      <section aria-labelledby="calendar-checker" className="rounded border border-gray-300 bg-white p-6">
        <h2 id="calendar-checker" className="mb-1 text-lg font-semibold">{m.checker}</h2>
        <p className="mb-4 text-sm text-gray-700">{m.checkerHint}</p>
        <form method="get" className="flex flex-wrap items-start gap-3" aria-label={m.checker}>
          <div>
            <label htmlFor="check-date" className="block text-sm font-medium text-gray-900">{m.date}</label>
            <input
              id="check-date"
              name="date"
              type="date"
              defaultValue={requestedDate ?? todayInBeijing()}
              aria-invalid={checkErrors ? true : undefined}
              aria-describedby={checkErrors ? "check-date-error" : undefined}
              className="mt-1 block rounded border border-gray-400 bg-white px-3 py-2 text-base focus:border-blue-800 focus:outline-none focus:ring-2 focus:ring-blue-700 aria-[invalid=true]:border-red-700"
            />
            {checkErrors ? <p id="check-date-error" data-testid="error-date" className="mt-1 text-sm text-red-700">{checkErrors.join(" ")}</p> : null}
          </div>
          <button type="submit" className="mt-6 rounded border border-gray-500 bg-white px-4 py-2 text-sm font-medium hover:bg-gray-100 focus:outline-none focus:ring-2 focus:ring-blue-700">
            {m.check}
          </button>
        </form>
        {check ? (
          <div data-testid="calendar-check-result" className={`mt-4 rounded border px-3 py-2 text-sm ${check.working ? "border-green-700 bg-green-50 text-green-950" : "border-gray-500 bg-gray-50 text-gray-950"}`}>
            <p className="font-semibold">{m.result(check.date, m.weekdays[check.dayOfWeek], check.working)}</p>
            <p>{m.reason}：{describeClassification(check)}</p>
            {check.outsideCoverage ? <p className="mt-1 text-amber-900">{m.outsideCoverage}</p> : null}
          </div>
        ) : null}
      </section>

      <section aria-labelledby="calendar-overrides" className="rounded border border-gray-300 bg-white p-4">
        <h2 id="calendar-overrides" className="mb-3 text-lg font-semibold">{m.overrides}</h2>
        {overrides.length ? (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="bg-gray-100">
                <tr>
                  <th scope="col" className="px-3 py-2">{m.date}</th>
                  <th scope="col" className="px-3 py-2">{m.weekday}</th>
                  <th scope="col" className="px-3 py-2">{m.working}</th>
                  <th scope="col" className="px-3 py-2">{m.note}</th>
                  <th scope="col" className="px-3 py-2">{m.official}</th>
                  <th scope="col" className="px-3 py-2"><span className="sr-only">{m.remove}</span></th>
                </tr>
              </thead>
              <tbody>
                {overrides.map((override) => (
                  <tr key={override.date} className="border-t border-gray-200">
                    <td className="px-3 py-2 font-mono">{override.date}</td>
                    <td className="px-3 py-2">{m.weekdays[override.dayOfWeek]}</td>
                    <td className="px-3 py-2">{override.working ? m.workingDay : m.restDay}</td>
                    <td className="px-3 py-2">{override.note}</td>
                    <td className="px-3 py-2">{override.official.working ? m.workingDay : m.restDay}：{describeClassification(override.official)}</td>
                    <td className="px-3 py-2"><RemoveCalendarOverrideForm date={override.date} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="text-gray-700">{m.empty}</p>
        )}
      </section>

      <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="add-calendar-override">
        <h2 id="add-calendar-override" className="mb-4 text-lg font-semibold">{m.add}</h2>
        <SetCalendarOverrideForm />
      </section>
    </div>
  );
}
