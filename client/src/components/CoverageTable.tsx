// BT goals (BT1–BT18) each doctor's placements and credit cover, and the regulation's minimums
// (acute care, primary care, total) as the plan's violations report them.
import { BT_GOAL_IDS } from '../../../shared/domain/goals';
import { goalCoverage } from '../../../shared/domain/regulation';
import type { Violation } from '../../../shared/domain/violations';
import type { Assignment } from '../../../shared/format/plan';
import type { Problem } from '../../../shared/format/problem';

const REGULATION = new Set(['acute-minimum', 'primary-care-minimum', 'total-minimum']);

export function CoverageTable({ problem, assignments, violations, lang }: { problem: Problem; assignments: Assignment[]; violations: Violation[]; lang: 'sv' | 'en' }) {
  const blocks = new Map(problem.blocks.map((b) => [b.id, b]));
  return (
    <table className="coverage" style={{ fontSize: '11px', borderCollapse: 'collapse' }}>
      <thead>
        <tr>
          <th scope="col">{lang === 'sv' ? 'Läkare' : 'Doctor'}</th>
          {BT_GOAL_IDS.map((g) => (
            <th key={g} scope="col">
              {g}
            </th>
          ))}
          <th scope="col">{lang === 'sv' ? 'Regelverk' : 'Regulation'}</th>
        </tr>
      </thead>
      <tbody>
        {problem.doctors.map((doctor) => {
          const placed = assignments.filter((a) => a.doctor === doctor.id).flatMap((a) => blocks.get(a.block) ?? []);
          const credited = doctor.credits.flatMap((c) => blocks.get(c.block) ?? []);
          const { covered } = goalCoverage([...placed, ...credited]);
          const rules = violations.filter((v) => v.doctor === doctor.id && REGULATION.has(v.code));
          return (
            <tr key={doctor.id} data-coverage={doctor.id}>
              <th scope="row">{doctor.name}</th>
              {BT_GOAL_IDS.map((g) => (
                <td key={g} style={{ textAlign: 'center', background: covered.includes(g) ? '#d5f5e3' : '#fadbd8' }}>
                  {covered.includes(g) ? '✓' : '✗'}
                </td>
              ))}
              <td>{rules.length ? rules.map((r) => (lang === 'sv' ? r.message_sv : r.message_en)).join('; ') : 'OK'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
