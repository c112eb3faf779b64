import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { codesAtAndBelow, orderAsTree } from "@/components/agencies/agency-tree";
import { ButtonLink } from "@/components/console/button-link";
import { PageHeader } from "@/components/console/page-header";
import { Panel } from "@/components/console/panel";
import { listAgencies } from "@/lib/agency/agencies";
import { findAgencyForEditing } from "@/lib/agency/manage-agencies";
import { requirePageUser } from "@/lib/auth/page-guard";
import { isPermitted } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { EditAgencyForm } from "../agency-form";

export const metadata: Metadata = { title: messages.agencies.title };

const m = messages.agencies;

/**
 * 编辑机关: the platform administrator edits any agency, every field; an agency's administrator
 * (本机关信息) only its own name, contact and leading group. Another agency's page is 404.
 */
export default async function EditAgencyPage({ params }: { params: Promise<{ code: string }> }) {
  const actor = await requirePageUser("agency.edit_own");
  const { code } = await params;
  const agency = await findAgencyForEditing(actor, code).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const platform = isPermitted(actor.role, "agency.manage");
  // Only the platform administrator chooses a parent: not the agency itself or one below it.
  const all = platform ? await listAgencies() : [];
  const excluded = codesAtAndBelow(all, agency.code);
  const parents = orderAsTree(all)
    .filter((candidate) => !excluded.has(candidate.code))
    .map(({ code: parentCode, name }) => ({ code: parentCode, name }));
  return (
    <div className="space-y-6">
      <PageHeader
        breadcrumbs={platform ? [{ href: "/admin/agencies", label: m.title }] : []}
        title={platform ? m.editTitle(agency.name) : m.ownNav}
        description={platform ? undefined : m.ownIntro}
        meta={
          <span className="text-sm text-gray-700">
            {m.fields.code}：<span className="font-mono">{agency.code}</span>　{m.fields.kind}：{m.kinds[agency.kind]}
          </span>
        }
        actions={<ButtonLink href={`/agencies/${agency.code}`}>{m.viewColumn}</ButtonLink>}
      />
      <Panel>
        <EditAgencyForm agency={agency} parents={parents} platform={platform} />
      </Panel>
    </div>
  );
}
