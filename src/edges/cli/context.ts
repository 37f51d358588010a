import type { App, OpenAppOptions } from '../composition-root.js';
import type { Config } from '../config/config.js';

/** What commands get from main: output, settings, and a way to open the app. */
export interface CliContext {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  readonly stdin: NodeJS.ReadableStream;
  readonly config: () => Config;
  /** Opens the app; `serviceLogger` logs JSON to stdout at the configured level (the service). */
  readonly openApp: (options?: Partial<OpenAppOptions> & { serviceLogger?: boolean }) => Promise<App>;
}
