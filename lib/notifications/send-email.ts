import "server-only";
import nodemailer from "nodemailer";
import { readConfig } from "@/lib/config";

const state = globalThis as unknown as { gongkaiMailer?: { url: string; transport: nodemailer.Transporter } };

/** Whether e-mail can be sent (SMTP_URL is set). */
export function emailConfigured(): boolean {
  return Boolean(readConfig().SMTP_URL);
}

/** Sends one mail through SMTP_URL (one transport per process, made on first use). */
export async function sendEmail(mail: { to: string; subject: string; text: string }): Promise<void> {
  const { SMTP_URL: url, SMTP_FROM } = readConfig();
  if (!url) throw new Error("SMTP_URL is not set");
  if (state.gongkaiMailer?.url !== url) {
    state.gongkaiMailer?.transport.close();
    state.gongkaiMailer = { url, transport: nodemailer.createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }) };
  }
  const from = SMTP_FROM || `noreply@${new URL(url).hostname}`;
  await state.gongkaiMailer.transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
}
