import { randomUUID } from "node:crypto";
import Link from "next/link";
import { publicPage } from "@/app/(public)/_lib/public-metadata";
import { findAgencyProfile } from "@/lib/agency/find-agency";
import { findApplicationRules } from "@/lib/applications/handling-section";
import { messages } from "@/lib/i18n";
import { submitApplicationAction } from "./actions";
import { ApplicationForm } from "./application-form";

export const dynamic = "force-dynamic";

export const generateMetadata = publicPage(messages.applications.publicForm.title, "application");

export default async function ApplyPage() {
  const [agency, rules] = await Promise.all([findAgencyProfile(), findApplicationRules()]);
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
      <ApplicationForm action={submitApplicationAction} idempotencyKey={randomUUID()} agencyName={agency.name} />
    </div>
  );
}
