import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import pg from "pg";
import { applyMigrations } from "@/lib/database/migrate";
import { findSchemaDrift, readPrismaSchemaText } from "@/lib/database/schema-drift";
import { createEmptyDatabase, migrationsDir, type TestDatabase } from "@/tests/support/test-database";

const schemaText = readPrismaSchemaText();

/** Applies `edit` to the body of `model <name> { … }` (or enum) and insists that it changed something. */
function editBlock(schema: string, kind: "model" | "enum", name: string, edit: (body: string) => string): string {
  const pattern = new RegExp(`^(${kind} ${name} \\{\\n)([\\s\\S]*?)(^\\})`, "m");
  const match = pattern.exec(schema);
  assert.ok(match, `${kind} ${name} is in the schema`);
  const body = edit(match[2]);
  assert.notEqual(body, match[2], `the edit of ${kind} ${name} changed the schema`);
  return schema.slice(0, match.index) + match[1] + body + match[3] + schema.slice(match.index + match[0].length);
}

function replaceIn(body: string, pattern: RegExp, replacement: string): string {
  assert.match(body, pattern);
  return body.replace(pattern, replacement);
}

/** Asserts that some drift message names every one of `names` (as "quoted" identifiers). */
function assertDriftMentions(drift: string[], ...names: string[]) {
  const quoted = names.map((name) => `"${name}"`);
  assert.ok(
    drift.some((message) => quoted.every((name) => message.includes(name))),
    `expected a difference mentioning ${quoted.join(" and ")}, got:\n${drift.join("\n") || "(no differences)"}`,
  );
}

async function runSql(connectionString: string, sql: string) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function migratedDatabase(): Promise<TestDatabase> {
  const database = await createEmptyDatabase();
  await applyMigrations(database.url, migrationsDir);
  return database;
}

describe("the migrated database and the Prisma schema (prisma/schema/*.prisma)", () => {
  let database: TestDatabase;
  before(async () => {
    database = await migratedDatabase();
  });
  after(async () => {
    await database.drop();
  });

  test("match exactly", async () => {
    assert.deepEqual(await findSchemaDrift({ schemaText, connectionString: database.url }), []);
  });

  const schemaEdits: Array<[string, () => string, string[]]> = [
    ["a field added to a model", () => editBlock(schemaText, "model", "Section", (body) => `${body}  nickname String\n`), ["Section", "nickname"]],
    ["a new model", () => `${schemaText}\nmodel Shelf {\n  id Int @id @default(autoincrement())\n}\n`, ["Shelf"]],
    [
      "a changed scalar type",
      () => editBlock(schemaText, "model", "Section", (body) => replaceIn(body, /^(\s*sortOrder\s+)Int\b/m, "$1BigInt")),
      ["Section", "sortOrder"],
    ],
    [
      "a dropped native type",
      () => editBlock(schemaText, "model", "User", (body) => replaceIn(body, /^(\s*disabledAt\s+DateTime\?.*?)\s*@db\.Timestamptz\(3\)/m, "$1")),
      ["User", "disabledAt"],
    ],
    [
      "a required column made optional",
      () => editBlock(schemaText, "model", "User", (body) => replaceIn(body, /^(\s*displayName\s+String)\b(?!\?)/m, "$1?")),
      ["User", "displayName"],
    ],
    [
      "an optional column made required",
      () => editBlock(schemaText, "model", "Agency", (body) => replaceIn(body, /^(\s*phone\s+String)\?/m, "$1")),
      ["Agency", "phone"],
    ],
    [
      "a dropped @unique",
      () => editBlock(schemaText, "model", "User", (body) => replaceIn(body, /^(\s*username\s+String\s*)@unique/m, "$1")),
      ["User", "username"],
    ],
    ["a new @@unique", () => editBlock(schemaText, "model", "ApiToken", (body) => `${body}\n  @@unique([userId, name])\n`), ["ApiToken", "name"]],
    [
      "a dropped @@index",
      () => editBlock(schemaText, "model", "ApiToken", (body) => replaceIn(body, /^\s*@@index\(\[userId\]\)\n/m, "")),
      ["ApiToken", "userId"],
    ],
    ["a changed default", () => editBlock(schemaText, "model", "Section", (body) => replaceIn(body, /@default\(0\)/, "@default(1)")), ["Section", "sortOrder"]],
    [
      "a removed default",
      () => editBlock(schemaText, "model", "Agency", (body) => replaceIn(body, /^(\s*demoMode\s+Boolean\s*)@default\(false\)/m, "$1")),
      ["Agency", "demoMode"],
    ],
    [
      "a changed onDelete",
      () => editBlock(schemaText, "model", "ApiToken", (body) => replaceIn(body, /onDelete: Cascade/, "onDelete: Restrict")),
      ["ApiToken", "userId"],
    ],
    ["an added enum value", () => editBlock(schemaText, "enum", "Role", (body) => `${body}  auditor\n`), ["Role", "auditor"]],
    [
      "a renamed table (@@map)",
      () => editBlock(schemaText, "model", "LeadingGroupMember", (body) => `${body}\n  @@map("leading_group_members")\n`),
      ["leading_group_members"],
    ],
  ];
  for (const [change, edit, names] of schemaEdits) {
    test(`differ after ${change} in the schema alone`, async () => {
      const drift = await findSchemaDrift({ schemaText: edit(), connectionString: database.url });
      assertDriftMentions(drift, ...names);
    });
  }
});

describe("a database changed without a migration", () => {
  const databaseChanges: Array<[string, string, string[]]> = [
    ["an added column", `ALTER TABLE "Section" ADD COLUMN "extra" TEXT`, ["Section", "extra"]],
    ["a dropped column", `ALTER TABLE "Agency" DROP COLUMN "website"`, ["Agency", "website"]],
    ["an added table", `CREATE TABLE "Stray" ("id" INTEGER PRIMARY KEY)`, ["Stray"]],
    ["a dropped NOT NULL", `ALTER TABLE "User" ALTER COLUMN "displayName" DROP NOT NULL`, ["User", "displayName"]],
    ["an added NOT NULL", `ALTER TABLE "ApiToken" ALTER COLUMN "revokedAt" SET NOT NULL`, ["ApiToken", "revokedAt"]],
    ["a changed type", `ALTER TABLE "Section" ALTER COLUMN "name" TYPE VARCHAR(100)`, ["Section", "name"]],
    ["a changed default", `ALTER TABLE "Section" ALTER COLUMN "sortOrder" SET DEFAULT 5`, ["Section", "sortOrder"]],
    ["a dropped default", `ALTER TABLE "User" ALTER COLUMN "createdAt" DROP DEFAULT`, ["User", "createdAt"]],
    ["a dropped unique index", `DROP INDEX "User_username_key"`, ["User", "username"]],
    [
      "a unique index made plain",
      `DROP INDEX "Section_agencyId_name_key"; CREATE INDEX "Section_agencyId_name_key" ON "Section"("agencyId", "name")`,
      ["Section", "name"],
    ],
    ["an added index", `CREATE INDEX "Agency_name_idx" ON "Agency"("name")`, ["Agency", "name"]],
    ["a dropped foreign key", `ALTER TABLE "ApiToken" DROP CONSTRAINT "ApiToken_userId_fkey"`, ["ApiToken", "userId"]],
    [
      "a foreign key with another ON DELETE",
      `ALTER TABLE "User" DROP CONSTRAINT "User_sectionId_fkey";
       ALTER TABLE "User" ADD CONSTRAINT "User_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
      ["User", "sectionId"],
    ],
    ["an added enum value", `ALTER TYPE "Role" ADD VALUE 'auditor'`, ["Role", "auditor"]],
    ["a dropped primary key", `ALTER TABLE "RateLimitBucket" DROP CONSTRAINT "RateLimitBucket_pkey"`, ["RateLimitBucket", "key"]],
  ];
  for (const [change, sql, names] of databaseChanges) {
    test(`differs from the schema after ${change}`, async () => {
      const database = await migratedDatabase();
      try {
        await runSql(database.url, sql);
        const drift = await findSchemaDrift({ schemaText, connectionString: database.url });
        assertDriftMentions(drift, ...names);
      } finally {
        await database.drop();
      }
    });
  }

  test("still matches when only things the schema does not model were added", async () => {
    const database = await migratedDatabase();
    try {
      await runSql(
        database.url,
        `
        CREATE FUNCTION "drift_probe"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END; $$;
        CREATE TRIGGER "drift_probe" BEFORE INSERT ON "Section" FOR EACH ROW EXECUTE FUNCTION "drift_probe"();
        CREATE VIEW "SectionNames" AS SELECT "name" FROM "Section";
        ALTER TABLE "Section" ADD CONSTRAINT "Section_sortOrder_check" CHECK ("sortOrder" >= 0);
      `,
      );
      assert.deepEqual(await findSchemaDrift({ schemaText, connectionString: database.url }), []);
    } finally {
      await database.drop();
    }
  });
});

// The checker must keep working as the schema grows, so it is also run against a schema that uses
// most of what Prisma can express, with SQL written the way `prisma migrate diff` writes it.
describe("a schema using the rest of Prisma's features", () => {
  const richSchema = `
datasource db {
  provider = "postgresql"
}

enum Colour {
  red   @map("RED")
  green
  @@map("colour")
}

model Thing {
  id        String    @id @default(uuid()) @db.Uuid
  serial    BigInt    @default(autoincrement())
  label     String    @map("label_text") @db.VarChar(40)
  code      String    @unique(map: "thing_code_unique") @db.Char(8)
  price     Decimal   @default(1.5)
  rate      Decimal   @default(2.25) @db.Decimal(10, 2)
  ratio     Float     @default(-0.5)
  big       BigInt    @default(-3)
  flag      Boolean   @default(true)
  day       DateTime  @db.Date
  at        DateTime  @default("2020-01-02T03:04:05Z")
  bytes     Bytes     @default("aGVsbG8=")
  data      Json      @default("{\\"a\\": [1, 2]}")
  plainJson Json?     @db.Json
  tags      String[]  @default(["x", "it's"])
  numbers   Int[]     @default([])
  colour    Colour    @default(red)
  colours   Colour[]  @default([red, green])
  token     String    @default(dbgenerated("gen_random_uuid()")) @db.Uuid
  note      String?   @db.Text
  small     Int       @db.SmallInt
  ts        DateTime  @db.Timestamp(6)
  updatedAt DateTime  @updatedAt
  ownerId   Int?
  owner     Person?   @relation(fields: [ownerId], references: [id])
  slotA     Int
  slotB     Int
  slot      Slot      @relation(fields: [slotA, slotB], references: [a, b], onDelete: Cascade, onUpdate: NoAction)
  tagsM2M   Tag[]

  @@unique([label, day])
  @@index([ratio(sort: Desc), big])
  @@index([small], type: Hash)
  @@index([data(ops: JsonbPathOps)], type: Gin)
  @@map("things")
}

model Person {
  id       Int      @id @default(autoincrement())
  mentorId Int?     @unique
  mentor   Person?  @relation("Mentoring", fields: [mentorId], references: [id])
  mentee   Person?  @relation("Mentoring")
  things   Thing[]
  friends  Person[] @relation("Friends")
  friendOf Person[] @relation("Friends")
}

model Slot {
  a      Int
  b      Int
  things Thing[]

  @@id([a, b], map: "slot_pk")
}

model Tag {
  name   String  @id
  things Thing[]
}
`;

  const richSql = `
CREATE TYPE "colour" AS ENUM ('RED', 'green');

CREATE TABLE "things" (
    "id" UUID NOT NULL,
    "serial" BIGSERIAL NOT NULL,
    "label_text" VARCHAR(40) NOT NULL,
    "code" CHAR(8) NOT NULL,
    "price" DECIMAL(65,30) NOT NULL DEFAULT 1.5,
    "rate" DECIMAL(10,2) NOT NULL DEFAULT 2.25,
    "ratio" DOUBLE PRECISION NOT NULL DEFAULT -0.5,
    "big" BIGINT NOT NULL DEFAULT -3,
    "flag" BOOLEAN NOT NULL DEFAULT true,
    "day" DATE NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT '2020-01-02 03:04:05 +00:00',
    "bytes" BYTEA NOT NULL DEFAULT '\\x68656c6c6f',
    "data" JSONB NOT NULL DEFAULT '{"a": [1, 2]}',
    "plainJson" JSON,
    "tags" TEXT[] DEFAULT ARRAY['x', 'it''s']::TEXT[],
    "numbers" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "colour" "colour" NOT NULL DEFAULT 'RED',
    "colours" "colour"[] DEFAULT ARRAY['RED', 'green']::"colour"[],
    "token" UUID NOT NULL DEFAULT gen_random_uuid(),
    "note" TEXT,
    "small" SMALLINT NOT NULL,
    "ts" TIMESTAMP(6) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "ownerId" INTEGER,
    "slotA" INTEGER NOT NULL,
    "slotB" INTEGER NOT NULL,

    CONSTRAINT "things_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Person" (
    "id" SERIAL NOT NULL,
    "mentorId" INTEGER,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Slot" (
    "a" INTEGER NOT NULL,
    "b" INTEGER NOT NULL,

    CONSTRAINT "slot_pk" PRIMARY KEY ("a","b")
);

CREATE TABLE "Tag" (
    "name" TEXT NOT NULL,

    CONSTRAINT "Tag_pkey" PRIMARY KEY ("name")
);

CREATE TABLE "_TagToThing" (
    "A" TEXT NOT NULL,
    "B" UUID NOT NULL,

    CONSTRAINT "_TagToThing_AB_pkey" PRIMARY KEY ("A","B")
);

CREATE TABLE "_Friends" (
    "A" INTEGER NOT NULL,
    "B" INTEGER NOT NULL,

    CONSTRAINT "_Friends_AB_pkey" PRIMARY KEY ("A","B")
);

CREATE UNIQUE INDEX "thing_code_unique" ON "things"("code");
CREATE INDEX "things_ratio_big_idx" ON "things"("ratio" DESC, "big");
CREATE INDEX "things_small_idx" ON "things" USING HASH ("small");
CREATE INDEX "things_data_idx" ON "things" USING GIN ("data" jsonb_path_ops);
CREATE UNIQUE INDEX "things_label_text_day_key" ON "things"("label_text", "day");
CREATE UNIQUE INDEX "Person_mentorId_key" ON "Person"("mentorId");
CREATE INDEX "_TagToThing_B_index" ON "_TagToThing"("B");
CREATE INDEX "_Friends_B_index" ON "_Friends"("B");

ALTER TABLE "things" ADD CONSTRAINT "things_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "things" ADD CONSTRAINT "things_slotA_slotB_fkey" FOREIGN KEY ("slotA", "slotB") REFERENCES "Slot"("a", "b") ON DELETE CASCADE ON UPDATE NO ACTION;
ALTER TABLE "Person" ADD CONSTRAINT "Person_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "_TagToThing" ADD CONSTRAINT "_TagToThing_A_fkey" FOREIGN KEY ("A") REFERENCES "Tag"("name") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "_TagToThing" ADD CONSTRAINT "_TagToThing_B_fkey" FOREIGN KEY ("B") REFERENCES "things"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "_Friends" ADD CONSTRAINT "_Friends_A_fkey" FOREIGN KEY ("A") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "_Friends" ADD CONSTRAINT "_Friends_B_fkey" FOREIGN KEY ("B") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
`;

  let database: TestDatabase;
  before(async () => {
    database = await createEmptyDatabase();
    await runSql(database.url, richSql);
  });
  after(async () => {
    await database.drop();
  });

  test("matches its Prisma-style SQL", async () => {
    assert.deepEqual(await findSchemaDrift({ schemaText: richSchema, connectionString: database.url }), []);
  });

  const edits: Array<[string, [RegExp, string], string[]]> = [
    ["a mapped column name", [/@map\("label_text"\)/, '@map("label")'], ["things", "label"]],
    ["a VarChar length", [/@db\.VarChar\(40\)/, "@db.VarChar(41)"], ["things", "label_text"]],
    ["a Decimal default", [/@default\(2\.25\)/, "@default(2.5)"], ["things", "rate"]],
    ["a DateTime default", [/2020-01-02T03:04:05Z/, "2020-01-02T03:04:06Z"], ["things", "at"]],
    ["a Json default", [/\[1, 2\]/, "[2, 1]"], ["things", "data"]],
    ["a list default", [/"it's"/, '"its"'], ["things", "tags"]],
    ["an enum default", [/@default\(red\)/, "@default(green)"], ["things", "colour"]],
    ["a Bytes default", [/aGVsbG8=/, "aGVsbG9v"], ["things", "bytes"]],
    ["a dbgenerated default", [/gen_random_uuid\(\)/, "md5(random()::text)::uuid"], ["things", "token"]],
    ["an @updatedAt that became @default(now())", [/@updatedAt/, "@default(now())"], ["things", "updatedAt"]],
    ["a mapped enum value", [/@map\("RED"\)/, '@map("Red")'], ["colour", "Red"]],
    ["an index sort order", [/ratio\(sort: Desc\)/, "ratio"], ["things", "ratio"]],
    ["an index method", [/type: Hash/, "type: BTree"], ["things", "small"]],
    ["an index operator class", [/ops: JsonbPathOps/, "ops: JsonbOps"], ["things", "data"]],
    ["a mapped index name", [/thing_code_unique/, "thing_code_key"], ["things", "thing_code_unique"]],
    ["a mapped primary key name", [/slot_pk/, "slot_primary"], ["Slot", "slot_pk"]],
    ["a composite foreign key's onUpdate", [/onUpdate: NoAction/, "onUpdate: Restrict"], ["things", "slotA"]],
    ["an optional relation made required", [/(ownerId +Int)\?\n(\s+owner +Person)\?/, "$1\n$2"], ["things", "ownerId"]],
    [
      "an implicit many-to-many relation removed",
      [/ +friends +Person\[\] @relation\("Friends"\)\n +friendOf +Person\[\] @relation\("Friends"\)\n/, ""],
      ["_Friends"],
    ],
  ];
  for (const [change, [pattern, replacement], names] of edits) {
    test(`differs after a change of ${change}`, async () => {
      assert.match(richSchema, pattern);
      const drift = await findSchemaDrift({ schemaText: richSchema.replace(pattern, replacement), connectionString: database.url });
      assertDriftMentions(drift, ...names);
    });
  }
});
