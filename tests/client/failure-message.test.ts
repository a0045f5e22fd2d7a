// What a coordinator is told when publishing is refused because the plan and the region's other
// published plans together overload sites: the reason in words, then one line per site-weeks
// with both parts and the capacity, in the user's language; a long list is cut and counted.
import { describe, expect, it } from 'vitest';
import { ApiError, failureMessage } from '../../client/src/api/client';
import { TEXTS, type Lang, type TextKey } from '../../client/src/i18n/texts';

const refused = (siteWeeks: { site: string; siteName: string; from: string; to: string; cohort: number; others: number; capacity: number }[]) =>
  new ApiError({ type: '/problems/region-capacity', title: 'Unprocessable Content', status: 422, detail: 'published, the plan would …', siteWeeks });
const t = (lang: Lang) => (key: TextKey) => TEXTS[lang][key];
const sundsvall = { site: 'sun-akut', siteName: 'Sundsvalls sjukhus', from: '2026-03-16', to: '2026-04-06', cohort: 2, others: 1, capacity: 2 };

describe('failureMessage for /problems/region-capacity', () => {
  it.each<[Lang, string[]]>([
    [
      'sv',
      [
        'Planen kan inte publiceras: tillsammans med regionens andra publicerade planer blir de här arbetsplatserna överbelagda. Flytta placeringar eller kör planeraren igen.',
        'Sundsvalls sjukhus, v. 12 2026–v. 14 2026: 2 i denna kohort + 1 i andra kohorter, kapacitet 2',
        'Nackstå hälsocentral, v. 20 2026: 1 i denna kohort + 1 i andra kohorter, kapacitet 1',
      ],
    ],
    [
      'en',
      [
        "The plan cannot be published: together with the region's other published plans it puts these sites over capacity. Move placements or run the planner again.",
        'Sundsvalls sjukhus, w. 12 2026–w. 14 2026: 2 in this cohort + 1 in other cohorts, capacity 2',
        'Nackstå hälsocentral, w. 20 2026: 1 in this cohort + 1 in other cohorts, capacity 1',
      ],
    ],
  ])('lists the site-weeks in words (%s)', (lang, lines) => {
    const err = refused([sundsvall, { site: 'hc-nacksta', siteName: 'Nackstå hälsocentral', from: '2026-05-11', to: '2026-05-18', cohort: 1, others: 1, capacity: 1 }]);
    expect(failureMessage(err, t(lang), {}, lang).split('\n')).toEqual(lines);
    // The details stay with the error for whoever wants more.
    expect(err.problem.siteWeeks).toHaveLength(2);
  });

  it('lists ten site-weeks and counts the rest', () => {
    const many = Array.from({ length: 13 }, (_, i) => ({ ...sundsvall, siteName: `Plats ${i + 1}` }));
    const lines = failureMessage(refused(many), t('sv'), {}, 'sv').split('\n');
    expect(lines).toHaveLength(12);
    expect(lines[10]).toMatch(/^Plats 10, /);
    expect(lines[11]).toBe('… och 3 till');
  });

  it('words the other clashes as before', () => {
    const stale = new ApiError({ type: '/problems/stale-version', title: 'Conflict', status: 409 });
    expect(failureMessage(stale, t('sv'))).toBe(TEXTS.sv.changedElsewhere);
  });
});
