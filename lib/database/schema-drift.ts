import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
// A CommonJS bundle whose named exports Node cannot detect: take them from the default export.
import prismaInternals from "@prisma/internals";
import pg from "pg";

/**
 * Compares the Prisma schema (`prisma/schema/*.prisma`) with a live PostgreSQL database and lists every difference that
 * `prisma migrate diff` would act on: tables, columns (type, arrays, nullability, default), enums,
 * primary keys, unique and plain indexes (columns, order, method, name) and foreign keys (columns,
 * target, ON DELETE / ON UPDATE). The schema is read with Prisma's own parser (the wasm behind
 * `getDMMF`), the database with pg_catalog. Things Prisma does not model are allowed to exist:
 * triggers, functions, views, sequences, check constraints, extensions, and `_prisma_migrations`.
 *
 * Known blind spots of the DMMF, which this check inherits: `Unsupported("…")` fields are not in it
 * (their columns show up as extra columns), and neither are foreign key names (`@relation(map:)`),
 * so foreign keys are compared by structure only.
 */

const { getConfig, getDMMF } = prismaInternals;

type Datamodel = Awaited<ReturnType<typeof getDMMF>>["datamodel"];
type Model = Datamodel["models"][number];
type Field = Model["fields"][number];
type DatamodelEnum = Datamodel["enums"][number];

export type SchemaDriftOptions = { schemaText: string; connectionString: string };

const IGNORED_TABLES = new Set(["_prisma_migrations"]);
const POSTGRES_MAX_IDENTIFIER_BYTES = 63;

type ReferentialAction = "Cascade" | "Restrict" | "NoAction" | "SetNull" | "SetDefault";

type ExpectedDefault =
  | { kind: "none" }
  | { kind: "autoincrement" }
  | { kind: "now" }
  | { kind: "dbgenerated"; expression: string | null }
  | { kind: "literal"; display: string; sql: (quote: (text: string) => string) => string };

type ExpectedColumn = { name: string; type: string; isList: boolean; required: boolean; default: ExpectedDefault };
/** operatorClasses: null where the column uses its type's default operator class. */
type IndexShape = {
  unique: boolean;
  columns: string[];
  descending: boolean[];
  operatorClasses: (string | null)[];
  method: string;
  predicate: string | null;
};
type ExpectedIndex = IndexShape & { name: string | null };
type ForeignKeyShape = { columns: string[]; referencedTable: string; referencedColumns: string[] };
type ExpectedForeignKey = ForeignKeyShape & { onDelete: ReferentialAction; onUpdate: ReferentialAction };
type ExpectedTable = {
  key: string;
  label: string;
  columns: ExpectedColumn[];
  primaryKey: { columns: string[]; name: string | null } | null;
  indexes: ExpectedIndex[];
  foreignKeys: ExpectedForeignKey[];
};

type DbColumn = {
  table_key: string;
  name: string;
  not_null: boolean;
  identity: string;
  default_expr: string | null;
  type: string;
  full_type: string;
  is_array: boolean;
};
type DbIndex = IndexShape & { table_key: string; name: string; is_primary: boolean; operator_class_names: string[] };
type DbForeignKey = ForeignKeyShape & { table_key: string; name: string; on_delete: string; on_update: string };

const ACTION_CODES: Record<string, ReferentialAction> = {
  a: "NoAction",
  r: "Restrict",
  c: "Cascade",
  n: "SetNull",
  d: "SetDefault",
};

export async function findSchemaDrift({ schemaText, connectionString }: SchemaDriftOptions): Promise<string[]> {
  const { datamodel } = await getDMMF({ datamodel: schemaText });
  const config = await getConfig({ datamodel: schemaText });
  const declaredSchemas = config.datasources[0]?.schemas ?? [];

  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ current: string }>("SELECT current_schema() AS current");
    const defaultSchema = rows[0].current;
    const namespaces = declaredSchemas.length > 0 ? [...declaredSchemas] : [defaultSchema];
    const tableKey = (schema: string | null | undefined, table: string) => `${schema ?? defaultSchema}.${table}`;
    const tableLabel = (key: string) => {
      const [schema, ...rest] = key.split(".");
      const table = rest.join(".");
      return namespaces.length === 1 ? `"${table}"` : `"${schema}"."${table}"`;
    };

    const expected = describeSchema(datamodel, schemaText, tableKey, tableLabel);
    const actual = await describeDatabase(client, namespaces);
    const drift: string[] = [];

    compareEnums(expected.enums, actual.enums, drift);

    const actualTables = new Set(actual.tables);
    for (const table of expected.tables.values()) {
      if (!actualTables.has(table.key)) {
        drift.push(`Table ${table.label} is in the schema but not in the database`);
        continue;
      }
      await compareTable(client, table, actual, tableLabel, drift);
    }
    for (const key of actual.tables) {
      if (!expected.tables.has(key)) drift.push(`Table ${tableLabel(key)} is in the database but not in the schema`);
    }
    return drift;
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// The schema side

function describeSchema(
  datamodel: Datamodel,
  schemaText: string,
  tableKey: (schema: string | null | undefined, table: string) => string,
  tableLabel: (key: string) => string,
) {
  const models = new Map(datamodel.models.map((model) => [model.name, model]));
  const enums = new Map(datamodel.enums.map((item) => [item.name, item]));
  const tableOf = (model: Model) => model.dbName ?? model.name;
  const keyOf = (model: Model) => tableKey(model.schema, tableOf(model));
  const columnOf = (model: Model, fieldName: string) => {
    const field = model.fields.find((candidate) => candidate.name === fieldName);
    if (!field) throw new Error(`Model ${model.name} has no field ${fieldName}`);
    return field.dbName ?? field.name;
  };
  // The DMMF leaves the datasource's relationMode out; with relationMode = "prisma" there are no
  // foreign keys in the database.
  const emulatedRelations = /relationMode\s*=\s*"prisma"/.test(schemaText.replace(/\/\/.*$/gm, ""));

  const tables = new Map<string, ExpectedTable>();
  for (const model of datamodel.models) {
    const table = tableOf(model);
    const key = keyOf(model);
    const indexes = datamodel.indexes.filter((index) => index.model === model.name);
    const idIndex = indexes.find((index) => index.type === "id");
    const primaryKey = idIndex
      ? {
          columns: idIndex.fields.map((field) => columnOf(model, field.name)),
          name: idIndex.dbName ?? defaultName(`${table}_pkey`),
        }
      : null;

    const expectedIndexes: ExpectedIndex[] = indexes
      .filter((index) => index.type === "unique" || index.type === "normal" || index.type === "fulltext")
      .map((index) => {
        const columns = index.fields.map((field) => columnOf(model, field.name));
        const suffix = index.type === "unique" ? "key" : "idx";
        return {
          unique: index.type === "unique",
          columns,
          descending: index.fields.map((field) => field.sortOrder === "desc"),
          // "JsonbPathOps" or raw("jsonb_path_ops"); compared loosely with the catalog's name.
          operatorClasses: index.fields.map((field) => field.operatorClass ?? null),
          method: (index.algorithm ?? "BTree").toLowerCase(),
          predicate: null,
          name: index.dbName ?? defaultName(`${table}_${columns.join("_")}_${suffix}`),
        };
      });

    const foreignKeys: ExpectedForeignKey[] = [];
    if (!emulatedRelations) {
      for (const field of model.fields) {
        if (field.kind !== "object" || !field.relationFromFields?.length) continue;
        const target = models.get(field.type);
        if (!target) throw new Error(`Model ${model.name}.${field.name} refers to unknown model ${field.type}`);
        const referencing = field.relationFromFields.map((name) => model.fields.find((f) => f.name === name));
        const anyRequired = referencing.some((scalar) => scalar?.isRequired);
        foreignKeys.push({
          columns: field.relationFromFields.map((name) => columnOf(model, name)),
          referencedTable: keyOf(target),
          referencedColumns: (field.relationToFields ?? []).map((name) => columnOf(target, name)),
          onDelete: (field.relationOnDelete as ReferentialAction | undefined) ?? (anyRequired ? "Restrict" : "SetNull"),
          onUpdate: (field.relationOnUpdate as ReferentialAction | undefined) ?? "Cascade",
        });
      }
    }

    tables.set(key, {
      key,
      label: tableLabel(key),
      columns: model.fields
        .filter((field) => field.kind === "scalar" || field.kind === "enum")
        .map((field) => ({
          name: field.dbName ?? field.name,
          type: expectedType(field, enums),
          isList: field.isList,
          required: field.isRequired,
          default: expectedDefault(field, enums),
        })),
      primaryKey,
      indexes: expectedIndexes,
      foreignKeys,
    });
  }

  // Implicit many-to-many relations get a join table "_RelationName" with columns "A" and "B",
  // where A points at the model whose name sorts first.
  const seenRelations = new Set<string>();
  for (const model of datamodel.models) {
    for (const field of model.fields) {
      if (field.kind !== "object" || !field.isList || !field.relationName || seenRelations.has(field.relationName)) continue;
      const target = models.get(field.type);
      const back = target?.fields.find(
        (other) => other.relationName === field.relationName && (other !== field || target === model) && other.kind === "object",
      );
      if (!target || !back || !back.isList || field.relationFromFields?.length || back.relationFromFields?.length) continue;
      seenRelations.add(field.relationName);
      const [modelA, modelB] = [model, target].sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0));
      const idOf = (side: Model) => {
        const id = side.fields.find((candidate) => candidate.isId);
        if (!id) throw new Error(`Model ${side.name} needs a single-field @id for the implicit relation ${field.relationName}`);
        return id;
      };
      const idA = idOf(modelA);
      const idB = idOf(modelB);
      const joinTable = `_${field.relationName}`;
      const key = tableKey(modelA.schema, joinTable);
      const column = (name: string, id: Field): ExpectedColumn => ({
        name,
        type: expectedType(id, enums),
        isList: false,
        required: true,
        default: { kind: "none" },
      });
      tables.set(key, {
        key,
        label: tableLabel(key),
        columns: [column("A", idA), column("B", idB)],
        primaryKey: { columns: ["A", "B"], name: defaultName(`${joinTable}_AB_pkey`) },
        indexes: [
          {
            unique: false,
            columns: ["B"],
            descending: [false],
            operatorClasses: [null],
            method: "btree",
            predicate: null,
            name: defaultName(`${joinTable}_B_index`),
          },
        ],
        foreignKeys: emulatedRelations
          ? []
          : [
              { columns: ["A"], referencedTable: keyOf(modelA), referencedColumns: [idA.dbName ?? idA.name], onDelete: "Cascade", onUpdate: "Cascade" },
              { columns: ["B"], referencedTable: keyOf(modelB), referencedColumns: [idB.dbName ?? idB.name], onDelete: "Cascade", onUpdate: "Cascade" },
            ],
      });
    }
  }

  const expectedEnums = new Map<string, string[]>();
  for (const item of datamodel.enums) {
    expectedEnums.set(
      item.dbName ?? item.name,
      item.values.map((value) => value.dbName ?? value.name),
    );
  }
  return { tables, enums: expectedEnums };
}

/** Prisma's default constraint names, when they are short enough not to be truncated. */
function defaultName(name: string): string | null {
  return Buffer.byteLength(name) < POSTGRES_MAX_IDENTIFIER_BYTES ? name : null;
}

const withPrecision = (args: string[]) => (args.length > 0 ? `(${args.join(",")})` : "");
const NATIVE_TYPES: Record<string, (args: string[]) => string> = {
  Text: () => "text",
  Char: (args) => `character(${args[0] ?? 1})`,
  VarChar: (args) => `character varying${withPrecision(args)}`,
  Bit: (args) => `bit(${args[0] ?? 1})`,
  VarBit: (args) => `bit varying${withPrecision(args)}`,
  Uuid: () => "uuid",
  Xml: () => "xml",
  Inet: () => "inet",
  Citext: () => "citext",
  Boolean: () => "boolean",
  Integer: () => "integer",
  SmallInt: () => "smallint",
  Oid: () => "oid",
  BigInt: () => "bigint",
  DoublePrecision: () => "double precision",
  Real: () => "real",
  Decimal: (args) => `numeric${withPrecision(args)}`,
  Money: () => "money",
  Timestamp: (args) => `timestamp${withPrecision(args)} without time zone`,
  Timestamptz: (args) => `timestamp${withPrecision(args)} with time zone`,
  Date: () => "date",
  Time: (args) => `time${withPrecision(args)} without time zone`,
  Timetz: (args) => `time${withPrecision(args)} with time zone`,
  Json: () => "json",
  JsonB: () => "jsonb",
  ByteA: () => "bytea",
};
const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Boolean: "boolean",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

/** The type as the database should report it: format_type() output, or `enum "Name"`. */
function expectedType(field: Field, enums: Map<string, DatamodelEnum>): string {
  let base: string;
  if (field.kind === "enum") {
    const item = enums.get(field.type);
    base = `enum "${item?.dbName ?? field.type}"`;
  } else if (field.nativeType) {
    const [name, args] = field.nativeType;
    const trimmed = args.map((arg) => arg.trim());
    base = NATIVE_TYPES[name]?.(trimmed) ?? `${name.toLowerCase()}${withPrecision(trimmed)}`;
  } else {
    base = SCALAR_TYPES[field.type] ?? field.type.toLowerCase();
  }
  return field.isList ? `${base}[]` : base;
}

function expectedDefault(field: Field, enums: Map<string, DatamodelEnum>): ExpectedDefault {
  const value = field.default;
  if (!field.hasDefaultValue || value === undefined) return { kind: "none" };
  if (typeof value === "object" && !Array.isArray(value)) {
    const fn = value as { name: string; args: ReadonlyArray<string | number> };
    switch (fn.name) {
      case "autoincrement":
      case "sequence":
        return { kind: "autoincrement" };
      case "now":
        return { kind: "now" };
      case "dbgenerated":
        return { kind: "dbgenerated", expression: fn.args.length > 0 ? String(fn.args[0]) : null };
      default:
        // uuid(), cuid(), nanoid(), ulid(): generated by Prisma Client, not by the database.
        return { kind: "none" };
    }
  }
  const enumValue = (name: string) => {
    const item = enums.get(field.type)?.values.find((candidate) => candidate.name === name);
    return item?.dbName ?? name;
  };
  const scalar = (item: string | number | boolean, quote: (text: string) => string): string => {
    if (typeof item === "boolean") return item ? "true" : "false";
    if (typeof item === "number") return `(${item})`;
    if (field.kind === "enum") return quote(enumValue(item));
    if (field.type === "Bytes") return `decode(${quote(item)}, 'base64')`;
    return quote(item);
  };
  const items = value as ReadonlyArray<string | number | boolean> | string | number | boolean;
  return {
    kind: "literal",
    display: JSON.stringify(items),
    sql: (quote) =>
      Array.isArray(items)
        ? items.length === 0
          ? "'{}'"
          : `ARRAY[${items.map((item: string | number | boolean) => scalar(item, quote)).join(", ")}]`
        : scalar(items as string | number | boolean, quote),
  };
}

// ---------------------------------------------------------------------------------------------
// The database side

async function describeDatabase(client: pg.Client, namespaces: string[]) {
  const tables = await client.query<{ table_key: string }>(
    `SELECT n.nspname || '.' || c.relname AS table_key
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY($1)
        AND NOT (c.relname = ANY($2))
      ORDER BY n.nspname, c.relname`,
    [namespaces, [...IGNORED_TABLES]],
  );
  const columns = await client.query<DbColumn>(
    `SELECT n.nspname || '.' || c.relname AS table_key, a.attname::text AS name, a.attnotnull AS not_null,
            a.attidentity::text AS identity, pg_get_expr(d.adbin, d.adrelid) AS default_expr,
            format_type(a.atttypid, a.atttypmod) AS full_type,
            (t.typcategory = 'A' AND t.typelem <> 0) AS is_array,
            CASE WHEN e.typtype = 'e' THEN 'enum "' || e.typname || '"' ELSE format_type(e.oid, a.atttypmod) END
              || CASE WHEN t.typcategory = 'A' AND t.typelem <> 0 THEN '[]' ELSE '' END AS type
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_type t ON t.oid = a.atttypid
       JOIN pg_type e ON e.oid = CASE WHEN t.typcategory = 'A' AND t.typelem <> 0 THEN t.typelem ELSE t.oid END
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY($1) AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY n.nspname, c.relname, a.attnum`,
    [namespaces],
  );
  const indexes = await client.query<DbIndex>(
    `SELECT n.nspname || '.' || t.relname AS table_key, i.relname::text AS name, x.indisunique AS unique,
            x.indisprimary AS is_primary, am.amname::text AS method, pg_get_expr(x.indpred, x.indrelid) AS predicate,
            ARRAY(SELECT CASE WHEN x.indkey[k - 1] = 0 THEN '(' || pg_get_indexdef(x.indexrelid, k, true) || ')'
                              ELSE (SELECT attname::text FROM pg_attribute WHERE attrelid = x.indrelid AND attnum = x.indkey[k - 1]) END
                    FROM generate_series(1, x.indnkeyatts) AS k ORDER BY k) AS columns,
            ARRAY(SELECT (x.indoption[k - 1] & 1) = 1 FROM generate_series(1, x.indnkeyatts) AS k ORDER BY k) AS descending,
            ARRAY(SELECT CASE WHEN o.opcdefault THEN NULL ELSE o.opcname::text END
                    FROM generate_series(1, x.indnkeyatts) AS k JOIN pg_opclass o ON o.oid = x.indclass[k - 1] ORDER BY k) AS "operatorClasses",
            ARRAY(SELECT o.opcname::text
                    FROM generate_series(1, x.indnkeyatts) AS k JOIN pg_opclass o ON o.oid = x.indclass[k - 1] ORDER BY k) AS operator_class_names
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       JOIN pg_am am ON am.oid = i.relam
      WHERE t.relkind IN ('r', 'p') AND n.nspname = ANY($1)
      ORDER BY n.nspname, t.relname, i.relname`,
    [namespaces],
  );
  const foreignKeys = await client.query<DbForeignKey>(
    `SELECT n.nspname || '.' || t.relname AS table_key, c.conname::text AS name,
            rn.nspname || '.' || r.relname AS "referencedTable",
            ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, position)
                    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.position) AS columns,
            ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, position)
                    JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.position) AS "referencedColumns",
            c.confdeltype::text AS on_delete, c.confupdtype::text AS on_update
       FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       JOIN pg_class r ON r.oid = c.confrelid
       JOIN pg_namespace rn ON rn.oid = r.relnamespace
      WHERE c.contype = 'f' AND n.nspname = ANY($1)
      ORDER BY n.nspname, t.relname, c.conname`,
    [namespaces],
  );
  const enums = await client.query<{ name: string; values: string[] }>(
    `SELECT t.typname::text AS name,
            ARRAY(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS values
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE t.typtype = 'e' AND n.nspname = ANY($1)
      ORDER BY t.typname`,
    [namespaces],
  );
  return {
    tables: tables.rows.map((row) => row.table_key),
    columns: columns.rows,
    indexes: indexes.rows,
    foreignKeys: foreignKeys.rows,
    enums: new Map(enums.rows.map((row) => [row.name, row.values])),
  };
}

// ---------------------------------------------------------------------------------------------
// Comparison

function compareEnums(expected: Map<string, string[]>, actual: Map<string, string[]>, drift: string[]) {
  for (const [name, values] of expected) {
    const actualValues = actual.get(name);
    if (!actualValues) {
      drift.push(`Enum "${name}" is in the schema but not in the database`);
      continue;
    }
    for (const value of values) {
      if (!actualValues.includes(value)) drift.push(`Enum "${name}": value "${value}" is in the schema but not in the database`);
    }
    for (const value of actualValues) {
      if (!values.includes(value)) drift.push(`Enum "${name}": value "${value}" is in the database but not in the schema`);
    }
  }
  for (const name of actual.keys()) {
    if (!expected.has(name)) drift.push(`Enum "${name}" is in the database but not in the schema`);
  }
}

const list = (columns: readonly string[]) => `(${columns.map((column) => `"${column}"`).join(", ")})`;

function describeIndex(index: IndexShape): string {
  const columns = index.columns.map(
    (column, position) =>
      `"${column}"${index.operatorClasses[position] ? ` ${index.operatorClasses[position]}` : ""}${index.descending[position] ? " DESC" : ""}`,
  );
  const method = index.method === "btree" ? "" : ` USING ${index.method}`;
  const predicate = index.predicate ? ` WHERE ${index.predicate}` : "";
  return `${index.unique ? "unique index" : "index"} on (${columns.join(", ")})${method}${predicate}`;
}

function describeForeignKey(key: ForeignKeyShape, tableLabel: (key: string) => string): string {
  return `foreign key ${list(key.columns)} → ${tableLabel(key.referencedTable)}${list(key.referencedColumns)}`;
}

const looseName = (name: string) => name.replace(/_/g, "").toLowerCase();

function sameIndex(expected: IndexShape, actual: DbIndex): boolean {
  const withoutOperatorClasses = (index: IndexShape) => describeIndex({ ...index, operatorClasses: index.columns.map(() => null) });
  if (withoutOperatorClasses(expected) !== withoutOperatorClasses(actual)) return false;
  // An operator class named in the schema may be the type's default one, which the catalog reports as such.
  return expected.operatorClasses.every((wanted, position) =>
    wanted === null ? actual.operatorClasses[position] === null : looseName(wanted) === looseName(actual.operator_class_names[position] ?? ""),
  );
}

async function compareTable(
  client: pg.Client,
  table: ExpectedTable,
  actual: Awaited<ReturnType<typeof describeDatabase>>,
  tableLabel: (key: string) => string,
  drift: string[],
) {
  const actualColumns = actual.columns.filter((column) => column.table_key === table.key);
  for (const column of table.columns) {
    const label = `Column ${table.label}."${column.name}"`;
    const dbColumn = actualColumns.find((candidate) => candidate.name === column.name);
    if (!dbColumn) {
      drift.push(`${label} is in the schema but not in the database`);
      continue;
    }
    if (dbColumn.type !== column.type) {
      drift.push(`${label}: type is ${column.type} in the schema but ${dbColumn.type} in the database`);
    }
    // Prisma creates list columns without NOT NULL and accepts either.
    if (!column.isList && column.required !== dbColumn.not_null) {
      drift.push(
        column.required ? `${label}: required in the schema but nullable in the database` : `${label}: optional in the schema but NOT NULL in the database`,
      );
    }
    const problem = await compareDefault(client, column.default, dbColumn);
    if (problem) drift.push(`${label}: ${problem}`);
  }
  for (const dbColumn of actualColumns) {
    if (!table.columns.some((column) => column.name === dbColumn.name)) {
      drift.push(`Column ${table.label}."${dbColumn.name}" is in the database but not in the schema`);
    }
  }

  const actualIndexes = actual.indexes.filter((index) => index.table_key === table.key);
  const primary = actualIndexes.find((index) => index.is_primary);
  if (table.primaryKey && !primary) {
    drift.push(`Table ${table.label}: primary key ${list(table.primaryKey.columns)} is in the schema but not in the database`);
  } else if (!table.primaryKey && primary) {
    drift.push(`Table ${table.label}: primary key ${list(primary.columns)} is in the database but not in the schema`);
  } else if (table.primaryKey && primary) {
    if (list(table.primaryKey.columns) !== list(primary.columns)) {
      drift.push(`Table ${table.label}: primary key is ${list(table.primaryKey.columns)} in the schema but ${list(primary.columns)} in the database`);
    } else if (table.primaryKey.name && table.primaryKey.name !== primary.name) {
      drift.push(
        `Table ${table.label}: primary key ${list(primary.columns)} is named "${primary.name}" in the database but "${table.primaryKey.name}" in the schema`,
      );
    }
  }

  const unmatchedIndexes = actualIndexes.filter((index) => !index.is_primary);
  for (const index of table.indexes) {
    const shape = describeIndex(index);
    const position = unmatchedIndexes.findIndex((candidate) => sameIndex(index, candidate));
    if (position < 0) {
      drift.push(`Table ${table.label}: ${shape} is in the schema but not in the database`);
      continue;
    }
    const [match] = unmatchedIndexes.splice(position, 1);
    if (index.name && index.name !== match.name) {
      drift.push(`Table ${table.label}: ${shape} is named "${match.name}" in the database but "${index.name}" in the schema`);
    }
  }
  for (const index of unmatchedIndexes) {
    drift.push(`Table ${table.label}: ${describeIndex(index)} ("${index.name}") is in the database but not in the schema`);
  }

  const unmatchedKeys = actual.foreignKeys.filter((key) => key.table_key === table.key);
  for (const key of table.foreignKeys) {
    const shape = describeForeignKey(key, tableLabel);
    const position = unmatchedKeys.findIndex((candidate) => describeForeignKey(candidate, tableLabel) === shape);
    if (position < 0) {
      drift.push(`Table ${table.label}: ${shape} is in the schema but not in the database`);
      continue;
    }
    const [match] = unmatchedKeys.splice(position, 1);
    for (const [clause, wanted, code] of [
      ["ON DELETE", key.onDelete, match.on_delete],
      ["ON UPDATE", key.onUpdate, match.on_update],
    ] as const) {
      const found = ACTION_CODES[code] ?? code;
      if (found !== wanted) drift.push(`Table ${table.label}: ${shape}: ${clause} is ${wanted} in the schema but ${found} in the database`);
    }
  }
  for (const key of unmatchedKeys) {
    drift.push(`Table ${table.label}: ${describeForeignKey(key, tableLabel)} ("${key.name}") is in the database but not in the schema`);
  }
}

const NOW_DEFAULT = /^(?:CURRENT_TIMESTAMP(?:\(\d+\))?|now\(\))(?:::[a-z0-9 ()_"]+)?$/i;

async function compareDefault(client: pg.Client, expected: ExpectedDefault, column: DbColumn): Promise<string | null> {
  const actual = column.identity ? `GENERATED ${column.identity === "a" ? "ALWAYS" : "BY DEFAULT"} AS IDENTITY` : column.default_expr;
  const found = actual ?? "none";
  switch (expected.kind) {
    case "none":
      return actual ? `the database has default ${found} but the schema has none` : null;
    case "autoincrement":
      return column.identity || /^nextval\(/i.test(actual ?? "") ? null : `default is autoincrement() in the schema but ${found} in the database`;
    case "now":
      return actual && NOW_DEFAULT.test(actual) ? null : `default is now() in the schema but ${found} in the database`;
    case "dbgenerated": {
      const wanted = `dbgenerated(${expected.expression === null ? "" : JSON.stringify(expected.expression)})`;
      if (!actual) return `default is ${wanted} in the schema but none in the database`;
      if (expected.expression === null) return null;
      const canonical = await canonicalDefault(client, column.full_type, expected.expression);
      const same = canonical !== null ? canonical === actual : squash(expected.expression) === squash(actual);
      return same ? null : `default is ${wanted} in the schema but ${found} in the database`;
    }
    case "literal": {
      const wanted = `${expected.display}`;
      if (!actual) return `default is ${wanted} in the schema but none in the database`;
      if (column.identity) return `default is ${wanted} in the schema but ${found} in the database`;
      const literal = `(${expected.sql((text) => client.escapeLiteral(text))})::${column.full_type}`;
      const same =
        (await evaluateReadOnly(client, `SELECT (${actual}) IS NOT DISTINCT FROM ${literal} AS same`)) ??
        (await evaluateReadOnly(client, `SELECT (${actual})::text IS NOT DISTINCT FROM (${literal})::text AS same`));
      return same ? null : `default is ${wanted} in the schema but ${found} in the database`;
    }
  }
}

const squash = (expression: string) => expression.replace(/\s+/g, "").toLowerCase();

/** Runs a boolean query in a read-only transaction (so a default like nextval() cannot run). */
async function evaluateReadOnly(client: pg.Client, sql: string): Promise<boolean | null> {
  await client.query("BEGIN READ ONLY");
  try {
    const { rows } = await client.query<{ same: boolean | null }>(sql);
    return rows[0]?.same === true;
  } catch {
    return null;
  } finally {
    await client.query("ROLLBACK");
  }
}

/** How PostgreSQL itself would store `expression` as a column default (to compare dbgenerated()). */
async function canonicalDefault(client: pg.Client, type: string, expression: string): Promise<string | null> {
  await client.query("BEGIN");
  try {
    await client.query(`CREATE TEMPORARY TABLE "schema_drift_probe" ("probe" ${type} DEFAULT ${expression})`);
    const { rows } = await client.query<{ expr: string }>(
      `SELECT pg_get_expr(d.adbin, d.adrelid) AS expr FROM pg_attrdef d WHERE d.adrelid = 'pg_temp.schema_drift_probe'::regclass`,
    );
    return rows[0]?.expr ?? null;
  } catch {
    return null;
  } finally {
    await client.query("ROLLBACK");
  }
}

/** The whole Prisma schema: every `.prisma` file of the schema folder, in name order. */
export function readPrismaSchemaText(schemaDir = path.join(process.cwd(), "prisma", "schema")): string {
  return readdirSync(schemaDir)
    .filter((name) => name.endsWith(".prisma"))
    .sort()
    .map((name) => readFileSync(path.join(schemaDir, name), "utf8"))
    .join("\n");
}
