"use client";

import { DataTable } from "@/components/console/data-table";
import { ActionForm, useFormState } from "@/components/forms/action-form";
import { FileField } from "@/components/forms/field";
import { ImportProblems } from "@/components/forms/import-problems";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormState } from "@/lib/forms/form-state";
import { messages } from "@/lib/i18n";
import { importAgenciesAction, type AgencyImportOutcome } from "./actions";

const m = messages.agencies.importPage;

/**
 * The passwords' .xlsx as a data: link: its bytes came with this response and live only in this
 * page (a download saves them; nothing on the server keeps them).
 */
function PasswordDownload({ download }: { download: NonNullable<AgencyImportOutcome["download"]> }) {
  return (
    <a
      href={`data:${download.contentType};base64,${download.base64}`}
      download={download.fileName}
      data-testid="one-time-passwords-download"
      className="font-semibold"
    >
      {m.resultDownload}
    </a>
  );
}

/** After a successful import: each new administrator's one-time password, shown this once. */
function ImportResult() {
  const state = useFormState() as FormState<AgencyImportOutcome>;
  const outcome = state.status === "success" ? state.result : undefined;
  if (!outcome) return null;
  if (!outcome.credentials.length) return <p className="mt-4 text-sm">{m.noAdministrators}</p>;
  return (
    <section aria-labelledby="one-time-passwords" className="mt-4 space-y-3 rounded border border-amber-600 bg-amber-50 p-3" data-testid="one-time-passwords">
      <h3 id="one-time-passwords" className="font-semibold">
        {m.resultTitle}
      </h3>
      <p className="text-sm">{m.resultIntro}</p>
      {outcome.download ? <PasswordDownload download={outcome.download} /> : null}
      <DataTable
        caption={m.resultTitle}
        rows={outcome.credentials}
        rowKey={(credential) => credential.username}
        empty={null}
        columns={[
          { key: "agency", header: m.resultColumns.agencyName, cell: (credential) => `${credential.agencyName}（${credential.agencyCode}）` },
          { key: "username", header: m.resultColumns.username, cell: (credential) => credential.username, className: "font-mono", rowHeader: true },
          { key: "displayName", header: m.resultColumns.displayName, cell: (credential) => credential.displayName },
          {
            key: "password",
            header: m.resultColumns.password,
            cell: (credential) => <code className="font-mono text-base break-all text-black">{credential.password}</code>,
          },
        ]}
      />
    </section>
  );
}

function Problems() {
  return <ImportProblems problems={useFormState().importProblems} />;
}

/** 批量导入机关: the upload, the problems of a refused file by row and column, the passwords of an accepted one. */
export function ImportAgenciesForm() {
  return (
    <ActionForm action={importAgenciesAction} resetOnSuccess aria-label={m.title}>
      <FileField name="file" label={m.file} required accept=".xlsx,.csv" errorTestId="import-errors" />
      <SubmitButton>{m.submit}</SubmitButton>
      <Problems />
      <ImportResult />
    </ActionForm>
  );
}
