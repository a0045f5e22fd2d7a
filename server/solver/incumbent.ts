// The best valid plan a solve has seen: every plan it keeps has passed the shared checker
// (planErrors), so whatever solve() hands out as a plan is one validatePlan accepts, whatever
// the search's own bookkeeping believed.
import { planErrors } from '../../shared/domain/validate-plan';
import type { Violation } from '../../shared/domain/violations';
import type { Assignment } from '../../shared/format/plan';
import type { Problem } from '../../shared/format/problem';
import type { Choice, LayoutSearch, ObjectiveParts } from './heuristic';
import type { SolverModel } from './model';

export interface KeptPlan {
  choices: Choice[];
  objective: number;
  parts: ObjectiveParts;
  assignments: Assignment[];
}

export class Incumbent {
  best: KeptPlan | undefined;
  /** The checker's errors for the last plan the search held without overload that the checker still rejected. */
  rejected: Violation[] | undefined;
  /** The problem the plan must satisfy (rulesOf). */
  private readonly rules: Problem;

  constructor(
    private readonly model: SolverModel,
    private readonly search: LayoutSearch,
  ) {
    this.rules = rulesOf(model);
  }

  /**
   * Offers the search's current plan: kept when it has no overload, costs less than the plan
   * kept, and the checker finds no error. True when kept.
   */
  offer(): boolean {
    if (this.search.overloadedCount() > 0) return false;
    const parts = this.search.objectiveParts();
    const objective = this.search.objective(parts);
    if (this.best && objective >= this.best.objective - 1e-9) return false;
    return this.check(parts, objective);
  }

  /**
   * The final gate: checks the search's current plan whatever its cost, keeping it when it is
   * valid and no worse than the plan kept (the plan in hand wins a tie). False when it has
   * overload or the checker rejects it.
   */
  gate(): boolean {
    if (this.search.overloadedCount() > 0) return false;
    const parts = this.search.objectiveParts();
    const objective = this.search.objective(parts);
    return this.check(parts, objective, 1e-9);
  }

  /** Keeps the plan when the checker accepts it and it costs less than the kept one (by `slack`, more). */
  private check(parts: ObjectiveParts, objective: number, slack = -1e-9): boolean {
    const assignments = assignmentsOf(this.model, this.search);
    const errors = planErrors(this.rules, { assignments });
    if (errors.length > 0) {
      this.rejected = errors;
      return false;
    }
    if (!this.best || objective < this.best.objective + slack) {
      this.best = { choices: this.search.choices.slice() as Choice[], objective, parts, assignments };
    }
    return true;
  }
}

/**
 * The problem a plan must satisfy: the doctors as the model holds them, whose pins include
 * what replanning froze (the published past wins over a new pin that contradicts it).
 */
export function rulesOf(model: SolverModel): Problem {
  return { ...model.problem, doctors: model.doctors.map((dm) => dm.doctor) };
}

/** The search's plan as `bt-plan/1` assignments, each doctor's in time order. */
export function assignmentsOf(model: SolverModel, search: LayoutSearch): Assignment[] {
  const week = (w: number) => model.weekNames[w - model.firstWeek]!;
  return model.doctors.flatMap((dm, d) => {
    const choice = search.choices[d]!;
    const layout = dm.layouts[choice.layout]!;
    const doctor = dm.doctor.id;
    const list: Assignment[] = [
      ...layout.siteless.map((s) => ({ doctor, block: s.block, site: null, from: week(s.range.from), to: week(s.range.to) })),
      ...dm.slots.map((slot, k) => ({
        doctor,
        block: slot.block.id,
        site: model.siteIds[choice.sites[k]!]!,
        from: week(layout.ranges[k]!.from),
        to: week(layout.ranges[k]!.to),
      })),
    ];
    return list.sort((a, b) => a.from.localeCompare(b.from));
  });
}
