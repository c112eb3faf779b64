import Link from "next/link";
import { messages } from "@/lib/i18n";

/**
 * "对本条信息有疑问": opens the feedback form with this item chosen. Place it on the public item page
 * (e.g. below the item's metadata); hidden in print.
 */
export function ItemFeedbackLink({ itemId }: { itemId: number }) {
  return (
    <Link
      href={`/feedback/new?itemId=${itemId}`}
      className="no-print inline-block rounded border border-blue-800 px-3 py-1 text-sm text-blue-900 hover:bg-blue-50"
      data-testid="item-feedback-link"
    >
      {messages.proposals.feedback.public.itemLink}
    </Link>
  );
}
