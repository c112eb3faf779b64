import Link from "next/link";
import type { ReactNode } from "react";
import { messages } from "@/lib/i18n";

export type Crumb = { href: string; label: string };

/** The way back up: the pages above this one, as links (the current page is the heading below). */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  if (!items.length) return null;
  return (
    <nav aria-label={messages.kit.breadcrumbs} className="no-print text-sm">
      <ol className="flex flex-wrap items-center gap-x-2 text-gray-700">
        {items.map((item, index) => (
          <li key={item.href} className="flex items-center gap-2">
            {index > 0 ? <span aria-hidden="true">›</span> : null}
            <Link href={item.href}>{item.label}</Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/**
 * The top of a console page: breadcrumbs, the one h1, what describes the record under it (its
 * state, version — `meta`), and the page's actions (links such as 新建, 修改) on the right.
 */
export function PageHeader({
  title,
  breadcrumbs = [],
  meta,
  actions,
  description,
  titleClassName = "",
  level = 1,
  titleTestId,
  children,
}: {
  title: ReactNode;
  /** 2 for a record's header under a section's h1 (the inspection pages). */
  level?: 1 | 2;
  titleTestId?: string;
  breadcrumbs?: Crumb[];
  meta?: ReactNode;
  actions?: ReactNode;
  description?: ReactNode;
  titleClassName?: string;
  /** Below the title row, inside the header (a warning about the record). */
  children?: ReactNode;
}) {
  const Heading = level === 1 ? "h1" : "h2";
  return (
    <header className="space-y-3">
      <Breadcrumbs items={breadcrumbs} />
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <Heading className={`text-xl font-bold ${titleClassName}`} data-testid={titleTestId}>
            {title}
          </Heading>
          {meta ? <div className="mt-1 flex flex-wrap items-center gap-2 text-sm text-gray-700">{meta}</div> : null}
          {description ? <p className="mt-2 max-w-3xl text-sm leading-6 text-gray-700">{description}</p> : null}
        </div>
        {actions ? <div className="no-print flex flex-wrap gap-2 text-sm">{actions}</div> : null}
      </div>
      {children}
    </header>
  );
}
