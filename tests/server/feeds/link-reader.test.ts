// Feed links asked for together are read together: each caller gets its own link (or none for an
// unknown, revoked or hash-only id), however many ask at once and in whatever mix.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../../server/db/demo-data';
import { LinkReader } from '../../../server/feeds/link-reader';
import { startApi, type TestApi } from '../../support/api';

let api: TestApi;
let links: { id: string; scope: string; target_id: string; generation: number }[];

beforeAll(async () => {
  api = await startApi();
  await loadDemoData(api.dataSource);
  links = await api.dataSource.query(`SELECT id, scope, target_id, generation FROM feed_tokens WHERE revoked_at IS NULL AND token_hash IS NULL ORDER BY id`);
});
afterAll(() => api.close());

/** Counts the statements sent on the real pool (TypeORM's own go through it too: none run meanwhile). */
function counted(): { statements: number } {
  const pool = (api.dataSource.driver as unknown as { master: { query: (...args: unknown[]) => unknown } }).master;
  const count = { statements: 0 };
  const query = pool.query.bind(pool);
  pool.query = (...args: unknown[]) => {
    count.statements++;
    return query(...args);
  };
  return count;
}

describe('LinkReader', () => {
  it('answers each of many callers in one turn with its own link, in one statement', async () => {
    expect(links.length).toBeGreaterThanOrEqual(2);
    const reader = new LinkReader(api.dataSource);
    const count = counted();
    const [revoked] = links;
    await api.dataSource.query(`UPDATE feed_tokens SET revoked_at = now() WHERE id = $1`, [revoked!.id]);
    const unknown = randomUUID();
    const asked = [...links.map((l) => l.id), unknown, links[1]!.id, revoked!.id];
    const answers = await Promise.all(asked.map((id) => reader.byId(id)));
    expect(count.statements).toBe(1);
    expect(answers.map((a) => a?.id)).toEqual([undefined, ...links.slice(1).map((l) => l.id), undefined, links[1]!.id, undefined]);
    const second = answers[1]!;
    expect(second).toEqual({ id: links[1]!.id, scope: links[1]!.scope, targetId: links[1]!.target_id, generation: links[1]!.generation, demo: expect.any(Boolean), revision: expect.stringMatching(/^\d+$/) });
    // A later turn is a statement of its own.
    expect((await reader.byId(links[1]!.id))?.id).toBe(links[1]!.id);
    expect(count.statements).toBe(2);
  });
});
