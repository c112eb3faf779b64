import Link from "next/link";
import { publicPage } from "@/app/(public)/_lib/public-metadata";
import { readPositiveInteger } from "@/lib/api/route-params";
import { messages } from "@/lib/i18n";
import { findPublicItem } from "@/lib/items/public-items";
import { FeedbackForm } from "../_components/feedback-form";
import { submitFeedbackAction } from "../actions";

export const dynamic = "force-dynamic";

export const generateMetadata = publicPage(messages.proposals.feedback.public.formTitle, "interaction");

type Props = { searchParams: Promise<{ itemId?: string }> };

export default async function NewFeedbackPage({ searchParams }: Props) {
  const itemId = readPositiveInteger((await searchParams).itemId ?? null);
  const item = itemId ? await findPublicItem(itemId) : null;
  const m = messages.proposals.feedback.public;
  return (
    <div className="space-y-6">
      <nav aria-label={messages.common.breadcrumb} className="no-print text-sm text-gray-700">
        <Link href="/">{messages.site.home}</Link> › <Link href="/feedback">{m.title}</Link> › <span aria-current="page">{m.formTitle}</span>
      </nav>
      <section className="max-w-3xl rounded border border-gray-300 bg-white p-6" aria-labelledby="form-title">
        <h1 id="form-title" className="mb-2 text-xl font-bold">
          {m.formTitle}
        </h1>
        <p className="mb-4 text-sm leading-6 text-gray-700">{m.intro}</p>
        <FeedbackForm action={submitFeedbackAction} item={item && !item.withdrawal ? { id: item.id, title: item.title } : null} />
      </section>
    </div>
  );
}
