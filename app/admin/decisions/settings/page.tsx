import type { Metadata } from "next";
import { PageHeader } from "@/components/console/page-header";
import { requirePageUser } from "@/lib/auth/page-guard";
import { isPermitted } from "@/lib/auth/permissions";
import { decisionKinds } from "@/lib/decisions/decision-fields";
import { loadPublicityPeriods } from "@/lib/decisions/publicity-periods";
import { messages } from "@/lib/i18n";
import { setPublicityPeriodsAction } from "../actions";
import { PublicityPeriodsForm } from "./settings-form";

export const dynamic = "force-dynamic";

const m = messages.registers;
const s = m.decisions.settings;

export const metadata: Metadata = { title: s.title };

export default async function PublicityPeriodsPage() {
  const actor = await requirePageUser("registers.read_console");
  const periods = await loadPublicityPeriods();
  return (
    <div className="space-y-4">
      <PageHeader breadcrumbs={[{ href: "/admin/decisions", label: m.decisions.console.title }]} title={s.title} description={s.intro} />
      {isPermitted(actor.role, "decision.configure_publicity") ? (
        <PublicityPeriodsForm action={setPublicityPeriodsAction} periods={periods} />
      ) : (
        <ul className="list-disc pl-6 text-sm" data-testid="publicity-periods">
          {decisionKinds.map((kind) => (
            <li key={kind}>
              {m.decisionKinds[kind]}：{s.current(periods[kind])}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
