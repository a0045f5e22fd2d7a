// A new intake from a cohort: date windows move by whole years into the new doctors' year, cohort
// weeks move with the intake, doctors start anew without their absences; and what a template
// change would take from the doctors, mapped by block kind.
import { describe, expect, it } from 'vitest';
import { formatDateRange } from '../../shared/domain/dates';
import { addYears, intakeBlocks, intakeDoctor, nominalYear, windowIntoYear } from '../../shared/domain/intake';
import { lostReferences, mapReferences } from '../../shared/domain/template-change';
import { vasternorrlandTemplate } from '../../shared/domain/presets';
import { blocksFromTemplate } from '../../shared/domain/templates';
import { aBlock, aDoctor } from '../support/builders';

const SUMMER = { from: '2026-06-01', to: '2026-08-31' };

describe('windowIntoYear', () => {
  it.each([
    // [year from, year to, window after]
    ['2026-02-16', '2027-02-15', SUMMER], // the demo cohort's own year: unchanged
    ['2026-08-17', '2027-08-16', { from: '2027-06-01', to: '2027-08-31' }], // autumn: most of summer 2027 lies in the year
    ['2026-09-14', '2027-09-13', { from: '2027-06-01', to: '2027-08-31' }],
    ['2027-02-15', '2028-02-14', { from: '2027-06-01', to: '2027-08-31' }],
    ['2024-01-08', '2025-01-06', { from: '2024-06-01', to: '2024-08-31' }], // two years back
    ['2026-06-29', '2027-06-28', { from: '2026-06-01', to: '2026-08-31' }], // 9 weeks of 2026 against 4 of 2027
  ])('a year %s–%s takes the window %j', (from, to, window) => {
    expect(windowIntoYear(SUMMER, { from, to })).toEqual(window);
  });

  it('keeps the very same object when it does not move, and 29 February becomes the 28th', () => {
    expect(windowIntoYear(SUMMER, { from: '2026-02-16', to: '2027-02-15' })).toBe(SUMMER);
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(windowIntoYear({ from: '2028-02-01', to: '2028-02-29' }, { from: '2029-01-01', to: '2029-12-31' })).toEqual({ from: '2029-02-01', to: '2029-02-28' });
  });
});

describe('intakeBlocks', () => {
  const blocks = blocksFromTemplate(vasternorrlandTemplate, 52);

  it('moves the Västernorrland vacation window to summer 2027 for an intake on 2026-08-17, nothing else', () => {
    expect(nominalYear(blocks, '2026-08-17')).toEqual({ from: '2026-08-17', to: '2027-08-16' });
    const moved = intakeBlocks(blocks, '2026-08-17', 26);
    expect(moved.find((b) => b.id === 'vac')!.window).toEqual({ from: '2027-06-01', to: '2027-08-31' });
    expect(moved.filter((b) => b.id !== 'vac')).toEqual(blocks.filter((b) => b.id !== 'vac'));
    moved.filter((b) => b.id !== 'vac').forEach((b) => expect(blocks).toContain(b));
  });

  it('moves a cohort week (at) by the weeks between the intakes, or without them to its first week in the new year', () => {
    const withAt = [...blocks.filter((b) => b.id !== 'edu'), aBlock({ id: 'edu', kind: 'common-education', category: 'cohort', weeks: 2, at: '2026-03-02' })];
    expect(intakeBlocks(withAt, '2026-08-17', 26).find((b) => b.id === 'edu')!.at).toBe('2026-08-31');
    expect(intakeBlocks(withAt, '2027-02-15', undefined).find((b) => b.id === 'edu')!.at).toBe('2027-03-01');
    expect(intakeBlocks(withAt, '2026-02-16', 0)).toEqual(withAt);
  });
});

describe('intakeDoctor', () => {
  it('starts at the new start without absences; pins and wishes with a week move along; credit and allowed sites stay', () => {
    const doctor = aDoctor({
      start: '2026-02-16',
      absences: [{ from: '2026-09-07', to: '2026-10-05' }],
      credits: [{ block: 'psy', weeks: 13, decidedBy: 'Studierektor', decidedOn: '2025-12-01' }],
      allowedSites: { acute: ['hosp'] },
      pins: [{ block: 'acute', site: 'hosp', from: '2026-03-02' }, { block: 'pc', site: 'vc' }],
      wishes: [{ block: 'psy', from: '2026-10-05', weight: 2 }],
    });
    expect(intakeDoctor(doctor, '2026-08-17')).toEqual({
      ...doctor,
      start: '2026-08-17',
      absences: [],
      pins: [{ block: 'acute', site: 'hosp', from: '2026-08-31' }, { block: 'pc', site: 'vc' }],
      wishes: [{ block: 'psy', from: '2027-04-05', weight: 2 }],
    });
  });
});

describe('formatDateRange', () => {
  it.each([
    [SUMMER, 'sv', '1 jun–31 aug 2026'],
    [SUMMER, 'en', '1 Jun–31 Aug 2026'],
    [{ from: '2026-12-01', to: '2027-01-31' }, 'sv', '1 dec 2026–31 jan 2027'],
  ] as const)('%j in %s is "%s"', (range, lang, words) => {
    expect(formatDateRange(range, lang)).toBe(words);
  });
});

describe('lostReferences and mapReferences', () => {
  const previous = [
    aBlock({ id: 'acute', kind: 'acute', category: 'acute', weeks: 17 }),
    aBlock({ id: 'psy', kind: 'psychiatry', category: 'psychiatry', weeks: 10 }),
    aBlock({ id: 'pc', kind: 'primary-care', category: 'primary-care', weeks: 17 }),
    aBlock({ id: 'geri', kind: 'geriatrics', category: 'other', weeks: 8 }),
  ];
  const next = [
    aBlock({ id: 'akut', kind: 'acute', category: 'acute', weeks: 17 }),
    aBlock({ id: 'psy', kind: 'psychiatry', category: 'psychiatry', weeks: 10 }),
    aBlock({ id: 'vc', kind: 'primary-care', category: 'primary-care', weeks: 17 }),
  ];
  const doctor = aDoctor({
    credits: [{ block: 'pc', weeks: 13, decidedBy: 'Studierektor', decidedOn: '2025-12-01' }],
    pins: [{ block: 'acute', site: 'hosp' }, { block: 'psy', site: 'psy' }],
    wishes: [{ block: 'geri', weight: 1 }, { block: 'psy', weight: 1 }],
    allowedSites: { acute: ['hosp'], akut: ['hosp-2'] },
  });

  it('lists every reference to a block the new template lacks, with the same-kind block it maps to (none for geriatrics)', () => {
    expect(lostReferences([doctor], previous, next)).toEqual([
      { doctor: 'd1', doctorName: 'Doktor Ett', what: 'credit', block: 'pc', kind: 'primary-care', mappedTo: 'vc' },
      { doctor: 'd1', doctorName: 'Doktor Ett', what: 'pin', block: 'acute', kind: 'acute', mappedTo: 'akut' },
      { doctor: 'd1', doctorName: 'Doktor Ett', what: 'wish', block: 'geri', kind: 'geriatrics', mappedTo: null },
      { doctor: 'd1', doctorName: 'Doktor Ett', what: 'allowedSites', block: 'acute', kind: 'acute', mappedTo: 'akut' },
    ]);
    // One the old template lacked already is listed too, without a kind to map by.
    expect(lostReferences([doctor], previous, previous)).toEqual([
      { doctor: 'd1', doctorName: 'Doktor Ett', what: 'allowedSites', block: 'akut', kind: null, mappedTo: null },
    ]);
  });

  it('maps each to its block, merging allowed sites of blocks that become one', () => {
    const mapped = mapReferences(doctor, lostReferences([doctor], previous, next));
    expect(mapped).toEqual({
      ...doctor,
      credits: [{ ...doctor.credits[0], block: 'vc' }],
      pins: [{ block: 'akut', site: 'hosp' }, { block: 'psy', site: 'psy' }],
      wishes: [{ block: 'geri', weight: 1 }, { block: 'psy', weight: 1 }],
      allowedSites: { akut: ['hosp', 'hosp-2'] },
    });
  });

  it('maps no pin onto a block the doctor has pinned already, nor a credit onto a block that cannot be credited', () => {
    const twice = aDoctor({ pins: [{ block: 'acute', site: 'hosp' }, { block: 'akut', site: 'hosp' }], credits: [{ block: 'geri', weeks: 13, decidedBy: 'S', decidedOn: '2025-12-01' }] });
    const withGeri = [...next, aBlock({ id: 'geri-2', kind: 'geriatrics', category: 'cohort', weeks: 2 })];
    expect(lostReferences([twice], previous, withGeri).map((l) => [l.what, l.block, l.mappedTo])).toEqual([
      ['credit', 'geri', null],
      ['pin', 'acute', null],
    ]);
  });
});
