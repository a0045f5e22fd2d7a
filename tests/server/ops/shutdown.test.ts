// Graceful shutdown of a real server process: on SIGTERM it stops accepting connections, a request
// in flight (its body still arriving) finishes with 200, one that never finishes is cut after
// SHUTDOWN_TIMEOUT_SECONDS, and the process exits 0.
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../../support/database';
import { freePort, startProcess, stopProcess, type RunningProcess } from '../../support/processes';

const LOGIN = JSON.stringify({ email: 'admin@bt-demo.se', password: 'demo-admin-2026' });
const SHUTDOWN_TIMEOUT_SECONDS = 3;

let database: TestDatabase;
let server: RunningProcess;
let port: number;

beforeAll(async () => {
  database = await freshDatabase();
  port = await freePort();
  server = await startProcess('server/main.ts', { DATABASE_URL: database.url, PORT: String(port), HOST: '127.0.0.1', DEMO_DATA: 'true', SHUTDOWN_TIMEOUT_SECONDS: String(SHUTDOWN_TIMEOUT_SECONDS) }, 'listening on');
});
afterAll(async () => {
  server?.child.kill('SIGKILL');
  await database?.drop();
});

/** A sign-in whose headers and first bytes are sent now; `finish()` sends the rest. */
function slowSignIn(): { socket: Socket; finish(): void; answer: Promise<string> } {
  const socket = connect(port, '127.0.0.1');
  // A reset connection shows as an empty answer.
  socket.on('error', () => {});
  socket.write(`POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(LOGIN)}\r\n\r\n${LOGIN.slice(0, 10)}`);
  let received = '';
  socket.on('data', (d) => (received += d));
  const answer = new Promise<string>((resolve) => socket.once('close', () => resolve(received)));
  return { socket, finish: () => socket.write(LOGIN.slice(10)), answer };
}

describe('on SIGTERM', () => {
  it('finishes the request in flight, cuts one that never ends after the timeout, refuses new connections and exits 0', async () => {
    const inFlight = slowSignIn();
    const stalled = slowSignIn();
    // Both requests have reached the server (a request line and headers) before the signal.
    await new Promise((resolve) => setTimeout(resolve, 300));

    const signalled = Date.now();
    server.child.kill('SIGTERM');
    await server.waitFor('SIGTERM: stopping', 5_000);
    await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow();

    // The body of the first arrives after the signal: it is still answered.
    inFlight.finish();
    const answer = await inFlight.answer;
    expect(answer).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(answer).toContain('"email":"admin@bt-demo.se"');
    expect(answer).toMatch(/set-cookie: bt_session=/i);

    // The second never sends its body: cut at the timeout, then the process ends cleanly.
    expect(await stalled.answer).toBe('');
    expect(await server.exited).toBe(0);
    const seconds = (Date.now() - signalled) / 1000;
    expect(seconds).toBeGreaterThanOrEqual(SHUTDOWN_TIMEOUT_SECONDS - 0.2);
    expect(seconds).toBeLessThan(SHUTDOWN_TIMEOUT_SECONDS + 4);

    const messages = server.lines().map((l) => `${l.level} ${l.msg}${l.route ? ` ${l.method} ${l.route} ${l.status}` : ''}`);
    const stopping = messages.indexOf('info SIGTERM: stopping');
    expect(messages.slice(stopping)).toEqual(
      expect.arrayContaining(['info request POST /api/auth/login 200', `warn requests still in flight after ${SHUTDOWN_TIMEOUT_SECONDS} s were cut`, 'info stopped']),
    );
    expect(messages.at(-1)).toBe('info stopped');
    expect(await stopProcess(server)).toBe(0);
  });
});
