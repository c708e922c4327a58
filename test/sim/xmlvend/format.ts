// Small value formats both styles share: energy, rates, and the ids a response echoes.
import { formatMinor } from './money';
import type { XmlVendConfig } from './options';

/** 647 -> "64.7" (units@value is kWh with one decimal). */
export const kwh = (tenths: number): string => `${Math.floor(tenths / 10)}.${tenths % 10}`;

/** 1500 basis points -> "0.1500" (VAT@rate as the Hexing server writes it). */
export const rate = (bp: number): string => `${Math.floor(bp / 10_000)}.${String(bp % 10_000).padStart(4, '0')}`;

/** Currency@value in the server's currency. */
export const money = (cfg: XmlVendConfig, minor: number): string => formatMinor(minor, cfg.exponent);

/** The all-zero cipher a trial vend carries: it shows the quote, it loads nothing. */
export const TRIAL_TOKEN = '0'.repeat(20);
