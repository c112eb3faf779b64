import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { publicMetadata } from "@/app/(public)/_lib/public-metadata";
import { PrintButton } from "@/components/public/print-button";
import { articleDate } from "@/lib/agency/page-identity";
import { messages } from "@/lib/i18n";
import { findPublicService } from "@/lib/services/public-services";
import { ServiceGuideArticle } from "../service-guide-article";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

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

export default async function ServicePage({ params }: Props) {
  const guide = await load(params);
  if (!guide) notFound();
  return (
    <div className="space-y-4">
      <nav aria-label={messages.common.breadcrumb} className="text-sm text-gray-700">
        <Link href="/">{messages.site.home}</Link> › <Link href="/services">{s.title}</Link> › {guide.name}
      </nav>
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
