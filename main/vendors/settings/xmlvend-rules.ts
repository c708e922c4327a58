// The STS vendor's settings when it is an XMLVend 2.1 server: the common fields in their XMLVend
// meaning (address = SOAP address, merchant id = client ID, key = operator name, secret =
// password) with the server's own fields, checked by the XMLVend rules themselves
// (main/vendors/xmlvend/settings.ts), so what Settings saves is exactly what a client is built
// from. Every bad field is named, in both languages, with those rules' sentences. Never echoes
// what was typed: the password is a secret.
import type { Bilingual, VendorSettingsInput } from '../../../preload/contract';
import { AppError, err } from '../../common/errors';
import type { XmlVendEndpoint } from '../config';
import { checkXmlVendSettings, XMLVEND_SETTINGS_RULES, type XmlVendSettings } from '../xmlvend/settings';
import { VENDOR_SETTINGS_RULES } from './rules';

export interface CheckedXmlVendSettings {
  baseUrl: string;
  merchantId: string;
  /** The operator name typed; null: keep the one in force. */
  apiKey: string | null;
  /** The password typed; null: keep the one in force. */
  apiSecret: string | null;
  timeoutMs: number;
  retryAttempts: number;
  xmlvend: XmlVendEndpoint;
}

/** The operator and password in force for this server (null: none to keep, they must be typed). */
export interface KeptCredentials {
  opName: string | null;
  password: string | null;
}

const sentence = (field: string): Bilingual => (XMLVEND_SETTINGS_RULES as Record<string, Bilingual>)[field] ?? VENDOR_SETTINGS_RULES[field]!;

export function checkXmlVendInput(i: VendorSettingsInput, kept: KeptCredentials): CheckedXmlVendSettings {
  const blank = (s: string) => (s.trim() === '' ? null : s.trim());
  const x = i.xmlvend;
  const apiKey = blank(i.apiKey);
  const apiSecret = blank(i.apiSecret);
  const conlog = x ? blank(x.conlogVendingServerId) : null;
  // A missing field stays missing, so the XMLVend rules name it (terminal ID, currency...).
  const candidate = {
    // Not trimmed of its slashes: a SOAP address is used as typed.
    url: i.baseUrl.trim(),
    clientId: i.merchantId.trim(),
    opName: apiKey ?? kept.opName ?? '',
    password: apiSecret ?? kept.password ?? '',
    timeoutMs: i.timeoutMs,
    ...(x
      ? {
          soapVersion: x.soapVersion,
          terminalId: x.terminalId.trim(),
          terminalIdKind: x.terminalIdKind,
          // ISO 4217 codes are capitals; "lyd" typed is LYD meant.
          currency: x.currency.trim().toUpperCase(),
          adviceWindowMs: x.adviceWindowMs,
          ...(conlog !== null ? { conlogVendingServerId: conlog } : {}),
          hexingLogin: x.hexingLogin,
        }
      : {}),
  };
  const bad: string[] = [];
  let checked: XmlVendSettings | null = null;
  try {
    checked = checkXmlVendSettings(candidate);
  } catch (e) {
    if (!(e instanceof AppError) || !e.issues) throw e;
    bad.push(...e.issues);
  }
  // Kept for the day the server goes back to Shahn's API; XMLVend has its own retry rule.
  if (!(i.retryAttempts >= 0 && i.retryAttempts <= 10)) bad.push('retryAttempts');
  if (bad.length > 0 || !checked) {
    // One line per bad field, in the order of `issues`: the screen shows each under its field.
    const msgs = bad.map(sentence);
    throw err('BAD_INPUT', msgs.map((m) => m.en).join('\n'), msgs.map((m) => m.ar).join('\n'), bad);
  }
  return {
    baseUrl: checked.url,
    merchantId: checked.clientId,
    apiKey: apiKey === null ? null : checked.opName,
    apiSecret: apiSecret === null ? null : checked.password,
    timeoutMs: checked.timeoutMs,
    retryAttempts: i.retryAttempts,
    xmlvend: {
      terminalId: checked.terminalId,
      terminalIdKind: checked.terminalIdKind,
      soapVersion: checked.soapVersion,
      currency: checked.currency,
      adviceWindowMs: checked.adviceWindowMs,
      conlogVendingServerId: checked.conlogVendingServerId ?? null,
      hexingLogin: checked.hexingLogin,
    },
  };
}

/** XMLVend is the STS vendor's second protocol; Acrel and the head office speak Shahn's API only. */
export function refuseXmlVendFor(vendor: Bilingual): never {
  throw err(
    'BAD_INPUT',
    `Protocol: only the STS token vendor can be an XMLVend server; the ${vendor.en} speaks Shahn's API.`,
    `البروتوكول: مزود رموز STS وحده يمكن أن يكون خادم XMLVend؛ الاتصال بـ${vendor.ar} يكون عبر واجهة شحن.`,
    ['protocol'],
  );
}
