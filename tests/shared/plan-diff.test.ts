// planDiff: what changed per doctor and block between two versions of a plan.
import { describe, expect, it } from 'vitest';
import { planDiff } from '../../shared/domain/plan-diff';
import type { Assignment } from '../../shared/format/plan';

const a = (doctor: string, block: string, site: string | null, from: string, to: string): Assignment => ({ doctor, block, site, from, to });

describe('planDiff', () => {
  it('lists moved, stretched, new and gone assignments, and nothing unchanged', () => {
    const before = [
      a('d1', 'im', 'vxo-med', '2026-02-09', '2026-04-13'),
      a('d1', 'pc', 'vc-1', '2026-04-13', '2026-08-03'),
      a('d2', 'im', 'vxo-med', '2026-04-13', '2026-06-15'),
      a('d2', 'psy', 'vxo-psy', '2026-06-15', '2026-08-17'),
    ];
    const after = [
      a('d1', 'im', 'vxo-med', '2026-02-09', '2026-04-13'),
      a('d1', 'pc', 'vc-1', '2026-04-13', '2026-09-14'),
      a('d2', 'im', 'lj-med', '2026-04-13', '2026-06-15'),
      a('d3', 'im', 'vxo-med', '2026-06-15', '2026-08-17'),
    ];
    expect(planDiff(before, after)).toEqual([
      { doctor: 'd1', block: 'pc', before: { site: 'vc-1', from: '2026-04-13', to: '2026-08-03' }, after: { site: 'vc-1', from: '2026-04-13', to: '2026-09-14' } },
      { doctor: 'd2', block: 'im', before: { site: 'vxo-med', from: '2026-04-13', to: '2026-06-15' }, after: { site: 'lj-med', from: '2026-04-13', to: '2026-06-15' } },
      { doctor: 'd2', block: 'psy', before: { site: 'vxo-psy', from: '2026-06-15', to: '2026-08-17' } },
      { doctor: 'd3', block: 'im', after: { site: 'vxo-med', from: '2026-06-15', to: '2026-08-17' } },
    ]);
  });

  it('is empty for the same plan', () => {
    const plan = [a('d1', 'vac', null, '2026-07-06', '2026-08-03')];
    expect(planDiff(plan, [...plan])).toEqual([]);
  });
});
