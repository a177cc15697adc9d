import TextField from '@mui/material/TextField';
import { DEFAULT_STORAGE, type PositionedError } from '../../../../shared/compose';
import { monoFont } from '../../components/fonts';
import { GrammarErrorText } from './GrammarErrorText';

type Props = { value: string; error: PositionedError | null; onChange: (text: string) => void };

/** MAAS's storage text, checked on every key press; the mistake's position is shown under it. */
export function StorageField({ value, error, onChange }: Props) {
  return (
    <TextField
      label="Storage"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error !== null}
      fullWidth
      placeholder={DEFAULT_STORAGE}
      slotProps={{ htmlInput: { spellCheck: false, autoComplete: 'off', style: { fontFamily: monoFont } } }}
      helperText={
        error ? (
          <GrammarErrorText text={value} error={error} />
        ) : (
          `Disks as [label:]size[(tag,…)], comma-separated, size in GB (decimal); the first disk boots. A tag equal to a pool's name puts the disk in that pool. Empty means ${DEFAULT_STORAGE}.`
        )
      }
    />
  );
}
