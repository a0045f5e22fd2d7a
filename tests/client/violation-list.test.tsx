// @vitest-environment happy-dom
// The board's list of broken rules: a note (a second credit by recorded exception) breaks none, so
// it stands apart under "Noteringar" and a plan with only notes has "Inga regelbrott".
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ViolationList } from '../../client/src/components/board/ViolationList';
import { LangProvider } from '../../client/src/i18n/lang';
import type { Violation } from '../../shared/domain/violations';

afterEach(cleanup);

const NOTE: Violation = { code: 'credit-exception', severity: 'note', message_sv: 'Anna: två tillgodoräknade block enligt undantag', message_en: 'Anna: two credited blocks by exception', doctor: 'd1' };
const ERROR: Violation = { code: 'acute-minimum', severity: 'error', message_sv: 'Anna: för lite akut', message_en: 'Anna: too little acute care', doctor: 'd1' };

const shown = (violations: Violation[]) =>
  render(
    <LangProvider>
      <ViolationList violations={violations} />
    </LangProvider>,
  );

describe('ViolationList', () => {
  it('lists broken rules under Regelbrott and notes apart under Noteringar', () => {
    const { container } = shown([NOTE, ERROR]);
    expect([...container.querySelectorAll('ul.violations li')].map((li) => li.textContent)).toEqual(['Anna: för lite akut']);
    expect(screen.getByRole('heading', { name: 'Noteringar' })).toBeTruthy();
    expect([...container.querySelectorAll('ul.plan-notes li')].map((li) => li.textContent)).toEqual(['Anna: två tillgodoräknade block enligt undantag']);
  });

  it('says there are no broken rules when there are only notes', () => {
    const { container } = shown([NOTE]);
    expect(within(container).getByText('Inga regelbrott')).toBeTruthy();
    expect(container.querySelectorAll('ul.violations').length).toBe(0);
    expect(container.querySelectorAll('ul.plan-notes li').length).toBe(1);
  });
});
