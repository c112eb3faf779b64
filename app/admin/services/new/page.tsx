import type { Metadata } from "next";
import { PageHeader } from "@/components/console/page-header";
import { requirePageUser } from "@/lib/auth/page-guard";
import { messages } from "@/lib/i18n";
import { listSectionOptions } from "@/lib/powers/console-powers";
import { listPowerOptions } from "@/lib/services/console-services";
import { createServiceAction } from "../actions";
import { ServiceForm } from "../service-form";

export const dynamic = "force-dynamic";

const c = messages.registers.services.console;

export const metadata: Metadata = { title: c.create };

export default async function NewServicePage() {
  const actor = await requirePageUser("service.edit");
  const [sections, powers] = await Promise.all([listSectionOptions(actor), listPowerOptions(actor)]);
  return (
    <div className="space-y-4">
      <PageHeader breadcrumbs={[{ href: "/admin/services", label: c.title }]} title={c.create} />
      <ServiceForm action={createServiceAction} values={{}} sections={sections} powers={powers} submitLabel={c.create} />
    </div>
  );
}
