import { describe, expect, it } from 'vitest';
import {
  allowedEvents,
  describeState,
  PACKAGE_EVENTS,
  PACKAGE_STATES,
  type PackageEvent,
  type PackageState,
  transition,
} from './package-lifecycle.js';

// The full table of allowed transitions, written out independently of the implementation so
// that a change to the machine must be made deliberately in both places.
const ALLOWED: ReadonlyArray<[PackageState, PackageEvent, PackageState]> = [
  ['recorded', 'validated', 'accepted'],
  ['recorded', 'refused', 'needs-fix'],
  ['recorded', 'order-cancelled', 'cancelled'],
  ['accepted', 'send-started', 'sending'],
  ['accepted', 'refused', 'needs-fix'],
  ['accepted', 'order-cancelled', 'cancelled'],
  ['accepted', 'edited', 'recorded'],
  ['needs-fix', 'edited', 'recorded'],
  ['needs-fix', 'order-cancelled', 'cancelled'],
  ['sending', 'amazon-accepted', 'confirmed'],
  ['sending', 'amazon-refused', 'needs-fix'],
  ['sending', 'send-failed-temporarily', 'retrying'],
  ['retrying', 'send-started', 'sending'],
  ['retrying', 'retries-exhausted', 'needs-fix'],
  ['retrying', 'order-cancelled', 'cancelled'],
  ['retrying', 'edited', 'recorded'],
  ['confirmed', 'read-back-matched', 'verified'],
  ['confirmed', 'read-back-missing', 'dropped'],
  ['confirmed', 'edited', 'recorded'],
  ['verified', 'carrier-scanned', 'valid'],
  ['verified', 'scan-overdue', 'no-scan'],
  ['verified', 'edited', 'recorded'],
  ['dropped', 'resend-queued', 'accepted'],
  ['dropped', 'edited', 'recorded'],
  ['valid', 'edited', 'recorded'],
  ['no-scan', 'carrier-scanned', 'valid'],
  ['no-scan', 'edited', 'recorded'],
];

const key = (s: PackageState, e: PackageEvent) => `${s} + ${e}`;
const allowedKeys = new Set(ALLOWED.map(([s, e]) => key(s, e)));

describe('package lifecycle: allowed transitions', () => {
  it.each(ALLOWED)('%s + %s -> %s', (from, event, to) => {
    expect(transition(from, event)).toEqual({ ok: true, from, to, event });
  });
});

describe('package lifecycle: refused transitions', () => {
  const refused = PACKAGE_STATES.flatMap((s) =>
    PACKAGE_EVENTS.filter((e) => !allowedKeys.has(key(s, e))).map(
      (e) => [s, e] as [PackageState, PackageEvent],
    ),
  );

  it('covers every state x event pair exactly once', () => {
    expect(refused.length + ALLOWED.length).toBe(PACKAGE_STATES.length * PACKAGE_EVENTS.length);
  });

  it.each(refused)('%s + %s is refused with a reason', (from, event) => {
    const result = transition(from, event);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toContain(describeState(from));
      expect(result.reason).toContain(event);
    }
  });
});

describe('package lifecycle: shape', () => {
  it('cancelled is final', () => {
    expect(allowedEvents('cancelled')).toEqual([]);
  });

  it('no package that Amazon holds can be cancelled by us', () => {
    for (const s of ['confirmed', 'verified', 'valid', 'no-scan', 'sending'] as const) {
      expect(transition(s, 'order-cancelled').ok).toBe(false);
    }
  });

  it('every state can be reached from recorded', () => {
    const reached = new Set<PackageState>(['recorded']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const [from, , to] of ALLOWED) {
        if (reached.has(from) && !reached.has(to)) {
          reached.add(to);
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...PACKAGE_STATES].sort());
  });
});
