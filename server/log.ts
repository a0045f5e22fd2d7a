// The one logger: JSON lines (pino) on standard output for the web server, the solver worker
// and their HTTP access lines. Nothing personal goes in: no bodies, emails, names, cookies or
// feed tokens — callers log ids, codes and route patterns; the redaction below is a second net.
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LoggerOptions {
  level?: LogLevel;
  /** Where the lines go (tests capture them); standard output by default. */
  destination?: DestinationStream;
  /** Fields on every line, e.g. which process this is. */
  base?: Record<string, unknown>;
}

/** Keys that must never be written, wherever a careless caller puts them. */
const REDACT = ['password', 'token', 'email', 'name', 'cookie', 'authorization', 'body'].flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { pid: process.pid, ...options.base },
      timestamp: pino.stdTimeFunctions.isoTime,
      // "level":"error" reads better in a log search than pino's numbers.
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT, censor: '[redacted]' },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/** For code run without a logger of its own (scripts, benchmarks): only warnings and errors. */
let fallback: Logger | undefined;
export function fallbackLogger(): Logger {
  return (fallback ??= createLogger({ level: 'warn' }));
}
