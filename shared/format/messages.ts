// What a schema issue says, in Swedish or English: zod's checks worded by their code and
// values, the schemas' own rules by their key (rules.ts). zod's default texts ("Too small:
// expected string to have >=1 characters") are for developers; these are for the people who
// fill in the forms and read the API's answers.
import type { z } from 'zod';
import type { Lang } from '../domain/labels';
import { ruleMessage } from './rules';

/** A number field's unit, for its bounds: "Högst 24 månader". */
export type NumberUnit = 'weeks' | 'months';

type Issue = z.core.$ZodIssue;

const UNITS: Record<NumberUnit, Record<Lang, [one: string, many: string]>> = {
  weeks: { sv: ['vecka', 'veckor'], en: ['week', 'weeks'] },
  months: { sv: ['månad', 'månader'], en: ['month', 'months'] },
};

/** 0.5 → "0,5" in Swedish; a unit after it, singular for 1. */
function amount(n: number | bigint, lang: Lang, unit?: NumberUnit): string {
  const text = lang === 'sv' ? String(n).replace('.', ',') : String(n);
  return unit ? `${text} ${UNITS[unit][lang][Number(n) === 1 ? 0 : 1]}` : text;
}

const sv = (lang: Lang, swedish: string, english: string) => (lang === 'sv' ? swedish : english);
const quoted = (values: readonly unknown[]) => values.map((v) => (typeof v === 'string' ? `"${v}"` : String(v))).join(', ');
const day = (ms: number | bigint) => new Date(Number(ms)).toISOString().slice(0, 10);

const TYPES: Record<string, [sv: string, en: string]> = {
  string: ['Måste vara text', 'Must be text'],
  number: ['Ange ett tal', 'Enter a number'],
  int: ['Måste vara ett heltal', 'Must be a whole number'],
  bigint: ['Måste vara ett heltal', 'Must be a whole number'],
  boolean: ['Måste vara ja eller nej (true/false)', 'Must be true or false'],
  array: ['Måste vara en lista', 'Must be a list'],
  object: ['Måste vara ett objekt', 'Must be an object'],
  record: ['Måste vara ett objekt', 'Must be an object'],
  date: ['Ange ett datum', 'Enter a date'],
  null: ['Måste vara null', 'Must be null'],
};

function invalidType(issue: Extract<Issue, { code: 'invalid_type' }>, lang: Lang): string {
  // The input is there when parsed with `reportInput`: a missing value asks to be filled in.
  const missing = issue.expected === 'nonoptional' || ('input' in issue && (issue.input === undefined || issue.input === null) && issue.expected !== 'null');
  if (missing) return sv(lang, 'Fyll i fältet', 'Required');
  const words = TYPES[issue.expected];
  return words ? sv(lang, ...words) : sv(lang, `Fel typ (ska vara ${issue.expected})`, `Wrong type (expected ${issue.expected})`);
}

function tooSmall(issue: Extract<Issue, { code: 'too_small' }>, lang: Lang, unit?: NumberUnit): string {
  const n = issue.minimum;
  switch (issue.origin) {
    case 'string':
      if (Number(n) === 1 && issue.inclusive !== false) return sv(lang, 'Fyll i fältet', 'Required');
      if (issue.exact) return sv(lang, `Exakt ${n} tecken`, `Exactly ${n} characters`);
      return sv(lang, `Minst ${n} tecken`, `At least ${n} characters`);
    case 'array':
    case 'set':
      if (issue.exact) return sv(lang, `Exakt ${n} behövs`, `Exactly ${n} needed`);
      return sv(lang, `Minst ${n} behövs`, `At least ${n} needed`);
    case 'date':
      return sv(lang, `Tidigast ${day(n)}`, `No earlier than ${day(n)}`);
    default:
      if (issue.inclusive === false) return sv(lang, `Måste vara mer än ${amount(n, lang, unit)}`, `Must be more than ${amount(n, lang, unit)}`);
      return sv(lang, `Minst ${amount(n, lang, unit)}`, `At least ${amount(n, lang, unit)}`);
  }
}

function tooBig(issue: Extract<Issue, { code: 'too_big' }>, lang: Lang, unit?: NumberUnit): string {
  const n = issue.maximum;
  switch (issue.origin) {
    case 'string':
      if (issue.exact) return sv(lang, `Exakt ${n} tecken`, `Exactly ${n} characters`);
      return sv(lang, `Högst ${n} tecken`, `At most ${n} characters`);
    case 'array':
    case 'set':
      if (issue.exact) return sv(lang, `Exakt ${n} behövs`, `Exactly ${n} needed`);
      return sv(lang, `Högst ${n} tillåts`, `At most ${n} allowed`);
    case 'date':
      return sv(lang, `Senast ${day(n)}`, `No later than ${day(n)}`);
    default:
      if (issue.inclusive === false) return sv(lang, `Måste vara mindre än ${amount(n, lang, unit)}`, `Must be less than ${amount(n, lang, unit)}`);
      return sv(lang, `Högst ${amount(n, lang, unit)}`, `At most ${amount(n, lang, unit)}`);
  }
}

function invalidFormat(issue: Extract<Issue, { code: 'invalid_format' }>, lang: Lang): string {
  const text = issue as typeof issue & { prefix?: string; suffix?: string; includes?: string };
  switch (issue.format) {
    case 'date':
      return sv(lang, 'Ange ett datum som ÅÅÅÅ-MM-DD', 'Enter a date as YYYY-MM-DD');
    case 'datetime':
      return sv(lang, 'Ange datum och tid (ÅÅÅÅ-MM-DDTtt:mm:ssZ)', 'Enter a date and time (YYYY-MM-DDThh:mm:ssZ)');
    case 'time':
      return sv(lang, 'Ange en tid som TT:MM', 'Enter a time as HH:MM');
    case 'email':
      return sv(lang, 'Ange en e-postadress', 'Enter an email address');
    case 'uuid':
    case 'guid':
      return sv(lang, 'Inget giltigt id (uuid)', 'is not an id (uuid)');
    case 'url':
      return sv(lang, 'Ange en webbadress', 'Enter a web address');
    case 'starts_with':
      return sv(lang, `Måste börja med "${text.prefix}"`, `Must start with "${text.prefix}"`);
    case 'ends_with':
      return sv(lang, `Måste sluta med "${text.suffix}"`, `Must end with "${text.suffix}"`);
    case 'includes':
      return sv(lang, `Måste innehålla "${text.includes}"`, `Must contain "${text.includes}"`);
    case 'regex':
      return sv(lang, 'Har fel form', 'Has the wrong form');
    default:
      return sv(lang, `Fel format (${issue.format})`, `Wrong format (${issue.format})`);
  }
}

function oneOf(values: readonly unknown[], lang: Lang): string {
  if (values.length === 1) return sv(lang, `Måste vara ${quoted(values)}`, `Must be ${quoted(values)}`);
  return sv(lang, `Välj en av: ${quoted(values)}`, `Choose one of: ${quoted(values)}`);
}

/**
 * What `issue` says in `lang`. `unit` names a number field's unit for its bounds. A custom
 * issue without a rule key (rules.ts) keeps its own words: give a new rule a key.
 */
export function issueMessage(issue: Issue, lang: Lang, unit?: NumberUnit): string {
  switch (issue.code) {
    case 'invalid_type':
      return invalidType(issue, lang);
    case 'too_small':
      return tooSmall(issue, lang, unit);
    case 'too_big':
      return tooBig(issue, lang, unit);
    case 'invalid_format':
      return invalidFormat(issue, lang);
    case 'not_multiple_of':
      if (issue.divisor === 1) return sv(lang, 'Måste vara ett heltal', 'Must be a whole number');
      return sv(lang, `Måste vara en multipel av ${amount(issue.divisor, lang)}`, `Must be a multiple of ${issue.divisor}`);
    case 'unrecognized_keys':
      if (issue.keys.length === 1) return sv(lang, `Okänt fält: ${quoted(issue.keys)}`, `Unknown field: ${quoted(issue.keys)}`);
      return sv(lang, `Okända fält: ${quoted(issue.keys)}`, `Unknown fields: ${quoted(issue.keys)}`);
    case 'invalid_value':
      return oneOf(issue.values, lang);
    case 'invalid_union': {
      const options = (issue as { options?: readonly unknown[] }).options;
      if (options?.length) return oneOf(options, lang);
      return sv(lang, 'Passar ingen av de tillåtna formerna', 'Matches none of the allowed forms');
    }
    case 'invalid_key':
      return sv(lang, 'Ogiltig nyckel', 'Invalid key') + (issue.issues[0] ? `: ${issueMessage(issue.issues[0], lang)}` : '');
    case 'invalid_element':
      return sv(lang, 'Ogiltigt element', 'Invalid element') + (issue.issues[0] ? `: ${issueMessage(issue.issues[0], lang)}` : '');
    case 'custom':
      return ruleMessage(issue.params, lang) ?? issue.message;
    default:
      return (issue as { message: string }).message;
  }
}

/** "Ange 50–100 %": the one message of a percentage field stored as a fraction (0.5–1). */
export function percentRangeMessage(min: number, max: number, lang: Lang): string {
  const percent = (fraction: number) => String(Math.round(fraction * 10_000) / 100).replace('.', lang === 'sv' ? ',' : '.');
  return sv(lang, `Ange ${percent(min)}–${percent(max)} %`, `Enter ${percent(min)}–${percent(max)} %`);
}
