import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { publicMetadata } from "@/app/(public)/_lib/public-metadata";
import { PrintButton } from "@/components/public/print-button";
import { RegisterBreadcrumb } from "@/components/public/register-breadcrumb";
import { articleDate } from "@/lib/agency/page-identity";
import { findPublicAgency } from "@/lib/agency/public-agency";
import { messages } from "@/lib/i18n";
import { findPublicService } from "@/lib/services/public-services";
import { ServiceGuideArticle } from "../service-guide-article";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ agency?: string | string[] }> };

const s = messages.registers.services;

async function load(params: Props["params"]) {
  const raw = (await params).id;
  return /^\d+$/.test(raw) ? findPublicService(Number(raw)) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const service = await load(params);
  return publicMetadata({
    page: service ? `${service.name}${s.guide}` : messages.errors.notFoundTitle,
    column: "service",
    columnName: s.title,
    article: service
      ? {
          title: `${service.name}${s.guide}`,
          publishedAt: articleDate(service.publishedAt),
          keywords: [service.name, service.code],
          description: service.conditions,
          path: `/services/${service.id}`,
        }
      : undefined,
  });
}

/** One service guide, whichever agency's; `?agency=CODE` (from that agency's directory) keeps the way back to it. */
export default async function ServicePage({ params, searchParams }: Props) {
  const [guide, agency] = await Promise.all([load(params), findPublicAgency((await searchParams).agency)]);
  if (!guide || !agency) notFound();
  return (
    <div className="space-y-4">
      <RegisterBreadcrumb agency={agency} steps={[{ label: s.title, href: "/services" }, { label: guide.name }]} className="text-sm text-gray-700" />
      <article className="rounded border border-gray-300 bg-white p-6" aria-labelledby="guide-title">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h1 id="guide-title" className="text-xl font-bold">
            {guide.name}
            {s.guide}
          </h1>
          <div className="no-print">
            <PrintButton label={s.printGuide} />
          </div>
        </div>
        <ServiceGuideArticle guide={guide} formHref={(formId) => `/services/${guide.id}/forms/${formId}`} />
      </article>
    </div>
  );
}
