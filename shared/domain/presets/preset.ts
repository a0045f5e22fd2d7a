// A built-in region setup: its template, a valid planning problem and a hand-made plan for it
// (demo data, and test data until the solver exists).
import type { Plan } from '../../format/plan';
import { problemSchema, type Problem, type ProblemInput } from '../../format/problem';
import { layoutRotation, type RotationSpec } from '../rotation';
import type { Template } from '../templates';

export interface Preset {
  id: string;
  region: string;
  template: Template;
  problem: Problem;
  plan: Plan;
}

/** Builds a preset's plan from one hand-written rotation per doctor. */
export function presetFrom(
  id: string,
  region: string,
  template: Template,
  input: ProblemInput,
  rotations: Record<string, RotationSpec>,
): Preset {
  const problem = problemSchema.parse(input);
  const assignments = problem.doctors.flatMap((doctor) => {
    const spec = rotations[doctor.id];
    if (!spec) throw new Error(`preset ${id}: no rotation for ${doctor.id}`);
    return layoutRotation(problem, doctor, spec);
  });
  return { id, region, template, problem, plan: { format: 'bt-plan/1', assignments, explanation: [], stats: {} } };
}
