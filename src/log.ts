import { pino, type Logger as PinoLogger } from 'pino';

export type Logger = PinoLogger;

/**
 * Paths that may carry secrets anywhere they are logged. Values are replaced, never printed:
 * platform keys, tokens and signatures must not reach a log file (SPEC: secrets stay secret).
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.sign',
  'headers.authorization',
  '*.secret',
  '*.token',
  '*.accessToken',
  '*.access_token',
  '*.webhookKey',
  '*.webhookToken',
  '*.webhookSecret',
  '*.encodingAesKey',
  '*.password',
];

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { pid: process.pid },
    },
    destination as never,
  );
}
