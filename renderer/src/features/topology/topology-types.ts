import type { HostWarning } from '../../../../shared/warnings';

export type TopoNodeKind = 'interface' | 'bridge' | 'network' | 'vm';

/** Health as one word, for the node's dot and the details panel. */
export type TopoStatus = 'up' | 'down' | 'running' | 'stopped' | 'paused';

/** Who answers DHCP on a network: libvirt's dnsmasq, a server the user marked, both (a conflict), or nobody known. */
export type TopoDhcp = 'libvirt' | 'external' | 'both' | 'none';

export interface TopoNode {
  /** `${kind}:${name}`: names are unique per kind, not across kinds (a network may share a bridge's name). */
  id: string;
  kind: TopoNodeKind;
  name: string;
  /** The accessible name: "bridge br0", "VM lab-running", "interface eth1", "network default". */
  label: string;
  /** The second line shown in the node: state and address, or VM size. */
  detail: string;
  /** A VM's vCPUs and memory: the end of `detail` that must never be cut off. */
  size?: string;
  status: TopoStatus;
  /** Which column family the node belongs to; the layout may push it further right. */
  group: number;
  dhcp?: TopoDhcp;
  warnings: HostWarning[];
}

export type TopoEdgeKind =
  'port' | 'vlan' | 'macvlan' | 'network-bridge' | 'forward-dev' | 'network-vm' | 'bridge-vm' | 'macvtap';

export interface TopoEdge {
  id: string;
  source: string;
  target: string;
  kind: TopoEdgeKind;
  /** Drawn on the edge; only where the kind of link is not obvious (macvtap mode, VLAN id). */
  label?: string;
  /** The connection in words, for the list under the picture and the edge's aria-label. */
  text: string;
}

export interface TopoGraph {
  nodes: TopoNode[];
  edges: TopoEdge[];
}
