import amazon from './data/amazon.json' with { type: 'json' };
import canadapost from './data/canadapost.json' with { type: 'json' };
import canpar from './data/canpar.json' with { type: 'json' };
import dhl from './data/dhl.json' with { type: 'json' };
import dpd from './data/dpd.json' with { type: 'json' };
import fedex from './data/fedex.json' with { type: 'json' };
import gofo from './data/gofo.json' with { type: 'json' };
import landmark from './data/landmark.json' with { type: 'json' };
import lasership from './data/lasership.json' with { type: 'json' };
import oldDominion from './data/old_dominion.json' with { type: 'json' };
import ontrac from './data/ontrac.json' with { type: 'json' };
import purolator from './data/purolator.json' with { type: 'json' };
import s10 from './data/s10.json' with { type: 'json' };
import shipconfirmUkEu from './data/shipconfirm-uk-eu.json' with { type: 'json' };
import speedee from './data/speedee.json' with { type: 'json' };
import ups from './data/ups.json' with { type: 'json' };
import usps from './data/usps.json' with { type: 'json' };
import yodel from './data/yodel.json' with { type: 'json' };
import yunexpress from './data/yunexpress.json' with { type: 'json' };
import { compileFormat, type TrackingDataFile, type TrackingFormat } from './format.js';

export { TRACKING_DATA_LICENSE } from './data-license.js';

// JSON imports keep the data inside core without file reads at run time; tsc copies the files
// into dist because they are imported.
/** The upstream MIT data files (tracking_number_data), unchanged. */
export const UPSTREAM_DATA_FILES: readonly TrackingDataFile[] = [
  amazon,
  canadapost,
  canpar,
  dhl,
  dpd,
  fedex,
  gofo,
  landmark,
  lasership,
  oldDominion,
  ontrac,
  purolator,
  s10,
  speedee,
  ups,
  usps,
  yodel,
  yunexpress,
] as unknown as TrackingDataFile[];

/** ShipConfirm's own UK and EU formats, in the same shape. */
export const SHIPCONFIRM_DATA_FILES: readonly TrackingDataFile[] = [
  shipconfirmUkEu,
] as unknown as TrackingDataFile[];

/** Compiles data files into formats; throws on a duplicate id (a data error). */
export function compileFormats(files: readonly TrackingDataFile[]): ReadonlyMap<string, TrackingFormat> {
  const byId = new Map<string, TrackingFormat>();
  for (const file of files) {
    for (const spec of file.tracking_numbers) {
      const format = compileFormat(file, spec);
      if (byId.has(format.id)) throw new Error(`tracking format id "${format.id}" is defined twice`);
      byId.set(format.id, format);
    }
  }
  return byId;
}

/** Every known format by id: upstream first, then ours. */
export const TRACKING_FORMATS: ReadonlyMap<string, TrackingFormat> = compileFormats([
  ...UPSTREAM_DATA_FILES,
  ...SHIPCONFIRM_DATA_FILES,
]);
