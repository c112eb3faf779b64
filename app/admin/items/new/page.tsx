import type { Metadata } from "next";
import { PageHeader } from "@/components/console/page-header";
import { Panel } from "@/components/console/panel";
import { requirePageUser } from "@/lib/auth/page-guard";
import { todayInBeijing } from "@/lib/dates";
import { messages } from "@/lib/i18n";
import { loadItemFormOptions } from "@/lib/items/item-form-options";
import { createItemAction } from "../actions";
import { ItemForm } from "../item-form";

export const metadata: Metadata = { title: messages.consoleItems.create };

export default async function NewItemPage() {
  const actor = await requirePageUser("item.create");
  const options = await loadItemFormOptions(actor);
  return (
    <div className="space-y-4">
      <PageHeader breadcrumbs={[{ href: "/admin/items", label: messages.consoleItems.title }]} title={messages.consoleItems.create} />
      <Panel>
        <ItemForm
          action={createItemAction}
          submitLabel={messages.consoleItems.create}
          {...options}
          values={{
            title: "",
            body: "",
            categoryId: "",
            issuingSectionId: null,
            externalIssuingBody: "",
            documentNumber: "",
            writtenAt: "",
            formedAt: todayInBeijing(),
            validity: "in_force",
            validityDate: "",
            replacedByItemId: "",
            channels: ["website"],
            keywords: [],
            attachments: [],
          }}
        />
      </Panel>
    </div>
  );
}
