// The schemas' own rules (refinements beyond zod's checks), each with a stable key, its values
// and its words in Swedish and English. An issue of a rule carries key and values as zod
// `params`, so any UI words it in its language (messages.ts), and its English words as the
// message, so the API and the CLIs read English without a word map.
import { z } from 'zod';
import type { Lang } from '../domain/labels';
import { formatWeek, mondayOf } from '../domain/weeks';

type Words<V> = Record<Lang, (values: V) => string>;
const words = <V extends Record<string, string | number>>(w: Words<V>) => w;

/** "v. 3 2026 börjar 2026-01-12": the week a day that is no Monday lies in. */
const weekOf = (date: string, lang: Lang) => `${formatWeek(mondayOf(date), lang)} ${lang === 'sv' ? 'börjar' : 'starts'} ${mondayOf(date)}`;

export const RULES = {
  'not-a-date': words<{ value: string }>({
    sv: ({ value }) => (value ? `${value} är inget datum; skriv ÅÅÅÅ-MM-DD` : 'Ange ett datum som ÅÅÅÅ-MM-DD'),
    en: ({ value }) => (value ? `${value} is not a date (YYYY-MM-DD)` : 'Enter a date as YYYY-MM-DD'),
  }),
  'date-out-of-range': words<{ value: string; earliest: string; latest: string }>({
    sv: (v) => `${v.value} ligger inte mellan ${v.earliest} och ${v.latest}`,
    en: (v) => `${v.value} is not between ${v.earliest} and ${v.latest}`,
  }),
  'more-than-a-year-back': words<{ value: string; earliest: string }>({
    sv: (v) => `${v.value} är mer än ett år bakåt (tidigast ${v.earliest})`,
    en: (v) => `${v.value} is more than a year back (earliest ${v.earliest})`,
  }),
  'not-monday': words<{ value: string }>({
    sv: ({ value }) => `${value} är ingen måndag (${weekOf(value, 'sv')})`,
    en: ({ value }) => `${value} is not a Monday (${weekOf(value, 'en')})`,
  }),
  'not-after': words<{ from: string; to: string }>({
    sv: (v) => `${v.to} måste vara efter ${v.from}`,
    en: (v) => `${v.to} is not after from (${v.from})`,
  }),
  'id-characters': words({
    sv: () => 'Bara bokstäver a–z, siffror, ".", "_" och "-", först en bokstav eller siffra',
    en: () => 'must be letters a–z, digits, ".", "_" or "-", starting with a letter or digit',
  }),
  'time-of-day': words({
    sv: () => 'Ange en tid som TT:MM (00:00–23:59)',
    en: () => 'must be HH:MM (00:00–23:59)',
  }),
  'not-a-weekday': words<{ value: string }>({
    sv: ({ value }) => `${value} är en lördag eller söndag; välj en vardag`,
    en: ({ value }) => `${value} is a Saturday or Sunday; choose a weekday`,
  }),
  'credit-min-weeks': words<{ minimum: number }>({
    sv: ({ minimum }) => `Minst ${minimum} veckor (3 månader)`,
    en: ({ minimum }) => `must be at least ${minimum} weeks (3 months)`,
  }),
  'credit-decided-by': words({
    sv: () => 'Ange studierektorn som beslutade',
    en: () => 'names the studierektor who decided',
  }),
  // One credit per doctor; a second only with a recorded exception (creditExceptionSchema).
  'at-most-two-credits': words<{ count: number }>({
    sv: ({ count }) => `Högst två tillgodoräknanden per läkare, det andra bara med ett beslutat undantag (${count} angivna)`,
    en: ({ count }) => `at most two credits (tillgodoräknande) per doctor, the second only with a recorded exception; got ${count}`,
  }),
  'second-credit-needs-exception': words({
    sv: () => 'Ett andra tillgodoräknande kräver ett beslutat undantag: skäl, beslut av studierektor och datum',
    en: () => 'a second credit (tillgodoräknande) needs a recorded exception: reason, decided by the studierektor, date',
  }),
  'credited-twice': words<{ block: string }>({
    sv: ({ block }) => `${block} är redan tillgodoräknat`,
    en: ({ block }) => `${block} is credited twice`,
  }),
  'block-ids-unique': words<{ id: string }>({
    sv: ({ id }) => `Blockens koder måste vara unika ("${id}" finns två gånger)`,
    en: ({ id }) => `block ids must be unique ("${id}" twice)`,
  }),
  'assessment-kind-ids-unique': words<{ id: string }>({
    sv: ({ id }) => `Bedömningstypernas koder måste vara unika ("${id}" finns två gånger)`,
    en: ({ id }) => `assessment kind ids must be unique ("${id}" twice)`,
  }),
  'offset-or-at': words({
    sv: () => 'Ett block börjar antingen ett antal veckor efter BT-start eller samma vecka för hela kohorten, inte båda',
    en: () => 'a block starts either at an offset or at a date (at), not both',
  }),
  'template-length': words<{ basis: string }>({
    sv: ({ basis }) => `Ange längden i ${basis === 'months' ? 'månader' : 'veckor'} för varje block`,
    en: ({ basis }) => `a ${basis}-based template gives ${basis} for every block`,
  }),
  'doctor-user': words({
    sv: () => 'En läkaranvändare anger sin läkare, ingen annan roll gör det',
    en: () => 'a doctor user names its doctor, no other role does',
  }),
  'regions-only-coordinators': words({ sv: () => 'Bara studierektorer (samordnare) har regioner', en: () => 'only coordinators have regions' }),
  'coordinator-needs-region': words({ sv: () => 'En studierektor (samordnare) behöver minst en region', en: () => 'a coordinator needs at least one region' }),
  'towns-only-coordinators': words({ sv: () => 'Bara studierektorer (samordnare) kan begränsas till orter', en: () => 'only coordinators can be limited to towns' }),
  'sites-only-clinic': words({ sv: () => 'Bara klinikanvändare har arbetsplatser', en: () => 'only clinic users have sites' }),
  'clinic-needs-site': words({ sv: () => 'En klinikanvändare behöver minst en arbetsplats', en: () => 'a clinic user needs at least one site' }),
  // Cross-references of a problem file (problem-references.ts).
  'duplicate-id': words<{ id: string; also: string }>({
    sv: (v) => `Koden "${v.id}" finns redan (${v.also})`,
    en: (v) => `duplicate id "${v.id}" (also ${v.also})`,
  }),
  'absence-before-start': words<{ from: string; start: string }>({
    sv: (v) => `${v.from} är före läkarens start (${v.start})`,
    en: (v) => `${v.from} is before the doctor's start (${v.start})`,
  }),
  // A leave's days (shared/api/doctors.ts); the week rule is in shared/domain/leave-days.ts.
  'leave-last-before-first': words<{ first: string; last: string }>({
    sv: (v) => `Sista dagen ${v.last} är före första dagen (${v.first})`,
    en: (v) => `${v.last} is before first (${v.first})`,
  }),
  'leave-without-working-day': words<{ first: string; last: string }>({
    sv: (v) => `${v.first} – ${v.last} har ingen arbetsdag (mån–fre, inte röd dag): ingen vecka räknas som frånvaro`,
    en: (v) => `${v.first} – ${v.last} has no working day (Monday–Friday, not a public holiday): no week would count as absence`,
  }),
  'absence-overlap': words<{ other: string }>({ sv: (v) => `Överlappar ${v.other}`, en: (v) => `overlaps ${v.other}` }),
  'not-creditable': words<{ block: string; category: string }>({
    sv: (v) => `${v.block} är ett block av kategorin ${v.category}; bara akut-, allmänmedicin- och psykiatriblock kan tillgodoräknas`,
    en: (v) => `${v.block} is a ${v.category} block; only acute, primary-care or psychiatry blocks can be credited`,
  }),
  'not-in-template': words<{ id: string }>({ sv: (v) => `${v.id} är inget block i kohortens mall`, en: (v) => `${v.id} is not a block of the cohort's template` }),
  'supervised-twice': words<{ block: string }>({
    sv: (v) => `${v.block} har redan en handledare`,
    en: (v) => `${v.block} has a supervisor already`,
  }),
  'unknown-block': words<{ id: string }>({ sv: (v) => `${v.id} är inget block i problemet`, en: (v) => `${v.id} is not a block of this problem` }),
  'unknown-site': words<{ id: string }>({ sv: (v) => `${v.id} är ingen arbetsplats i problemet`, en: (v) => `${v.id} is not a site of this problem` }),
  'block-without-site': words<{ id: string }>({ sv: (v) => `${v.id} är ett block utan arbetsplats`, en: (v) => `${v.id} is a block without a site` }),
  'credited-pin': words<{ block: string }>({
    sv: (v) => `${v.block} är tillgodoräknat och får ingen placering`,
    en: (v) => `${v.block} is credited and gets no placement`,
  }),
  'pinned-twice': words<{ block: string; also: string }>({
    sv: (v) => `${v.block} är låst två gånger (${v.also})`,
    en: (v) => `${v.block} is pinned twice (also ${v.also})`,
  }),
};

export type RuleKey = keyof typeof RULES;
export type RuleValues<K extends RuleKey> = Parameters<(typeof RULES)[K]['en']>[0];

const say = <K extends RuleKey>(key: K, values: RuleValues<K>, lang: Lang) => (RULES[key][lang] as (v: RuleValues<K>) => string)(values);

/** A rule's issue: its key and values for the word map, its English words as the message. */
export function ruleIssue<K extends RuleKey>(key: K, values: RuleValues<K>) {
  return { code: 'custom' as const, message: say(key, values, 'en'), params: { key, ...values } };
}

/** A refinement by rule `key`: when `holds` fails, its issue (at `path`; `abort` stops the later checks). */
export function ruleCheck<T, K extends RuleKey>(key: K, holds: (value: T) => boolean, values: (value: T) => RuleValues<K>, options: { path?: PropertyKey[]; abort?: boolean } = {}) {
  return z.superRefine<T>((value, ctx) => {
    if (holds(value)) return;
    // A fresh path each time: zod prefixes an issue's path in place as it bubbles up.
    ctx.addIssue({ ...ruleIssue(key, values(value)), input: value, ...(options.path ? { path: [...options.path] } : {}), ...(options.abort ? { continue: false } : {}) });
  });
}

/** A rule issue's words in `lang`, from its params; undefined when the params name no rule. */
export function ruleMessage(params: Record<string, unknown> | undefined, lang: Lang): string | undefined {
  const key = params?.key;
  if (typeof key !== 'string' || !Object.hasOwn(RULES, key)) return undefined;
  return say(key as RuleKey, params as never, lang);
}
