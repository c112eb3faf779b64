import "server-only";
import { closeLapsedApplications } from "@/lib/applications/handle-application";
import { readConfig } from "@/lib/config";
import { publishDueScheduledItems } from "@/lib/items/item-review";

const globalForJobs = globalThis as unknown as { gongkaiJobsStarted?: boolean };

/**
 * Publishes scheduled items when their time comes and closes applications whose correction or
 * payment deadline has lapsed, without anyone signed in.
 */
export function startScheduledJobs(): void {
  const { DISABLE_SCHEDULER, SCHEDULER_INTERVAL_MS } = readConfig();
  if (globalForJobs.gongkaiJobsStarted || DISABLE_SCHEDULER) return;
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
  setInterval(run, SCHEDULER_INTERVAL_MS).unref();
  void run();
}
