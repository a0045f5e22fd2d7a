// npm run create-admin -- <email>: creates an admin account in the configured database
// (DATABASE_URL, else the embedded one in DATA_DIR — run it while the server is stopped).
// The password comes from ADMIN_PASSWORD or the first line of standard input.
import { createInterface } from 'node:readline';
import { userBodySchema } from '../../shared/api/auth';
import { formatIssue, fromZodIssues } from '../../shared/format/issues';
import { createUserIn } from '../auth/service';
import { readConfig } from '../config';
import { openDatabase } from '../db/database';
import { runCli } from './run';

async function readLine(): Promise<string> {
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) return line;
  return '';
}

async function main(): Promise<number> {
  const [email] = process.argv.slice(2);
  if (!email) {
    console.error('usage: npm run create-admin -- <email>   (password in ADMIN_PASSWORD or on standard input)');
    return 2;
  }
  if (!process.env.ADMIN_PASSWORD && process.stdin.isTTY) process.stderr.write('Lösenord (minst 12 tecken): ');
  const password = process.env.ADMIN_PASSWORD ?? (await readLine());
  const body = userBodySchema.safeParse({ email, password, role: 'admin' });
  if (!body.success) {
    for (const issue of fromZodIssues(body.error.issues)) console.error(formatIssue(issue));
    return 2;
  }
  const config = readConfig();
  const db = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    await db.dataSource.transaction((em) => createUserIn(em, body.data, 'create-admin'));
    console.log(`create-admin: ${body.data.email} can now sign in as admin`);
    return 0;
  } finally {
    await db.close();
  }
}

runCli('create-admin', main);
