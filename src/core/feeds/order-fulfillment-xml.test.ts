import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildOrderFulfillmentDocuments, type FeedPackage } from './order-fulfillment-xml.js';

const SELLER = 'A2SIMSELLERUK1';

function pkg(overrides: Partial<FeedPackage> = {}): FeedPackage {
  return {
    packageId: 'p1',
    orderId: '203-1234567-1234567',
    carrierCode: 'Royal Mail',
    carrierName: null,
    shippingService: 'Tracked 48',
    trackingId: 'TT123456785GB',
    shipDate: '2026-03-02T11:59:00.000Z',
    items: [{ orderItemId: '12345678901234', quantity: 1 }],
    ...overrides,
  };
}

const parser = new XMLParser({ parseTagValue: false, isArray: (n) => n === 'Message' || n === 'Item' });
type Msg = {
  MessageID: string;
  OperationType: string;
  OrderFulfillment: {
    AmazonOrderID: string;
    MerchantFulfillmentID?: string;
    FulfillmentDate: string;
    FulfillmentData: Record<string, string>;
    Item: Array<{ AmazonOrderItemCode: string; Quantity: string }>;
  };
};
function messages(xml: string): Msg[] {
  const doc = parser.parse(xml) as { AmazonEnvelope: { Message: Msg[] } };
  return doc.AmazonEnvelope.Message;
}

describe('buildOrderFulfillmentDocuments', () => {
  it('writes the header and one Update message per package, numbered from 1, mapped to its package', () => {
    const [doc, more] = buildOrderFulfillmentDocuments(SELLER, [
      pkg(),
      pkg({ packageId: 'p2', orderId: '203-7654321-7654321' }),
    ]);
    expect(more).toBeUndefined();
    const parsed = parser.parse(doc!.xml) as {
      AmazonEnvelope: { Header: Record<string, string>; MessageType: string };
    };
    expect(parsed.AmazonEnvelope.Header).toEqual({ DocumentVersion: '1.01', MerchantIdentifier: SELLER });
    expect(parsed.AmazonEnvelope.MessageType).toBe('OrderFulfillment');
    const ms = messages(doc!.xml);
    expect(ms.map((m) => [m.MessageID, m.OperationType, m.OrderFulfillment.AmazonOrderID])).toEqual([
      ['1', 'Update', '203-1234567-1234567'],
      ['2', 'Update', '203-7654321-7654321'],
    ]);
    expect([...doc!.messageIds]).toEqual([
      [1, 'p1'],
      [2, 'p2'],
    ]);
    expect(ms[0]!.OrderFulfillment.MerchantFulfillmentID).toBeUndefined();
    expect(ms[0]!.OrderFulfillment.FulfillmentData).toEqual({
      CarrierCode: 'Royal Mail',
      ShippingMethod: 'Tracked 48',
      ShipperTrackingNumber: 'TT123456785GB',
    });
  });

  it('writes the fulfilment date in UTC with Z whatever zone it was stored in', () => {
    const [doc] = buildOrderFulfillmentDocuments(SELLER, [pkg({ shipDate: '2026-03-02T13:30:00+01:00' })]);
    expect(messages(doc!.xml)[0]!.OrderFulfillment.FulfillmentDate).toBe('2026-03-02T12:30:00.000Z');
  });

  it('escapes markup in every text and drops characters XML cannot carry', () => {
    const [doc] = buildOrderFulfillmentDocuments(SELLER, [
      pkg({
        carrierCode: 'Other',
        carrierName: 'Smith & Sons <Couriers> "Ltd"',
        shippingService: "Next day's\u0007 <b>",
      }),
    ]);
    expect(doc!.xml).toContain(
      '<CarrierName>Smith &amp; Sons &lt;Couriers&gt; &quot;Ltd&quot;</CarrierName>',
    );
    expect(doc!.xml).not.toContain('\u0007');
    expect(messages(doc!.xml)[0]!.OrderFulfillment.FulfillmentData.ShippingMethod).toBe("Next day's <b>");
  });

  it('names an Other carrier by CarrierName alone, never with CarrierCode', () => {
    const [doc] = buildOrderFulfillmentDocuments(SELLER, [
      pkg({ carrierCode: 'Other', carrierName: 'Speedy Vans', trackingId: 'SV123456' }),
    ]);
    expect(messages(doc!.xml)[0]!.OrderFulfillment.FulfillmentData).toEqual({
      CarrierName: 'Speedy Vans',
      ShippingMethod: 'Tracked 48',
      ShipperTrackingNumber: 'SV123456',
    });
  });

  it('leaves out ShipperTrackingNumber for an untracked package', () => {
    const [doc] = buildOrderFulfillmentDocuments(SELLER, [
      pkg({ shippingService: 'Stamped Letter', trackingId: null }),
    ]);
    expect(doc!.xml).not.toContain('ShipperTrackingNumber');
    expect(messages(doc!.xml)[0]!.OrderFulfillment.FulfillmentData).toEqual({
      CarrierCode: 'Royal Mail',
      ShippingMethod: 'Stamped Letter',
    });
  });

  it('lists every item with its quantity', () => {
    const [doc] = buildOrderFulfillmentDocuments(SELLER, [
      pkg({
        items: [
          { orderItemId: '11111111111111', quantity: 2 },
          { orderItemId: '22222222222222', quantity: 1 },
        ],
      }),
    ]);
    expect(messages(doc!.xml)[0]!.OrderFulfillment.Item).toEqual([
      { AmazonOrderItemCode: '11111111111111', Quantity: '2' },
      { AmazonOrderItemCode: '22222222222222', Quantity: '1' },
    ]);
  });

  it('splits by message count, numbering each document from 1', () => {
    const pkgs = Array.from({ length: 5 }, (_, i) => pkg({ packageId: `p${i + 1}` }));
    const docs = buildOrderFulfillmentDocuments(SELLER, pkgs, { maxMessages: 2 });
    expect(docs.map((d) => [...d.messageIds])).toEqual([
      [
        [1, 'p1'],
        [2, 'p2'],
      ],
      [
        [1, 'p3'],
        [2, 'p4'],
      ],
      [[1, 'p5']],
    ]);
    expect(docs.map((d) => messages(d.xml).map((m) => m.MessageID))).toEqual([['1', '2'], ['1', '2'], ['1']]);
  });

  it('splits by size so that no document passes the byte limit, and keeps every package', () => {
    const pkgs = Array.from({ length: 40 }, (_, i) =>
      pkg({ packageId: `p${i + 1}`, carrierCode: 'Other', carrierName: `Courier ü ${'x'.repeat(i)}` }),
    );
    const one = buildOrderFulfillmentDocuments(SELLER, pkgs);
    expect(one).toHaveLength(1);
    const limit = Math.floor(Buffer.byteLength(one[0]!.xml) / 3);
    const docs = buildOrderFulfillmentDocuments(SELLER, pkgs, { maxBytes: limit });
    expect(docs.length).toBeGreaterThanOrEqual(3);
    for (const d of docs) expect(Buffer.byteLength(d.xml, 'utf8')).toBeLessThanOrEqual(limit);
    expect(docs.flatMap((d) => [...d.messageIds.values()])).toEqual(pkgs.map((p) => p.packageId));
  });

  it('refuses a package that alone is over the size limit', () => {
    expect(() => buildOrderFulfillmentDocuments(SELLER, [pkg()], { maxBytes: 200 })).toThrow(
      /over the limit/,
    );
  });

  it('builds no document from no packages', () => {
    expect(buildOrderFulfillmentDocuments(SELLER, [])).toEqual([]);
  });
});

// Amazon's reduced reference schema lives outside the project (../shared): a user's checkout has
// none, so the test says why it is skipped instead of failing.
const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const XSD = resolve(root, '../shared/amazon/envelope-order-fulfillment.xsd');
const xmllint = (() => {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const why = !existsSync(XSD) ? `no reference schema at ${XSD}` : !xmllint ? 'xmllint is not installed' : '';
if (why) console.warn(`Skipping XSD validation of the order-fulfilment feed: ${why}.`);

describe.skipIf(why !== '')("the feed validates against Amazon's reference XSD", () => {
  it('a mixed document (tracked, untracked, Other, multi-item, escaped text) is valid', () => {
    const [doc] = buildOrderFulfillmentDocuments(SELLER, [
      pkg(),
      pkg({ packageId: 'p2', shippingService: 'Stamped Letter', trackingId: null }),
      pkg({ packageId: 'p3', carrierCode: 'Other', carrierName: 'Smith & Sons <Couriers>' }),
      pkg({
        packageId: 'p4',
        carrierCode: 'DPD',
        shippingService: 'Next Day',
        trackingId: '15501234567890',
        items: [
          { orderItemId: '11111111111111', quantity: 2 },
          { orderItemId: '22222222222222', quantity: 3 },
        ],
      }),
    ]);
    const file = join(mkdtempSync(join(tmpdir(), 'shipconfirm-feed-')), 'feed.xml');
    writeFileSync(file, doc!.xml);
    const run = () =>
      execFileSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8', stdio: 'pipe' });
    expect(run).not.toThrow();
  });

  it('the schema check is real: a CarrierCode not on the list fails it', () => {
    const [doc] = buildOrderFulfillmentDocuments(SELLER, [pkg({ carrierCode: 'Not A Carrier' })]);
    const file = join(mkdtempSync(join(tmpdir(), 'shipconfirm-feed-')), 'feed.xml');
    writeFileSync(file, doc!.xml);
    expect(() => execFileSync('xmllint', ['--noout', '--schema', XSD, file], { stdio: 'pipe' })).toThrow();
  });
});
