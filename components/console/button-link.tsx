import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/forms/styles";

/**
 * A link that looks like a button: a page's actions (新建, 修改, 查看公开页面). `download` and
 * file links are plain anchors, since Next's Link would try to navigate to them.
 */
export function ButtonLink({
  href,
  variant = "secondary",
  download,
  plain,
  ariaLabel,
  testId,
  children,
}: {
  href: string;
  variant?: "primary" | "secondary";
  download?: boolean;
  /** A plain <a> (a file or a route handler, not a page). */
  plain?: boolean;
  ariaLabel?: string;
  testId?: string;
  children: ReactNode;
}) {
  const className = buttonClass[variant];
  if (download || plain)
    return (
      <a href={href} download={download || undefined} className={className} aria-label={ariaLabel} data-testid={testId}>
        {children}
      </a>
    );
  return (
    <Link href={href} className={className} aria-label={ariaLabel} data-testid={testId}>
      {children}
    </Link>
  );
}
