import type { Metadata } from "next";
import Link from "next/link";
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
      <p><Link href="/admin/decisions">← {m.decisions.console.title}</Link></p>
      <h1 className="text-xl font-bold">{t.title}</h1>
      <p className="max-w-3xl text-sm leading-6">{t.intro}</p>
      <section aria-labelledby="templates" className="rounded border border-gray-300 bg-white p-4">
        <h2 id="templates" className="font-semibold">{t.templates}</h2>
        <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm">
          {decisionKinds.flatMap((kind) => (["xlsx", "csv"] as const).map((format) => (
            <li key={`${kind}-${format}`}><a href={`/api/v1/admin/decisions/template?kind=${kind}&format=${format}`} download>{t.template(m.decisionKinds[kind], format.toUpperCase())}</a></li>
          )))}
        </ul>
      </section>
      <ImportForm />
    </div>
  );
}
