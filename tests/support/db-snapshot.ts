// A fingerprint of every application table (row count and a hash of its rows), to prove that a
// refused request wrote nothing: take one before, one after, and compare.
import type { DataSource } from 'typeorm';

export interface Snapshot {
  /** Where PostgreSQL's write-ahead log stood just before the tables were read. */
  wal: string;
  tables: Map<string, { rows: number; hash: string }>;
}

export interface Snapshotter {
  /**
   * The tables now. Given the previous snapshot, it is returned as it is when the write-ahead log
   * has not moved since: no change can commit without writing to the log, so nothing changed
   * (most refusals write nothing at all, and one cheap query is enough for them).
   */
  take(previous?: Snapshot): Promise<Snapshot>;
}

/** The tables are read once from information_schema; every full snapshot is then one query. */
export async function snapshotter(ds: DataSource): Promise<Snapshotter> {
  const tables: { table_name: string }[] = await ds.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const sql = tables
    .map(
      ({ table_name: name }) =>
        // A sum of row hashes does not depend on the rows' order, so no sort is needed.
        `SELECT '${name.replace(/'/g, "''")}' AS name, count(*)::int AS rows, coalesce(sum(hashtextextended(t::text, 0)::numeric), 0)::text AS hash FROM ${quote(name)} t`,
    )
    .join('\nUNION ALL\n');
  const walNow = async (): Promise<string> => (await ds.query('SELECT pg_current_wal_insert_lsn()::text AS wal'))[0].wal;
  return {
    async take(previous) {
      const wal = await walNow();
      if (previous && previous.wal === wal) return previous;
      const rows: { name: string; rows: number; hash: string }[] = await ds.query(sql);
      return { wal, tables: new Map(rows.map((r) => [r.name, { rows: r.rows, hash: r.hash }])) };
    },
  };
}

/** The tables whose rows differ, e.g. ["sites (12 → 13 rows)", "audit_log (changed)"]. */
export function changedTables(before: Snapshot, after: Snapshot, ignore: readonly string[] = []): string[] {
  const changed: string[] = [];
  for (const [name, a] of after.tables) {
    if (ignore.includes(name)) continue;
    const b = before.tables.get(name);
    if (!b) changed.push(`${name} (new table)`);
    else if (b.rows !== a.rows) changed.push(`${name} (${b.rows} → ${a.rows} rows)`);
    else if (b.hash !== a.hash) changed.push(`${name} (changed)`);
  }
  return changed;
}
