import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** Written by e2e/lab/up.sh; every integration test, e2e test and the benchmark reads the lab from here. */
export const LabHost = z.object({
  /** Inventory name and the host's hostname inside its namespace. */
  name: z.string(),
  /** 'qemu': real libvirtd; 'test': libvirt test driver (read-only, state not kept between virsh runs). */
  kind: z.enum(['qemu', 'test']),
  namespace: z.string(),
  address: z.string(),
  port: z.number().int(),
  user: z.string(),
  libvirtUri: z.string(),
  hostKeyType: z.string(),
  /** OpenSSH style: "SHA256:base64-without-padding". */
  hostKeyFingerprint: z.string(),
  /** The public host key line as in a known_hosts file, without the host part: "ssh-ed25519 AAAA…". */
  hostKeyPublic: z.string(),
  sshdPidFile: z.string(),
  sshdConfig: z.string(),
  sshdLog: z.string(),
});
export type LabHost = z.infer<typeof LabHost>;

export const LabDescription = z.object({
  createdAt: z.string(),
  stateDir: z.string(),
  clientKey: z.string(),
  clientPublicKey: z.string(),
  /** A user that can log in but is not in the libvirt group. */
  unprivilegedUser: z.string(),
  hosts: z.array(LabHost).min(1),
  /** A TCP endpoint whose packets are dropped: connecting to it can only time out. */
  deadEndpoint: z.object({ address: z.string(), port: z.number().int() }),
  /** A TCP endpoint where nothing listens: connecting is refused at once. */
  closedEndpoint: z.object({ address: z.string(), port: z.number().int() }),
  qemu: z.object({
    host: z.string(),
    runningDomain: z.string(),
    shutoffDomain: z.string(),
    pool: z.string(),
    poolPath: z.string(),
    volume: z.string(),
  }),
});
export type LabDescription = z.infer<typeof LabDescription>;

export const labStateDir = (): string =>
  process.env.LABDECK_LAB_STATE ?? path.resolve(__dirname, '.state');

export function readLab(): LabDescription {
  const file = path.join(labStateDir(), 'lab.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`No lab description at ${file}: run "npm run lab:up" first (needs root on Debian/Ubuntu).`);
  }
  return LabDescription.parse(JSON.parse(text));
}
