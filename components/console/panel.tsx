import type { ReactNode } from "react";

const frames = {
  default: "border-gray-300",
  warning: "border-amber-700",
  notice: "border-amber-600 bg-amber-50",
} as const;

/**
 * A titled section of a console page: a white box whose heading names it for screen readers
 * (aria-labelledby). `level` 3 where the page's h2 is already taken (the inspection pages).
 */
export function Panel({
  id,
  title,
  titleHidden,
  level = 2,
  description,
  actions,
  tone = "default",
  className = "",
  testId,
  children,
}: {
  /** The heading's id (needed with a title). */
  id?: string;
  title?: ReactNode;
  /** The heading is for screen readers only (the content speaks for itself). */
  titleHidden?: boolean;
  level?: 2 | 3;
  description?: ReactNode;
  /** On the heading's right (a small form, a count). */
  actions?: ReactNode;
  tone?: keyof typeof frames;
  className?: string;
  testId?: string;
  children?: ReactNode;
}) {
  const Heading = level === 2 ? "h2" : "h3";
  const heading = title ? (
    <Heading id={id} className={titleHidden ? "sr-only" : "text-lg font-semibold"}>
      {title}
    </Heading>
  ) : null;
  return (
    <section className={`rounded border bg-white p-6 ${frames[tone]} ${className}`} aria-labelledby={title && id ? id : undefined} data-testid={testId}>
      {actions ? (
        <div className="flex flex-wrap items-end justify-between gap-3">
          {heading}
          {actions}
        </div>
      ) : (
        heading
      )}
      {description ? <p className="mt-1 text-sm text-gray-700">{description}</p> : null}
      {(title && !titleHidden) || description ? <div className="mt-3">{children}</div> : children}
    </section>
  );
}
