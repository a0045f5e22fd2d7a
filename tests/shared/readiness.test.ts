// The readiness rule: what a doctor's BT still lacks for the certificate, and what of it is
// behind schedule by today.
import { describe, expect, it } from 'vitest';
import { openItemMessage, readiness, type OpenItem, type ReadinessInput } from '../../shared/domain/readiness';
import { addWeeks } from '../../shared/domain/weeks';

const START = '2026-03-02'; // a Monday
const week = (n: number) => addWeeks(START, n);

/** A doctor with everything done: two placements, their assessments, both milestones held. */
function complete(): ReadinessInput {
  return {
    today: '2027-04-01',
    missingGoals: [],
    shortfalls: [],
    placements: [
      { placement: 'p-acute', block: 'Akutsjukvård', from: week(0), to: week(17), expected: { 'mini-cex': 2, dops: 1, 'samlad-bedomning': 1 }, done: { 'mini-cex': 2, dops: 1, 'samlad-bedomning': 1 } },
      { placement: 'p-pc', block: 'Allmänmedicin', from: week(27), to: week(44), expected: { cbd: 1, 'samlad-bedomning': 1 }, done: { cbd: 3, 'samlad-bedomning': 1, dops: 2 } },
    ],
    kollegium: { held: true, due: week(24) },
    external: { held: true, due: week(50) },
    end: week(52),
  };
}

const kinds = (open: OpenItem[]) => open.map((o) => (o.item === 'assessment' ? `${o.placement}/${o.kind} ${o.done}/${o.expected}${o.behind ? ' behind' : ''}` : `${o.item}${o.behind ? ' behind' : ''}`));

describe('readiness', () => {
  it('is ready with nothing open when every item is done, more than expected counting as done', () => {
    expect(readiness(complete())).toEqual({ ready: true, open: [] });
  });

  it('lists each assessment short of its expected count, behind only once its placement has ended', () => {
    const input = complete();
    input.placements = [{ ...input.placements[0]!, done: { 'mini-cex': 1, 'samlad-bedomning': 1 } }, input.placements[1]!];
    // In the placement's last week: not behind yet.
    expect(kinds(readiness({ ...input, today: '2026-06-26' }).open)).toEqual(['p-acute/mini-cex 1/2', 'p-acute/dops 0/1']);
    // The Monday after it (its exclusive end): behind.
    expect(kinds(readiness({ ...input, today: week(17) }).open)).toEqual(['p-acute/mini-cex 1/2 behind', 'p-acute/dops 0/1 behind']);
    expect(readiness(input).ready).toBe(false);
  });

  it('reads done counts only for kinds the record itself holds (an id may be "constructor")', () => {
    const input = complete();
    input.placements = [{ placement: 'p', block: 'Block', from: week(0), to: week(4), expected: { constructor: 1, toString: 2 }, done: {} }];
    expect(kinds(readiness(input).open)).toEqual(['p/constructor 0/1 behind', 'p/toString 0/2 behind']);
  });

  it('has goals and minimum weeks open, behind only after the BT has ended', () => {
    const input = { ...complete(), missingGoals: ['BT3' as const], shortfalls: [{ rule: 'primary-care-minimum' as const, weeks: 9, required: 13 }] };
    expect(kinds(readiness({ ...input, today: '2027-02-22' }).open)).toEqual(['goal', 'regulation']);
    expect(kinds(readiness(input).open)).toEqual(['goal behind', 'regulation behind']);
    expect(kinds(readiness({ ...input, end: null }).open)).toEqual(['goal', 'regulation']);
  });

  it('has the milestones open until held, behind after their due week and never without one', () => {
    const input = { ...complete(), kollegium: { held: false, due: week(24) }, external: { held: false, due: null } };
    expect(kinds(readiness({ ...input, today: week(24) }).open)).toEqual(['bt-kollegium', 'external-assessment']);
    expect(kinds(readiness({ ...input, today: week(25) }).open)).toEqual(['bt-kollegium behind', 'external-assessment']);
  });

  it('orders goals, minimum weeks, assessments by placement start, then the milestones', () => {
    const input = complete();
    input.missingGoals = ['BT17'];
    input.shortfalls = [{ rule: 'total-minimum', weeks: 20, required: 26 }];
    input.placements = [
      { ...input.placements[1]!, done: {} },
      { ...input.placements[0]!, done: { 'mini-cex': 2, 'samlad-bedomning': 1 } },
    ];
    input.kollegium = { held: false, due: null };
    input.external = { held: false, due: null };
    expect(kinds(readiness(input).open)).toEqual([
      'goal behind',
      'regulation behind',
      'p-acute/dops 0/1 behind',
      'p-pc/cbd 0/1 behind',
      'p-pc/samlad-bedomning 0/1 behind',
      'bt-kollegium',
      'external-assessment',
    ]);
  });

  it('words each open item in Swedish and English', () => {
    const assessment: OpenItem = { item: 'assessment', placement: 'p', block: 'Akutsjukvård', from: week(0), to: week(17), kind: 'mini-cex', expected: 2, done: 1, behind: true };
    expect(openItemMessage(assessment, 'sv')).toBe('Mini-CEX: 1 av 2 gjorda under Akutsjukvård v. 10 2026–v. 26 2026');
    expect(openItemMessage(assessment, 'en')).toBe('Mini-CEX: 1 of 2 done in Akutsjukvård w. 10 2026–w. 26 2026');
    expect(openItemMessage({ ...assessment, kind: 'egen-bedomning' }, 'sv', [{ id: 'egen-bedomning', name_sv: 'Egen bedömning', name_en: 'Own assessment' }])).toBe(
      'Egen bedömning: 1 av 2 gjorda under Akutsjukvård v. 10 2026–v. 26 2026',
    );
    expect(openItemMessage({ item: 'goal', goal: 'BT3', behind: false }, 'sv')).toBe('Delmål BT3 täcks inte av någon placering');
    expect(openItemMessage({ item: 'regulation', rule: 'primary-care-minimum', weeks: 9, required: 13, behind: false }, 'sv')).toBe('9 veckor primärvård, minst 13 krävs');
    expect(openItemMessage({ item: 'regulation', rule: 'acute-minimum', weeks: 9, required: 13, behind: false }, 'en')).toBe('9 weeks of acute care, at least 13 required');
    expect(openItemMessage({ item: 'bt-kollegium', due: week(24), behind: true }, 'sv')).toBe('BT-kollegium har inte hållits (senast v. 34 2026)');
    expect(openItemMessage({ item: 'external-assessment', due: null, behind: false }, 'en')).toBe('The external assessment has not been made');
  });
});
