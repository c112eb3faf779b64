import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { ApplicationForm } from "@/app/(public)/apply/application-form";
import { PageHeader } from "@/components/console/page-header";
import { findHandlingSection, isApplicationHandler } from "@/lib/applications/handling-section";
import { requirePageUser } from "@/lib/auth/page-guard";
import { todayInBeijing } from "@/lib/dates";
import { messages } from "@/lib/i18n";
import { registerApplicationAction } from "../actions";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: messages.applications.console.registerTitle };

export default async function RegisterApplicationPage() {
  const actor = await requirePageUser("application.handle");
  if (!isApplicationHandler(actor, (await findHandlingSection(undefined, actor.agencyId))?.id)) forbidden();
  const m = messages.applications.console;
  return (
    <div className="max-w-3xl space-y-4">
      <PageHeader breadcrumbs={[{ href: "/admin/applications", label: m.title }]} title={m.registerTitle} description={m.registerIntro} />
      <ApplicationForm action={registerApplicationAction} idempotencyKey={randomUUID()} agencyName={actor.agencyName} offline today={todayInBeijing()} />
    </div>
  );
}
