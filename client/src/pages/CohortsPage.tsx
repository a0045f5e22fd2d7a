// A region's cohorts: create, edit (optimistic locking; another template that would lose what
// doctors name is listed and mapped by kind on confirmation), export as a bt-planning-problem/1
// file, import such a file, a new intake from one, delete. A coordinator limited to towns only
// reads and exports them: every other change is the whole region's (the server answers 403).
import { useEffect, useState } from 'react';
import type { CohortBody, CohortIntake, CohortResource } from '../../../shared/api/cohorts';
import { PROBLEM_TYPES, type LostReferenceDetail } from '../../../shared/api/common';
import type { TemplateResource } from '../../../shared/api/templates';
import { addWeeks } from '../../../shared/domain/weeks';
import { background } from '../api/background';
import { api, ApiError, failureMessage, lostReferenceLines } from '../api/client';
import { CohortForm } from '../components/CohortForm';
import { CohortImportForm } from '../components/CohortImportForm';
import { IntakeForm } from '../components/IntakeForm';
import { RegionSelect, useRegionChoice } from '../components/RegionSelect';
import { useLang } from '../i18n/lang';

/** Saves `json` as `<name>.json` through a temporary link. */
function download(name: string, json: unknown): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(json, null, 2)], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: `${name}.json` });
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the blob after click() returns: revoke a little later.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** `readOnly`: a coordinator limited to towns of the region: the cohorts are listed and exported, not changed. */
export function CohortsPage({ readOnly = false }: { readOnly?: boolean }) {
  const { t, lang } = useLang();
  const { regions, region, setRegion } = useRegionChoice();
  const [cohorts, setCohorts] = useState<CohortResource[]>([]);
  const [templates, setTemplates] = useState<TemplateResource[]>([]);
  const [open, setOpen] = useState<{ uuid: string; form: 'edit' | 'intake'; suggestedStart?: string }>();
  /** A template change refused for what the doctors name: the list, and the change to confirm. */
  const [lost, setLost] = useState<{ cohort: CohortResource; body: CohortBody; lost: LostReferenceDetail[] }>();
  const [adding, setAdding] = useState<'new' | 'import'>();
  const [message, setMessage] = useState<{ text: string; failed: boolean }>();
  const load = (id: string) => background(Promise.all([api.cohorts(id).then(setCohorts), api.templates(id).then(setTemplates)]));
  useEffect(() => (region ? load(region) : undefined), [region]);

  /** Runs a change, says how it went, and reloads whatever happened (a stale row is refreshed). */
  const change = async (work: () => Promise<string>) => {
    try {
      setMessage({ text: await work(), failed: false });
      setOpen(undefined);
      setAdding(undefined);
    } catch (err) {
      setMessage({ text: failureMessage(err, t, { duplicate: t('cohortNameTaken') }, lang), failed: true });
    }
    if (region) load(region);
  };
  const create = (body: CohortBody) => change(async () => (await api.createCohort(region!, body), t('cohortCreated')));
  const update = (c: CohortResource, body: CohortBody, mapByKind = false) =>
    change(async () => {
      setLost(undefined);
      try {
        await api.updateCohort(c.uuid, { ...body, version: c.version, ...(mapByKind ? { mapByKind } : {}) });
      } catch (err) {
        // Shown as a list with a confirmation below the table, not as a failure line.
        if (err instanceof ApiError && err.problem.type === PROBLEM_TYPES.lostReferences && !mapByKind) setLost({ cohort: c, body, lost: err.problem.lost ?? [] });
        throw err;
      }
      return mapByKind && lost ? t('templateMapped').replace('{n}', String(lost.lost.length)) : t('saved');
    });
  const intake = (c: CohortResource, body: CohortIntake) =>
    change(async () => t('intakeCreated').replace('{n}', String((await api.newIntake(c.uuid, body)).doctors)));
  /** The intake form, suggesting the source's first start a year (52 weeks) later. */
  const openIntake = async (c: CohortResource) => {
    if (open?.uuid === c.uuid && open.form === 'intake') return setOpen(undefined);
    const starts = c.doctors > 0 ? (await api.doctors(c.uuid)).map((d) => d.start).sort() : [];
    setOpen({ uuid: c.uuid, form: 'intake', ...(starts[0] ? { suggestedStart: addWeeks(starts[0], 52) } : {}) });
  };
  const remove = (c: CohortResource) => {
    if (!window.confirm(t('deleteCohortConfirm').replace('{name}', c.name))) return;
    background(change(async () => (await api.deleteCohort(c.uuid, c.version), t('cohortDeleted'))));
  };
  const exportFile = (c: CohortResource) => background(api.problem(c.uuid).then((problem) => download(c.name, problem)));
  // Failures stay in the import form (it shows them beside the file); only success is reported here.
  const importFile = async (body: { name: string; problem: unknown }) => {
    const cohort = await api.importCohort(region!, body);
    setMessage({ text: t('cohortImported').replace('{n}', String(cohort.doctors)), failed: false });
    setAdding(undefined);
    load(region!);
  };
  const toggle = (uuid: string, form: 'edit' | 'intake') => setOpen(open?.uuid === uuid && open.form === form ? undefined : { uuid, form });

  return (
    <section aria-label={t('cohorts')}>
      <h2>{t('cohorts')}</h2>
      <RegionSelect regions={regions} region={region} onChange={setRegion} />
      {readOnly && <p className="hint">{t('townsRegionWide')}</p>}
      {message && !lost && (
        <p role={message.failed ? 'alert' : 'status'} style={{ whiteSpace: 'pre-line' }}>
          {message.text}
        </p>
      )}
      {lost && (
        <div role="alert" className="lost-references">
          <p>{t('lostReferences')}</p>
          <ul>
            {lostReferenceLines(lost.lost, t).map((line, i) => (
              <li key={i} data-mapped={lost.lost[i]!.mappedTo !== null}>
                {line}
              </li>
            ))}
          </ul>
          {lost.lost.every((l) => l.mappedTo !== null) ? (
            <button type="button" onClick={() => background(update(lost.cohort, lost.body, true))}>
              {t('mapByKind')}
            </button>
          ) : (
            <p>{t('lostUnmapped')}</p>
          )}{' '}
          <button type="button" onClick={() => setLost(undefined)}>
            {t('cancel')}
          </button>
        </div>
      )}
      <table className="cohorts">
        <thead>
          <tr>
            <th>{t('name')}</th>
            <th>{t('template')}</th>
            <th>{t('doctorCount')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {cohorts.map((c) => (
            <tr key={c.uuid} data-cohort-row={c.uuid} data-doctors={c.doctors}>
              <th scope="row" style={{ textAlign: 'left', fontWeight: 'normal' }}>
                {c.name}
              </th>
              <td>{templates.find((tpl) => tpl.uuid === c.template)?.name}</td>
              <td>{c.doctors}</td>
              <td style={{ display: 'flex', gap: '0.3rem' }}>
                {!readOnly && (
                  <button type="button" aria-expanded={open?.uuid === c.uuid && open.form === 'edit'} onClick={() => toggle(c.uuid, 'edit')}>
                    {t('edit')}
                  </button>
                )}
                <button type="button" onClick={() => exportFile(c)}>
                  {t('exportCohort')}
                </button>
                {!readOnly && (
                  <>
                    <button type="button" aria-expanded={open?.uuid === c.uuid && open.form === 'intake'} onClick={() => background(openIntake(c))}>
                      {t('newIntake')}
                    </button>
                    <button type="button" onClick={() => remove(c)}>
                      {t('remove')}
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {cohorts
        .filter((c) => c.uuid === open?.uuid)
        .map((c) =>
          open?.form === 'edit' ? (
            <CohortForm key={`${c.uuid}-${c.version}`} cohort={c} templates={templates} onSave={(body) => update(c, body)} />
          ) : (
            <IntakeForm key={c.uuid} cohort={c} suggestedStart={open?.suggestedStart} onSubmit={(body) => intake(c, body)} />
          ),
        )}
      {!readOnly && (
        <p style={{ display: 'flex', gap: '0.5rem' }}>
          <button type="button" aria-expanded={adding === 'new'} onClick={() => setAdding(adding === 'new' ? undefined : 'new')}>
            {t('newCohort')}
          </button>
          <button type="button" aria-expanded={adding === 'import'} onClick={() => setAdding(adding === 'import' ? undefined : 'import')}>
            {t('importCohort')}
          </button>
        </p>
      )}
      {adding === 'new' && <CohortForm key={templates[0]?.uuid ?? 'none'} templates={templates} onSave={create} />}
      {adding === 'import' && <CohortImportForm onImport={importFile} />}
    </section>
  );
}
