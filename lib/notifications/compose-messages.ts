import { createHmac } from "node:crypto";
import { messages } from "@/lib/i18n";
import type { WebhookKind } from "@/lib/notifications/kinds";

/**
 * The texts of a notification on each channel, from the outbox row alone (title, link, detail):
 * pure, so the unit tests read them. The outbox never holds an applicant's personal data, so
 * neither does anything made here.
 */
const m = messages.notifications;

export type EventText = { kind: string; title: string; url: string; detail: string | null; createdAt: Date };

/** The record's link for a reader outside the console: on the site's address when it is known. */
export function absoluteLink(url: string, baseUrl: string | undefined): string {
  return baseUrl ? new URL(url, baseUrl).toString() : url;
}

export function composeEventMail(event: EventText, baseUrl: string | undefined): { subject: string; text: string } {
  const link = absoluteLink(event.url, baseUrl);
  const lines = [event.title, event.detail, "", m.mail.open(link), "", m.mail.footer].filter((line) => line !== null);
  return { subject: m.mail.subject(event.title), text: lines.join("\n") };
}

export function composeDigestMail(events: EventText[], baseUrl: string | undefined): { subject: string; text: string } {
  const lines = [m.mail.digestIntro, ""];
  for (const event of events) {
    lines.push(`· ${event.title}`);
    if (event.detail) lines.push(`  ${event.detail}`);
    lines.push(`  ${absoluteLink(event.url, baseUrl)}`);
  }
  lines.push("", m.mail.footer);
  return { subject: m.mail.digestSubject(events.length), text: lines.join("\n") };
}

/** Markdown's own characters in a title would change the message's shape: shown as they are. */
function escapeMarkdown(value: string): string {
  return value.replace(/([\\`*_[\]()#>])/g, "\\$1");
}

/**
 * The group robot's body: 企业微信/政务微信 `{"msgtype":"markdown","markdown":{"content":…}}`,
 * 钉钉/政务钉钉 `{"msgtype":"markdown","markdown":{"title":…,"text":…}}`.
 */
export function composeWebhookBody(kind: WebhookKind, event: EventText, baseUrl: string | undefined): Record<string, unknown> {
  const heading = m.robot.heading(m.kinds[event.kind] ?? event.kind);
  const link = absoluteLink(event.url, baseUrl);
  const lines = [`**${escapeMarkdown(heading)}**`, "", escapeMarkdown(event.title)];
  if (event.detail) lines.push("", `> ${escapeMarkdown(event.detail)}`);
  lines.push("", `[${m.robot.open}](${link})`);
  const text = lines.join("\n");
  return kind === "wecom" ? { msgtype: "markdown", markdown: { content: text } } : { msgtype: "markdown", markdown: { title: heading, text } };
}

/**
 * 钉钉's 加签: `timestamp` (milliseconds) and `sign` = base64(HMAC-SHA256(secret, `${timestamp}\n${secret}`)),
 * URL-encoded, added to the robot's address.
 */
export function signDingtalkUrl(url: string, secret: string, timestampMs: number): string {
  const sign = createHmac("sha256", secret).update(`${timestampMs}\n${secret}`).digest("base64");
  const signed = new URL(url);
  signed.searchParams.set("timestamp", String(timestampMs));
  signed.searchParams.set("sign", sign);
  return signed.toString();
}
