import TextField from '@mui/material/TextField';
import type { PositionedError } from '../../../../shared/compose';
import { monoFont } from '../../components/fonts';
import { GrammarErrorText } from './GrammarErrorText';

type Props = { value: string; error: PositionedError | null; onChange: (text: string) => void };

/** MAAS's interface-constraint text; the builder beside it follows every valid edit. */
export function ConstraintTextField({ value, error, onChange }: Props) {
  return (
    <TextField
      label="Interface constraints"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error !== null}
      fullWidth
      placeholder="eth0:name=br0;eth1:space=lan"
      slotProps={{ htmlInput: { spellCheck: false, autoComplete: 'off', style: { fontFamily: monoFont } } }}
      helperText={
        error ? (
          <GrammarErrorText text={value} error={error} />
        ) : value.trim() === '' ? (
          "Empty: one NIC, placed by the pod's install-mode rule. Grammar: label:key=value[,key=value…][;label:…] — values of one key are OR-ed, different keys AND-ed."
        ) : (
          'label:key=value[,key=value…][;label:…] — the label becomes the guest NIC name; values of one key are OR-ed, different keys AND-ed.'
        )
      }
    />
  );
}
