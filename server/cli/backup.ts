// npm run backup -- <file>: writes the app's database (DATABASE_URL, else the embedded one in
// DATA_DIR, also while `npm start` runs) to <file> as a pg_dump custom-format archive.
// Exit 0 written, 2 refused (usage, no database, no fitting pg_dump), 1 failed.
import { readConfig } from '../config';
import { backupDatabase } from '../db/backup/dump';
import { Refusal } from '../db/backup/pg-tools';
import { openTarget } from '../db/backup/target';
import { runCli } from './run';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.length !== 1 || args[0]!.startsWith('-')) {
    console.error('usage: npm run backup -- <file>   (DATABASE_URL, else the embedded database in DATA_DIR)');
    return 2;
  }
  const config = readConfig();
  const target = await openTarget(config, 'backup');
  try {
    const backup = await backupDatabase(target.url, args[0]!);
    console.log(
      `backup: ${target.label} → ${backup.file} (${(backup.bytes / 1024).toFixed(0)} KiB, PostgreSQL ${backup.dumpedFrom}, pg_dump ${backup.dumpedBy}, migration ${backup.migrations.at(-1)})`,
    );
    return 0;
  } finally {
    await target.close();
  }
}

runCli('backup', main, (err) => err instanceof Refusal);
