import "server-only";
import { beijingDayOf } from "@/lib/dates";
import { db } from "@/lib/db";
import { messages } from "@/lib/i18n";
import { externalLinksOf } from "@/lib/oversight/external-links";
import { attachmentStore } from "@/lib/storage/attachment-store";

const m = messages.oversight.details;

export type BrokenLink = { itemId: number; title: string; detail: string };

/**
 * The site's own links in a stored body: href and src values that start with one "/" (the
 * sanitiser stores attributes double-quoted). Links to other sites are for the scheduled
 * external check, not this one.
 */
export function internalLinksOf(body: string): string[] {
  const links = new Set<string>();
  for (const match of body.matchAll(/\s(?:href|src)="(\/(?!\/)[^"#?]*)[^"]*"/g)) links.add(match[1].replace(/&amp;/g, "&"));
  return [...links];
}

type LinkTarget = { kind: "item" | "file" | "category"; key: string };

function targetOf(path: string): LinkTarget | null {
  const item = /^\/items\/(\d{1,9})\/?$/.exec(path);
  if (item) return { kind: "item", key: item[1] };
  const file = /^\/files\/(\d{1,9})(?:\/.*)?$/.exec(path);
  if (file) return { kind: "file", key: file[1] };
  const category = /^\/catalogue\/([^/]+)\/?$/.exec(path);
  if (category) return { kind: "category", key: decodeURIComponent(category[1]) };
  return null;
}

const concurrentStats = 8;

/**
 * Links in published items that lead nowhere — another item that is not (or no longer) public, an
 * attachment that is not public, a column that does not exist, another site the last scheduled check
 * could not reach (lib/oversight/external-links.ts) — and attachments of published items whose file
 * is gone from storage.
 */
export async function findBrokenLinks(): Promise<BrokenLink[]> {
  const published = await db.item.findMany({
    where: { withdrawnAt: null, publishedRevisionId: { not: null } },
    select: {
      id: true,
      publishedRevision: { select: { title: true, body: true, attachments: { select: { file: { select: { storagePath: true, originalName: true } } } } } },
    },
    orderBy: { id: "asc" },
  });
  const linksByItem = published.map((item) => ({ item, links: internalLinksOf(item.publishedRevision!.body) }));
  const wanted = { item: new Set<number>(), file: new Set<number>(), category: new Set<string>() };
  for (const { links } of linksByItem) {
    for (const link of links) {
      const target = targetOf(link);
      if (target?.kind === "category") wanted.category.add(target.key);
      else if (target) wanted[target.kind].add(Number(target.key));
    }
  }
  const [items, files, categories] = await Promise.all([
    db.item.findMany({ where: { id: { in: [...wanted.item] }, withdrawnAt: null, publishedRevisionId: { not: null } }, select: { id: true } }),
    db.itemAttachment.findMany({
      where: { id: { in: [...wanted.file] }, revision: { publishedOf: { withdrawnAt: null } } },
      select: { id: true },
    }),
    db.category.findMany({ where: { slug: { in: [...wanted.category] } }, select: { slug: true } }),
  ]);
  const live = {
    item: new Set(items.map((row) => String(row.id))),
    file: new Set(files.map((row) => String(row.id))),
    category: new Set(categories.map((row) => row.slug)),
  };
  const broken: BrokenLink[] = [];
  for (const { item, links } of linksByItem) {
    for (const link of links) {
      const target = targetOf(link);
      if (!target || live[target.kind].has(target.key)) continue;
      const detail = target.kind === "item" ? m.brokenItemLink(link) : target.kind === "file" ? m.brokenFileLink(link) : m.brokenCategoryLink(link);
      broken.push({ itemId: item.id, title: item.publishedRevision!.title, detail });
    }
  }
  const unreachable = new Map((await db.externalLinkCheck.findMany({ where: { ok: false } })).map((check) => [check.url, check]));
  if (unreachable.size) {
    for (const { item } of linksByItem) {
      for (const url of externalLinksOf(item.publishedRevision!.body)) {
        const check = unreachable.get(url);
        if (check)
          broken.push({
            itemId: item.id,
            title: item.publishedRevision!.title,
            detail: m.brokenExternalLink(url, check.problem ?? "", beijingDayOf(check.checkedAt)),
          });
      }
    }
  }
  const store = attachmentStore();
  const attachments = published.flatMap((item) => item.publishedRevision!.attachments.map(({ file }) => ({ item, file })));
  for (let start = 0; start < attachments.length; start += concurrentStats) {
    const batch = attachments.slice(start, start + concurrentStats);
    const stats = await Promise.all(batch.map(({ file }) => store.stat(file.storagePath).catch(() => null)));
    batch.forEach(({ item, file }, index) => {
      if (!stats[index]) broken.push({ itemId: item.id, title: item.publishedRevision!.title, detail: m.missingFile(file.originalName) });
    });
  }
  return broken;
}
