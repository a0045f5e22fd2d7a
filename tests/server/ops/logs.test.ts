// The server's log, read as an operator reads it: one JSON object per line, an access line per
// request with its id, method, route pattern, status and time, a 500 logged with its request id
// and database error code — and never a password, session id, feed token, email or doctor name,
// even when the failing database error quotes one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../../server/db/demo-data';
import { createLogger } from '../../../server/log';
import { ADMIN, startApi, type Client, type TestApi } from '../../support/api';

const COORDINATOR = { email: 'koordinator.kronoberg@bt-demo.se', password: 'demo-koordinator-2026' };
const NEW_NAME = 'Loggtestina Hemligsdotter';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface Line {
  level: string;
  time: string;
  msg: string;
  requestId?: string;
  method?: string;
  route?: string;
  status?: number;
  ms?: number;
  err?: { code?: string; stack?: string };
}

const written: string[] = [];
let api: TestApi;
let coordinator: Client & { answer: { status: number } };
let doctor: { uuid: string; name: string; version: number; [key: string]: unknown };
let feedToken: string;
let failedRequestId: string;

beforeAll(async () => {
  api = await startApi({ logger: createLogger({ level: 'info', destination: { write: (chunk: string) => void written.push(chunk) } }) });
  await loadDemoData(api.dataSource);

  // 1. Sign in.
  coordinator = await api.signIn(COORDINATOR.email, COORDINATOR.password);
  expect(coordinator.answer.status).toBe(200);
  const region = (await coordinator.request('GET', '/api/auth/me')).body.regions[0];
  const cohort = (await coordinator.request('GET', `/api/regions/${region}/cohorts`)).body[0].uuid;
  doctor = (await coordinator.request('GET', `/api/cohorts/${cohort}/doctors`)).body[0];

  // 2. A feed fetched with its token.
  const link = await coordinator.request('POST', `/api/doctors/${doctor.uuid}/feed/renew`);
  feedToken = /\/cal\/([A-Za-z0-9_-]{43})\.ics$/.exec(link.body.url)![1]!;
  expect((await fetch(`${api.base}/cal/${feedToken}.ics`)).status).toBe(200);

  // 3. A doctor edit: a new name.
  const { uuid, ...body } = doctor;
  const edited = await coordinator.request('PATCH', `/api/doctors/${uuid}`, { ...body, name: NEW_NAME });
  expect(edited.status).toBe(200);

  // 4. A forced 500: the database refuses the next edit with a message that quotes the name.
  await api.dataSource.query(`CREATE FUNCTION refuse_doctor_edit() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION USING ERRCODE = 'XX000', MESSAGE = 'refusing to store ' || NEW.name; END $$`);
  await api.dataSource.query(`CREATE TRIGGER refuse_doctor_edit BEFORE UPDATE ON doctors FOR EACH ROW EXECUTE FUNCTION refuse_doctor_edit()`);
  try {
    const failed = await coordinator.request('PATCH', `/api/doctors/${uuid}`, { ...edited.body, uuid: undefined, name: `${NEW_NAME} Andra` });
    expect(failed.status).toBe(500);
    expect(JSON.stringify(failed.body)).not.toContain(NEW_NAME);
    failedRequestId = failed.headers.get('x-request-id')!;
  } finally {
    await api.dataSource.query('DROP TRIGGER refuse_doctor_edit ON doctors; DROP FUNCTION refuse_doctor_edit()');
  }
});
afterAll(() => api.close());

const lines = (): Line[] => written.join('').split('\n').filter(Boolean).map((text) => JSON.parse(text) as Line);
const accessLines = () => lines().filter((l) => l.msg === 'request');

describe('the log', () => {
  it('is one JSON object per line, each with a level, an ISO time and a message', () => {
    const text = written.join('');
    expect(text.endsWith('\n')).toBe(true);
    for (const raw of text.split('\n').filter(Boolean)) {
      const line = JSON.parse(raw) as Line;
      expect(line.level).toMatch(/^(info|warn|error)$/);
      expect(new Date(line.time).toISOString()).toBe(line.time);
      expect(typeof line.msg).toBe('string');
    }
  });

  it('has an access line per request with request id, method, route pattern, status and milliseconds', () => {
    const access = accessLines();
    for (const line of access) {
      expect(line.requestId).toMatch(UUID);
      expect(line.ms).toBeGreaterThanOrEqual(0);
    }
    const seen = access.map((l) => `${l.method} ${l.route} ${l.status}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        'POST /api/auth/login 200',
        'GET /api/auth/me 200',
        'POST /api/doctors/:id/feed/renew 201',
        'GET /cal/:file 200',
        'PATCH /api/doctors/:id 200',
        'PATCH /api/doctors/:id 500',
      ]),
    );
    // Every request has its own id.
    expect(new Set(access.map((l) => l.requestId)).size).toBe(access.length);
  });

  it('logs a 500 once as an error with the request id the client got, the route and the database code', () => {
    const errors = lines().filter((l) => l.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ requestId: failedRequestId, method: 'PATCH', route: '/api/doctors/:id', msg: 'request failed', err: { code: 'XX000' } });
    expect(errors[0]!.err!.stack).toContain('at ');
    expect(accessLines().find((l) => l.requestId === failedRequestId)).toMatchObject({ status: 500 });
  });

  it('holds no password, session id, feed token, email or doctor name', () => {
    const text = written.join('');
    const secrets = [
      COORDINATOR.password,
      ADMIN.password,
      coordinator.cookie!,
      api.cookie!,
      feedToken,
      COORDINATOR.email,
      ADMIN.email,
      doctor.name,
      NEW_NAME,
      'Hemligsdotter',
    ];
    for (const secret of secrets) expect(text, secret).not.toContain(secret);
    expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[a-z]{2,}/i);
    expect(text).not.toContain('/cal/' + feedToken.slice(0, 8));
  });
});
