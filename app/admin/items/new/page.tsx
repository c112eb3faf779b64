import type { Metadata } from "next";
import { PageHeader } from "@/components/console/page-header";
import { Panel } from "@/components/console/panel";
import { requirePageUser } from "@/lib/auth/page-guard";
import { policyInterpretationCategorySlug } from "@/lib/catalogue/statutory-categories";
import { todayInBeijing } from "@/lib/dates";
import { messages } from "@/lib/i18n";
import { loadItemFormOptions } from "@/lib/items/item-form-options";
import { createItemAction } from "../actions";
import { ItemForm } from "../item-form";

export const metadata: Metadata = { title: messages.consoleItems.create };

/** `?interprets=<id>` starts a 政策解读 of that document (the link on a document missing one). */
export default async function NewItemPage({ searchParams }: { searchParams: Promise<{ interprets?: string }> }) {
  const actor = await requirePageUser("item.create");
  const options = await loadItemFormOptions(actor);
  const interprets = Number((await searchParams).interprets);
  const interpretedItemId = Number.isSafeInteger(interprets) && interprets > 0 ? interprets : "";
  const interpretationCategory = interpretedItemId ? options.categories.find((option) => option.slug === policyInterpretationCategorySlug) : undefined;
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
            categoryId: interpretationCategory ? Number(interpretationCategory.value) : "",
            issuingSectionId: null,
            externalIssuingBody: "",
            documentNumber: "",
            writtenAt: "",
            formedAt: todayInBeijing(),
            validity: "in_force",
            validityDate: "",
            replacedByItemId: "",
            interpretedItemId,
            channels: ["website"],
            keywords: [],
            attachments: [],
          }}
        />
      </Panel>
    </div>
  );
}
