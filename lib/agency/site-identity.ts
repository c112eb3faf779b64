import "server-only";
import { fileTypeFromBuffer } from "file-type/core";
import { z } from "zod";
import { storeAttachmentFile } from "@/lib/attachments/store-file";
import { recordAuditEvent } from "@/lib/audit/record";
import type { ActingUser } from "@/lib/auth/acting-user";
import { assertPermitted } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { messages } from "@/lib/i18n";
import { bumpPublicContentVersion } from "@/lib/public-content/content-version";
import { attachmentStore } from "@/lib/storage/attachment-store";
import type { ObjectStore } from "@/lib/storage/object-store";
import { parseInput } from "@/lib/validation";
import { icpNumberFormat, publicSecurityNumberFormat, siteIdCodeFormat } from "./record-number-formats";
import { logoUrlOf, siteIdentityFields, type SiteIdentityField } from "./site-identity-format";

const m = messages.siteIdentity.errors;

/** The largest emblem accepted: a header image, not a document. */
export const maxLogoMegabytes = 2;
const maxLogoBytes = maxLogoMegabytes * 1024 * 1024;

// Judged from the bytes (file-type), never from the name or the browser's MIME type. SVG is left
// out on purpose: it can carry scripts, and the emblem is served from the site's own origin.
const logoTypes: Record<string, string> = { png: "image/png", apng: "image/png", jpg: "image/jpeg", webp: "image/webp" };

/** A blank field means "not set": stored as null, so the footer leaves its line out. */
function optionalText(maximum: number, pattern?: { regex: RegExp; message: string }) {
  return z
    .string({ error: m.text })
    .transform((value) => value.trim())
    .pipe(
      z
        .string()
        .max(maximum, { error: m.tooLong(maximum) })
        .refine((value) => !pattern || value === "" || pattern.regex.test(value), { error: pattern?.message }),
    )
    .transform((value) => (value === "" ? null : value))
    .optional()
    .transform((value) => value ?? null);
}

export const siteIdentityInputSchema = z.object({
  siteIdCode: optionalText(10, { regex: siteIdCodeFormat, message: m.siteIdCode }),
  icpNumber: optionalText(40, { regex: icpNumberFormat, message: m.icpNumber }),
  publicSecurityNumber: optionalText(40, { regex: publicSecurityNumberFormat, message: m.publicSecurityNumber }),
  sponsorName: optionalText(100),
  operatorName: optionalText(100),
  // A path of this site or an http(s) address: no javascript: or data: link can reach the footer.
  siteMapUrl: optionalText(500, { regex: /^(?:\/(?!\/)[^\s\\]*|https?:\/\/[^\s/\\]+(?:\/[^\s\\]*)?)$/i, message: m.siteMapUrl }),
  // The verification page of the 党政机关网站标识 (issued by 中央编办): an https address only.
  partyGovernmentBadgeUrl: optionalText(500, { regex: /^https:\/\/[^\s/\\]+(?:\/[^\s\\]*)?$/i, message: m.partyGovernmentBadgeUrl }),
  removeLogo: z
    .unknown()
    .optional()
    .transform((value) => value === "on" || value === "true"),
});

export type SiteIdentitySettings = Record<SiteIdentityField, string | null> & { logoUrl: string | null };

async function loadAgency() {
  const agency = await db.agency.findFirst({ where: { isDefault: true } });
  if (!agency) throw new NotFoundError();
  return agency;
}

/** The settings as the console form shows them (administrators). */
export async function findSiteIdentitySettings(actor: ActingUser): Promise<SiteIdentitySettings> {
  assertPermitted(actor, "site_identity.manage");
  const agency = await loadAgency();
  const settings = Object.fromEntries(siteIdentityFields.map((field) => [field, agency[field]])) as Record<SiteIdentityField, string | null>;
  return { ...settings, logoUrl: logoUrlOf(agency) };
}

/** The uploaded emblem's bytes and what they are; null when the form carried no file. */
async function readLogo(value: unknown): Promise<{ bytes: Uint8Array; mimeType: string; name: string } | null> {
  if (value === undefined || value === "" || value === null) return null;
  if (!(value instanceof File)) throw new ValidationError({ logo: [m.logoType] });
  // A file input left empty posts an empty file (named "blob" once React has encoded the form).
  if (value.size === 0) return null;
  if (value.size > maxLogoBytes) throw new ValidationError({ logo: [m.logoTooLarge(maxLogoMegabytes)] });
  const bytes = new Uint8Array(await value.arrayBuffer());
  const detected = await fileTypeFromBuffer(bytes).catch(() => undefined);
  const mimeType = detected ? logoTypes[detected.ext] : undefined;
  if (!mimeType) throw new ValidationError({ logo: [m.logoType] });
  return { bytes, mimeType, name: value.name };
}

/**
 * Saves the site identity (administrators). The new emblem is stored first; the row,
 * the audit entry and the public content version change in one transaction, and if that fails
 * the new file is removed again, so nothing is half-stored. The old emblem's file is removed
 * only after the commit.
 */
export async function updateSiteIdentity(actor: ActingUser, input: unknown, store: ObjectStore = attachmentStore()): Promise<SiteIdentitySettings> {
  assertPermitted(actor, "site_identity.manage");
  const record = typeof input === "object" && input !== null ? (input as Record<string, unknown>) : {};
  const parsed = parseInput(siteIdentityInputSchema, record);
  const logo = await readLogo(Object.hasOwn(record, "logo") ? record.logo : undefined);
  if (logo && parsed.removeLogo) throw new ValidationError({ logo: [m.logoAndRemove] });

  const stored = logo ? await storeAttachmentFile({ store, bytes: logo.bytes, originalName: logo.name || "logo" }) : null;
  let replacedPath: string | null = null;
  try {
    await db.$transaction(async (tx) => {
      const [locked] = await tx.$queryRaw<{ id: number }[]>`SELECT "id" FROM "Agency" WHERE "isDefault" FOR UPDATE`;
      if (!locked) throw new NotFoundError();
      const before = await tx.agency.findUniqueOrThrow({ where: { id: locked.id } });
      const texts = Object.fromEntries(siteIdentityFields.map((field) => [field, parsed[field]])) as Record<SiteIdentityField, string | null>;
      const logoChange = stored
        ? { logoStoragePath: stored.storagePath, logoMimeType: logo!.mimeType, logoSha256: stored.sha256 }
        : parsed.removeLogo
          ? { logoStoragePath: null, logoMimeType: null, logoSha256: null }
          : {};
      await tx.agency.update({ where: { id: locked.id }, data: { ...texts, ...logoChange } });
      if (before.logoStoragePath && "logoStoragePath" in logoChange) replacedPath = before.logoStoragePath;
      const changed = Object.fromEntries(
        siteIdentityFields.filter((field) => before[field] !== texts[field]).map((field) => [field, { from: before[field], to: texts[field] }]),
      );
      await recordAuditEvent(tx, {
        actorId: actor.id,
        action: "site_identity.update",
        entityType: "Agency",
        entityId: locked.id,
        details: {
          changed,
          logo: stored ? { sha256: stored.sha256, mimeType: logo!.mimeType, sizeBytes: stored.sizeBytes } : parsed.removeLogo ? "removed" : "kept",
        },
      });
      // Every public page shows the header and footer: their cached copies must go.
      await bumpPublicContentVersion(tx);
    });
  } catch (error) {
    if (stored) await store.remove(stored.storagePath);
    throw error;
  }
  if (replacedPath) await store.remove(replacedPath).catch(() => undefined);
  return findSiteIdentitySettings(actor);
}

/**
 * The emblem for `/site-logo/<file>`: public, named by its content hash so browsers may keep it.
 * A name that is not the current emblem's is 404 (an old emblem is not served after a change).
 */
export async function findSiteLogo(fileName: string): Promise<{ storagePath: string; mimeType: string }> {
  const agency = await loadAgency();
  const url = logoUrlOf(agency);
  if (!url || !agency.logoStoragePath || !agency.logoMimeType || url !== `/site-logo/${fileName}`) throw new NotFoundError(m.logoNotFound);
  return { storagePath: agency.logoStoragePath, mimeType: agency.logoMimeType };
}
