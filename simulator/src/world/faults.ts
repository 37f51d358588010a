/** A fault the simulator injects into one operation's responses. */
export type Fault =
  /** Answer with this HTTP status and Amazon's error body for it. */
  | { kind: 'status'; status: number; count?: number }
  /** Close the connection without answering. */
  | { kind: 'drop-connection'; count?: number }
  /** Wait `ms` real milliseconds, then answer normally. */
  | { kind: 'latency'; ms: number; count?: number }
  /** confirmShipment answers 204 but stores the package without its tracking number. */
  | { kind: 'silently-drop-tracking'; count?: number }
  /** createFeed: the feed ends FATAL whatever its document says. */
  | { kind: 'feed-fatal'; count?: number }
  /** createFeedDocument: the upload URL it returns has already expired. */
  | { kind: 'expired-upload-url'; count?: number };

interface ActiveFault {
  fault: Fault;
  /** Remaining uses; Infinity when no count was given. */
  remaining: number;
}

/** `*` as operation applies a fault to every operation. */
export const ANY_OPERATION = '*';

/**
 * Faults by operation. Each fault applies to the next `count` calls (all calls when count is absent)
 * until cleared; several faults of different kinds can be active for one operation.
 */
export class FaultRegistry {
  private readonly faults = new Map<string, ActiveFault[]>();

  set(operation: string, fault: Fault): void {
    const list = (this.faults.get(operation) ?? []).filter((f) => f.fault.kind !== fault.kind);
    list.push({ fault, remaining: fault.count ?? Number.POSITIVE_INFINITY });
    this.faults.set(operation, list);
  }

  clear(): void {
    this.faults.clear();
  }

  /**
   * Takes one use of the fault of this kind for the operation, if any is active. `*` faults apply
   * unless `includeAny` is false (the LWA endpoint, which `*` does not cover).
   */
  take<K extends Fault['kind']>(
    operation: string,
    kind: K,
    includeAny = true,
  ): Extract<Fault, { kind: K }> | undefined {
    for (const key of includeAny ? [operation, ANY_OPERATION] : [operation]) {
      const active = this.faults.get(key)?.find((f) => f.fault.kind === kind && f.remaining > 0);
      if (active !== undefined) {
        active.remaining -= 1;
        return active.fault as Extract<Fault, { kind: K }>;
      }
    }
    return undefined;
  }

  /** Active faults for display. */
  list(): Array<{ operation: string; fault: Fault; remaining: number | null }> {
    const out: Array<{ operation: string; fault: Fault; remaining: number | null }> = [];
    for (const [operation, list] of this.faults) {
      for (const f of list) {
        if (f.remaining > 0) {
          out.push({
            operation,
            fault: f.fault,
            remaining: Number.isFinite(f.remaining) ? f.remaining : null,
          });
        }
      }
    }
    return out;
  }
}
