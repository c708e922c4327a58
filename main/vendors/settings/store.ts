// Vendor connection settings saved from Settings > Vendors, one settings row per vendor
// ("vendors.sts", "vendors.acrel", "vendors.headOffice"). The API key and secret are SEALED with
// the counter's master key (AES-256-GCM, main/keys/seal.ts) before they reach the row; a blank key
// or secret means "keep the one from the environment". Saved settings override the environment.
// Nothing here logs, returns or audits a key or a secret: views carry hasKey/hasSecret and at
// most the key's last four characters.
// The STS vendor may be an XMLVend 2.1 server (protocol "xmlvend"): the same row then holds that
// server's own fields, its operator name as the key and the operator's password as the secret
// (sealed like any secret). The operator name is a user name, not a credential: views show it.
import type { WriteDb } from '../../../db/open';
import { z } from 'zod';
import { deleteSetting, readSetting, settingUpdatedAt, writeSetting } from '../../../db/repos/settings';
import { VENDORS, type VendorName, type VendorProtocol, type VendorSettingsInput, type VendorSettingsView } from '../../../preload/contract';
import { appendAudit } from '../../audit/append';
import { seal, unseal } from '../../keys/seal';
import type { Logger } from '../../common/logger';
import { XmlVendEndpointSchema, type VendorConfig, type VendorEndpointConfig } from '../config';
import { xmlVendSettingsOf } from '../xmlvend/endpoint';
import { checkVendorSettings } from './rules';
import { VENDOR_NAME } from './test-connection';
import { checkXmlVendInput, refuseXmlVendFor } from './xmlvend-rules';

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
  /** Rows saved before XMLVend existed have neither: Shahn's API. */
  protocol: z.enum(['shahn', 'xmlvend']).default('shahn'),
  xmlvend: XmlVendEndpointSchema.nullable().default(null),
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
      const cfg: VendorEndpointConfig = { baseUrl: s.baseUrl, apiKey, apiSecret, merchantId: s.merchantId, timeoutMs: s.timeoutMs, retryAttempts: s.retryAttempts };
      if (s.protocol === 'xmlvend') {
        if (v !== 'sts' || !s.xmlvend) throw new Error('XMLVend settings for a vendor that cannot have them, or without their fields');
        // The check a client is built with: a row it would refuse (an environment's password kept
        // and since changed) must not reach the holder.
        xmlVendSettingsOf({ ...cfg, xmlvend: s.xmlvend });
        cfg.xmlvend = s.xmlvend;
      }
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
      protocol: protocolOf(r.cfg),
      xmlvend: r.cfg?.xmlvend ? { opName: r.cfg.apiKey, ...r.cfg.xmlvend } : null,
    };
  };

  /** The settings checked for their protocol, as the row will hold them (blank key/secret: keep). */
  const checked = (v: VendorName, input: VendorSettingsInput, inForce: VendorEndpointConfig | null): Omit<Stored, 'apiKey' | 'apiSecret'> & { apiKey: string | null; apiSecret: string | null } => {
    const protocol = input.protocol ?? 'shahn';
    if (protocol === 'xmlvend' && v !== 'sts') refuseXmlVendFor(VENDOR_NAME[v]);
    // A key or secret of the other protocol means nothing to this server: switching protocols, both are typed again.
    const same = protocolOf(inForce) === protocol;
    if (protocol === 'xmlvend') {
      const x = checkXmlVendInput(input, { opName: same ? (inForce?.apiKey ?? null) : null, password: same ? (inForce?.apiSecret ?? null) : null });
      return { ...x, protocol, xmlvend: x.xmlvend };
    }
    const saved = stored(v);
    const env = d.env[v];
    const c = checkVendorSettings(v, input, { apiKey: same && !!(saved?.apiKey ?? env?.apiKey), apiSecret: same && !!(saved?.apiSecret ?? env?.apiSecret) });
    // Back to Shahn's API: the XMLVend fields go.
    return { ...c, protocol, xmlvend: null };
  };

  return {
    effective: () => ({ sts: resolve('sts').cfg, acrel: resolve('acrel').cfg, headOffice: resolve('headOffice').cfg }),
    views: () => VENDORS.map(view),
    save(v, input, userId, at) {
      const before = view(v);
      const saved = stored(v);
      const next = input && checked(v, input, resolve(v).cfg);
      d.db.transaction(() => {
        if (next) {
          const row: Stored = {
            ...next,
            // Blank = keep: the sealed value already saved, else (null) the environment's.
            apiKey: next.apiKey !== null ? seal(d.masterKey, next.apiKey, aad(v, 'apiKey')) : (saved?.apiKey ?? null),
            apiSecret: next.apiSecret !== null ? seal(d.masterKey, next.apiSecret, aad(v, 'apiSecret')) : (saved?.apiSecret ?? null),
          };
          writeSetting(d.db, vendorSettingKey(v), row, at);
        } else {
          deleteSetting(d.db, vendorSettingKey(v));
        }
        const after = view(v);
        const audited = (w: VendorSettingsView) => ({
          source: w.source, protocol: w.protocol, baseUrl: w.baseUrl, merchantId: w.merchantId, timeoutMs: w.timeoutMs, retryAttempts: w.retryAttempts, xmlvend: w.xmlvend,
        });
        appendAudit(d.db, {
          at, userId, action: 'settings.vendor', entity: 'settings', entityId: vendorSettingKey(v),
          // Addresses, numbers and the XMLVend operator's name; whether the key or secret (the
          // password) changed, never their value.
          details: {
            vendor: v,
            before: audited(before),
            after: audited(after),
            keyChanged: next?.apiKey != null,
            secretChanged: next?.apiSecret != null,
          },
        });
      })();
      return view(v);
    },
  };
}

const protocolOf = (cfg: VendorEndpointConfig | null): VendorProtocol => (cfg?.xmlvend ? 'xmlvend' : 'shahn');
