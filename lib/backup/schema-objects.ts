import pg from "pg";

/** Catalogue queries shared by backup and restore: the application schema's tables, columns and sequences. */

export type Queryable = Pick<pg.Client, "query">;

export function quoteIdentifier(name: string): string {
  return pg.escapeIdentifier(name);
}

export function qualifiedName(schema: string, name: string): string {
  return `${quoteIdentifier(schema)}.${quoteIdentifier(name)}`;
}

/** The schema unqualified names resolve to on this connection (`public` unless search_path says otherwise). */
export async function currentSchema(client: Queryable): Promise<string> {
  const { rows } = await client.query<{ schema: string | null }>("SELECT current_schema() AS schema");
  if (!rows[0]?.schema) throw new Error("The connection has no current schema (check search_path).");
  return rows[0].schema;
}

export async function serverVersion(client: Queryable): Promise<{ version: string; major: number }> {
  const { rows } = await client.query<{ server_version: string; server_version_num: string }>(
    "SELECT current_setting('server_version') AS server_version, current_setting('server_version_num') AS server_version_num",
  );
  return { version: rows[0].server_version, major: Math.floor(Number(rows[0].server_version_num) / 10000) };
}

/** Ordinary tables of the schema, by name. */
export async function listTables(client: Queryable, schema: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind = 'r' ORDER BY c.relname COLLATE "C"`,
    [schema],
  );
  return rows.map((row) => row.name);
}

/** Columns COPY can write (generated columns are computed, not copied), in table order. */
export async function listCopyColumns(client: Queryable, schema: string, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT a.attname AS name FROM pg_attribute a
      WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      ORDER BY a.attnum`,
    [qualifiedName(schema, table)],
  );
  return rows.map((row) => row.name);
}

export type SequenceInSchema = { name: string; ownedBy: { table: string; column: string } | null };

/** Sequences of the schema and the column each one numbers (SERIAL / identity), if any. */
export async function listSequences(client: Queryable, schema: string): Promise<SequenceInSchema[]> {
  const { rows } = await client.query<{ name: string; table: string | null; column: string | null }>(
    `SELECT s.relname AS name, t.relname AS table, a.attname AS column
       FROM pg_class s
       JOIN pg_namespace n ON n.oid = s.relnamespace
       LEFT JOIN pg_depend d ON d.objid = s.oid AND d.classid = 'pg_class'::regclass
        AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
       LEFT JOIN pg_class t ON t.oid = d.refobjid
       LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
      WHERE n.nspname = $1 AND s.relkind = 'S'
      ORDER BY s.relname COLLATE "C"`,
    [schema],
  );
  return rows.map((row) => ({
    name: row.name,
    ownedBy: row.table && row.column ? { table: row.table, column: row.column } : null,
  }));
}

/** What the schema already holds: tables, views, sequences, types and functions (a few names of each kind). */
export async function describeSchemaContents(client: Queryable, schema: string): Promise<{ count: number; examples: string[] }> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
     UNION ALL
     SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = $1 AND t.typtype IN ('e', 'd', 'r', 'm')
     UNION ALL
     SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = $1`,
    [schema],
  );
  return { count: rows.length, examples: rows.slice(0, 5).map((row) => row.name) };
}
