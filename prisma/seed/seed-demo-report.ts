import { loadActingUser, type ActingUser } from "@/lib/auth/acting-user";
import { clockStartingAt, withClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { startReport, updateReportTexts } from "@/lib/reports/manage-reports";
import { transitionReport } from "@/lib/reports/report-review";
import { demoReportSteps, demoReportTexts, demoReportYear } from "./demo-report";

/**
 * The demo office's 2017 annual report, published as the seed office published it: compiled from
 * the demo data through the real data layer (its tables computed and checked as for any report),
 * with the office's own texts, submitted by staff and approved by the section head and a leader,
 * each step on the product's clock set to a day of January 2018; the clock in force before is put
 * back afterwards. Skipped when the year already has a report.
 */
export async function seedDemoReport(): Promise<void> {
  if (await db.annualReport.findFirst({ where: { year: demoReportYear } })) return;
  const actor = async (username: string): Promise<ActingUser> => (await loadActingUser((await db.user.findUniqueOrThrow({ where: { username } })).id))!;
  const [staff, head, leader] = [await actor("staff"), await actor("head"), await actor("leader")];
  const at = (instant: string) => clockStartingAt(instant);

  const draft = await withClock(at(demoReportSteps.start), async () => {
    const started = await startReport(staff, demoReportYear);
    return updateReportTexts(staff, started.id, { ...demoReportTexts, version: started.version });
  });
  const submitted = await withClock(at(demoReportSteps.submit), () => transitionReport(staff, draft.id, { action: "submit", version: draft.version }));
  const approved = await withClock(at(demoReportSteps.sectionApproval), () =>
    transitionReport(head, draft.id, { action: "approve", version: submitted.version }),
  );
  // The leader publishes it under the date it bears (its 落款), the day of the approval.
  await withClock(at(demoReportSteps.leaderApproval), () =>
    transitionReport(leader, draft.id, {
      action: "approve",
      version: approved.version,
      publicationDate: demoReportSteps.leaderApproval.slice(0, 10),
      confirm: true,
    }),
  );
}
