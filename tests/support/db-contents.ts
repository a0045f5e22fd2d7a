// Everything a database holds, as plain text to compare two databases with toEqual: every table's
// rows (in primary-key order, each row as PostgreSQL prints it, so no precision is lost), every
// sequence's position, and the schema (columns, constraints, indexes, triggers, functions).
import pg from 'pg';

export interface DatabaseContents {
  tables: Record<string, string[]>;
  sequences: { name: string; last_value: string | null }[];
  schema: Record<string, string[]>;
}

const SCHEMA_QUERIES = {
  columns: `SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS line
              FROM information_schema.columns WHERE table_schema = 'public'`,
  constraints: `SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS line FROM pg_constraint WHERE connamespace = 'public'::regnamespace`,
  indexes: `SELECT indexdef AS line FROM pg_indexes WHERE schemaname = 'public'`,
  triggers: `SELECT pg_get_triggerdef(oid) AS line FROM pg_trigger WHERE NOT tgisinternal`,
  functions: `SELECT proname || ' ' || prosrc AS line FROM pg_proc WHERE pronamespace = 'public'::regnamespace`,
};

export async function databaseContents(url: string): Promise<DatabaseContents> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    const tables: Record<string, string[]> = {};
    const names = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    for (const { table_name: name } of names.rows) {
      const key = await client.query<{ attname: string }>(
        `SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
          WHERE i.indrelid = format('public.%I', $1::text)::regclass AND i.indisprimary ORDER BY array_position(i.indkey::int2[], a.attnum)`,
        [name],
      );
      const order = key.rows.length ? key.rows.map((r) => `t.${client.escapeIdentifier(r.attname)}`).join(', ') : 't::text';
      const rows = await client.query<{ row: string }>(`SELECT t::text AS row FROM public.${client.escapeIdentifier(name)} t ORDER BY ${order}`);
      tables[name] = rows.rows.map((r) => r.row);
    }
    const sequences = (await client.query(`SELECT sequencename AS name, last_value::text FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename`)).rows;
    const schema: Record<string, string[]> = {};
    for (const [part, sql] of Object.entries(SCHEMA_QUERIES)) schema[part] = (await client.query<{ line: string }>(`${sql} ORDER BY line`)).rows.map((r) => r.line);
    return { tables, sequences, schema };
  } finally {
    await client.end();
  }
}
