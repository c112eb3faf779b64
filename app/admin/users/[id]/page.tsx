import Link from "next/link";
import { notFound } from "next/navigation";
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
      <p><Link href="/admin/users">← {m.back}</Link></p>
      <h1 className="text-xl font-bold">
        {m.edit}：<span className="font-mono">{user.username}</span>
        <span className="ml-3 text-base font-normal text-gray-700">{user.disabled ? m.disabled : m.active}</span>
      </h1>
      <section className="rounded border border-gray-300 bg-white p-6"><EditUserForm user={user} sections={sections} /></section>
      <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="reset">
        <h2 id="reset" className="mb-4 text-lg font-semibold">{m.resetPassword}</h2>
        <ResetPasswordForm userId={user.id} />
      </section>
      {user.id !== actor.id ? (
        <section className="rounded border border-gray-300 bg-white p-6"><DisableUserForm user={user} /></section>
      ) : null}
    </div>
  );
}
