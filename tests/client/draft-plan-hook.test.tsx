// @vitest-environment happy-dom
// useDraftPlan: which version a board shows, edits drawn at once and saved one after another on
// the version the last save gave, and an undo history that outlives a solver run — undo returns to
// the draft shown before the run's new draft, then undoes that draft's edits. An answer for a
// cohort no longer shown is dropped.
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlanResource, PlanSummary } from '../../shared/api/plans';
import type { Assignment } from '../../shared/format/plan';
import { defaultVersion, useDraftPlan, type DraftPlanCalls } from '../../client/src/hooks/useDraftPlan';

afterEach(cleanup);

const A = 'cohort-a';
const B = 'cohort-b';
const placed = (from: string, to: string): Assignment => ({ doctor: 'd1', block: 'im', site: 'med', from, to });

function aPlan(uuid: string, cohort: string, number: number, status: PlanSummary['status'], assignments: Assignment[], version = 1): PlanResource {
  return {
    uuid,
    version,
    cohort,
    number,
    status,
    createdBy: 'koordinator',
    createdAt: '2026-09-16T10:00:00Z',
    publishedAt: status === 'draft' ? null : '2026-09-16T10:00:00Z',
    objective: null,
    bound: null,
    assignments: assignments.map((a, i) => ({ ...a, placement: `p${i}`, sequence: 0 })),
    violations: [],
    pastChanges: [],
  };
}
const summary = ({ assignments: _a, violations: _v, pastChanges: _p, ...rest }: PlanResource): PlanSummary => rest;

/** A server in memory: plans by id, edits bump the version. */
function fakeServer(plans: PlanResource[]) {
  const store = new Map(plans.map((p) => [p.uuid, p]));
  const calls = {
    plans: vi.fn(async (cohort: string) => [...store.values()].filter((p) => p.cohort === cohort).map(summary)),
    plan: vi.fn(async (id: string) => store.get(id)!),
    editPlan: vi.fn(async (id: string, version: number, assignments: Assignment[]) => {
      const was = store.get(id)!;
      if (version !== was.version) throw new Error('stale version');
      const next = aPlan(id, was.cohort, was.number, was.status, assignments, was.version + 1);
      store.set(id, next);
      return next;
    }),
  };
  return { store, calls: calls as unknown as DraftPlanCalls & typeof calls };
}

describe('defaultVersion', () => {
  it('is the newest draft made since the publication, else the published plan', () => {
    const v = (number: number, status: PlanSummary['status']) => summary(aPlan(`v${number}`, A, number, status, []));
    expect(defaultVersion([v(1, 'archived'), v(2, 'published'), v(3, 'draft'), v(4, 'draft')])?.uuid).toBe('v4');
    expect(defaultVersion([v(1, 'draft'), v(2, 'published')])?.uuid).toBe('v2');
    expect(defaultVersion([v(1, 'draft')])?.uuid).toBe('v1');
    expect(defaultVersion([])).toBeUndefined();
  });
});

describe('useDraftPlan', () => {
  const first = placed('2026-03-02', '2026-05-04');
  const moved = placed('2026-03-09', '2026-05-11');
  const movedAgain = placed('2026-03-16', '2026-05-18');

  it('draws an edit at once and saves edits in order, each on the version the last save gave', async () => {
    const { calls, store } = fakeServer([aPlan('pub', A, 1, 'published', [first]), aPlan('d2', A, 2, 'draft', [first])]);
    const { result } = renderHook(() => useDraftPlan(A, undefined, { onFailure: vi.fn(), onOpen: vi.fn(), calls }));
    await vi.waitFor(() => expect(result.current.plan?.uuid).toBe('d2'));
    expect(result.current.published?.uuid).toBe('pub');
    expect(result.current.editable).toBe(true);
    act(() => result.current.edit([moved]));
    expect(result.current.assignments).toEqual([moved]);
    act(() => result.current.edit([movedAgain]));
    expect(result.current.assignments).toEqual([movedAgain]);
    await vi.waitFor(() => expect(result.current.plan?.version).toBe(3));
    expect(calls.editPlan.mock.calls.map(([, version, list]) => [version, list])).toEqual([
      [1, [moved]],
      [2, [movedAgain]],
    ]);
    expect(store.get('d2')!.assignments[0]).toMatchObject(movedAgain);
  });

  it('keeps undo across a solver run: back to the draft before the run, then its own edits', async () => {
    const { calls, store } = fakeServer([aPlan('pub', A, 1, 'published', [first]), aPlan('d2', A, 2, 'draft', [first])]);
    const onOpen = vi.fn();
    const { result, rerender } = renderHook(({ plan }) => useDraftPlan(A, plan, { onFailure: vi.fn(), onOpen, calls }), {
      initialProps: { plan: undefined as string | undefined },
    });
    await vi.waitFor(() => expect(result.current.plan?.uuid).toBe('d2'));
    act(() => result.current.edit([moved]));
    await vi.waitFor(() => expect(result.current.plan?.version).toBe(2));
    // The run's result is a new draft; the board shows it (and its address names it).
    const fromRun = aPlan('d3', A, 3, 'draft', [movedAgain]);
    store.set('d3', fromRun);
    act(() => result.current.adopt(fromRun));
    rerender({ plan: 'd3' });
    await vi.waitFor(() => expect(result.current.versions.map((v) => v.uuid)).toContain('d3'));
    expect(result.current.plan?.uuid).toBe('d3');
    expect(result.current.canUndo).toBe(true);
    // Undo: to the draft before the run, which is still there.
    act(() => result.current.undo());
    expect(onOpen).toHaveBeenCalledWith('d2');
    rerender({ plan: 'd2' });
    await vi.waitFor(() => expect(result.current.plan?.uuid).toBe('d2'));
    expect(result.current.assignments).toEqual([moved]);
    expect(calls.editPlan).toHaveBeenCalledTimes(1);
    // Undo again: that draft's own edit.
    act(() => result.current.undo());
    expect(result.current.assignments).toEqual([first]);
    await vi.waitFor(() => expect(store.get('d2')!.assignments[0]).toMatchObject(first));
    expect(result.current.canUndo).toBe(false);
    expect(store.has('d3')).toBe(true);
  });

  it('shows a published or archived version read-only', async () => {
    const { calls } = fakeServer([aPlan('old', A, 1, 'archived', [first]), aPlan('pub', A, 2, 'published', [moved])]);
    const { result } = renderHook(() => useDraftPlan(A, 'old', { onFailure: vi.fn(), onOpen: vi.fn(), calls }));
    await vi.waitFor(() => expect(result.current.plan?.uuid).toBe('old'));
    expect(result.current.editable).toBe(false);
    act(() => result.current.edit([movedAgain]));
    expect(calls.editPlan).not.toHaveBeenCalled();
    expect(result.current.assignments).toEqual([first]);
  });

  it("drops a cohort's answers that arrive after another cohort is shown, and its undo history", async () => {
    const { calls } = fakeServer([aPlan('a1', A, 1, 'draft', [first]), aPlan('b1', B, 1, 'draft', [moved])]);
    let releaseA: () => void = () => {};
    const slowA = new Promise<void>((resolve) => (releaseA = resolve));
    const plans = calls.plans.getMockImplementation()!;
    calls.plans.mockImplementation(async (cohort: string) => (cohort === A ? slowA.then(() => plans(cohort)) : plans(cohort)));
    const { result, rerender } = renderHook(({ cohort }) => useDraftPlan(cohort, undefined, { onFailure: vi.fn(), onOpen: vi.fn(), calls }), {
      initialProps: { cohort: A },
    });
    rerender({ cohort: B });
    await vi.waitFor(() => expect(result.current.plan?.uuid).toBe('b1'));
    await act(async () => releaseA());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(result.current.plan?.uuid).toBe('b1');
    expect(result.current.versions.map((v) => v.uuid)).toEqual(['b1']);
  });
});
