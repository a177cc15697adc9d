import os from 'node:os';
import path from 'node:path';
import type { AuthMethod, JumpHost } from '../../../../shared/contract';

/** Where and how to log in; `endpointKey` is the readable label (audit log), `poolKey` the identity. */
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

/**
 * The pool's identity of a connection: who logs in where, **with which credentials**, through which
 * jump. Two inventory entries share a connection only if they would authenticate identically, so an
 * entry with a wrong key file never rides on another entry's open session. Serialised as JSON of an
 * array of fields, so no user name (`a@b`, `x:y`, spaces) or jump chain can collide with another.
 */
export function poolKey(e: Pick<SshEndpoint, 'address' | 'port' | 'user' | 'auth' | 'jump'>): string {
  return JSON.stringify(poolKeyParts(e));
}

type KeyParts = [user: string, address: string, port: number, auth: string[], jump: KeyParts | null];

function poolKeyParts(e: Pick<SshEndpoint, 'address' | 'port' | 'user' | 'auth' | 'jump'>): KeyParts {
  const auth = e.auth.method === 'key' ? ['key', path.resolve(expandHome(e.auth.keyPath))] : [e.auth.method];
  return [e.user, e.address.toLowerCase(), e.port, auth, e.jump ? poolKeyParts(e.jump) : null];
}

export function expandHome(p: string): string {
  return p === '~' ? os.homedir() : p.startsWith('~/') ? `${os.homedir()}${p.slice(1)}` : p;
}
