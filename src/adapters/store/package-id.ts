import { randomBytes } from 'node:crypto';

// RFC 4648 base32 in lower case: no 0/1/8/9, so ids read aloud or copied by hand stay unambiguous.
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const ID_CHARS = 12;

/** A fresh package id: `pkg_` and 12 random base32 characters (60 bits). */
export function newPackageId(): string {
  // 256 is a multiple of 32, so taking each byte modulo 32 keeps every character equally likely.
  const bytes = randomBytes(ID_CHARS);
  let id = 'pkg_';
  for (const byte of bytes) id += ALPHABET[byte % 32];
  return id;
}
