import type { Metadata } from "next";
import { DataTable } from "@/components/console/data-table";
import { PageHeader } from "@/components/console/page-header";
import { requirePageUser } from "@/lib/auth/page-guard";
import { isPermitted } from "@/lib/auth/permissions";
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
      <PageHeader breadcrumbs={[{ href: "/admin/decisions", label: messages.registers.decisions.console.title }]} title={t.title} description={t.intro} />
      <DataTable
        caption={t.title}
        rows={entries}
        rowKey={(entry) => entry.year}
        empty={t.empty}
        testId="fee-income"
        columns={[
          { key: "year", header: t.columns.year, cell: (entry) => entry.year },
          { key: "amount", header: t.columns.amount, cell: (entry) => entry.amountTenThousandYuan },
          { key: "note", header: t.columns.note, cell: (entry) => entry.note ?? "" },
          { key: "updatedBy", header: t.columns.updatedBy, cell: (entry) => entry.updatedBy },
          { key: "updatedAt", header: t.columns.updatedAt, cell: (entry) => formatDateTime(new Date(entry.updatedAt)) },
        ]}
      />
      {isPermitted(actor.role, "fee_income.manage") ? (
        <FeeIncomeForm action={setFeeIncomeAction} defaultYear={Number(todayInBeijing().slice(0, 4)) - 1} />
      ) : null}
    </div>
  );
}
