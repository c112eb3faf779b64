import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { readPositiveInteger } from "@/lib/api/route-params";
import { requirePageUser } from "@/lib/auth/page-guard";
import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { findConsoleItem, findRevisionView } from "@/lib/items/console-items";
import { diffRevisions, type DiffPart } from "@/lib/items/revision-diff";
import { RestoreRevisionButton } from "./restore-revision-button";

export const metadata: Metadata = { title: messages.consoleItems.diff.title };

function DiffText({ parts }: { parts: DiffPart[] }) {
  return (
    <p className="whitespace-pre-wrap leading-7">
      {parts.map((part, index) =>
        part.added ? <ins key={index} className="bg-green-100 text-green-900 no-underline">{part.value}</ins>
          : part.removed ? <del key={index} className="bg-red-100 text-red-900">{part.value}</del>
            : <span key={index}>{part.value}</span>,
      )}
    </p>
  );
}

const fieldLabels: Record<string, string> = {
  categoryName: messages.publicItems.category, issuingBody: messages.publicItems.issuingBody, documentNumber: messages.publicItems.documentNumber,
  writtenAt: messages.publicItems.writtenAt, formedAt: messages.publicItems.formedAt, validity: messages.publicItems.validity,
  validityDate: messages.publicItems.validityDate, replacedByItemId: messages.publicItems.replacedBy, channels: messages.publicItems.channels,
  keywords: messages.publicItems.keywords, attachments: messages.publicItems.attachments,
};

export default async function CompareRevisionsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string; to?: string }> }) {
  const actor = await requirePageUser("item.read_console");
  const id = Number((await params).id);
  const query = await searchParams;
  const from = readPositiveInteger(query.from ?? null);
  const to = readPositiveInteger(query.to ?? null);
  if (!from || !to) notFound();
  const [item, before, after] = await Promise.all([findConsoleItem(actor, id), findRevisionView(actor, id, from), findRevisionView(actor, id, to)]).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const diff = diffRevisions(before, after);
  const m = messages.consoleItems;
  const unchanged = !diff.fields.length && diff.title.every((part) => !part.added && !part.removed) && diff.body.every((part) => !part.added && !part.removed);
  return (
    <div className="space-y-4">
      <p><Link href={`/admin/items/${item.id}`}>← {item.latest.title}</Link></p>
      <h1 className="text-xl font-bold">{m.diff.title}：{m.detail.revision(from)} → {m.detail.revision(to)}</h1>
      {unchanged ? <p>{m.diff.noChanges}</p> : null}
      {diff.fields.length ? (
        <table className="w-full border-collapse bg-white text-sm">
          <thead><tr className="bg-gray-100"><th scope="col" className="border px-2 py-1 text-left">{m.diff.field}</th><th scope="col" className="border px-2 py-1 text-left">{m.diff.before}</th><th scope="col" className="border px-2 py-1 text-left">{m.diff.after}</th></tr></thead>
          <tbody>
            {diff.fields.map((change) => (
              <tr key={change.field}><th scope="row" className="border px-2 py-1 text-left font-medium">{fieldLabels[change.field] ?? change.field}</th><td className="border px-2 py-1"><del className="bg-red-100">{change.before}</del></td><td className="border px-2 py-1"><ins className="bg-green-100 no-underline">{change.after}</ins></td></tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <section className="rounded border border-gray-300 bg-white p-4" aria-labelledby="title-diff" data-testid="title-diff">
        <h2 id="title-diff" className="mb-2 font-semibold">{m.diff.titleDiff}</h2>
        <DiffText parts={diff.title} />
      </section>
      <section className="rounded border border-gray-300 bg-white p-4" aria-labelledby="body-diff" data-testid="body-diff">
        <h2 id="body-diff" className="mb-2 font-semibold">{m.diff.bodyDiff}</h2>
        <DiffText parts={diff.body} />
      </section>
      {item.canEdit && from !== item.latest.number ? <RestoreRevisionButton itemId={item.id} revisionNumber={from} version={item.version} /> : null}
    </div>
  );
}
