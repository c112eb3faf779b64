import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Notice } from "@/components/console/notice";
import { PageHeader } from "@/components/console/page-header";
import { requirePageUser } from "@/lib/auth/page-guard";
import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { findConsolePower, listSectionOptions } from "@/lib/powers/console-powers";
import { updatePowerAction } from "../../actions";
import { PowerForm } from "../../power-form";

export const dynamic = "force-dynamic";

const c = messages.registers.powers.console;

export const metadata: Metadata = { title: c.edit };

export default async function EditPowerPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageUser("power.edit");
  const id = Number((await params).id);
  const power = await findConsolePower(actor, id).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <div className="space-y-4">
      <PageHeader
        breadcrumbs={[
          { href: "/admin/powers", label: c.title },
          { href: `/admin/powers/${power.id}`, label: power.name },
        ]}
        title={`${c.edit}：${power.name}`}
      />
      {power.published ? <Notice tone="warning">{messages.registers.review.draftChangesPending}</Notice> : null}
      <PowerForm
        action={updatePowerAction.bind(null, power.id)}
        values={{ ...power.working, sectionId: power.sectionId, version: power.version }}
        sections={await listSectionOptions(actor)}
        submitLabel={c.save}
      />
    </div>
  );
}
