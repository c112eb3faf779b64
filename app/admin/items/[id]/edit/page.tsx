import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/console/page-header";
import { Panel } from "@/components/console/panel";
import { requirePageUser } from "@/lib/auth/page-guard";
import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { findConsoleItem } from "@/lib/items/console-items";
import { loadItemFormOptions } from "@/lib/items/item-form-options";
import { updateItemAction } from "../../actions";
import { ItemForm } from "../../item-form";

export const metadata: Metadata = { title: messages.consoleItems.edit };

export default async function EditItemPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageUser("item.edit");
  const id = Number((await params).id);
  const item = await findConsoleItem(actor, id).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const options = await loadItemFormOptions(actor);
  const latest = item.latest;
  return (
    <div className="space-y-4">
      <PageHeader
        breadcrumbs={[
          { href: "/admin/items", label: messages.consoleItems.title },
          { href: `/admin/items/${item.id}`, label: latest.title },
        ]}
        title={`${messages.consoleItems.edit}：${item.indexNumber}`}
      />
      <Panel>
        <ItemForm
          action={updateItemAction.bind(null, item.id)}
          submitLabel={messages.consoleItems.save}
          {...options}
          values={{
            title: latest.title,
            body: latest.body,
            categoryId: latest.categoryId,
            issuingSectionId: latest.issuingSectionId,
            externalIssuingBody: latest.externalIssuingBody ?? "",
            documentNumber: latest.documentNumber ?? "",
            writtenAt: latest.writtenAt ?? "",
            formedAt: latest.formedAt,
            validity: latest.validity,
            validityDate: latest.validityDate ?? "",
            replacedByItemId: latest.replacedByItemId ?? "",
            interpretedItemId: latest.interpretedItemId ?? "",
            channels: latest.channels,
            keywords: latest.keywords,
            attachments: latest.attachments.map((attachment) => ({ fileId: attachment.fileId, name: attachment.name })),
            version: item.version,
          }}
        />
      </Panel>
    </div>
  );
}
