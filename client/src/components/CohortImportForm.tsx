// A bt-planning-problem/1 file becomes a cohort under a new name. The file is sent as read: the
// server checks it, and what it or JSON.parse says is wrong is shown as is (it names the field).
import { useState, type FormEvent } from 'react';
import { failureMessage } from '../api/client';
import { useLang } from '../i18n/lang';

export function CohortImportForm({ onImport }: { onImport: (body: { name: string; problem: unknown }) => Promise<void> }) {
  const { t } = useLang();
  const [name, setName] = useState('');
  const [file, setFile] = useState<File>();
  const [failure, setFailure] = useState<string>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setFailure(t('chooseFile'));
    let problem: unknown;
    try {
      problem = JSON.parse(await file.text());
    } catch (err) {
      return setFailure(`${t('notJson')}: ${failureMessage(err, t)}`);
    }
    try {
      setFailure(undefined);
      await onImport({ name, problem });
    } catch (err) {
      // A 409 here is the name: the cohort and its template both take it.
      setFailure(failureMessage(err, t, { duplicate: t('cohortNameTaken') }));
    }
  };
  return (
    <form aria-label={t('importCohort')} onSubmit={submit} className="cohort-import-form">
      <label>
        {t('name')} <input name="name" value={name} onChange={(e) => setName(e.target.value)} />
      </label>{' '}
      <label>
        {t('problemFile')} <input name="file" type="file" accept=".json,application/json" onChange={(e) => setFile(e.target.files?.[0])} />
      </label>{' '}
      <button type="submit">{t('importCohort')}</button>
      {failure && (
        <p role="alert" className="import-failure" style={{ color: '#b00', whiteSpace: 'pre-line' }}>
          {failure}
        </p>
      )}
    </form>
  );
}
