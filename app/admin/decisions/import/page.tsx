import type { Metadata } from "next";
import { PageHeader } from "@/components/console/page-header";
import { Panel } from "@/components/console/panel";
import { requirePageUser } from "@/lib/auth/page-guard";
import { decisionKinds } from "@/lib/decisions/decision-fields";
import { messages } from "@/lib/i18n";
import { ImportForm } from "./import-form";

export const dynamic = "force-dynamic";

const m = messages.registers;
const t = m.decisions.importPage;

export const metadata: Metadata = { title: t.title };

export default async function ImportDecisionsPage() {
  await requirePageUser("decision.import");
  return (
    <div className="space-y-4">
      <PageHeader breadcrumbs={[{ href: "/admin/decisions", label: m.decisions.console.title }]} title={t.title} description={t.intro} />
      <Panel id="templates" title={t.templates}>
        <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
          {decisionKinds.flatMap((kind) =>
            (["xlsx", "csv"] as const).map((format) => (
              <li key={`${kind}-${format}`}>
                <a href={`/api/v1/admin/decisions/template?kind=${kind}&format=${format}`} download>
                  {t.template(m.decisionKinds[kind], format.toUpperCase())}
                </a>
              </li>
            )),
          )}
        </ul>
      </Panel>
      <ImportForm />
    </div>
  );
}
