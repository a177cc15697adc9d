import type { PodSettings } from '../../../shared/contract';

export type InstallMode = PodSettings['installMode'];

/** What each install mode changes for a VM composed without interface constraints (MAAS 2.4 vs 2.5+). */
export const installModeInfo: Record<InstallMode, { title: string; effect: string }> = {
  manual: {
    title: 'Installed by hand',
    effect:
      "A VM composed without interface constraints gets one NIC on libvirt network 'maas' if the host has it, else on 'default' — whether or not DHCP answers there.",
  },
  deployed: {
    title: 'Deployed as a KVM host',
    effect:
      'A VM composed without interface constraints gets one NIC where DHCP answers: a libvirt network whose bridge has DHCP, else the first bridge with DHCP, else a macvtap on the first usable interface with DHCP; compose refuses when there is none.',
  },
};
