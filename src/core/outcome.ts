/**
 * Expected outcomes are values, faults are thrown (see DESIGN.md).
 * A refusal carries a stable `code` for programs and a `message` (what is wrong and what to do) for people.
 */
export interface Refusal {
  /** Stable, machine-readable reason, e.g. `quantity-exceeds-unshipped`. */
  readonly code: string;
  /** One plain sentence: what is wrong and how to fix it. */
  readonly message: string;
}

export type Outcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly refusals: readonly Refusal[] };

export const accept = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const refuse = <T = never>(...refusals: Refusal[]): Outcome<T> => ({ ok: false, refusals });
