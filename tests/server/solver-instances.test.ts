// The solver on the region-style generator's instances (issue 17): the planted plan is valid, so
// a plan exists; every plan solve() calls optimal or feasible passes validatePlan; a site cut
// below what its doctors need comes back infeasible, explained by that site.
import { describe, expect, it } from 'vitest';
import { generateInstance } from '../../server/solver/bench/generate';
import type { RegionSpec } from '../../server/solver/bench/region';
import { countingExplanations } from '../../server/solver/counting';
import { buildModel } from '../../server/solver/model';
import { solve } from '../../server/solver/solve';
import { planErrors } from '../../shared/domain/validate-plan';

const TIME_LIMIT = 4;

const instance = (spec: Omit<RegionSpec, 'name'>) => generateInstance({ style: 'region', name: `${spec.template}-${spec.doctors}-s${spec.seed}`, ...spec });

const label = (spec: Omit<RegionSpec, 'name'>) => `${spec.template}, ${spec.doctors} doctors, seed ${spec.seed}${spec.loaded ? ', loaded' : ''}`;
const labelled = (specs: Omit<RegionSpec, 'name'>[]) => specs.map((spec) => [label(spec), spec] as const);

const FEASIBLE = labelled([
  { template: 'kronoberg', doctors: 40, seed: 1 },
  { template: 'kronoberg', doctors: 40, seed: 2 },
  { template: 'vasternorrland', doctors: 40, seed: 1 },
  { template: 'vasternorrland', doctors: 40, seed: 2 },
  { template: 'kronoberg', doctors: 40, seed: 1, loaded: true },
  { template: 'blocks-14', doctors: 24, seed: 1 },
  { template: 'blocks-14', doctors: 24, seed: 2 },
  { template: 'kronoberg', doctors: 200, seed: 1 },
]);

describe('region-style instances', () => {
  it('are the same for the same spec, with hundreds of sites at scale, part-time, absences, credits, late starters, pins and wishes', () => {
    const a = instance({ template: 'kronoberg', doctors: 200, seed: 1 });
    expect(instance({ template: 'kronoberg', doctors: 200, seed: 1 }).problem).toEqual(a.problem);
    const { doctors, sites } = a.problem;
    expect(sites.length).toBeGreaterThanOrEqual(100);
    expect(doctors.some((d) => d.partTime >= 0.5 && d.partTime <= 0.9)).toBe(true);
    expect(doctors.some((d) => d.absences.length > 0)).toBe(true);
    expect(doctors.every((d) => d.credits.length <= 1) && doctors.some((d) => d.credits.length === 1)).toBe(true);
    expect(new Set(doctors.map((d) => d.start)).size).toBeGreaterThan(3);
    expect(doctors.some((d) => d.pins.length > 0)).toBe(true);
    expect(doctors.some((d) => d.wishes.some((w) => w.weight === 100))).toBe(true);
    expect(sites.some((s) => s.overrides.length > 0)).toBe(true);
    // Sites shared by neighbouring towns: an acute block may use the home town's or the next one's.
    expect(doctors.every((d) => Object.values(d.allowedSites ?? {}).some((ids) => ids.length === 2))).toBe(true);
  });

  it('has 14 and 26 site blocks in the many-block templates', () => {
    const siteBlocks = (template: RegionSpec['template']) =>
      instance({ template, doctors: 12, seed: 1 }).problem.blocks.filter((b) => b.category !== 'cohort' && b.category !== 'vacation').length;
    expect(siteBlocks('blocks-14')).toBe(14);
    expect(siteBlocks('blocks-26')).toBe(26);
  });

  it.each(FEASIBLE)('%s: a valid planted plan, and solve() returns only valid plans as optimal or feasible', async (_, spec) => {
    const { problem, planted } = instance(spec);
    expect(planErrors(problem, planted), label(spec)).toEqual([]);
    const plan = await solve(problem, { seed: 1, timeLimit: TIME_LIMIT });
    expect(['optimal', 'feasible', 'unknown'], label(spec)).toContain(plan.status);
    if (plan.status === 'optimal' || plan.status === 'feasible') {
      expect(planErrors(problem, plan).map((v) => v.message_en), label(spec)).toEqual([]);
    }
  });

  it.each(
    labelled([
      { template: 'kronoberg', doctors: 40, seed: 1, infeasible: 'one-site' },
      { template: 'vasternorrland', doctors: 40, seed: 2, infeasible: 'one-site' },
      { template: 'blocks-14', doctors: 24, seed: 1, infeasible: 'one-site' },
      // Every size the bench runs: counting proves it before any search.
      { template: 'kronoberg', doctors: 200, seed: 1, infeasible: 'one-site' },
      { template: 'vasternorrland', doctors: 600, seed: 1, infeasible: 'one-site' },
      { template: 'kronoberg', doctors: 1500, seed: 1, infeasible: 'one-site' },
    ]),
  )('%s: a psychiatry site cut below its doctors’ need is proven infeasible and named', async (_, spec) => {
    const { problem, cutSite } = instance(spec);
    const plan = await solve(problem, { seed: 1, timeLimit: TIME_LIMIT });
    expect(plan.status, label(spec)).toBe('infeasible');
    expect(plan.explanation.flatMap((e) => e.sites ?? []), label(spec)).toContain(cutSite);
    const site = problem.sites.find((s) => s.id === cutSite)!;
    expect(plan.explanation.map((e) => e.message_sv).join('\n')).toContain(site.name);
  });

  it('counts a doctor with two blocks only the cut site offers once, with both blocks’ weeks', () => {
    // The 26-block template has two adult-psychiatry blocks: the cut site is each one's only site.
    const { problem, cutSite } = instance({ template: 'blocks-26', doctors: 40, seed: 1, infeasible: 'one-site' });
    const [capacity] = countingExplanations(buildModel(problem, { stop: () => false })).filter((e) => e.code === 'site-capacity');
    const onlyThere = problem.doctors.filter((d) => Object.values(d.allowedSites ?? {}).some((sites) => sites.join() === cutSite));
    expect(capacity?.sites).toEqual([cutSite]);
    expect(capacity?.doctors).toEqual(onlyThere.map((d) => d.id));
    const site = problem.sites.find((s) => s.id === cutSite)!;
    expect(capacity?.message_sv).toMatch(new RegExp(`^${site.name}: ${onlyThere.length} läkare behöver sammanlagt \\d+ veckor`));
  });
});
