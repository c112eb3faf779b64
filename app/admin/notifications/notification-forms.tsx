"use client";

import { ButtonForm } from "@/components/forms/button-form";
import { messages } from "@/lib/i18n";
import { markAllNotificationsReadAction, markNotificationReadAction } from "./actions";

const m = messages.notifications;

export function MarkReadForm({ id, title }: { id: number; title: string }) {
  return <ButtonForm action={markNotificationReadAction.bind(null, id)} label={m.markRead} ariaLabel={`${m.markRead}：${title}`} />;
}

export function MarkAllReadForm() {
  return <ButtonForm action={markAllNotificationsReadAction} label={m.markAllRead} />;
}
