import { describe, expect, it } from 'vitest';
import { messageOutcomes, parseProcessingReport } from './processing-report.js';

function report(summary: string, results: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<AmazonEnvelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="amzn-envelope.xsd">
  <Header><DocumentVersion>1.02</DocumentVersion><MerchantIdentifier>A2SIMSELLERUK1</MerchantIdentifier></Header>
  <MessageType>ProcessingReport</MessageType>
  <Message>
    <MessageID>1</MessageID>
    <ProcessingReport>
      <DocumentTransactionID>50012345</DocumentTransactionID>
      <StatusCode>Complete</StatusCode>
      ${summary}
      ${results}
    </ProcessingReport>
  </Message>
</AmazonEnvelope>`;
}

const summary = (p: number, s: number, e: number, w: number) =>
  `<ProcessingSummary><MessagesProcessed>${p}</MessagesProcessed><MessagesSuccessful>${s}</MessagesSuccessful><MessagesWithError>${e}</MessagesWithError><MessagesWithWarning>${w}</MessagesWithWarning></ProcessingSummary>`;

const result = (
  id: number,
  code: 'Error' | 'Warning',
  messageCode: string,
  description: string,
  orderId?: string,
) =>
  `<Result><MessageID>${id}</MessageID><ResultCode>${code}</ResultCode><ResultMessageCode>${messageCode}</ResultMessageCode><ResultDescription>${description}</ResultDescription>${orderId ? `<AdditionalInfo><AmazonOrderID>${orderId}</AmazonOrderID></AdditionalInfo>` : ''}</Result>`;

describe('parseProcessingReport', () => {
  it('reads the summary and every result, keeping codes and order ids as text', () => {
    const r = parseProcessingReport(
      report(
        summary(3, 2, 1, 1),
        result(
          2,
          'Error',
          '90002',
          'Order 203-0000001-0000001 is cancelled &amp; cannot ship.',
          '203-0000001-0000001',
        ) +
          result(
            3,
            'Warning',
            '90010',
            'No ShipperTrackingNumber for carrier Royal Mail.',
            '203-0000002-0000002',
          ),
      ),
    );
    expect(r.summary).toEqual({ processed: 3, successful: 2, withError: 1, withWarning: 1 });
    expect(r.documentErrors).toEqual([]);
    expect(r.results).toEqual([
      {
        messageId: 2,
        resultCode: 'Error',
        code: '90002',
        description: 'Order 203-0000001-0000001 is cancelled & cannot ship.',
        amazonOrderId: '203-0000001-0000001',
      },
      {
        messageId: 3,
        resultCode: 'Warning',
        code: '90010',
        description: 'No ShipperTrackingNumber for carrier Royal Mail.',
        amazonOrderId: '203-0000002-0000002',
      },
    ]);
  });

  it('tolerates a report without Result elements (every message succeeded)', () => {
    const r = parseProcessingReport(report(summary(2, 2, 0, 0), ''));
    expect(r.results).toEqual([]);
    expect([...messageOutcomes(r, [1, 2]).values()]).toEqual([
      { kind: 'accepted', warnings: [] },
      { kind: 'accepted', warnings: [] },
    ]);
  });

  it('tolerates a report without a summary', () => {
    expect(parseProcessingReport(report('', '')).summary).toBeNull();
  });

  it('sets apart errors about the whole document (MessageID 0)', () => {
    const r = parseProcessingReport(
      report(summary(0, 0, 0, 0), result(0, 'Error', '90009', 'The XML is not well-formed.')),
    );
    expect(r.results).toEqual([]);
    expect(r.documentErrors.map((e) => e.code)).toEqual(['90009']);
  });

  it('refuses a document that is not a processing report rather than guess', () => {
    expect(() =>
      parseProcessingReport('<AmazonEnvelope><MessageType>OrderFulfillment</MessageType></AmazonEnvelope>'),
    ).toThrow(/no ProcessingReport/);
    expect(() => parseProcessingReport('<ProcessingReport><Result>')).toThrow(/not well-formed/);
  });
});

describe('messageOutcomes', () => {
  const r = parseProcessingReport(
    report(
      summary(4, 2, 2, 2),
      result(1, 'Warning', '90010', 'No tracking number.') +
        result(2, 'Error', '90001', 'Order not found.') +
        result(3, 'Error', '90002', 'Quantity is above what is unshipped.') +
        result(3, 'Error', '90003', 'FulfillmentDate is missing.') +
        result(3, 'Warning', '90010', 'No tracking number.'),
    ),
  );
  const outcomes = messageOutcomes(r, [1, 2, 3, 4]);

  it('accepts a message with only warnings, keeping them', () => {
    expect(outcomes.get(1)).toMatchObject({ kind: 'accepted', warnings: [{ code: '90010' }] });
  });

  it("refuses a message with an error, with Amazon's first code and every description", () => {
    expect(outcomes.get(2)).toMatchObject({
      kind: 'refused',
      code: '90001',
      description: 'Order not found.',
    });
    expect(outcomes.get(3)).toMatchObject({
      kind: 'refused',
      code: '90002',
      description: 'Quantity is above what is unshipped. FulfillmentDate is missing.',
      warnings: [{ code: '90010' }],
    });
  });

  it('accepts a message the report does not mention', () => {
    expect(outcomes.get(4)).toEqual({ kind: 'accepted', warnings: [] });
  });
});
