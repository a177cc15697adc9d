export { CRYPT_ALPHABET, hashPassword, randomSalt, sha512Crypt } from './sha512-crypt';
export { CLOUD_CONFIG_HEADER, checkUserData, type UserDataCheck } from './user-data';
export { checkSshKey } from './ssh-key';
export { buildSeedFiles, type SeedFiles, type SeedInput, type SeedNic } from './seed';
export { REDACTED, redactSeed } from './redact';
export { buildIso9660, type IsoFile, type IsoInput } from './iso9660';
