import type { ButtonProps } from '@mui/material/Button';
import { createContext, useContext, type ComponentType, type ReactNode } from 'react';
import type { HostMarks } from '../../../shared/compose/marks';
import type { HostView } from '../../../shared/contract';
import type { HostSnapshot, StoragePool } from '../../../shared/snapshot/types';
import type { HostWarning } from '../../../shared/warnings';

/*
 * One feature's entry points shown inside another feature's screen ("Compose VM" in the inventory,
 * the topology on the host screen, "Console" in the wizard's last step). Features never import each
 * other, so they take these from here; the app shell, the composition root, fills them in with the
 * real components. The shapes are declared here so both sides agree without knowing each other.
 */

type ButtonLook = Pick<ButtonProps, 'size' | 'variant'>;

export type ComposeVmButtonProps = { host: HostView; variant?: 'icon' | 'button'; buttonProps?: ButtonLook };
export type PodSettingsButtonProps = { host: HostView; buttonProps?: ButtonLook };
export type ConsoleTarget = {
  kind: 'console.serial' | 'console.vnc';
  hostId: string;
  hostName: string;
  domain: string;
};
export type ConsoleButtonsProps = { hostId: string; hostName: string; domain: string; size?: 'small' | 'medium' };
export type TopologyViewProps = { snapshot: HostSnapshot; marks: HostMarks; warnings: HostWarning[]; hostName: string };
export type NetworkEditorMode =
  { kind: 'create' } | { kind: 'edit'; network: string } | { kind: 'delete'; network: string };
export type NetworkEditorDialogProps = {
  hostId: string;
  hostName: string;
  snapshot: HostSnapshot;
  mode: NetworkEditorMode;
  onClose: () => void;
};
export type UploadVolumeDialogProps = {
  open: boolean;
  hostId: string;
  hostName: string;
  pools: StoragePool[];
  defaultPool: string | undefined;
  /** "ISO" or "cloud image": what the file is, for the title and hints. */
  what: string;
  onClose: () => void;
  /** The upload finished: the new volume, to select it. */
  onUploaded: (pool: string, volume: string) => void;
};

export type FeatureSlots = {
  ComposeVmButton: ComponentType<ComposeVmButtonProps>;
  PodSettingsButton: ComponentType<PodSettingsButtonProps>;
  openPodSettings: (hostId: string) => void;
  ConsoleButtons: ComponentType<ConsoleButtonsProps>;
  /** Opens (or focuses) a VM's console tab in the dock. */
  openConsole: (target: ConsoleTarget) => void;
  TopologyView: ComponentType<TopologyViewProps>;
  NetworkEditorDialog: ComponentType<NetworkEditorDialogProps>;
  UploadVolumeDialog: ComponentType<UploadVolumeDialogProps>;
};

const FeatureSlotsContext = createContext<FeatureSlots | null>(null);

export function FeatureSlotsProvider({ slots, children }: { slots: FeatureSlots; children: ReactNode }) {
  return <FeatureSlotsContext.Provider value={slots}>{children}</FeatureSlotsContext.Provider>;
}

/** The other features' entry points; only inside FeatureSlotsProvider (the app shell mounts it). */
export function useFeatureSlots(): FeatureSlots {
  const slots = useContext(FeatureSlotsContext);
  if (!slots) throw new Error('useFeatureSlots outside FeatureSlotsProvider: the app shell provides the feature slots');
  return slots;
}
