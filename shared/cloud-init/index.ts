export { CRYPT_ALPHABET, hashPassword, randomSalt, sha512Crypt } from './sha512-crypt';
export { CLOUD_CONFIG_HEADER, checkUserData, type UserDataCheck } from './user-data';
