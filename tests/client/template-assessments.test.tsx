// @vitest-environment happy-dom
// Expected assessments per template block in the template form: the region's kinds offered per
// block with the stored counts, a changed count sent as the API takes it, a cleared one left out.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TemplateForm } from '../../client/src/components/TemplateForm';
import { LangProvider } from '../../client/src/i18n/lang';
import type { TemplateResource } from '../../shared/api/templates';

afterEach(cleanup);

const TEMPLATE: TemplateResource = {
  uuid: '33333333-3333-4333-8333-333333333333',
  version: 1,
  name: 'Mall',
  unit: 'weeks',
  blocks: [
    { id: 'acute', kind: 'acute', category: 'acute', weeks: 13, assessments: { 'mini-cex': 2, 'samlad-bedomning': 1 } },
    { id: 'pc', kind: 'primary-care', category: 'primary-care', weeks: 13 },
  ],
};
const KINDS = [
  { id: 'mini-cex', name_sv: 'Mini-CEX', name_en: 'Mini-CEX' },
  { id: 'samlad-bedomning', name_sv: 'Samlad bedömning', name_en: 'Summative assessment' },
  { id: 'sim', name_sv: 'Simulering', name_en: 'Simulation' },
];

describe('TemplateForm: expected assessments', () => {
  it("shows each block's counts per region kind and sends the changed ones, a cleared count left out", async () => {
    const onSave = vi.fn(async () => {});
    render(
      <LangProvider>
        <TemplateForm template={TEMPLATE} assessmentKinds={KINDS} onSave={onSave} />
      </LangProvider>,
    );
    const acute = within(screen.getByRole('group', { name: 'Block 1' }));
    const toggle = acute.getByRole('button', { name: /^Förväntade bedömningar/ });
    expect(toggle.textContent).toBe('Förväntade bedömningar: Mini-CEX 2, Samlad bedömning 1');
    fireEvent.click(toggle);
    expect((acute.getByLabelText('Simulering') as HTMLInputElement).value).toBe('');
    fireEvent.change(acute.getByLabelText('Simulering'), { target: { value: '3' } });
    fireEvent.change(acute.getByLabelText('Mini-CEX'), { target: { value: '' } });
    const pc = within(screen.getByRole('group', { name: 'Block 2' }));
    expect(pc.getByRole('button', { name: /^Förväntade bedömningar/ }).textContent).toBe('Förväntade bedömningar: –');
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    await vi.waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    const body = (onSave.mock.calls[0] as unknown as [TemplateResource])[0];
    expect(body.blocks.map((b) => b.assessments)).toEqual([{ 'samlad-bedomning': 1, sim: 3 }, undefined]);
  });

  it('names a count above 20 at its block and sends nothing', async () => {
    const onSave = vi.fn(async () => {});
    render(
      <LangProvider>
        <TemplateForm template={TEMPLATE} assessmentKinds={KINDS} onSave={onSave} />
      </LangProvider>,
    );
    const acute = within(screen.getByRole('group', { name: 'Block 1' }));
    fireEvent.click(acute.getByRole('button', { name: /^Förväntade bedömningar/ }));
    fireEvent.change(acute.getByLabelText('Mini-CEX'), { target: { value: '25' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    expect((await acute.findAllByRole('alert')).map((a) => a.textContent)).toEqual(['Högst 20']);
    expect(acute.getByLabelText('Mini-CEX').getAttribute('aria-invalid')).toBe('true');
    expect(onSave).not.toHaveBeenCalled();
  });
});
