export { useLabStore } from './lab-store';
export type { LabState } from './lab-state';
export type { Screen, SortKey, SortDirection, HostDialogState, Notice } from './ui-slice';
export * from './selectors';
export { syncWithEngine } from './sync-with-engine';
export { hostDetailTabs, type HostDetailTab } from './host-detail-slice';
export type { HostSnapshotEntry } from './host-snapshot-slice';
export { hostSnapshotCacheFor } from './host-snapshot-cache';
