import type { CarrierService } from './registry.js';

/** Shorthands for the built-in carrier tables. */
export const tracked = (name: string, ...aliases: string[]): CarrierService => ({
  name,
  aliases,
  tracked: true,
  needsParcelId: false,
});
export const untracked = (name: string, ...aliases: string[]): CarrierService => ({
  name,
  aliases,
  tracked: false,
  needsParcelId: false,
});
export const parcelId = (name: string, ...aliases: string[]): CarrierService => ({
  name,
  aliases,
  tracked: true,
  needsParcelId: true,
});

export const in_ = (...codes: string[]): Record<string, boolean> =>
  Object.fromEntries(codes.map((c) => [c, true]));
