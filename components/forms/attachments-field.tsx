"use client";

import { CheckboxGroupField, FileField, type Option } from "@/components/forms/field";
import { legendClass } from "@/components/forms/styles";

/**
 * A record's files: those it has (ticked; untick to remove) and new ones to upload. Errors of
 * either name show under their control.
 */
export function AttachmentsField({
  legend,
  kept,
  keepName,
  keepLabel,
  fileLabel,
  fileHint,
  accept,
  fileName = "files",
}: {
  legend: string;
  kept: Option[];
  keepName: string;
  keepLabel: string;
  fileLabel: string;
  fileHint?: string;
  accept: string;
  fileName?: string;
}) {
  return (
    <fieldset className="mb-4">
      <legend className={legendClass}>{legend}</legend>
      <div className="mt-1">
        {kept.length ? <CheckboxGroupField name={keepName} label={keepLabel} options={kept} selected={kept.map((option) => option.value)} /> : null}
        <FileField name={fileName} label={fileLabel} hint={fileHint} accept={accept} multiple />
      </div>
    </fieldset>
  );
}
