import "server-only";
import { currentTime } from "@/lib/clock";
import { composeWebhookBody, signDingtalkUrl, type EventText } from "@/lib/notifications/compose-messages";
import type { WebhookKind } from "@/lib/notifications/kinds";

const timeoutMs = 10_000;

/**
 * Posts one event to a group robot. Both robots answer 200 with `errcode` 0 when they took the
 * message; any other answer is a failure to retry.
 */
export async function sendWebhook(webhook: { kind: string; url: string; secret: string | null }, event: EventText, baseUrl: string | undefined): Promise<void> {
  const kind = webhook.kind as WebhookKind;
  const url = kind === "dingtalk" && webhook.secret ? signDingtalkUrl(webhook.url, webhook.secret, currentTime().getTime()) : webhook.url;
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json; charset=utf-8" },
    body: JSON.stringify(composeWebhookBody(kind, event, baseUrl)),
    redirect: "error",
    signal: AbortSignal.timeout(timeoutMs),
  });
  const answer = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  let errcode: unknown = 0;
  try {
    errcode = (JSON.parse(answer) as { errcode?: unknown }).errcode ?? 0;
  } catch {
    // A receiver that answers 200 without JSON took the message.
  }
  if (errcode !== 0) throw new Error(`errcode ${String(errcode)}`);
}
