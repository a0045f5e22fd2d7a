// @vitest-environment happy-dom
// The board's words: a first publication says every placement is new, a later one lists what
// changes for whom; a replanned draft says how many placements and doctors change and whose BT
// ends later; variants that came out as the same plan say so; a draft that rewrites served
// weeks is named by doctor and block with what the draft has instead.
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChangeSummary } from '../../client/src/components/board/ChangeSummary';
import { SolverProgress } from '../../client/src/components/board/SolverProgress';
import { PastChangeList } from '../../client/src/components/board/PastChangeList';
import { planWords } from '../../client/src/components/board/plan-words';
import { PublishDialog } from '../../client/src/components/board/PublishDialog';
import { VariantsTable } from '../../client/src/components/board/VariantsTable';
import { pastChanges } from '../../shared/domain/past-record';
import { planDiff } from '../../shared/domain/plan-diff';
import { vasternorrlandVt2026 } from '../../shared/domain/presets';
import { changeSummary } from '../../shared/domain/replanning';
import { addWeeks, formatWeek } from '../../shared/domain/weeks';
import type { SolverRun } from '../../shared/api/solver-runs';
import type { Assignment, Plan } from '../../shared/format/plan';

afterEach(cleanup);
const { problem, plan } = vasternorrlandVt2026;
const words = planWords(problem, 'sv');
const first = problem.doctors[0]!;
/** The first doctor's last placement two weeks longer (a leave of two weeks before it). */
const extended: Assignment[] = (() => {
  const last = plan.assignments.filter((a) => a.doctor === first.id).sort((a, b) => b.to.localeCompare(a.to))[0]!;
  return plan.assignments.map((a) => (a === last ? { ...a, to: addWeeks(a.to, 2) } : a));
})();

describe('PublishDialog', () => {
  it('says every placement is new the first time', () => {
    const { container } = render(<PublishDialog changes={undefined} draft={plan.assignments} pastChanges={[]} words={words} onPublish={vi.fn()} onCancel={vi.fn()} />);
    expect(container.querySelector('p')!.textContent).toBe(`Publicera planen? Det är den första publiceringen: alla ${plan.assignments.length} placeringar är nya.`);
    expect(container.querySelectorAll('.changes li')).toHaveLength(0);
  });

  it('lists what changes for whom, and a refusal in the server’s words instead of the warning', () => {
    const changes = planDiff(plan.assignments, extended);
    const { container, rerender } = render(<PublishDialog changes={changes} draft={extended} pastChanges={[]} words={words} onPublish={vi.fn()} onCancel={vi.fn()} />);
    expect(container.querySelector('p')!.textContent).toBe('Publicera planen? Ändringar:');
    expect([...container.querySelectorAll('.changes li')].map((li) => li.textContent)).toEqual([expect.stringMatching(new RegExp(`^${first.name} · `))]);
    rerender(<PublishDialog changes={changes} draft={extended} pastChanges={[]} words={words} failure={'Planen kan inte publiceras\nrad'} onPublish={vi.fn()} onCancel={vi.fn()} />);
    expect(container.querySelector('[role=alert]')!.textContent).toBe('Planen kan inte publiceras\nrad');
  });
});

describe('ChangeSummary', () => {
  it('counts placements and doctors and names whose BT ends later, from which week', () => {
    const summary = changeSummary(plan.assignments, extended);
    expect([summary.placements, summary.doctors]).toEqual([1, 1]);
    const { container } = render(<ChangeSummary summary={summary} replannedFrom="2026-10-05" words={words} />);
    expect(container.querySelector('p')!.textContent).toBe(
      'Omplanerat från v. 41 2026: inget före den veckan ändras. Jämfört med den publicerade planen ändras 1 placering för 1 läkare.',
    );
    const [end] = summary.endsMoved;
    expect(end).toEqual({ doctor: first.id, before: end!.before, after: addWeeks(end!.before, 2) });
    const lastWeek = (to: string) => formatWeek(addWeeks(to, -1));
    expect(container.querySelector(`[data-doctor-end="${first.id}"]`)!.textContent).toBe(`${first.name}: BT förlängs, sista veckan ${lastWeek(end!.before)} → ${lastWeek(end!.after)}`);
  });
});

describe('PastChangeList', () => {
  it('names the doctor, the block and the served weeks, and what the draft has instead', () => {
    const started = plan.assignments.find((a) => a.doctor === first.id && a.site !== null)!;
    const draft = plan.assignments.map((a) => (a === started ? { ...a, from: addWeeks(a.from, 1), to: addWeeks(a.to, 1) } : a));
    const changes = pastChanges(plan.assignments, draft, '2026-09-16');
    const { container } = render(<PastChangeList changes={changes} draft={draft} words={words} />);
    const line = container.querySelector(`[data-past-change="${first.id}/${started.block}"]`)!.textContent!;
    expect(line.startsWith(`${first.name} · ${words.block(started.block)}, `)).toBe(true);
    expect(line).toContain(`påbörjat eller gjort, men i utkastet ${words.where({ ...started, from: addWeeks(started.from, 1), to: addWeeks(started.to, 1) })}`);
  });
});

describe('SolverProgress', () => {
  const run = (status: SolverRun['status'], progress: SolverRun['progress']): SolverRun => ({
    uuid: 'r',
    cohort: 'c',
    status,
    parameters: { timeLimit: 30, seed: 1 },
    progress,
    plans: null,
    error: null,
    createdAt: '2026-09-16T10:00:00Z',
    startedAt: null,
    plan: null,
    finishedAt: null,
  });
  const words = (r: SolverRun) => render(<SolverProgress run={r} onCancel={vi.fn()} />).container.querySelector('[role=status]')!.textContent;

  it('says the phase in words, the time it has run, the objective and the bound', () => {
    expect(words(run('queued', null))).toBe('Planerar: i kö');
    expect(words(run('running', null))).toBe('Planerar: startar');
    expect(words(run('running', { phase: 'repair', overloaded: 4, elapsedSeconds: 0.6 }))).toBe('Planerar: flyttar bort överbeläggning · 4 överbelagda arbetsplatsveckor kvar · 1 s');
    expect(words(run('running', { phase: 'improve', objective: 12, bound: 9, elapsedSeconds: 3.4 }))).toBe('Planerar: förbättrar planen · 3 s · Målvärde 12 · undre gräns 9');
    expect(words(run('running', { phase: 'first-valid', objective: 14, elapsedSeconds: 0.4 }))).toBe('Planerar: första giltiga plan · 0 s · Målvärde 14');
  });
});

describe('VariantsTable', () => {
  const variant = (name: string, assignments: Assignment[]): Plan => ({ format: 'bt-plan/1', assignments, explanation: [], stats: { variant: name } });

  it('says when every variant came out as the same plan', () => {
    const { container } = render(<VariantsTable plans={[variant('balanced', plan.assignments), variant('wishes', plan.assignments)]} problem={problem} onChoose={vi.fn()} />);
    expect(container.querySelector('.variants-same')!.textContent).toBe('Alla varianter blev samma plan: vikterna ändrade ingenting för den här kohorten.');
  });

  it('marks a variant that repeats an earlier one, and nothing when all differ', () => {
    const three = [variant('balanced', plan.assignments), variant('wishes', extended), variant('home', plan.assignments)];
    const { container } = render(<VariantsTable plans={three} problem={problem} onChoose={vi.fn()} />);
    expect(container.querySelector('.variants-same')).toBeNull();
    expect([...container.querySelectorAll('tbody tr[data-variant] td:first-child')].map((td) => td.textContent)).toEqual(['balanced', 'wishes', 'home (samma plan som balanced)']);
  });
});
