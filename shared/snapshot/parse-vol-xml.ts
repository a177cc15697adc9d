import { sizeToBytes } from './units';
import { attr, child, childText, parseXmlRoot } from './xml';

export interface VolumeInfo {
  name: string;
  path: string;
  /** <volume type=…>: 'file', 'block', 'dir', 'network' … */
  type: string;
  capacityBytes: number;
  allocationBytes: number;
  /** <target><format type=…>: 'raw', 'qcow2', 'iso' (a dir pool probes ISO 9660), 'dir' … */
  format: string;
  /** The image this one is an overlay on (qcow2 with a backing file). */
  backingStore?: { path: string; format: string };
}

/** Parses `virsh vol-dumpxml`; undefined when it is not a volume with a name and a path. */
export function parseVolumeXml(xml: string): VolumeInfo | undefined {
  const vol = parseXmlRoot(xml, 'volume');
  const name = childText(vol, 'name');
  const target = child(vol, 'target');
  const path = childText(target, 'path') || childText(vol, 'key');
  if (!vol || !name || !path) return undefined;
  // Volume sizes default to bytes, like pools.
  const bytes = (el: string) => sizeToBytes(childText(vol, el), attr(child(vol, el), 'unit'), 'bytes') ?? 0;
  const info: VolumeInfo = {
    name,
    path,
    type: attr(vol, 'type') ?? 'file',
    capacityBytes: bytes('capacity'),
    allocationBytes: bytes('allocation'),
    format: attr(child(target, 'format'), 'type') ?? 'raw',
  };
  const backing = child(vol, 'backingStore');
  const backingPath = childText(backing, 'path');
  if (backingPath) info.backingStore = { path: backingPath, format: attr(child(backing, 'format'), 'type') ?? 'raw' };
  return info;
}
