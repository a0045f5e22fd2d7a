// A cohort's checklists as a matrix: a row per doctor, a column per assessment kind (done of
// expected), the goals and regulation items open, BT-kollegium, the external assessment and how
// many items are behind. A cell behind schedule is red; a doctor's name opens their checklist.
import type { CohortChecklist } from '../../../../shared/api/assessments';
import { useLang } from '../../i18n/lang';

interface Props {
  matrix: CohortChecklist;
  /** The doctor whose checklist is open. */
  selected?: string;
  onOpen: (doctor: string) => void;
}

export function ChecklistMatrix({ matrix, selected, onOpen }: Props) {
  const { t, lang } = useLang();
  // Only kinds someone expects or has recorded: a column of dashes says nothing.
  const kinds = matrix.kinds.filter((k) => matrix.doctors.some((d) => Object.hasOwn(d.assessments, k.id) && (d.assessments[k.id]!.expected > 0 || d.assessments[k.id]!.done > 0)));
  const mark = (behind: boolean) => (behind ? { className: 'behind', title: t('checklistBehind') } : {});
  // Red is never the only sign: a cell behind says so in words.
  const milestone = (m: { held: boolean; behind: boolean }) => <td {...mark(m.behind)}>{m.held ? '✓' : m.behind ? t('checklistBehind') : '–'}</td>;
  if (matrix.doctors.length === 0) return <p>{t('checklistNoDoctors')}</p>;
  return (
    <table className="checklist-matrix">
      <thead>
        <tr>
          <th>{t('doctor')}</th>
          {kinds.map((k) => (
            <th key={k.id}>{lang === 'sv' ? k.name_sv : k.name_en}</th>
          ))}
          <th>{t('checklistGoalsMissing')}</th>
          <th>{t('checklistRegulation')}</th>
          <th>{t('checklistKollegium')}</th>
          <th>{t('checklistExternal')}</th>
          <th>{t('checklistItemsBehind')}</th>
          <th>{t('checklistReady')}</th>
        </tr>
      </thead>
      <tbody>
        {matrix.doctors.map((d) => (
          <tr key={d.uuid} data-doctor={d.uuid} aria-selected={d.uuid === selected}>
            <th scope="row">
              <button type="button" className="link" aria-label={t('checklistOpenDoctor').replace('{name}', d.name)} onClick={() => onOpen(d.uuid)}>
                {d.name}
              </button>
            </th>
            {kinds.map((k) => {
              const cell = Object.hasOwn(d.assessments, k.id) ? d.assessments[k.id]! : { done: 0, expected: 0, behind: false };
              return (
                <td key={k.id} data-kind={k.id} {...mark(cell.behind)}>
                  {cell.expected === 0 && cell.done === 0 ? '–' : `${cell.done}/${cell.expected}`}
                </td>
              );
            })}
            <td>{d.goalsMissing || '–'}</td>
            <td>{d.regulationOpen || '–'}</td>
            {milestone(d.kollegium)}
            {milestone(d.external)}
            <td {...mark(d.behind > 0)}>{d.behind || '–'}</td>
            <td>{d.ready ? '✓' : t('checklistNotReady')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
