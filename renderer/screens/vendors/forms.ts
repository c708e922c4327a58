// What a vendor card's boxes hold, from a saved view and back to the input main checks. Each
// protocol keeps its own boxes, so switching the STS vendor between Shahn's API and XMLVend and back
// loses nothing typed. Numbers stay text until saving; main names every bad field.
import type { VendorProtocol, VendorSettingsInput, VendorSettingsView } from '../../../preload/contract';
import { normalizeDigits } from '../../lib/money';

export const shahnForm = (v: VendorSettingsView) => {
  const mine = v.protocol === 'shahn';
  return {
    baseUrl: mine ? (v.baseUrl ?? '') : '',
    apiKey: '',
    apiSecret: '',
    merchantId: mine ? (v.merchantId ?? '') : '',
    timeoutMs: String(v.timeoutMs),
    retryAttempts: String(v.retryAttempts),
  };
};
export type ShahnForm = ReturnType<typeof shahnForm>;

export type AdviceUnit = 'hours' | 'minutes';
const UNIT_MS: Record<AdviceUnit, number> = { hours: 3_600_000, minutes: 60_000 };
/** A day, unless the server's operator says otherwise (main/vendors/xmlvend/settings.ts). */
const DEFAULT_ADVICE_MS = 86_400_000;

/** The advice window as a person reads it: whole hours when it is, minutes otherwise. */
export function adviceBoxes(ms: number): { advice: string; adviceUnit: AdviceUnit } {
  if (ms % UNIT_MS.hours === 0) return { advice: String(ms / UNIT_MS.hours), adviceUnit: 'hours' };
  // An environment may give milliseconds that are not whole minutes: shown to the thousandth.
  return { advice: String(Math.round((ms / UNIT_MS.minutes) * 1000) / 1000), adviceUnit: 'minutes' };
}

/** Hours or minutes typed (Arabic-Indic digits, a decimal point) as milliseconds; -1 when not a number, for main to name. */
export function adviceMs(text: string, unit: AdviceUnit): number {
  const t = normalizeDigits(text).trim();
  if (!/^\d{1,6}(\.\d{1,3})?$/.test(t)) return -1;
  return Math.round(Number(t) * UNIT_MS[unit]);
}

export const xmlvendForm = (v: VendorSettingsView, counterCurrency: string) => {
  const x = v.xmlvend;
  return {
    url: x ? (v.baseUrl ?? '') : '',
    clientId: x ? (v.merchantId ?? '') : '',
    terminalId: x?.terminalId ?? '',
    terminalIdKind: x?.terminalIdKind ?? ('generic' as const),
    opName: x?.opName ?? '',
    password: '',
    // A new server most likely sells in the counter's currency.
    currency: x?.currency ?? (/^[A-Z]{3}$/.test(counterCurrency) && counterCurrency !== 'XXX' ? counterCurrency : ''),
    soapVersion: x?.soapVersion ?? ('1.1' as const),
    ...adviceBoxes(x?.adviceWindowMs ?? DEFAULT_ADVICE_MS),
    conlogVendingServerId: x?.conlogVendingServerId ?? '',
    hexingLogin: x?.hexingLogin ?? false,
    timeoutMs: String(v.timeoutMs),
  };
};
export type XmlVendForm = ReturnType<typeof xmlvendForm>;

/** A whole number typed (any digits); -1 when it is not one, for main to name. */
export const whole = (s: string) => {
  const t = normalizeDigits(s).trim();
  return /^\d{1,7}$/.test(t) ? Number(t) : -1;
};

export function settingsInput(protocol: VendorProtocol, s: ShahnForm, x: XmlVendForm, retryAttempts: number): VendorSettingsInput {
  if (protocol === 'shahn') {
    return { baseUrl: s.baseUrl, apiKey: s.apiKey, apiSecret: s.apiSecret, merchantId: s.merchantId, timeoutMs: whole(s.timeoutMs), retryAttempts: whole(s.retryAttempts), protocol };
  }
  return {
    baseUrl: x.url,
    // The operator name travels as the key, the password as the secret (sealed in main).
    apiKey: x.opName,
    apiSecret: x.password,
    merchantId: normalizeDigits(x.clientId),
    timeoutMs: whole(x.timeoutMs),
    // XMLVend has its own retry rule; the number saved for Shahn's API stays as it was.
    retryAttempts,
    protocol,
    xmlvend: {
      terminalId: x.terminalIdKind === 'ean' ? normalizeDigits(x.terminalId) : x.terminalId,
      terminalIdKind: x.terminalIdKind,
      soapVersion: x.soapVersion,
      currency: x.currency,
      adviceWindowMs: adviceMs(x.advice, x.adviceUnit),
      conlogVendingServerId: normalizeDigits(x.conlogVendingServerId),
      hexingLogin: x.hexingLogin,
    },
  };
}
