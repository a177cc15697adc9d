import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { MacvlanMode } from '../../../../shared/compose';
import type { ComposePlan, PlanNic } from '../../../../shared/contract';
import { installModeInfo, type InstallMode } from '../../format/install-modes';
import { MacvlanModePicker } from '../../components/MacvlanModePicker';
import { ModeNotes } from './ModeNotes';

type Props = {
  installMode: InstallMode;
  mode: MacvlanMode | null;
  podMode: MacvlanMode;
  planned: PlanNic | undefined;
  warnings: ComposePlan['warnings'];
  onMode: (m: MacvlanMode | null) => void;
};

/** Without constraints there is still one NIC (label 0): the install mode's rule places it. */
export function DefaultNicCard({ installMode, mode, podMode, planned, warnings, onMode }: Props) {
  return (
    <Paper
      variant="outlined"
      role="group"
      aria-label="NIC eth0 (no constraints)"
      sx={{ p: 1.5, display: 'flex', flexDirection: 'column', gap: 1 }}
    >
      <Typography variant="subtitle2">eth0 — placed by the install-mode rule</Typography>
      <Typography variant="body2" color="text.secondary">
        {installModeInfo[installMode].title}: {installModeInfo[installMode].effect}
      </Typography>
      {/* Only a macvtap has a mode: for a network or bridge the picker would be a control that does nothing. */}
      {(!planned || planned.attach.type === 'direct' || mode !== null) && (
        <MacvlanModePicker label="macvtap mode" value={mode} podDefault={podMode} onChange={onMode} />
      )}
      <ModeNotes planned={planned} warnings={warnings} />
    </Paper>
  );
}
