import type { InstallKind } from './install-draft';

/** Each install source in a title and one line on what happens at first boot. */
export const installKindInfo: Record<InstallKind, { title: string; effect: string }> = {
  network: {
    title: 'Network boot (PXE)',
    effect:
      'The VM boots from its NIC first (MAAS, a PXE server), then from the empty disk once something is installed.',
  },
  iso: {
    title: 'ISO',
    effect:
      'An installer ISO from a pool is attached as a CD-ROM and booted first; the disk is empty until you install.',
  },
  'cloud-image': {
    title: 'Cloud image',
    effect:
      'The boot disk is made from a cloud image; cloud-init sets the hostname, a user, keys and addresses at first boot.',
  },
  none: {
    title: 'Empty disk',
    effect: 'Just the disks, booting from the first one: nothing boots until you put an OS there yourself.',
  },
};

export const installKindOrder: InstallKind[] = ['network', 'iso', 'cloud-image', 'none'];
