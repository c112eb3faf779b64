import Link from "next/link";
import { publicPage } from "@/app/(public)/_lib/public-metadata";
import { messages } from "@/lib/i18n";
import { StatusLookup } from "./status-lookup";

export const dynamic = "force-dynamic";

export const generateMetadata = publicPage(messages.applications.publicStatus.title, "application");

export default function ApplicationStatusPage() {
  const m = messages.applications.publicStatus;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <nav aria-label={messages.common.breadcrumb} className="text-sm text-gray-700">
        <Link href="/">{messages.site.home}</Link> › <span aria-current="page">{m.title}</span>
      </nav>
      <section aria-labelledby="status-page-title">
        <h1 id="status-page-title" className="text-xl font-bold">
          {m.title}
        </h1>
        <p className="mt-2">
          {m.intro}　<Link href="/apply">{m.applyLink}</Link>
        </p>
      </section>
      <StatusLookup />
    </div>
  );
}
