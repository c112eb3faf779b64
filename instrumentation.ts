/**
 * Starts the background jobs of a server process. Every process runs them; they are safe to run
 * concurrently because each job locks and version-checks the rows it changes in PostgreSQL.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startScheduledJobs } = await import("@/lib/jobs/scheduled-jobs");
  startScheduledJobs();
}
