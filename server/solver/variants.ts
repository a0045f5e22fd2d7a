// Several good plans for side-by-side comparison: the same search under different weightings
// of the soft goals, keeping only plans that differ. Each plan's stats name its weighting and
// carry its objective parts.
import type { Plan } from '../../shared/format/plan';
import type { Problem } from '../../shared/format/problem';
import { DEFAULT_WEIGHTS, type Weights } from './heuristic';
import { solve, type SolveOptions } from './solve';

export const WEIGHTINGS: { name: string; weights: Weights }[] = [
  { name: 'balanced', weights: DEFAULT_WEIGHTS },
  { name: 'wishes-first', weights: { ...DEFAULT_WEIGHTS, wish: 40 } },
  { name: 'home-town-first', weights: { ...DEFAULT_WEIGHTS, homeTown: 15 } },
  { name: 'whole-placements', weights: { ...DEFAULT_WEIGHTS, vacationCut: 12 } },
  { name: 'fewest-changes', weights: { ...DEFAULT_WEIGHTS, change: 25, urgentChange: 100 } },
  { name: 'fair-wishes', weights: { ...DEFAULT_WEIGHTS, fairness: 30 } },
];

export async function solveVariants(problem: Problem, count: number, options: SolveOptions = {}): Promise<Plan[]> {
  const weightings = WEIGHTINGS.slice(0, Math.max(1, Math.min(count, WEIGHTINGS.length)));
  const timeLimit = (options.timeLimit ?? 30) / weightings.length;
  const plans: Plan[] = [];
  const seen = new Set<string>();
  for (const { name, weights } of weightings) {
    const plan = await solve(problem, { ...options, timeLimit, weights });
    const key = JSON.stringify(plan.assignments);
    if (seen.has(key)) continue;
    seen.add(key);
    plans.push({ ...plan, stats: { ...plan.stats, variant: name, weights } });
    // An infeasible problem has one answer, whatever the weights.
    if (plan.status === 'infeasible') break;
  }
  return plans;
}
