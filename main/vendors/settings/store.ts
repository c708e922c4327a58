// Vendor connection settings saved from Settings > Vendors, one settings row per vendor
// ("vendors.sts", "vendors.acrel", "vendors.headOffice"). The API key and secret are SEALED with
// the counter's master key (AES-256-GCM, main/keys/seal.ts) before they reach the row; a blank key
// or secret means "keep the one from the environment". Saved settings override the environment.
// Nothing here logs, returns or audits a key or a secret: views carry hasKey/hasSecret and at
// most the key's last four characters.
import type { WriteDb } from '../../../db/open';
import { z } from 'zod';
import { deleteSetting, readSetting, settingUpdatedAt, writeSetting } from '../../../db/repos/settings';
import { VENDORS, type VendorName, type VendorSettingsInput, type VendorSettingsView } from '../../../preload/contract';
import { appendAudit } from '../../audit/append';
import { seal, unseal } from '../../keys/seal';
import type { Logger } from '../../common/logger';
import type { VendorConfig, VendorEndpointConfig } from '../config';
import { checkVendorSettings } from './rules';

export const vendorSettingKey = (v: VendorName) => `vendors.${v}`;
const aad = (v: VendorName, field: 'apiKey' | 'apiSecret') => `vendor-settings:${v}:${field}`;

const StoredSchema = z.object({
  baseUrl: z.string().min(1),
  merchantId: z.string().nullable(),
  timeoutMs: z.number().int().positive(),
  retryAttempts: z.number().int().nonnegative(),
  /** Sealed (base64); null = the environment's. */
  apiKey: z.string().nullable(),
  apiSecret: z.string().nullable(),
});
type Stored = z.infer<typeof StoredSchema>;

const DEFAULTS = { timeoutMs: 30_000, retryAttempts: 3 };

interface Resolved {
  cfg: VendorEndpointConfig | null;
  source: VendorSettingsView['source'];
  updatedAt: string | null;
}

export interface VendorSettingsStore {
  /** The configuration in force: saved settings over the environment. */
  effective(): VendorConfig;
  views(): VendorSettingsView[];
  /** Validates, seals, stores and audits in one transaction (null forgets the saved settings). */
  save(v: VendorName, input: VendorSettingsInput | null, userId: number | null, at: string): VendorSettingsView;
}

export function createVendorSettingsStore(d: { db: WriteDb; masterKey: Buffer; env: VendorConfig; log: Pick<Logger, 'warn'> }): VendorSettingsStore {
  const stored = (v: VendorName): Stored | null => {
    const r = StoredSchema.safeParse(readSetting(d.db, vendorSettingKey(v)));
    return r.success ? r.data : null;
  };

  const resolve = (v: VendorName): Resolved => {
    const env = d.env[v];
    const fromEnv: Resolved = { cfg: env, source: env ? 'environment' : 'none', updatedAt: null };
    const s = stored(v);
    if (!s) return fromEnv;
    try {
      const apiKey = s.apiKey ? unseal(d.masterKey, s.apiKey, aad(v, 'apiKey')) : env?.apiKey;
      const apiSecret = s.apiSecret ? unseal(d.masterKey, s.apiSecret, aad(v, 'apiSecret')) : env?.apiSecret;
      if (!apiKey || !apiSecret) throw new Error('no key or secret to use');
      const cfg = { baseUrl: s.baseUrl, apiKey, apiSecret, merchantId: s.merchantId, timeoutMs: s.timeoutMs, retryAttempts: s.retryAttempts };
      return { cfg, source: 'saved', updatedAt: settingUpdatedAt(d.db, vendorSettingKey(v)) };
    } catch (e) {
      // A row sealed under another master key (keys folder not restored) must not stop the till.
      d.log.warn({ vendor: v, err: e instanceof Error ? e.message : 'unknown' }, 'saved vendor settings cannot be used; the environment applies');
      return fromEnv;
    }
  };

  const view = (v: VendorName): VendorSettingsView => {
    const r = resolve(v);
    const key = r.cfg?.apiKey ?? null;
    return {
      vendor: v,
      source: r.source,
      baseUrl: r.cfg?.baseUrl ?? null,
      merchantId: r.cfg?.merchantId ?? null,
      timeoutMs: r.cfg?.timeoutMs ?? DEFAULTS.timeoutMs,
      retryAttempts: r.cfg?.retryAttempts ?? DEFAULTS.retryAttempts,
      hasKey: key !== null,
      // Short keys show nothing: four characters of a six-character key is most of it.
      keyLast4: key !== null && key.length >= 8 ? key.slice(-4) : null,
      hasSecret: (r.cfg?.apiSecret ?? null) !== null,
      updatedAt: r.updatedAt,
    };
  };

  return {
    effective: () => ({ sts: resolve('sts').cfg, acrel: resolve('acrel').cfg, headOffice: resolve('headOffice').cfg }),
    views: () => VENDORS.map(view),
    save(v, input, userId, at) {
      const before = view(v);
      const env = d.env[v];
      const saved = stored(v);
      const next = input && checkVendorSettings(v, input, { apiKey: !!(saved?.apiKey ?? env?.apiKey), apiSecret: !!(saved?.apiSecret ?? env?.apiSecret) });
      d.db.transaction(() => {
        if (next) {
          const row: Stored = {
            baseUrl: next.baseUrl,
            merchantId: next.merchantId,
            timeoutMs: next.timeoutMs,
            retryAttempts: next.retryAttempts,
            // Blank = keep: the sealed value already saved, else (null) the environment's.
            apiKey: next.apiKey !== null ? seal(d.masterKey, next.apiKey, aad(v, 'apiKey')) : (saved?.apiKey ?? null),
            apiSecret: next.apiSecret !== null ? seal(d.masterKey, next.apiSecret, aad(v, 'apiSecret')) : (saved?.apiSecret ?? null),
          };
          writeSetting(d.db, vendorSettingKey(v), row, at);
        } else {
          deleteSetting(d.db, vendorSettingKey(v));
        }
        const after = view(v);
        appendAudit(d.db, {
          at, userId, action: 'settings.vendor', entity: 'settings', entityId: vendorSettingKey(v),
          // Addresses and numbers only; whether the key or secret changed, never their value.
          details: {
            vendor: v,
            before: { source: before.source, baseUrl: before.baseUrl, merchantId: before.merchantId, timeoutMs: before.timeoutMs, retryAttempts: before.retryAttempts },
            after: { source: after.source, baseUrl: after.baseUrl, merchantId: after.merchantId, timeoutMs: after.timeoutMs, retryAttempts: after.retryAttempts },
            keyChanged: next?.apiKey != null,
            secretChanged: next?.apiSecret != null,
          },
        });
      })();
      return view(v);
    },
  };
}
