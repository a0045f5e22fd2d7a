// Region Västernorrland VT 2026: week-based template of 52 weeks from week 8 (2026-02-16):
// 2 weeks common intro, 2 weeks common education, 17 acute, 10 psychiatry, 17 primary care,
// 4 vacation. Eight doctors, 4 Sundsvall / 2 Sollefteå / 2 Örnsköldsvik: acute care and
// primary care in the home town, psychiatry in Sundsvall or Örnsköldsvik.
import { blocksFromTemplate, type Template } from '../templates';
import { addWeeks } from '../weeks';
import { presetFrom } from './preset';

const START = '2026-02-16';

export const vasternorrlandTemplate: Template = {
  name: 'Västernorrland BT (52 veckor)',
  basis: 'weeks',
  blocks: [
    { id: 'intro', kind: 'intro', category: 'cohort', weeks: 2, offset: 0, name: 'Gemensam introduktion' },
    { id: 'edu', kind: 'common-education', category: 'cohort', weeks: 2, offset: 2 },
    { id: 'acute', kind: 'acute', category: 'acute', weeks: 17 },
    { id: 'psy', kind: 'psychiatry', category: 'psychiatry', weeks: 10 },
    { id: 'pc', kind: 'primary-care', category: 'primary-care', weeks: 17 },
    { id: 'vac', kind: 'vacation', category: 'vacation', weeks: 4, window: { from: '2026-06-01', to: '2026-08-31' } },
  ],
};

const TOWNS = {
  Sundsvall: { hospital: 'sun-akut' },
  Sollefteå: { hospital: 'sol-akut' },
  Örnsköldsvik: { hospital: 'ovik-akut' },
} as const;

const doctor = (id: string, name: string, town: keyof typeof TOWNS, hc: string, extra: object = {}) => ({
  id, name, town, start: START, allowedSites: { acute: [TOWNS[town].hospital], pc: [hc] }, ...extra,
});

const vacation = { vac: addWeeks(START, 21) };
// Pairs share a hospital and a hälsocentral: one goes acute → psychiatry → primary care,
// the other primary care → acute → psychiatry, so neither waits for the other.
const acuteFirst = (hospital: string, psy: string, hc: string) => ({
  placements: [{ block: 'acute', site: hospital }, { block: 'psy', site: psy }, { block: 'pc', site: hc }],
  at: vacation,
});
const primaryFirst = (hospital: string, psy: string, hc: string) => ({
  placements: [{ block: 'pc', site: hc }, { block: 'acute', site: hospital }, { block: 'psy', site: psy }],
  at: vacation,
});

const hospital = (id: string, name: string, town: string, address: string) => ({
  id, name, town, kinds: ['acute'], capacity: town === 'Sundsvall' ? 2 : 1, address,
});
const healthCentre = (id: string, name: string, town: string, address: string) => ({
  id, name, town, kinds: ['primary-care'], capacity: 1, address,
});

export const vasternorrlandVt2026 = presetFrom(
  'vasternorrland-vt-2026',
  'Region Västernorrland',
  vasternorrlandTemplate,
  {
    format: 'bt-planning-problem/1',
    name: 'Västernorrland VT 2026',
    blocks: blocksFromTemplate(vasternorrlandTemplate, 52),
    sites: [
      hospital('sun-akut', 'Sundsvalls sjukhus, akutsjukvård', 'Sundsvall', 'Lasarettsvägen 21, 856 43 Sundsvall'),
      hospital('sol-akut', 'Sollefteå sjukhus, akutsjukvård', 'Sollefteå', 'Övergårdsvägen 2, 881 33 Sollefteå'),
      hospital('ovik-akut', 'Örnsköldsviks sjukhus, akutsjukvård', 'Örnsköldsvik', 'Lasarettsgatan 3, 891 89 Örnsköldsvik'),
      { id: 'sun-psy', name: 'Psykiatriska kliniken Sundsvall', town: 'Sundsvall', kinds: ['psychiatry'], capacity: 3, address: 'Lasarettsvägen 21, 856 43 Sundsvall' },
      { id: 'ovik-psy', name: 'Psykiatrin Örnsköldsvik', town: 'Örnsköldsvik', kinds: ['psychiatry'], capacity: 1, address: 'Lasarettsgatan 3, 891 89 Örnsköldsvik' },
      healthCentre('hc-bergsaker', 'Bergsåkers hälsocentral', 'Sundsvall', 'Bergsåkers centrum, 856 53 Sundsvall'),
      healthCentre('hc-nacksta', 'Nackstå hälsocentral', 'Sundsvall', 'Nacksta torg 5, 856 51 Sundsvall'),
      healthCentre('hc-solleftea', 'Sollefteå hälsocentral', 'Sollefteå', 'Storgatan 55, 881 30 Sollefteå'),
      healthCentre('hc-domsjo', 'Domsjö hälsocentral', 'Örnsköldsvik', 'Domsjö centrum, 891 86 Domsjö'),
    ],
    doctors: [
      doctor('vn-d01', 'Lina Persson', 'Sundsvall', 'hc-bergsaker'),
      doctor('vn-d02', 'Mohammed Karimi', 'Sundsvall', 'hc-bergsaker'),
      doctor('vn-d03', 'Elin Sjöberg', 'Sundsvall', 'hc-nacksta', { wishes: [{ block: 'psy', site: 'sun-psy', weight: 1 }] }),
      doctor('vn-d04', 'Viktor Holm', 'Sundsvall', 'hc-nacksta', { protectedIdentity: true }),
      doctor('vn-d05', 'Hanna Öberg', 'Sollefteå', 'hc-solleftea'),
      doctor('vn-d06', 'Jonas Eriksson', 'Sollefteå', 'hc-solleftea'),
      doctor('vn-d07', 'Sofia Åström', 'Örnsköldsvik', 'hc-domsjo'),
      doctor('vn-d08', 'Daniel Nordin', 'Örnsköldsvik', 'hc-domsjo'),
    ],
  },
  {
    'vn-d01': acuteFirst('sun-akut', 'sun-psy', 'hc-bergsaker'),
    'vn-d02': primaryFirst('sun-akut', 'sun-psy', 'hc-bergsaker'),
    'vn-d03': acuteFirst('sun-akut', 'sun-psy', 'hc-nacksta'),
    'vn-d04': primaryFirst('sun-akut', 'sun-psy', 'hc-nacksta'),
    'vn-d05': acuteFirst('sol-akut', 'sun-psy', 'hc-solleftea'),
    'vn-d06': primaryFirst('sol-akut', 'sun-psy', 'hc-solleftea'),
    'vn-d07': acuteFirst('ovik-akut', 'ovik-psy', 'hc-domsjo'),
    'vn-d08': primaryFirst('ovik-akut', 'ovik-psy', 'hc-domsjo'),
  },
);
