// One doctor's BT checklist: per placement of the published plan the assessments expected and
// done, the milestones (BT-kollegium, external assessment), "Redo för intyg" or what is still open
// (red when behind), the recorded assessments and — for a viewer who may record (coordinator,
// supervisor) — the form to record one and a delete per row. "Skriv ut" prints only the
// checklist (app.css @media print). The doctor's page, the cohort's matrix and the supervisor's
// page all show it.
import { useEffect, useState } from 'react';
import type { Checklist } from '../../../../shared/api/assessments';
import { formatWeek, formatWeekRange } from '../../../../shared/domain/weeks';
import { background } from '../../api/background';
import { api } from '../../api/client';
import { useLang } from '../../i18n/lang';
import { useChanges } from '../change-status';
import { AssessmentForm } from './AssessmentForm';

export type ChecklistCalls = Pick<typeof api, 'checklist' | 'recordAssessment' | 'deleteAssessment'>;

export interface DoctorChecklistProps {
  /** The doctor's uuid. */
  doctor: string;
  /** Whether the viewer records and deletes assessments (coordinators, supervisors); a doctor reads. */
  canRecord: boolean;
  /** The server's date: the record form's first and latest date. */
  today: string;
  calls?: ChecklistCalls;
}

export function DoctorChecklist({ doctor, canRecord, today, calls = api }: DoctorChecklistProps) {
  const { t, lang } = useLang();
  const [list, setList] = useState<Checklist>();
  const load = () => background(calls.checklist(doctor).then(setList));
  const { change, status } = useChanges(load);
  // Re-read in the other language too: the open items come worded by the server.
  useEffect(load, [doctor, lang]);
  if (!list) return <p>{t('loading')}</p>;

  const kindName = (id: string) => {
    const kind = list.kinds.find((k) => k.id === id);
    return kind ? (lang === 'sv' ? kind.name_sv : kind.name_en) : id;
  };
  const blockName = (block: string | undefined) => (block === undefined ? '–' : (list.placements.find((p) => p.block === block)?.blockName ?? block));
  // The kinds any placement expects or has, in the region's order.
  const shown = list.kinds.map((k) => k.id).filter((id) => list.placements.some((p) => Object.hasOwn(p.expected, id) || Object.hasOwn(p.done, id)));
  const behindCell = (placement: string, kind: string) => list.open.some((o) => o.behind && o.placement === placement && o.kind === kind);
  const milestoneBehind = (item: 'bt-kollegium' | 'external-assessment') => list.open.some((o) => o.item === item && o.behind);
  const remove = async (a: Checklist['assessments'][number]) => {
    if (!window.confirm(t('assessmentDeleteConfirm').replace('{kind}', kindName(a.kind)).replace('{date}', a.date))) return;
    await change(() => calls.deleteAssessment(a.uuid), t('deleted'));
  };

  return (
    <section className="checklist printable" aria-label={`${t('checklistTitle')}: ${list.doctor.name}`}>
      <h3>
        {t('checklistTitle')}: {list.doctor.name}{' '}
        <button type="button" className="no-print" onClick={() => window.print()}>
          {t('checklistPrint')}
        </button>
      </h3>
      {list.ready ? (
        <p className="checklist-ready" role="status">
          ✓ {t('checklistReady')}
        </p>
      ) : (
        <>
          <h4>{t('checklistOpen')}</h4>
          <ul className="checklist-open">
            {list.open.map((o, i) => (
              <li key={i} data-item={o.item} className={o.behind ? 'behind' : undefined}>
                {o.message}
                {o.behind ? ` (${t('checklistBehind')})` : ''}
              </li>
            ))}
          </ul>
        </>
      )}

      {/* A table wider than a phone scrolls in its own box, which keys reach too. */}
      <h4>{t('placements')}</h4>
      {list.placements.length === 0 ? (
        <p>{t('checklistNoPlan')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-label={t('placements')} tabIndex={0}>
          <table className="checklist-placements">
            <thead>
              <tr>
                <th>{t('placement')}</th>
                <th>{t('site')}</th>
                <th>{t('weeks')}</th>
                <th>{t('checklistPlacementSupervisor')}</th>
                {shown.map((id) => (
                  <th key={id}>{kindName(id)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {list.placements.map((p) => (
                <tr key={p.placement} data-block={p.block}>
                  <th scope="row">{p.blockName}</th>
                  <td>{p.siteName ?? '–'}</td>
                  <td>{formatWeekRange(p, lang)}</td>
                  <td>{p.supervisor ?? '–'}</td>
                  {shown.map((id) => {
                    const expected = Object.hasOwn(p.expected, id) ? p.expected[id]! : 0;
                    const done = Object.hasOwn(p.done, id) ? p.done[id]! : 0;
                    const behind = behindCell(p.placement, id);
                    return (
                      <td key={id} data-kind={id} className={behind ? 'behind' : undefined} title={behind ? t('checklistBehind') : undefined}>
                        {expected === 0 && done === 0 ? '–' : t('checklistDoneOfExpected').replace('{done}', String(done)).replace('{expected}', String(expected))}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h4>{t('checklistMilestones')}</h4>
      <ul className="checklist-milestones">
        {(
          [
            ['bt-kollegium', t('checklistKollegium'), list.kollegium],
            ['external-assessment', t('checklistExternal'), list.external],
          ] as const
        ).map(([item, name, milestone]) => (
          <li key={item} data-item={item} className={milestoneBehind(item) ? 'behind' : undefined}>
            {name}: {milestone.held ? t('checklistHeld') : t('checklistNotHeld')}
            {!milestone.held && milestone.due ? `, ${t('checklistDue').replace('{week}', formatWeek(milestone.due, lang))}` : ''}
          </li>
        ))}
      </ul>

      <h4>{t('checklistAssessments')}</h4>
      {list.assessments.length === 0 ? (
        <p>{t('checklistNoAssessments')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-label={t('checklistAssessments')} tabIndex={0}>
          <table className="checklist-assessments">
            <thead>
              <tr>
                <th>{t('assessmentDate')}</th>
                <th>{t('assessmentKind')}</th>
                <th>{t('assessmentBlock')}</th>
                <th>{t('assessmentAssessor')}</th>
                <th>{t('assessmentNote')}</th>
                <th>{t('assessmentRecordedBy')}</th>
                {canRecord && <th className="no-print" />}
              </tr>
            </thead>
            <tbody>
              {list.assessments.map((a) => (
                <tr key={a.uuid}>
                  <td>{a.date}</td>
                  <td>{kindName(a.kind)}</td>
                  <td>{blockName(a.block)}</td>
                  <td>{a.assessor}</td>
                  <td>{a.note ?? ''}</td>
                  <td>{a.recordedBy}</td>
                  {canRecord && (
                    <td className="no-print">
                      <button type="button" aria-label={`${t('remove')}: ${kindName(a.kind)} ${a.date}`} onClick={() => background(remove(a))}>
                        {t('remove')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {status}
      {canRecord && (
        <AssessmentForm
          kinds={list.kinds}
          placements={list.placements}
          today={today}
          onSubmit={(body) => change(() => calls.recordAssessment(doctor, body), t('assessmentRecorded'))}
        />
      )}
    </section>
  );
}
