import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Typography from '@mui/material/Typography';
import type { StoragePool } from '../../../../shared/snapshot/types';
import type { InstallDraft } from './install-draft';
import { formatBytes } from '../../format/units';
import { VolumePicker } from './VolumePicker';

type Props = {
  image: InstallDraft['image'];
  pools: StoragePool[];
  /** The boot disk's size from the storage text (bytes). */
  rootBytes: number | null;
  onChange: (image: InstallDraft['image']) => void;
};

const CLONE = {
  overlay: {
    title: 'Overlay (fast, keeps the base)',
    effect:
      'A qcow2 overlay backed by the image: made in an instant; the image must stay in its pool as long as the VM does.',
  },
  copy: {
    title: 'Full copy',
    effect:
      'The image copied into a volume of its own: takes a while and the full space, but the VM no longer needs the image.',
  },
} as const;

/** The cloud image, how the boot disk is made from it, and its size next to the boot disk's. */
export function CloudImageFields({ image, pools, rootBytes, onChange }: Props) {
  const vol = pools.find((p) => p.name === image.pool)?.volumes.find((v) => v.name === image.volume);
  const tooSmall = vol !== undefined && rootBytes !== null && rootBytes < vol.capacityBytes;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      <VolumePicker
        label="Cloud image"
        what="image"
        pools={pools}
        pool={image.pool}
        volume={image.volume}
        onPick={(pool, volume) => onChange({ ...image, pool, volume })}
      />
      {vol && (
        <Typography variant="body2" aria-label="Image and boot disk sizes">
          Image {image.volume}: <b>{formatBytes(vol.capacityBytes, 'decimal')}</b> (
          {formatBytes(vol.allocationBytes, 'decimal')} on disk) → boot disk:{' '}
          <b>{rootBytes !== null ? formatBytes(rootBytes, 'decimal') : '?'}</b> (the first disk in Resources; the image
          is grown to it).
        </Typography>
      )}
      {tooSmall && (
        <Alert severity="warning">
          The boot disk ({formatBytes(rootBytes ?? 0, 'decimal')}) is smaller than the image (
          {formatBytes(vol.capacityBytes, 'decimal')}); a disk cannot be shrunk, so it will stay at the image&apos;s
          size. Make the first disk bigger in Resources.
        </Alert>
      )}
      <RadioGroup
        aria-label="How the boot disk is made"
        value={image.clone}
        onChange={(e) => onChange({ ...image, clone: e.target.value as 'overlay' | 'copy' })}
      >
        {(['overlay', 'copy'] as const).map((c) => (
          <FormControlLabel
            key={c}
            value={c}
            control={<Radio />}
            sx={{ alignItems: 'flex-start', '& .MuiRadio-root': { pt: 0.25 } }}
            label={
              <Box>
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                  {CLONE[c].title}
                </Typography>
                <Typography variant="body2" color="text.secondary">
                  {CLONE[c].effect}
                </Typography>
              </Box>
            }
          />
        ))}
      </RadioGroup>
    </Box>
  );
}
