// The vendor clients in force, behind one small holder: code that sells, delivers or manages
// meters asks the holder at each call, so a change saved in Settings > Vendors applies from the
// next request without a restart. Clients are built once per configuration, not per call.
// With an attempt ledger (createApp always passes one), every keyed request records the endpoint
// it went to, and `at(endpointId)` gives clients for an endpoint recorded earlier, so a lookup
// about a key goes where the key went, even after the settings changed.
import type { VendorConfig, VendorEndpointConfig } from './config';
import type { AttemptLedger, LedgerVendor } from './attempt-ledger';
import { createAcrelClient, type AcrelClient } from './acrel/client';
import { createHeadOfficeClient, type HeadOfficeClient } from './head-office/client';
import { createStsVendorClient, type StsVendorClient } from './sts/client';
import type { VendorHttpOptions } from './http';
import { createXmlVendStsClient, type XmlVendClientDeps } from './xmlvend/sts-client';
import { xmlVendSettingsOf } from './xmlvend/endpoint';

export interface VendorClients {
  sts: StsVendorClient | null;
  acrel: AcrelClient | null;
  headOffice: HeadOfficeClient | null;
}

export interface VendorHolder {
  current(): VendorClients;
  /** Builds new clients for this configuration; requests already under way finish on the old ones. */
  replace(cfg: VendorConfig): void;
  /** Clients of a recorded endpoint (null: no ledger, or its credentials cannot be opened). */
  at(endpointId: number): Partial<VendorClients> | null;
  ledger: AttemptLedger | null;
  /** What XMLVend clients are built with (a one-off client for "test connection" needs it too). */
  xmlvendHost: XmlVendHost | null;
}

/** What an XMLVend client needs of the counter: where msgIDs are kept, the clock, zone and currency. */
export type XmlVendHost = XmlVendClientDeps;

/** How this counter introduces itself to the head office: `Shahn-POS/<version>`, recorded there. */
export type HeadOfficeUserAgent = string | undefined;

function clientOf(vendor: LedgerVendor, cfg: VendorEndpointConfig, ledger: AttemptLedger | null, xmlvend: XmlVendHost | null, userAgent?: HeadOfficeUserAgent): Partial<VendorClients> {
  const opts: VendorHttpOptions = ledger ? { attempts: ledger.recorderFor(ledger.endpointId(vendor, cfg)) } : {};
  if (vendor === 'sts' && cfg.xmlvend) {
    if (!xmlvend) throw new Error('an XMLVend STS vendor needs the counter\'s database for its msgIDs');
    return { sts: createXmlVendStsClient(xmlVendSettingsOf({ ...cfg, xmlvend: cfg.xmlvend }), xmlvend, { ...opts, retryAttempts: cfg.retryAttempts }) };
  }
  if (vendor === 'sts') return { sts: createStsVendorClient(cfg, opts) };
  if (vendor === 'acrel') return { acrel: createAcrelClient(cfg, opts) };
  return { headOffice: createHeadOfficeClient(cfg, userAgent ? { ...opts, userAgent } : opts) };
}

export function buildVendorClients(cfg: VendorConfig, ledger: AttemptLedger | null = null, xmlvend: XmlVendHost | null = null, userAgent?: HeadOfficeUserAgent): VendorClients {
  return {
    sts: cfg.sts ? clientOf('sts', cfg.sts, ledger, xmlvend).sts! : null,
    acrel: cfg.acrel ? clientOf('acrel', cfg.acrel, ledger, xmlvend).acrel! : null,
    headOffice: cfg.headOffice ? clientOf('headOffice', cfg.headOffice, ledger, xmlvend, userAgent).headOffice! : null,
  };
}

const DEFAULT_TUNING = { timeoutMs: 30_000, retryAttempts: 3 };

export function createVendorHolder(cfg: VendorConfig, ledger: AttemptLedger | null = null, xmlvend: XmlVendHost | null = null, userAgent?: HeadOfficeUserAgent): VendorHolder {
  let config = cfg;
  let clients = buildVendorClients(cfg, ledger, xmlvend, userAgent);
  const byEndpoint = new Map<number, Partial<VendorClients>>();
  return {
    current: () => clients,
    replace(next) {
      config = next;
      clients = buildVendorClients(next, ledger, xmlvend, userAgent);
    },
    at(endpointId) {
      if (!ledger) return null;
      const known = byEndpoint.get(endpointId);
      if (known) return known;
      // Timeout and retries are tuning, not identity: today's settings for that vendor apply.
      const tuningOf = (v: LedgerVendor) => config[v] ?? DEFAULT_TUNING;
      const probe = ledger.endpointConfig(endpointId, DEFAULT_TUNING);
      if (!probe) return null;
      const { timeoutMs, retryAttempts } = tuningOf(probe.vendor);
      const built = clientOf(probe.vendor, { ...probe.cfg, timeoutMs, retryAttempts }, ledger, xmlvend, userAgent);
      byEndpoint.set(endpointId, built);
      return built;
    },
    ledger,
    xmlvendHost: xmlvend,
  };
}

/** A fixed configuration (tests, tools): a holder that never changes. */
export const holderOf = (h: VendorHolder | VendorConfig): VendorHolder => ('current' in h ? (h as VendorHolder) : createVendorHolder(h as VendorConfig));
