// Reading a JSON file for a command-line tool: a missing file or broken JSON becomes one
// clear line, never a stack trace.
import { readFile } from 'node:fs/promises';

export type JsonFile = { ok: true; value: unknown } | { ok: false; message: string };

export async function readJsonFile(path: string): Promise<JsonFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, message: `${path}: cannot read the file (${code ?? 'error'})` };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, message: `${path}: not valid JSON (${(err as Error).message})` };
  }
}
