// Credits (tillgodoräknanden): one, or two with a recorded exception. The regulation counts every
// credited block's weeks, the year leaves every credited block out, and the checks say so.
import { describe, expect, it } from 'vitest';
import { addCreditedWeeks, regulationShortfalls, type ServiceByCategory } from '../../shared/domain/regulation';
import { blocksToAssign, plannedBtWeeks } from '../../shared/domain/rotation';
import { validatePlan } from '../../shared/domain/validate-plan';
import { creditIssues } from '../../shared/format/credit-rules';
import { aDoctor, aPlan, aProblem } from '../support/builders';

const credit = (block: string, weeks = 13) => ({ block, weeks, decidedBy: 'Studierektor Eva', decidedOn: '2025-12-01' });
const EXCEPTION = { reason: 'Påbörjad BT i annan region', decidedBy: 'Studierektor Eva', decidedOn: '2025-12-01' };

describe('credits', () => {
  it.each([
    ['no credit', [], undefined, []],
    ['one credit', ['psy'], undefined, []],
    ['one credit and an exception (harmless)', ['psy'], EXCEPTION, []],
    ['two credits without an exception', ['psy', 'pc'], undefined, [{ path: ['creditException'], key: 'second-credit-needs-exception', values: {} }]],
    ['two credits with an exception', ['psy', 'pc'], EXCEPTION, []],
    ['three credits with an exception', ['psy', 'pc', 'im'], EXCEPTION, [{ path: ['credits'], key: 'at-most-two-credits', values: { count: 3 } }]],
    ['one block twice', ['psy', 'psy'], EXCEPTION, [{ path: ['credits', 1, 'block'], key: 'credited-twice', values: { block: 'psy' } }]],
  ] as const)('%s', (_name, blocks, exception, issues) => {
    expect(creditIssues({ credits: blocks.map((b) => credit(b)), ...(exception ? { creditException: exception } : {}) })).toEqual(issues);
  });

  it("the regulation counts every credit's weeks in its block's category", () => {
    const blocks = new Map([
      ['psy', { id: 'psy', category: 'psychiatry' as const }],
      ['pc', { id: 'pc', category: 'primary-care' as const }],
    ]);
    const service: ServiceByCategory = { acute: 13 };
    expect(addCreditedWeeks(service, blocks, [credit('psy', 14), credit('pc', 15)]).map((b) => b.id)).toEqual(['psy', 'pc']);
    expect(service).toEqual({ acute: 13, psychiatry: 14, 'primary-care': 15 });
    expect(regulationShortfalls(service)).toEqual([]);
  });

  it('leaves both credited blocks out of the year and the plan; the checks count them and note the exception', () => {
    const doctor = aDoctor({ credits: [credit('pc'), credit('psy')], creditException: { ...EXCEPTION, secondDecider: 'Verksamhetschef Olof' } });
    const problem = aProblem({ doctors: [doctor] });
    expect(blocksToAssign(problem, problem.doctors[0]!).map((b) => b.id)).toEqual(['intro', 'acute', 'vac']);
    // 2 intro + 13 acute + 2 vacation; primary care's 13 and psychiatry's 4 are credited.
    expect(plannedBtWeeks(problem.blocks, problem.doctors[0]!)).toBe(17);
    const plan = aPlan(problem, { d1: { at: { vac: '2026-06-08' } } });
    expect(plan.assignments.map((a) => a.block)).toEqual(['intro', 'acute', 'vac']);
    // Valid: primary care counts its 13 credited weeks, the total 13 + 13 + 13.
    expect(validatePlan(problem, plan)).toEqual([
      {
        code: 'credit-exception',
        severity: 'note',
        message_sv: 'Doktor Ett [d1]: två tillgodoräknade block (Allmänmedicin och Psykiatri) enligt undantag, beslutat av Studierektor Eva och Verksamhetschef Olof 2025-12-01',
        message_en: 'Doktor Ett [d1]: two credited blocks (Primary care and Psychiatry) by a recorded exception, decided by Studierektor Eva and Verksamhetschef Olof on 2025-12-01',
        doctor: 'd1',
      },
    ]);
    // A placement of the second credited block is refused like one of the first.
    const placed = { ...plan, assignments: [...plan.assignments, { doctor: 'd1', block: 'psy', site: 'psy', from: '2026-07-06', to: '2026-07-20' }] };
    expect(validatePlan(problem, placed).filter((v) => v.code === 'credited-block-assigned').map((v) => v.block)).toEqual(['psy']);
  });
});
