/**
 * Whether a carrier would recognise a tracking number, i.e. whether it can ever be scanned. Only
 * UK carriers have specific rules here; other carriers accept any 6-40 letters and digits.
 */
export function isRecognisedTrackingNumber(carrier: string, trackingNumber: string): boolean {
  const n = trackingNumber.toUpperCase();
  if (!/^[A-Z0-9]{6,40}$/.test(n)) return false;
  switch (carrier.toLowerCase()) {
    case 'royal mail':
      return isS10(n) || (/^[A-Z0-9]{13,21}$/.test(n) && !/^[A-Z]{2}\d{9}[A-Z]{2}$/.test(n));
    case 'parcelforce':
      return /^[A-Z]{2}\d{7}$/.test(n) || /^[A-Z]{4}\d{10}$/.test(n) || /^\d{12}$/.test(n) || isS10(n);
    case 'dpd':
    case 'dpd local':
      return /^[01]\d{13}[A-Z0-9]?$/.test(n);
    case 'hermes uk':
    case 'evri':
      return /^\d{16}$/.test(n) || /^H[A-Z0-9]{15}$/.test(n);
    case 'yodel':
      return /^J?JD\d{16}$/.test(n);
    case 'dhl':
      return /^\d{10}$/.test(n) && Number(n.slice(0, 9)) % 7 === Number(n[9]);
    case 'ups':
      return /^1Z[A-Z0-9]{16}$/.test(n);
    case 'fedex':
      return /^(\d{12}|\d{15}|\d{20})$/.test(n);
    default:
      return true;
  }
}

/** Royal Mail S10 (UPU) barcode with its mod-11 check digit. */
export function isS10(value: string): boolean {
  const match = /^[A-Z]{2}(\d{8})(\d)GB$/.exec(value);
  if (match === null) return false;
  const digits = match[1] ?? '';
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  const sum = [...digits].reduce((s, d, i) => s + Number(d) * (weights[i] ?? 0), 0);
  let check = 11 - (sum % 11);
  if (check === 10) check = 0;
  if (check === 11) check = 5;
  return check === Number(match[2]);
}
