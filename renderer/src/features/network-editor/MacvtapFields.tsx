import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import type { MacvlanMode } from '../../../../shared/compose/macvlan-modes';
import type { HostSnapshot } from '../../../../shared/snapshot/types';
import { MacvlanModePicker } from '../../components/MacvlanModePicker';

/** Host interfaces a macvtap network can sit on: no bridge, tap or macv* device, nothing with a master. */
function macvtapCandidates(snapshot: HostSnapshot) {
  return snapshot.interfaces.filter(
    (i) => !['loopback', 'tap', 'macvtap', 'macvlan', 'bridge'].includes(i.kind) && !i.master,
  );
}

/** A macvtap network's mode and the host interfaces it uses. */
export function MacvtapFields({
  snapshot,
  mode,
  devices,
  set,
}: {
  snapshot: HostSnapshot;
  mode: MacvlanMode;
  devices: string[];
  set: (p: { mode?: MacvlanMode; devices?: string[] }) => void;
}) {
  return (
    <>
      <MacvlanModePicker label="macvtap mode" value={mode} onChange={(m) => m && set({ mode: m })} />
      <FormGroup aria-labelledby="macvtap-devices">
        <FormLabel id="macvtap-devices" sx={{ typography: 'body2' }}>
          Host interfaces
        </FormLabel>
        {macvtapCandidates(snapshot).map((i) => (
          <FormControlLabel
            key={i.name}
            control={
              <Checkbox
                size="small"
                checked={devices.includes(i.name)}
                onChange={(e) =>
                  set({ devices: e.target.checked ? [...devices, i.name] : devices.filter((x) => x !== i.name) })
                }
              />
            }
            label={i.name}
          />
        ))}
      </FormGroup>
    </>
  );
}
