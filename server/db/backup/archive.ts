// What a backup file is, read with pg_restore before anything is written anywhere: a pg_dump
// custom-format archive of a BT-planeraren database, and which migrations it was made at.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Refusal, type PgTool } from './pg-tools';

const run = promisify(execFile);

export interface ArchiveFacts {
  /** Server and pg_dump versions named in the archive's header. */
  dumpedFrom: string;
  dumpedBy: string;
  /** Names of the migrations the database had, in order. */
  migrations: string[];
}

async function pgRestore(tool: PgTool, file: string, args: string[]): Promise<string> {
  try {
    return (await run(tool.path, [...args, file], { maxBuffer: 64 * 1024 * 1024 })).stdout;
  } catch (err) {
    const stderr = String((err as { stderr?: string }).stderr ?? (err as Error).message).trim();
    throw new Refusal(`${file}: not a readable pg_dump archive, or a damaged one (${stderr.split('\n')[0]})`);
  }
}

export async function inspectArchive(tool: PgTool, file: string): Promise<ArchiveFacts> {
  const toc = await pgRestore(tool, file, ['--list']);
  const header = (label: string) => new RegExp(`^;\\s+${label}: (.+)$`, 'm').exec(toc)?.[1]?.trim() ?? '?';
  if (!/^\d+; \d+ \d+ TABLE DATA public migrations /m.test(toc)) {
    throw new Refusal(`${file}: a pg_dump archive, but not of a BT-planeraren database (it has no migrations table data)`);
  }
  // The migrations table's rows as COPY text: id, timestamp, name.
  const copy = await pgRestore(tool, file, ['--data-only', '--schema=public', '--table=migrations', '--file=-']);
  const rows = /^COPY public\.migrations [^\n]*FROM stdin;\n([\s\S]*?)^\\\.$/m.exec(copy)?.[1] ?? '';
  const migrations = rows
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t'))
    .sort((a, b) => Number(a[0]) - Number(b[0]))
    .map((fields) => fields[2]!);
  if (migrations.length === 0) throw new Refusal(`${file}: the archive's migrations table is empty: not a BT-planeraren backup`);
  return { dumpedFrom: header('Dumped from database version'), dumpedBy: header('Dumped by pg_dump version'), migrations };
}
