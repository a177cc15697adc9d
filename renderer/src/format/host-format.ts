import type { HostStatus, HostView } from '../../../shared/contract';

/** How an admin writes an SSH target; IPv6 literals get brackets so the port stays readable. */
export function sshTarget(user: string, address: string, port: number): string {
  const host = address.includes(':') && !address.startsWith('[') ? `[${address}]` : address;
  return `${user}@${host}:${port}`;
}

export const hostTarget = (h: Pick<HostView, 'user' | 'address' | 'port'>): string =>
  sshTarget(h.user, h.address, h.port);

export const statusLabels: Record<HostStatus, string> = {
  unknown: 'not checked',
  connecting: 'connecting',
  online: 'online',
  offline: 'offline',
  authFailed: 'auth failed',
  hostKeyUnknown: 'host key unknown',
  hostKeyMismatch: 'host key mismatch',
  noLibvirt: 'no libvirt',
};

/** Problems sort first (ascending), so the hosts needing attention are at the top. */
export const statusSeverity: Record<HostStatus, number> = {
  hostKeyMismatch: 0,
  authFailed: 1,
  hostKeyUnknown: 2,
  noLibvirt: 3,
  offline: 4,
  connecting: 5,
  unknown: 6,
  online: 7,
};

export const kindLabel = (kind: HostView['kind']): string => (kind === 'unknown' ? '—' : kind);

export function authLabel(auth: HostView['auth']): string {
  switch (auth.method) {
    case 'agent':
      return 'SSH agent';
    case 'password':
      return 'Password';
    case 'key':
      return 'Key file';
  }
}
