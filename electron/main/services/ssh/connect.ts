import net from 'node:net';
import type { Duplex } from 'node:stream';
import { Client, type AuthenticationType, type ConnectConfig } from 'ssh2';
import { AppError } from '../../../../shared/contract';
import type { Credentials } from './credentials';
import type { SshEndpoint } from './endpoint';
import type { HostKeyStore } from './host-key-store';
import { MAC_ALGORITHMS } from './known-hosts';

export type ConnectOptions = {
  hostKeys: HostKeyStore;
  credentials: Credentials;
  connectTimeoutMs: number;
  handshakeTimeoutMs: number;
  keepaliveMs: number;
  /** Only interactive connects may ask the user anything (host keys, passwords, passphrases). */
  interactive: boolean;
  /** For ProxyJump: opens the TCP stream to the target through the jump host's pooled connection. */
  viaJump?: (address: string, port: number) => Promise<Duplex>;
};

function tcpConnect(address: string, port: number, timeoutMs: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    // No Nagle: console keystrokes and small command round trips must not wait for a full segment (OpenSSH does the same).
    const sock = net.connect({ host: address, port, noDelay: true });
    const timer = setTimeout(() => {
      sock.destroy();
      reject(
        new AppError({
          kind: 'timeout',
          message: `No answer from ${address}:${port} within ${Math.round(timeoutMs / 1000)} s. Is the host up and the address right?`,
        }),
      );
    }, timeoutMs);
    sock.once('connect', () => {
      clearTimeout(timer);
      resolve(sock);
    });
    sock.once('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(connectError(address, port, err));
    });
  });
}

function connectError(address: string, port: number, err: NodeJS.ErrnoException): AppError {
  const reasons: Record<string, string> = {
    ECONNREFUSED: `Connection refused by ${address}:${port}: nothing listens there. Is sshd running, and is the port right?`,
    EHOSTUNREACH: `Host ${address} is unreachable.`,
    ENETUNREACH: `No route to ${address}.`,
    ENOTFOUND: `Cannot resolve host name ${address}.`,
    EAI_AGAIN: `Cannot resolve host name ${address} (DNS did not answer).`,
    ECONNRESET: `${address}:${port} closed the connection during the SSH handshake.`,
  };
  return new AppError({
    kind: 'connect',
    message: reasons[err.code ?? ''] ?? `Cannot connect to ${address}:${port}: ${err.message}`,
  });
}

/**
 * Opens one authenticated SSH connection. The handshake timer stops while the user is looking at a
 * host-key or password prompt, so a slow human is not mistaken for a dead host.
 */
export async function openConnection(e: SshEndpoint, o: ConnectOptions): Promise<Client> {
  const sock: Duplex = o.viaJump
    ? await o.viaJump(e.address, e.port)
    : await tcpConnect(e.address, e.port, o.connectTimeoutMs);
  const serverHostKey = await o.hostKeys.algorithmsFor(e.address, e.port);
  const client = new Client();
  let hostKeyError: AppError | undefined;
  let authError: AppError | undefined;
  let timer: NodeJS.Timeout | undefined;
  let onTimeout: () => void = () => undefined;
  const pauseTimer = () => timer && clearTimeout(timer);
  const armTimer = () => {
    pauseTimer();
    timer = setTimeout(() => onTimeout(), o.handshakeTimeoutMs);
  };
  let passwordTries = 0;
  let keyOffered = false;

  const authHandler = (
    methodsLeft: AuthenticationType[] | null,
    _partial: boolean | null,
    next: (m: unknown) => void,
  ): void => {
    pauseTimer();
    const username = e.user;
    const done = (m: unknown) => {
      armTimer();
      next(m);
    };
    const fail = (err: unknown) => {
      authError = err instanceof AppError ? err : new AppError({ kind: 'auth', message: String(err) });
      done(false);
    };
    const auth = e.auth;
    if (auth.method === 'agent') {
      if (keyOffered) return done(false);
      keyOffered = true;
      const agent = process.env.SSH_AUTH_SOCK;
      if (!agent)
        return fail(new AppError({ kind: 'auth', message: 'No SSH agent is running (SSH_AUTH_SOCK is not set).' }));
      return done({ type: 'agent', username, agent });
    }
    if (auth.method === 'key') {
      if (keyOffered) return done(false);
      keyOffered = true;
      o.credentials
        .privateKey({ ...e, auth }, o.interactive)
        .then((key) => done({ type: 'publickey', username, key }), fail);
      return;
    }
    if (methodsLeft && !methodsLeft.includes('password')) {
      return fail(
        new AppError({
          kind: 'auth',
          message: `${e.address} does not accept password logins (offers: ${methodsLeft.join(', ')}).`,
        }),
      );
    }
    if (passwordTries >= 3) return done(false);
    passwordTries++;
    o.credentials
      .password(e, passwordTries > 1, o.interactive)
      .then((password) => done({ type: 'password', username, password }), fail);
  };

  const config: ConnectConfig = {
    sock: sock as ConnectConfig['sock'],
    username: e.user,
    readyTimeout: 0,
    keepaliveInterval: o.keepaliveMs,
    keepaliveCountMax: 3,
    // Known host-key types first; no ssh-rsa (SHA-1) signatures, no SHA-1/MD5 MACs.
    algorithms: {
      serverHostKey: serverHostKey as NonNullable<ConnectConfig['algorithms']>['serverHostKey'],
      hmac: MAC_ALGORITHMS as NonNullable<ConnectConfig['algorithms']>['hmac'],
    },
    // Always verify: ssh2 without a verifier would accept any key.
    hostVerifier: (key: Buffer, verify: (ok: boolean) => void) => {
      pauseTimer();
      o.hostKeys
        .verify(e.address, e.port, key, o.interactive)
        .then((r) => {
          if (!r.ok) hostKeyError = r.error;
          armTimer();
          verify(r.ok);
        })
        .catch((err: unknown) => {
          hostKeyError = new AppError({ kind: 'internal', message: `Host key check failed: ${String(err)}` });
          verify(false);
        });
    },
    authHandler: authHandler as unknown as ConnectConfig['authHandler'],
  };

  return new Promise<Client>((resolve, reject) => {
    let settled = false;
    const settle = (err?: AppError) => {
      if (settled) return;
      settled = true;
      pauseTimer();
      if (err) {
        client.end();
        sock.destroy();
        reject(err);
      } else resolve(client);
    };
    onTimeout = () =>
      settle(
        new AppError({
          kind: 'timeout',
          message: `SSH handshake with ${e.address}:${e.port} did not finish within ${Math.round(o.handshakeTimeoutMs / 1000)} s.`,
        }),
      );
    armTimer();
    client.once('ready', () => settle());
    client.once('error', (err: Error & { level?: string }) => {
      if (hostKeyError) return settle(hostKeyError);
      if (authError) return settle(authError);
      if (err.level === 'client-authentication') {
        return settle(
          new AppError({
            kind: 'auth',
            message: `${e.user}@${e.address}:${e.port} refused every authentication method LabDeck tried (${e.auth.method}).`,
            hint: e.auth.method === 'key' ? 'Is the public key in the user’s ~/.ssh/authorized_keys?' : undefined,
          }),
        );
      }
      settle(new AppError({ kind: 'connect', message: `SSH to ${e.address}:${e.port} failed: ${err.message}` }));
    });
    client.once('close', () =>
      settle(
        hostKeyError ??
          authError ??
          new AppError({
            kind: 'connect',
            message: `${e.address}:${e.port} closed the connection during the SSH handshake.`,
          }),
      ),
    );
    client.connect(config);
  });
}
