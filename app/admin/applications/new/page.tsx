import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { ApplicationForm } from "@/app/(public)/apply/application-form";
import { findAgencyProfile } from "@/lib/agency/find-agency";
import { findHandlingSection, isApplicationHandler } from "@/lib/applications/handling-section";
import { requirePageUser } from "@/lib/auth/page-guard";
import { todayInBeijing } from "@/lib/dates";
import { messages } from "@/lib/i18n";
import { registerApplicationAction } from "../actions";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: messages.applications.console.registerTitle };

export default async function RegisterApplicationPage() {
  const actor = await requirePageUser("application.handle");
  if (!isApplicationHandler(actor, (await findHandlingSection())?.id)) forbidden();
  const agency = await findAgencyProfile();
  const m = messages.applications.console;
  return (
    <div className="max-w-3xl space-y-4">
      <p><Link href="/admin/applications">← {m.title}</Link></p>
      <h1 className="text-xl font-bold">{m.registerTitle}</h1>
      <p className="text-sm text-gray-800">{m.registerIntro}</p>
      <ApplicationForm action={registerApplicationAction} idempotencyKey={randomUUID()} agencyName={agency.name} offline today={todayInBeijing()} />
    </div>
  );
}
