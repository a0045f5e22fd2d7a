// npm run preset -- <preset-id> <dir>: writes a built-in preset's problem.json and plan.json,
// to look at, edit and check with `npm run validate`.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PRESETS } from '../../shared/domain/presets';

const [id, dir] = process.argv.slice(2);
const preset = PRESETS.find((p) => p.id === id);
if (!preset || !dir) {
  console.error(`usage: npm run preset -- <${PRESETS.map((p) => p.id).join('|')}> <dir>`);
  process.exit(2);
}
await mkdir(dir, { recursive: true });
await writeFile(join(dir, 'problem.json'), `${JSON.stringify(preset.problem, null, 2)}\n`);
await writeFile(join(dir, 'plan.json'), `${JSON.stringify(preset.plan, null, 2)}\n`);
console.log(`${preset.problem.name}: ${join(dir, 'problem.json')}, ${join(dir, 'plan.json')}`);
