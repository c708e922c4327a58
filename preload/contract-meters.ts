// Old import path, kept only while main/ still imports it; it defines no channel. The contract lives
// in preload/contract/ (one file per namespace); import the index, preload/contract.ts.
export * from './contract';
/** What this path used to call meterChannels: the live meter-management channels that main/meters/handlers.ts implements. */
export { meterManagementChannels as meterChannels } from './contract';
