import { z } from 'zod';

/**
 * A host snapshot: everything one `sh -s` run of SNAPSHOT_SCRIPT learns about a host, parsed.
 * Schemas (not just types) so the main process can validate it again at the IPC boundary.
 * Sizes carry their unit in the name (KiB, Bytes) because libvirt mixes both.
 */

export const ipFamilies = ['ipv4', 'ipv6'] as const;
export const IpFamily = z.enum(ipFamilies);
export type IpFamily = z.infer<typeof IpFamily>;

// ---------------------------------------------------------------- host interfaces (ip -j -d addr)

/** veth counts as 'physical': the lab's NICs are veths, and to the user they are plain NICs. */
export const interfaceKinds = [
  'physical',
  'bridge',
  'bond',
  'vlan',
  'macvlan',
  'macvtap',
  'tap',
  'loopback',
  'other',
] as const;
export const InterfaceKind = z.enum(interfaceKinds);
export type InterfaceKind = z.infer<typeof InterfaceKind>;

export const IfAddress = z.object({
  family: IpFamily,
  address: z.string(),
  prefixLen: z.number().int().nonnegative(),
  /** 'global', 'link', 'host' as ip reports it. */
  scope: z.string().optional(),
});
export type IfAddress = z.infer<typeof IfAddress>;

export const NetInterface = z.object({
  name: z.string(),
  ifindex: z.number().int(),
  kind: InterfaceKind,
  /** ip's raw linkinfo.info_kind ('veth', 'vxlan', 'tun' …): 'physical'/'other' hide what it really is. */
  infoKind: z.string().optional(),
  /** operstate as ip reports it: 'UP', 'DOWN', 'UNKNOWN', 'LOWERLAYERDOWN' … */
  state: z.string(),
  /** Link flags ('UP', 'LOWER_UP', 'NO-CARRIER' …): operstate alone says UNKNOWN for taps and lo. */
  flags: z.array(z.string()),
  mac: z.string().optional(),
  mtu: z.number().int().nonnegative(),
  addresses: z.array(IfAddress),
  /** The bridge or bond this interface is enslaved to. */
  master: z.string().optional(),
  /** For bridges and bonds: names of the enslaved interfaces (derived from the others' `master`). */
  ports: z.array(z.string()),
  /** The lower device (`ip link` "@parent") when it lives in the same namespace. */
  parent: z.string().optional(),
  vlan: z.object({ id: z.number().int(), protocol: z.string().optional(), parent: z.string().optional() }).optional(),
  /** macvlan and macvtap; mode 'passthru' is normalised to libvirt's spelling 'passthrough'. */
  macvlan: z.object({ mode: z.string(), parent: z.string().optional() }).optional(),
  /** Set for tun/tap devices: libvirt's vnetN are 'tap'. */
  tunType: z.enum(['tun', 'tap']).optional(),
});
export type NetInterface = z.infer<typeof NetInterface>;

// ---------------------------------------------------------------- libvirt networks

/** libvirt's <forward mode>; 'isolated' = no <forward> element at all. */
export const forwardModes = [
  'nat',
  'route',
  'open',
  'bridge',
  'private',
  'vepa',
  'passthrough',
  'hostdev',
  'isolated',
  'other',
] as const;
export const ForwardMode = z.enum(forwardModes);
export type ForwardMode = z.infer<typeof ForwardMode>;

export const DhcpRange = z.object({ start: z.string(), end: z.string() });
export const DhcpHost = z.object({ mac: z.string().optional(), name: z.string().optional(), ip: z.string() });
export type DhcpHost = z.infer<typeof DhcpHost>;

export const NetworkIp = z.object({
  family: IpFamily,
  address: z.string(),
  /** From prefix= or netmask= (converted). */
  prefixLen: z.number().int().nonnegative(),
  /** null: no <dhcp> element on this address, so libvirt hands out no leases here. */
  dhcp: z.object({ ranges: z.array(DhcpRange), hosts: z.array(DhcpHost) }).nullable(),
});
export type NetworkIp = z.infer<typeof NetworkIp>;

export const DhcpLease = z.object({
  mac: z.string(),
  family: IpFamily,
  ip: z.string(),
  prefixLen: z.number().int().nonnegative().optional(),
  hostname: z.string().optional(),
  clientId: z.string().optional(),
  /** As virsh prints it: the host's local time, "YYYY-MM-DD HH:MM:SS". */
  expiry: z.string(),
});
export type DhcpLease = z.infer<typeof DhcpLease>;

export const LibvirtNetwork = z.object({
  name: z.string(),
  uuid: z.string(),
  active: z.boolean(),
  autostart: z.boolean(),
  persistent: z.boolean(),
  forwardMode: ForwardMode,
  /** <bridge name=…>: virbrN for nat/route/isolated, the host bridge for mode='bridge'. */
  bridge: z.string().optional(),
  /** <forward dev=…> and <forward><interface dev=…/>: e.g. the NIC a vepa network's macvtaps sit on. */
  forwardDevs: z.array(z.string()),
  ips: z.array(NetworkIp),
  /** Whether libvirt's dnsmasq answers DNS here: false for <dns enable='no'/> and for modes without dnsmasq. */
  dnsEnabled: z.boolean(),
  leases: z.array(DhcpLease),
});
export type LibvirtNetwork = z.infer<typeof LibvirtNetwork>;

// ---------------------------------------------------------------- storage

export const StorageVolume = z.object({
  name: z.string(),
  path: z.string(),
  /** 'file', 'block', 'dir', 'network' … */
  type: z.string(),
  /** From `vol-list --details`, which rounds to 2 decimals of its unit ("1.50 GiB"): approximate. */
  capacityBytes: z.number().nonnegative(),
  allocationBytes: z.number().nonnegative(),
});
export type StorageVolume = z.infer<typeof StorageVolume>;

export const StoragePool = z.object({
  name: z.string(),
  uuid: z.string(),
  type: z.string(),
  active: z.boolean(),
  autostart: z.boolean(),
  persistent: z.boolean(),
  /** Exact, from the pool XML; 0 while the pool is inactive. */
  capacityBytes: z.number().nonnegative(),
  allocationBytes: z.number().nonnegative(),
  availableBytes: z.number().nonnegative(),
  targetPath: z.string().optional(),
  /** Empty for inactive pools (libvirt can't list them). */
  volumes: z.array(StorageVolume),
});
export type StoragePool = z.infer<typeof StoragePool>;

// ---------------------------------------------------------------- domains

/** virsh's own spellings (LC_ALL=C). */
export const domainStates = [
  'running',
  'idle',
  'paused',
  'in shutdown',
  'shut off',
  'crashed',
  'pmsuspended',
  'no state',
  'unknown',
] as const;
export const DomainState = z.enum(domainStates);
export type DomainState = z.infer<typeof DomainState>;

export const DomainDisk = z.object({
  /** 'disk', 'cdrom', 'floppy', 'lun'. */
  device: z.string(),
  /** <disk type=…>: 'file', 'block', 'volume', 'network', 'dir'. */
  type: z.string(),
  target: z.string().optional(),
  bus: z.string().optional(),
  /** null: no medium (an empty cdrom). */
  source: z
    .object({
      file: z.string().optional(),
      dev: z.string().optional(),
      dir: z.string().optional(),
      pool: z.string().optional(),
      volume: z.string().optional(),
      protocol: z.string().optional(),
      name: z.string().optional(),
    })
    .nullable(),
  /** <driver type=…>: 'qcow2', 'raw' … */
  format: z.string().optional(),
});
export type DomainDisk = z.infer<typeof DomainDisk>;

export const NicIp = z.object({
  family: IpFamily,
  address: z.string(),
  prefixLen: z.number().int().nonnegative().optional(),
  /**
   * 'lease': a network's DHCP lease with this NIC's MAC; 'domifaddr': `domifaddr --source lease`;
   * 'arp': the host's ARP table (/proc/net/arp) has this NIC's MAC.
   */
  origin: z.enum(['lease', 'domifaddr', 'arp']),
});
export type NicIp = z.infer<typeof NicIp>;

export const DomainNic = z.object({
  /** <interface type=…>: 'network', 'bridge', 'direct', 'user', 'ethernet' … */
  type: z.string(),
  /** Network name (network), bridge (bridge), host device (direct). */
  source: z.string().optional(),
  /** Only for 'direct': macvtap mode 'vepa', 'bridge', 'private', 'passthrough'. */
  mode: z.string().optional(),
  mac: z.string().optional(),
  model: z.string().optional(),
  /** The host-side device while running: vnetN, macvtapN. */
  target: z.string().optional(),
  ips: z.array(NicIp),
});
export type DomainNic = z.infer<typeof DomainNic>;

export const Domain = z.object({
  name: z.string(),
  uuid: z.string(),
  state: DomainState,
  /** <domain type=…>: 'kvm', 'qemu', 'test'. */
  virtType: z.string().optional(),
  vcpus: z.number().int().nonnegative(),
  memoryKiB: z.number().nonnegative(),
  currentMemoryKiB: z.number().nonnegative(),
  arch: z.string().optional(),
  disks: z.array(DomainDisk),
  nics: z.array(DomainNic),
});
export type Domain = z.infer<typeof Domain>;

// ---------------------------------------------------------------- libvirt as a whole

export const NodeInfo = z.object({
  cpus: z.number().int().nonnegative(),
  /** What nodeinfo calls "CPU model" — on Linux this is the machine arch ("x86_64"), not a CPU name. */
  cpuModel: z.string(),
  mhz: z.number().nonnegative(),
  sockets: z.number().int().nonnegative(),
  cores: z.number().int().nonnegative(),
  threads: z.number().int().nonnegative(),
  numaCells: z.number().int().nonnegative().optional(),
  memoryKiB: z.number().nonnegative(),
});
export type NodeInfo = z.infer<typeof NodeInfo>;

export const LibvirtError = z.object({
  message: z.string(),
  /** What to do about it, when we recognise it (e.g. "add the user to the libvirt group"). */
  hint: z.string().optional(),
});
export type LibvirtError = z.infer<typeof LibvirtError>;

/**
 * With `error` set (no access to libvirt) the other optional fields are absent and the lists empty.
 */
export const LibvirtSnapshot = z.object({
  error: LibvirtError.optional(),
  /** The canonical URI virsh connected to (`virsh uri`). */
  uri: z.string().optional(),
  /** Set when changes through this connection do not persist or are refused (see readOnlyReason). */
  readOnly: z.object({ reason: z.string() }).optional(),
  /** The daemon's version ("9.0.0"), else the client library's. */
  libvirtVersion: z.string().optional(),
  hypervisor: z.object({ name: z.string(), version: z.string() }).optional(),
  node: NodeInfo.optional(),
  /** The host's arch as libvirt sees it (nodeinfo's "CPU model" on Linux). */
  arch: z.string().optional(),
  networks: z.array(LibvirtNetwork),
  pools: z.array(StoragePool),
  domains: z.array(Domain),
});
export type LibvirtSnapshot = z.infer<typeof LibvirtSnapshot>;

/** From the OS itself (uname, /proc): known for machines without libvirt too. */
export const SystemInfo = z.object({
  arch: z.string().optional(),
  kernel: z.string().optional(),
  cpus: z.number().int().nonnegative().optional(),
  /** /proc/cpuinfo "model name": the human CPU name libvirt's nodeinfo lacks. */
  cpuModel: z.string().optional(),
  memoryKiB: z.number().nonnegative().optional(),
  /** /proc/meminfo MemAvailable: what the host could still give out; MemTotal minus this is its real use. */
  memoryAvailableKiB: z.number().nonnegative().optional(),
  /** Tools that can build a cloud-init seed ISO, as found on PATH; absent from older snapshots. */
  tools: z.array(z.string()).optional(),
});
export type SystemInfo = z.infer<typeof SystemInfo>;

export const HostSnapshot = z.object({
  takenAt: z.string(),
  hostname: z.string(),
  /** 'machine': no virsh on the host (then `libvirt` is null). */
  kind: z.enum(['pod', 'machine']),
  system: SystemInfo,
  interfaces: z.array(NetInterface),
  libvirt: LibvirtSnapshot.nullable(),
  /** Things that went wrong but didn't stop the snapshot (a section that didn't parse, a virsh error). */
  warnings: z.array(z.string()).optional(),
});
export type HostSnapshot = z.infer<typeof HostSnapshot>;
