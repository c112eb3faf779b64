import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth/page-guard";
import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { listSectionOptions } from "@/lib/powers/console-powers";
import { findConsoleService, listPowerOptions } from "@/lib/services/console-services";
import { updateServiceAction } from "../../actions";
import { ServiceForm } from "../../service-form";

export const dynamic = "force-dynamic";

const c = messages.registers.services.console;

export const metadata: Metadata = { title: c.edit };

export default async function EditServicePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageUser("service.edit");
  const service = await findConsoleService(actor, Number((await params).id)).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const [sections, powers] = await Promise.all([listSectionOptions(), listPowerOptions()]);
  return (
    <div className="space-y-4">
      <p><Link href={`/admin/services/${service.id}`}>← {service.name}</Link></p>
      <h1 className="text-xl font-bold">{c.edit}：{service.name}</h1>
      {service.published ? <p className="rounded border border-amber-700 bg-amber-50 px-3 py-2 text-sm">{messages.registers.review.draftChangesPending}</p> : null}
      <ServiceForm action={updateServiceAction.bind(null, service.id)} sections={sections} powers={powers} submitLabel={c.save}
        values={{ ...service.working, powerId: service.powerId, sectionId: service.sectionId, version: service.version }} />
    </div>
  );
}
