// The solver's worker thread: solves the problem it is given and posts progress and the plan.
import { parentPort, workerData } from 'node:worker_threads';
import type { Problem } from '../../shared/format/problem';
import { solve } from './solve';
import type { WorkerMessage, WorkerOptions } from './run-in-worker';
import type { SolveProgress } from './solve';
import { solveVariants } from './variants';

const { problem, options } = workerData as { problem: Problem; options: WorkerOptions };
const post = (message: WorkerMessage) => parentPort!.postMessage(message);
const onProgress = (event: SolveProgress) => post({ type: 'progress', ...event });
const plans = options.variants
  ? await solveVariants(problem, options.variants, { ...options, onProgress })
  : [await solve(problem, { ...options, onProgress })];
post({ type: 'result', plans });
