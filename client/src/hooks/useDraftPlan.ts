// The plan a board shows and edits: the cohort's versions, the one asked for (else the newest
// draft, else the published plan), the published plan to compare with, edits drawn at once and
// saved one after another in the background, and an undo history that outlives a plan switch
// (a solver run's result is a new draft; undo returns to the draft before it).
import { useEffect, useMemo, useRef, useState } from 'react';
import type { PlanResource, PlanSummary } from '../../../shared/api/plans';
import type { Assignment } from '../../../shared/format/plan';
import { api } from '../api/client';

export type DraftPlanCalls = Pick<typeof api, 'plans' | 'plan' | 'editPlan'>;

export interface DraftPlanOptions {
  /** A load or save failed (a save's failure shows what the server holds again). */
  onFailure: (err: unknown) => void;
  /** Undo needs another version shown: go to its address. */
  onOpen: (plan: string) => void;
  calls?: DraftPlanCalls;
}

/** A state undo returns to: that version with those assignments. */
interface UndoEntry {
  plan: string;
  assignments: Assignment[];
}

export const stripped = (list: readonly Assignment[]): Assignment[] => list.map(({ doctor, block, site, from, to }) => ({ doctor, block, site, from, to }));

const same = (a: Assignment[], b: Assignment[]) => a.length === b.length && a.every((x, i) => JSON.stringify(x) === JSON.stringify(b[i]));

/** The version shown when the address names none: the newest draft made since the publication, else the published one. */
export function defaultVersion(versions: PlanSummary[]): PlanSummary | undefined {
  const published = versions.find((p) => p.status === 'published');
  const newest = versions.filter((p) => p.status === 'draft').sort((a, b) => b.number - a.number)[0];
  return newest && (!published || newest.number > published.number) ? newest : (published ?? newest);
}

export function useDraftPlan(cohort: string | undefined, planId: string | undefined, { onFailure, onOpen, calls = api }: DraftPlanOptions) {
  const [versions, setVersions] = useState<PlanSummary[]>([]);
  const [plan, setPlan] = useState<PlanResource>();
  const [published, setPublished] = useState<PlanResource>();
  /** Edits not yet saved, shown meanwhile, for the version they were made on. */
  const [local, setLocal] = useState<UndoEntry>();
  const [history, setHistory] = useState<UndoEntry[]>([]);
  const [reloads, setReloads] = useState(0);
  const shown = useRef<PlanResource | undefined>(undefined);
  shown.current = plan;
  const handlers = useRef({ onFailure, onOpen });
  handlers.current = { onFailure, onOpen };
  /** Undo reached another version: once it is shown, these are its assignments. */
  const pendingUndo = useRef<UndoEntry | undefined>(undefined);
  const loadedCohort = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (!cohort) return;
    let live = true;
    if (loadedCohort.current !== cohort) {
      // Another cohort: nothing of the last one stays (its saves still finish, on its own plan).
      loadedCohort.current = cohort;
      setVersions([]);
      setPlan(undefined);
      setPublished(undefined);
      setHistory([]);
      shown.current = undefined;
    }
    const load = async () => {
      const list = await calls.plans(cohort);
      if (!live) return;
      setVersions(list);
      const current = shown.current;
      const wanted = planId ?? defaultVersion(list)?.uuid;
      const publishedVersion = list.find((p) => p.status === 'published');
      const [next, publishedPlan] = await Promise.all([
        !wanted ? undefined : current?.uuid === wanted && current.version >= (list.find((p) => p.uuid === wanted)?.version ?? 0) ? current : calls.plan(wanted),
        publishedVersion ? calls.plan(publishedVersion.uuid) : undefined,
      ]);
      if (!live) return;
      if (next && next.cohort !== cohort) throw new Error(`plan ${next.uuid} is not a plan of this cohort`);
      setPublished(publishedPlan);
      setPlan((was) => (was && next && was.uuid === next.uuid && was.version > next.version ? was : next));
      const pending = pendingUndo.current;
      if (next && pending?.plan === next.uuid) {
        pendingUndo.current = undefined;
        if (!same(pending.assignments, stripped(next.assignments))) save(next, pending.assignments);
      }
    };
    load().catch((err: unknown) => live && handlers.current.onFailure(err));
    return () => void (live = false);
  }, [cohort, planId, reloads]);

  const stored = useMemo(() => stripped(plan?.assignments ?? []), [plan]);
  const assignments = local && local.plan === plan?.uuid ? local.assignments : stored;
  const editable = plan?.status === 'draft';

  // Each save goes on the version the previous save gave: a drag never waits for the server.
  const saving = useRef({ chain: Promise.resolve(), pending: 0, plan: '', version: 0 });
  const save = (target: PlanResource, next: Assignment[]) => {
    setLocal({ plan: target.uuid, assignments: next });
    const queue = saving.current;
    if (queue.pending === 0 || queue.plan !== target.uuid) Object.assign(queue, { plan: target.uuid, version: target.version });
    queue.pending++;
    queue.chain = queue.chain.then(async () => {
      try {
        const saved = await calls.editPlan(target.uuid, queue.version, next);
        if (queue.plan === target.uuid) queue.version = saved.version;
        if (shown.current?.uuid === saved.uuid) setPlan(saved);
      } catch (err) {
        handlers.current.onFailure(err);
        const current = await calls.plan(target.uuid).catch(() => undefined);
        if (current && queue.plan === current.uuid) queue.version = current.version;
        if (current && shown.current?.uuid === current.uuid) setPlan(current);
      } finally {
        if (--queue.pending === 0) setLocal(undefined);
      }
    });
  };

  // The methods below may be called from a closure of an earlier render (a run that ends later).
  const latest = useRef({ plan, assignments, editable, history });
  latest.current = { plan, assignments, editable, history };

  return {
    /** The cohort's versions as listed by the server. */
    versions,
    plan,
    published,
    /** What the board draws: unsaved edits first. */
    assignments,
    editable,
    /** An edit of the shown draft: drawn at once, remembered for undo, saved in the background. */
    edit(next: Assignment[]) {
      const { plan: target, assignments: before, editable: open } = latest.current;
      if (!target || !open) return;
      setHistory((h) => [...h, { plan: target.uuid, assignments: before }]);
      save(target, next);
    },
    canUndo: history.length > 0,
    /** Back one step: an edit of this draft, or to the draft shown before a run or a new draft. */
    undo() {
      const { plan: target, history: entries } = latest.current;
      const entry = entries.at(-1);
      if (!entry) return;
      setHistory((h) => h.slice(0, -1));
      if (target && entry.plan === target.uuid) return save(target, entry.assignments);
      pendingUndo.current = entry;
      handlers.current.onOpen(entry.plan);
    },
    /** Shows a version made elsewhere (a run's draft, a new draft, a publication); the draft shown before is kept for undo. */
    adopt(next: PlanResource) {
      const { plan: before, assignments: drawn, editable: open } = latest.current;
      if (before && open && next.uuid !== before.uuid) setHistory((h) => [...h, { plan: before.uuid, assignments: drawn }]);
      // A published version is no longer edited: its edits cannot be undone.
      if (next.status !== 'draft') setHistory((h) => h.filter((e) => e.plan !== next.uuid));
      shown.current = next;
      setPlan(next);
      if (next.status === 'published') setPublished(next);
      setReloads((n) => n + 1);
    },
    /** A version is gone (discarded): undo no longer leads there. */
    forget(id: string) {
      setHistory((h) => h.filter((e) => e.plan !== id));
    },
    reload() {
      setReloads((n) => n + 1);
    },
  };
}

export type DraftPlan = ReturnType<typeof useDraftPlan>;
