// Block kinds: what a stretch of the BT year is, which category it counts toward, and the
// BT goals it covers by default (a block may override its goals).
import type { BtGoalId } from './goals';

export const CATEGORIES = ['acute', 'primary-care', 'psychiatry', 'other', 'cohort', 'vacation'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Categories whose blocks are served at a site (and count against its capacity). */
export const SITE_CATEGORIES: readonly Category[] = ['acute', 'primary-care', 'psychiatry', 'other'];
/** The only categories a credit (tillgodoräknande) may replace. */
export const CREDITABLE_CATEGORIES: readonly Category[] = ['acute', 'primary-care', 'psychiatry'];

export function needsSite(category: Category): boolean {
  return SITE_CATEGORIES.includes(category);
}

export interface BlockKind {
  id: string;
  category: Category;
  name_sv: string;
  name_en: string;
  goals: BtGoalId[];
}

// Goals that every clinical placement trains (communication, teamwork, ethics, …).
const GENERAL: BtGoalId[] = ['BT10', 'BT11', 'BT12', 'BT13', 'BT14', 'BT15', 'BT16', 'BT17', 'BT18'];

export const BUILT_IN_BLOCK_KINDS: readonly BlockKind[] = [
  { id: 'intro', category: 'cohort', name_sv: 'Introduktion', name_en: 'Introduction', goals: ['BT9', 'BT14', 'BT15'] },
  { id: 'internal-medicine', category: 'acute', name_sv: 'Internmedicin', name_en: 'Internal medicine', goals: ['BT1', 'BT4', 'BT5', 'BT6', 'BT7', ...GENERAL] },
  { id: 'surgery', category: 'acute', name_sv: 'Kirurgi', name_en: 'Surgery', goals: ['BT1', 'BT4', 'BT7', ...GENERAL] },
  { id: 'emergency', category: 'acute', name_sv: 'Akutmottagning', name_en: 'Emergency department', goals: ['BT1', 'BT4', 'BT7', ...GENERAL] },
  { id: 'acute', category: 'acute', name_sv: 'Akutsjukvård', name_en: 'Acute care', goals: ['BT1', 'BT4', 'BT5', 'BT7', ...GENERAL] },
  { id: 'psychiatry', category: 'psychiatry', name_sv: 'Psykiatri', name_en: 'Psychiatry', goals: ['BT2', 'BT8', 'BT9', ...GENERAL] },
  { id: 'primary-care', category: 'primary-care', name_sv: 'Allmänmedicin', name_en: 'Primary care', goals: ['BT3', 'BT4', 'BT5', 'BT6', 'BT7', 'BT8', ...GENERAL] },
  { id: 'geriatrics', category: 'other', name_sv: 'Geriatrik', name_en: 'Geriatrics', goals: ['BT5', 'BT6', 'BT7', ...GENERAL] },
  { id: 'common-education', category: 'cohort', name_sv: 'Gemensam utbildning', name_en: 'Common education', goals: ['BT9', 'BT12', 'BT16'] },
  { id: 'vacation', category: 'vacation', name_sv: 'Semester', name_en: 'Vacation', goals: [] },
];

export function builtInBlockKind(id: string): BlockKind | undefined {
  return BUILT_IN_BLOCK_KINDS.find((k) => k.id === id);
}
