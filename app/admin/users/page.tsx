import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/page-guard";
import { messages } from "@/lib/i18n";
import { listSections } from "@/lib/sections/manage-sections";
import { isDemoModeActive } from "@/lib/users/end-demo-mode";
import { listUsers } from "@/lib/users/manage-users";
import { CreateUserForm, EndDemoModeForm } from "./user-forms";

export const metadata: Metadata = { title: messages.users.title };

export default async function UsersPage() {
  const actor = await requirePageUser("user.manage");
  const [users, sections, demoMode] = await Promise.all([listUsers(actor), listSections(actor), isDemoModeActive(actor)]);
  const m = messages.users;
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-bold">{m.title}</h1>
      <div className="overflow-x-auto rounded border border-gray-300 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-gray-100">
            <tr>
              <th scope="col" className="px-3 py-2">{m.username}</th>
              <th scope="col" className="px-3 py-2">{m.displayName}</th>
              <th scope="col" className="px-3 py-2">{m.role}</th>
              <th scope="col" className="px-3 py-2">{m.section}</th>
              <th scope="col" className="px-3 py-2">{m.status}</th>
              <th scope="col" className="px-3 py-2">{m.actions}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} className="border-t border-gray-200">
                <td className="px-3 py-2 font-mono">{user.username}</td>
                <td className="px-3 py-2">{user.displayName}</td>
                <td className="px-3 py-2">{messages.roles[user.role]}</td>
                <td className="px-3 py-2">{user.sectionName}</td>
                <td className="px-3 py-2">{user.disabled ? m.disabled : m.active}</td>
                <td className="px-3 py-2"><Link href={`/admin/users/${user.id}`} aria-label={`${m.edit} ${user.username}`}>{m.edit}</Link></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="create-user">
        <h2 id="create-user" className="mb-4 text-lg font-semibold">{m.create}</h2>
        <CreateUserForm sections={sections} />
      </section>
      {demoMode ? (
        <section className="rounded border border-amber-600 bg-amber-50 p-6" aria-labelledby="demo-mode" data-testid="demo-mode">
          <h2 id="demo-mode" className="text-lg font-semibold">{m.demoModeTitle}</h2>
          <p className="mb-4 mt-1 text-sm">{m.demoModeText}</p>
          <EndDemoModeForm />
        </section>
      ) : null}
    </div>
  );
}
