/**
 * Measurements that belong to other domains: annual report generation for a year with 10,000
 * applications, and a 10,000-row 双公示 import. Each is measured only when its module exists;
 * otherwise the table says "not available yet".
 */
export type TimedStep = { seconds: number | null; note: string };
export type RegisterResults = { report: TimedStep; import: TimedStep };

export async function runRegisterBenchmarks(_url: string, _log: (line: string) => void): Promise<RegisterResults> {
  return {
    report: { seconds: null, note: "not available yet" },
    import: { seconds: null, note: "not available yet" },
  };
}
