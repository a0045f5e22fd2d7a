// @vitest-environment happy-dom
// useSolverRun: a run is started for the cohort shown, followed until it ends and handed over
// once; a run belongs to its cohort — after switching to another cohort its end never reaches the
// board, and it is no longer followed.
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SolverRun } from '../../shared/api/solver-runs';
import { useSolverRun, type SolverRunCalls } from '../../client/src/hooks/useSolverRun';

afterEach(cleanup);

const A = 'cohort-a';
const B = 'cohort-b';

function aRun(cohort: string, status: SolverRun['status'], extra: Partial<SolverRun> = {}): SolverRun {
  return {
    uuid: `run-${cohort}`,
    cohort,
    status,
    parameters: { timeLimit: 30, seed: 1 },
    progress: null,
    plans: null,
    error: null,
    createdAt: '2026-09-16T10:00:00Z',
    startedAt: null,
    plan: status === 'succeeded' ? `draft-of-${cohort}` : null,
    finishedAt: null,
    ...extra,
  };
}

/** Calls whose answers the test hands out one by one: each poll waits for `answer()`. */
function scriptedCalls() {
  const waiting: ((run: SolverRun) => void)[] = [];
  const calls = {
    startSolver: vi.fn(async (cohort: string) => aRun(cohort, 'queued')),
    solverRun: vi.fn(() => new Promise<SolverRun>((resolve) => waiting.push(resolve))),
    cancelSolver: vi.fn(async (id: string) => aRun(id.replace('run-', ''), 'cancelled')),
  };
  const answer = async (run: SolverRun) => {
    await vi.waitFor(() => expect(waiting.length).toBeGreaterThan(0));
    await act(async () => waiting.shift()!(run));
  };
  return { calls: calls as unknown as SolverRunCalls & typeof calls, answer };
}

describe('useSolverRun', () => {
  it('follows a run through its phases and hands the finished run over once', async () => {
    const { calls, answer } = scriptedCalls();
    const onFinished = vi.fn();
    const { result } = renderHook(() => useSolverRun(A, { onFinished, onFailure: vi.fn(), pollMs: 1, calls }));
    act(() => result.current.start({ frozenBefore: '2026-09-21' }));
    expect(calls.startSolver).toHaveBeenCalledWith(A, { frozenBefore: '2026-09-21' });
    await vi.waitFor(() => expect(result.current.run?.status).toBe('queued'));
    expect(result.current.solving).toBe(true);
    await answer(aRun(A, 'running', { progress: { phase: 'improve', objective: 12, bound: 9, elapsedSeconds: 3 } }));
    expect(result.current.run?.progress).toEqual({ phase: 'improve', objective: 12, bound: 9, elapsedSeconds: 3 });
    await answer(aRun(A, 'succeeded'));
    await vi.waitFor(() => expect(onFinished).toHaveBeenCalledTimes(1));
    expect(onFinished.mock.calls[0]![0]).toMatchObject({ cohort: A, status: 'succeeded', plan: `draft-of-${A}` });
    expect(result.current.solving).toBe(false);
    expect(calls.solverRun).toHaveBeenCalledTimes(2);
  });

  it("never puts a run's result on another cohort's board: switching cohorts drops the run and stops following it", async () => {
    const { calls, answer } = scriptedCalls();
    const onFinished = vi.fn();
    const { result, rerender } = renderHook(({ cohort }) => useSolverRun(cohort, { onFinished, onFailure: vi.fn(), pollMs: 1, calls }), { initialProps: { cohort: A } });
    act(() => result.current.start());
    await vi.waitFor(() => expect(calls.solverRun).toHaveBeenCalledTimes(1));
    rerender({ cohort: B });
    expect(result.current.run).toBeUndefined();
    // A's run ends after the switch: nothing reaches B, and A's run is not polled again.
    await answer(aRun(A, 'succeeded'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(onFinished).not.toHaveBeenCalled();
    expect(result.current.run).toBeUndefined();
    expect(calls.solverRun).toHaveBeenCalledTimes(1);
  });

  it('cancels the run it follows', async () => {
    const { calls, answer } = scriptedCalls();
    const onFinished = vi.fn();
    const { result } = renderHook(() => useSolverRun(A, { onFinished, onFailure: vi.fn(), pollMs: 1, calls }));
    act(() => result.current.start());
    await vi.waitFor(() => expect(result.current.run).toBeDefined());
    act(() => result.current.cancel());
    expect(calls.cancelSolver).toHaveBeenCalledWith(`run-${A}`);
    await answer(aRun(A, 'cancelled'));
    await vi.waitFor(() => expect(onFinished).toHaveBeenCalledWith(expect.objectContaining({ status: 'cancelled' })));
  });
});
