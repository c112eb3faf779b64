import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { listedDemoAccounts } from "@/lib/users/demo-accounts";
import {
  DEMO_PASSWORD,
  demoAccounts,
  demoAgencyDetails,
  demoIndexNumberSettings,
  demoLeadingGroup,
  demoPlatformAgencies,
  demoSections,
  demoSiteIdentity,
  PLATFORM_SECTION_NAME,
  platformDemoAccounts,
} from "./agency";
import { seedBaseData } from "./seed-base";
import { seedDemoApplications } from "./seed-demo-applications";
import { seedDemoDepartments } from "./seed-demo-departments";
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
    const { id: defaultId } = await tx.agency.findFirstOrThrow({ where: { isDefault: true }, select: { id: true } });
    // The city's government keeps the platform; the demo office is one of its departments.
    const government = await tx.agency.create({ data: demoPlatformAgencies.government });
    const office = await tx.agency.create({ data: { ...demoPlatformAgencies.office, parentId: government.id } });
    const agency = await tx.agency.update({
      where: { id: defaultId },
      data: { demoMode: true, ...demoSiteIdentity, ...demoIndexNumberSettings, ...demoAgencyDetails, parentId: government.id, sortOrder: 20 },
    });
    const platformSection = await tx.section.create({ data: { agencyId: office.id, name: PLATFORM_SECTION_NAME } });
    for (const account of platformDemoAccounts) {
      await tx.user.create({
        data: {
          username: account.username,
          displayName: account.displayName,
          role: account.role,
          sectionId: platformSection.id,
          passwordHash,
          mayHaveDemoPassword: true,
        },
      });
    }
    for (const section of demoSections) {
      await tx.section.upsert({
        where: { agencyId_name: { agencyId: agency.id, name: section.name } },
        create: { ...section, agencyId: agency.id },
        update: {},
      });
    }
    const sections = new Map((await tx.section.findMany({ where: { agencyId: agency.id } })).map((section) => [section.name, section.id]));
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
    await tx.leadingGroupMember.createMany({ data: demoLeadingGroup.map((member, index) => ({ ...member, sortOrder: index, agencyId: agency.id })) });
  });
  await seedDemoItems();
  await seedDemoProposals();
  await seedDemoApplications();
  await seedDemoRegisters();
  await seedDemoInspections();
  // Last: the 2017 report is computed from everything above.
  await seedDemoReport();
  await seedDemoDepartments(passwordHash);
  log(
    `Demo data seeded: accounts ${listedDemoAccounts.map((account) => account.username).join(", ")} (password ${DEMO_PASSWORD}). An administrator ends demo mode under 用户管理.`,
  );
}
