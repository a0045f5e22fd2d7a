// Every schema issue in words a user reads, Swedish and English: zod's checks by code and
// origin, the schemas' own rules by their key with their values; a custom issue without a key
// keeps its own words.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cohortBodySchema } from '../../shared/api/cohorts';
import { doctorBodySchema } from '../../shared/api/doctors';
import { userBodySchema } from '../../shared/api/auth';
import { siteBodySchema } from '../../shared/api/sites';
import { templateBodySchema } from '../../shared/api/templates';
import { idSchema, isoDateSchema, mondaySchema, weekRangeSchema } from '../../shared/format/fields';
import { issueMessage, percentRangeMessage, type NumberUnit } from '../../shared/format/messages';
import { creditSchema } from '../../shared/format/problem';

/** The words of the first issue of `value` against `schema`, as the forms and the API parse (input kept). */
function words(schema: z.ZodType, value: unknown, unit?: NumberUnit): [string, string] {
  const issue = schema.safeParse(value, { reportInput: true }).error!.issues[0]!;
  return [issueMessage(issue, 'sv', unit), issueMessage(issue, 'en', unit)];
}

describe("zod's checks, worded by code and origin", () => {
  it.each<[string, z.ZodType, unknown, string, string]>([
    ['an empty text', z.string().min(1), '', 'Fyll i fältet', 'Required'],
    ['a missing field', z.object({ name: z.string() }), {}, 'Fyll i fältet', 'Required'],
    ['a text too long', z.string().max(100), 'x'.repeat(101), 'Högst 100 tecken', 'At most 100 characters'],
    ['a text too short', z.string().min(12), 'kort', 'Minst 12 tecken', 'At least 12 characters'],
    ['a fraction where a whole number belongs (capacity 1.5)', z.number().int(), 1.5, 'Måste vara ett heltal', 'Must be a whole number'],
    ['no number at all (NaN)', z.number(), Number.NaN, 'Ange ett tal', 'Enter a number'],
    ['text where a number belongs', z.number(), '3', 'Ange ett tal', 'Enter a number'],
    ['a number below its minimum, with a decimal comma in Swedish', z.number().min(0.5), 0.3, 'Minst 0,5', 'At least 0.5'],
    ['a number above its maximum', z.number().max(1), 75, 'Högst 1', 'At most 1'],
    ['a number not above an exclusive bound', z.number().positive(), 0, 'Måste vara mer än 0', 'Must be more than 0'],
    ['a number not below an exclusive bound', z.number().lt(10), 10, 'Måste vara mindre än 10', 'Must be less than 10'],
    ['an empty list', z.array(z.string()).min(1), [], 'Minst 1 behövs', 'At least 1 needed'],
    ['a list too long', z.array(z.number()).max(4), [1, 2, 3, 4, 5], 'Högst 4 tillåts', 'At most 4 allowed'],
    ['a date too early', z.date().min(new Date('2026-01-01')), new Date('2025-12-31'), 'Tidigast 2026-01-01', 'No earlier than 2026-01-01'],
    ['a date too late', z.date().max(new Date('2026-01-01')), new Date('2026-01-02'), 'Senast 2026-01-01', 'No later than 2026-01-01'],
    ['a date in the wrong form', z.iso.date(), '2026-1-5', 'Ange ett datum som ÅÅÅÅ-MM-DD', 'Enter a date as YYYY-MM-DD'],
    ['an email that is none', z.email(), 'anna.example.se', 'Ange en e-postadress', 'Enter an email address'],
    ['an id that is no uuid', z.uuid(), 'not-a-uuid', 'Inget giltigt id (uuid)', 'is not an id (uuid)'],
    ['text off its pattern', z.string().regex(/^\d+$/), 'x', 'Har fel form', 'Has the wrong form'],
    ['a number off its step', z.number().multipleOf(5), 7, 'Måste vara en multipel av 5', 'Must be a multiple of 5'],
    ['an unknown field', z.strictObject({}), { extra: 1 }, 'Okänt fält: "extra"', 'Unknown field: "extra"'],
    ['two unknown fields', z.strictObject({}), { a: 1, b: 2 }, 'Okända fält: "a", "b"', 'Unknown fields: "a", "b"'],
    ['a value outside an enum', z.enum(['months', 'weeks']), 'days', 'Välj en av: "months", "weeks"', 'Choose one of: "months", "weeks"'],
    ['a wrong literal', z.literal('bt-plan/1'), 'x', 'Måste vara "bt-plan/1"', 'Must be "bt-plan/1"'],
    ['an unknown kind of a union', z.discriminatedUnion('kind', [z.object({ kind: z.literal('wish') }), z.object({ kind: z.literal('leave') })]), { kind: 'x' }, 'Välj en av: "wish", "leave"', 'Choose one of: "wish", "leave"'],
    ['a record key off its pattern', z.record(z.string().regex(/^a/), z.number()), { b: 1 }, 'Ogiltig nyckel: Har fel form', 'Invalid key: Has the wrong form'],
  ])('%s', (_name, schema, value, sv, en) => {
    expect(words(schema, value)).toEqual([sv, en]);
  });

  it("names a number field's unit at its bounds, singular for one", () => {
    expect(words(z.number().max(24), 30, 'months')).toEqual(['Högst 24 månader', 'At most 24 months']);
    expect(words(z.number().int().min(1), 0, 'weeks')).toEqual(['Minst 1 vecka', 'At least 1 week']);
  });

  it('says a percentage field stored as a fraction as its range in per cent', () => {
    expect(percentRangeMessage(0.5, 1, 'sv')).toBe('Ange 50–100 %');
    expect(percentRangeMessage(0.5, 1, 'en')).toBe('Enter 50–100 %');
  });
});

describe("the schemas' own rules, worded by key with their values", () => {
  it.each<[string, z.ZodType, unknown, string, string]>([
    ['an empty date', isoDateSchema, '', 'Ange ett datum som ÅÅÅÅ-MM-DD', 'Enter a date as YYYY-MM-DD'],
    ['an impossible date', isoDateSchema, '2026-02-30', '2026-02-30 är inget datum; skriv ÅÅÅÅ-MM-DD', '2026-02-30 is not a date (YYYY-MM-DD)'],
    ['a date out of range', isoDateSchema, '1800-01-01', '1800-01-01 ligger inte mellan 1900-01-01 och 2199-12-31', '1800-01-01 is not between 1900-01-01 and 2199-12-31'],
    ['a day that is not a Monday, with its week', mondaySchema, '2026-12-16', '2026-12-16 är ingen måndag (v. 51 2026 börjar 2026-12-14)', '2026-12-16 is not a Monday (w. 51 2026 starts 2026-12-14)'],
    ['a range ending first', weekRangeSchema, { from: '2026-10-05', to: '2026-09-28' }, '2026-09-28 måste vara efter 2026-10-05', '2026-09-28 is not after from (2026-10-05)'],
    ['an id with a space', idSchema, 'vc birka', 'Bara bokstäver a–z, siffror, ".", "_" och "-", först en bokstav eller siffra', 'must be letters a–z, digits, ".", "_" or "-", starting with a letter or digit'],
    ['a credit shorter than three months', creditSchema.shape.weeks, 10, 'Minst 13 veckor (3 månader)', 'must be at least 13 weeks (3 months)'],
    ['a credit without its decision maker', creditSchema.shape.decidedBy, '', 'Ange studierektorn som beslutade', 'names the studierektor who decided'],
    ['a teaching time that is none', cohortBodySchema.shape.teaching.unwrap().unwrap().shape.start, '25:00', 'Ange en tid som TT:MM (00:00–23:59)', 'must be HH:MM (00:00–23:59)'],
  ])('%s', (_name, schema, value, sv, en) => {
    expect(words(schema, value)).toEqual([sv, en]);
  });

  const block = { id: 'psy', kind: 'psychiatry', category: 'psychiatry', weeks: 10 };
  it.each<[string, z.ZodType, unknown, string, string, string]>([
    ['two credits without an exception', doctorBodySchema, { id: 'd1', name: 'Anna', start: '2026-01-12', credits: ['psy', 'pc'].map((block) => ({ block, weeks: 13, decidedBy: 'Eva', decidedOn: '2025-12-01' })) }, 'creditException', 'Ett andra tillgodoräknande kräver ett beslutat undantag: skäl, beslut av studierektor och datum', 'a second credit (tillgodoräknande) needs a recorded exception: reason, decided by the studierektor, date'],
    ['three credits', doctorBodySchema, { id: 'd1', name: 'Anna', start: '2026-01-12', credits: ['psy', 'pc', 'im'].map((block) => ({ block, weeks: 13, decidedBy: 'Eva', decidedOn: '2025-12-01' })) }, 'credits', 'Högst två tillgodoräknanden per läkare, det andra bara med ett beslutat undantag (3 angivna)', 'at most two credits (tillgodoräknande) per doctor, the second only with a recorded exception; got 3'],
    ['a block credited twice', doctorBodySchema, { id: 'd1', name: 'Anna', start: '2026-01-12', credits: [1].map(() => ({ block: 'psy', weeks: 13, decidedBy: 'Eva', decidedOn: '2025-12-01' })).concat([{ block: 'psy', weeks: 13, decidedBy: 'Eva', decidedOn: '2025-12-01' }]), creditException: { reason: 'Påbörjad BT i annan region', decidedBy: 'Eva', decidedOn: '2025-12-01' } }, 'credits.1.block', 'psy är redan tillgodoräknat', 'psy is credited twice'],
    ['a block id twice', templateBodySchema, { name: 'Mall', unit: 'weeks', blocks: [block, block] }, 'blocks', 'Blockens koder måste vara unika ("psy" finns två gånger)', 'block ids must be unique ("psy" twice)'],
    ['a block with an offset and a cohort week', templateBodySchema, { name: 'Mall', unit: 'weeks', blocks: [{ ...block, offset: 2, at: '2026-03-09' }] }, 'blocks.0.at', 'Ett block börjar antingen ett antal veckor efter BT-start eller samma vecka för hela kohorten, inte båda', 'a block starts either at an offset or at a date (at), not both'],
    ['a coordinator without a region', userBodySchema, { email: 'a@b.se', password: 'a-long-password', role: 'coordinator' }, 'regions', 'En studierektor (samordnare) behöver minst en region', 'a coordinator needs at least one region'],
  ])('%s', (_name, schema, value, path, sv, en) => {
    const issue = schema.safeParse(value).error!.issues[0]!;
    expect(issue.path.join('.')).toBe(path);
    // The English words are the issue's own message too: the API reads English without the word map.
    expect([issueMessage(issue, 'sv'), issueMessage(issue, 'en'), issue.message]).toEqual([sv, en, en]);
  });

  it('keeps the words of a custom issue without a rule key', () => {
    const issue = z.string().refine(() => false, { error: 'is not allowed here' }).safeParse('x').error!.issues[0]!;
    expect([issueMessage(issue, 'sv'), issueMessage(issue, 'en')]).toEqual(['is not allowed here', 'is not allowed here']);
  });
});

describe('the site form schema', () => {
  it('words a capacity of 1.5 as a whole number wanted', () => {
    const issue = siteBodySchema.safeParse({ id: 'vc', name: 'VC', town: 'Växjö', kinds: ['primary-care'], capacity: 1.5 }).error!.issues[0]!;
    expect(issueMessage(issue, 'sv')).toBe('Måste vara ett heltal');
  });
});

describe('a rule reported on another field', () => {
  it('keeps its path each time it fails (zod prefixes paths in place)', () => {
    const ranges = z.array(weekRangeSchema);
    const twice = () => ranges.safeParse([{ from: '2026-10-05', to: '2026-09-28' }], { reportInput: true }).error!.issues.map((i) => i.path.join('.'));
    expect(twice()).toEqual(['0.to']);
    expect(twice()).toEqual(['0.to']);
  });
});

describe('every rule of the shared schemas has words in both languages', () => {
  // A bare .refine() or an addIssue() without a rule would reach a Swedish form in English.
  const sources = (readdirSync('shared', { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => [f, readFileSync(join('shared', f), 'utf8')] as const);
  it.each(sources.filter(([, text]) => /\.refine\(|addIssue\(/.test(text)).map(([file, text]) => [file, text]))('%s raises only keyed rule issues', (_file, text) => {
    expect(text).not.toMatch(/\.refine\(/);
    for (const call of text.match(/addIssue\(\{[^\n]*/g) ?? []) expect(call).toMatch(/ruleIssue\(|params/);
  });
});
