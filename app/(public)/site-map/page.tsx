import Link from "next/link";
import { publicPage } from "@/app/(public)/_lib/public-metadata";
import { listAgencies } from "@/lib/agency/agencies";
import { findCategoryTree, type CategoryNode } from "@/lib/catalogue/catalogue-tree";
import { messages } from "@/lib/i18n";

export const generateMetadata = publicPage(messages.siteMap.title);

function CategoryBranch({ nodes }: { nodes: CategoryNode[] }) {
  return (
    <ul className="ml-4 list-disc space-y-1 pl-4">
      {nodes.map((node) => (
        <li key={node.id}>
          <Link href={`/catalogue/${node.slug}`}>{node.name}</Link>
          {node.children.length ? <CategoryBranch nodes={node.children} /> : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * 网站地图: every column of the site on one page, for visitors (the XML sitemap at /sitemap.xml is
 * for search engines). The footer links here unless the agency names another site map.
 */
export default async function SiteMapPage() {
  const [tree, agencies] = await Promise.all([findCategoryTree(), listAgencies()]);
  const m = messages.siteMap;
  const site = messages.site;
  const groups: { title: string; links: [string, string][] }[] = [
    // 机关导航 (集约化): the directory and every agency's column.
    {
      title: messages.agencies.publicNav,
      links: [["/agencies", messages.agencies.directory.title], ...agencies.map((agency): [string, string] => [`/agencies/${agency.code}`, agency.name])],
    },
    {
      title: m.sections.application,
      links: [
        ["/apply", site.apply],
        ["/applications", site.applicationStatus],
      ],
    },
    {
      title: m.sections.registers,
      links: [
        ["/powers", messages.registers.nav.powers],
        ["/services", messages.registers.nav.services],
        ["/decisions", messages.registers.nav.decisions],
        ["/inspections", messages.inspections.navLabel],
        ["/proposals", messages.proposals.public.title],
        ["/reports/annual", site.annualReports],
      ],
    },
    { title: m.sections.interaction, links: [["/feedback", site.feedback]] },
    {
      title: m.sections.tools,
      links: [
        ["/search", m.search],
        ["/feeds/rss.xml", m.feedsRss],
        ["/feeds/atom.xml", m.feedsAtom],
        ["/api/v1/openapi.json", m.openApi],
      ],
    },
  ];
  return (
    <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="site-map-title">
      <h1 id="site-map-title" className="text-xl font-bold">
        {m.title}
      </h1>
      <p className="mt-2 text-gray-700">{m.intro}</p>
      <div className="mt-6 grid gap-8 md:grid-cols-2">
        <section aria-labelledby="site-map-disclosure">
          <h2 id="site-map-disclosure" className="mb-2 text-lg font-semibold">
            <Link href="/">{m.sections.disclosure}</Link>
          </h2>
          <CategoryBranch nodes={tree} />
        </section>
        <div className="space-y-6">
          {groups.map((group) => (
            <section key={group.title} aria-label={group.title}>
              <h2 className="mb-2 text-lg font-semibold">{group.title}</h2>
              <ul className="ml-4 list-disc space-y-1 pl-4">
                {group.links.map(([href, label]) => (
                  <li key={href}>
                    <Link href={href}>{label}</Link>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      </div>
    </section>
  );
}
