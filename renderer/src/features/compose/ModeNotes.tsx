import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import WarningAmberOutlined from '@mui/icons-material/WarningAmberOutlined';
import type { ComposePlan, PlanNic } from '../../../../shared/contract';

/** The plan's warnings that are about the macvtap mode, shown right under the mode picker. */
const modeCodes = new Set(['macvtap-host-isolation', 'vepa-needs-switch', 'passthrough-parent-in-use', 'mode-ignored']);

const short: Record<string, string> = {
  'macvtap-host-isolation': 'This host will not reach the guest, nor the guest this host (macvtap).',
  'vepa-needs-switch':
    'vepa needs a VEPA-capable switch (reflective relay), or guests on this host cannot reach each other.',
};

/** A bridge or a libvirt network has no macvtap, so the mode is moot there: say so. */
function attachNote(planned: PlanNic | undefined): string | null {
  const a = planned?.attach;
  if (a?.type === 'bridge')
    return `The plan attaches this NIC to bridge ${a.source}: no macvtap, so the mode does not apply.`;
  if (a?.type === 'network')
    return `The plan attaches this NIC to libvirt network ${a.network}: no macvtap, so the mode does not apply.`;
  return null;
}

export function ModeNotes({ planned, warnings }: { planned: PlanNic | undefined; warnings: ComposePlan['warnings'] }) {
  const note = attachNote(planned);
  const mine = warnings.filter((w) => modeCodes.has(w.code) && !(note && w.code === 'mode-ignored'));
  if (!note && mine.length === 0) return null;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 0.5 }}>
      {note && (
        <Typography variant="caption" color="text.secondary">
          {note}
        </Typography>
      )}
      {mine.map((w, i) => (
        <Box key={`${w.code}-${i}`} sx={{ display: 'flex', gap: 0.75, alignItems: 'flex-start' }}>
          <WarningAmberOutlined
            fontSize="small"
            color={w.code === 'passthrough-parent-in-use' ? 'error' : 'warning'}
            aria-hidden
            sx={{ mt: 0.1 }}
          />
          <Typography variant="body2" color={w.code === 'passthrough-parent-in-use' ? 'error' : 'warning.dark'}>
            {short[w.code] ?? w.message}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}
