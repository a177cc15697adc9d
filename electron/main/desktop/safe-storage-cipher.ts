import { safeStorage } from 'electron';
import type { SecretCipher } from '../services/ssh/secret-store';

/** Passwords are only ever persisted through the OS keyring; without one they stay in memory. */
export function safeStorageCipher(): SecretCipher | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  return {
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (data) => safeStorage.decryptString(data),
  };
}
