import type { Refusal } from '../core/outcome.js';
import type { Package } from '../core/package.js';
import { CONFIRMED_STATES, type PackageState, transition } from '../core/package-lifecycle.js';
import type { AppDeps } from './deps.js';
import { checkShipment, detailsOf, type ShipmentInput } from './record-shipment.js';

export type ReplaceShipmentResult =
  | {
      readonly kind: 'replaced';
      readonly package: Package;
      readonly previousState: PackageState;
      /** Amazon already had the package: the resend is an edit of it under the same reference. */
      readonly editsAmazon: boolean;
      readonly warnings: readonly Refusal[];
    }
  | {
      readonly kind: 'refused';
      readonly refusals: readonly Refusal[];
      readonly warnings: readonly Refusal[];
    };

/**
 * Corrects a package (a mistyped tracking ID, a re-shipped parcel, a fix after needs-fix): the
 * new details are checked like a new package, then stored on the same package, which keeps its
 * packageReferenceId and is queued again; Amazon treats the resend as an edit, never a duplicate.
 * Nothing is written when the new details are refused.
 */
export async function replaceShipment(
  deps: AppDeps,
  packageId: string,
  input: Partial<ShipmentInput>,
): Promise<ReplaceShipmentResult> {
  return deps.store.transaction(async (tx) => {
    const now = deps.clock.now().toISOString();
    const pkg = await tx.getPackage(packageId);
    if (!pkg) {
      return refused({
        code: 'unknown-package',
        message: `Package ${packageId} is not known here. \`shipconfirm status ORDER_ID\` lists an order's packages with their ids.`,
      });
    }
    if (input.orderId && input.orderId !== pkg.orderId) {
      return refused({
        code: 'package-of-other-order',
        message: `Package ${packageId} belongs to order ${pkg.orderId}, not ${input.orderId}.`,
      });
    }
    if (pkg.state === 'sending') {
      return refused({
        code: 'package-in-flight',
        message: `Package ${packageId} is being sent to Amazon right now; try again in a few seconds.`,
      });
    }
    if (!transition(pkg.state, 'edited').ok) {
      return refused({
        code: 'package-not-editable',
        message: `Package ${packageId} is ${pkg.state} and cannot be changed.`,
      });
    }
    // What is not given stays as it was.
    const keepsNumber = !input.trackingId && !input.parcelId;
    const merged: ShipmentInput = {
      orderId: pkg.orderId,
      carrier: input.carrier?.trim() ? input.carrier : pkg.carrierCode,
      carrierName: input.carrierName ?? (input.carrier ? null : pkg.carrierName),
      service: input.service?.trim() ? input.service : pkg.shippingService,
      trackingId: keepsNumber
        ? pkg.trackingKind === 'tracking'
          ? pkg.trackingId
          : null
        : (input.trackingId ?? null),
      parcelId: keepsNumber
        ? pkg.trackingKind === 'parcel-id'
          ? pkg.trackingId
          : null
        : (input.parcelId ?? null),
      items: input.items ?? pkg.items,
      shipDate: input.shipDate ?? pkg.shipDate,
    };
    const check = await checkShipment(deps, tx, merged, now, pkg);
    if (check.kind === 'refused') return check;
    if (check.decision.verdict === 'refuse') {
      return { kind: 'refused', refusals: check.decision.refusals, warnings: check.decision.warnings };
    }
    const editsAmazon = CONFIRMED_STATES.includes(pkg.state) || pkg.state === 'dropped';
    await tx.editPackage(packageId, detailsOf(check), {
      from: pkg.state,
      to: 'recorded',
      event: 'edited',
      reason: editsAmazon
        ? 'Corrected after confirmation: Amazon will be sent an edit.'
        : 'Corrected before sending.',
      at: now,
    });
    const queued = await tx.changePackageState(packageId, {
      from: 'recorded',
      to: 'accepted',
      event: 'validated',
      reason: check.decision.warnings.map((w) => w.message).join(' ') || null,
      at: now,
    });
    return {
      kind: 'replaced',
      package: queued,
      previousState: pkg.state,
      editsAmazon,
      warnings: check.decision.warnings,
    };
  });
}

function refused(...refusals: Refusal[]): ReplaceShipmentResult {
  return { kind: 'refused', refusals, warnings: [] };
}
