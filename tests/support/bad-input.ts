// Generators of bad input for the API: malformed path ids, hostile strings and numbers, a valid
// body with one field broken, random query strings (duplicates, brackets), and JSON text that
// JSON.stringify cannot make (10 000 levels deep).
import fc from 'fast-check';

/** Deep enough to overflow a recursive walker (JSON.stringify gives up near 10 000 here). */
export const DEEP_LEVELS = 10_000;

/** Stands for JSON text pasted verbatim into a body by toJsonText (JSON.stringify cannot nest that deep). */
export class RawJson {
  constructor(
    readonly label: string,
    readonly text: string,
  ) {}
  toJSON(): string {
    return `\u2063raw:${this.label}\u2063`;
  }
  toString(): string {
    return `RawJson(${this.label})`;
  }
}

export const deepArray = new RawJson(`[×${DEEP_LEVELS}`, '['.repeat(DEEP_LEVELS) + ']'.repeat(DEEP_LEVELS));
export const deepObject = new RawJson(`{"a":×${DEEP_LEVELS}`, '{"a":'.repeat(DEEP_LEVELS) + '1' + '}'.repeat(DEEP_LEVELS));
const RAW = [deepArray, deepObject];

/** The request body's text; undefined for no body. */
export function toJsonText(value: unknown): string | undefined {
  let text = JSON.stringify(value);
  if (text === undefined) return undefined;
  for (const raw of RAW) text = text.split(JSON.stringify(raw.toJSON())).join(raw.text);
  return text;
}

/** Names people and places really have, and characters that break naive code. */
export const UNICODE_STRINGS = [
  'åäö ÅÄÖ',
  'Läkare 🩺',
  '👩🏽‍⚕️',
  'مرحبا',
  '\u202eRTL override',
  'e\u0301 (combining)',
  'a\u0000b',
  '\u0000',
  '\ud800 lone surrogate',
  '\u200b',
  '\ufeffBOM',
  '\r\n\t',
  '; DROP TABLE sites; --',
  '<script>alert(1)</script>',
  '%s %d {}',
];

export const BAD_DATES = ['2026-02-30', '2026-13-01', '2026-00-10', '2026-1-5', '20260112', '2026-01-13', '0000-01-03', '0001-01-01', '1582-10-11', '9999-12-27', '2026-01-12T00:00:00Z', ' 2026-01-12'];

export const BAD_NUMBERS = [1e308, -1e308, -0, 0, -1, 0.5, 1.5, 2 ** 31, 2 ** 31 - 1, -(2 ** 31) - 1, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, 1e-300];

const HUGE_STRING = 'x'.repeat(100_000);

/** One hostile value: odd types, numbers at and past PostgreSQL's integer range, bad dates, NUL, 100k chars, deep nesting. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<unknown>(null, true, false, '', 'NaN', 'Infinity', '-0', '1e308', [], {}, [null], { '': 1 }, HUGE_STRING, [HUGE_STRING]) },
  { weight: 3, arbitrary: fc.constantFrom(...BAD_NUMBERS) },
  { weight: 3, arbitrary: fc.constantFrom(...BAD_DATES) },
  { weight: 3, arbitrary: fc.constantFrom(...UNICODE_STRINGS) },
  // Ids that name what every plain object inherits: records keyed by ids must not read those.
  { weight: 2, arbitrary: fc.constantFrom('constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__') },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(...RAW, Array.from({ length: 10_000 }, (_, i) => i)) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer() },
);

export type Path = (string | number)[];

/** Every place in a JSON value where a mutation may strike, the root included. */
export function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const paths: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => paths.push(...pathsOf(v, [...prefix, i])));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths.push(...pathsOf(v, [...prefix, k]));
  return paths;
}

export type Mutation =
  | { op: 'remove' }
  | { op: 'set'; value: unknown }
  | { op: 'wrong-type' }
  | { op: 'extra-key'; key: string; value: unknown }
  | { op: 'duplicate' };

/** Mondays far from any plan, on both sides of the dates a plan may name (1900-01-01 … 2199-12-31). */
export const FAR_MONDAYS = ['0100-01-04', '1000-01-06', '1895-12-30', '1900-01-01', '2100-01-04', '2199-12-30', '2200-01-06', '9999-12-27'];

/** Values that break code expecting a number: past PostgreSQL's integer, unsafe, -0, fractions; or plausible but wrong. */
const hostileNumber = fc.oneof(fc.constantFrom(2 ** 31, 2 ** 53 - 1, -(2 ** 31) - 1, 1e308, -0, 0.5, -1, 0), fc.constantFrom(1, 2, 3, 52, 104, 1000));
/** Values that break code expecting a string: NUL, 100k chars, bad dates, odd unicode, empty; or plausible but wrong (ids and Mondays no one uses). */
const hostileString = fc.oneof(
  fc.constantFrom('', ' ', HUGE_STRING, 'NaN'),
  fc.constantFrom(...UNICODE_STRINGS),
  fc.constantFrom(...BAD_DATES),
  fc.constantFrom('x', 'ghost-1', 'Z9', ...FAR_MONDAYS),
);

/** A mutation for the value now at that place: values of its own type that break it, or anything. */
function mutationFor(current: unknown): fc.Arbitrary<Mutation> {
  const typed = typeof current === 'number' ? hostileNumber : typeof current === 'string' ? hostileString : hostileValue;
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant<Mutation>({ op: 'remove' }) },
    { weight: 5, arbitrary: typed.map((value): Mutation => ({ op: 'set', value })) },
    { weight: 3, arbitrary: hostileValue.map((value): Mutation => ({ op: 'set', value })) },
    { weight: 2, arbitrary: fc.constant<Mutation>({ op: 'wrong-type' }) },
    {
      weight: 1,
      arbitrary: fc
        .record({ key: fc.constantFrom('unexpected', '__proto__', 'constructor', 'åäö', '', 'a.b', 'id'), value: hostileValue })
        .map(({ key, value }): Mutation => ({ op: 'extra-key', key, value })),
    },
    { weight: 1, arbitrary: fc.constant<Mutation>({ op: 'duplicate' }) },
  );
}

function valueAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)?.[k], value);
}

function wrongTypeOf(value: unknown): unknown {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 0;
  if (Array.isArray(value)) return { 0: value[0] ?? null };
  if (value && typeof value === 'object') return [value];
  return 'null';
}

/** A copy of `valid` with one mutation at `path` (a JSON clone: the original stays as it is). */
export function mutateAt(valid: unknown, path: Path, mutation: Mutation): unknown {
  const root = { value: JSON.parse(JSON.stringify(valid ?? null)) as unknown };
  let parent: Record<string | number, unknown> = root;
  let key: string | number = 'value';
  for (const step of path) {
    parent = parent[key] as Record<string | number, unknown>;
    key = step;
  }
  const target = parent[key];
  switch (mutation.op) {
    case 'remove':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
      break;
    case 'set':
      parent[key] = mutation.value;
      break;
    case 'wrong-type':
      parent[key] = wrongTypeOf(target);
      break;
    case 'extra-key':
      if (Array.isArray(target)) target.push(mutation.value);
      else if (target && typeof target === 'object') Object.defineProperty(target, mutation.key, { value: mutation.value, enumerable: true, writable: true, configurable: true });
      else parent[key] = { [mutation.key]: mutation.value };
      break;
    case 'duplicate':
      if (Array.isArray(target) && target.length) target.push(JSON.parse(JSON.stringify(target[0])));
      else if (Array.isArray(parent)) parent.push(JSON.parse(JSON.stringify(target ?? null)));
      else parent[key] = [target, target];
      break;
  }
  return root.value;
}

/**
 * `valid` with one field broken (or removed, or a key added). The field is picked by its shape
 * (`assignments[].from` once, not once per assignment), so a long list does not drown the rest.
 */
export function mutationOf(valid: unknown): fc.Arbitrary<unknown> {
  const byShape = new Map<string, Path[]>();
  for (const path of pathsOf(valid)) {
    const shape = path.map((k) => (typeof k === 'number' ? '[]' : k)).join('.');
    byShape.set(shape, [...(byShape.get(shape) ?? []), path]);
  }
  return fc
    .constantFrom(...byShape.values())
    .chain((paths) => fc.constantFrom(...paths))
    .chain((path) => mutationFor(valueAt(valid, path)).map((mutation) => mutateAt(valid, path, mutation)));
}

/** Path segments that are not ids, already URL-encoded (some deliberately malformed). */
export const MALFORMED_SEGMENTS = [
  'x',
  '0',
  '-1',
  'null',
  'undefined',
  '1e308',
  '..%2F',
  '..%2F..%2Fetc%2Fpasswd',
  '%2E%2E',
  '%',
  '%zz',
  '%E0%A4%A',
  '%C0%AF',
  '%ED%A0%80',
  '%00',
  'a%00b',
  '%20',
  'a'.repeat(4000),
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'DC5B6E1A-6F3B-4C59-9B1A-3F0D7E5B2C11',
  '%7Bdc5b6e1a-6f3b-4c59-9b1a-3f0d7e5b2c11%7D',
  'dc5b6e1a6f3b4c599b1a3f0d7e5b2c11',
  'dc5b6e1a-6f3b-4c59-9b1a-3f0d7e5b2c11%20',
  'dc5b6e1a-6f3b-4c59-9b1a-3f0d7e5b2c11x',
  ...UNICODE_STRINGS.filter((s) => !/[\ud800-\udfff]/.test(s)).map(encodeURIComponent),
];

/** A path segment for `:id`: a real id (any kind), a uuid that names nothing, or a malformed one. */
export function idSegment(own: string | undefined, realIds: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: own ? 5 : 0, arbitrary: fc.constant(own ?? '') },
    { weight: 2, arbitrary: fc.constantFrom(...realIds) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 3, arbitrary: fc.constantFrom(...MALFORMED_SEGMENTS) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).map(encodeURIComponent) },
  );
}

const QUERY_KEYS = ['version', 'from', 'against', 'status', 'version[]', 'status[]', 'from[a]', '__proto__', 'constructor', 'x'];
const queryValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', '1', '2', '0', '-0', '-1', 'NaN', '1e308', '3000000000', '0x10', ' 1', '1.5', 'true', 'pending', 'draft', '2026-01-12', ...BAD_DATES, ...UNICODE_STRINGS),
  fc.uuid(),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

function queryString(pairs: [string, string][]): string {
  return pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v.replace(/[\ud800-\udfff]/g, '?'))}`).join('&');
}

/** Random pairs, keys often repeated (`?version=1&version=2`) or bracketed (`?status[]=x`). */
export const randomQuery: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.string({ maxLength: 8 })), queryValue), { maxLength: 4 })
  .map(queryString);

/** The valid query with one pair broken, doubled, bracketed, dropped, or a stranger added. */
export function queryMutationOf(valid: Record<string, string>): fc.Arbitrary<string> {
  const pairs = Object.entries(valid);
  if (pairs.length === 0) return randomQuery;
  return fc.tuple(fc.nat(pairs.length - 1), fc.constantFrom('set', 'double', 'bracket', 'drop', 'extra'), queryValue).map(([i, op, value]) => {
    const [key, current] = pairs[i]!;
    const others = pairs.filter((_, j) => j !== i);
    switch (op) {
      case 'set':
        return queryString([...others, [key, value]]);
      case 'double':
        return queryString([...others, [key, current], [key, value]]);
      case 'bracket':
        return queryString([...others, [`${key}[]`, current]]);
      case 'drop':
        return queryString(others);
      default:
        return queryString([...pairs, ['x', value]]);
    }
  });
}
