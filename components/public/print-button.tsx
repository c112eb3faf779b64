"use client";

export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="rounded border border-gray-500 bg-white px-3 py-1 text-sm hover:bg-gray-100">
      {label}
    </button>
  );
}
