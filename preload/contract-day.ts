// Old import path, kept only while main/ still imports it; it defines no channel. The contract lives
// in preload/contract/ (one file per namespace); import the index, preload/contract.ts.
export * from './contract';
