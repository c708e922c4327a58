// Which endpoint (address and credentials) every keyed vendor request went to, and when each of
// its attempts was signed. Two uses: an unknown sale is verified with the vendor that
// received it, never with whatever Settings > Vendors says now; and its "not vended" verdict
// waits until the last attempt that may have left can no longer be accepted.
import { createHmac } from 'node:crypto';
import type { WriteDb } from '../../db/open';
import { z } from 'zod';
import { attemptSummary, endAttempt, getEndpoint, insertAttempt, upsertEndpoint, type AttemptSummary } from '../../db/repos/vendor-attempts';
import { seal, unseal } from '../keys/seal';
import { XmlVendEndpointSchema, type VendorEndpointConfig } from './config';
import type { AttemptRecorder } from './http';

export type LedgerVendor = 'sts' | 'acrel' | 'headOffice';

export interface AttemptLedger {
  /** The endpoint's row id, recorded the first time this address + credentials are used. */
  endpointId(vendor: LedgerVendor, cfg: VendorEndpointConfig): number;
  /** A recorded endpoint's settings (credentials opened), or null when it cannot be opened. */
  endpointConfig(id: number, tuning: Pick<VendorEndpointConfig, 'timeoutMs' | 'retryAttempts'>): { vendor: LedgerVendor; cfg: VendorEndpointConfig } | null;
  recorderFor(endpointId: number): AttemptRecorder;
  summary(key: string): AttemptSummary;
}

// The XMLVend fields ride with the credentials: a lookup about a key must reach the same server
// as the same client and terminal, whatever the settings say now.
const Sealed = z.object({ apiKey: z.string(), apiSecret: z.string(), xmlvend: XmlVendEndpointSchema.optional() });
const aad = (fingerprint: string) => `vendor-endpoint:${fingerprint}`;

export function createAttemptLedger(d: { db: WriteDb; masterKey: Buffer; now: () => Date }): AttemptLedger {
  const ids = new Map<string, number>();
  // An HMAC under the master key: equal endpoints get one row; the column opens nothing.
  const fingerprintOf = (vendor: LedgerVendor, c: VendorEndpointConfig) =>
    createHmac('sha256', d.masterKey).update(JSON.stringify([vendor, c.baseUrl, c.merchantId, c.apiKey, c.apiSecret, ...(c.xmlvend ? [c.xmlvend] : [])])).digest('hex');

  return {
    endpointId(vendor, cfg) {
      const fingerprint = fingerprintOf(vendor, cfg);
      let id = ids.get(fingerprint);
      if (id === undefined) {
        const sealedJson = seal(d.masterKey, JSON.stringify({ apiKey: cfg.apiKey, apiSecret: cfg.apiSecret, ...(cfg.xmlvend ? { xmlvend: cfg.xmlvend } : {}) }), aad(fingerprint));
        id = upsertEndpoint(d.db, { vendor, fingerprint, baseUrl: cfg.baseUrl, merchantId: cfg.merchantId, sealedJson, at: d.now().toISOString() });
        ids.set(fingerprint, id);
      }
      return id;
    },
    endpointConfig(id, tuning) {
      const row = getEndpoint(d.db, id);
      if (!row) return null;
      try {
        const s = Sealed.parse(JSON.parse(unseal(d.masterKey, row.sealed_json, aad(row.fingerprint))));
        return { vendor: row.vendor as LedgerVendor, cfg: { baseUrl: row.base_url, merchantId: row.merchant_id, apiKey: s.apiKey, apiSecret: s.apiSecret, ...tuning, ...(s.xmlvend ? { xmlvend: s.xmlvend } : {}) } };
      } catch {
        return null; // sealed under another master key (keys folder not restored): stays unknown
      }
    },
    recorderFor(endpointId) {
      return {
        record: (a) => insertAttempt(d.db, { ...a, endpointId, at: d.now().toISOString() }),
        ended: (id, a) => endAttempt(d.db, id, a.connected, a.endedAtMs),
      };
    },
    summary: (key) => attemptSummary(d.db, key),
  };
}
