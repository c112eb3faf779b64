import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { findAgencyProfile } from "@/lib/agency/find-agency";
import { messages } from "@/lib/i18n";
import { submitApplicationAction } from "./actions";
import { ApplicationForm } from "./application-form";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: messages.applications.publicForm.title };

export default async function ApplyPage() {
  const agency = await findAgencyProfile();
  const m = messages.applications.publicForm;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <nav aria-label={messages.common.breadcrumb} className="text-sm text-gray-700">
        <Link href="/">{messages.site.home}</Link> › <span aria-current="page">{m.title}</span>
      </nav>
      <section className="rounded border border-gray-300 bg-white p-6" aria-labelledby="apply-title">
        <h1 id="apply-title" className="text-xl font-bold">{m.title}</h1>
        <p className="mt-2 leading-7">{m.intro}</p>
        <p className="mt-2 text-sm text-gray-700">{messages.kit.labelled(m.agency, agency.name)}<Link href="/applications" className="ml-4">{m.lookupLink}</Link></p>
      </section>
      <ApplicationForm action={submitApplicationAction} idempotencyKey={randomUUID()} agencyName={agency.name} />
    </div>
  );
}
