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
  /**
   * The tiny bootable guest (e2e/lab/guest): one hybrid image, uploaded to `host`'s `pool` twice —
   * `isoVolume` boots as a CD-ROM, `cloudVolume` as a disk (put a qcow2 overlay on it). It reads a
   * NoCloud seed (label `cidata`), prints `labdeck-guest: …` lines on its serial console
   * (e2e/integration/guests.ts parses them) and runs an SSH server.
   */
  guest: z.object({
    host: z.string(),
    pool: z.string(),
    isoVolume: z.string(),
    cloudVolume: z.string(),
    /** The built image on this machine (the volumes are copies of it). */
    imagePath: z.string(),
    /** Hash of the image's recipe: changes when the image is rebuilt. */
    version: z.string(),
    /** Memory to give it, at least (Debian's kernel under GRUB needs that much to unpack). */
    minMemoryMiB: z.number().int(),
    /** The user created for `- default` in the seed's users (or when it names no users). */
    defaultUser: z.string(),
  }),
  /**
   * A LAN machine on the far side of `host`'s `hostInterface` (a network namespace, no sshd): the
   * segment macvtap guests on that NIC land on, with an external DHCP server (dnsmasq; switch it
   * with `dhcpScript on|off|status`). `hostAddress` is the host's own address on that segment.
   */
  lan: z.object({
    namespace: z.string(),
    interface: z.string(),
    address: z.string(),
    prefixLen: z.number().int(),
    dhcpRange: z.tuple([z.string(), z.string()]),
    host: z.string(),
    hostInterface: z.string(),
    hostAddress: z.string(),
    leasesFile: z.string(),
    dhcpScript: z.string(),
  }),
});
export type LabDescription = z.infer<typeof LabDescription>;

export const labStateDir = (): string => process.env.LABDECK_LAB_STATE ?? path.resolve(__dirname, '.state');

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
