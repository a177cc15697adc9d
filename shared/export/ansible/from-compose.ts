import { buildIso9660, type SeedFiles } from '../../cloud-init';
import type { ComposeStep } from '../../compose/commands';
import type { ExportReservation, ExportSeed, ExportVm, ExportVolumeStep } from './model';

const flag = (argv: readonly string[], name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};

/** The seed ISO exactly as LabDeck builds it when the host has no tool (same bytes for the same files). */
export function seedIso(files: SeedFiles): Uint8Array {
  const enc = new TextEncoder();
  return buildIso9660({
    volumeId: 'cidata',
    files: [
      { name: 'meta-data', data: enc.encode(files.metaData) },
      { name: 'user-data', data: enc.encode(files.userData) },
      ...(files.networkConfig ? [{ name: 'network-config', data: enc.encode(files.networkConfig) }] : []),
    ],
  });
}

export interface ComposeExportInput {
  name: string;
  /** The compose steps, in order (buildPlan's). */
  steps: readonly ComposeStep[];
  domainXml: string;
  /** The VM's own disk volumes (not the seed), as compose creates them. */
  volumes: readonly { pool: string; name: string; path: string }[];
  reservations: readonly ExportReservation[];
  seed?: { pool: string; volume: string; path: string; files: SeedFiles };
  /** The ISO or base image the VM reads. */
  source?: { pool: string; volume: string; path: string };
  start: boolean;
}

/**
 * A VM of the export from the very calls compose would run: each volume-making virsh call kept as
 * it is (so the overlay, copy or empty disk is made the same way), the seed as an ISO to upload,
 * the reservations, and the domain XML compose would define.
 */
export function vmFromCompose(i: ComposeExportInput): ExportVm {
  const volumeSteps: ExportVolumeStep[] = [];
  for (const s of i.steps) {
    if (s.program === 'sh') continue; // the seed built on the host: replaced by the uploaded ISO
    const cmd = s.argv[0];
    const pool = flag(s.argv, '--pool') ?? '';
    if (s.kind === 'create-volume') {
      const named = flag(s.argv, '--name') ?? flag(s.argv, '--newname');
      const vol =
        named !== undefined
          ? i.volumes.find((v) => v.name === named)
          : i.volumes.find((v) => v.pool === pool && (s.stdin ?? '').includes(`<name>${v.name}</name>`));
      if (!vol) continue; // the seed's own volume (LabDeck-built seeds): handled below
      volumeSteps.push({
        kind: 'create',
        pool: vol.pool,
        volume: vol.name,
        path: vol.path,
        argv: [...s.argv],
        ...(s.stdin !== undefined ? { stdin: s.stdin } : {}),
        description: s.description,
      });
    } else if (s.kind === 'resize-volume' && cmd === 'vol-resize') {
      const name = flag(s.argv, '--vol') ?? '';
      const vol = i.volumes.find((v) => v.name === name && v.pool === pool);
      const capacity = Number(flag(s.argv, '--capacity'));
      if (!vol || !Number.isFinite(capacity)) continue;
      volumeSteps.push({
        kind: 'grow',
        pool,
        volume: name,
        path: vol.path,
        argv: [...s.argv],
        capacityBytes: capacity,
        description: s.description,
      });
    }
  }
  const seed: ExportSeed | undefined = i.seed
    ? { pool: i.seed.pool, volume: i.seed.volume, path: i.seed.path, files: i.seed.files, iso: seedIso(i.seed.files) }
    : undefined;
  return {
    name: i.name,
    domainXml: i.domainXml,
    volumeSteps,
    ...(seed ? { seed } : {}),
    reservations: [...i.reservations],
    start: i.start,
    needs: i.source ? [i.source] : [],
  };
}
