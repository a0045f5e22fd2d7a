// The error mapper on its own: what each kind of failure becomes, and that a 500 tells the
// client nothing internal.
import { QueryFailedError } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toProblem } from '../../server/http/error-mapper';
import { ruleBroken, staleVersion } from '../../server/http/errors';

describe('toProblem', () => {
  it('maps invalid input, stale versions, broken rules and database clashes', () => {
    const zod = z.strictObject({ a: z.object({ b: z.number() }) }).safeParse({ a: { b: 'x' } }).error!;
    expect(toProblem(zod)).toEqual({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'a.b: Enter a number',
      errors: [{ path: 'a.b', message: 'Enter a number' }],
    });
    expect(toProblem(staleVersion('plan'))).toMatchObject({ status: 409, type: '/problems/stale-version', detail: 'plan was changed by someone else; reload and try again' });
    expect(toProblem(ruleBroken('no'))).toMatchObject({ status: 422, title: 'Unprocessable Content', detail: 'no' });
    const unique = new QueryFailedError('INSERT …', [], Object.assign(new Error('duplicate key'), { code: '23505', constraint: 'uq_sites_region_code' }));
    expect(toProblem(unique)).toMatchObject({ status: 409, type: '/problems/duplicate', detail: 'an item with the same key already exists (uq_sites_region_code)' });
    const referenced = new QueryFailedError('DELETE …', [], Object.assign(new Error('violates foreign key'), { code: '23503', constraint: 'fk_assignments_site' }));
    expect(toProblem(referenced)).toMatchObject({ status: 409, type: '/problems/in-use' });
    expect(toProblem(ruleBroken('no')).type).toBe('about:blank');
    const deadlock = new QueryFailedError('UPDATE …', [], Object.assign(new Error('deadlock detected'), { code: '40P01' }));
    expect(toProblem(deadlock)).toEqual({ type: 'about:blank', title: 'Conflict', status: 409, detail: 'another change was being saved at the same time; nothing was saved, try again' });
  });

  it('gives anything else 500 without its message', () => {
    const details = toProblem(new Error('connection string postgres://secret@db'));
    expect(details).toEqual({ type: 'about:blank', title: 'Internal Server Error', status: 500 });
    expect(JSON.stringify(details)).not.toContain('secret');
  });
});
