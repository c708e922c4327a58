// Encrypted vending-key store (see store.ts) and the master key that seals it (master-key.ts).
export { fileProtector, loadMasterKey, type KeyProtector } from './master-key';
export { createVendingKeyStore, keyStoreFor, KeyStoreError, type KeyRef, type VendingKeyStore } from './store';
export { seal, unseal, SealError } from './seal';
