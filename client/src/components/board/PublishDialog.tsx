// Publishing asks first and lists what changes for whom: each moved, added or removed placement
// by doctor name, block, site and weeks — or, the first time, that every placement is new. A
// draft that rewrites served weeks is flagged before, and a refusal says why inside the dialog.
import type { PastChange } from '../../../../shared/domain/past-record';
import type { PlanChange } from '../../../../shared/domain/plan-diff';
import type { Assignment } from '../../../../shared/format/plan';
import { useLang } from '../../i18n/lang';
import { ChangeList } from './ChangeList';
import { PastChangeList } from './PastChangeList';
import type { PlanWords } from './plan-words';

export interface PublishDialogProps {
  /** Compared with the published plan; undefined when nothing has been published yet. */
  changes: PlanChange[] | undefined;
  /** The draft's assignments. */
  draft: Assignment[];
  pastChanges: PastChange[];
  words: PlanWords;
  /** Why the server refused the last try. */
  failure?: string;
  onPublish: () => void;
  onCancel: () => void;
}

export function PublishDialog({ changes, draft, pastChanges, words, failure, onPublish, onCancel }: PublishDialogProps) {
  const { t } = useLang();
  const question = changes === undefined ? t('publishFirst').replace('{n}', String(draft.length)) : changes.length === 0 ? t('publishNoChanges') : t('publishConfirm');
  return (
    <div role="dialog" aria-label={t('publish')} className="publish-dialog">
      <p>{question}</p>
      {changes && changes.length > 0 && <ChangeList changes={changes} words={words} />}
      {/* Warned before the try; a refusal then says it in the server's words. */}
      {failure ? <p role="alert">{failure}</p> : <PastChangeList changes={pastChanges} draft={draft} words={words} />}
      <button type="button" onClick={onPublish}>
        {t('publish')}
      </button>{' '}
      <button type="button" onClick={onCancel}>
        {t('cancel')}
      </button>
    </div>
  );
}
