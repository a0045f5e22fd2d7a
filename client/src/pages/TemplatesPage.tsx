// A region's templates, each block shown both in weeks and in months of a 12-month year
// (month-based templates keep the months they were written in); a block's weeks can be edited,
// a template created or deleted.
import { useEffect, useState } from 'react';
import { templateUpdateSchema, type TemplateResource } from '../../../shared/api/templates';
import { builtInBlockKind } from '../../../shared/domain/block-kinds';
import { weeksToMonths } from '../../../shared/domain/templates';
import { formatPath } from '../../../shared/format/issues';
import { background } from '../api/background';
import { api } from '../api/client';
import { useChanges } from '../components/change-status';
import { RegionSelect, useRegionChoice } from '../components/RegionSelect';
import { TemplateForm } from '../components/TemplateForm';
import { useLang } from '../i18n/lang';

export function TemplatesPage() {
  const { t } = useLang();
  const { regions, region, setRegion } = useRegionChoice();
  const [templates, setTemplates] = useState<TemplateResource[]>([]);
  const [edits, setEdits] = useState<Record<string, Record<string, string>>>({});
  const [creating, setCreating] = useState(false);
  const load = (id: string) => background(api.templates(id).then(setTemplates));
  const { change, status, setMessage } = useChanges(() => region && load(region));
  useEffect(() => (region ? load(region) : undefined), [region]);

  const save = async (template: TemplateResource) => {
    const weeks = edits[template.uuid] ?? {};
    const { uuid: _uuid, ...rest } = template;
    const parsed = templateUpdateSchema.safeParse({ ...rest, blocks: template.blocks.map((b) => (weeks[b.id] === undefined ? b : { ...b, weeks: Number(weeks[b.id]) })) });
    if (!parsed.success) return setMessage(parsed.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join('; '));
    if (await change(() => api.updateTemplate(template.uuid, parsed.data), t('saved'))) setEdits({ ...edits, [template.uuid]: {} });
  };

  const remove = async (template: TemplateResource) => {
    if (!window.confirm(t('deleteConfirm').replace('{name}', template.name))) return;
    await change(() => api.deleteTemplate(template.uuid, template.version), t('deleted'));
  };

  return (
    <section aria-label={t('templates')}>
      <h2>{t('templates')}</h2>
      <RegionSelect regions={regions} region={region} onChange={setRegion} />{' '}
      <button type="button" aria-pressed={creating} onClick={() => setCreating(!creating)}>
        {t('newTemplate')}
      </button>
      {status}
      {creating && region && (
        <TemplateForm
          onSave={async (body) => {
            if (await change(() => api.createTemplate(region, body), t('saved'))) setCreating(false);
          }}
        />
      )}
      {templates.map((template) => {
        const total = template.blocks.reduce((sum, b) => sum + b.weeks, 0);
        return (
          <div key={template.uuid} className="template" data-template={template.name}>
            <h3>
              {template.name} ({template.unit === 'months' ? t('monthBased') : t('weekBased')}, {total} {t('weeks').toLowerCase()})
            </h3>
            <table>
              <thead>
                <tr>
                  <th>{t('block')}</th>
                  <th>{t('weeks')}</th>
                  <th>{t('months')}</th>
                </tr>
              </thead>
              <tbody>
                {template.blocks.map((b) => (
                  <tr key={b.id} data-block={b.id}>
                    <td>{b.name ?? builtInBlockKind(b.kind)?.name_sv ?? b.id}</td>
                    <td>
                      <input
                        aria-label={`${t('weeks')} ${b.id}`}
                        type="number"
                        value={edits[template.uuid]?.[b.id] ?? String(b.weeks)}
                        onChange={(e) => setEdits({ ...edits, [template.uuid]: { ...edits[template.uuid], [b.id]: e.target.value } })}
                        style={{ width: '4rem' }}
                      />
                    </td>
                    <td>{b.months ?? weeksToMonths(b.weeks, total, 12)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <button type="button" onClick={() => background(save(template))}>
              {t('save')}
            </button>{' '}
            <button type="button" onClick={() => background(remove(template))}>
              {t('remove')}
            </button>
          </div>
        );
      })}
    </section>
  );
}
