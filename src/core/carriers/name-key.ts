/**
 * The key names are compared by: lower case, letters and digits only, accents dropped.
 * `Royal Mail`, `royalmail`, `ROYAL_MAIL` and `Royal-Mail` share the key `royalmail`.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]/g, '');
}
