// Encrypted vending-key store (see store.ts), the master key that seals it (master-key.ts) and the key check value (kcv.ts).
export { fileProtector, loadMasterKey, type KeyProtector } from './master-key';
export { createVendingKeyStore, keyStoreFor, KeyStoreError, type KeyAttributes, type KeyRef, type KeyState, type VendingKeyStore } from './store';
export { keyCheckValue } from './kcv';
export { seal, unseal, SealError } from './seal';
