// The TID of a token a vending server made without saying it (an XMLVend answer carries the
// token only): a credit token of a sale, or an engineering token for a technician. The meter refuses a TID it has seen, so a token made later on this counter must
// know the server's TIDs: when the counter holds the vending key of the meter's supply group (it
// does wherever it may vend offline), the token is decrypted with the meter's decoder key and its
// TID read. Without that key, or for a token under key data the counter does not know (a key change
// the server made), null: nothing is recorded, and the counter's own tokens for that meter are
// then made by the server's rules only (mustStayLocal keeps them ahead of the clock).
import type { ReadDb } from '../../db/open';
import { findMeter } from '../../db/repos/meters';
import type { VendingKeyStore } from '../keys';
import { decodeToken, deriveDecoderKey, meterPan } from '../sts';

/** atLeastTenths: for a credit token, the energy it must carry; absent for an engineering token. */
export function vendorTokenTid(db: ReadDb, keys: Pick<VendingKeyStore, 'use'>, meterNumber: string, token: string, atLeastTenths?: number): number | null {
  const meter = findMeter(db, meterNumber);
  const k = meter?.sts;
  if (!meter || !k) return null;
  try {
    return keys.use({ sgc: k.sgc, krn: k.krn }, (vendingKey) => {
      const dk = deriveDecoderKey({ dkga: k.dkga, vendingKey, keyType: k.keyType, sgc: k.sgc, ti: k.ti, krn: k.krn, pan: meterPan(meter.number), baseDate: k.baseDate, ea: k.ea });
      const d = decodeToken(dk, token, k.ea);
      // A wrong key decrypts to noise: only a good CRC is believed, and for a credit token one
      // carrying at least the energy sold (an STS amount may round up to a value a token can hold).
      const energyOk = atLeastTenths === undefined || (d.amountTenths ?? -1) >= atLeastTenths;
      return d.crcOk && d.tid !== undefined && energyOk ? d.tid : null;
    });
  } catch {
    return null; // no usable key for that supply group on this counter
  }
}
