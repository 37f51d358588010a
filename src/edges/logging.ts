import { pino } from 'pino';
import type { Logger } from '../ports/logger.js';

/** Keys whose values never reach a log line, wherever they appear. */
const SECRET_PATHS = [
  'clientSecret',
  'refreshToken',
  'accessToken',
  'access_token',
  'client_secret',
  'refresh_token',
  '*.clientSecret',
  '*.refreshToken',
  '*.accessToken',
  'headers["x-amz-access-token"]',
];

/**
 * JSON logs through pino with secrets redacted. `destination` 2 (stderr) keeps stdout free for
 * command output; the long-running service logs to stdout.
 */
export function createLogger(level: string, destination: 1 | 2 = 2): Logger {
  return pino(
    { level, redact: { paths: SECRET_PATHS, censor: '[redacted]' }, base: { app: 'shipconfirm' } },
    pino.destination({ fd: destination, sync: true }),
  ) as unknown as Logger;
}
