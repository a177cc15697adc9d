import type { SeedFiles } from '../../cloud-init';

/**
 * What an Ansible export holds, as data: the host to run against, the pools and networks the VMs
 * need, and per VM the exact volume calls, DHCP reservations and domain XML LabDeck's compose
 * would use. render.ts turns it into an inventory and a playbook (community.libvirt) with the
 * `yaml` library; nothing here is text glued together.
 */

/** The inventory entry: where Ansible connects. No secrets: the SSH key or agent is the user's. */
export interface AnsibleTarget {
  /** The inventory name (LabDeck's host name). */
  name: string;
  address: string;
  port: number;
  user: string;
  libvirtUri: string;
}

export interface ExportPool {
  name: string;
  /** libvirt pool type ('dir', 'logical' …). */
  type: string;
  /** `pool-dumpxml --inactive` without uuid and sizes (they belong to one host). */
  xml: string;
  /** The pool's folder, for dir-like pools: built (`pool-build`) when it does not exist yet. */
  targetPath?: string;
  active: boolean;
  autostart: boolean;
}

export interface ExportNetwork {
  name: string;
  /** `net-dumpxml --inactive` without uuid and bridge MAC (they belong to one host). */
  xml: string;
  active: boolean;
  autostart: boolean;
  /** DHCP host entries to make sure of, also when the network already exists. */
  reservations: ExportReservation[];
}

export interface ExportReservation {
  network: string;
  mac: string;
  ip: string;
  name?: string;
}

/**
 * One virsh call that makes (or grows) a volume: the argv after `virsh --connect URI`, as compose
 * runs it. 'create' runs only while `path` does not exist; 'grow' only while the volume is smaller.
 */
export interface ExportVolumeStep {
  kind: 'create' | 'grow';
  pool: string;
  volume: string;
  path: string;
  argv: string[];
  stdin?: string;
  /** For 'grow': the size to reach. */
  capacityBytes?: number;
  description: string;
}

/** The NoCloud seed: its files (for review), and the ISO LabDeck built from them (uploaded). */
export interface ExportSeed {
  pool: string;
  volume: string;
  path: string;
  files?: SeedFiles;
  iso: Uint8Array;
}

export interface ExportVm {
  name: string;
  /** The exact domain XML compose defines (MACs included). */
  domainXml: string;
  volumeSteps: ExportVolumeStep[];
  seed?: ExportSeed;
  reservations: ExportReservation[];
  start: boolean;
  /** Volumes the VM reads but does not own (the base image, the ISO): they must be there already. */
  needs: { pool: string; volume: string; path: string }[];
}

export interface AnsibleExportPlan {
  target: AnsibleTarget;
  pools: ExportPool[];
  networks: ExportNetwork[];
  vms: ExportVm[];
  /** Where it came from, in a sentence (a header comment of the playbook). */
  source: string;
}

/** One file of the export: text, or bytes as base64 (the seed ISO). */
export interface ExportFile {
  path: string;
  content: string;
  encoding: 'utf8' | 'base64';
}

/** One XML document, one trailing newline (virsh output may carry blank lines around it). */
const tidy = (xml: string): string => `${xml.trim()}\n`;

/** Strips what belongs to one host from a network's XML: its uuid and its bridge's MAC. */
export function portableNetworkXml(xml: string): string {
  return tidy(xml)
    .replace(/^[ \t]*<uuid>[^<]*<\/uuid>[ \t]*\r?\n/m, '')
    .replace(/^[ \t]*<mac address=['"][^'"]*['"][ \t]*\/>[ \t]*\r?\n/m, '');
}

/** Strips what belongs to one host from a pool's XML: uuid, capacity, allocation, available. */
export function portablePoolXml(xml: string): string {
  return tidy(xml)
    .replace(/^[ \t]*<uuid>[^<]*<\/uuid>[ \t]*\r?\n/m, '')
    .replace(/^[ \t]*<(capacity|allocation|available)\b[^>]*>[^<]*<\/\1>[ \t]*\r?\n/gm, '');
}

/** A domain's XML without its uuid (define then keeps the one the host has, or makes one). */
export function portableDomainXml(xml: string): string {
  return tidy(xml).replace(/^[ \t]*<uuid>[^<]*<\/uuid>[ \t]*\r?\n/m, '');
}
