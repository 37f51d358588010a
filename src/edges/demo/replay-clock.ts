import type { Clock } from '../../ports/clock.js';

/**
 * The demo replays a month of warehouse work in seconds: while a shipment from the past is being
 * recorded, "now" is the moment it was recorded then; otherwise it is the real time.
 */
export class ReplayClock implements Clock {
  private replayAt: Date | null = null;

  now(): Date {
    return this.replayAt ?? new Date();
  }

  /** Pretend it is `at` until `live()` is called. */
  replay(at: Date): void {
    this.replayAt = at;
  }

  live(): void {
    this.replayAt = null;
  }
}
