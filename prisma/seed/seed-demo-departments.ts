import { loadActingUser, type ActingUser } from "@/lib/auth/acting-user";
import type { Role } from "@/lib/auth/roles";
import { currentTime } from "@/lib/clock";
import { todayInBeijing } from "@/lib/dates";
import { db } from "@/lib/db";
import { transitionItem } from "@/lib/items/item-review";
import { createItem } from "@/lib/items/manage-items";
import type { PowerEntry } from "@/lib/powers/power-entry";
import { demoDepartments } from "./agency";

/**
 * A department's published powers and 双公示 decisions, written directly as published (like the
 * demo office's registers, prisma/seed/seed-demo-registers.ts), dated at the demo's clock.
 */
async function seedDepartmentRegisters(
  staff: ActingUser,
  leader: ActingUser,
  data: { powers: (typeof demoDepartments)[number]["powers"]; decisions: (typeof demoDepartments)[number]["decisions"]; agencyName: string },
): Promise<void> {
  const today = todayInBeijing();
  const day = new Date(`${today}T00:00:00Z`);
  const section = await db.section.findUniqueOrThrow({ where: { id: staff.sectionId }, select: { name: true } });
  for (const power of data.powers) {
    const entry: PowerEntry = {
      code: power.code,
      name: power.name,
      type: "license",
      legalBasis: [power.legalBasis],
      sectionName: section.name,
      responsibilities: "1.受理责任。2.审查责任。3.决定责任。4.送达责任。（演示数据）",
      accountability: "对符合法定条件的申请不予受理、不予许可的。（演示数据）",
      status: "retained",
      statusNote: null,
      effectiveOn: today,
    };
    await db.power.create({
      data: {
        code: entry.code,
        name: entry.name,
        type: entry.type,
        legalBasis: entry.legalBasis,
        sectionId: staff.sectionId,
        responsibilities: entry.responsibilities,
        accountability: entry.accountability,
        effectiveOn: day,
        state: "published",
        ownerSectionId: staff.sectionId,
        authorId: staff.id,
        lastEditorId: leader.id,
        publishedContent: entry,
        publishedAt: currentTime(),
      },
    });
  }
  for (const decision of data.decisions) {
    await db.administrativeDecision.create({
      data: {
        kind: "license",
        counterpartyName: decision.counterpartyName,
        counterpartyCategory: "legal_entity",
        documentNumber: decision.documentNumber,
        licenseCategory: "普通",
        licenseDocumentName: "准予行政许可决定书",
        licenseNumber: decision.documentNumber,
        licenseStatus: "有效",
        licenseContent: decision.content,
        penaltyCategories: [],
        decisionDate: day,
        validFrom: day,
        authorityName: data.agencyName,
        authorityCreditCode: "11231081MB19640572",
        dataSourceName: data.agencyName,
        disclosureDueOn: day,
        state: "published",
        sectionId: staff.sectionId,
        authorId: staff.id,
        lastEditorId: leader.id,
        publishedAt: currentTime(),
        publishedOnTime: true,
      },
    });
  }
}

/**
 * Two more departments of the demo platform (集约化), with a small, clearly synthetic data set (every
 * title says 演示), so that the directory, the search across agencies and the summary report show
 * something real. The first has the demo accounts staff2, head2 and leader2; the second's accounts
 * exist only to have written its records (disabled: nobody signs in with them). Items go through
 * the review engine like any other, at the demo's clock.
 */
export async function seedDemoDepartments(passwordHash: string): Promise<void> {
  const government = await db.agency.findUniqueOrThrow({ where: { code: "SFHZF" }, select: { id: true } });
  const categories = new Map((await db.category.findMany({ select: { id: true, slug: true } })).map((category) => [category.slug, category.id]));
  for (const department of demoDepartments) {
    const { sections, accounts, items, powers, decisions, ...fields } = department;
    const agency = await db.agency.create({ data: { ...fields, parentId: government.id } });
    const sectionIds = new Map<string, number>();
    for (const [index, name] of sections.entries()) {
      sectionIds.set(name, (await db.section.create({ data: { agencyId: agency.id, name, sortOrder: index * 10 } })).id);
    }
    const actors = new Map<Role, ActingUser>();
    for (const account of accounts) {
      const user = await db.user.create({
        data: {
          username: account.username,
          displayName: account.displayName,
          role: account.role,
          sectionId: sectionIds.get(account.section)!,
          passwordHash,
          mayHaveDemoPassword: true,
        },
      });
      actors.set(account.role, (await loadActingUser(user.id))!);
    }
    for (const item of items) {
      const staff = actors.get("staff")!;
      const { id } = await createItem(staff, {
        title: item.title,
        body: item.paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join(""),
        categoryId: categories.get(item.category)!,
        formedAt: todayInBeijing(),
        writtenAt: todayInBeijing(),
      });
      await transitionItem(staff, id, { action: "submit" });
      await transitionItem(actors.get("section_head")!, id, { action: "approve" });
      await transitionItem(actors.get("leader")!, id, { action: "approve" });
    }
    await seedDepartmentRegisters(actors.get("staff")!, actors.get("leader")!, { powers, decisions, agencyName: department.name });
    // The second department's accounts only wrote its records: nobody signs in with them.
    if (!department.accounts.some((account) => account.username === "staff2")) {
      await db.user.updateMany({ where: { username: { in: accounts.map((account) => account.username) } }, data: { disabledAt: currentTime() } });
    }
  }
}
