import type { AuthMethod, HostInput, HostView, SshConfigCandidate } from '../../../../shared/contract';

const authFor = (identityFile: string | undefined): AuthMethod =>
  identityFile ? { method: 'key', keyPath: identityFile } : { method: 'agent' };

/** An ssh_config entry becomes a host named after its alias, using its IdentityFile if it has one. */
export function candidateToInput(c: SshConfigCandidate): HostInput {
  return {
    name: c.alias,
    address: c.address,
    port: c.port,
    user: c.user,
    auth: authFor(c.identityFile),
    libvirtUri: 'qemu:///system',
    tags: [],
    ...(c.proxyJump
      ? {
          jump: {
            address: c.proxyJump.address,
            port: c.proxyJump.port,
            user: c.proxyJump.user,
            auth: authFor(c.proxyJump.identityFile),
          },
        }
      : {}),
  };
}

/** Already in the inventory under the same name or the same user@address:port. */
export function isAlreadyAdded(c: SshConfigCandidate, hosts: HostView[]): boolean {
  return hosts.some((h) => h.name === c.alias || (h.address === c.address && h.port === c.port && h.user === c.user));
}
