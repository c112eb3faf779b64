import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { DEMO_PASSWORD, demoAccounts, demoIndexNumberSettings, demoLeadingGroup, demoSections, demoSiteIdentity } from "./agency";
import { seedBaseData } from "./seed-base";
import { seedDemoApplications } from "./seed-demo-applications";
import { seedDemoInspections } from "./seed-demo-inspections";
import { seedDemoItems } from "./seed-demo-items";
import { seedDemoProposals } from "./seed-demo-proposals";
import { seedDemoRegisters } from "./seed-demo-registers";
import { seedDemoReport } from "./seed-demo-report";

/**
 * The demo organisation and its four accounts with the published password; skipped when the demo
 * accounts already exist. Called only where demo data was asked for (lib/runtime/demo-mode.ts).
 */
export async function seedDemoData(log: (line: string) => void = console.log): Promise<void> {
  await seedBaseData();
  if (await db.user.findUnique({ where: { username: "admin" } })) {
    log("Demo data already present.");
    return;
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.$transaction(async (tx) => {
    await tx.agency.updateMany({ data: { demoMode: true, ...demoSiteIdentity, ...demoIndexNumberSettings } });
    for (const section of demoSections) {
      await tx.section.upsert({ where: { name: section.name }, create: section, update: {} });
    }
    const sections = new Map((await tx.section.findMany()).map((section) => [section.name, section.id]));
    for (const account of demoAccounts) {
      await tx.user.create({
        data: {
          username: account.username,
          displayName: account.displayName,
          role: account.role,
          sectionId: sections.get(account.section)!,
          passwordHash,
          mayHaveDemoPassword: true,
        },
      });
    }
    await tx.leadingGroupMember.createMany({ data: demoLeadingGroup.map((member, index) => ({ ...member, sortOrder: index })) });
  });
  await seedDemoItems();
  await seedDemoProposals();
  await seedDemoApplications();
  await seedDemoRegisters();
  await seedDemoInspections();
  // Last: the 2017 report is computed from everything above.
  await seedDemoReport();
  log(
    `Demo data seeded: accounts ${demoAccounts.map((account) => account.username).join(", ")} (password ${DEMO_PASSWORD}). An administrator ends demo mode under 用户管理.`,
  );
}
