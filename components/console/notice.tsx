import type { ReactNode } from "react";

const tones = {
  success: "border-green-700 bg-green-50 text-green-950",
  warning: "border-amber-700 bg-amber-50 text-amber-950",
  error: "border-red-700 bg-red-50 text-red-900",
  info: "border-gray-300 bg-white",
} as const;

/** A boxed message on a page: the result of the last action, a warning about the record. */
export function Notice({
  tone,
  role,
  testId,
  className = "",
  children,
}: {
  tone: keyof typeof tones;
  role?: "status" | "alert" | "note";
  testId?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <p role={role} data-testid={testId} className={`rounded border px-3 py-2 text-sm ${tones[tone]} ${className}`}>
      {children}
    </p>
  );
}

/**
 * The notice a `?done=…` key names, or null: only the table's own keys (a hand-typed `?done=__proto__`
 * or a repeated parameter names nothing).
 */
export function noticeOf(table: Record<string, string>, key: unknown): string | null {
  return typeof key === "string" && Object.hasOwn(table, key) ? table[key] : null;
}

/**
 * What the last action did, after it redirected back to the page (`?done=…`): the same test id
 * and role as the forms' own success notice.
 */
export function DoneNotice({ message }: { message: string | null | undefined | false }) {
  return message ? (
    <Notice tone="success" role="status" testId="form-success">
      {message}
    </Notice>
  ) : null;
}
