// A solver run started from the board: start, follow (poll) and cancel. A run belongs to its
// cohort: once another cohort is shown the run is no longer followed here (it still ends on the
// server, its draft in its own cohort), and a run that ends for another cohort than the one shown
// never reaches the board.
import { useEffect, useRef, useState } from 'react';
import type { SolverRun, SolverRunStart } from '../../../shared/api/solver-runs';
import { api } from '../api/client';

export type SolverRunCalls = Pick<typeof api, 'startSolver' | 'solverRun' | 'cancelSolver'>;

export interface SolverRunOptions {
  /** The run ended (succeeded, failed or cancelled) while its cohort is still the one shown. */
  onFinished: (run: SolverRun) => void;
  onFailure: (err: unknown) => void;
  pollMs?: number;
  calls?: SolverRunCalls;
}

export const isActive = (run: SolverRun | undefined): boolean => run?.status === 'queued' || run?.status === 'running';

const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

export function useSolverRun(cohort: string | undefined, { onFinished, onFailure, pollMs = 400, calls = api }: SolverRunOptions) {
  const [run, setRun] = useState<SolverRun>();
  const following = useRef<AbortController | undefined>(undefined);
  const shownCohort = useRef(cohort);
  const handlers = useRef({ onFinished, onFailure });
  handlers.current = { onFinished, onFailure };

  useEffect(() => {
    shownCohort.current = cohort;
    setRun(undefined);
    // Leaving the cohort (or the page) stops following its run.
    return () => following.current?.abort();
  }, [cohort]);

  const follow = async (started: Promise<SolverRun>, signal: AbortSignal) => {
    let current = await started;
    while (!signal.aborted) {
      setRun(current);
      if (!isActive(current)) break;
      await pause(pollMs, signal);
      if (signal.aborted) break;
      current = await calls.solverRun(current.uuid);
    }
    if (signal.aborted || current.cohort !== shownCohort.current) return;
    handlers.current.onFinished(current);
  };

  return {
    run,
    solving: isActive(run),
    /** Starts a run for the cohort shown (replanning against its published plan when `frozenBefore` is given). */
    start(body: Partial<SolverRunStart> = {}) {
      if (!cohort) return;
      following.current?.abort();
      const controller = new AbortController();
      following.current = controller;
      follow(calls.startSolver(cohort, body), controller.signal).catch((err: unknown) => !controller.signal.aborted && handlers.current.onFailure(err));
    },
    cancel() {
      if (!run) return;
      calls.cancelSolver(run.uuid).catch((err: unknown) => handlers.current.onFailure(err));
    },
  };
}

export type SolverRunState = ReturnType<typeof useSolverRun>;
