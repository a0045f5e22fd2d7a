// Cohorts' problems by the revision of their region's planning inputs (region_revisions, raised
// by the database whenever one changes): plan views, edits and the problem export read the same
// problem again and again while nothing in it changes. Kept frozen: every reader shares it.
import type { EntityManager } from 'typeorm';
import type { Problem } from '../../shared/format/problem';
import { cohortProblem } from './cohort-problem';
import { cohortRegionRevision } from './revisions';

export class ProblemCache {
  private readonly entries = new Map<string, { revision: string; problem: Problem }>();

  constructor(private readonly capacity = 64) {}

  /** The cohort's problem (no replanning options), read again only when its region's revision moved. */
  async get(em: EntityManager, cohortId: string): Promise<Problem> {
    // Read before the problem: a change committed in between leaves the problem cached under the older revision, so the next read reads again.
    const revision = await cohortRegionRevision(em, cohortId);
    // No such cohort: the read answers 404 as usual.
    if (revision === undefined) return cohortProblem(em, cohortId);
    const hit = this.entries.get(cohortId);
    if (hit && hit.revision === revision) {
      this.entries.delete(cohortId);
      this.entries.set(cohortId, hit);
      return hit.problem;
    }
    const problem = deepFreeze(await cohortProblem(em, cohortId));
    this.entries.set(cohortId, { revision, problem });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return problem;
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
