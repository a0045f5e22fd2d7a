// The coordinator's planning board for a cohort: the current draft (else the published plan),
// violations checked in the browser with the shared validatePlan on every change, the solver
// with its progress, moves by drag, keyboard or form with undo, and publishing after a look at
// what changes for whom.
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { PlanResource } from '../../../shared/api/plans';
import type { SolverRun } from '../../../shared/api/solver-runs';
import { planDiff } from '../../../shared/domain/plan-diff';
import { validatePlan } from '../../../shared/domain/validate-plan';
import { addWeeks, stockholmDate } from '../../../shared/domain/weeks';
import type { Assignment } from '../../../shared/format/plan';
import type { Problem } from '../../../shared/format/problem';
import { background } from '../api/background';
import { api, failureMessage } from '../api/client';
import { AuditLog } from '../components/AuditLog';
import { MoveForm } from '../components/board/MoveForm';
import { PublishDialog } from '../components/board/PublishDialog';
import { VariantsTable } from '../components/board/VariantsTable';
import { ViolationList } from '../components/board/ViolationList';
import { CoverageTable } from '../components/CoverageTable';
import { Disclosure } from '../components/Disclosure';
import { CohortSelect, useCohortChoice } from '../components/CohortSelect';
import { RegionSelect, useRegionChoice } from '../components/RegionSelect';
import { RequestsPanel } from '../components/RequestsPanel';
import { Board } from '../components/timeline/Board';
import { useLang } from '../i18n/lang';

const strip = (list: Assignment[]): Assignment[] => list.map(({ doctor, block, site, from, to }) => ({ doctor, block, site, from, to }));
const keyOf = (a: { doctor: string; block: string }) => `${a.doctor}/${a.block}`;

/** Where the board opens: another page (the region's load) may name the region and cohort. */
export interface BoardChoice {
  region: string;
  cohort: string;
}

export function BoardPage({ initial }: { initial?: BoardChoice } = {}) {
  const { t, lang } = useLang();
  const { regions, region, setRegion } = useRegionChoice(initial?.region);
  const { cohorts, cohort, setCohort } = useCohortChoice(region, initial?.cohort);
  const [problem, setProblem] = useState<Problem>();
  const [plan, setPlan] = useState<PlanResource>();
  const [published, setPublished] = useState<Assignment[]>();
  const [history, setHistory] = useState<Assignment[][]>([]);
  const [run, setRun] = useState<SolverRun>();
  const [selected, setSelected] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string>();
  const [compared, setCompared] = useState<SolverRun>();

  const loadPlans = async (cohortId: string) => {
    const plans = await api.plans(cohortId);
    const draft = plans.find((p) => p.status === 'draft');
    const live = plans.find((p) => p.status === 'published');
    const [current, publishedPlan] = await Promise.all([draft ? api.plan(draft.uuid) : undefined, live ? api.plan(live.uuid) : undefined]);
    setPlan(current ?? publishedPlan);
    setPublished(publishedPlan ? strip(publishedPlan.assignments) : undefined);
    setHistory([]);
  };
  useEffect(() => {
    if (!cohort) return;
    background(api.problem(cohort).then(setProblem));
    background(loadPlans(cohort));
  }, [cohort]);

  const stored = useMemo(() => strip(plan?.assignments ?? []), [plan]);
  /** Edits not yet saved, shown meanwhile. */
  const [local, setLocal] = useState<Assignment[]>();
  const assignments = local ?? stored;
  // Checked a moment after an edit is drawn (React renders the deferred value next): the bar moves first.
  const checked = useDeferredValue(assignments);
  const draft = plan?.status === 'draft';
  // A draft's bars that differ from the published plan are outlined; publishing lists them.
  const changes = useMemo(() => (draft && published ? planDiff(published, checked) : []), [draft, published, checked]);
  const changed = useMemo(() => new Set(changes.map(keyOf)), [changes]);
  const violations = useMemo(() => (problem && plan ? validatePlan(problem, { assignments: checked }) : []), [problem, plan, checked]);
  const highlighted = useMemo(() => {
    const keys = new Set<string>();
    for (const v of violations) {
      if (v.doctor && v.block) keys.add(`${v.doctor}/${v.block}`);
      else if (v.doctor) for (const a of checked) if (a.doctor === v.doctor) keys.add(keyOf(a));
    }
    return keys;
  }, [violations, checked]);
  const fail = (err: unknown) => setMessage(failureMessage(err, t, {}, lang));

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

  // Edits show at once and are saved one after another in the background, each on the version
  // the previous save gave: a drag never waits for the server. A failed save shows what the
  // server holds again.
  const saving = useRef({ chain: Promise.resolve(), pending: 0, version: 0 });
  const save = (next: Assignment[], remember: boolean) => {
    if (!plan || !draft) return;
    if (remember) setHistory((h) => [...h, assignments]);
    setLocal(next);
    const queue = saving.current;
    if (queue.pending === 0) queue.version = plan.version;
    queue.pending++;
    const id = plan.uuid;
    queue.chain = queue.chain.then(async () => {
      try {
        const saved = await api.editPlan(id, queue.version, next);
        queue.version = saved.version;
        setPlan(saved);
      } catch (err) {
        fail(err);
        const current = await api.plan(id).catch(() => undefined);
        if (current) (queue.version = current.version), setPlan(current);
      } finally {
        if (--queue.pending === 0) setLocal(undefined);
      }
    });
  };
  const reshape = (key: string, change: (a: Assignment) => Assignment) => void save(assignments.map((a) => (keyOf(a) === key ? change(a) : a)), true);
  const move = (shift: number, site: string | undefined) =>
    reshape(selected, (a) => ({ ...a, site: a.site === null || !site ? a.site : site, from: addWeeks(a.from, shift), to: addWeeks(a.to, shift) }));
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
      fail(err);
    }
  };
  const publish = async () => {
    if (!plan) return;
    try {
      const done = await api.publish(plan.uuid, plan.version);
      setPlan(done);
      setPublished(strip(done.assignments));
      setConfirming(false);
      setMessage(t('published'));
    } catch (err) {
      fail(err);
    }
  };
  const newDraft = async () => {
    if (!cohort) return;
    try {
      setPlan(await api.draftFromPublished(cohort));
      setHistory([]);
    } catch (err) {
      fail(err);
    }
  };
  const choose = async (index: number) => {
    if (!cohort || !compared) return;
    setPlan(await api.draftFromRun(cohort, compared.uuid, index));
    setHistory([]);
    setCompared(undefined);
  };
  const solving = run?.status === 'running' || run?.status === 'queued';

  return (
    <section aria-label={t('board')}>
      <h2>{t('board')}</h2>
      <div className="toolbar">
        <RegionSelect regions={regions} region={region} onChange={setRegion} />{' '}
        <CohortSelect cohorts={cohorts} cohort={cohort} onChange={setCohort} />{' '}
        <button type="button" onClick={() => background(runSolver())} disabled={!cohort || solving}>
          {t('runSolver')}
        </button>{' '}
        <button type="button" onClick={() => background(runSolver(3))} disabled={!cohort || solving}>
          {t('compareVariants')}
        </button>{' '}
        {draft && (
          <button type="button" onClick={() => setConfirming(true)}>
            {t('publish')}
          </button>
        )}
        {plan?.status === 'published' && (
          <button type="button" onClick={() => background(newDraft())}>
            {t('newDraft')}
          </button>
        )}
      </div>
      {run && solving && (
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
          {draft ? t('draft') : t('published')} {plan.number}
          {plan.objective !== null ? ` · ${t('objective')} ${plan.objective}` : ''}
        </p>
      )}
      {message && <p role="alert">{message}</p>}
      {compared?.plans && problem && <VariantsTable plans={compared.plans} problem={problem} onChoose={(i) => background(choose(i))} />}
      {confirming && problem && <PublishDialog changes={changes} problem={problem} onPublish={() => void publish()} onCancel={() => setConfirming(false)} />}
      {problem && plan && (
        <>
          {draft && <p className="hint">{t('dragHint')}</p>}
          <Board
            problem={problem}
            assignments={assignments}
            highlighted={highlighted}
            changed={changed}
            today={stockholmDate(new Date())}
            onSelect={(a) => setSelected(keyOf(a))}
            onChange={draft ? (a, next) => reshape(keyOf(a), (x) => ({ ...x, ...next })) : undefined}
          />
        </>
      )}
      {changed.size > 0 && (
        <p className="changed-count">
          {t('changedSincePublished')}: {changed.size}
        </p>
      )}
      <ViolationList violations={violations} />
      {draft && problem && (
        <MoveForm
          problem={problem}
          assignments={assignments}
          selected={selected}
          onSelect={setSelected}
          onMove={move}
          onUndo={history.length > 0 ? undo : undefined}
          onTogglePin={() => background(togglePin())}
        />
      )}
      {problem && plan && (
        <Disclosure summary={t('coverage')}>{() => <CoverageTable problem={problem} assignments={assignments} violations={violations} lang={lang} />}</Disclosure>
      )}
      {cohort && problem && (
        <Disclosure summary={t('requests')}>
          {() => (
            <RequestsPanel cohort={cohort} problem={problem} onDecided={() => background(api.problem(cohort).then(setProblem))} />
          )}
        </Disclosure>
      )}
      {region && <Disclosure summary={t('auditLog')}>{() => <AuditLog region={region} />}</Disclosure>}
    </section>
  );
}
