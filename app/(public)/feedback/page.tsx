import Link from "next/link";
import { publicPage } from "@/app/(public)/_lib/public-metadata";
import { Pagination } from "@/components/public/pagination";
import { readPositiveInteger } from "@/lib/api/route-params";
import { findPublishedFeedback } from "@/lib/feedback/public-feedback";
import { messages } from "@/lib/i18n";
import { FeedbackEntry } from "./_components/feedback-entry";
import { RatingForm } from "./_components/rating-form";
import { rateFeedbackAction } from "./actions";

export const dynamic = "force-dynamic";

export const generateMetadata = publicPage(messages.proposals.feedback.public.title, "interaction");

type Props = { searchParams: Promise<{ page?: string }> };

export default async function PublicFeedbackPage({ searchParams }: Props) {
  const page = readPositiveInteger((await searchParams).page ?? null) ?? 1;
  const result = await findPublishedFeedback({ page });
  const m = messages.proposals.feedback.public;
  return (
    <div className="space-y-6">
      <nav aria-label={messages.common.breadcrumb} className="no-print text-sm text-gray-700">
        <Link href="/">{messages.site.home}</Link> › <span aria-current="page">{m.title}</span>
      </nav>
      <section className="flex flex-wrap items-start justify-between gap-4 rounded border border-gray-300 bg-white p-6" aria-labelledby="feedback-title">
        <div className="max-w-3xl">
          <h1 id="feedback-title" className="text-xl font-bold">
            {m.title}
          </h1>
          <p className="mt-2 leading-7">{m.intro}</p>
        </div>
        <Link href="/feedback/new" className="no-print rounded bg-red-800 px-4 py-2 text-sm font-medium text-white hover:bg-red-900 hover:no-underline">
          {m.leaveMessage}
        </Link>
      </section>
      {result.entries.length ? (
        result.entries.map((entry) => (
          <FeedbackEntry key={entry.id} entry={entry}>
            <RatingForm feedbackId={entry.id} action={rateFeedbackAction.bind(null, entry.id)} />
          </FeedbackEntry>
        ))
      ) : (
        <p className="rounded border border-gray-300 bg-white p-6 text-gray-700">{m.empty}</p>
      )}
      <Pagination page={result.page} pageSize={result.pageSize} total={result.total} basePath="/feedback" query={{}} />
    </div>
  );
}
