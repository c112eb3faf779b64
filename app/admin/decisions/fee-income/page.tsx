import type { Metadata } from "next";
import Link from "next/link";
import { isPermitted } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/page-guard";
import { todayInBeijing } from "@/lib/dates";
import { listAnnualFeeIncome } from "@/lib/decisions/fee-income";
import { formatDateTime } from "@/lib/format";
import { messages } from "@/lib/i18n";
import { setFeeIncomeAction } from "../actions";
import { FeeIncomeForm } from "./fee-income-form";

export const dynamic = "force-dynamic";

const t = messages.registers.feeIncome;

export const metadata: Metadata = { title: t.title };

export default async function FeeIncomePage() {
  const actor = await requirePageUser("registers.read_console");
  const entries = await listAnnualFeeIncome(actor);
  return (
    <div className="space-y-4">
      <p><Link href="/admin/decisions">← {messages.registers.decisions.console.title}</Link></p>
      <h1 className="text-xl font-bold">{t.title}</h1>
      <p className="max-w-3xl text-sm leading-6">{t.intro}</p>
      <div className="overflow-x-auto rounded border border-gray-300 bg-white">
        <table className="w-full text-left text-sm" data-testid="fee-income">
          <thead className="bg-gray-100"><tr>{Object.values(t.columns).map((label) => <th key={label} scope="col" className="px-3 py-2">{label}</th>)}</tr></thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.year} className="border-t border-gray-200">
                <td className="px-3 py-2">{entry.year}</td>
                <td className="px-3 py-2">{entry.amountTenThousandYuan}</td>
                <td className="px-3 py-2">{entry.note ?? ""}</td>
                <td className="px-3 py-2">{entry.updatedBy}</td>
                <td className="px-3 py-2">{formatDateTime(new Date(entry.updatedAt))}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {entries.length === 0 ? <p className="p-4 text-gray-700">{t.empty}</p> : null}
      </div>
      {isPermitted(actor.role, "fee_income.manage") ? <FeeIncomeForm action={setFeeIncomeAction} defaultYear={Number(todayInBeijing().slice(0, 4)) - 1} /> : null}
    </div>
  );
}
