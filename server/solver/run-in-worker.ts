// Runs the solver off the calling thread: a worker per run, progress as events, cancel by
// terminating the worker (nothing is half-written: the plan only exists once it is posted).
import { Worker } from 'node:worker_threads';
import type { Plan } from '../../shared/format/plan';
import type { Problem } from '../../shared/format/problem';
import type { SolveProgress } from './solve';

export interface WorkerOptions {
  seed?: number;
  timeLimit?: number;
  variants?: number;
}

export type WorkerMessage = ({ type: 'progress' } & SolveProgress) | { type: 'result'; plans: Plan[] };

export class SolverCancelled extends Error {
  constructor() {
    super('solver run cancelled');
  }
}

export interface SolverRun {
  result: Promise<Plan[]>;
  cancel(): void;
}

export function runSolverInWorker(problem: Problem, options: WorkerOptions, onProgress?: (p: SolveProgress) => void): SolverRun {
  // The worker is TypeScript: its plain-JS entry registers tsx in the new thread first.
  const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), { workerData: { entry: './worker.ts', problem, options } });
  let cancelled = false;
  const result = new Promise<Plan[]>((resolve, reject) => {
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') {
        const { type: _type, ...progress } = message;
        onProgress?.(progress);
      }
      else {
        resolve(message.plans);
        void worker.terminate();
      }
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (cancelled) reject(new SolverCancelled());
      else if (code !== 0) reject(new Error(`solver worker exited with code ${code}`));
    });
  });
  return {
    result,
    cancel: () => {
      cancelled = true;
      void worker.terminate();
    },
  };
}
