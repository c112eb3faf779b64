import { loadActingUser, type ActingUser } from "@/lib/auth/acting-user";
import type { Role } from "@/lib/auth/roles";
import { currentTime } from "@/lib/clock";
import { todayInBeijing } from "@/lib/dates";
import { db } from "@/lib/db";
import { transitionItem } from "@/lib/items/item-review";
import { createItem } from "@/lib/items/manage-items";
import { demoDepartments } from "./agency";

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
    const { sections, accounts, items, ...fields } = department;
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
    // The second department's accounts only wrote its records: nobody signs in with them.
    if (!department.accounts.some((account) => account.username === "staff2")) {
      await db.user.updateMany({ where: { username: { in: accounts.map((account) => account.username) } }, data: { disabledAt: currentTime() } });
    }
  }
}
