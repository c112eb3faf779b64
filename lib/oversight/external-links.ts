import "server-only";
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { currentTime } from "@/lib/clock";
import { readConfig } from "@/lib/config";
import { db } from "@/lib/db";
import { messages } from "@/lib/i18n";
import { runExclusively } from "@/lib/jobs/job-lock";

const m = messages.oversight.externalProblems;

/** http(s) links to other sites in a stored body (the sanitiser stores attributes double-quoted). */
export function externalLinksOf(body: string): string[] {
  const links = new Set<string>();
  for (const match of body.matchAll(/\shref="(https?:\/\/[^"\s]+)"/gi)) {
    const url = match[1].replace(/&amp;/g, "&");
    try {
      links.add(new URL(url).toString());
    } catch {
      // Not a URL at all: the internal check does not look at it either.
    }
  }
  return [...links];
}

/** Addresses the public cannot reach (and the server must not be made to probe). */
const privateRanges = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
] as const) {
  privateRanges.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::1", 128],
  ["::", 128],
  ["fc00::", 7],
  ["fe80::", 10],
] as const) {
  privateRanges.addSubnet(network, prefix, "ipv6");
}

async function isPrivateHost(hostname: string): Promise<boolean> {
  const host = hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true });
  return addresses.some(({ address, family }) => privateRanges.check(address, family === 6 ? "ipv6" : "ipv4"));
}

export type LinkAnswer = { ok: boolean; status: number | null; problem: string | null };

/**
 * One link: a HEAD request (GET when the server refuses HEAD), redirects not followed — a redirect
 * is an answer, and following it could lead the server anywhere. Links to private or loopback
 * addresses are not requested: they are broken for the public anyway.
 */
export async function checkExternalLink(url: string, options: { timeoutMs: number; allowPrivateAddresses?: boolean }): Promise<LinkAnswer> {
  try {
    if (!options.allowPrivateAddresses && (await isPrivateHost(new URL(url).hostname))) return { ok: false, status: null, problem: m.privateAddress };
    const ask = (method: "HEAD" | "GET") => fetch(url, { method, redirect: "manual", signal: AbortSignal.timeout(options.timeoutMs) });
    let response = await ask("HEAD");
    if (response.status === 405 || response.status === 501) response = await ask("GET");
    await response.body?.cancel();
    return response.status < 400
      ? { ok: true, status: response.status, problem: null }
      : { ok: false, status: response.status, problem: m.status(response.status) };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    return { ok: false, status: null, problem: timedOut ? m.timeout(Math.round(options.timeoutMs / 1000)) : m.unreachable };
  }
}

const concurrentChecks = 4;

/**
 * Checks every external link of the published items and keeps each answer (links no longer in any
 * published item are forgotten). Returns how many links were checked and how many failed.
 */
export async function checkExternalLinks(options: { timeoutMs: number; allowPrivateAddresses?: boolean }): Promise<{ checked: number; failed: number }> {
  const published = await db.item.findMany({
    where: { withdrawnAt: null, publishedRevisionId: { not: null } },
    select: { publishedRevision: { select: { body: true } } },
  });
  const urls = [...new Set(published.flatMap((item) => externalLinksOf(item.publishedRevision!.body)))];
  let failed = 0;
  for (let start = 0; start < urls.length; start += concurrentChecks) {
    const batch = urls.slice(start, start + concurrentChecks);
    const answers = await Promise.all(batch.map((url) => checkExternalLink(url, options)));
    const checkedAt = currentTime();
    for (const [index, answer] of answers.entries()) {
      if (!answer.ok) failed++;
      await db.externalLinkCheck.upsert({
        where: { url: batch[index] },
        create: { url: batch[index], ...answer, checkedAt },
        update: { ...answer, checkedAt },
      });
    }
  }
  await db.externalLinkCheck.deleteMany({ where: { url: { notIn: urls } } });
  await db.oversightSetting.upsert({
    where: { id: 1 },
    create: { id: 1, externalLinksCheckedAt: currentTime() },
    update: { externalLinksCheckedAt: currentTime() },
  });
  return { checked: urls.length, failed };
}

/**
 * The scheduled round's part: when EXTERNAL_LINK_CHECK_HOURS is set and that long has passed since
 * the last check, one process checks (the others skip while it runs).
 */
export async function checkExternalLinksIfDue(): Promise<void> {
  const { EXTERNAL_LINK_CHECK_HOURS, EXTERNAL_LINK_TIMEOUT_MS } = readConfig();
  if (EXTERNAL_LINK_CHECK_HOURS === 0) return;
  await runExclusively("external-link-check", async () => {
    const last = (await db.oversightSetting.findUnique({ where: { id: 1 } }))?.externalLinksCheckedAt;
    if (last && currentTime().getTime() - last.getTime() < EXTERNAL_LINK_CHECK_HOURS * 3_600_000) return;
    const { checked, failed } = await checkExternalLinks({ timeoutMs: EXTERNAL_LINK_TIMEOUT_MS });
    console.log(`[scheduler] checked ${checked} external links, ${failed} unreachable`);
  });
}
