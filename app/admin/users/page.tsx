import type { Metadata } from "next";
import Link from "next/link";
import { DataTable, type Column } from "@/components/console/data-table";
import { PageHeader } from "@/components/console/page-header";
import { Panel } from "@/components/console/panel";
import { queryOf, readSort } from "@/components/console/table-links";
import { requirePageUser } from "@/lib/auth/page-guard";
import { messages } from "@/lib/i18n";
import { listSections } from "@/lib/sections/manage-sections";
import { isDemoModeActive } from "@/lib/users/end-demo-mode";
import { listUsers } from "@/lib/users/manage-users";
import { CreateUserForm, EndDemoModeForm } from "./user-forms";

export const metadata: Metadata = { title: messages.users.title };

const m = messages.users;

type UserRow = Awaited<ReturnType<typeof listUsers>>[number];

const columns: Column<UserRow>[] = [
  { key: "username", header: m.username, cell: (user) => user.username, sortValue: (user) => user.username, className: "font-mono" },
  { key: "displayName", header: m.displayName, cell: (user) => user.displayName, sortValue: (user) => user.displayName },
  { key: "role", header: m.role, cell: (user) => messages.roles[user.role], sortValue: (user) => messages.roles[user.role] },
  { key: "section", header: m.section, cell: (user) => user.sectionName, sortValue: (user) => user.sectionName },
  { key: "status", header: m.status, cell: (user) => (user.disabled ? m.disabled : m.active), sortValue: (user) => (user.disabled ? 1 : 0) },
];

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageUser("user.manage");
  const query = queryOf(await searchParams);
  const [users, sections, demoMode] = await Promise.all([listUsers(actor), listSections(actor), isDemoModeActive(actor)]);
  return (
    <div className="space-y-6">
      <PageHeader title={m.title} />
      <DataTable
        caption={m.title}
        columns={columns}
        rows={users}
        rowKey={(user) => user.id}
        empty="—"
        sort={{
          basePath: "/admin/users",
          query,
          current: readSort(
            query,
            columns.map((column) => column.key),
          ),
        }}
        rowActions={{
          header: m.actions,
          cell: (user) => (
            <Link href={`/admin/users/${user.id}`} aria-label={`${m.edit} ${user.username}`}>
              {m.edit}
            </Link>
          ),
        }}
      />
      <Panel id="create-user" title={m.create}>
        <CreateUserForm sections={sections} />
      </Panel>
      {demoMode ? (
        <Panel id="demo-mode" title={m.demoModeTitle} description={m.demoModeText} tone="notice" testId="demo-mode">
          <EndDemoModeForm />
        </Panel>
      ) : null}
    </div>
  );
}
