import pino from 'pino';

export type Logger = pino.Logger;

/** Structured JSON logs; personal text (answers, reflections) is never logged, only ids. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'partner-coach' }, redact: ['*.password', '*.apiKey', 'authorization'] });
}
