import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, afterEach, before, beforeEach, describe, test } from "node:test";
import { findAgencyProfile } from "@/lib/agency/find-agency";
import { findSiteLogo, findSiteIdentitySettings, updateSiteIdentity } from "@/lib/agency/site-identity";
import { publicSecurityQueryUrl } from "@/lib/agency/site-identity-format";
import type { ActingUser } from "@/lib/auth/acting-user";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { readPublicContentVersion } from "@/lib/public-content/content-version";
import { createLocalDirectoryStore } from "@/lib/storage/local-directory-store";
import { seedBaseData } from "@/prisma/seed/seed-base";
import { insertUser } from "../support/fixtures";
import { tinyPngBytes, tinyPngFile } from "../support/images";
import { useMigratedTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
let dataDir: string;
let admin: ActingUser;

before(async () => {
  database = await useMigratedTestDatabase();
  await seedBaseData();
  admin = await insertUser("admin");
});
after(async () => {
  await database.drop();
});
beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "gongkai-site-identity-"));
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

const valid = {
  siteIdCode: "2310810016",
  icpNumber: "黑ICP备05002436号-1",
  publicSecurityNumber: "黑公网安备23108102000107号",
  sponsorName: "绥芬河市城市管理和综合行政执法局",
  operatorName: "绥芬河市城市管理和综合行政执法局综合科",
  siteMapUrl: "/sitemap.xml",
  partyGovernmentBadgeUrl: "https://bszs.conac.cn/sitename?method=show&id=2310810016A1B2C3",
};

/** Every file under the data directory's uploads folder. */
function storedFiles(): string[] {
  const uploads = path.join(dataDir, "uploads");
  if (!existsSync(uploads)) return [];
  return readdirSync(uploads, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

async function snapshot() {
  const agency = await db.agency.findFirstOrThrow({ where: { isDefault: true } });
  const audits = await db.auditEvent.count({ where: { action: "site_identity.update" } });
  return { agency: { ...agency, updatedAt: null }, audits, version: await readPublicContentVersion() };
}

async function refusal(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  assert.fail("expected a refusal");
}

describe("the site identity settings", () => {
  test("only an administrator may read or change them; a refused change stores nothing", async () => {
    for (const role of ["staff", "section_head", "leader"] as const) {
      const user = await insertUser(role);
      const before = await snapshot();
      assert.ok(
        (await refusal(updateSiteIdentity(user, { ...valid, logo: tinyPngFile() }, createLocalDirectoryStore(dataDir)))) instanceof ForbiddenError,
        role,
      );
      assert.ok((await refusal(findSiteIdentitySettings(user))) instanceof ForbiddenError, role);
      assert.deepEqual(await snapshot(), before, role);
      assert.deepEqual(storedFiles(), [], role);
    }
  });

  test("a malformed 网站标识码, record number or site map link is a field error, never stored", async () => {
    const cases: [string, string][] = [
      ["siteIdCode", "231081001"],
      ["siteIdCode", "23108100161"],
      ["siteIdCode", "abcdefghij"],
      ["icpNumber", "ICP备05002436号"],
      ["icpNumber", "黑ICP备0500243号"],
      ["publicSecurityNumber", "黑公网安备2310810200010号"],
      ["siteMapUrl", "javascript:alert(1)"],
      ["siteMapUrl", "//evil.example/map"],
      ["partyGovernmentBadgeUrl", "http://bszs.conac.cn/sitename?method=show&id=1"],
      ["partyGovernmentBadgeUrl", "javascript:alert(1)"],
      ["partyGovernmentBadgeUrl", "/badge"],
      ["sponsorName", "局".repeat(101)],
    ];
    for (const [field, value] of cases) {
      const before = await snapshot();
      const error = await refusal(updateSiteIdentity(admin, { ...valid, [field]: value, logo: tinyPngFile() }, createLocalDirectoryStore(dataDir)));
      assert.ok(error instanceof ValidationError, `${field}=${value}`);
      assert.deepEqual(Object.keys(error.fields), [field], `${field}=${value}`);
      assert.deepEqual(await snapshot(), before, `${field}=${value}`);
      assert.deepEqual(storedFiles(), [], `${field}=${value}: the emblem of a refused save is not kept`);
    }
  });

  test("an emblem that is not a PNG, JPEG or WebP image by its content, or too large, is refused", async () => {
    const gif = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    const tooLarge = new Uint8Array(2 * 1024 * 1024 + 1);
    tooLarge.set(tinyPngBytes);
    const files = [
      new File([svg], "emblem.svg", { type: "image/svg+xml" }),
      new File([svg], "emblem.png", { type: "image/png" }),
      new File([new Uint8Array(gif)], "emblem.gif", { type: "image/gif" }),
      new File(["MZ\u0090\u0000 not an image"], "emblem.png", { type: "image/png" }),
      new File([tooLarge], "emblem.png", { type: "image/png" }),
      "not a file",
    ];
    for (const logo of files) {
      const label = logo instanceof File ? `${logo.name} (${logo.size} bytes)` : logo;
      const before = await snapshot();
      const error = await refusal(updateSiteIdentity(admin, { ...valid, logo }, createLocalDirectoryStore(dataDir)));
      assert.ok(error instanceof ValidationError, label);
      assert.deepEqual(Object.keys(error.fields), ["logo"], label);
      assert.deepEqual(await snapshot(), before, label);
      assert.deepEqual(storedFiles(), [], label);
    }
  });

  test("a save stores the values and the emblem, is audited, and shows on the public profile", async () => {
    const versionBefore = await readPublicContentVersion();
    // An empty file input (what a browser posts when no file was chosen) keeps the current emblem: there is none yet.
    const untouched = await updateSiteIdentity(admin, { logo: new File([], "blob") }, createLocalDirectoryStore(dataDir));
    assert.equal(untouched.logoUrl, null);
    const saved = await updateSiteIdentity(admin, { ...valid, operatorName: "  ", logo: tinyPngFile() }, createLocalDirectoryStore(dataDir));
    assert.equal(saved.siteIdCode, "2310810016");
    assert.equal(saved.operatorName, null, "a blank field is not set");
    assert.match(saved.logoUrl ?? "", /^\/site-logo\/[0-9a-f]{16}\.png$/);
    assert.equal(storedFiles().length, 1);

    const profile = await findAgencyProfile();
    assert.equal(profile.icpNumber, valid.icpNumber);
    assert.equal(profile.publicSecurityNumber, valid.publicSecurityNumber);
    assert.equal(profile.logoUrl, saved.logoUrl);
    assert.equal(publicSecurityQueryUrl(profile.publicSecurityNumber!), "https://beian.mps.gov.cn/#/query/webSearch?code=23108102000107");
    const logo = await findSiteLogo(saved.logoUrl!.slice("/site-logo/".length));
    assert.equal(logo.mimeType, "image/png");

    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "site_identity.update" }, orderBy: { id: "desc" } });
    assert.equal(audit.actorId, admin.id);
    const details = audit.details as { changed: Record<string, { from: string | null; to: string | null }>; logo: { mimeType: string } };
    assert.deepEqual(details.changed.siteIdCode, { from: null, to: "2310810016" });
    assert.equal(details.logo.mimeType, "image/png");
    assert.notEqual(await readPublicContentVersion(), versionBefore, "cached public pages are invalidated");
  });

  test("a new emblem replaces the old one: the old file is removed and its address answers 404", async () => {
    const first = await updateSiteIdentity(admin, { ...valid, logo: tinyPngFile() }, createLocalDirectoryStore(dataDir));
    const jpeg = Buffer.from(
      "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q==",
      "base64",
    );
    const second = await updateSiteIdentity(admin, { ...valid, logo: new File([new Uint8Array(jpeg)], "emblem.jpg") }, createLocalDirectoryStore(dataDir));
    assert.match(second.logoUrl ?? "", /\.jpg$/);
    assert.equal(storedFiles().length, 1, "only the new emblem is on disk");
    assert.ok((await refusal(findSiteLogo(first.logoUrl!.slice("/site-logo/".length)))) instanceof NotFoundError);
    assert.ok((await refusal(findSiteLogo("../../secrets.json"))) instanceof NotFoundError);

    const removed = await updateSiteIdentity(admin, { ...valid, removeLogo: "on" }, createLocalDirectoryStore(dataDir));
    assert.equal(removed.logoUrl, null);
    assert.deepEqual(storedFiles(), []);
  });

  test("when the database refuses the save, the uploaded emblem is removed again", async () => {
    // An acting user whose row is gone: the audit row's foreign key fails inside the transaction.
    const ghost: ActingUser = { ...admin, id: 2_000_000_000 };
    const before = await snapshot();
    await refusal(updateSiteIdentity(ghost, { ...valid, logo: tinyPngFile() }, createLocalDirectoryStore(dataDir)));
    assert.deepEqual(await snapshot(), before);
    assert.deepEqual(storedFiles(), []);
  });
});
