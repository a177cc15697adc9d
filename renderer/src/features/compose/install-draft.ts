import type { InstallSource } from '../../../../shared/contract';

export type InstallKind = InstallSource['kind'];
export type CloneMode = 'overlay' | 'copy';

/**
 * Where the VM's OS comes from, as the wizard holds it: each kind keeps its own volume choice, so
 * switching kinds back and forth loses nothing.
 */
export interface InstallDraft {
  kind: InstallKind;
  iso: { pool: string; volume: string };
  image: { pool: string; volume: string; clone: CloneMode };
}

export const initialInstall = (): InstallDraft => ({
  kind: 'network',
  iso: { pool: '', volume: '' },
  image: { pool: '', volume: '', clone: 'overlay' },
});

/** The request's install source; network boot is sent explicitly, so the request says what the card said. */
export function installToRequest(d: InstallDraft): InstallSource {
  switch (d.kind) {
    case 'iso':
      return { kind: 'iso', pool: d.iso.pool, volume: d.iso.volume };
    case 'cloud-image':
      return { kind: 'cloud-image', pool: d.image.pool, volume: d.image.volume, clone: d.image.clone };
    default:
      return { kind: d.kind };
  }
}

/** What is missing before the install source can be planned; null when nothing. */
export function installProblem(d: InstallDraft): string | null {
  if (d.kind === 'iso' && (!d.iso.pool || !d.iso.volume)) return 'Choose the ISO volume to boot from.';
  if (d.kind === 'cloud-image' && (!d.image.pool || !d.image.volume))
    return 'Choose the cloud image the boot disk is made from.';
  return null;
}
