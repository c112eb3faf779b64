/**
 * The platform mode's dataset (`npm run bench -- --platform`, issue 15): the base seed, then a
 * platform of `agencies` agencies — a government (no parent), its office and, under the
 * government, the default agency and departments and towns BENCH003… — each with a section or two;
 * the synthetic items spread over the agencies' sections (bench/dataset.ts); applications spread
 * over the agencies and over the report year, written straight to the tables in batches as 台账
 * (ledger) rows; and every tenth agency's annual report of the year published (a frozen snapshot of
 * its live figures, as publishing makes one). The search index and VACUUM ANALYZE follow in
 * scripts/bench.ts, as in the default mode. Everything is synthetic (every name says 基准).
 */
import pg from "pg";
import { BENCH_SEED, insertSyntheticItems, type ItemPlacement } from "./dataset";
import { createRandom } from "./synthetic-corpus";

export type PlatformShape = { agencies: number; items: number; applications: number };

/** The year the applications fall in and the summary report is of. */
export const PLATFORM_REPORT_YEAR = 2025;
/** The supervisor (政务公开办) whose ActingUser reads the summary. */
export const PLATFORM_SUPERVISOR = "bench-supervisor";
export const GOVERNMENT_CODE = "BENCH001";
const OFFICE_CODE = "BENCH002";
const BATCH = 5_000;

export const agencyCodeOf = (serial: number) => `BENCH${String(serial).padStart(3, "0")}`;

type Log = (line: string) => void;

async function insertAgencyTree(client: pg.Client, count: number): Promise<void> {
  const common = { address: "基准市（基准测试地址）", postcode: "157300", officeHours: "工作日 8:30—11:30，13:30—17:00" };
  const government = await client.query<{ id: number }>(
    `INSERT INTO "Agency" ("code", "name", "shortName", "kind", "address", "postcode", "email", "sortOrder", "officeHours", "disclosureOffice", "updatedAt")
     VALUES ($1, '基准市人民政府', '基准市政府', 'government', $2, $3, 'bench-gov@example.org', 0, $4, '基准市人民政府办公室（政务公开办）', now())
     RETURNING "id"`,
    [GOVERNMENT_CODE, common.address, common.postcode, common.officeHours],
  );
  const governmentId = government.rows[0].id;
  await client.query(
    `INSERT INTO "Agency" ("code", "name", "shortName", "kind", "parentId", "address", "postcode", "email", "sortOrder", "officeHours", "disclosureOffice", "updatedAt")
     VALUES ($1, '基准市人民政府办公室', '基准市政府办', 'office', $2, $3, $4, 'bench-office@example.org', 10, $5, '政务公开办', now())`,
    [OFFICE_CODE, governmentId, common.address, common.postcode, common.officeHours],
  );
  // The default agency (the base seed's) is one of the government's departments.
  await client.query(`UPDATE "Agency" SET "parentId" = $1, "sortOrder" = 20 WHERE "isDefault"`, [governmentId]);
  // Departments and towns up to `count` agencies in all (the default agency is one of them): one in five a town.
  const serials = Array.from({ length: Math.max(0, count - 3) }, (_, index) => index + 3);
  const isTown = (serial: number) => serial % 5 === 0;
  await client.query(
    `INSERT INTO "Agency" ("code", "name", "shortName", "kind", "parentId", "address", "postcode", "email", "sortOrder", "officeHours", "disclosureOffice", "updatedAt")
     SELECT c, n, s, k::"AgencyKind", $5, $6, $7, e, o, $8, d, now()
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $9::text[], $10::int[], $11::text[]) AS u(c, n, s, k, e, o, d)`,
    [
      serials.map(agencyCodeOf),
      serials.map((serial) => (isTown(serial) ? `基准市第${serial}镇人民政府` : `基准市第${serial}局`)),
      serials.map((serial) => (isTown(serial) ? `第${serial}镇` : `第${serial}局`)),
      serials.map((serial) => (isTown(serial) ? "town" : "department")),
      governmentId,
      common.address,
      common.postcode,
      common.officeHours,
      serials.map((serial) => `bench-${serial}@example.org`),
      serials.map((serial) => 100 + serial),
      serials.map((serial) => (isTown(serial) ? "党政办公室" : "办公室")),
    ],
  );
}

/** A section or two in every agency; the office also gets 政务公开办, with the supervisor. */
async function insertSections(client: pg.Client): Promise<void> {
  await client.query(
    `INSERT INTO "Section" ("agencyId", "name", "sortOrder", "updatedAt")
     SELECT a."id", n.name, n.sort, now()
       FROM "Agency" a CROSS JOIN (VALUES ('综合科', 10), ('业务科', 20)) AS n(name, sort)
      WHERE n.name = '综合科' OR a."id" % 2 = 0
     ON CONFLICT ("agencyId", "name") DO NOTHING`,
  );
  const section = await client.query<{ id: number }>(
    `INSERT INTO "Section" ("agencyId", "name", "sortOrder", "updatedAt")
     SELECT "id", '政务公开办', 0, now() FROM "Agency" WHERE "code" = $1
     ON CONFLICT ("agencyId", "name") DO UPDATE SET "name" = EXCLUDED."name" RETURNING "id"`,
    [OFFICE_CODE],
  );
  await client.query(
    `INSERT INTO "User" ("username", "displayName", "passwordHash", "role", "sectionId", "updatedAt")
     VALUES ($1, '基准测试公开办', 'x', 'supervisor', $2, now())
     ON CONFLICT ("username") DO UPDATE SET "role" = 'supervisor', "sectionId" = EXCLUDED."sectionId"`,
    [PLATFORM_SUPERVISOR, section.rows[0].id],
  );
}

/** Every agency's code and sections (政务公开办 last, so that it keeps no items), in the directory's order. */
async function placements(client: pg.Client): Promise<ItemPlacement[]> {
  const { rows } = await client.query<{ code: string; sectionIds: number[] }>(
    `SELECT a."code", array_agg(s."id" ORDER BY s."name" = '政务公开办', s."sortOrder", s."id") AS "sectionIds"
       FROM "Agency" a JOIN "Section" s ON s."agencyId" = a."id"
      GROUP BY a."id", a."code", a."sortOrder" ORDER BY a."sortOrder", a."id"`,
  );
  return rows.map((row) => ({ agencyCode: row.code, sectionIds: row.sectionIds }));
}

/**
 * `count` applications as 台账 rows, agency by agency in turn: received over the report year (a
 * few in the December before, decided in January; a few at the year's end, still open), of every
 * applicant type and outcome, decided 1–20 days after receipt.
 */
async function insertApplications(client: pg.Client, count: number, year: number, log: Log): Promise<void> {
  const agencies = (await client.query<{ id: number; code: string }>(`SELECT "id", "code" FROM "Agency" ORDER BY "sortOrder", "id"`)).rows;
  const registeredBy = (await client.query<{ id: number }>(`SELECT "id" FROM "User" WHERE "username" = 'bench'`)).rows[0]?.id ?? null;
  const outcomes = (await client.query<{ value: string }>(`SELECT unnest(enum_range(NULL::"ApplicationOutcome"))::text AS value`)).rows.map((row) => row.value);
  const organisationKinds = ["business", "research", "public_interest", "legal_service", "other"];
  const existing = Number((await client.query(`SELECT count(*) FROM "Application"`)).rows[0].count);
  const random = createRandom(BENCH_SEED + existing);
  const day = (date: Date) => date.toISOString().slice(0, 10);
  for (let start = existing; start < count; start += BATCH) {
    const end = Math.min(count, start + BATCH);
    const rows = Array.from({ length: end - start }, (_, offset) => {
      const serial = start + offset;
      const agency = agencies[serial % agencies.length];
      const draw = random();
      // 4 % carried in from the December before, 4 % received in the last fortnight and still open.
      const received = new Date(
        draw < 0.04
          ? Date.UTC(year - 1, 11, 1 + Math.floor(random() * 30))
          : draw > 0.96
            ? Date.UTC(year, 11, 17 + Math.floor(random() * 14))
            : Date.UTC(year, 0, 2) + Math.floor(random() * 345) * 86_400_000,
      );
      const open = draw > 0.96;
      // Most are disclosed; the rest over every outcome of Table 3.
      const outcome = open ? null : random() < 0.55 ? "disclose" : outcomes[Math.floor(random() * outcomes.length)];
      const decided = open ? null : day(new Date(received.getTime() + (1 + Math.floor(random() * 20)) * 86_400_000));
      const person = random() < 0.7;
      return {
        agencyId: agency.id,
        number: `${agency.code}-${received.getUTCFullYear()}-B${String(serial + 1).padStart(6, "0")}`,
        status: open ? "processing" : "closed",
        receivedOn: day(received),
        applicantType: person ? "natural_person" : "organisation",
        organisationKind: person ? null : organisationKinds[Math.floor(random() * organisationKinds.length)],
        outcome,
        decided,
      };
    });
    await client.query(
      `INSERT INTO "Application" ("agencyId", "number", "source", "status", "submittedOn", "receivedOn", "applicantType", "organisationKind",
                                  "outcome", "decidedOn", "closedOn", "registeredById", "updatedAt")
       SELECT a, n, 'ledger', s::"ApplicationStatus", r, r, t::"ApplicantType", k::"OrganisationKind", o::"ApplicationOutcome", d, d, $9, now()
         FROM unnest($1::int[], $2::text[], $3::text[], $4::date[], $5::text[], $6::text[], $7::text[], $8::date[]) AS u(a, n, s, r, t, k, o, d)`,
      [
        rows.map((row) => row.agencyId),
        rows.map((row) => row.number),
        rows.map((row) => row.status),
        rows.map((row) => row.receivedOn),
        rows.map((row) => row.applicantType),
        rows.map((row) => row.organisationKind),
        rows.map((row) => row.outcome),
        rows.map((row) => row.decided),
        registeredBy,
      ],
    );
    log(`  ${end.toLocaleString("en")} applications`);
  }
}

/**
 * Every tenth agency's report of the year published, with the snapshot publishing freezes (its live
 * figures, computed by the report's own function): most on time, one in five after 31 January.
 */
async function publishSomeReports(client: pg.Client, year: number, log: Log): Promise<number> {
  const { computeReportFigures } = await import("@/lib/reports/compute-report");
  const { liveFigureSources } = await import("@/lib/reports/live-figure-sources");
  const { reportTitle } = await import("@/lib/reports/report-document");
  const authorId = (await client.query<{ id: number }>(`SELECT "id" FROM "User" WHERE "username" = 'bench'`)).rows[0].id;
  const agencies = (
    await client.query<{ id: number; name: string; sectionId: number }>(
      `SELECT a."id", a."name", min(s."id") AS "sectionId" FROM "Agency" a JOIN "Section" s ON s."agencyId" = a."id"
        WHERE NOT EXISTS (SELECT 1 FROM "AnnualReport" r WHERE r."agencyId" = a."id" AND r."year" = $1)
        GROUP BY a."id", a."name" ORDER BY a."id"`,
      [year],
    )
  ).rows.filter((agency) => agency.id % 10 === 0);
  for (const [index, agency] of agencies.entries()) {
    const figures = await computeReportFigures(year, liveFigureSources, { agencyId: agency.id });
    const publicationDate = index % 5 === 4 ? `${year + 1}-02-10` : `${year + 1}-01-20`;
    const publishedAt = `${publicationDate}T02:00:00.000Z`;
    const texts = { overview: "基准测试数据。", problems: "基准测试数据。", otherMatters: "无。" };
    const snapshot = {
      year,
      edition: 1,
      agencyName: agency.name,
      title: reportTitle(agency.name, year),
      texts,
      correctionNotice: null,
      figures,
      checks: { passed: true, blocking: [], warnings: [] },
      publishedAt,
      publicationDate,
    };
    await client.query(
      `INSERT INTO "AnnualReport" ("year", "edition", "state", "agencyId", "sectionId", "authorId", "overview", "problems", "otherMatters",
                                   "snapshot", "publishedAt", "publicationDate", "updatedAt")
       VALUES ($1, 1, 'published', $2, $3, $4, $5, $6, $7, $8, $9, $10, now())`,
      [year, agency.id, agency.sectionId, authorId, texts.overview, texts.problems, texts.otherMatters, JSON.stringify(snapshot), publishedAt, publicationDate],
    );
  }
  log(`  ${agencies.length} agencies' reports of ${year} published`);
  return agencies.length;
}

/** Builds the platform dataset (the search index aside) in the database at `url`, which `useDatabaseUrl` already points the app's client at. */
export async function buildPlatformDataset(url: string, shape: PlatformShape, log: Log): Promise<void> {
  const { seedBaseData } = await import("../prisma/seed/seed-base");
  await seedBaseData();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    log(`Building a platform of ${shape.agencies.toLocaleString("en")} agencies…`);
    if (Number((await client.query(`SELECT count(*) FROM "Agency"`)).rows[0].count) < shape.agencies) await insertAgencyTree(client, shape.agencies);
    await insertSections(client);
    log(`Inserting ${shape.items.toLocaleString("en")} published items over their sections…`);
    await insertSyntheticItems(url, shape.items, log, await placements(client));
    log(`Inserting ${shape.applications.toLocaleString("en")} applications over the agencies and ${PLATFORM_REPORT_YEAR}…`);
    await insertApplications(client, shape.applications, PLATFORM_REPORT_YEAR, log);
    await client.query("ANALYZE");
    await publishSomeReports(client, PLATFORM_REPORT_YEAR, log);
  } finally {
    await client.end();
  }
}
