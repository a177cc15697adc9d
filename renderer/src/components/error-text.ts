import type { ErrorKind } from '../../../shared/contract';

export const errorTitles: Record<ErrorKind, string> = {
  validation: 'Invalid input',
  notFound: 'Not found',
  connect: 'Could not connect',
  timeout: 'Timed out',
  auth: 'Authentication failed',
  hostKeyUnknown: 'Host key not trusted',
  hostKeyMismatch: 'Host key changed — LabDeck refuses to connect',
  hostKeyRevoked: 'Host key revoked',
  hostKeyRejected: 'Host key rejected',
  remote: 'Remote command failed',
  noLibvirt: 'libvirt is not available',
  cancelled: 'Cancelled',
  internal: 'Internal error',
};

/**
 * Used only when the engine gives no hint, and only where its message alone rarely says what to do.
 * (Connection and timeout messages already do.)
 */
export const defaultHints: Partial<Record<ErrorKind, string>> = {
  auth: 'Check the user name, and that your key is loaded in the SSH agent (ssh-add -l) or the key file is the right one.',
  noLibvirt:
    'SSH works, but virsh could not reach libvirt. Check that libvirt is installed (libvirt-daemon-system), the libvirt URI is right, and the user is in the libvirt group.',
};
