import type { AuthMethod, JumpHost } from '../../../../shared/contract';

/** Where and how to log in; the pool keys connections by user@address:port (and the jump, if any). */
export type SshEndpoint = {
  address: string;
  port: number;
  user: string;
  auth: AuthMethod;
  jump?: JumpHost | undefined;
};

export function endpointKey(e: Pick<SshEndpoint, 'address' | 'port' | 'user' | 'jump'>): string {
  const own = `${e.user}@${e.address}:${e.port}`;
  return e.jump ? `${own} via ${endpointKey(e.jump)}` : own;
}
