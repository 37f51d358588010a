import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OrderStore } from '../../../src/ports/order-store.js';
import { StaleStateError } from '../../../src/ports/order-store.js';
import { at, DE, item, newPackage, order, seller, UK } from './fixtures/store-data.js';

/**
 * The behaviour every OrderStore must have, as a suite any adapter runs against its own
 * database: `openStore` must give a fresh, migrated, empty store each time.
 */
export function describeOrderStoreContract(name: string, openStore: () => Promise<OrderStore>): void {
  describe(`OrderStore contract: ${name}`, () => {
    let store: OrderStore;

    beforeEach(async () => {
      store = await openStore();
      await store.upsertSeller(seller(), at());
    });

    afterEach(async () => {
      await store.close();
    });

    describe('sellers', () => {
      it('round-trips a seller and its marketplaces in their order', async () => {
        await store.upsertSeller(
          seller({ sellerId: 'SELLER2', name: 'Other', marketplaceIds: [DE, UK] }),
          at(),
        );
        expect(await store.getSeller('SELLER2')).toEqual({
          sellerId: 'SELLER2',
          name: 'Other',
          marketplaceIds: [DE, UK],
        });
        expect((await store.listSellers()).map((s) => s.sellerId)).toEqual(['SELLER1', 'SELLER2']);
        expect(await store.getSeller('NOBODY')).toBeUndefined();
      });

      it('updates name and marketplaces, logging only real changes', async () => {
        await store.upsertSeller(seller(), at(1));
        await store.upsertSeller(seller({ name: 'Tea & Co Ltd', marketplaceIds: [UK, DE] }), at(2));
        expect(await store.getSeller('SELLER1')).toEqual(
          seller({ name: 'Tea & Co Ltd', marketplaceIds: [UK, DE] }),
        );
        const events = await store.listEvents({ entityId: 'SELLER1' });
        expect(events.map((e) => [e.type, e.data?.change])).toEqual([
          ['seller.saved', 'inserted'],
          ['seller.saved', 'updated'],
        ]);
      });
    });

    describe('orders', () => {
      it('inserts orders with their items and reads them back unchanged', async () => {
        const orders = [
          order(1),
          order(2, { shipByLatest: null, shipToCountry: null, items: [item(3, { sku: null })] }),
        ];
        expect(await store.upsertOrders(orders, at(10))).toEqual({ inserted: 2, updated: 0 });
        expect(await store.getOrder(orders[0]!.orderId)).toEqual(orders[0]);
        expect(await store.getOrder(orders[1]!.orderId)).toEqual(orders[1]);
        expect(await store.getOrder('404-0000000-0000000')).toBeUndefined();
      });

      it('updates a known order, replacing its items, and logs inserted and updated with the status', async () => {
        const first = order(1);
        await store.upsertOrders([first], at(10));
        const shipped = order(1, {
          status: 'SHIPPED',
          lastUpdatedAt: at(20),
          items: [item(2, { quantityOrdered: 5 })],
        });
        expect(await store.upsertOrders([shipped], at(21))).toEqual({ inserted: 0, updated: 1 });
        expect(await store.getOrder(first.orderId)).toEqual(shipped);
        const events = await store.listEvents({ entityId: first.orderId });
        expect(events.map((e) => ({ type: e.type, from: e.fromState, to: e.toState, data: e.data }))).toEqual(
          [
            {
              type: 'order.synced',
              from: null,
              to: 'UNSHIPPED',
              data: { change: 'inserted', status: 'UNSHIPPED', lastUpdatedAt: at(1) },
            },
            {
              type: 'order.synced',
              from: 'UNSHIPPED',
              to: 'SHIPPED',
              data: { change: 'updated', status: 'SHIPPED', lastUpdatedAt: at(20) },
            },
          ],
        );
      });

      it('neither counts nor logs an order synced again unchanged', async () => {
        await store.upsertOrders([order(1)], at(10));
        expect(await store.upsertOrders([order(1)], at(11))).toEqual({ inserted: 0, updated: 0 });
        expect(await store.listEvents({ entityId: order(1).orderId })).toHaveLength(1);
      });

      it('lists orders due by a time: open ones only, soonest ship-by first', async () => {
        await store.upsertOrders(
          [
            order(1, { shipByLatest: at(60) }),
            order(2, { shipByLatest: at(30) }),
            order(3, { shipByLatest: at(90) }),
            order(4, { shipByLatest: at(10), status: 'SHIPPED' }),
            order(5, { shipByLatest: null }),
            order(6, { shipByLatest: at(20), status: 'PARTIALLY_SHIPPED' }),
          ],
          at(0),
        );
        const due = await store.listOrdersDueBy(seller().sellerId, at(60));
        expect(due.map((o) => o.orderId)).toEqual([order(6).orderId, order(2).orderId, order(1).orderId]);
        expect(due[0]!.items.length).toBeGreaterThan(0);
      });

      it('lists newest created first, by seller, with a limit, and counts', async () => {
        await store.upsertSeller(seller({ sellerId: 'SELLER2' }), at());
        await store.upsertOrders([order(1), order(3), order(2), order(4, { sellerId: 'SELLER2' })], at(10));
        expect((await store.listOrders({})).map((o) => o.orderId)).toEqual(
          [4, 3, 2, 1].map((n) => order(n).orderId),
        );
        expect((await store.listOrders({ sellerId: 'SELLER1', limit: 2 })).map((o) => o.orderId)).toEqual(
          [3, 2].map((n) => order(n).orderId),
        );
        expect(await store.countOrders()).toBe(4);
        expect(await store.countOrders('SELLER1')).toBe(3);
        expect(await store.countOrders('NOBODY')).toBe(0);
      });
    });

    describe('packages', () => {
      beforeEach(async () => {
        await store.upsertOrders([order(1), order(2)], at(10));
      });

      it('stores a package with a fresh id and reads it back', async () => {
        const draft = newPackage(order(1).orderId, {
          items: [
            { orderItemId: 'ITEM-2', quantity: 2 },
            { orderItemId: 'ITEM-1', quantity: 1 },
          ],
        });
        const stored = await store.insertPackage(draft, at(30));
        expect(stored.packageId).toMatch(/^pkg_[a-z2-7]{12}$/);
        const { sellerId, state, stateReason, ...details } = draft;
        expect(stored).toEqual({
          ...details,
          packageId: stored.packageId,
          sellerId,
          state,
          stateReason,
          referenceNo: 1,
          attempts: 0,
          nextAttemptAt: null,
          createdAt: at(30),
          updatedAt: at(30),
        });
        expect(await store.getPackage(stored.packageId)).toEqual(stored);
        expect(await store.getPackage('pkg_missing')).toBeUndefined();
      });

      it('numbers packages 1, 2, 3 within each order', async () => {
        const refs = [];
        for (const orderNo of [1, 1, 2, 1]) {
          refs.push((await store.insertPackage(newPackage(order(orderNo).orderId), at(30))).referenceNo);
        }
        expect(refs).toEqual([1, 2, 1, 3]);
      });

      it('writes a package.recorded event with the details', async () => {
        const pkg = await store.insertPackage(
          newPackage(order(1).orderId, { state: 'needs-fix', stateReason: 'bad' }),
          at(30),
        );
        const [event, ...rest] = await store.listEvents({ entityId: pkg.packageId });
        expect(rest).toEqual([]);
        expect(event).toMatchObject({
          at: at(30),
          sellerId: 'SELLER1',
          entityType: 'package',
          type: 'package.recorded',
          fromState: null,
          toState: 'needs-fix',
          reason: 'bad',
          data: { orderId: order(1).orderId, referenceNo: 1, trackingId: 'AB123456785GB' },
        });
      });

      it('refuses a package for an unknown order and writes nothing', async () => {
        await expect(store.insertPackage(newPackage('404-0000000-0000000'), at(30))).rejects.toThrow(
          /no such order/,
        );
        expect(await store.listPackages({})).toEqual([]);
        expect(await store.listEvents({ entityId: '404-0000000-0000000' })).toEqual([]);
      });

      it('lists packages by seller, order and state, oldest or newest first, with a limit', async () => {
        const a = await store.insertPackage(newPackage(order(1).orderId), at(30));
        const b = await store.insertPackage(newPackage(order(2).orderId, { state: 'needs-fix' }), at(31));
        const c = await store.insertPackage(newPackage(order(1).orderId), at(32));
        const ids = (list: { packageId: string }[]) => list.map((p) => p.packageId);
        expect(ids(await store.listPackages({}))).toEqual([a, b, c].map((p) => p.packageId));
        expect(ids(await store.listPackages({ newestFirst: true, limit: 2 }))).toEqual(
          [c, b].map((p) => p.packageId),
        );
        expect(ids(await store.listPackages({ orderId: order(1).orderId }))).toEqual(
          [a, c].map((p) => p.packageId),
        );
        expect(ids(await store.listPackages({ states: ['needs-fix'] }))).toEqual([b.packageId]);
        expect(await store.listPackages({ states: [] })).toEqual([]);
        expect(await store.listPackages({ sellerId: 'NOBODY' })).toEqual([]);
      });

      it('finds packages by tracking id', async () => {
        const a = await store.insertPackage(newPackage(order(1).orderId, { trackingId: 'TRACK-A' }), at(30));
        await store.insertPackage(newPackage(order(2).orderId, { trackingId: 'TRACK-B' }), at(31));
        await store.insertPackage(
          newPackage(order(2).orderId, { trackingId: null, trackingKind: 'none' }),
          at(32),
        );
        expect(await store.findPackagesByTrackingIds(['TRACK-A', 'TRACK-Z'])).toEqual([a]);
        expect(await store.findPackagesByTrackingIds([])).toEqual([]);
      });
    });

    describe('state changes', () => {
      let packageId: string;

      beforeEach(async () => {
        await store.upsertOrders([order(1)], at(10));
        packageId = (await store.insertPackage(newPackage(order(1).orderId), at(30))).packageId;
      });

      it('applies a change, counts the attempt, and logs from, to, event and reason', async () => {
        await store.changePackageState(packageId, {
          from: 'accepted',
          to: 'sending',
          event: 'send-started',
          reason: null,
          at: at(31),
          countAttempt: true,
        });
        const retrying = await store.changePackageState(packageId, {
          from: 'sending',
          to: 'retrying',
          event: 'send-failed-temporarily',
          reason: 'Amazon answered 503',
          at: at(32),
          nextAttemptAt: at(40),
        });
        expect(retrying).toMatchObject({
          state: 'retrying',
          stateReason: 'Amazon answered 503',
          attempts: 1,
          nextAttemptAt: at(40),
          updatedAt: at(32),
          createdAt: at(30),
        });
        expect(await store.getPackage(packageId)).toEqual(retrying);
        const events = (await store.listEvents({ entityId: packageId })).slice(1);
        expect(events.map((e) => [e.type, e.fromState, e.toState, e.reason, e.data?.event])).toEqual([
          ['package.state-changed', 'accepted', 'sending', null, 'send-started'],
          ['package.state-changed', 'sending', 'retrying', 'Amazon answered 503', 'send-failed-temporarily'],
        ]);
      });

      it('edits a package: new details and items, same id and reference, state moved, before/after logged', async () => {
        const before = (await store.getPackage(packageId))!;
        const details = {
          carrierCode: 'DPD',
          carrierName: null,
          shippingService: 'Next Day',
          trackingId: '09980000020033F',
          trackingKind: 'tracking' as const,
          shipDate: at(35),
          items: [{ orderItemId: before.items[0]!.orderItemId, quantity: 1 }],
        };
        const edited = await store.editPackage(packageId, details, {
          from: 'accepted',
          to: 'recorded',
          event: 'edited',
          reason: 'corrected tracking ID',
          at: at(36),
        });
        expect(edited).toMatchObject({
          ...details,
          packageId,
          referenceNo: before.referenceNo,
          state: 'recorded',
        });
        expect(await store.findPackagesByTrackingIds(['09980000020033F'])).toHaveLength(1);
        const last = (await store.listEvents({ entityId: packageId })).at(-1)!;
        expect(last.type).toBe('package.edited');
        expect((last.data!.before as { trackingId: string }).trackingId).toBe(before.trackingId);
        expect((last.data!.after as { trackingId: string }).trackingId).toBe('09980000020033F');
      });

      it('refuses an edit from a stale state and changes nothing', async () => {
        const before = (await store.getPackage(packageId))!;
        await expect(
          store.editPackage(
            packageId,
            { ...before, trackingId: 'X' },
            { from: 'confirmed', to: 'recorded', event: 'edited', reason: null, at: at(36) },
          ),
        ).rejects.toBeInstanceOf(StaleStateError);
        expect(await store.getPackage(packageId)).toEqual(before);
      });

      it('clears the retry time when the package leaves retrying', async () => {
        const change = { reason: null, at: at(31) };
        await store.changePackageState(packageId, {
          ...change,
          from: 'accepted',
          to: 'sending',
          event: 'send-started',
        });
        await store.changePackageState(packageId, {
          ...change,
          from: 'sending',
          to: 'retrying',
          event: 'send-failed-temporarily',
          nextAttemptAt: at(40),
        });
        const sending = await store.changePackageState(packageId, {
          ...change,
          from: 'retrying',
          to: 'sending',
          event: 'send-started',
        });
        expect(sending.nextAttemptAt).toBeNull();
      });

      it('refuses a stale change with StaleStateError and writes nothing', async () => {
        const before = await store.getPackage(packageId);
        const eventsBefore = await store.listEvents({});
        const stale = store.changePackageState(packageId, {
          from: 'sending',
          to: 'confirmed',
          event: 'amazon-accepted',
          reason: null,
          at: at(31),
        });
        await expect(stale).rejects.toBeInstanceOf(StaleStateError);
        await expect(stale).rejects.toMatchObject({ packageId, expected: 'sending', actual: 'accepted' });
        expect(await store.getPackage(packageId)).toEqual(before);
        expect(await store.listEvents({})).toEqual(eventsBefore);
      });

      it('reports a missing package as stale with no actual state', async () => {
        await expect(
          store.changePackageState('pkg_aaaaaaaaaaaa', {
            from: 'accepted',
            to: 'sending',
            event: 'send-started',
            reason: null,
            at: at(31),
          }),
        ).rejects.toMatchObject({ name: 'StaleStateError', actual: null });
      });

      it('refuses a change that is not a lifecycle transition', async () => {
        await expect(
          store.changePackageState(packageId, {
            from: 'accepted',
            to: 'confirmed',
            event: 'send-started',
            reason: null,
            at: at(31),
          }),
        ).rejects.toThrow(/not a transition/);
        expect((await store.getPackage(packageId))?.state).toBe('accepted');
      });
    });

    describe('transactions', () => {
      it('commits all writes of the work together and returns its value', async () => {
        const result = await store.transaction(async (tx) => {
          await tx.upsertOrders([order(1)], at(10));
          return (await tx.insertPackage(newPackage(order(1).orderId), at(11))).referenceNo;
        });
        expect(result).toBe(1);
        expect(await store.countOrders()).toBe(1);
        expect(await store.listPackages({})).toHaveLength(1);
      });

      it('rolls back orders, packages and events when the work throws', async () => {
        const eventsBefore = await store.listEvents({});
        await expect(
          store.transaction(async (tx) => {
            await tx.upsertOrders([order(1)], at(10));
            const pkg = await tx.insertPackage(newPackage(order(1).orderId), at(11));
            await tx.changePackageState(pkg.packageId, {
              from: 'accepted',
              to: 'sending',
              event: 'send-started',
              reason: null,
              at: at(12),
            });
            await tx.appendEvent({
              at: at(12),
              sellerId: 'SELLER1',
              entityType: 'sync',
              entityId: 'x',
              type: 'test.note',
              fromState: null,
              toState: null,
              reason: null,
              data: null,
            });
            throw new Error('boom');
          }),
        ).rejects.toThrow('boom');
        expect(await store.countOrders()).toBe(0);
        expect(await store.listPackages({})).toEqual([]);
        expect(await store.listEvents({})).toEqual(eventsBefore);
      });

      it('rolls back the whole work when a state change inside it is stale', async () => {
        await store.upsertOrders([order(1)], at(10));
        const stale = store.transaction(async (tx) => {
          const pkg = await tx.insertPackage(newPackage(order(1).orderId), at(11));
          await tx.changePackageState(pkg.packageId, {
            from: 'sending',
            to: 'confirmed',
            event: 'amazon-accepted',
            reason: null,
            at: at(12),
          });
        });
        await expect(stale).rejects.toBeInstanceOf(StaleStateError);
        expect(await store.listPackages({})).toEqual([]);
      });

      it('reuses the transaction for a nested transaction call', async () => {
        await expect(
          store.transaction(async (tx) => {
            await (tx as OrderStore).transaction((inner) => inner.upsertOrders([order(1)], at(10)));
            expect(await tx.countOrders()).toBe(1);
            throw new Error('undo');
          }),
        ).rejects.toThrow('undo');
        expect(await store.countOrders()).toBe(0);
      });
    });

    describe('due for transmission', () => {
      it('orders by ship-by (unknown last), then age; retrying only once its time has come', async () => {
        const now = at(100);
        await store.upsertOrders(
          [
            order(1, { shipByLatest: at(2000) }),
            order(2, { shipByLatest: at(1000) }),
            order(3, { shipByLatest: null }),
            order(4, { shipByLatest: at(500) }),
          ],
          at(10),
        );
        const record = async (n: number, minute: number, state: 'accepted' | 'needs-fix' = 'accepted') =>
          (await store.insertPackage(newPackage(order(n).orderId, { state }), at(minute))).packageId;
        const unknownShipBy = await record(3, 20);
        const late = await record(1, 21);
        const soonNewer = await record(2, 23);
        const soonOlder = await record(2, 22);
        await record(1, 24, 'needs-fix');
        const retryDue = await record(4, 25);
        const retryLater = await record(4, 26);
        const sending = await record(4, 27);
        const toRetrying = async (id: string, nextAttemptAt: string) => {
          const base = { reason: null, at: at(30) };
          await store.changePackageState(id, {
            ...base,
            from: 'accepted',
            to: 'sending',
            event: 'send-started',
          });
          await store.changePackageState(id, {
            ...base,
            from: 'sending',
            to: 'retrying',
            event: 'send-failed-temporarily',
            nextAttemptAt,
          });
        };
        await toRetrying(retryDue, now);
        await toRetrying(retryLater, at(101));
        await store.changePackageState(sending, {
          from: 'accepted',
          to: 'sending',
          event: 'send-started',
          reason: null,
          at: at(30),
        });

        const due = (await store.listDueForTransmission(now, 10)).map((p) => p.packageId);
        expect(due).toEqual([retryDue, soonOlder, soonNewer, late, unknownShipBy]);
        expect((await store.listDueForTransmission(now, 2)).map((p) => p.packageId)).toEqual([
          retryDue,
          soonOlder,
        ]);
        expect((await store.listDueForTransmission(at(101), 10)).map((p) => p.packageId)).toContain(
          retryLater,
        );
      });
    });

    describe('attempts, sync cursors, SKU categories, events', () => {
      it('records attempts and lists them in order', async () => {
        await store.upsertOrders([order(1)], at(10));
        const { packageId } = await store.insertPackage(newPackage(order(1).orderId), at(11));
        const attempt = {
          packageId,
          channel: 'confirm-shipment' as const,
          startedAt: at(12),
          finishedAt: at(13),
          outcome: 'temporary-failure' as const,
          httpStatus: 503,
          errorCode: 'ServiceUnavailable',
          errorMessage: 'try later',
          amazonRequestId: 'req-1',
        };
        const second = {
          ...attempt,
          attemptNo: 2,
          outcome: 'accepted' as const,
          httpStatus: 204,
          errorCode: null,
          errorMessage: null,
        };
        await store.recordAttempt(second);
        await store.recordAttempt({ ...attempt, attemptNo: 1 });
        expect(await store.listAttempts(packageId)).toEqual([{ ...attempt, attemptNo: 1 }, second]);
        expect(await store.listAttempts('pkg_other')).toEqual([]);
      });

      it('keeps one sync cursor per seller and marketplace, and logs each', async () => {
        expect(await store.getSyncCursor('SELLER1', UK)).toBeUndefined();
        await store.setSyncCursor('SELLER1', UK, at(10), at(11));
        await store.setSyncCursor('SELLER1', UK, at(20), at(21));
        await store.setSyncCursor('SELLER1', DE, at(5), at(21));
        expect(await store.getSyncCursor('SELLER1', UK)).toBe(at(20));
        expect(await store.getSyncCursor('SELLER1', DE)).toBe(at(5));
        const events = await store.listEvents({ entityId: `SELLER1/${UK}` });
        expect(events.map((e) => [e.type, e.data?.lastUpdatedBefore])).toEqual([
          ['sync.completed', at(10)],
          ['sync.completed', at(20)],
        ]);
      });

      it('keeps the latest category of each SKU per seller', async () => {
        await store.upsertSeller(seller({ sellerId: 'SELLER2' }), at());
        await store.setSkuCategory('SELLER1', 'SKU-1', 'Toys', at(1));
        await store.setSkuCategory('SELLER1', 'SKU-1', 'Grocery', at(2));
        await store.setSkuCategory('SELLER1', 'SKU-2', 'Books', at(2));
        await store.setSkuCategory('SELLER2', 'SKU-1', 'Toys', at(2));
        expect(await store.listSkuCategories('SELLER1')).toEqual(
          new Map([
            ['SKU-1', 'Grocery'],
            ['SKU-2', 'Books'],
          ]),
        );
        expect(await store.listSkuCategories('NOBODY')).toEqual(new Map());
      });

      it('appends events with increasing seq and filters them; a limit keeps the latest', async () => {
        await store.upsertSeller(seller({ sellerId: 'SELLER2' }), at());
        const base = { entityType: 'order' as const, fromState: null, toState: null, reason: null };
        for (let i = 1; i <= 4; i++) {
          await store.appendEvent({
            ...base,
            at: at(i),
            sellerId: i % 2 === 0 ? 'SELLER2' : 'SELLER1',
            entityId: `E${i}`,
            type: 'test.note',
            data: { i, nested: { list: [1, 'two'] } },
          });
        }
        const notes = (await store.listEvents({})).filter((e) => e.type === 'test.note');
        expect(notes.map((e) => e.entityId)).toEqual(['E1', 'E2', 'E3', 'E4']);
        expect(notes.map((e) => e.seq)).toEqual([...notes.map((e) => e.seq)].sort((a, b) => a - b));
        expect(notes[0]).toMatchObject({ at: at(1), data: { i: 1, nested: { list: [1, 'two'] } } });
        expect((await store.listEvents({ entityId: 'E3' })).map((e) => e.entityId)).toEqual(['E3']);
        const seller2 = await store.listEvents({ sellerId: 'SELLER2' });
        expect(seller2.map((e) => e.entityId)).toEqual(['SELLER2', 'E2', 'E4']);
        expect((await store.listEvents({ limit: 2 })).map((e) => e.entityId)).toEqual(['E3', 'E4']);
      });
    });
  });
}
