// The handledare of each of a doctor's placements: per site block a name and, optionally, the
// email of the supervisor's account (that account then sees the doctor and records assessments).
// Rows without a name are not sent; the list is saved apart from the doctor (PUT …/supervisors).
import type { ReactNode } from 'react';
import type { PlacementSupervisor } from '../../../shared/api/assessments';
import { needsSite } from '../../../shared/domain/block-kinds';
import type { Block } from '../../../shared/format/problem';
import { useLang } from '../i18n/lang';
import { blockLabel } from './DoctorPlacementsFields';

/** One block's handledare as typed: empty strings for none. */
export type SupervisorRows = Record<string, { name: string; email: string }>;

export function supervisorRows(list: readonly PlacementSupervisor[] = []): SupervisorRows {
  return Object.fromEntries(list.map((s) => [s.block, { name: s.name, email: s.email ?? '' }]));
}

/** The rows to send, in the template's order: those with a name (or an email, so its missing name is shown). */
export function supervisorList(blocks: readonly Block[], rows: SupervisorRows): { block: string; name: string; email?: string }[] {
  return blocks.flatMap((b) => {
    const row = rows[b.id];
    if (!row || (!row.name.trim() && !row.email.trim())) return [];
    return [{ block: b.id, name: row.name, ...(row.email.trim() ? { email: row.email.trim() } : {}) }];
  });
}

export function DoctorSupervisorsFields({ blocks, rows, onChange, error }: { blocks: Block[]; rows: SupervisorRows; onChange: (rows: SupervisorRows) => void; error: (path: string) => ReactNode }) {
  const { t, lang } = useLang();
  const sent = supervisorList(blocks, rows).map((s) => s.block);
  const set = (block: string, change: Partial<SupervisorRows[string]>) => onChange({ ...rows, [block]: { name: '', email: '', ...rows[block], ...change } });
  return (
    <fieldset className="doctor-supervisors">
      <legend>{t('supervisorsOfPlacements')}</legend>
      {blocks
        .filter((b) => needsSite(b.category))
        .map((b) => {
          const name = blockLabel(b, lang);
          // Errors name the row's place in the list sent, not in the template.
          const at = sent.indexOf(b.id);
          return (
            <div key={b.id} data-supervisor-block={b.id}>
              <strong>{name}</strong>{' '}
              <label>
                {t('placementSupervisor')} <input aria-label={`${t('placementSupervisor')}: ${name}`} value={rows[b.id]?.name ?? ''} onChange={(e) => set(b.id, { name: e.target.value })} />
              </label>{' '}
              <label>
                {t('supervisorEmail')} <input inputMode="email" aria-label={`${t('supervisorEmail')}: ${name}`} value={rows[b.id]?.email ?? ''} onChange={(e) => set(b.id, { email: e.target.value })} />
              </label>{' '}
              {at >= 0 && (
                <>
                  {error(`supervisors[${at}].name`)} {error(`supervisors[${at}].email`)} {error(`supervisors[${at}].block`)}
                </>
              )}
            </div>
          );
        })}
    </fieldset>
  );
}
