// Old import path, kept only while main/ still imports it; it defines no channel. The contract lives
// in preload/contract/ (one file per namespace); import the index, preload/contract.ts.
import { meterAccountChannels, tariffChannels as tariffsOnly } from './contract';
export * from './contract';
/** What this path used to call tariffChannels: the tariffs.* channels and the meter-account ones main/ipc/tariff-handlers.ts implements. */
export const tariffChannels = { ...tariffsOnly, ...meterAccountChannels } as const;
