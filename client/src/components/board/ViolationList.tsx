// The plan's broken rules beside the board; a click takes the keyboard focus to the bar concerned
// (or the doctor's row), which also scrolls it into view.
import type { Violation } from '../../../../shared/domain/violations';
import { useLang } from '../../i18n/lang';

function focusCell(v: Violation) {
  const doctor = v.doctor ?? v.doctors?.[0];
  if (!doctor) return;
  const bar = v.block ? document.querySelector<HTMLElement>(`[data-placement="${CSS.escape(`${doctor}/${v.block}`)}"]`) : null;
  const target = bar ?? document.querySelector<HTMLElement>(`[data-doctor="${CSS.escape(doctor)}"] .bar`);
  target?.scrollIntoView({ block: 'center', inline: 'center' });
  target?.focus();
}

export function ViolationList({ violations: all }: { violations: Violation[] }) {
  const { t, lang } = useLang();
  // Notes break no rule (a second credit by recorded exception): they are listed apart.
  const violations = all.filter((v) => v.severity !== 'note');
  const notes = all.filter((v) => v.severity === 'note');
  const list = (items: Violation[], className: string) => (
    <ul className={className}>
      {items.map((v, i) => (
        <li key={i} className={`violation violation-${v.severity}`} data-code={v.code}>
          <button type="button" onClick={() => focusCell(v)}>
            {lang === 'sv' ? v.message_sv : v.message_en}
          </button>
        </li>
      ))}
    </ul>
  );
  return (
    <aside aria-label={t('violations')}>
      <h3>{t('violations')}</h3>
      {violations.length === 0 ? <p className="no-violations">{t('noViolations')}</p> : list(violations, 'violations')}
      {notes.length > 0 && (
        <>
          <h4>{t('planNotes')}</h4>
          {list(notes, 'plan-notes')}
        </>
      )}
    </aside>
  );
}
