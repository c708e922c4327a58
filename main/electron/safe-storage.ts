// The desktop's KeyProtector: the master key is wrapped by Electron's safeStorage (DPAPI on
// Windows, Keychain on macOS, libsecret/kwallet on Linux). Where the OS offers no real keychain
// (safeStorage on Linux falls back to a hard-coded password) we stay with the owner-only file.
import { safeStorage } from 'electron';
import { fileProtector, type KeyProtector } from '../keys/master-key';

export function safeStorageProtector(): KeyProtector {
  if (!safeStorage.isEncryptionAvailable()) return fileProtector;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return fileProtector;
  return {
    kind: 'safe',
    wrap: (key) => safeStorage.encryptString(key.toString('base64')),
    unwrap: (blob) => Buffer.from(safeStorage.decryptString(blob), 'base64'),
  };
}
