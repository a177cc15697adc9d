import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import Add from '@mui/icons-material/Add';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import {
  ifnameForLabel,
  isValidLabel,
  type ConstraintBaseKey,
  type ConstraintRow,
  type MacvlanMode,
  type RowError,
} from '../../../../shared/compose';
import type { ComposePlan, PlanNic } from '../../../../shared/contract';
import { ConstraintEntryFields } from './ConstraintEntryFields';
import { newEntry } from './interface-editor';
import { MacvlanModePicker } from '../../components/MacvlanModePicker';
import { ModeNotes } from './ModeNotes';
import type { ValueSuggestion } from './value-suggestions';

type Props = {
  index: number;
  row: ConstraintRow;
  /** The builder's first mistake, when it is in this row. */
  error: RowError | null;
  suggestionsFor: (key: ConstraintBaseKey) => ValueSuggestion[];
  mode: MacvlanMode | null;
  podMode: MacvlanMode;
  /** This NIC in the latest plan, to say whether the macvtap mode applies at all. */
  planned: PlanNic | undefined;
  /** The plan's warnings about this NIC (those about its mode show under the picker). */
  warnings: ComposePlan['warnings'];
  onChange: (row: ConstraintRow) => void;
  onRemove: () => void;
  onMode: (mode: MacvlanMode | null) => void;
};

/** One guest NIC of the builder: its label, its constraints (AND-ed across keys) and its macvtap mode. */
export function NicConstraintCard({
  index,
  row,
  error,
  suggestionsFor,
  mode,
  podMode,
  planned,
  warnings,
  onChange,
  onRemove,
  onMode,
}: Props) {
  const name = `NIC ${index + 1}`;
  const labelError = error?.field === 'label' || error?.field === 'row' ? error.message : null;
  return (
    <Paper
      variant="outlined"
      role="group"
      aria-label={name}
      sx={{ p: 1.5, display: 'flex', flexDirection: 'column', gap: 1.25 }}
    >
      <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1 }}>
        <Typography variant="subtitle2" sx={{ mt: 1, minWidth: 44 }}>
          {name}
        </Typography>
        <TextField
          size="small"
          label="Label"
          value={row.label}
          onChange={(e) => onChange({ ...row, label: e.target.value })}
          error={labelError !== null}
          helperText={labelError ?? (isValidLabel(row.label) ? `Guest NIC name: ${ifnameForLabel(row.label)}` : ' ')}
          sx={{ width: 220 }}
          slotProps={{ htmlInput: { spellCheck: false, autoComplete: 'off' } }}
        />
        <Box sx={{ flex: 1 }} />
        <IconButton aria-label={`Remove ${name}`} onClick={onRemove} size="small">
          <DeleteOutlined fontSize="small" />
        </IconButton>
      </Box>
      {row.constraints.map((c, k) => (
        <ConstraintEntryFields
          key={k}
          name={`Constraint ${k + 1}`}
          entry={c}
          suggestions={suggestionsFor(c.key)}
          error={
            error && error.constraint === k && (error.field === 'key' || error.field === 'value')
              ? { field: error.field, message: error.message }
              : null
          }
          onChange={(entry) => onChange({ ...row, constraints: row.constraints.map((x, j) => (j === k ? entry : x)) })}
          onRemove={() => onChange({ ...row, constraints: row.constraints.filter((_x, j) => j !== k) })}
        />
      ))}
      <Box>
        <Button
          size="small"
          startIcon={<Add />}
          onClick={() => onChange({ ...row, constraints: [...row.constraints, newEntry()] })}
        >
          Add constraint
        </Button>
      </Box>
      <MacvlanModePicker label="macvtap mode" value={mode} podDefault={podMode} onChange={onMode} />
      <ModeNotes planned={planned} warnings={warnings} />
    </Paper>
  );
}
