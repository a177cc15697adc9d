import { create } from 'zustand';
import { createAuditSlice } from './audit-slice';
import { createHostDetailSlice } from './host-detail-slice';
import { createHostSnapshotSlice } from './host-snapshot-slice';
import { createHostsSlice } from './hosts-slice';
import type { LabState } from './lab-state';
import { createPromptsSlice } from './prompts-slice';
import { createUiSlice } from './ui-slice';

export const useLabStore = create<LabState>()((...a) => ({
  ...createHostsSlice(...a),
  ...createPromptsSlice(...a),
  ...createAuditSlice(...a),
  ...createUiSlice(...a),
  ...createHostDetailSlice(...a),
  ...createHostSnapshotSlice(...a),
}));
