import { keyValueLines } from './virsh-text';

export interface VersionInfo {
  /** The daemon's version, else the client library's (with a local URI they match). */
  libvirtVersion?: string;
  hypervisor?: { name: string; version: string };
}

/** Parses `virsh version --daemon`. */
export function parseVersion(body: string): VersionInfo {
  const kv = keyValueLines(body);
  const library = kv.get('Using library')?.replace(/^libvirt\s+/, '');
  const daemon = kv.get('Running against daemon');
  const out: VersionInfo = {};
  const libvirtVersion = daemon || library;
  if (libvirtVersion) out.libvirtVersion = libvirtVersion;
  // "Running hypervisor: QEMU 7.2.0"; a name may have spaces, the version never does.
  const hv = kv.get('Running hypervisor')?.match(/^(.*\S)\s+(\S+)$/);
  if (hv) out.hypervisor = { name: hv[1]!, version: hv[2]! };
  return out;
}
