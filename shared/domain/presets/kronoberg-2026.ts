// Region Kronoberg BT 2026: month-based template (intro 1, internal medicine 2, surgery 2,
// psychiatry 2, primary care 4, vacation 1) over the employment 2026-01-12 → 2027-01-17
// (53 ISO weeks), four workplaces, eight demo doctors. Half start in primary care, half end
// there; each pair shares a home vårdcentral.
import { blocksFromTemplate, type Template } from '../templates';
import { addWeeks, weeksBetween } from '../weeks';
import { presetFrom } from './preset';

const START = '2026-01-12';
/** The Monday after the last day of employment (2027-01-17). */
const END = '2027-01-18';

export const kronobergTemplate: Template = {
  name: 'Kronoberg BT (12 månader)',
  basis: 'months',
  blocks: [
    { id: 'intro', kind: 'intro', category: 'cohort', months: 1, offset: 0, name: 'Introduktion (introduktionskurs)' },
    { id: 'im', kind: 'internal-medicine', category: 'acute', months: 2 },
    { id: 'surg', kind: 'surgery', category: 'acute', months: 2 },
    { id: 'psy', kind: 'psychiatry', category: 'psychiatry', months: 2 },
    { id: 'pc', kind: 'primary-care', category: 'primary-care', months: 4 },
    { id: 'vac', kind: 'vacation', category: 'vacation', months: 1, window: { from: '2026-06-01', to: '2026-08-31' } },
  ],
};

const site = (id: string, name: string, town: string, kind: string, capacity: number, address: string) => ({
  id, name, town, kinds: [kind], capacity, address,
});

const doctor = (id: string, name: string, town: string, homeVc: string, extra: object = {}) => ({
  id, name, town, start: START, allowedSites: { pc: [homeVc] }, ...extra,
});

const week = (n: number) => addWeeks(START, n);
// Primary care first, vacation in week 22 of the year, then the hospital blocks.
const pcFirst = (im: string, surg: string, psy: string, vc: string, order: ('im' | 'surg' | 'psy')[]) => ({
  placements: [{ block: 'pc', site: vc }, ...order.map((b) => ({ block: b, site: { im, surg, psy }[b] }))],
  at: { vac: week(22) },
});
// Hospital blocks first, vacation in week 26 of the year, primary care last.
const pcLast = (im: string, surg: string, psy: string, vc: string, order: ('im' | 'surg' | 'psy')[]) => ({
  placements: [...order.map((b) => ({ block: b, site: { im, surg, psy }[b] })), { block: 'pc', site: vc }],
  at: { vac: week(26) },
});

export const kronoberg2026 = presetFrom(
  'kronoberg-2026',
  'Region Kronoberg',
  kronobergTemplate,
  {
    format: 'bt-planning-problem/1',
    name: 'Kronoberg BT 2026',
    blocks: blocksFromTemplate(kronobergTemplate, weeksBetween(START, END)),
    sites: [
      site('vxo-med', 'Medicinkliniken, Centrallasarettet Växjö', 'Växjö', 'internal-medicine', 2, 'Strandvägen 8, 352 34 Växjö'),
      site('vxo-kir', 'Kirurgkliniken, Centrallasarettet Växjö', 'Växjö', 'surgery', 2, 'Strandvägen 8, 352 34 Växjö'),
      site('lj-med', 'Medicinkliniken, Ljungby lasarett', 'Ljungby', 'internal-medicine', 1, 'Lasarettsvägen 1, 341 82 Ljungby'),
      site('lj-kir', 'Kirurgkliniken, Ljungby lasarett', 'Ljungby', 'surgery', 1, 'Lasarettsvägen 1, 341 82 Ljungby'),
      {
        ...site('vxo-psy', 'Vuxenpsykiatrin Växjö', 'Växjö', 'psychiatry', 3, 'Sigfridsvägen, 352 57 Växjö'),
        overrides: [{ from: '2026-06-22', to: '2026-08-17', capacity: 2 }],
      },
      site('vc-teleborg', 'Vårdcentralen Teleborg', 'Växjö', 'primary-care', 1, 'Teleborgs centrum, 352 55 Växjö'),
      site('vc-dalbo', 'Vårdcentralen Dalbo', 'Växjö', 'primary-care', 1, 'Dalbo centrum, 352 51 Växjö'),
      site('vc-ljungby', 'Vårdcentralen Ljungby', 'Ljungby', 'primary-care', 1, 'Sjukhusgatan 3, 341 30 Ljungby'),
      site('vc-alvesta', 'Vårdcentralen Alvesta', 'Alvesta', 'primary-care', 1, 'Allbogatan 2, 342 30 Alvesta'),
    ],
    doctors: [
      doctor('kr-d01', 'Anna Lindqvist', 'Växjö', 'vc-teleborg', { wishes: [{ block: 'psy', site: 'vxo-psy', weight: 1 }] }),
      doctor('kr-d02', 'Erik Johansson', 'Växjö', 'vc-teleborg'),
      doctor('kr-d03', 'Sara Ahmed', 'Växjö', 'vc-dalbo'),
      doctor('kr-d04', 'Johan Berg', 'Växjö', 'vc-dalbo', { wishes: [{ block: 'vac', from: '2026-07-13', weight: 2 }] }),
      doctor('kr-d05', 'Maria Nilsson', 'Ljungby', 'vc-ljungby'),
      doctor('kr-d06', 'Ali Hassan', 'Ljungby', 'vc-ljungby'),
      doctor('kr-d07', 'Emma Karlsson', 'Alvesta', 'vc-alvesta'),
      doctor('kr-d08', 'Oskar Svensson', 'Alvesta', 'vc-alvesta', { protectedIdentity: true }),
    ],
  },
  {
    'kr-d01': pcFirst('vxo-med', 'vxo-kir', 'vxo-psy', 'vc-teleborg', ['im', 'surg', 'psy']),
    'kr-d02': pcLast('vxo-med', 'vxo-kir', 'vxo-psy', 'vc-teleborg', ['im', 'surg', 'psy']),
    'kr-d03': pcFirst('vxo-med', 'vxo-kir', 'vxo-psy', 'vc-dalbo', ['surg', 'psy', 'im']),
    'kr-d04': pcLast('lj-med', 'vxo-kir', 'vxo-psy', 'vc-dalbo', ['surg', 'psy', 'im']),
    'kr-d05': pcFirst('lj-med', 'lj-kir', 'vxo-psy', 'vc-ljungby', ['psy', 'im', 'surg']),
    'kr-d06': pcLast('lj-med', 'lj-kir', 'vxo-psy', 'vc-ljungby', ['psy', 'im', 'surg']),
    'kr-d07': pcFirst('vxo-med', 'vxo-kir', 'vxo-psy', 'vc-alvesta', ['im', 'psy', 'surg']),
    'kr-d08': pcLast('vxo-med', 'vxo-kir', 'vxo-psy', 'vc-alvesta', ['im', 'psy', 'surg']),
  },
);
