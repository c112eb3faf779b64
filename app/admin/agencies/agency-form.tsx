"use client";

import type { ReactNode } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { SelectField, TextAreaField, TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { messages } from "@/lib/i18n";
import { createAgencyAction, updateAgencyAction } from "./actions";

const m = messages.agencies;
const f = m.fields;

/** What the edit form starts from (the agency as findAgencyForEditing returns it). */
export type EditableAgency = {
  code: string;
  name: string;
  shortName: string;
  kind: "government" | "office" | "department" | "town";
  parentCode: string | null;
  organizationCode: string | null;
  sortOrder: number;
  address: string;
  postcode: string;
  email: string;
  phone: string | null;
  website: string | null;
  officeHours: string | null;
  disclosureOffice: string | null;
  leadingGroup: string;
};

export type ParentOption = { code: string; name: string };

const kindOptions = (["government", "office", "department", "town"] as const).map((kind) => ({ value: kind, label: m.kinds[kind] }));

function Group({ legend, intro, children }: { legend: string; intro?: string; children: ReactNode }) {
  return (
    <fieldset className="mb-6">
      <legend className="mb-3 w-full border-b border-gray-200 pb-1 text-base font-semibold text-gray-900">{legend}</legend>
      {intro ? <p className="-mt-1 mb-3 text-sm text-gray-700">{intro}</p> : null}
      {children}
    </fieldset>
  );
}

/** Kind, parent, credit code and order: only the platform administrator sees and sets them. */
function PlaceFields({ agency, parents }: { agency?: EditableAgency; parents: ParentOption[] }) {
  return (
    <Group legend={m.placeTitle} intro={agency ? m.placeIntro : undefined}>
      <div className="grid gap-x-4 md:grid-cols-2">
        {agency ? null : (
          <div className="md:col-span-2">
            <TextField name="code" label={f.code} hint={f.codeHint} required maxLength={32} autoComplete="off" />
          </div>
        )}
        <SelectField name="kind" label={f.kind} required options={kindOptions} defaultValue={agency?.kind ?? "department"} />
        <SelectField
          name="parentCode"
          label={f.parentCode}
          options={[{ value: "", label: f.noParent }, ...parents.map((parent) => ({ value: parent.code, label: `${parent.name}（${parent.code}）` }))]}
          defaultValue={agency ? (agency.parentCode ?? "") : (parents[0]?.code ?? "")}
        />
        <TextField
          name="organizationCode"
          label={f.organizationCode}
          hint={f.organizationCodeHint}
          defaultValue={agency?.organizationCode ?? ""}
          maxLength={20}
          autoComplete="off"
        />
        <TextField name="sortOrder" label={f.sortOrder} type="number" min={0} max={9999} defaultValue={agency?.sortOrder ?? 0} />
      </div>
    </Group>
  );
}

/** Name, contact and leading group: what an agency's own administrator keeps. */
function OwnFields({ agency }: { agency?: EditableAgency }) {
  return (
    <>
      <Group legend={m.contactTitle}>
        <div className="grid gap-x-4 md:grid-cols-2">
          <TextField name="name" label={f.name} required maxLength={60} defaultValue={agency?.name} autoComplete="organization" />
          <TextField name="shortName" label={f.shortName} required maxLength={30} defaultValue={agency?.shortName} />
          <div className="md:col-span-2">
            <TextField name="address" label={f.address} required maxLength={100} defaultValue={agency?.address} autoComplete="street-address" />
          </div>
          <TextField name="postcode" label={f.postcode} required maxLength={6} inputMode="numeric" defaultValue={agency?.postcode} autoComplete="postal-code" />
          <TextField name="phone" label={f.phone} type="tel" maxLength={40} defaultValue={agency?.phone ?? ""} />
          <TextField name="email" label={f.email} type="email" required maxLength={100} defaultValue={agency?.email} />
          <TextField name="website" label={f.website} maxLength={200} defaultValue={agency?.website ?? ""} />
          <TextField name="officeHours" label={f.officeHours} hint={f.officeHoursHint} maxLength={100} defaultValue={agency?.officeHours ?? ""} />
          <TextField
            name="disclosureOffice"
            label={f.disclosureOffice}
            hint={f.disclosureOfficeHint}
            maxLength={60}
            defaultValue={agency?.disclosureOffice ?? ""}
          />
        </div>
      </Group>
      <div className="mb-2">
        <TextAreaField name="leadingGroup" label={f.leadingGroup} hint={f.leadingGroupHint} rows={6} defaultValue={agency?.leadingGroup ?? ""} />
      </div>
    </>
  );
}

/** 新增机关 (the platform administrator). */
export function CreateAgencyForm({ parents }: { parents: ParentOption[] }) {
  return (
    <ActionForm action={createAgencyAction} resetOnSuccess aria-label={m.create}>
      <PlaceFields parents={parents} />
      <OwnFields />
      <SubmitButton>{m.create}</SubmitButton>
    </ActionForm>
  );
}

/** 编辑机关: every field for the platform administrator (`platform`), name and contact for the agency's own. */
export function EditAgencyForm({ agency, parents, platform }: { agency: EditableAgency; parents: ParentOption[]; platform: boolean }) {
  return (
    <ActionForm action={updateAgencyAction.bind(null, agency.code)} aria-label={m.editTitle(agency.name)}>
      {platform ? <PlaceFields agency={agency} parents={parents} /> : null}
      <OwnFields agency={agency} />
      <SubmitButton>{m.save}</SubmitButton>
    </ActionForm>
  );
}
