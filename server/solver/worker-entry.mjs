// Worker entry in plain JavaScript: registers tsx in this thread, then loads the TypeScript
// module named in workerData.entry (relative to this folder).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(new URL(workerData.entry, import.meta.url).href);
