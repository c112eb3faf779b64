import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StateBadge } from "@/components/console/state-badge";
import { requirePageUser } from "@/lib/auth/page-guard";
import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { findConsolePower } from "@/lib/powers/console-powers";
import { transitionPowerAction } from "../actions";
import { RegisterHistory } from "../register-history";
import { RegisterTransitionPanel } from "../register-transition-panel";

export const dynamic = "force-dynamic";

const m = messages.registers;
const f = m.powers.fields;

export const metadata: Metadata = { title: m.powers.console.title };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string; saved?: string }> };

export default async function ConsolePowerPage({ params, searchParams }: Props) {
  const actor = await requirePageUser("registers.read_console");
  const notice = await searchParams;
  const power = await findConsolePower(actor, Number((await params).id)).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const entry = power.working;
  const labels: Record<string, string> = { ...f, sectionName: f.section };
  const rows: [string, React.ReactNode][] = [
    [f.code, entry.code],
    [f.type, m.powerTypes[entry.type]],
    [f.section, entry.sectionName],
    [f.status, `${m.powerStatuses[entry.status]}（${entry.effectiveOn}）`],
    [f.statusNote, entry.statusNote ?? "—"],
    [f.legalBasis, <ul key="basis" className="list-disc pl-5">{entry.legalBasis.map((basis) => <li key={basis}>{basis}</li>)}</ul>],
    [f.responsibilities, <p key="r" className="whitespace-pre-line">{entry.responsibilities}</p>],
    [f.accountability, <p key="a" className="whitespace-pre-line">{entry.accountability}</p>],
    [m.review.ownerSection, power.ownerSectionName],
    [m.review.author, power.authorName],
    [m.review.publishedAt, power.publishedAt ?? "—"],
  ];
  return (
    <div className="space-y-6">
      <p><Link href="/admin/powers">← {m.powers.console.title}</Link></p>
      {notice.done ? <p role="status" className="rounded border border-green-700 bg-green-50 px-3 py-2 text-sm" data-testid="form-success">{m.review.done}</p> : null}
      {notice.saved ? <p role="status" className="rounded border border-green-700 bg-green-50 px-3 py-2 text-sm" data-testid="form-success">{m.review.saved}</p> : null}
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-bold">{entry.name}</h1>
          <p className="mt-1 flex items-center gap-2 text-sm text-gray-700"><StateBadge state={power.state} /></p>
          {power.withdrawnAt ? <p className="mt-1 text-sm text-red-800">{m.review.withdrawn(power.withdrawalReason ?? "")}（{power.withdrawnAt}）</p> : null}
        </div>
        <div className="flex gap-2 text-sm">
          {power.published ? <Link href={`/powers/${power.id}`} className="rounded border border-gray-500 px-3 py-1">{m.powers.console.viewPublic}</Link> : null}
          {power.canEdit ? <Link href={`/admin/powers/${power.id}/edit`} className="rounded bg-blue-800 px-3 py-1 text-white hover:no-underline">{m.powers.console.edit}</Link> : null}
        </div>
      </header>
      {power.unpublishedChanges.length ? (
        <p className="rounded border border-amber-700 bg-amber-50 px-3 py-2 text-sm" data-testid="unpublished-changes">
          {m.review.draftChangesPending} {m.powers.console.changedSincePublication}：{power.unpublishedChanges.map((field) => labels[field] ?? field).join("、")}
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="working">
            <h2 id="working" className="mb-3 text-lg font-semibold">{m.powers.console.working}</h2>
            <table className="w-full border-collapse text-sm">
              <tbody>
                {rows.map(([label, value]) => (
                  <tr key={label} className="align-top"><th scope="row" className="w-28 border-b border-gray-200 py-2 pr-3 text-left font-medium text-gray-700">{label}</th><td className="border-b border-gray-200 py-2">{value}</td></tr>
                ))}
              </tbody>
            </table>
          </section>
          <RegisterHistory history={power.history} />
        </div>
        <section className="h-fit rounded border border-gray-300 bg-white p-6" aria-labelledby="actions">
          <h2 id="actions" className="mb-3 text-lg font-semibold">{m.review.actions}</h2>
          <RegisterTransitionPanel actions={power.actions} version={power.version} run={transitionPowerAction.bind(null, power.id)} />
        </section>
      </div>
    </div>
  );
}
