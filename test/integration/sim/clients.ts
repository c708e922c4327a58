// Builds the real clients from the env the simulators hand out, the way the app does, with a short
// backoff so retry tests stay quick. Overrides let a test break one setting (timeout, secret...).
import { randomUUID } from 'node:crypto';
import { vendorConfigFromEnv, type VendorEndpointConfig } from '../../../main/vendors/config';
import { createAcrelClient } from '../../../main/vendors/acrel/client';
import { createHeadOfficeClient } from '../../../main/vendors/head-office/client';
import { createStsVendorClient } from '../../../main/vendors/sts/client';
import type { Simulators } from '../../sim';

type Overrides = Partial<VendorEndpointConfig>;
const fast = { retryBaseDelayMs: 5 };

function section(sim: Simulators, pick: 'sts' | 'acrel' | 'headOffice', o: Overrides): VendorEndpointConfig {
  const cfg = vendorConfigFromEnv(sim.env)[pick];
  if (!cfg) throw new Error(`simulator env has no ${pick} section`);
  return { ...cfg, retryAttempts: 0, timeoutMs: 5_000, ...o };
}

export const stsClient = (sim: Simulators, o: Overrides = {}) => createStsVendorClient(section(sim, 'sts', o), fast);
export const acrelClient = (sim: Simulators, o: Overrides = {}) => createAcrelClient(section(sim, 'acrel', o), fast);
export const headOfficeClient = (sim: Simulators, o: Overrides = {}) => createHeadOfficeClient(section(sim, 'headOffice', o), fast);

/** A fresh idempotency key, as the sale's UUID would be. */
export const newKey = (): string => randomUUID();
