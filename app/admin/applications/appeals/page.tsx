import type { Metadata } from "next";
import Link from "next/link";
import { DoneNotice, noticeOf } from "@/components/console/notice";
import { PageHeader } from "@/components/console/page-header";
import { listAppealCases } from "@/lib/applications/appeals";
import { requirePageUser } from "@/lib/auth/page-guard";
import { todayInBeijing } from "@/lib/dates";
import { messages } from "@/lib/i18n";
import { AppealForm, AppealResultForm } from "../_components/application-forms";
import { ApplicationsConsoleLinks } from "../_components/console-tabs";
import { recordProactiveAppealAction, updateAppealOnListAction } from "../actions";

export const dynamic = "force-dynamic";

const a = messages.applications;
const m = a.console.appealsPage;
const f = a.console.appealForm;

export const metadata: Metadata = { title: m.title };

/** Every reconsideration and lawsuit of the disclosure work: those about applications and those about proactive disclosure. */
export default async function AppealsPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const actor = await requirePageUser("application.read");
  const { cases, canRecord } = await listAppealCases(actor);
  const done = noticeOf({ appeal: m.saved }, (await searchParams).done);
  return (
    <div className="space-y-4">
      <PageHeader title={m.title} />
      <ApplicationsConsoleLinks actor={actor} current="appeals" />
      <DoneNotice message={done} />
      <p className="max-w-3xl text-sm text-gray-700">{m.intro}</p>
      {cases.length === 0 ? (
        <p className="text-sm text-gray-700">{m.empty}</p>
      ) : (
        <table className="w-full border-collapse bg-white text-sm" data-testid="appeal-cases">
          <caption className="sr-only">{m.title}</caption>
          <thead>
            <tr className="bg-gray-100 text-left">
              {[m.columns.kind, m.columns.filedOn, m.columns.about, m.columns.body, m.columns.result].map((header) => (
                <th key={header} scope="col" className="border border-gray-300 px-2 py-1">
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {cases.map((record) => {
              const label = `${f.kinds[record.kind]}${record.afterReconsideration ? `（${f.afterReconsideration}）` : ""}`;
              return (
                <tr key={`${record.kind}-${record.id}`} className="align-top">
                  <td className="border border-gray-300 px-2 py-1">{label}</td>
                  <td className="border border-gray-300 px-2 py-1 font-mono">{record.filedOn}</td>
                  <td className="border border-gray-300 px-2 py-1">
                    {record.application ? (
                      <Link href={`/admin/applications/${record.application.id}#appeals`}>
                        {f.application} {record.application.number}
                      </Link>
                    ) : (
                      record.subject
                    )}
                  </td>
                  <td className="border border-gray-300 px-2 py-1">
                    {record.body}
                    {record.note ? <p className="mt-1 text-gray-700">{record.note}</p> : null}
                  </td>
                  <td className="border border-gray-300 px-2 py-1">
                    {a.appealResults[record.result as keyof typeof a.appealResults]}
                    {record.resultOn ? `（${record.resultOn}）` : ""}
                    {canRecord ? (
                      <AppealResultForm
                        run={updateAppealOnListAction.bind(null, record.kind, record.id)}
                        result={record.result}
                        resultOn={record.resultOn}
                        label={`${label} ${record.filedOn}`}
                      />
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {canRecord ? (
        <div className="no-print max-w-2xl">
          <AppealForm run={recordProactiveAppealAction} today={todayInBeijing()} aboutProactiveDisclosure />
        </div>
      ) : null}
    </div>
  );
}
