import type { ReactNode } from "react";

/** A date with what it means (按时公开, 已逾期…), red and bold when it is late. */
export function DueDate({ date, label, urgent }: { date: ReactNode; label?: ReactNode; urgent?: boolean }) {
  return (
    <span className={urgent ? "font-semibold text-red-700" : ""}>
      {date}
      {label ? <>（{label}）</> : null}
    </span>
  );
}

/** A short red marker after a value in a list (已逾期, 逾期公开). */
export function Flag({ strong, children }: { strong?: boolean; children: ReactNode }) {
  return <span className={`ml-2 text-red-700 ${strong ? "font-semibold" : ""}`}>{children}</span>;
}
