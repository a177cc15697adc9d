import type { SeedFiles } from '../cloud-init';
import { buildIso9660 } from '../cloud-init';
import type { ComposeStep } from './commands';
import { virsh } from '../virsh';

/** Tools that make a `cidata` ISO, in the order LabDeck prefers them when the host has several. */
export const SEED_TOOLS = ['cloud-localds', 'genisoimage', 'mkisofs', 'xorriso'] as const;
export type SeedTool = (typeof SEED_TOOLS)[number];

/**
 * Builds the seed ISO on the host with the tool named in $4, then stores it as volume $3 of pool $2
 * through libvirt ($1 = URI). The files arrive base64-encoded as arguments ($5 meta-data, $6
 * user-data, $7 network-config or empty), so nothing the user typed is ever part of the script.
 * A half-made volume is deleted again before it fails, so its rollback is only needed once it succeeded.
 */
export const SEED_SCRIPT = `set -eu
uri=$1 pool=$2 vol=$3 tool=$4
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"
printf '%s' "$5" | base64 -d >meta-data
printf '%s' "$6" | base64 -d >user-data
files='user-data meta-data'
if [ -n "$7" ]; then printf '%s' "$7" | base64 -d >network-config; files="$files network-config"; fi
case $tool in
  cloud-localds)
    if [ -n "$7" ]; then cloud-localds -N network-config seed.iso user-data meta-data
    else cloud-localds seed.iso user-data meta-data; fi ;;
  genisoimage | mkisofs) $tool -quiet -output seed.iso -volid cidata -joliet -rock $files ;;
  xorriso) xorriso -as mkisofs -quiet -output seed.iso -volid cidata -joliet -rock $files ;;
  *) echo "unknown seed tool $tool" >&2; exit 2 ;;
esac
size=$(wc -c <seed.iso)
virsh -q --connect "$uri" vol-create-as --pool "$pool" --name "$vol" --capacity "$size" --format raw >/dev/null
if ! virsh -q --connect "$uri" vol-upload --pool "$pool" --vol "$vol" --file seed.iso; then
  virsh -q --connect "$uri" vol-delete --pool "$pool" --vol "$vol" >/dev/null 2>&1 || true
  exit 1
fi
`;

export interface SeedPlanInput {
  uri: string;
  pool: string;
  /** The pool's folder: the seed's path in the domain XML. */
  poolPath: string;
  volume: string;
  files: SeedFiles;
  /** What the host has (snapshot); LabDeck builds the ISO itself when it has none of SEED_TOOLS. */
  hostTools: readonly string[];
  /** Used when LabDeck builds the ISO, so a plan and its run write the same bytes. */
  createdAt?: Date;
}

export interface SeedPlan {
  pool: string;
  volume: string;
  path: string;
  builder: 'host' | 'labdeck';
  tool?: SeedTool;
  steps: ComposeStep[];
}

const b64 = (s: string): string => {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
};

const deleteCall = (pool: string, volume: string) => ({
  argv: virsh.volume.delete({ pool, vol: volume }),
  description: `Delete the seed volume ${volume} from pool ${pool}.`,
});

/** The steps that put a NoCloud seed into the pool: built by the host's own tool when it has one, else by LabDeck and uploaded. */
export function planSeed(i: SeedPlanInput): SeedPlan {
  const path = `${i.poolPath.replace(/\/+$/, '')}/${i.volume}`;
  const tool = SEED_TOOLS.find((t) => i.hostTools.includes(t));
  if (tool) {
    return {
      pool: i.pool,
      volume: i.volume,
      path,
      builder: 'host',
      tool,
      steps: [
        {
          kind: 'build-seed',
          program: 'sh',
          argv: [
            'sh',
            '-c',
            SEED_SCRIPT,
            'labdeck-seed',
            i.uri,
            i.pool,
            i.volume,
            tool,
            b64(i.files.metaData),
            b64(i.files.userData),
            i.files.networkConfig ? b64(i.files.networkConfig) : '',
          ],
          description: `Build the cloud-init seed with ${tool} on the host and store it as ${i.volume} in pool ${i.pool}.`,
          rollback: deleteCall(i.pool, i.volume),
        },
      ],
    };
  }
  const enc = new TextEncoder();
  const iso = buildIso9660({
    volumeId: 'cidata',
    files: [
      { name: 'meta-data', data: enc.encode(i.files.metaData) },
      { name: 'user-data', data: enc.encode(i.files.userData) },
      ...(i.files.networkConfig ? [{ name: 'network-config', data: enc.encode(i.files.networkConfig) }] : []),
    ],
    ...(i.createdAt ? { date: i.createdAt } : {}),
  });
  return {
    pool: i.pool,
    volume: i.volume,
    path,
    builder: 'labdeck',
    steps: [
      {
        kind: 'create-volume',
        argv: virsh.volume.createAs({ pool: i.pool, name: i.volume, capacity: String(iso.length), format: 'raw' }),
        description: `Create the seed volume ${i.volume} (${iso.length} bytes) in pool ${i.pool}; the host has none of ${SEED_TOOLS.join(', ')}, so LabDeck builds the ISO.`,
        rollback: deleteCall(i.pool, i.volume),
      },
      {
        kind: 'upload-seed',
        argv: virsh.volume.upload({ pool: i.pool, vol: i.volume }, '/dev/stdin'),
        stdinBytes: iso,
        description: `Upload the cloud-init seed LabDeck built (${iso.length} bytes) into ${i.volume}.`,
        rollback: null,
      },
    ],
  };
}
