import { adviceForAmazonRefusal } from '../core/amazon-refusal-advice.js';
import type { Package } from '../core/package.js';
import { packageReferenceId } from '../core/package.js';
import { retryDelayMs } from '../core/retry-delay.js';
import { MarketplaceError } from '../ports/marketplace.js';
import { type AttemptOutcome, StaleStateError, type TransmissionAttempt } from '../ports/order-store.js';
import { applyPackageEvent } from './apply-package-event.js';
import type { AppDeps } from './deps.js';

export interface TransmitOptions {
  /** Attempts before a package goes to needs-fix. */
  readonly maxAttempts: number;
  readonly retryBaseDelayMs: number;
  readonly retryMaxDelayMs: number;
  /** Packages sent at the same time; Amazon's token bucket paces them anyway. Default 4. */
  readonly concurrency?: number;
  /** Stop after this many packages (default: all that are due). */
  readonly limit?: number;
  readonly random?: () => number;
  /** Called after each package, for progress output. */
  readonly onOutcome?: (outcome: TransmitOutcome) => void;
  /** Packages to leave alone (they go by feed). */
  readonly exclude?: ReadonlySet<string>;
}

export type TransmitOutcome =
  | { readonly kind: 'confirmed'; readonly package: Package }
  | { readonly kind: 'needs-fix'; readonly package: Package; readonly reason: string }
  | {
      readonly kind: 'retrying';
      readonly package: Package;
      readonly reason: string;
      readonly nextAttemptAt: string;
    };

export interface TransmitSummary {
  readonly confirmed: number;
  readonly needsFix: number;
  readonly retrying: number;
  readonly outcomes: readonly TransmitOutcome[];
  /** A fault that stopped the run (bad credentials, Amazon unreachable); packages stay queued. */
  readonly fault: MarketplaceError | null;
}

/**
 * Sends every package that is due, most urgent ship-by first, one `confirmShipment` per package.
 * Each state change is written before and after the call, so a crash leaves at most the packages
 * that were in flight in `sending`; `recoverInterrupted` puts those back in the queue, and
 * re-sending is safe because the same packageReferenceId edits rather than duplicates.
 */
export async function transmitPending(deps: AppDeps, options: TransmitOptions): Promise<TransmitSummary> {
  const outcomes: TransmitOutcome[] = [];
  let fault: MarketplaceError | null = null;
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  let taken = 0;

  while (fault === null && taken < limit) {
    const exclude = options.exclude ?? new Set<string>();
    const due = (
      await deps.store.listDueForTransmission(
        deps.clock.now().toISOString(),
        Math.min(concurrency, limit - taken) + exclude.size,
      )
    )
      .filter((p) => !exclude.has(p.packageId))
      .slice(0, Math.min(concurrency, limit - taken));
    if (due.length === 0) break;
    taken += due.length;
    const results = await Promise.all(
      due.map((p) =>
        sendOne(deps, p, options).catch((e: unknown) => {
          if (e instanceof MarketplaceError && !e.retryable) {
            fault = e;
            return null;
          }
          if (e instanceof StaleStateError) return null; // another worker took it
          throw e;
        }),
      ),
    );
    for (const r of results) {
      if (r) {
        outcomes.push(r);
        options.onOutcome?.(r);
      }
    }
  }
  return {
    confirmed: outcomes.filter((o) => o.kind === 'confirmed').length,
    needsFix: outcomes.filter((o) => o.kind === 'needs-fix').length,
    retrying: outcomes.filter((o) => o.kind === 'retrying').length,
    outcomes,
    fault,
  };
}

async function sendOne(
  deps: AppDeps,
  pkg: Package,
  options: TransmitOptions,
): Promise<TransmitOutcome | null> {
  const { store, clock, marketplace, logger } = deps;
  const order = await store.getOrder(pkg.orderId);
  if (!order) throw new Error(`package ${pkg.packageId} belongs to unknown order ${pkg.orderId}`);

  const sending = await store.transaction((tx) =>
    applyPackageEvent(tx, pkg, 'send-started', null, clock.now().toISOString(), { countAttempt: true }),
  );
  if (!sending) return null;
  const startedAt = clock.now().toISOString();
  const attempt = (
    outcome: AttemptOutcome,
    httpStatus: number | null,
    errorCode: string | null,
    errorMessage: string | null,
    amazonRequestId: string | null,
    finishedAt = clock.now().toISOString(),
  ): TransmissionAttempt => ({
    packageId: sending.packageId,
    attemptNo: sending.attempts,
    channel: 'confirm-shipment',
    startedAt,
    finishedAt,
    outcome,
    httpStatus,
    errorCode,
    errorMessage,
    amazonRequestId,
  });

  try {
    const result = await marketplace.confirmShipment({
      orderId: order.orderId,
      marketplaceId: order.marketplaceId,
      packageReferenceId: packageReferenceId(sending.referenceNo),
      carrierCode: sending.carrierCode,
      carrierName: sending.carrierName,
      shippingMethod: sending.shippingService,
      trackingNumber: sending.trackingId ?? '',
      shipDate: sending.shipDate,
      items: sending.items,
    });
    const finishedAt = clock.now().toISOString();
    return await store.transaction(async (tx) => {
      if (result.kind === 'accepted') {
        await tx.recordAttempt(attempt('accepted', 204, null, null, result.requestId, finishedAt));
        const p = await applyPackageEvent(tx, sending, 'amazon-accepted', null, finishedAt);
        logger.info({ packageId: sending.packageId, orderId: order.orderId }, 'package confirmed');
        return { kind: 'confirmed', package: p! } as const;
      }
      const reason = adviceForAmazonRefusal(result.code, result.message);
      await tx.recordAttempt(
        attempt('refused', result.httpStatus, result.code, result.message, result.requestId, finishedAt),
      );
      const p = await applyPackageEvent(tx, sending, 'amazon-refused', reason, finishedAt);
      logger.warn(
        { packageId: sending.packageId, orderId: order.orderId, code: result.code },
        'Amazon refused package',
      );
      return { kind: 'needs-fix', package: p!, reason } as const;
    });
  } catch (e) {
    if (!(e instanceof MarketplaceError)) throw e;
    const finishedAt = clock.now().toISOString();
    const exhausted = sending.attempts >= options.maxAttempts;
    const delay = retryDelayMs(
      sending.attempts,
      options.retryBaseDelayMs,
      options.retryMaxDelayMs,
      (options.random ?? Math.random)(),
    );
    const nextAttemptAt = new Date(clock.now().getTime() + delay).toISOString();
    const outcome = await store.transaction(async (tx) => {
      await tx.recordAttempt(attempt('temporary-failure', e.httpStatus, e.code, e.message, null, finishedAt));
      const retrying = await applyPackageEvent(
        tx,
        sending,
        'send-failed-temporarily',
        e.message,
        finishedAt,
        {
          nextAttemptAt,
        },
      );
      if (exhausted && e.retryable) {
        const reason = `Amazon could not be reached after ${sending.attempts} attempts (last: ${e.message}). Check the connection with \`shipconfirm doctor\`, then send it again.`;
        const p = await applyPackageEvent(tx, retrying!, 'retries-exhausted', reason, finishedAt);
        return { kind: 'needs-fix', package: p!, reason } as const;
      }
      return { kind: 'retrying', package: retrying!, reason: e.message, nextAttemptAt } as const;
    });
    logger.warn(
      { packageId: sending.packageId, orderId: order.orderId, error: e.message },
      'confirmation failed',
    );
    if (!e.retryable) throw e;
    return outcome;
  }
}

/**
 * Puts packages left in `sending` by a crash back in the queue. Call it at start, before any
 * transmitter runs (in embedded mode there is only one). `leave`: packages whose feed Amazon
 * already holds (see findSubmittedFeeds), which are followed rather than sent again.
 */
export async function recoverInterrupted(
  deps: AppDeps,
  leave: ReadonlySet<string> = new Set(),
): Promise<number> {
  const stuck = (await deps.store.listPackages({ states: ['sending'] })).filter(
    (p) => !leave.has(p.packageId),
  );
  const at = deps.clock.now().toISOString();
  let n = 0;
  for (const p of stuck) {
    const r = await deps.store.transaction((tx) =>
      applyPackageEvent(
        tx,
        p,
        'send-failed-temporarily',
        'Interrupted while sending; will be sent again.',
        at,
        {
          nextAttemptAt: at,
        },
      ),
    );
    if (r) n++;
  }
  return n;
}
