import { todayInBeijing } from "@/lib/dates";
import { db } from "@/lib/db";
import { allocateIndexNumber } from "@/lib/items/index-number";
import { demoPublishedItems, demoWorkflowItems } from "./demo-items";

function toHtml(paragraphs: string[]): { body: string; bodyText: string } {
  const escape = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
  return { body: paragraphs.map((paragraph) => `<p>${escape(paragraph)}</p>`).join(""), bodyText: paragraphs.join("\n") };
}

/** 09:30 Beijing time on a calendar day. */
const morningOf = (day: string) => new Date(`${day}T09:30:00+08:00`);

/**
 * The demo office's 2017 disclosures and a few items waiting in review. Written directly (not
 * through the workflow) because they are back-dated history, with the audit trail they would have.
 */
export async function seedDemoItems(): Promise<void> {
  const users = new Map((await db.user.findMany()).map((user) => [user.username, user]));
  const staff = users.get("staff")!;
  const head = users.get("head")!;
  const leader = users.get("leader")!;
  const categories = new Map((await db.category.findMany()).map((category) => [category.slug, category.id]));
  const sections = new Map((await db.section.findMany()).map((section) => [section.name, section.id]));
  const agency = await db.agency.findFirstOrThrow({ where: { isDefault: true } });

  const ordered = [...demoPublishedItems].sort((a, b) => a.formedAt.localeCompare(b.formedAt));
  for (const demo of ordered) {
    await db.$transaction(async (tx) => {
      const indexNumber = await allocateIndexNumber(tx, agency.code, 2017);
      const created = morningOf(demo.formedAt);
      const published = morningOf(demo.publishedAt);
      const item = await tx.item.create({
        data: {
          indexNumber,
          state: "published",
          sectionId: staff.sectionId,
          authorId: staff.id,
          lastActorId: leader.id,
          publishedAt: published,
          lastPublishedAt: published,
          publishedOnTime: true,
          createdAt: created,
        },
      });
      const revision = await tx.itemRevision.create({
        data: {
          itemId: item.id,
          number: 1,
          title: demo.title,
          ...toHtml(demo.paragraphs),
          categoryId: categories.get(demo.category)!,
          issuingSectionId: demo.issuingSection ? sections.get(demo.issuingSection)! : null,
          documentNumber: demo.documentNumber ?? null,
          writtenAt: new Date(`${demo.formedAt}T00:00:00Z`),
          formedAt: new Date(`${demo.formedAt}T00:00:00Z`),
          channels: demo.channels ?? ["website"],
          keywords: [],
          createdById: staff.id,
          createdAt: created,
        },
      });
      await tx.item.update({ where: { id: item.id }, data: { latestRevisionId: revision.id, publishedRevisionId: revision.id } });
      const steps = [
        { actorId: staff.id, action: "item.create", fromState: null, toState: "draft", occurredAt: created },
        { actorId: staff.id, action: "item.submit", fromState: "draft", toState: "section_review", occurredAt: created },
        {
          actorId: head.id,
          action: "item.approve",
          fromState: "section_review",
          toState: "leader_review",
          occurredAt: new Date(created.getTime() + 86_400_000),
        },
        { actorId: leader.id, action: "item.approve", fromState: "leader_review", toState: "published", occurredAt: published },
      ];
      await tx.auditEvent.createMany({
        data: steps.map((step) => ({ ...step, entityType: "Item", entityId: String(item.id), details: { revision: 1, seeded: true } })),
      });
    });
  }

  const workflowItemIds = new Map<string, number>();
  for (const demo of demoWorkflowItems) {
    await db.$transaction(async (tx) => {
      const indexNumber = await allocateIndexNumber(tx, agency.code, Number(todayInBeijing().slice(0, 4)));
      const item = await tx.item.create({ data: { indexNumber, state: demo.state, sectionId: staff.sectionId, authorId: staff.id, lastActorId: staff.id } });
      const today = todayInBeijing();
      const revision = await tx.itemRevision.create({
        data: {
          itemId: item.id,
          number: 1,
          title: demo.title,
          ...toHtml(demo.paragraphs),
          categoryId: categories.get(demo.category)!,
          interpretedItemId: demo.interprets ? workflowItemIds.get(demo.interprets)! : null,
          formedAt: new Date(`${today}T00:00:00Z`),
          channels: ["website"],
          keywords: [],
          createdById: staff.id,
        },
      });
      await tx.item.update({ where: { id: item.id }, data: { latestRevisionId: revision.id } });
      workflowItemIds.set(demo.title, item.id);
      const steps: { actorId: number; action: string; fromState: string | null; toState: string; comment?: string }[] = [
        { actorId: staff.id, action: "item.create", fromState: null, toState: "draft" },
      ];
      if (demo.state !== "draft" || demo.returnComment) steps.push({ actorId: staff.id, action: "item.submit", fromState: "draft", toState: "section_review" });
      if (demo.returnComment)
        steps.push({ actorId: head.id, action: "item.return", fromState: "section_review", toState: "draft", comment: demo.returnComment });
      if (demo.state === "leader_review") steps.push({ actorId: head.id, action: "item.approve", fromState: "section_review", toState: "leader_review" });
      await tx.auditEvent.createMany({
        data: steps.map((step) => ({ ...step, entityType: "Item", entityId: String(item.id), details: { revision: 1, seeded: true } })),
      });
    });
  }
  await db.publicContentVersion.update({ where: { id: 1 }, data: { token: crypto.randomUUID() } });
}
