/** One request the simulator received, as the admin API reports it. */
export interface LoggedRequest {
  /** Simulated time of arrival, ISO 8601. */
  at: string;
  method: string;
  /** URL path without the query string. */
  path: string;
  /** Amazon operationId, `lwaToken` for the token exchange, null for unknown paths. */
  operation: string | null;
  /** HTTP status sent; 0 when the connection was dropped. */
  status: number;
}

/** Newest requests are kept up to a bound so a long benchmark cannot exhaust memory. */
export class RequestLog {
  private readonly entries: LoggedRequest[] = [];

  constructor(private readonly capacity = 100_000) {}

  add(entry: LoggedRequest): void {
    this.entries.push(entry);
    // Trim in batches: dropping one entry per request would move the whole array every time.
    if (this.entries.length > this.capacity * 1.1)
      this.entries.splice(0, this.entries.length - this.capacity);
  }

  all(): LoggedRequest[] {
    return this.entries.slice(-this.capacity);
  }

  clear(): void {
    this.entries.length = 0;
  }
}
