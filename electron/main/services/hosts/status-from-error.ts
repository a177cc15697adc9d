import type { AppErrorShape, HostStatus } from '../../../../shared/contract';

/** Which inventory status a failed refresh puts a host in. */
export function statusFromError(e: AppErrorShape): HostStatus {
  switch (e.kind) {
    case 'auth':
    case 'cancelled':
      return 'authFailed';
    case 'hostKeyMismatch':
    case 'hostKeyRevoked':
      return 'hostKeyMismatch';
    case 'hostKeyUnknown':
    case 'hostKeyRejected':
      return 'hostKeyUnknown';
    case 'noLibvirt':
      return 'noLibvirt';
    default:
      return 'offline';
  }
}
