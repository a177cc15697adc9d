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

/** Used when the engine gives no hint of its own: the usual first thing an admin would check. */
export const defaultHints: Partial<Record<ErrorKind, string>> = {
  connect: 'Check the address and port, and that sshd is running and reachable from this machine.',
  timeout: 'The host did not answer in time. Check it is up and that no firewall drops SSH.',
  auth: 'Check the user name, and that your key is loaded in the SSH agent (ssh-add -l) or the key file is right.',
  hostKeyUnknown: 'Connect again and compare the fingerprint with the host’s own key before accepting it.',
  hostKeyRejected: 'You declined the host key, so LabDeck did not connect.',
  noLibvirt:
    'SSH works, but virsh could not reach libvirt. Install libvirt (libvirt-daemon-system), check the libvirt URI, and add the user to the libvirt group.',
};
