import { parseIpAddr } from './parse-ip';
import { parseLibvirt } from './parse-libvirt';
import { keyValues, parseSystem } from './parse-system';
import { SNAPSHOT_FORMAT, splitSections } from './sections';
import type { HostSnapshot, NetInterface } from './types';

/** The output holds no snapshot at all (no header line): the script didn't run. */
export class SnapshotParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotParseError';
  }
}

/**
 * Parses the stdout of SNAPSHOT_SCRIPT. Problems with single sections or objects become `warnings`;
 * only output without the script's header throws (SnapshotParseError).
 */
export function parseSnapshotOutput(stdout: string, takenAt: string): HostSnapshot {
  const split = splitSections(stdout);
  if (split.format === undefined) {
    const head = split.preamble.slice(0, 300);
    throw new SnapshotParseError(`The snapshot script printed no snapshot${head ? `: ${head}` : ' (empty output)'}`);
  }
  const warnings: string[] = [];
  const warn = (w: string): void => void warnings.push(w);
  if (split.format !== SNAPSHOT_FORMAT) warn(`snapshot format ${split.format}, expected ${SNAPSHOT_FORMAT}`);
  if (!split.complete) warn('the snapshot output was cut short: some objects may be missing');

  const body = (name: string): string => split.sections.find((s) => s.name === name)?.body ?? '';
  const user = keyValues(body('user'));

  let interfaces: NetInterface[] = [];
  const ip = body('ip').trim();
  try {
    interfaces = parseIpAddr(ip);
  } catch {
    warn(`ip -j -d addr show: ${ip.split('\n')[0]?.slice(0, 200) || 'no output'}`);
  }

  const system = parseSystem(body('system'));
  // Absent section (an older script): unknown, not "none".
  if (split.sections.some((s) => s.name === 'tools')) system.tools = parseTools(body('tools'));

  const virsh = split.sections.find((s) => s.name === 'virsh');
  const present = virsh?.arg === 'present';
  const snapshot: HostSnapshot = {
    takenAt,
    hostname: body('hostname').trim(),
    kind: present ? 'pod' : 'machine',
    system,
    interfaces,
    libvirt: present
      ? parseLibvirt(split.sections, { user: user.get('user'), groups: user.get('groups')?.split(/\s+/) }, warn)
      : null,
  };
  if (warnings.length > 0) snapshot.warnings = warnings;
  return snapshot;
}

/** The script's `tools` section: one tool name per line (only names the script asked about). */
export function parseTools(body: string): string[] {
  return body
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^[a-z][a-z0-9-]*$/.test(l));
}
