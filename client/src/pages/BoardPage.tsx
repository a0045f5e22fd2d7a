// The coordinator's planning board for the cohort in the address: the version the address names
// (else the newest draft, else the published plan), checked in the browser with the shared
// validatePlan and the past-record rule on every change; the solver — replanning against the
// published plan from a chosen week — with its progress; moves by drag, keyboard or form with
// undo; the cohort's versions; publishing after a look at what changes for whom.
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { DoctorRequest } from '../../../shared/api/requests';
import type { SolverRun } from '../../../shared/api/solver-runs';
import { pastChanges } from '../../../shared/domain/past-record';
import { planDiff } from '../../../shared/domain/plan-diff';
import { changeSummary } from '../../../shared/domain/replanning';
import { validatePlan } from '../../../shared/domain/validate-plan';
import { addWeeks, formatWeek, formatWeekRange } from '../../../shared/domain/weeks';
import type { Assignment } from '../../../shared/format/plan';
import { background } from '../api/background';
import { api, failureMessage } from '../api/client';
import { AuditLog } from '../components/AuditLog';
import { ChangeSummary } from '../components/board/ChangeSummary';
import { MoveForm } from '../components/board/MoveForm';
import { PastChangeList } from '../components/board/PastChangeList';
import '../components/board/panels.css';
import { planWords } from '../components/board/plan-words';
import { PublishDialog } from '../components/board/PublishDialog';
import { ReplanFrom } from '../components/board/ReplanFrom';
import { SolverProgress } from '../components/board/SolverProgress';
import { VariantsTable } from '../components/board/VariantsTable';
import { VersionsPanel } from '../components/board/VersionsPanel';
import { ViolationList } from '../components/board/ViolationList';
import { CohortSelect, useCohortChoice } from '../components/CohortSelect';
import { CoverageTable } from '../components/CoverageTable';
import { Disclosure } from '../components/Disclosure';
import { FeedLink } from '../components/FeedLink';
import { RegionSelect, useRegionChoice } from '../components/RegionSelect';
import { RequestsPanel } from '../components/RequestsPanel';
import { Board } from '../components/timeline/Board';
import { usePendingRequests, useProblem } from '../hooks/useCohortData';
import { stripped, useDraftPlan } from '../hooks/useDraftPlan';
import { useReplanning } from '../hooks/useReplanning';
import { useSolverRun } from '../hooks/useSolverRun';
import { useLang } from '../i18n/lang';
import { Link } from '../router/Link';
import { usePlace } from '../router/PlaceContext';

const keyOf = (a: { doctor: string; block: string }) => `${a.doctor}/${a.block}`;

/**
 * `today`: the server's date — the past-record rule, the replan's first week and the board's marker.
 * `townsOnly`: a coordinator limited to towns of the region: no solver, new drafts or publishing (the server answers 403).
 */
export function BoardPage({ today, townsOnly = false }: { today: string; townsOnly?: boolean }) {
  const { t, lang } = useLang();
  const { regions, region, setRegion } = useRegionChoice();
  const { cohorts, cohort, setCohort } = useCohortChoice();
  const { place, go, href } = usePlace();
  /** What the last action came to; `plan`: said of that version, so shown only with it. */
  const [said, say] = useState<{ text: string | undefined; plan?: string }>();
  const setMessage = (text: string | undefined) => say({ text });
  const fail = (err: unknown) => setMessage(failureMessage(err, t, {}, lang));
  const { problem, reload: reloadProblem } = useProblem(cohort);
  const { requests, reload: reloadRequests } = usePendingRequests(cohort);
  const draft = useDraftPlan(cohort, place.plan, { onFailure: fail, onOpen: (plan) => go({ plan }) });
  const solver = useSolverRun(cohort, { onFinished: (run) => background(finished(run)), onFailure: fail });
  const [selected, setSelected] = useState('');
  /** The publish dialog, open, with the server's reason when it refused. */
  const [publishing, setPublishing] = useState<{ failure?: string }>();
  const [compared, setCompared] = useState<SolverRun>();
  useEffect(() => {
    setSelected('');
    setPublishing(undefined);
    setCompared(undefined);
    setMessage(undefined);
  }, [cohort]);

  const { plan, editable, assignments } = draft;
  const published = useMemo(() => (draft.published ? stripped(draft.published.assignments) : undefined), [draft.published]);
  const replan = useReplanning(cohort, today, published);
  // Checked a moment after an edit is drawn (React renders the deferred value next): the bar moves first.
  const checked = useDeferredValue(assignments);
  const words = useMemo(() => planWords(problem, lang), [problem, lang]);
  const summary = useMemo(() => (editable && published ? changeSummary(published, checked) : undefined), [editable, published, checked]);
  const changed = useMemo(() => new Set(summary?.changes.map(keyOf)), [summary]);
  const past = useMemo(() => (editable && published ? pastChanges(published, checked, today) : []), [editable, published, checked, today]);
  const violations = useMemo(() => (problem && plan ? validatePlan(problem, { assignments: checked }) : []), [problem, plan, checked]);
  const highlighted = useMemo(() => {
    const keys = new Set<string>();
    for (const v of violations) {
      if (v.doctor && v.block) keys.add(`${v.doctor}/${v.block}`);
      else if (v.doctor) for (const a of checked) if (a.doctor === v.doctor) keys.add(keyOf(a));
    }
    return keys;
  }, [violations, checked]);

  const show = (next: Parameters<typeof draft.adopt>[0]) => {
    setMessage(undefined);
    draft.adopt(next);
    go({ plan: next.uuid });
  };
  const run = (body: { variants?: number; frozenBefore?: string }) => {
    setMessage(undefined);
    setCompared(undefined);
    solver.start(body);
  };
  const finished = async (done: SolverRun) => {
    if (done.status === 'cancelled') return setMessage(t('runCancelled'));
    if (done.status === 'failed') return setMessage(done.error ?? t('runFailed'));
    if (done.parameters.variants && done.plans?.length) return setCompared(done);
    if (!done.plan) return setMessage(done.plans?.[0]?.explanation.map((e) => (lang === 'sv' ? e.message_sv : e.message_en)).join('\n'));
    const next = await api.plan(done.plan);
    if (done.parameters.frozenBefore) replan.made(next.uuid, done.parameters.frozenBefore);
    show(next);
  };
  const reshape = (key: string, change: (a: Assignment) => Assignment) => draft.edit(assignments.map((a) => (keyOf(a) === key ? change(a) : a)));
  const move = (shift: number, site: string | undefined) =>
    reshape(selected, (a) => ({ ...a, site: a.site === null || !site ? a.site : site, from: addWeeks(a.from, shift), to: addWeeks(a.to, shift) }));
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
      reloadProblem();
    } catch (err) {
      fail(err);
    }
  };
  const publish = async () => {
    if (!plan) return;
    try {
      const done = await api.publish(plan.uuid, plan.version);
      draft.adopt(done);
      // The address names what is shown: the default would be a newer draft, if there is one.
      go({ plan: done.uuid }, { replace: true });
      setPublishing(undefined);
      say({ text: t('published'), plan: done.uuid });
    } catch (err) {
      setPublishing({ failure: failureMessage(err, t, {}, lang) });
    }
  };
  const attempt = (work: () => Promise<void>) => background(work().catch(fail));
  const discard = (id: string, version: number, number: number) => {
    if (!window.confirm(t('discardConfirm').replace('{n}', String(number)))) return;
    attempt(async () => {
      await api.discardPlan(id, version);
      draft.forget(id);
      setMessage(t('discarded').replace('{n}', String(number)));
      if (plan?.uuid === id) go({}, { replace: true });
      draft.reload();
    });
  };
  const decided = (request: DoctorRequest, decision: 'approve' | 'reject' | undefined, doctorName: string) => {
    reloadRequests();
    if (!decision) return;
    reloadProblem();
    replan.decided(request, decision, doctorName);
  };
  const pending = requests?.length ?? 0;
  const openRequests = () => {
    const panel = document.getElementById('requests') as HTMLDetailsElement | null;
    if (!panel) return;
    panel.open = true;
    panel.scrollIntoView({ block: 'start' });
    panel.querySelector('summary')?.focus();
  };

  return (
    <section aria-label={t('board')}>
      <h2>{t('board')}</h2>
      <div className="toolbar">
        <RegionSelect regions={regions} region={region} onChange={setRegion} />{' '}
        <CohortSelect cohorts={cohorts} cohort={cohort} onChange={setCohort} />{' '}
        {/* With a published plan the solver replans against it, from a Monday no earlier than the coming one. */}
        {!townsOnly && replan.from && <ReplanFrom weeks={replan.weeks} value={replan.from} onChange={replan.choose} />}
        {!townsOnly && (
          <>
            <button type="button" onClick={() => run({ frozenBefore: replan.from })} disabled={!cohort || solver.solving}>
              {t('runSolver')}
            </button>{' '}
            <button type="button" onClick={() => run({ variants: 3, frozenBefore: replan.from })} disabled={!cohort || solver.solving}>
              {t('compareVariants')}
            </button>{' '}
          </>
        )}
        {editable && !townsOnly && (
          <button type="button" onClick={() => setPublishing({})}>
            {t('publish')}
          </button>
        )}
        {plan?.status === 'published' && !townsOnly && (
          <button type="button" onClick={() => attempt(async () => show(await api.draftFromPublished(cohort!)))}>
            {t('newDraft')}
          </button>
        )}
        {pending > 0 && (
          <button type="button" className="pending-count" onClick={openRequests}>
            {t('requests')}: {t(pending === 1 ? 'pendingOne' : 'pendingMany').replace('{n}', String(pending))}
          </button>
        )}
      </div>
      {townsOnly && <p className="hint">{t('townsBoard')}</p>}
            {solver.run && solver.solving && <SolverProgress run={solver.run} onCancel={solver.cancel} />}
      {replan.leaveOffer && !solver.solving && (
        <p className="leave-offer" role="status">
          {t('leaveGranted').replace('{doctor}', replan.leaveOffer.doctorName).replace('{weeks}', formatWeekRange(replan.leaveOffer.leave, lang))}{' '}
          <button type="button" onClick={() => run({ frozenBefore: replan.takeOffer() })}>
            {t('replanFromWeek').replace('{week}', formatWeek(replan.leaveOffer.from, lang))}
          </button>
        </p>
      )}
      {plan && (
        <p className="plan-status">
          {t(`status-${plan.status}`)} {plan.number}
          {plan.objective !== null ? ` · ${t('objective')} ${plan.objective}` : ''}
          {!editable && ` · ${t('readOnly')}`}
          {place.plan && (
            <>
              {' '}
              <Link to={href({})}>{t('toCurrentPlan')}</Link>
            </>
          )}
        </p>
      )}
      {said?.text && (!said.plan || said.plan === plan?.uuid) && <p role="alert">{said.text}</p>}
      {compared?.plans && problem && (
        <VariantsTable
          plans={compared.plans}
          problem={problem}
          onChoose={(i) => attempt(async () => (show(await api.draftFromRun(cohort!, compared.uuid, i)), setCompared(undefined)))}
        />
      )}
      {summary && <ChangeSummary summary={summary} replannedFrom={replan.fromOf(plan?.uuid)} words={words} />}
      {!publishing && <PastChangeList changes={past} draft={checked} words={words} />}
      {publishing && problem && (
        <PublishDialog
          changes={published ? planDiff(published, assignments) : undefined}
          draft={assignments}
          pastChanges={past}
          words={words}
          failure={publishing.failure}
          onPublish={() => background(publish())}
          onCancel={() => setPublishing(undefined)}
        />
      )}
      {problem && plan && (
        <>
          {editable && <p className="hint">{t('dragHint')}</p>}
          <Board
            problem={problem}
            assignments={assignments}
            highlighted={highlighted}
            changed={changed}
            today={today}
            onSelect={(a) => setSelected(keyOf(a))}
            onChange={editable ? (a, next) => reshape(keyOf(a), (x) => ({ ...x, ...next })) : undefined}
          />
        </>
      )}
      <ViolationList violations={violations} />
      {editable && problem && (
        <MoveForm
          problem={problem}
          assignments={assignments}
          selected={selected}
          onSelect={setSelected}
          onMove={move}
          onUndo={draft.canUndo ? draft.undo : undefined}
          onTogglePin={() => background(togglePin())}
        />
      )}
      {cohort && (
        <Disclosure summary={`${t('versions')} (${draft.versions.length})`}>
          {() => (
            <VersionsPanel
              versions={draft.versions}
              shown={plan?.uuid}
              words={words}
              href={(id) => href({ plan: id })}
              onRestore={(v) => attempt(async () => show(await api.draftFromVersion(cohort, v.uuid)))}
              onDiscard={(v) => discard(v.uuid, v.version, v.number)}
              diff={api.planDiff}
              onFailure={fail}
            />
          )}
        </Disclosure>
      )}
      {problem && plan && (
        <Disclosure summary={t('coverage')}>{() => <CoverageTable problem={problem} assignments={assignments} violations={violations} lang={lang} />}</Disclosure>
      )}
      {cohort && problem && (
        <Disclosure id="requests" summary={`${t('requests')} (${t(pending === 1 ? 'pendingOne' : 'pendingMany').replace('{n}', String(pending))})`}>
          {() => <RequestsPanel cohort={cohort} problem={problem} requests={requests ?? []} onDecided={decided} />}
        </Disclosure>
      )}
      {cohort && <Disclosure summary={t('cohortFeed')}>{() => <FeedLink owner="cohorts" id={cohort} label={t('cohortFeed')} />}</Disclosure>}
      {region && <Disclosure summary={t('auditLog')}>{() => <AuditLog region={region} words={words} />}</Disclosure>}
    </section>
  );
}
