import { describe, expect, it } from 'vitest';
import { intakeBlocks } from '../../shared/domain/intake';
import { blocksFromTemplate, monthsToWeeks, templateSchema, weeksToMonths } from '../../shared/domain/templates';
import { kronobergTemplate, vasternorrlandTemplate } from '../../shared/domain/presets';

describe('month → week conversion by the largest remainder', () => {
  it.each([
    // Kronoberg 2026: intro 1, IM 2, surgery 2, psychiatry 2, primary care 4, vacation 1 over 53 weeks.
    [[1, 2, 2, 2, 4, 1], 53, [4, 9, 9, 9, 18, 4]],
    [[1, 2, 2, 2, 4, 1], 52, [4, 9, 9, 9, 17, 4]],
    // Stockholm: acute 4 + GP 4 + geriatrics 2 + psychiatry 2 months.
    [[4, 4, 2, 2], 52, [17, 17, 9, 9]],
    // Halland: psychiatry 3 + acute 4.5 + primary care 4.5 months;
    [[3, 4.5, 4.5], 52, [13, 20, 19]], // 19.5 and 19.5: the tie goes to the earlier block,
    // Ties go to the earlier block.
    [[1, 1, 1], 4, [2, 1, 1]],
  ])('%j months over %i weeks → %j', (months, total, weeks) => {
    const result = monthsToWeeks(months, total);
    expect(result).toEqual(weeks);
    expect(result.reduce((s, w) => s + w, 0)).toBe(total);
  });

  it('shows weeks as months of the same employment', () => {
    expect(weeksToMonths(9, 53, 12)).toBe(2);
    expect(weeksToMonths(18, 53, 12)).toBe(4.1);
    expect(weeksToMonths(17, 52, 12)).toBe(3.9);
  });
});

describe('templates', () => {
  it('a month-based template fills the employment exactly', () => {
    const blocks = blocksFromTemplate(kronobergTemplate, 53);
    expect(blocks.map((b) => [b.id, b.months, b.weeks])).toEqual([
      ['intro', 1, 4], ['im', 2, 9], ['surg', 2, 9], ['psy', 2, 9], ['pc', 4, 18], ['vac', 1, 4],
    ]);
  });

  it('a week-based template keeps its weeks: Västernorrland 2+2+17+10+17+4 = 52', () => {
    const blocks = blocksFromTemplate(vasternorrlandTemplate, 52);
    expect(blocks.map((b) => b.weeks)).toEqual([2, 2, 17, 10, 17, 4]);
  });

  it('rejects a month-based template block without months, naming the field', () => {
    const result = templateSchema.safeParse({
      name: 'x',
      basis: 'months',
      blocks: [{ id: 'a', kind: 'acute', category: 'acute', months: 3 }, { id: 'b', kind: 'primary-care', category: 'primary-care', weeks: 13 }],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['blocks.1.months', 'a months-based template gives months for every block'],
    ]);
  });

  it("moves date windows by whole years into a new intake's year, and leaves other blocks alone", () => {
    const blocks = [
      { id: 'vac', weeks: 4, window: { from: '2027-06-01', to: '2028-02-29' } },
      { id: 'im', weeks: 48 },
    ];
    expect(intakeBlocks(blocks, '2028-05-29')).toEqual([{ id: 'vac', weeks: 4, window: { from: '2028-06-01', to: '2029-02-28' } }, { id: 'im', weeks: 48 }]);
    expect(intakeBlocks(blocks, '2025-05-26')[0]!.window).toEqual({ from: '2025-06-01', to: '2026-02-28' });
    // A year the window already lies in: the very same objects.
    expect(intakeBlocks(blocks, '2027-05-31')).toEqual(blocks);
    expect(intakeBlocks(blocks, '2027-05-31')[0]).toBe(blocks[0]);
  });
});
