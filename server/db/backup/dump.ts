// A backup: pg_dump of the app's database as a custom-format archive (one consistent snapshot,
// compressed), written next to the target as .partial and renamed only once it reads back
// as a BT-planeraren archive, so a failed run never leaves a file that looks like a backup.
import { execFile } from 'node:child_process';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { inspectArchive, type ArchiveFacts } from './archive';
import { connectionFor, databaseFacts, findPgTool, Refusal, type PgTool } from './pg-tools';

const run = promisify(execFile);

export interface BackupSummary extends ArchiveFacts {
  file: string;
  bytes: number;
  pgDump: PgTool;
}

export async function backupDatabase(url: string, file: string): Promise<BackupSummary> {
  const facts = await databaseFacts(url);
  if (!facts.migration) throw new Refusal('the database has no BT-planeraren tables (no migrations table): nothing to back up');
  const pgDump = await findPgTool('pg_dump', facts.major, 'closest');
  const pgRestore = await findPgTool('pg_restore', pgDump.major, 'closest');
  const partial = `${file}.partial`;
  // Personal data: readable by its owner only (pg_dump keeps the mode of a file it overwrites).
  await writeFile(partial, '', { mode: 0o600 }).catch((err: Error) => {
    throw new Refusal(`${file}: cannot write there (${err.message})`);
  });
  try {
    const { dbname, env } = connectionFor(url);
    await run(pgDump.path, ['--format=custom', `--file=${partial}`, `--dbname=${dbname}`], { env }).catch((err: { stderr?: string; message: string }) => {
      throw new Error(`pg_dump ${pgDump.version} failed: ${(err.stderr || err.message).trim()}`);
    });
    const archive = await inspectArchive(pgRestore, partial);
    await rename(partial, file);
    return { ...archive, file, bytes: (await stat(file)).size, pgDump };
  } finally {
    await rm(partial, { force: true });
  }
}
