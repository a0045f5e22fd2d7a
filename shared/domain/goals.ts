// Socialstyrelsen's 18 BT goals (delmål BT1–BT18, HSLF-FS 2021:8) with short titles for
// display; placements cover goals through their block kind (see block-kinds.ts).

export const BT_GOAL_IDS = [
  'BT1', 'BT2', 'BT3', 'BT4', 'BT5', 'BT6', 'BT7', 'BT8', 'BT9',
  'BT10', 'BT11', 'BT12', 'BT13', 'BT14', 'BT15', 'BT16', 'BT17', 'BT18',
] as const;

export type BtGoalId = (typeof BT_GOAL_IDS)[number];

export interface BtGoal {
  id: BtGoalId;
  title_sv: string;
  title_en: string;
}

// Short titles: the full wording is in the målbeskrivning; these only name each goal.
export const BT_GOALS: readonly BtGoal[] = [
  { id: 'BT1', title_sv: 'Akuta sjukdomstillstånd', title_en: 'Acute conditions' },
  { id: 'BT2', title_sv: 'Psykiatriska tillstånd', title_en: 'Psychiatric conditions' },
  { id: 'BT3', title_sv: 'Sjukdomsförebyggande arbete', title_en: 'Disease prevention' },
  { id: 'BT4', title_sv: 'Vanliga sjukdomstillstånd hos barn och vuxna', title_en: 'Common conditions in children and adults' },
  { id: 'BT5', title_sv: 'Äldre och multisjuka patienter', title_en: 'Older and multimorbid patients' },
  { id: 'BT6', title_sv: 'Vård i livets slutskede', title_en: 'End-of-life care' },
  { id: 'BT7', title_sv: 'Läkemedelsbehandling', title_en: 'Pharmacotherapy' },
  { id: 'BT8', title_sv: 'Intyg och försäkringsmedicin', title_en: 'Certificates and insurance medicine' },
  { id: 'BT9', title_sv: 'Lagar och föreskrifter i vården', title_en: 'Health-care law and regulations' },
  { id: 'BT10', title_sv: 'Kommunikation med patienter och närstående', title_en: 'Communication with patients and relatives' },
  { id: 'BT11', title_sv: 'Samverkan med medarbetare', title_en: 'Working with colleagues' },
  { id: 'BT12', title_sv: 'Medicinsk etik', title_en: 'Medical ethics' },
  { id: 'BT13', title_sv: 'Mångfald och jämlikhet', title_en: 'Diversity and equality' },
  { id: 'BT14', title_sv: 'Hälso- och sjukvårdens organisation', title_en: 'Organisation of health care' },
  { id: 'BT15', title_sv: 'Patientsäkerhet och kvalitetsarbete', title_en: 'Patient safety and quality' },
  { id: 'BT16', title_sv: 'Vetenskapligt förhållningssätt', title_en: 'Scientific approach' },
  { id: 'BT17', title_sv: 'Ledarskap', title_en: 'Leadership' },
  { id: 'BT18', title_sv: 'Lärande och handledning', title_en: 'Learning and supervision' },
];

export function goalTitle(id: BtGoalId, lang: 'sv' | 'en' = 'sv'): string {
  const goal = BT_GOALS.find((g) => g.id === id);
  return goal ? (lang === 'sv' ? goal.title_sv : goal.title_en) : id;
}
