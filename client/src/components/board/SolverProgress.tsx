// A running solver in words: the phase it is in, how long it has run, the best plan's objective
// and the proven bound so far; cancellable.
import type { SolverRun } from '../../../../shared/api/solver-runs';
import { useLang } from '../../i18n/lang';
import type { TextKey } from '../../i18n/texts';

export function SolverProgress({ run, onCancel }: { run: SolverRun; onCancel: () => void }) {
  const { t } = useLang();
  const progress = run.progress;
  const phase: TextKey = run.status === 'queued' ? 'phase-queued' : progress ? `phase-${progress.phase}` : 'phase-starting';
  const parts = [
    t(phase),
    progress?.overloaded ? t('overloadedLeft').replace('{n}', String(progress.overloaded)) : undefined,
    progress?.elapsedSeconds !== undefined ? t('elapsed').replace('{s}', String(Math.round(progress.elapsedSeconds))) : undefined,
    progress?.objective !== undefined ? `${t('objective')} ${progress.objective}` : undefined,
    progress?.bound !== undefined ? `${t('bound')} ${progress.bound}` : undefined,
  ].filter(Boolean);
  return (
    <div className="solver-progress">
      <progress aria-label={t('solving')} />{' '}
      <span role="status">
        {t('solving')}: {parts.join(' · ')}
      </span>{' '}
      <button type="button" onClick={onCancel}>
        {t('cancel')}
      </button>
    </div>
  );
}
