import { randomUUID } from "node:crypto";
import Link from "next/link";
import { publicPage } from "@/app/(public)/_lib/public-metadata";
import { normaliseAgencyCode } from "@/lib/agency/agencies";
import { findAgencyProfile } from "@/lib/agency/find-agency";
import { listAgenciesAcceptingApplications } from "@/lib/applications/application-agencies";
import { findApplicationRules } from "@/lib/applications/handling-section";
import { messages } from "@/lib/i18n";
import { submitApplicationAction } from "./actions";
import { ApplicationForm } from "./application-form";

export const dynamic = "force-dynamic";

export const generateMetadata = publicPage(messages.applications.publicForm.title, "application");

type Props = { searchParams: Promise<{ agency?: string | string[] }> };

/**
 * The public application form. On a platform of several agencies (集约化) it asks which agency the
 * application is made to: those that accept applications, the default agency preselected, or the one
 * `?agency=<code>` names (the link from an agency's column `/agencies/{code}`).
 */
export default async function ApplyPage({ searchParams }: Props) {
  const requested = (await searchParams).agency;
  const [defaultAgency, agencies] = await Promise.all([findAgencyProfile(), listAgenciesAcceptingApplications()]);
  const code = typeof requested === "string" ? normaliseAgencyCode(requested) : "";
  const chosen = agencies.find((each) => each.code === code) ?? agencies.find((each) => each.isDefault);
  const agency = chosen ?? defaultAgency;
  const rules = await findApplicationRules(undefined, chosen?.id);
  const m = messages.applications.publicForm;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <nav aria-label={messages.common.breadcrumb} className="text-sm text-gray-700">
        <Link href="/">{messages.site.home}</Link> › <span aria-current="page">{m.title}</span>
      </nav>
      <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="apply-title">
        <h1 id="apply-title" className="text-xl font-bold">
          {m.title}
        </h1>
        <p className="mt-2 leading-7">{m.intro}</p>
        <p className="mt-2 leading-7" data-testid="rest-day-receipt">
          {m.restDayReceipt[String(rules.deferRestDayReceipt) as "true" | "false"]}
        </p>
        <p className="mt-2 text-sm text-gray-700">
          {messages.kit.labelled(m.agency, agency.name)}
          <Link href="/applications" className="ml-4">
            {m.lookupLink}
          </Link>
        </p>
      </section>
      <ApplicationForm
        action={submitApplicationAction}
        idempotencyKey={randomUUID()}
        agencyName={agency.name}
        agencies={agencies.map((each) => ({ value: each.code, label: each.name }))}
        agencyCode={agency.code}
      />
    </div>
  );
}
