import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/page-guard";
import { messages } from "@/lib/i18n";
import { listSectionOptions } from "@/lib/powers/console-powers";
import { createPowerAction } from "../actions";
import { PowerForm } from "../power-form";

export const dynamic = "force-dynamic";

const c = messages.registers.powers.console;

export const metadata: Metadata = { title: c.create };

export default async function NewPowerPage() {
  await requirePageUser("power.edit");
  return (
    <div className="space-y-4">
      <p><Link href="/admin/powers">← {c.title}</Link></p>
      <h1 className="text-xl font-bold">{c.create}</h1>
      <PowerForm action={createPowerAction} values={{}} sections={await listSectionOptions()} submitLabel={c.createButton} />
    </div>
  );
}
