import "server-only";
import { closeLapsedApplications } from "@/lib/applications/handle-application";
import { publishDueScheduledItems } from "@/lib/items/item-review";

const INTERVAL_MS = Number(process.env.SCHEDULER_INTERVAL_MS ?? 15_000);

const globalForJobs = globalThis as unknown as { gongkaiJobsStarted?: boolean };

/**
 * Publishes scheduled items when their time comes and closes applications whose correction or
 * payment deadline has lapsed, without anyone signed in.
 */
export function startScheduledJobs(): void {
  if (globalForJobs.gongkaiJobsStarted || process.env.DISABLE_SCHEDULER === "1") return;
  globalForJobs.gongkaiJobsStarted = true;
  const run = async () => {
    try {
      const published = await publishDueScheduledItems();
      if (published.length) console.log(`[scheduler] published items ${published.join(", ")}`);
      await closeLapsedApplications();
    } catch (error) {
      // The database may be briefly unreachable; the next tick tries again.
      console.error("[scheduler]", error instanceof Error ? error.message : error);
    }
  };
  setInterval(run, INTERVAL_MS).unref();
  void run();
}
