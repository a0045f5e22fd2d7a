// The coordinator's planning board for a cohort: the current draft (else the published plan),
// violations checked in the browser with the shared validatePlan on every change, the solver
// with its progress, a keyboard-friendly move form with undo, and publishing after a look at
// what changes for whom.
import { useEffect, useMemo, useState } from 'react';
import type { CohortResource } from '../../../shared/api/cohorts';
import type { PlanResource } from '../../../shared/api/plans';
import type { SolverRun } from '../../../shared/api/solver-runs';
import type { PlanChange } from '../../../shared/domain/plan-diff';
import { validatePlan } from '../../../shared/domain/validate-plan';
import { addWeeks, formatWeek } from '../../../shared/domain/weeks';
import type { Assignment } from '../../../shared/format/plan';
import type { Problem } from '../../../shared/format/problem';
import { background } from '../api/background';
import { api, ApiError } from '../api/client';
import { AuditLog } from '../components/AuditLog';
import { CoverageTable } from '../components/CoverageTable';
import { Disclosure } from '../components/Disclosure';
import { RequestsPanel } from '../components/RequestsPanel';
import { Board } from '../components/timeline/Board';
import { RegionSelect, useRegionChoice } from '../components/RegionSelect';
import { useLang } from '../i18n/lang';

const strip = (list: Assignment[]): Assignment[] => list.map(({ doctor, block, site, from, to }) => ({ doctor, block, site, from, to }));

export function BoardPage() {
  const { t, lang } = useLang();
  const { regions, region, setRegion } = useRegionChoice();
  const [cohorts, setCohorts] = useState<CohortResource[]>([]);
  const [cohort, setCohort] = useState<string>();
  const [problem, setProblem] = useState<Problem>();
  const [plan, setPlan] = useState<PlanResource>();
  const [history, setHistory] = useState<Assignment[][]>([]);
  const [run, setRun] = useState<SolverRun>();
  const [selected, setSelected] = useState<string>('');
  const [shift, setShift] = useState(0);
  const [site, setSite] = useState('');
  const [changes, setChanges] = useState<PlanChange[]>();
  const [message, setMessage] = useState<string>();
  const [changed, setChanged] = useState<Set<string>>(new Set());
  const [compared, setCompared] = useState<SolverRun>();

  useEffect(() => {
    if (region) background(api.cohorts(region).then((list) => (setCohorts(list), setCohort(list[0]?.uuid))));
  }, [region]);
  const loadPlan = async (cohortId: string) => {
    const plans = await api.plans(cohortId);
    const current = plans.find((p) => p.status === 'draft') ?? plans.find((p) => p.status === 'published');
    setPlan(current ? await api.plan(current.uuid) : undefined);
    setHistory([]);
  };
  useEffect(() => {
    if (!cohort) return;
    background(api.problem(cohort).then(setProblem));
    background(loadPlan(cohort));
  }, [cohort]);

  const assignments = useMemo(() => strip(plan?.assignments ?? []), [plan]);
  // A draft's bars that differ from the published plan are outlined.
  useEffect(() => {
    if (!plan || plan.status !== 'draft' || !cohort) return setChanged(new Set());
    background(
      api.plans(cohort).then(async (plans) => {
        const published = plans.find((p) => p.status === 'published');
        const diff = published ? await api.diff(plan.uuid, published.uuid) : [];
        setChanged(new Set(diff.map((c) => `${c.doctor}/${c.block}`)));
      }),
    );
  }, [plan, cohort]);
  const violations = useMemo(() => (problem && plan ? validatePlan(problem, { assignments }) : []), [problem, plan, assignments]);
  const broken = new Set(violations.filter((v) => v.doctor).map((v) => v.doctor!));

  const runSolver = async (variants?: number) => {
    if (!cohort) return;
    let current = await api.startSolver(cohort, 30, variants);
    setRun(current);
    while (current.status === 'queued' || current.status === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 400));
      current = await api.solverRun(current.uuid);
      setRun(current);
    }
    if (variants && current.plans?.length) setCompared(current);
    if (current.plan) setPlan(await api.plan(current.plan)), setHistory([]);
    else setMessage(current.error ?? current.plans?.[0]?.explanation.map((e) => (lang === 'sv' ? e.message_sv : e.message_en)).join('\n'));
  };

  const save = async (next: Assignment[], remember: boolean) => {
    if (!plan || plan.status !== 'draft') return;
    try {
      const saved = await api.editPlan(plan.uuid, plan.version, next);
      if (remember) setHistory((h) => [...h, assignments]);
      setPlan(saved);
      setChanges(undefined);
    } catch (err) {
      setMessage(err instanceof ApiError ? err.message : String(err));
    }
  };
  const move = () => {
    const next = assignments.map((a) =>
      `${a.doctor}/${a.block}` === selected ? { ...a, site: a.site === null || !site ? a.site : site, from: addWeeks(a.from, shift), to: addWeeks(a.to, shift) } : a,
    );
    void save(next, true);
  };
  const undo = () => {
    const previous = history.at(-1);
    if (!previous) return;
    setHistory((h) => h.slice(0, -1));
    void save(previous, false);
  };
  /** Locks the selected placement to its site and start (a pin the solver keeps), or unlocks it. */
  const togglePin = async () => {
    if (!cohort || !selected) return;
    const [code, block] = selected.split('/') as [string, string];
    const doctor = (await api.doctors(cohort)).find((d) => d.id === code);
    const placed = assignments.find((a) => a.doctor === code && a.block === block);
    if (!doctor || !placed) return;
    const { uuid, ...body } = doctor;
    const pinned = doctor.pins.some((p) => p.block === block);
    const pins = pinned ? doctor.pins.filter((p) => p.block !== block) : [...doctor.pins, { block, ...(placed.site ? { site: placed.site } : {}), from: placed.from }];
    try {
      await api.updateDoctor(uuid, { ...body, pins });
      setProblem(await api.problem(cohort));
    } catch (err) {
      setMessage(err instanceof ApiError ? err.message : String(err));
    }
  };
  const preparePublish = async () => {
    if (!plan || !cohort) return;
    const published = (await api.plans(cohort)).find((p) => p.status === 'published');
    setChanges(published ? await api.diff(plan.uuid, published.uuid) : []);
  };
  const publish = async () => {
    if (!plan) return;
    try {
      setPlan(await api.publish(plan.uuid, plan.version));
      setChanges(undefined);
      setMessage(t('published'));
    } catch (err) {
      setMessage(err instanceof ApiError ? err.message : String(err));
    }
  };

  return (
    <section aria-label={t('board')}>
      <h2>{t('board')}</h2>
      <RegionSelect regions={regions} region={region} onChange={setRegion} />{' '}
      <label>
        {t('cohort')}{' '}
        <select value={cohort} onChange={(e) => setCohort(e.target.value)} name="cohort">
          {cohorts.map((c) => (
            <option key={c.uuid} value={c.uuid}>
              {c.name}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="button" onClick={() => background(runSolver())} disabled={!cohort || run?.status === 'running' || run?.status === 'queued'}>
        {t('runSolver')}
      </button>
      <button type="button" onClick={() => background(runSolver(3))} disabled={!cohort || run?.status === 'running' || run?.status === 'queued'}>
        {t('compareVariants')}
      </button>
      {run && (run.status === 'queued' || run.status === 'running') && (
        <span className="solver-progress" role="status">
          <progress aria-label={t('solving')} /> {t('solving')}: {String(run.progress?.phase ?? run.status)}
          {run.progress?.objective !== undefined ? ` · ${t('objective')} ${String(run.progress.objective)}` : ''}{' '}
          <button type="button" onClick={() => background(api.cancelSolver(run.uuid))}>
            {t('cancel')}
          </button>
        </span>
      )}
      {plan && (
        <p className="plan-status">
          {plan.status === 'draft' ? t('draft') : t('published')} {plan.number}
          {plan.objective !== null ? ` · ${t('objective')} ${plan.objective}` : ''}
        </p>
      )}
      {message && <p role="alert">{message}</p>}
      {compared?.plans && cohort && (
        <table className="variants" aria-label={t('compareVariants')}>
          <thead>
            <tr>
              <th>{t('variant')}</th>
              <th>{t('objective')}</th>
              <th>{t('wishesUnmet')}</th>
              <th>{t('homeTownMissed')}</th>
              <th>{t('vacationCuts')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {compared.plans.map((p, i) => (
              <tr key={i} data-variant={String(p.stats.variant)}>
                <td>{String(p.stats.variant)}</td>
                <td>{p.objective ?? '–'}</td>
                <td>{String(p.stats.wishesUnmet ?? '–')}</td>
                <td>{String(p.stats.homeTownMissed ?? '–')}</td>
                <td>{String(p.stats.vacationCuts ?? '–')}</td>
                <td>
                  <button
                    type="button"
                    onClick={() =>
                      background(
                        api.draftFromRun(cohort, compared.uuid, i).then((draft) => {
                          setPlan(draft);
                          setHistory([]);
                          setCompared(undefined);
                        }),
                      )
                    }
                  >
                    {t('choose')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {problem && plan && (
        <Board
          problem={problem}
          assignments={assignments}
          highlighted={new Set(assignments.filter((a) => broken.has(a.doctor)).map((a) => `${a.doctor}/${a.block}`))}
          changed={changed}
          onSelect={(a) => setSelected(`${a.doctor}/${a.block}`)}
        />
      )}
      {changed.size > 0 && (
        <p className="changed-count">
          {t('changedSincePublished')}: {changed.size}
        </p>
      )}
      <aside aria-label={t('violations')}>
        <h3>{t('violations')}</h3>
        {violations.length === 0 ? (
          <p className="no-violations">{t('noViolations')}</p>
        ) : (
          <ul className="violations">
            {violations.map((v, i) => (
              <li key={i} className={`violation violation-${v.severity}`} data-code={v.code}>
                <button type="button" onClick={() => v.doctor && document.querySelector(`[data-doctor="${v.doctor}"]`)?.scrollIntoView()}>
                  {lang === 'sv' ? v.message_sv : v.message_en}
                </button>
              </li>
            ))}
          </ul>
        )}
      </aside>
      {plan?.status === 'draft' && (
        <form
          aria-label={t('movePlacement')}
          onSubmit={(e) => {
            e.preventDefault();
            move();
          }}
        >
          <h3>{t('movePlacement')}</h3>
          <label>
            {t('placement')}{' '}
            <select name="placement" value={selected} onChange={(e) => setSelected(e.target.value)}>
              <option value="" />
              {assignments.map((a) => (
                <option key={`${a.doctor}/${a.block}`} value={`${a.doctor}/${a.block}`}>
                  {a.doctor} · {a.block} · {formatWeek(a.from)}
                </option>
              ))}
            </select>
          </label>{' '}
          <label>
            {t('weeksLater')} <input name="shift" type="number" value={shift} onChange={(e) => setShift(Number(e.target.value))} style={{ width: '4rem' }} />
          </label>{' '}
          <label>
            {t('site')}{' '}
            <select name="site" value={site} onChange={(e) => setSite(e.target.value)}>
              <option value="">{t('sameSite')}</option>
              {problem?.sites
                .filter((s) => {
                  const block = problem.blocks.find((b) => `${selected.split('/')[0]}/${b.id}` === selected);
                  return block !== undefined && s.kinds.includes(block.kind);
                })
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
            </select>
          </label>{' '}
          <button type="submit" disabled={!selected}>
            {t('move')}
          </button>{' '}
          <button type="button" onClick={undo} disabled={history.length === 0}>
            {t('undo')}
          </button>{' '}
          <button type="button" onClick={() => background(togglePin())} disabled={!selected}>
            {problem?.doctors.some((d) => `${d.id}/` === `${selected.split('/')[0]}/` && d.pins.some((p) => p.block === selected.split('/')[1])) ? t('unpin') : t('pin')}
          </button>{' '}
          <button type="button" onClick={() => background(preparePublish())}>
            {t('publish')}
          </button>
        </form>
      )}
      {problem && plan && (
        <Disclosure summary={t('coverage')}>{() => <CoverageTable problem={problem} assignments={assignments} violations={violations} lang={lang} />}</Disclosure>
      )}
      {cohort && problem && (
        <Disclosure summary={t('requests')}>
          {() => (
            <RequestsPanel
              cohort={cohort}
              doctorNames={new Map(problem.doctors.map((d) => [d.id, d.name]))}
              onDecided={() => background(api.problem(cohort).then(setProblem))}
            />
          )}
        </Disclosure>
      )}
      {region && <Disclosure summary={t('auditLog')}>{() => <AuditLog region={region} />}</Disclosure>}
      {changes && (
        <div role="dialog" aria-label={t('publish')}>
          <p>{t('publishConfirm')}</p>
          <ul className="changes">
            {changes.map((c) => (
              <li key={`${c.doctor}/${c.block}`}>
                {c.doctor} · {c.block}: {c.before ? `${c.before.site ?? ''} ${c.before.from}` : '—'} → {c.after ? `${c.after.site ?? ''} ${c.after.from}` : '—'}
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => void publish()}>
            {t('publish')}
          </button>{' '}
          <button type="button" onClick={() => setChanges(undefined)}>
            {t('cancel')}
          </button>
        </div>
      )}
    </section>
  );
}
