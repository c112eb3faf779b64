import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Notice } from "@/components/console/notice";
import { PageHeader } from "@/components/console/page-header";
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
  const [sections, powers] = await Promise.all([listSectionOptions(actor), listPowerOptions(actor)]);
  return (
    <div className="space-y-4">
      <PageHeader
        breadcrumbs={[
          { href: "/admin/services", label: c.title },
          { href: `/admin/services/${service.id}`, label: service.name },
        ]}
        title={`${c.edit}：${service.name}`}
      />
      {service.published ? <Notice tone="warning">{messages.registers.review.draftChangesPending}</Notice> : null}
      <ServiceForm
        action={updateServiceAction.bind(null, service.id)}
        sections={sections}
        powers={powers}
        submitLabel={c.save}
        values={{ ...service.working, powerId: service.powerId, sectionId: service.sectionId, version: service.version }}
      />
    </div>
  );
}
