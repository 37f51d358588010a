/**
 * Escapes text for an XML element or attribute value. Characters XML 1.0 cannot carry at all
 * (C0 controls other than tab, newline and carriage return; lone surrogates) are dropped, because
 * one of them would make Amazon refuse the whole feed document rather than one message.
 */
export function escapeXml(value: string): string {
  return xmlCharactersOnly(value)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

function xmlCharactersOnly(value: string): string {
  let out = '';
  // Iterating a string yields code points: a well-formed pair stays together, a lone half does not.
  for (const ch of value) {
    const c = ch.codePointAt(0)!;
    const allowed =
      c === 0x9 ||
      c === 0xa ||
      c === 0xd ||
      (c >= 0x20 && c <= 0xd7ff) ||
      (c >= 0xe000 && c <= 0xfffd) ||
      (c >= 0x10000 && c <= 0x10ffff);
    if (allowed) out += ch;
  }
  return out;
}
