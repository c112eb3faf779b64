import type { Metadata } from "next";
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
      <h1 className="text-xl font-bold">{messages.consoleItems.create}</h1>
      <section className="rounded border border-gray-300 bg-white p-6">
        <ItemForm
          action={createItemAction}
          submitLabel={messages.consoleItems.create}
          {...options}
          values={{
            title: "", body: "", categoryId: "", issuingSectionId: null, documentNumber: "", writtenAt: "", formedAt: todayInBeijing(),
            validity: "in_force", validityDate: "", replacedByItemId: "", channels: ["website"], keywords: [], attachments: [],
          }}
        />
      </section>
    </div>
  );
}
