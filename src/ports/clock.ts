/** The only source of "now" for app code; tests and the demo use a fake clock. */
export interface Clock {
  /** Current time. */
  now(): Date;
}
