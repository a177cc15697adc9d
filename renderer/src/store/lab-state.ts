import type { AuditSlice } from './audit-slice';
import type { HostDetailSlice } from './host-detail-slice';
import type { HostSnapshotSlice } from './host-snapshot-slice';
import type { HostsSlice } from './hosts-slice';
import type { PromptsSlice } from './prompts-slice';
import type { UiSlice } from './ui-slice';

/** The whole renderer state; slices are typed against it so actions may touch neighbours. */
export type LabState = HostsSlice & PromptsSlice & AuditSlice & UiSlice & HostDetailSlice & HostSnapshotSlice;
