// Solver variants side by side: the objective's parts per weighting, and per doctor with wishes
// how many each variant meets; one is taken as the draft. Weightings that lead to the same plan
// say so (otherwise identical rows look like a fault).
import { planDiff } from '../../../../shared/domain/plan-diff';
import type { Plan } from '../../../../shared/format/plan';
import type { Problem } from '../../../../shared/format/problem';
import { wishesMetByDoctor } from '../../../../shared/domain/wishes';
import { useLang } from '../../i18n/lang';

export function VariantsTable({ plans, problem, onChoose }: { plans: Plan[]; problem: Problem; onChoose: (index: number) => void }) {
  const { t } = useLang();
  const met = plans.map((p) => wishesMetByDoctor(problem.doctors, p.assignments));
  const wishing = problem.doctors.filter((d) => d.wishes.length > 0);
  /** Per variant: the first earlier variant with the very same plan. */
  const sameAs = plans.map((p, i) => plans.slice(0, i).find((q) => planDiff(q.assignments, p.assignments).length === 0));
  const allSame = plans.length > 1 && sameAs.slice(1).every((q) => q === plans[0]);
  return (
    <>
      {allSame && (
        <p className="variants-same" role="status">
          {t('variantsAllSame')}
        </p>
      )}
      <table className="variants" aria-label={t('compareVariants')}>
        <thead>
          <tr>
            <th>{t('variant')}</th>
            <th>{t('objective')}</th>
            <th>{t('wishesUnmet')}</th>
            <th>{t('homeTownMissed')}</th>
            <th>{t('vacationCuts')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {plans.map((p, i) => (
            <tr key={i} data-variant={String(p.stats.variant)}>
              <td>
                {String(p.stats.variant)}
                {sameAs[i] && !allSame && <span className="variant-same"> ({t('sameAsVariant').replace('{v}', String(sameAs[i]!.stats.variant))})</span>}
              </td>
              <td>{p.objective ?? '–'}</td>
              <td>{String(p.stats.wishesUnmet ?? '–')}</td>
              <td>{String(p.stats.homeTownMissed ?? '–')}</td>
              <td>{String(p.stats.vacationCuts ?? '–')}</td>
              <td>
                <button type="button" onClick={() => onChoose(i)}>
                  {t('choose')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {wishing.length > 0 && (
        <table className="variant-wishes" aria-label={t('wishesMetPerDoctor')}>
          <caption>{t('wishesMetPerDoctor')}</caption>
          <thead>
            <tr>
              <th>{t('doctor')}</th>
              {plans.map((p, i) => (
                <th key={i}>{String(p.stats.variant)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {wishing.map((d) => (
              <tr key={d.id} data-doctor-wishes={d.id}>
                <td>{d.name}</td>
                {met.map((m, i) => (
                  <td key={i}>
                    {m.get(d.id)!.met}/{m.get(d.id)!.total}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
