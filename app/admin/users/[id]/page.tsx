import { notFound } from "next/navigation";
import { PageHeader } from "@/components/console/page-header";
import { Panel } from "@/components/console/panel";
import { requirePageUser } from "@/lib/auth/page-guard";
import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { listSections } from "@/lib/sections/manage-sections";
import { findUser } from "@/lib/users/manage-users";
import { DisableUserForm, EditUserForm, ResetPasswordForm } from "../user-forms";

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageUser("user.manage");
  const id = Number((await params).id);
  if (!Number.isInteger(id)) notFound();
  const user = await findUser(actor, id).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const sections = await listSections(actor);
  const m = messages.users;
  return (
    <div className="space-y-6">
      <PageHeader
        breadcrumbs={[{ href: "/admin/users", label: m.title }]}
        title={
          <>
            {m.edit}：<span className="font-mono">{user.username}</span>
            <span className="ml-3 text-base font-normal text-gray-700">{user.disabled ? m.disabled : m.active}</span>
          </>
        }
      />
      <Panel>
        <EditUserForm user={user} sections={sections} />
      </Panel>
      <Panel id="reset" title={m.resetPassword}>
        <ResetPasswordForm userId={user.id} />
      </Panel>
      {user.id !== actor.id ? (
        <Panel>
          <DisableUserForm user={user} />
        </Panel>
      ) : null}
    </div>
  );
}
