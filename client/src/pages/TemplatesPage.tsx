// A region's templates, each block shown both in weeks and in months of a 12-month year
// (month-based templates keep the months they were written in), with its goals and where it lies
// in the year in words ("Semester: inom 1 jun–31 aug 2026", "v. 10 2026 för alla"). A block's
// weeks can be edited in place; "Ändra" opens every field of every block; a template is created,
// saved as a new one or deleted. A template a cohort with a published plan uses keeps its blocks
// (the server refuses): the change is saved as a new template instead. Below, the region's
// assessment kinds, which the blocks' expected assessments name. A coordinator limited to towns
// only reads them: templates and kinds are the whole region's (the server answers 403).
import { useEffect, useState } from 'react';
import { templateUpdateSchema, type TemplateBody, type TemplateResource } from '../../../shared/api/templates';
import { formatDateRange } from '../../../shared/domain/dates';
import { blockLabel } from '../../../shared/domain/labels';
import { goalsOf } from '../../../shared/domain/regulation';
import { weeksToMonths } from '../../../shared/domain/templates';
import { formatWeek } from '../../../shared/domain/weeks';
import { formatPath } from '../../../shared/format/issues';
import { issueMessage } from '../../../shared/format/messages';
import type { Block } from '../../../shared/format/problem';
import { background } from '../api/background';
import { api } from '../api/client';
import { AssessmentKindsForm } from '../components/AssessmentKindsForm';
import { useChanges } from '../components/change-status';
import { RegionSelect, useRegionChoice } from '../components/RegionSelect';
import { TemplateForm } from '../components/TemplateForm';
import { useRegion } from '../hooks/useRegion';
import { useLang } from '../i18n/lang';
import type { Lang, TextKey } from '../i18n/texts';

/** Where a block lies in the year, in words; undefined when anywhere. */
export function placeWords(block: Block, t: (key: TextKey) => string, lang: Lang): string | undefined {
  const parts = [
    block.offset !== undefined ? (block.offset === 0 ? t('placeOffsetStart') : t('placeOffset').replace('{n}', String(block.offset))) : undefined,
    block.at !== undefined ? t('placeAt').replace('{week}', formatWeek(block.at, lang)) : undefined,
    block.window ? t('placeWindow').replace('{range}', formatDateRange(block.window, lang)) : undefined,
  ].filter((p): p is string => p !== undefined);
  return parts.length ? parts.join(', ') : undefined;
}

/** `readOnly`: a coordinator limited to towns of the region: templates and kinds are shown, not changed. */
export function TemplatesPage({ readOnly = false }: { readOnly?: boolean }) {
  const { t, lang } = useLang();
  const { regions, region, setRegion } = useRegionChoice();
  // Read here, not from the address's list: saving the region's assessment kinds reads it again,
  // and the template forms offer the kinds as stored now.
  const { region: regionRead, reload: reloadRegion } = useRegion(region);
  const assessmentKinds = (regionRead ?? regions.find((r) => r.uuid === region))?.assessmentKinds;
  const [templates, setTemplates] = useState<TemplateResource[]>([]);
  const [edits, setEdits] = useState<Record<string, Record<string, string>>>({});
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<string>();
  const load = (id: string) => background(api.templates(id).then(setTemplates));
  const { change, status, setMessage } = useChanges(() => region && load(region));
  useEffect(() => (region ? load(region) : undefined), [region]);
  // A refused change of blocks says why, and what to do instead.
  const words = { inUse: t('templateInUsePublished') };

  const save = async (template: TemplateResource) => {
    const weeks = edits[template.uuid] ?? {};
    const { uuid: _uuid, ...rest } = template;
    const parsed = templateUpdateSchema.safeParse({ ...rest, blocks: template.blocks.map((b) => (weeks[b.id] === undefined ? b : { ...b, weeks: Number(weeks[b.id]) })) });
    if (!parsed.success) return setMessage(parsed.error.issues.map((i) => `${formatPath(i.path)}: ${issueMessage(i, lang)}`).join('; '));
    if (await change(() => api.updateTemplate(template.uuid, parsed.data), t('saved'), words)) setEdits({ ...edits, [template.uuid]: {} });
  };
  const update = async (template: TemplateResource, body: TemplateBody) => {
    if (await change(() => api.updateTemplate(template.uuid, { ...body, version: template.version }), t('saved'), words)) setEditing(undefined);
  };
  const saveAsNew = async (body: TemplateBody) => {
    if (await change(() => api.createTemplate(region!, body), t('saved'), { duplicate: t('cohortNameTaken') })) setEditing(undefined);
  };

  const remove = async (template: TemplateResource) => {
    if (!window.confirm(t('deleteConfirm').replace('{name}', template.name))) return;
    await change(() => api.deleteTemplate(template.uuid, template.version), t('deleted'));
  };

  return (
    <section aria-label={t('templates')}>
      <h2>{t('templates')}</h2>
      <RegionSelect regions={regions} region={region} onChange={setRegion} />{' '}
      {readOnly ? (
        <p className="hint">{t('townsRegionWide')}</p>
      ) : (
        <button type="button" aria-pressed={creating} onClick={() => setCreating(!creating)}>
          {t('newTemplate')}
        </button>
      )}
      {status}
      {creating && region && (
        <TemplateForm
          assessmentKinds={assessmentKinds}
          onSave={async (body) => {
            if (await change(() => api.createTemplate(region, body), t('saved'))) setCreating(false);
          }}
        />
      )}
      {templates.map((template) => {
        const total = template.blocks.reduce((sum, b) => sum + b.weeks, 0);
        const places = template.blocks.flatMap((b) => {
          const words = placeWords(b, t, lang);
          return words ? [{ id: b.id, text: `${blockLabel(b, lang)}: ${words}` }] : [];
        });
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
                  <th>{t('blockGoals')}</th>
                </tr>
              </thead>
              <tbody>
                {template.blocks.map((b) => (
                  <tr key={b.id} data-block={b.id}>
                    <td>{blockLabel(b, lang)}</td>
                    <td>
                      {readOnly ? b.weeks : (
                        <input
                          aria-label={`${t('weeks')} ${b.id}`}
                          type="number"
                          value={edits[template.uuid]?.[b.id] ?? String(b.weeks)}
                          onChange={(e) => setEdits({ ...edits, [template.uuid]: { ...edits[template.uuid], [b.id]: e.target.value } })}
                          style={{ width: '4rem' }}
                        />
                      )}
                    </td>
                    <td>{b.months ?? weeksToMonths(b.weeks, total, 12)}</td>
                    <td className="goals">{goalsOf(b).join(', ') || '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {places.length > 0 && (
              <ul className="template-places" aria-label={`${t('placeInYear')}: ${template.name}`}>
                {places.map((p) => (
                  <li key={p.id} data-block={p.id}>
                    {p.text}
                  </li>
                ))}
              </ul>
            )}
            {!readOnly && (
              <>
                <button type="button" onClick={() => background(save(template))}>
                  {t('save')}
                </button>{' '}
                <button type="button" aria-expanded={editing === template.uuid} onClick={() => setEditing(editing === template.uuid ? undefined : template.uuid)}>
                  {t('editTemplate')}
                </button>{' '}
                <button type="button" onClick={() => background(remove(template))}>
                  {t('remove')}
                </button>
              </>
            )}
            {editing === template.uuid && (
              <TemplateForm
                key={`${template.uuid}-${template.version}`}
                template={template}
                assessmentKinds={assessmentKinds}
                onSave={(body) => update(template, body)}
                onSaveAsNew={saveAsNew}
              />
            )}
          </div>
        );
      })}
      {regionRead && <AssessmentKindsForm key={regionRead.uuid} region={regionRead} reload={reloadRegion} readOnly={readOnly} />}
    </section>
  );
}
