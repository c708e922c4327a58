// Readers of the small XMLVend types every message is built from: MsgID, DeviceID, Currency,
// Units, CustVendDetail, UtilityDetail/VendorDetail and MeterDetail.
import type { Element } from '@xmldom/xmldom';
import { MoneyReadError, readMoney, type Money } from './money';
import type { Customer, MeterDetail, MsgId, Organisation, Quantity, RawAmount } from './model';
import { fail, type ReadOptions } from './read-error';
import { attr, child, isNil, localName, text } from './xml';

/** An attribute's value, or null when absent or empty. */
export function attrOrNull(el: Element, name: string): string | null {
  const v = attr(el, name);
  return v === null || v === '' ? null : v;
}

/** A child's trimmed text, or null when the child is absent, nil or empty. */
export function childText(el: Element, name: string): string | null {
  const c = child(el, name);
  if (!c || isNil(c)) return null;
  const t = text(c);
  return t === '' ? null : t;
}

/** A required child: the message is incomplete without it. */
export function requireChild(el: Element, name: string): Element {
  return child(el, name) ?? fail(`missing required element ${name} in ${localName(el)}`);
}

export function msgId(el: Element): MsgId {
  const dateTime = attr(el, 'dateTime');
  const uniqueNumber = attr(el, 'uniqueNumber');
  if (dateTime === null) fail(`missing attribute dateTime on ${localName(el)}`);
  if (uniqueNumber === null) fail(`missing attribute uniqueNumber on ${localName(el)}`);
  return { dateTime, uniqueNumber };
}

export function optMsgId(parent: Element, name: string): MsgId | null {
  const c = child(parent, name);
  return c ? msgId(c) : null;
}

/** EANDeviceID@ean, GenericDeviceID@id, or the bare text of SoapUI skeletons. */
export function deviceId(parent: Element, name: string): string | null {
  const c = child(parent, name);
  if (!c) return null;
  return attrOrNull(c, 'ean') ?? attrOrNull(c, 'id') ?? (text(c) || null);
}

/** A Currency element (value + symbol) as exact Money; what is wrong with it names the element. */
export function money(el: Element, opts: ReadOptions, where: string): Money {
  const value = attr(el, 'value');
  const symbol = attr(el, 'symbol');
  if (value === null) fail(`missing attribute value on ${where}`);
  if (symbol === null) fail(`missing attribute symbol on ${where}`);
  try {
    return readMoney(value, symbol, opts.currency);
  } catch (e) {
    if (e instanceof MoneyReadError) fail(`bad amount in ${where}: ${e.message}`);
    throw e;
  }
}

/** An optional Currency child (absent or xsi:nil is null). */
export function optMoney(parent: Element, name: string, opts: ReadOptions, where: string): Money | null {
  const c = child(parent, name);
  if (!c || isNil(c)) return null;
  return money(c, opts, `${where} ${name}`);
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** A Units-like element (value + siUnit), the value an exact decimal string. */
export function quantity(el: Element | null, where: string): Quantity | null {
  if (!el || isNil(el)) return null;
  const value = attr(el, 'value');
  if (value === null) return null;
  if (!DECIMAL.test(value)) fail(`bad number in ${where}: "${value}"`);
  return { value, siUnit: attr(el, 'siUnit') ?? '' };
}

/** An amount of a request, as sent (null when incomplete: requests are read, not settled from). */
export function rawAmount(el: Element | null): RawAmount | null {
  if (!el || isNil(el)) return null;
  const value = attr(el, 'value');
  const symbol = attr(el, 'symbol');
  return value === null || symbol === null ? null : { value, symbol };
}

export function customer(el: Element): Customer {
  const days = attrOrNull(el, 'daysLastPurchase');
  if (days !== null && !/^\d+$/.test(days)) fail(`bad number in custVendDetail daysLastPurchase: "${days}"`);
  return {
    name: attrOrNull(el, 'name'),
    address: attrOrNull(el, 'address'),
    accNo: attrOrNull(el, 'accNo'),
    locRef: attrOrNull(el, 'locRef'),
    contactNo: attrOrNull(el, 'contactNo'),
    daysLastPurchase: days === null ? null : Number(days),
  };
}

/** UtilityDetail / VendorDetail; an element without any of them (Conlog's <vendor/>) is null. */
export function organisation(el: Element | null): Organisation | null {
  if (!el) return null;
  const o = { name: attrOrNull(el, 'name'), address: attrOrNull(el, 'address'), taxRef: attrOrNull(el, 'taxRef') };
  return o.name === null && o.address === null && o.taxRef === null ? null : o;
}

/** Hexing's vend limits: a plain decimal, or "null" for none. */
function limit(el: Element, name: string): string | null {
  const t = childText(el, name);
  if (t === null || t === 'null') return null;
  if (!DECIMAL.test(t)) fail(`bad number in meterDetail ${name}: "${t}"`);
  return t;
}

export function meterDetail(el: Element | null): MeterDetail | null {
  if (!el) return null;
  const type = child(el, 'meterType');
  return {
    msno: attrOrNull(el, 'msno'),
    sgc: attrOrNull(el, 'sgc'),
    krn: attrOrNull(el, 'krn'),
    ti: attrOrNull(el, 'ti'),
    tt: type ? attrOrNull(type, 'tt') : null,
    at: type ? attrOrNull(type, 'at') : null,
    minVendAmt: limit(el, 'minVendAmt'),
    maxVendAmt: limit(el, 'maxVendAmt'),
    minVendEng: limit(el, 'minVendEng'),
    maxVendEng: limit(el, 'maxVendEng'),
  };
}

/** xs:boolean ("true", "false", "1", "0"); absent is null. */
export function bool(parent: Element, name: string): boolean | null {
  const t = childText(parent, name);
  if (t === null) return null;
  if (t === 'true' || t === '1') return true;
  if (t === 'false' || t === '0') return false;
  return fail(`bad boolean in ${name}: "${t}"`);
}
