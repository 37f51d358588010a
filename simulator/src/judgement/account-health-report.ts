import type { SimWorld } from '../world/world.js';
import { sellerMetrics, type WindowedRate } from './seller-metrics.js';

/** Amazon's report dates look like `2020-10-11T00:00Z`. */
const reportDate = (iso: string): string => `${iso.slice(0, 16)}Z`;

function range(rate: WindowedRate): { reportingDateFrom: string; reportingDateTo: string } {
  return { reportingDateFrom: reportDate(rate.from), reportingDateTo: reportDate(rate.to) };
}

function status(
  rate: number | null,
  target: number,
  condition: 'GREATER_THAN' | 'LESS_THAN',
): 'GOOD' | 'BAD' | 'NONE' {
  if (rate === null) return 'NONE';
  return (condition === 'GREATER_THAN' ? rate >= target : rate < target) ? 'GOOD' : 'BAD';
}

function zeroViolation(window: WindowedRate): Record<string, unknown> {
  return {
    reportingDateRange: range(window),
    defectsCount: 0,
    status: 'GOOD',
    targetValue: 0,
    targetCondition: 'EQUALS',
  };
}

/**
 * The seller's account-health report (schema accountHealthReport-2020-11-18) for each of its
 * marketplaces. Only VTR, late shipment and pre-fulfilment cancellation come from the simulated world;
 * the other metrics are reported as zero defects.
 */
export function accountHealthReport(
  world: SimWorld,
  sellerId: string,
  marketplaceIds: string[],
): Record<string, unknown> {
  const performanceMetrics = marketplaceIds.map((marketplaceId) => {
    const m = sellerMetrics(world, sellerId, marketplaceId);
    const vtr = m.validTrackingRate;
    const lsr = m.lateShipmentRate.days30;
    const cancel = m.preFulfillmentCancellationRate;
    const vtrStatus = status(vtr.rate, 0.95, 'GREATER_THAN');
    const lsrStatus = status(lsr.rate, 0.04, 'LESS_THAN');
    const cancelStatus = status(cancel.rate, 0.025, 'LESS_THAN');
    const odr = (fulfillmentType: string) => ({
      reportingDateRange: range(lsr),
      orderCount: fulfillmentType === 'mfn' ? lsr.count : 0,
      orderWithDefects: { count: 0, status: 'GOOD' },
      claims: { count: 0, status: 'NONE' },
      chargebacks: { count: 0, status: 'NONE' },
      negativeFeedback: { count: 0, status: 'NONE' },
      fulfillmentType,
      status: 'GOOD',
      rate: 0,
      targetValue: 0.01,
      targetCondition: 'LESS_THAN',
    });
    return {
      marketplaceId,
      invoiceDefectRate: {
        reportingDateRange: range(lsr),
        orderCount: lsr.count,
        invoiceDefect: { count: 0, status: 'NONE' },
        missingInvoice: { count: 0, status: 'NONE' },
        lateInvoice: { count: 0, status: 'NONE' },
        status: 'NONE',
        rate: 0,
        targetValue: 0.05,
        targetCondition: 'LESS_THAN',
      },
      lateShipmentRate: {
        reportingDateRange: range(lsr),
        orderCount: lsr.count,
        lateShipmentCount: lsr.hits,
        status: lsrStatus,
        rate: lsr.rate ?? 0,
        targetValue: 0.04,
        targetCondition: 'LESS_THAN',
      },
      orderDefectRate: { mfn: odr('mfn'), afn: odr('afn') },
      onTimeDeliveryRate: {
        reportingDateRange: range(vtr),
        shipmentCountWithValidTracking: vtr.hits,
        onTimeDeliveryCount: vtr.hits,
        status: 'NONE',
        rate: 0,
        targetValue: 0.97,
        targetCondition: 'GREATER_THAN',
      },
      unitOnTimeDeliveryRate: {
        reportingDateRange: range(vtr),
        status: 'NONE',
        targetValue: 0.97,
        targetCondition: 'GREATER_THAN',
        unitOnTimeDeliveryCount: 0,
        totalUnitCount: 0,
        rate: 0,
      },
      validTrackingRate: {
        reportingDateRange: range(vtr),
        shipmentCount: vtr.count,
        validTrackingCount: vtr.hits,
        status: vtrStatus,
        rate: vtr.rate ?? 0,
        targetValue: 0.95,
        targetCondition: 'GREATER_THAN',
      },
      preFulfillmentCancellationRate: {
        reportingDateRange: range(cancel),
        orderCount: cancel.count,
        cancellationCount: cancel.hits,
        status: cancelStatus,
        rate: cancel.rate ?? 0,
        targetValue: 0.025,
        targetCondition: 'LESS_THAN',
      },
      warningStates: [],
      accountHealthRating: {
        // The schema requires `ahrStatus` while naming the property accountHealthRatingStatus; send both.
        ahrStatus: [vtrStatus, lsrStatus, cancelStatus].includes('BAD') ? 'WARNED' : 'GREAT',
        accountHealthRatingStatus: [vtrStatus, lsrStatus, cancelStatus].includes('BAD') ? 'WARNED' : 'GREAT',
        reportingDateRange: range(lsr),
      },
      listingPolicyViolations: zeroViolation(vtr),
      productAuthenticityCustomerComplaints: zeroViolation(vtr),
      productConditionCustomerComplaints: zeroViolation(vtr),
      productSafetyCustomerComplaints: zeroViolation(vtr),
      receivedIntellectualPropertyComplaints: zeroViolation(vtr),
      restrictedProductPolicyViolations: zeroViolation(vtr),
      suspectedIntellectualPropertyViolations: zeroViolation(vtr),
      foodAndProductSafetyIssues: zeroViolation(vtr),
      otherPolicyViolations: zeroViolation(vtr),
      documentRequests: zeroViolation(vtr),
    };
  });
  const accountStatuses = performanceMetrics.map((p) => ({
    marketplaceId: p.marketplaceId,
    status:
      p.validTrackingRate.status === 'BAD' || p.lateShipmentRate.status === 'BAD' ? 'AT_RISK' : 'NORMAL',
  }));
  return { accountStatuses, performanceMetrics };
}
