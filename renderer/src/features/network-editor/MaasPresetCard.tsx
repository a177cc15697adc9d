import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { MAAS_PRESET_REASON } from '../../../../shared/networks/presets';
import { withMaasPreset, type CreateDraftProps } from './network-draft';

/** The MAAS-ready preset in one click: with NAT, or bridged to the form's host bridge (off when the host has none). */
export function MaasPresetCard({ snapshot, draft, onChange }: CreateDraftProps) {
  const maas = draft.preset === 'maas';
  const hasBridge = snapshot.interfaces.some((i) => i.kind === 'bridge');
  return (
    <Box sx={{ p: 1.5, borderRadius: 1, border: 1, borderColor: maas ? 'primary.main' : 'divider' }}>
      <Typography variant="subtitle2" component="h3">
        MAAS-ready network
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5, mb: 1 }}>
        Named maas, DHCP off — MAAS serves DHCP there itself.
      </Typography>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        <Button
          size="small"
          variant={maas && draft.kind === 'nat' ? 'contained' : 'outlined'}
          onClick={() => onChange(withMaasPreset(draft, snapshot, 'nat'))}
        >
          MAAS-ready with NAT
        </Button>
        <Button
          size="small"
          variant={maas && draft.kind === 'bridge' ? 'contained' : 'outlined'}
          disabled={!hasBridge}
          onClick={() => onChange(withMaasPreset(draft, snapshot, 'bridge'))}
        >
          MAAS-ready bridged{draft.bridge ? ` to ${draft.bridge}` : ''}
        </Button>
      </Box>
      {maas && (
        <Alert severity="info" sx={{ mt: 1 }} aria-label="Why the MAAS preset">
          {MAAS_PRESET_REASON}
        </Alert>
      )}
    </Box>
  );
}
