import Link from "next/link";
import { publicPage } from "@/app/(public)/_lib/public-metadata";
import { groupByKind } from "@/components/agencies/agency-tree";
import { listAgencies } from "@/lib/agency/agencies";
import { messages } from "@/lib/i18n";

export const dynamic = "force-dynamic";
export const generateMetadata = publicPage(messages.agencies.publicNav);

const m = messages.agencies;

/**
 * 机关导航: the platform's agencies (集约化) by kind — 本级政府, 政府办公室, 部门, 乡镇（街道） — each
 * name leading to its 政府信息公开 column.
 */
export default async function AgencyDirectoryPage() {
  const groups = groupByKind(await listAgencies());
  return (
    <div className="space-y-6">
      <nav aria-label={messages.common.breadcrumb} className="text-sm text-gray-700">
        <Link href="/">{messages.site.home}</Link> › <span aria-current="page">{m.directory.breadcrumb}</span>
      </nav>
      <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="directory-title">
        <h1 id="directory-title" className="text-xl font-bold">
          {m.directory.title}
        </h1>
        <p className="mt-2 leading-7">{m.directory.intro}</p>
      </section>
      {groups.length ? null : <p className="rounded border border-gray-300 bg-white p-6 text-gray-700">{m.directory.empty}</p>}
      {groups.map((group) => (
        <section
          key={group.kind}
          className="rounded border border-gray-300 bg-white"
          aria-labelledby={`agencies-${group.kind}`}
          data-testid={`agency-group-${group.kind}`}
        >
          <h2 id={`agencies-${group.kind}`} className="border-b-2 border-red-800 px-6 py-3 text-lg font-semibold text-red-900">
            {m.directoryGroups[group.kind]}
          </h2>
          <ul className="grid gap-3 p-6 sm:grid-cols-2 lg:grid-cols-3">
            {group.agencies.map((agency) => (
              <li key={agency.code}>
                <Link
                  href={`/agencies/${agency.code}`}
                  className="flex h-full items-center rounded border border-gray-300 px-4 py-3 leading-6 text-gray-900 hover:border-red-800 hover:bg-red-50 hover:text-red-900 hover:no-underline"
                >
                  <span aria-hidden="true" className="mr-2 text-red-800">
                    ›
                  </span>
                  {agency.name}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
