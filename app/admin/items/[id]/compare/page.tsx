import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DataTable } from "@/components/console/data-table";
import { PageHeader } from "@/components/console/page-header";
import { Panel } from "@/components/console/panel";
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
        part.added ? (
          <ins key={index} className="bg-green-100 text-green-900 no-underline">
            {part.value}
          </ins>
        ) : part.removed ? (
          <del key={index} className="bg-red-100 text-red-900">
            {part.value}
          </del>
        ) : (
          <span key={index}>{part.value}</span>
        ),
      )}
    </p>
  );
}

const fieldLabels: Record<string, string> = {
  categoryName: messages.publicItems.category,
  issuingBody: messages.publicItems.issuingBody,
  documentNumber: messages.publicItems.documentNumber,
  writtenAt: messages.publicItems.writtenAt,
  formedAt: messages.publicItems.formedAt,
  validity: messages.publicItems.validity,
  validityDate: messages.publicItems.validityDate,
  replacedByItemId: messages.publicItems.replacedBy,
  interpretedItemId: messages.publicItems.interpretedItem,
  channels: messages.publicItems.channels,
  keywords: messages.publicItems.keywords,
  attachments: messages.publicItems.attachments,
};

export default async function CompareRevisionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ from?: string; to?: string }>;
}) {
  const actor = await requirePageUser("item.read_console");
  const id = Number((await params).id);
  const query = await searchParams;
  const from = readPositiveInteger(query.from ?? null);
  const to = readPositiveInteger(query.to ?? null);
  if (!from || !to) notFound();
  const [item, before, after] = await Promise.all([findConsoleItem(actor, id), findRevisionView(actor, id, from), findRevisionView(actor, id, to)]).catch(
    (error) => {
      if (error instanceof NotFoundError) notFound();
      throw error;
    },
  );
  const diff = diffRevisions(before, after);
  const m = messages.consoleItems;
  const unchanged = !diff.fields.length && diff.title.every((part) => !part.added && !part.removed) && diff.body.every((part) => !part.added && !part.removed);
  return (
    <div className="space-y-4">
      <PageHeader
        breadcrumbs={[
          { href: "/admin/items", label: m.title },
          { href: `/admin/items/${item.id}`, label: item.latest.title },
        ]}
        title={`${m.diff.title}：${m.detail.revision(from)} → ${m.detail.revision(to)}`}
      />
      {unchanged ? <p>{m.diff.noChanges}</p> : null}
      {diff.fields.length ? (
        <DataTable
          caption={m.diff.title}
          rows={diff.fields}
          rowKey={(change) => change.field}
          empty={null}
          columns={[
            { key: "field", header: m.diff.field, rowHeader: true, cell: (change) => fieldLabels[change.field] ?? change.field, className: "font-medium" },
            { key: "before", header: m.diff.before, cell: (change) => <del className="bg-red-100">{change.before}</del> },
            { key: "after", header: m.diff.after, cell: (change) => <ins className="bg-green-100 no-underline">{change.after}</ins> },
          ]}
        />
      ) : null}
      <Panel id="title-diff" title={m.diff.titleDiff} testId="title-diff">
        <DiffText parts={diff.title} />
      </Panel>
      <Panel id="body-diff" title={m.diff.bodyDiff} testId="body-diff">
        <DiffText parts={diff.body} />
      </Panel>
      {item.canEdit && from !== item.latest.number ? <RestoreRevisionButton itemId={item.id} revisionNumber={from} version={item.version} /> : null}
    </div>
  );
}
