// The reference formulation in its own thread for the benchmark, so its HiGHS memory is
// released when the thread ends and the rss figures belong to our solver alone.
import { parentPort, workerData } from 'node:worker_threads';
import { solveReference } from '../reference';
import { generateInstance, type InstanceSpec } from './generate';

const { spec, timeLimit } = workerData as { spec: InstanceSpec; timeLimit: number };
const { problem } = generateInstance(spec);
// Timed here, like ours in the main thread: model building and solving, not thread start-up.
const started = performance.now();
const plan = await solveReference(problem, { timeLimit });
parentPort!.postMessage({ plan, seconds: (performance.now() - started) / 1000 });
