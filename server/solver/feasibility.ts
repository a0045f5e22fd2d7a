// When the search finds no valid plan: the master LP in feasibility mode (overflow costs 1
// per doctor-week) either proves that every plan overloads some site-week — then a deletion
// filter over sites keeps a smallest set whose capacities alone are too small, and the
// explanation counts doctors' weeks against that capacity — or diving in it finds a plan
// without overflow.
import type { Highs } from 'highs';
import { formatWeek } from '../../shared/domain/weeks';
import type { Explanation } from '../../shared/format/plan';
import { capacityGives, countCapacity, doctorsNeed, listWords } from './capacity-words';
import type { Choice, LayoutSearch } from './heuristic';
import { ColumnMaster } from './master';
import type { SolverModel } from './model';

/** A bound above this many doctor-weeks of overflow proves that no plan exists. */
const PROOF = 1e-3;

export interface Feasibility {
  /** Set when no plan exists. */
  explanation?: Explanation[];
  /** A plan without overload, when one was found. */
  choices?: Choice[];
}

export function findFeasible(highs: Highs, model: SolverModel, search: LayoutSearch, stop: () => boolean): Feasibility {
  const master = overflowMaster(highs, model, search, new Set(model.siteIds.map((_, s) => s)), stop);
  try {
    if (master.bound > PROOF) return { explanation: [explain(model, search, conflictSites(highs, model, search, master, stop), stop)] };
    // Columns with overflow 0 exist in the LP; dive for a whole plan among them.
    const dived = master.dive(stop, 0);
    return dived ? { choices: dived } : {};
  } finally {
    master.dispose();
  }
}

function overflowMaster(highs: Highs, model: SolverModel, search: LayoutSearch, sites: Set<number>, stop: () => boolean): ColumnMaster {
  const master = new ColumnMaster(highs, model, search, 'feasibility', sites);
  search.choices.forEach((choice, d) => master.add(d, choice!));
  master.generate(stop, PROOF * 2);
  return master;
}

/** Deletion filter: drop each priced site whose capacity the proof does not need. */
function conflictSites(highs: Highs, model: SolverModel, search: LayoutSearch, master: ColumnMaster, stop: () => boolean): { sites: Set<number>; prices: Float64Array } {
  const sites = new Set(pricedSites(model, master.prices));
  let prices = master.prices.slice();
  for (const s of [...sites]) {
    if (stop()) break;
    const without = new Set([...sites].filter((t) => t !== s));
    const test = overflowMaster(highs, model, search, without, stop);
    if (test.bound > PROOF) {
      sites.delete(s);
      prices = test.prices.slice();
    }
    test.dispose();
  }
  return { sites, prices };
}

function pricedSites(model: SolverModel, prices: Float64Array): number[] {
  const sites = new Set<number>();
  prices.forEach((price, cell) => price > 1e-9 && sites.add(Math.floor(cell / model.weekCount)));
  return [...sites].sort((a, b) => a - b);
}

/**
 * Counts, for the conflict sites, the doctor-weeks every doctor must spend there against the
 * capacity: first over the whole span of the years of the doctors who need them, else over the
 * weeks the LP's prices span (the proof may rest on a narrower window).
 */
function explain(model: SolverModel, search: LayoutSearch, conflict: { sites: Set<number>; prices: Float64Array }, stop: () => boolean): Explanation {
  const { weekCount, firstWeek } = model;
  const sites = [...conflict.sites].sort((a, b) => a - b);
  const count = (from: number, to: number) => {
    let demand = 0;
    const doctors: string[] = [];
    model.doctors.forEach((dm, d) => {
      if (stop()) return;
      const inWindow = (s: number, w: number) => conflict.sites.has(s) && w >= from && w < to;
      const { cost } = search.bestChoice(d, (s, weeks) => weeks.reduce((n, w) => n + (inWindow(s, w) ? 1 : 0), 0), undefined, false);
      if (cost > 0) doctors.push(dm.doctor.id);
      demand += cost;
    });
    let supply = 0;
    for (const s of sites) for (let w = from; w < to; w++) supply += model.capacity[s * weekCount + w - firstWeek]!;
    return { from, to, demand, supply, doctors };
  };

  const all = count(firstWeek, firstWeek + weekCount);
  const years = model.doctors.filter((dm) => all.doctors.includes(dm.doctor.id)).flatMap((dm) => dm.layouts.flatMap((l) => l.weeks.flatMap((w) => [w[0]!, w[w.length - 1]! + 1])));
  let priced = { from: Infinity, to: -Infinity };
  conflict.prices.forEach((price, cell) => {
    if (price <= 1e-9 || !conflict.sites.has(Math.floor(cell / weekCount))) return;
    priced = { from: Math.min(priced.from, (cell % weekCount) + firstWeek), to: Math.max(priced.to, (cell % weekCount) + firstWeek + 1) };
  });
  const windows = [
    ...(years.length > 0 ? [{ from: Math.min(...years), to: Math.max(...years) }] : []),
    ...(Number.isFinite(priced.from) ? [priced] : []),
  ];
  const counted = windows.map((w) => count(w.from, w.to));
  const shown = counted.find((c) => c.demand > c.supply) ?? counted.at(-1) ?? all;
  const { from, to, demand, supply, doctors } = shown;

  const names = sites.map((s) => model.problem.sites[s]!.name);
  const list = (lang: 'sv' | 'en') => listWords(names, lang);
  const week = (w: number, lang: 'sv' | 'en') => formatWeek(model.weekNames[w - firstWeek]!, lang);
  const range = { from: model.weekNames[from - firstWeek]!, to: model.weekNames[to - firstWeek]! };
  const base = { code: 'site-capacity', sites: sites.map((s) => model.siteIds[s]!), doctors, ...range };
  // The supply counted is what the other cohorts leave; the words say what they take.
  const capacity = countCapacity(model, sites, from, to);
  if (demand > supply) {
    return {
      ...base,
      message_sv: `${list('sv')}: ${doctorsNeed(doctors.length, capacity, 'sv')} minst ${demand} läkarveckor där mellan ${week(from, 'sv')} och ${week(to - 1, 'sv')}; ${capacityGives(capacity, 'sv', 'sum')}`,
      message_en: `${list('en')}: ${doctorsNeed(doctors.length, capacity, 'en')} at least ${demand} doctor-weeks there between ${week(from, 'en')} and ${week(to - 1, 'en')}; ${capacityGives(capacity, 'en', 'sum')}`,
    };
  }
  // The proof weighs weeks unevenly, so no single count shows it; name what clashes.
  const taken = {
    sv: capacity.taken > 0 ? `; ${capacityGives(capacity, 'sv', 'per-week')}` : '',
    en: capacity.taken > 0 ? `; ${capacityGives(capacity, 'en', 'per-week')}` : '',
  };
  return {
    ...base,
    message_sv: `${list('sv')}: kapaciteten räcker inte för ${doctors.length} läkares placeringar mellan ${week(from, 'sv')} och ${week(to - 1, 'sv')}, hur de än läggs${taken.sv}`,
    message_en: `${list('en')}: the capacity is too small for ${doctors.length} doctors' placements between ${week(from, 'en')} and ${week(to - 1, 'en')}, however they are laid out${taken.en}`,
  };
}
