/**
 * The package lifecycle of DESIGN.md as a pure state machine.
 *
 *   recorded --validate--> accepted | needs-fix
 *   accepted --dequeue--> sending --> confirmed | needs-fix (refused) | retrying
 *   confirmed --read back--> verified | dropped (re-queued as accepted)
 *   verified --carrier scans--> valid | no-scan
 *
 * Every transition is named by an event, so that a log of events explains every state.
 */
export const PACKAGE_STATES = [
  'recorded',
  'accepted',
  'needs-fix',
  'sending',
  'retrying',
  'confirmed',
  'verified',
  'dropped',
  'valid',
  'no-scan',
  'cancelled',
] as const;
export type PackageState = (typeof PACKAGE_STATES)[number];

export const PACKAGE_EVENTS = [
  /** The policy accepted the package: it is queued for transmission. */
  'validated',
  /** The policy (or a later check) refused the package: a person must fix it. */
  'refused',
  /** A worker took the package from the queue and is confirming it to Amazon. */
  'send-started',
  /** Amazon acknowledged the confirmation. */
  'amazon-accepted',
  /** Amazon refused the confirmation permanently (4xx other than throttling). */
  'amazon-refused',
  /** A temporary failure (429, 5xx, timeout, dropped connection): try again later. */
  'send-failed-temporarily',
  /** The retry limit was reached: a person must look. */
  'retries-exhausted',
  /** Read-back found the package with its tracking at Amazon. */
  'read-back-matched',
  /** Read-back did not find the package (or found it without tracking). */
  'read-back-missing',
  /** A dropped package is queued to be sent again. */
  'resend-queued',
  /** The carrier reported at least one scan. */
  'carrier-scanned',
  /** No scan arrived in time: a VTR defect. */
  'scan-overdue',
  /** New details were given for the package (a fix, a corrected tracking ID, a re-shipped parcel). */
  'edited',
  /** The order was cancelled before the package was confirmed. */
  'order-cancelled',
] as const;
export type PackageEvent = (typeof PACKAGE_EVENTS)[number];

const EDITABLE = { edited: 'recorded' } as const;

const TRANSITIONS: Readonly<Record<PackageState, Partial<Record<PackageEvent, PackageState>>>> = {
  recorded: { validated: 'accepted', refused: 'needs-fix', 'order-cancelled': 'cancelled' },
  accepted: { 'send-started': 'sending', refused: 'needs-fix', 'order-cancelled': 'cancelled', ...EDITABLE },
  'needs-fix': { 'order-cancelled': 'cancelled', ...EDITABLE },
  sending: {
    'amazon-accepted': 'confirmed',
    'amazon-refused': 'needs-fix',
    'send-failed-temporarily': 'retrying',
  },
  retrying: {
    'send-started': 'sending',
    'retries-exhausted': 'needs-fix',
    'order-cancelled': 'cancelled',
    ...EDITABLE,
  },
  confirmed: { 'read-back-matched': 'verified', 'read-back-missing': 'dropped', ...EDITABLE },
  verified: { 'carrier-scanned': 'valid', 'scan-overdue': 'no-scan', ...EDITABLE },
  dropped: { 'resend-queued': 'accepted', ...EDITABLE },
  valid: { ...EDITABLE },
  'no-scan': { 'carrier-scanned': 'valid', ...EDITABLE },
  cancelled: {},
};

export type TransitionResult =
  | {
      readonly ok: true;
      readonly from: PackageState;
      readonly to: PackageState;
      readonly event: PackageEvent;
    }
  | {
      readonly ok: false;
      readonly from: PackageState;
      readonly event: PackageEvent;
      readonly reason: string;
    };

/** Applies `event` to a package in state `from`. Refused transitions are values, not exceptions. */
export function transition(from: PackageState, event: PackageEvent): TransitionResult {
  const to = TRANSITIONS[from][event];
  if (to === undefined) {
    return {
      ok: false,
      from,
      event,
      reason: `A package that is ${describeState(from)} cannot take "${event}"; allowed: ${allowedEvents(from).join(', ') || 'none (final state)'}.`,
    };
  }
  return { ok: true, from, to, event };
}

/** Events a package in `state` accepts. */
export function allowedEvents(state: PackageState): PackageEvent[] {
  return PACKAGE_EVENTS.filter((e) => TRANSITIONS[state][e] !== undefined);
}

/** States in which Amazon has (as far as we know) the package's confirmation. */
export const CONFIRMED_STATES: readonly PackageState[] = ['confirmed', 'verified', 'valid', 'no-scan'];

const STATE_WORDS: Record<PackageState, string> = {
  recorded: 'recorded, not yet checked',
  accepted: 'checked and waiting to be sent',
  'needs-fix': 'waiting for a fix',
  sending: 'being sent to Amazon',
  retrying: 'waiting to retry after a temporary failure',
  confirmed: 'confirmed to Amazon',
  verified: 'confirmed and seen at Amazon',
  dropped: 'missing at Amazon after confirmation',
  valid: 'scanned by the carrier',
  'no-scan': 'never scanned by the carrier',
  cancelled: 'cancelled',
};

/** The state in plain words, for people. */
export function describeState(state: PackageState): string {
  return STATE_WORDS[state];
}
