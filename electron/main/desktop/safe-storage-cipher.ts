import { safeStorage } from 'electron';
import type { SecretCipher } from '../services/ssh/secret-store';

type SafeStorageLike = Pick<typeof safeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & {
  getSelectedStorageBackend?: () => string;
};

/**
 * Passwords are only ever persisted through the OS keyring; without one they stay in memory. On
 * Linux, Electron falls back to its `basic_text` backend when no keyring (libsecret/kwallet) is
 * found: that is a hard-coded key, not encryption, so LabDeck treats it as no keyring at all.
 */
export function safeStorageCipher(
  ss: SafeStorageLike = safeStorage,
  platform: NodeJS.Platform = process.platform,
): { cipher?: SecretCipher; reason?: string } {
  if (!ss.isEncryptionAvailable()) {
    return {
      reason:
        'No OS keyring is available, so LabDeck cannot store passwords encrypted: they stay in memory for this run only.',
    };
  }
  if (platform === 'linux') {
    const backend = ss.getSelectedStorageBackend?.() ?? 'unknown';
    if (backend === 'basic_text' || backend === 'unknown') {
      return {
        reason: `No OS keyring (GNOME Keyring, KWallet) was found — Electron would only obfuscate passwords with a fixed key (${backend}), so LabDeck keeps them in memory for this run only.`,
      };
    }
  }
  return {
    cipher: {
      encrypt: (plain) => ss.encryptString(plain),
      decrypt: (data) => ss.decryptString(data),
    },
  };
}
