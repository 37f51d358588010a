/**
 * Turns Amazon's refusal of a confirmation into advice a person can act on. Amazon's own words are
 * kept alongside; this adds what to do.
 */
export function adviceForAmazonRefusal(code: string, message: string): string {
  const m = message.toLowerCase();
  const said = `Amazon said: ${code}${message ? ` - ${message}` : ''}.`;
  if (m.includes('carrier')) {
    return `${said} Check the carrier: it must be one of Amazon's carrier codes exactly (see \`shipconfirm carriers\`), or Other with the carrier's name.`;
  }
  if (m.includes('shipdate') || m.includes('ship date')) {
    return `${said} Check the ship date: it must be in UTC, not in the future and not before the order was placed.`;
  }
  if (m.includes('parcel') || m.includes('tracking')) {
    return `${said} Check the tracking ID against the label; for Royal Mail 24/48 use the parcel ID printed above the 2D barcode.`;
  }
  if (m.includes('quantity') || m.includes('item')) {
    return `${said} Check the items and quantities: they must belong to the order and not exceed what is still unshipped.`;
  }
  if (m.includes('cancel')) {
    return `${said} The order was cancelled; do not ship it, or contact the buyer.`;
  }
  if (code === 'NotFound' || m.includes('not found')) {
    return `${said} Amazon does not know this order for this seller: check the order id and the seller account.`;
  }
  return `${said} Correct the package and send it again.`;
}
