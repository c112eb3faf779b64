import { formatDateTime } from "@/lib/format";
import { inspectionsMessages as m } from "@/lib/i18n/zh-CN/inspections";

type Version = { version: number; hash: string; summary: string; actorName: string | null; createdAt: Date };

/** The recent versions of a 名录库: what changed, who, when, and the list hash after it. */
export function VersionHistory({ versions }: { versions: Version[] }) {
  if (!versions.length) return <p className="text-sm text-gray-700">{m.targets.noVersion}</p>;
  const c = m.versions.columns;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="version-history">
        <thead>
          <tr className="border-b border-gray-300">
            <th scope="col" className="py-2 pr-3">{c.version}</th>
            <th scope="col" className="py-2 pr-3">{c.changedAt}</th>
            <th scope="col" className="py-2 pr-3">{c.actor}</th>
            <th scope="col" className="py-2 pr-3">{c.summary}</th>
            <th scope="col" className="py-2">{c.hash}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((version) => (
            <tr key={version.version} className="border-b border-gray-200 align-top">
              <td className="py-2 pr-3 whitespace-nowrap">{m.detail.listVersion(version.version)}</td>
              <td className="py-2 pr-3 whitespace-nowrap">{formatDateTime(version.createdAt)}</td>
              <td className="py-2 pr-3 whitespace-nowrap">{version.actorName ?? "系统"}</td>
              <td className="py-2 pr-3">{version.summary}</td>
              <td className="py-2 font-mono text-xs break-all">{version.hash}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
