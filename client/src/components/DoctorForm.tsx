// Create or edit a doctor's year: code (only when new), name, home town, start, part-time rate,
// protected identity, where they may and want to serve, absences (first and last day, inclusive;
// the weeks they take extend the BT), a credited block with the studierektor's decision (a second
// one only with a recorded exception), and each placement's handledare — checked with the
// server's schemas first.
import { useState, type FormEvent } from 'react';
import { placementSupervisorsBodySchema, type PlacementSupervisor } from '../../../shared/api/assessments';
import { doctorBodySchema, type DoctorBody, type DoctorResource } from '../../../shared/api/doctors';
import { MAX_CREDITS } from '../../../shared/format/credit-rules';
import { percentRangeMessage } from '../../../shared/format/messages';
import { MAX_PART_TIME, MIN_PART_TIME, type Block, type Credit, type Site } from '../../../shared/format/problem';
import { useLang } from '../i18n/lang';
import { AllowedSitesFields, blockLabel, placementOf, placementRow, PlacementRowsFields, type PlacementRow } from './DoctorPlacementsFields';
import { DoctorSupervisorsFields, supervisorList, supervisorRows } from './DoctorSupervisorsFields';
import { useFieldErrors, type FieldWording } from './field-errors';
import { LeaveWeeks } from './LeaveWeeks';

/** An absence as typed: its days, inclusive. */
interface Leave {
  first: string;
  last: string;
  reason: string;
}

/** A second credit's exception as typed: empty strings for none. */
interface Exception {
  reason: string;
  decidedBy: string;
  secondDecider: string;
  decidedOn: string;
}

const NO_DOCTOR: Partial<DoctorResource> = {};
const NO_EXCEPTION: Exception = { reason: '', decidedBy: '', secondDecider: '', decidedOn: '' };

/** The part-time rate is typed as a percentage (75) and sent as a fraction (0.75). */
const asPercent = (fraction: number) => String(Math.round(fraction * 10_000) / 100);
const WORDING: FieldWording = {
  partTime: { message: (lang) => percentRangeMessage(MIN_PART_TIME, MAX_PART_TIME, lang) },
  'credits[].weeks': { unit: 'weeks' },
};

/** `supervisors`: the doctor's handledare as stored; `onSave` gets them back as edited, to save apart (PUT …/supervisors). */
export function DoctorForm({
  doctor,
  blocks,
  sites,
  supervisors,
  onSave,
}: {
  doctor?: DoctorResource;
  blocks: Block[];
  sites: Site[];
  supervisors?: PlacementSupervisor[];
  onSave: (body: DoctorBody, supervisors: PlacementSupervisor[]) => Promise<void>;
}) {
  const { t, lang } = useLang();
  const [code, setCode] = useState(doctor?.id ?? '');
  const [name, setName] = useState(doctor?.name ?? '');
  const [town, setTown] = useState(doctor?.town ?? '');
  const [start, setStart] = useState(doctor?.start ?? '');
  const [partTime, setPartTime] = useState(asPercent(doctor?.partTime ?? 1));
  const [protectedIdentity, setProtected] = useState(doctor?.protectedIdentity ?? false);
  const [allowedSites, setAllowedSites] = useState<Record<string, string[]>>(doctor?.allowedSites ?? {});
  const [pins, setPins] = useState<PlacementRow[]>((doctor?.pins ?? []).map(placementRow));
  const [wishes, setWishes] = useState<PlacementRow[]>((doctor?.wishes ?? []).map(placementRow));
  const [absences, setAbsences] = useState<Leave[]>((doctor?.absences ?? []).map((a) => ({ first: a.first, last: a.last, reason: a.reason ?? '' })));
  const [credits, setCredits] = useState<Credit[]>(doctor?.credits ?? []);
  const [exception, setException] = useState<Exception>({ ...NO_EXCEPTION, ...doctor?.creditException });
  const [handledare, setHandledare] = useState(supervisorRows(supervisors));
  const { check, error, field } = useFieldErrors();
  const supervisorErrors = useFieldErrors();
  const creditable = blocks.filter((b) => ['acute', 'primary-care', 'psychiatry'].includes(b.category));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Fields this form does not show (the supervisor) go back as they were.
    const { uuid: _uuid, version: _version, town: _town, allowedSites: _allowed, creditException: _exception, ...kept } = doctor ?? NO_DOCTOR;
    // The exception goes with a second credit only; a blank optional decider is none.
    const { secondDecider, ...decision } = exception;
    const allowed = Object.fromEntries(Object.entries(allowedSites).filter(([, ids]) => ids.length > 0));
    const body = check(doctorBodySchema, {
      ...kept,
      id: code,
      name,
      ...(town.trim() ? { town: town.trim() } : {}),
      start,
      partTime: Number(partTime) / 100,
      protectedIdentity,
      ...(Object.keys(allowed).length ? { allowedSites: allowed } : {}),
      pins: pins.map((p) => placementOf(p, false)),
      wishes: wishes.map((w) => placementOf(w, true)),
      absences: absences.map((a) => ({ first: a.first, last: a.last, ...(a.reason ? { reason: a.reason } : {}) })),
      credits,
      ...(credits.length > 1 ? { creditException: { ...decision, ...(secondDecider.trim() ? { secondDecider } : {}) } } : {}),
    }, WORDING);
    const handled = supervisorErrors.check(placementSupervisorsBodySchema, { supervisors: supervisorList(blocks, handledare) });
    if (body && handled) await onSave(body, handled.supervisors);
  };
  const setCredit = (i: number, change: Partial<Credit> | null) =>
    setCredits(change === null ? credits.filter((_, j) => j !== i) : credits.map((c, j) => (j === i ? { ...c, ...change } : c)));
  const newCredit = (block: string): Credit => ({ block, weeks: 13, decidedBy: credits[0]?.decidedBy ?? '', decidedOn: credits[0]?.decidedOn ?? '' });
  const setAbsence = (i: number, change: Partial<Leave>) => setAbsences(absences.map((a, j) => (j === i ? { ...a, ...change } : a)));
  return (
    <form aria-label={doctor ? `${t('doctor')} ${doctor.name}` : t('newDoctor')} onSubmit={submit} className="doctor-form" style={{ display: 'grid', gap: '0.3rem', maxWidth: '44rem' }}>
      {!doctor && field('id', t('idCode'), code, setCode)}
      {field('name', t('name'), name, setName)}
      {field('town', t('homeTown'), town, setTown)}
      {field('start', t('doctorStart'), start, setStart, { type: 'date' })}
      {field('partTime', t('partTimePercent'), partTime, setPartTime, { type: 'number', step: 'any', style: { width: '5rem' } })}
      <label>
        <input type="checkbox" checked={protectedIdentity} onChange={(e) => setProtected(e.target.checked)} /> {t('protectedIdentity')}
      </label>
      <AllowedSitesFields blocks={blocks} sites={sites} value={allowedSites} onChange={setAllowedSites} />
      <PlacementRowsFields field="pins" weighted={false} blocks={blocks} sites={sites} rows={pins} onChange={setPins} error={error} />
      <PlacementRowsFields field="wishes" weighted blocks={blocks} sites={sites} rows={wishes} onChange={setWishes} error={error} />
      <DoctorSupervisorsFields blocks={blocks} rows={handledare} onChange={setHandledare} error={supervisorErrors.error} />
      {/* Absences and credit stay last: the browser test picks the newest absence's dates as the last date inputs. */}
      <fieldset>
        <legend>{t('absences')}</legend>
        <p className="hint">{t('leaveWeekRule')}</p>
        {absences.map((a, i) => (
          <div key={i}>
            <label>
              {t('firstDay')} <input type="date" value={a.first} onChange={(e) => setAbsence(i, { first: e.target.value })} />
            </label>{' '}
            <label>
              {t('lastDay')} <input type="date" value={a.last} onChange={(e) => setAbsence(i, { last: e.target.value })} />
            </label>{' '}
            <label>
              {t('reason')} <input value={a.reason} onChange={(e) => setAbsence(i, { reason: e.target.value })} />
            </label>{' '}
            <button type="button" onClick={() => setAbsences(absences.filter((_, j) => j !== i))}>
              {t('remove')}
            </button>{' '}
            <LeaveWeeks first={a.first} last={a.last} /> {error(`absences[${i}].first`)} {error(`absences[${i}].last`)}
          </div>
        ))}
        <button type="button" onClick={() => setAbsences([...absences, { first: '', last: '', reason: '' }])}>
          {t('addAbsence')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('credit')}</legend>
        {[0, 1].slice(0, Math.min(MAX_CREDITS, credits.length + 1)).map((i) => {
          const credit = credits[i];
          // The second credit's row appears once asked for; the first is always there (empty: none).
          if (i === 1 && !credit) {
            return credits[0] ? (
              <div key="add">
                <button type="button" onClick={() => setCredits([...credits, newCredit(creditable.find((b) => b.id !== credits[0]!.block)?.id ?? '')])}>
                  {t('addSecondCredit')}
                </button>
              </div>
            ) : null;
          }
          return (
            <div key={i} data-credit={i}>
              <label>
                {t('block')}{' '}
                <select
                  name={`credits[${i}].block`}
                  value={credit?.block ?? ''}
                  onChange={(e) => (e.target.value ? (credit ? setCredit(i, { block: e.target.value }) : setCredits([newCredit(e.target.value)])) : setCredit(i, null))}
                >
                  <option value="">—</option>
                  {creditable.map((b) => (
                    <option key={b.id} value={b.id}>
                      {blockLabel(b, lang)}
                    </option>
                  ))}
                </select>
              </label>
              {credit && (
                <>
                  {' '}
                  <label>
                    {t('weeks')} <input type="number" value={credit.weeks} onChange={(e) => setCredit(i, { weeks: Number(e.target.value) })} style={{ width: '4rem' }} />
                  </label>{' '}
                  <label>
                    {t('decidedBy')} <input value={credit.decidedBy} onChange={(e) => setCredit(i, { decidedBy: e.target.value })} />
                  </label>{' '}
                  <label>
                    {t('decidedOn')} <input type="date" value={credit.decidedOn} onChange={(e) => setCredit(i, { decidedOn: e.target.value })} />
                  </label>{' '}
                  {i === 1 && (
                    <>
                      <button type="button" onClick={() => setCredit(1, null)}>
                        {t('remove')}
                      </button>{' '}
                    </>
                  )}
                  {error(`credits[${i}].block`)} {error(`credits[${i}].weeks`)} {error(`credits[${i}].decidedBy`)} {error(`credits[${i}].decidedOn`)}
                </>
              )}
            </div>
          );
        })}
        {error('credits')}
        {credits.length > 1 && (
          <fieldset className="credit-exception">
            <legend>{t('creditException')}</legend>
            <p className="hint">{t('creditExceptionHint')}</p>
            {field('creditException.reason', t('exceptionReason'), exception.reason, (reason) => setException({ ...exception, reason }))}
            {field('creditException.decidedBy', t('exceptionDecidedBy'), exception.decidedBy, (decidedBy) => setException({ ...exception, decidedBy }))}
            {field('creditException.secondDecider', t('secondDecider'), exception.secondDecider, (secondDecider) => setException({ ...exception, secondDecider }))}
            {field('creditException.decidedOn', t('decidedOn'), exception.decidedOn, (decidedOn) => setException({ ...exception, decidedOn }), { type: 'date' })}
            {error('creditException')}
          </fieldset>
        )}
      </fieldset>
      <button type="submit">{t('save')}</button>
    </form>
  );
}
