// Cheap proofs that no plan exists: per site, the doctors who can only use that site need
// more doctor-weeks than its capacity leaves them (after the region's other cohorts) over the
// weeks their layouts span (their whole years when layouts were cut); and doctors whose blocks
// have no site or whose year has no layout.
import { btEnd } from '../../shared/domain/rotation';
import { formatWeek, weekIndex } from '../../shared/domain/weeks';
import { blockLabel, doctorLabel } from '../../shared/domain/labels';
import type { Explanation } from '../../shared/format/plan';
import { capacityGives, countCapacity, doctorsNeed } from './capacity-words';
import { layoutFailure } from './layout-failure';
import type { SolverModel } from './model';

export function countingExplanations(model: SolverModel): Explanation[] {
  const out: Explanation[] = [];
  const { problem } = model;

  for (const dm of model.doctors) {
    const who = { sv: doctorLabel(dm.doctor, 'sv'), en: doctorLabel(dm.doctor, 'en') };
    for (const slot of dm.slots) {
      if (slot.sites.length > 0) continue;
      out.push({
        code: 'no-site',
        message_sv: `${who.sv}: ingen arbetsplats erbjuder ${blockLabel(slot.block, 'sv')} inom de tillåtna och låsta arbetsplatserna`,
        message_en: `${who.en}: no site offers ${blockLabel(slot.block, 'en')} among the allowed and pinned sites`,
        doctors: [dm.doctor.id],
        blocks: [slot.block.id],
      });
    }
    // A cut that left a doctor no layout proves nothing: solve() answers unknown then.
    if (dm.layouts.length === 0 && !dm.cut && dm.slots.every((s) => s.sites.length > 0)) {
      const why = layoutFailure(problem, dm.doctor, false);
      out.push({
        code: 'no-layout',
        message_sv: `${who.sv}: året går inte att lägga ut — ${why.message_sv}`,
        message_en: `${who.en}: the year cannot be laid out — ${why.message_en}`,
        doctors: [dm.doctor.id],
        ...(why.block ? { blocks: [why.block] } : {}),
      });
    }
  }

  // Demand of the doctors whose block can only go to one site vs that site's capacity, over
  // the weeks their layouts allow.
  const boundBySite = new Map<number, { doctor: string; weeks: number; from: number; to: number }[]>();
  for (const dm of model.doctors) {
    if (dm.layouts.length === 0) continue;
    dm.slots.forEach((slot, k) => {
      if (slot.sites.length !== 1) return;
      let from = Infinity;
      let to = -Infinity;
      for (const layout of dm.layouts) {
        const weeks = layout.weeks[k]!;
        from = Math.min(from, weeks[0]!);
        to = Math.max(to, weeks[weeks.length - 1]! + 1);
      }
      // Layouts left out may lie anywhere in the year: only the whole year still proves.
      if (dm.cut) [from, to] = [weekIndex(dm.doctor.start), weekIndex(btEnd(problem, dm.doctor))];
      const list = boundBySite.get(slot.sites[0]!) ?? [];
      list.push({ doctor: dm.doctor.id, weeks: dm.layouts[0]!.weeks[k]!.length, from, to });
      boundBySite.set(slot.sites[0]!, list);
    });
  }
  for (const [s, bound] of [...boundBySite].sort((a, b) => a[0] - b[0])) {
    const siteId = model.siteIds[s]!;
    const from = Math.min(...bound.map((b) => b.from));
    const to = Math.max(...bound.map((b) => b.to));
    const supply = countCapacity(model, [s], from, to);
    const demand = bound.reduce((sum, b) => sum + b.weeks, 0);
    if (demand <= supply.left) continue;
    const site = problem.sites[s]!;
    const range = { from: model.weekNames[from - model.firstWeek]!, to: model.weekNames[to - model.firstWeek]! };
    const between = {
      sv: `${formatWeek(range.from, 'sv')} och ${formatWeek(model.weekNames[to - 1 - model.firstWeek]!, 'sv')}`,
      en: `${formatWeek(range.from, 'en')} and ${formatWeek(model.weekNames[to - 1 - model.firstWeek]!, 'en')}`,
    };
    // A doctor with two blocks only this site offers is one doctor needing both blocks' weeks.
    const weeksOf = new Map<string, number>();
    for (const b of bound) weeksOf.set(b.doctor, (weeksOf.get(b.doctor) ?? 0) + b.weeks);
    const each = new Set(weeksOf.values()).size === 1 ? [...weeksOf.values()][0]! : undefined;
    const doctors = { sv: doctorsNeed(weeksOf.size, supply, 'sv'), en: doctorsNeed(weeksOf.size, supply, 'en') };
    const need = {
      sv: each !== undefined ? `${doctors.sv} ${each} veckor var` : `${doctors.sv} sammanlagt ${demand} veckor`,
      en: each !== undefined ? `${doctors.en} ${each} weeks each` : `${doctors.en} ${demand} weeks in all`,
    };
    const give = { sv: capacityGives(supply, 'sv', 'per-week'), en: capacityGives(supply, 'en', 'per-week') };
    out.push({
      code: 'site-capacity',
      message_sv: `${site.name}: ${need.sv} mellan ${between.sv}; ${give.sv}, ${demand} behövs`,
      message_en: `${site.name}: ${need.en} between ${between.en}; ${give.en}, ${demand} needed`,
      sites: [siteId],
      doctors: [...weeksOf.keys()],
      ...range,
    });
  }
  return out;
}
