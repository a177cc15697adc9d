export { CRYPT_ALPHABET, hashPassword, randomSalt, sha512Crypt } from './sha512-crypt';
