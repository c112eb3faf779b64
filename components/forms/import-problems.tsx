import { messages } from "@/lib/i18n";
import type { ImportProblem } from "@/lib/imports/problems";

const m = messages.imports.problemList;

/**
 * The problems of a refused import, one line each by row and column, the same in every import
 * form (decisions, proposals, ledgers, inspection lists). The form shows the summary ("文件中有
 * 3 处问题，没有导入任何数据…") in its own error notice; this is the list under it. Only the first
 * `shown` problems are listed: a file with thousands of bad rows has one mistake repeated.
 */
export function ImportProblems({ problems, shown = 500 }: { problems: readonly ImportProblem[] | undefined; shown?: number }) {
  if (!problems?.length) return null;
  return (
    <div data-testid="import-problems" className="mt-4 max-h-[32rem] overflow-auto rounded border border-red-700 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="px-3 py-2 text-left font-semibold text-red-900">{m.title(problems.length)}</caption>
        <thead className="bg-gray-100">
          <tr>
            <th scope="col" className="w-20 px-3 py-1">
              {m.columns.row}
            </th>
            <th scope="col" className="w-48 px-3 py-1">
              {m.columns.column}
            </th>
            <th scope="col" className="px-3 py-1">
              {m.columns.message}
            </th>
          </tr>
        </thead>
        <tbody>
          {problems.slice(0, shown).map((problem, index) => (
            <tr key={index} className="border-t border-gray-200 align-top">
              <td className="px-3 py-1">{problem.row ?? m.fileLevel}</td>
              <td className="px-3 py-1">{problem.column ?? ""}</td>
              <td className="px-3 py-1">{problem.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {problems.length > shown ? <p className="px-3 py-2 text-sm">{m.more(shown, problems.length)}</p> : null}
    </div>
  );
}
