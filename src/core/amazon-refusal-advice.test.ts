import { describe, expect, it } from 'vitest';
import { adviceForAmazonRefusal } from './amazon-refusal-advice.js';

describe('adviceForAmazonRefusal', () => {
  it.each([
    ['InvalidInput', 'carrierCode "royal mail" is not a valid carrier code', 'carrier codes exactly'],
    ['InvalidInput', 'shipDate must be in UTC', 'ship date'],
    ['InvalidInput', 'Royal Mail 24/48 needs the parcel ID', 'above the 2D barcode'],
    ['InvalidInput', 'quantity 3 exceeds unshipped quantity 1', 'not exceed what is still unshipped'],
    ['NotFound', 'Order not found', 'does not know this order'],
    ['InvalidInput', 'something new', 'Correct the package'],
  ])('%s / %s -> advice mentioning "%s", keeping Amazon\'s words', (code, message, advice) => {
    const text = adviceForAmazonRefusal(code, message);
    expect(text).toContain(advice);
    expect(text).toContain(message);
  });
});
