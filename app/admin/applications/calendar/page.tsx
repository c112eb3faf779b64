import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/console/page-header";
import { listDueCalendar } from "@/lib/applications/console-applications";
import { requirePageUser } from "@/lib/auth/page-guard";
import { todayInBeijing } from "@/lib/dates";
import { messages } from "@/lib/i18n";
import { ApplicationsConsoleLinks } from "../_components/console-tabs";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: messages.applications.console.calendarView.title };

function shiftMonth(month: string, delta: number): string {
  const [year, monthNumber] = month.split("-").map(Number);
  const date = new Date(Date.UTC(year, monthNumber - 1 + delta, 1));
  return date.toISOString().slice(0, 7);
}

export default async function DueCalendarPage({ searchParams }: { searchParams: Promise<{ month?: string }> }) {
  const actor = await requirePageUser("application.read");
  const requested = (await searchParams).month;
  const today = todayInBeijing();
  const month = requested && /^\d{4}-(0[1-9]|1[0-2])$/.test(requested) ? requested : today.slice(0, 7);
  const { weeks } = await listDueCalendar(actor, month);
  const m = messages.applications.console.calendarView;
  const [year, monthNumber] = month.split("-").map(Number);
  const entries = weeks.flat().reduce((sum, day) => sum + day.entries.length, 0);
  return (
    <div className="space-y-4">
      <PageHeader title={m.title} />
      <ApplicationsConsoleLinks actor={actor} current="calendar" />
      <div className="flex items-center gap-4">
        <Link href={`/admin/applications/calendar?month=${shiftMonth(month, -1)}`} rel="prev">
          ← {m.previous}
        </Link>
        <h2 className="text-lg font-semibold" data-testid="calendar-month">
          {m.month(year, monthNumber)}
        </h2>
        <Link href={`/admin/applications/calendar?month=${shiftMonth(month, 1)}`} rel="next">
          {m.next} →
        </Link>
      </div>
      <table className="w-full table-fixed border-collapse bg-white text-sm" data-testid="due-calendar">
        <caption className="sr-only">{m.month(year, monthNumber)}</caption>
        <thead>
          <tr>
            {m.weekdays.map((day) => (
              <th key={day} scope="col" className="border border-gray-300 bg-gray-100 px-2 py-1">
                {day}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0].date}>
              {week.map((day) => {
                const inMonth = day.date.slice(0, 7) === month;
                return (
                  <td
                    key={day.date}
                    className={`h-24 border border-gray-300 align-top ${inMonth ? "" : "bg-gray-50 text-gray-500"} ${!day.working && inMonth ? "bg-red-50" : ""} ${day.date === today ? "outline outline-2 outline-blue-700" : ""}`}
                  >
                    <div className="flex justify-between px-1">
                      <span className="font-mono">{Number(day.date.slice(8))}</span>
                      <span className="text-xs text-gray-700">{day.label ? `${day.label}${day.working ? m.work : m.rest}` : !day.working ? m.rest : ""}</span>
                    </div>
                    <ul className="space-y-1 px-1">
                      {day.entries.map((entry) => (
                        <li key={entry.id}>
                          <Link
                            href={`/admin/applications/${entry.id}`}
                            className={`block rounded px-1 font-mono text-xs ${entry.overdue ? "bg-red-100 text-red-900" : "bg-blue-50 text-blue-900"}`}
                          >
                            {entry.number}
                            {entry.provisional ? "*" : ""}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {entries === 0 ? <p className="text-gray-700">{m.none}</p> : <p className="text-sm text-gray-700">* {messages.applications.deadlines.provisional}</p>}
    </div>
  );
}
