/** The fields of a queued package that decide its place in the queue. */
export interface Urgency {
  readonly packageId: string;
  /** Amazon's ship-by (`shipByWindow.latestDateTime`), epoch ms; null when unknown. */
  readonly shipByMs: number | null;
  /** When the package was recorded, epoch ms. */
  readonly recordedAtMs: number;
}

/**
 * Most urgent first: earliest ship-by, unknown ship-by last (nothing is known to be at stake),
 * then oldest first (fair among equals), then package id so that the order is total and the
 * same queue always gives the same plan, whatever order the store returned it in.
 */
export function byUrgency(a: Urgency, b: Urgency): number {
  if (a.shipByMs !== b.shipByMs) {
    if (a.shipByMs === null) return 1;
    if (b.shipByMs === null) return -1;
    return a.shipByMs - b.shipByMs;
  }
  if (a.recordedAtMs !== b.recordedAtMs) return a.recordedAtMs - b.recordedAtMs;
  // Code-unit comparison, not localeCompare: the result must not depend on the host's locale.
  return a.packageId < b.packageId ? -1 : a.packageId > b.packageId ? 1 : 0;
}

/** A sorted copy of the queue, most urgent first (see {@link byUrgency}). */
export function sortByUrgency<T extends Urgency>(queue: readonly T[]): T[] {
  return [...queue].sort(byUrgency);
}

/** Whether acknowledgement at `etaMs` is after the package's ship-by (never, when unknown). */
export function missesShipBy(shipByMs: number | null, etaMs: number): boolean {
  return shipByMs !== null && etaMs > shipByMs;
}
