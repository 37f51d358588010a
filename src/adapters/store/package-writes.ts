import type { Kysely } from 'kysely';
import type { PackageItem } from '../../core/package.js';
import type { PackageDetails } from '../../ports/order-store.js';
import type { Database } from './schema.js';

/** Replaces a package's items (in their order) with `items`. */
export async function writePackageItems(
  db: Kysely<Database>,
  packageId: string,
  items: readonly PackageItem[],
): Promise<void> {
  await db.deleteFrom('package_items').where('package_id', '=', packageId).execute();
  if (items.length === 0) return;
  await db
    .insertInto('package_items')
    .values(
      items.map((item, position) => ({
        package_id: packageId,
        order_item_id: item.orderItemId,
        position,
        quantity: item.quantity,
      })),
    )
    .execute();
}

/** Overwrites the details a person can change (an edit), items included. */
export async function writePackageDetails(
  db: Kysely<Database>,
  packageId: string,
  details: PackageDetails,
): Promise<void> {
  await db
    .updateTable('packages')
    .set({
      carrier_code: details.carrierCode,
      carrier_name: details.carrierName,
      shipping_service: details.shippingService,
      tracking_id: details.trackingId,
      tracking_kind: details.trackingKind,
      ship_date: details.shipDate,
    })
    .where('id', '=', packageId)
    .execute();
  await writePackageItems(db, packageId, details.items);
}
