import "server-only";
import { closeLapsedApplications } from "@/lib/applications/handle-application";
import { pruneThrottleRecordsIfDue } from "@/lib/auth/throttle-retention";
import { readConfig } from "@/lib/config";
import { publishDueScheduledItems } from "@/lib/items/item-review";
import { deliverDueNotifications } from "@/lib/notifications/deliver-notifications";
import { scanScheduledNotificationsIfDue } from "@/lib/notifications/scheduled-scan";
import { checkExternalLinksIfDue } from "@/lib/oversight/external-links";
import { runExclusively } from "./job-lock";

const globalForJobs = globalThis as unknown as { gongkaiJobsStarted?: boolean };

/**
 * Publishes scheduled items when their time comes and closes applications whose correction or
 * payment deadline has lapsed, without anyone signed in. Every web process on every machine ticks;
 * one at a time does the round (lib/jobs/job-lock.ts), the others skip it.
 */
export function startScheduledJobs(): void {
  const { DISABLE_SCHEDULER, SCHEDULER_INTERVAL_MS } = readConfig();
  if (globalForJobs.gongkaiJobsStarted || DISABLE_SCHEDULER) return;
  globalForJobs.gongkaiJobsStarted = true;
  let delivering = false;
  const run = async () => {
    try {
      await runExclusively("scheduled-round", async () => {
        const published = await publishDueScheduledItems();
        if (published.length) console.log(`[scheduler] published items ${published.join(", ")}`);
        await closeLapsedApplications();
      });
      // Today's due-soon, overdue and countdown events: once a day, under their own lock, never twice (dedupe keys).
      void scanScheduledNotificationsIfDue().catch((error: unknown) =>
        console.error("[scheduler] notification scan:", error instanceof Error ? error.message : error),
      );
      // Sign-in attempts past 30 days and spent rate-limit counters: once a day, under their own lock.
      void pruneThrottleRecordsIfDue().catch((error: unknown) =>
        console.error("[scheduler] throttle records:", error instanceof Error ? error.message : error),
      );
      // Every process delivers: each claims its own deliveries (FOR UPDATE SKIP LOCKED), none sends one twice.
      // One loop per process at a time: a slow mail server does not pile up loops.
      if (!delivering) {
        delivering = true;
        void deliverDueNotifications()
          .catch((error: unknown) => console.error("[scheduler] notifications:", error instanceof Error ? error.message : error))
          .finally(() => {
            delivering = false;
          });
      }
      // Minutes, at most every EXTERNAL_LINK_CHECK_HOURS: beside the round, under its own lock.
      void checkExternalLinksIfDue().catch((error: unknown) => console.error("[scheduler] external links:", error instanceof Error ? error.message : error));
    } catch (error) {
      // The database may be briefly unreachable; the next tick tries again.
      console.error("[scheduler]", error instanceof Error ? error.message : error);
    }
  };
  setInterval(run, SCHEDULER_INTERVAL_MS).unref();
  void run();
}
