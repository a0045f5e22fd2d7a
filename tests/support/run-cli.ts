// Runs one of our command-line tools as a user would: a real Node process through tsx.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function runCli(script: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runCliWith({}, script, ...args);
}

/** The same with extra environment variables (DATABASE_URL, DATA_DIR…). */
export async function runCliWith(env: NodeJS.ProcessEnv, script: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', script, ...args], { env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
