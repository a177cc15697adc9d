import type { FeatureSlots } from '../../components/feature-slots';
import { ComposeVmButton } from '../compose/ComposeVmButton';
import { ConsoleButtons } from '../console/ConsoleButtons';
import { useConsoleStore } from '../console/console-store';
import { UploadVolumeDialog } from '../install-media/UploadVolumeDialog';
import { NetworkEditorDialog } from '../network-editor/NetworkEditorDialog';
import { PodSettingsButton } from '../pod-settings/PodSettingsButton';
import { openPodSettings } from '../pod-settings/pod-settings-store';
import { TopologyView } from '../topology/TopologyView';

/** What each feature offers the others' screens (see components/feature-slots.tsx); given to the app by App. */
export const featureSlots: FeatureSlots = {
  ComposeVmButton,
  PodSettingsButton,
  openPodSettings,
  ConsoleButtons,
  openConsole: (target) => useConsoleStore.getState().open(target),
  TopologyView,
  NetworkEditorDialog,
  UploadVolumeDialog,
};
