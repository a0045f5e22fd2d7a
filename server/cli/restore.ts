// npm run restore -- <file> [--force]: restores a backup made by `npm run backup` into the app's
// database (DATABASE_URL, else the embedded one in DATA_DIR; stop the server first). The
// database must be empty, or --force replaces everything in it; all or nothing either way.
// Exit 0 restored, 2 refused (usage, wrong or damaged file, database not empty, no tools), 1 failed.
import { readConfig } from '../config';
import { Refusal } from '../db/backup/pg-tools';
import { checkBackup, restoreDatabase } from '../db/backup/restore';
import { openTarget } from '../db/backup/target';
import { runCli } from './run';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const files = args.filter((a) => a !== '--force');
  if (files.length !== 1 || files[0]!.startsWith('-')) {
    console.error('usage: npm run restore -- <file> [--force]   (--force replaces everything in a database that is not empty)');
    return 2;
  }
  const config = readConfig();
  // The file first: a wrong one is refused before any database is started or touched.
  const backup = await checkBackup(files[0]!);
  const target = await openTarget(config, 'restore');
  try {
    const replaced = await restoreDatabase(target.url, backup, { force });
    console.log(
      `restore: ${backup.file} → ${target.label}${replaced ? ' (replaced what was there)' : ''} (PostgreSQL ${backup.dumpedFrom}, migration ${backup.migrations.at(-1)}); npm start migrates it on if it is older`,
    );
    return 0;
  } finally {
    await target.close();
  }
}

runCli('restore', main, (err) => err instanceof Refusal);
