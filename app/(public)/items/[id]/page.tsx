import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { publicMetadata } from "@/app/(public)/_lib/public-metadata";
import { ItemArticle } from "@/components/public/item-article";
import { ItemFeedbackLink } from "@/components/public/item-feedback-link";
import { findCategoryBySlug } from "@/lib/catalogue/catalogue-tree";
import { messages } from "@/lib/i18n";
import { findPublicItem } from "@/lib/items/public-items";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

async function load(params: Props["params"]) {
  const raw = (await params).id;
  return /^\d+$/.test(raw) ? findPublicItem(Number(raw)) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const item = await load(params);
  if (!item) return publicMetadata({ page: messages.errors.notFoundTitle, column: "disclosure" });
  return publicMetadata({
    page: item.title,
    column: "disclosure",
    columnName: item.category.name,
    article: {
      title: item.title,
      publishedAt: item.publishedAt,
      source: item.issuingBody,
      keywords: item.keywords,
      description: item.withdrawal ? item.withdrawal.reason : item.body,
      path: `/items/${item.id}`,
    },
  });
}

export default async function ItemPage({ params }: Props) {
  const item = await load(params);
  if (!item) notFound();
  const category = await findCategoryBySlug(item.category.slug);
  return (
    <div>
      <nav aria-label={messages.common.breadcrumb} className="no-print mb-4 text-sm text-gray-700">
        <Link href="/">{messages.site.home}</Link>
        {category?.path.map((node) => (
          <span key={node.id}>
            {" "}
            › <Link href={`/catalogue/${node.slug}`}>{node.name}</Link>
          </span>
        ))}
      </nav>
      <ItemArticle item={item} />
      {item.withdrawal ? null : (
        <p className="mt-4 text-right">
          <ItemFeedbackLink itemId={item.id} />
        </p>
      )}
    </div>
  );
}
