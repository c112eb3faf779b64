import type { Metadata } from "next";
import { PageHeader } from "@/components/console/page-header";
import { requirePageUser } from "@/lib/auth/page-guard";
import { messages } from "@/lib/i18n";
import { listSectionOptions } from "@/lib/powers/console-powers";
import { createPowerAction } from "../actions";
import { PowerForm } from "../power-form";

export const dynamic = "force-dynamic";

const c = messages.registers.powers.console;

export const metadata: Metadata = { title: c.create };

export default async function NewPowerPage() {
  const actor = await requirePageUser("power.edit");
  return (
    <div className="space-y-4">
      <PageHeader breadcrumbs={[{ href: "/admin/powers", label: c.title }]} title={c.create} />
      <PowerForm action={createPowerAction} values={{}} sections={await listSectionOptions(actor)} submitLabel={c.createButton} />
    </div>
  );
}
