// The vendor clients in force, behind one small holder: code that sells, delivers or manages
// meters asks the holder at each call, so a change saved in Settings > Vendors applies from the
// next request without a restart. Clients are built once per configuration, not per call.
import type { VendorConfig } from '../vendors/config';
import { createAcrelClient, type AcrelClient } from '../vendors/acrel/client';
import { createHeadOfficeClient, type HeadOfficeClient } from '../vendors/head-office/client';
import { createStsVendorClient, type StsVendorClient } from '../vendors/sts/client';

export interface VendorClients {
  sts: StsVendorClient | null;
  acrel: AcrelClient | null;
  headOffice: HeadOfficeClient | null;
}

export interface VendorHolder {
  current(): VendorClients;
  /** Builds new clients for this configuration; requests already under way finish on the old ones. */
  replace(cfg: VendorConfig): void;
}

export function buildVendorClients(cfg: VendorConfig): VendorClients {
  return {
    sts: cfg.sts ? createStsVendorClient(cfg.sts) : null,
    acrel: cfg.acrel ? createAcrelClient(cfg.acrel) : null,
    headOffice: cfg.headOffice ? createHeadOfficeClient(cfg.headOffice) : null,
  };
}

export function createVendorHolder(cfg: VendorConfig): VendorHolder {
  let clients = buildVendorClients(cfg);
  return {
    current: () => clients,
    replace(next) {
      clients = buildVendorClients(next);
    },
  };
}

/** A fixed configuration (tests, tools): a holder that never changes. */
export const holderOf = (h: VendorHolder | VendorConfig): VendorHolder => ('current' in h ? (h as VendorHolder) : createVendorHolder(h as VendorConfig));
