// The solver in a real worker thread: progress events, the result, cancellation.
import { describe, expect, it } from 'vitest';
import { generateInstance } from '../../server/solver/bench/generate';
import { runSolverInWorker, SolverCancelled } from '../../server/solver/run-in-worker';
import type { SolveProgress } from '../../server/solver/solve';
import { kronoberg2026 } from '../../shared/domain/presets';
import { planErrors } from '../../shared/domain/validate-plan';

describe('solver worker', () => {
  it('solves off the main thread and reports its phases', async () => {
    const events: SolveProgress[] = [];
    const run = runSolverInWorker(kronoberg2026.problem, { seed: 1, timeLimit: 10 }, (e) => events.push(e));
    const [plan] = await run.result;
    expect(plan?.status).toBe('optimal');
    expect(planErrors(kronoberg2026.problem, plan!)).toEqual([]);
    // The demo cohort reaches the capacity-free bound in the first local search: no master needed.
    expect(events.map((e) => e.phase)).toEqual(['model', 'construct', 'repair', 'first-valid', 'improve', 'done']);
    expect(events.at(-1)).toMatchObject({ objective: plan!.objective, bound: plan!.bound });
  });

  it('can be cancelled, and then gives no plan', async () => {
    const { problem } = generateInstance({ name: 't', region: 'mixed', doctors: 1500, seed: 1 });
    const run = runSolverInWorker(problem, { timeLimit: 60 });
    setTimeout(() => run.cancel(), 200);
    await expect(run.result).rejects.toBeInstanceOf(SolverCancelled);
  });
});
