import { emptyMarks, type HostMarks } from '../compose/marks';
import type { HostSnapshot } from '../snapshot/types';
import { bridgeWithoutUplinkWarnings } from './bridge-without-uplink';
import { dhcpDoubleWarnings } from './dhcp-double';
import { downButUsedWarnings } from './down-but-used';
import { fallbackNetworkWarnings } from './fallback-network';
import { macvtapIsolationWarnings } from './macvtap-isolation';
import { nicSourceMissingWarnings } from './nic-source-missing';
import { passthroughSharedWarnings } from './passthrough-shared';
import { severityRank, type HostWarning } from './types';

/** Everything worth warning about on one host, most severe first. */
export function hostWarnings(snapshot: HostSnapshot, marks: HostMarks = emptyMarks()): HostWarning[] {
  const all = [
    ...downButUsedWarnings(snapshot),
    ...passthroughSharedWarnings(snapshot),
    ...dhcpDoubleWarnings(snapshot, marks),
    ...nicSourceMissingWarnings(snapshot),
    ...fallbackNetworkWarnings(snapshot, marks),
    ...bridgeWithoutUplinkWarnings(snapshot),
    ...macvtapIsolationWarnings(snapshot),
  ];
  // Stable: within a severity, rules keep the order above.
  return all
    .map((w, i) => ({ w, i }))
    .sort((a, b) => severityRank[a.w.severity] - severityRank[b.w.severity] || a.i - b.i)
    .map(({ w }) => w);
}
