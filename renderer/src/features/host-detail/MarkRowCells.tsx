import Checkbox from '@mui/material/Checkbox';
import TableCell from '@mui/material/TableCell';
import TextField from '@mui/material/TextField';
import type { FieldName, MarkFields, MarkRow } from './marks-draft';

type Props = {
  row: MarkRow;
  errors: Partial<Record<FieldName, string>> | undefined;
  onChange: (patch: Partial<MarkFields>) => void;
};

const textFields: {
  field: Exclude<FieldName, 'externalDhcp'>;
  label: string;
  width: number;
  subnetOnly?: boolean;
  placeholder?: string;
}[] = [
  { field: 'name', label: 'Name', width: 110, subnetOnly: true },
  { field: 'space', label: 'Space', width: 110 },
  { field: 'fabric', label: 'Fabric', width: 110 },
  { field: 'vlanName', label: 'VLAN name', width: 110 },
  { field: 'vid', label: 'VLAN id', width: 80, placeholder: '0–4094' },
  { field: 'tags', label: 'Tags', width: 140, placeholder: 'a, b' },
];

export const markColumns = (kind: MarkRow['kind']) => [
  ...textFields.filter((f) => kind === 'subnet' || !f.subnetOnly).map((f) => f.label),
  'External DHCP',
];

/** One row's inputs; each is labelled "<field> for <subnet or interface>" for screen readers and tests. */
export function MarkRowCells({ row, errors, onChange }: Props) {
  const fields = textFields.filter((f) => row.kind === 'subnet' || !f.subnetOnly);
  return (
    <>
      {fields.map((f) => (
        <TableCell key={f.field} sx={{ minWidth: f.width, py: 0.75 }}>
          <TextField
            size="small"
            fullWidth
            value={row.fields[f.field]}
            placeholder={f.placeholder}
            onChange={(e) => onChange({ [f.field]: e.target.value })}
            error={!!errors?.[f.field]}
            helperText={errors?.[f.field]}
            slotProps={{ htmlInput: { 'aria-label': `${f.label} for ${row.target}` } }}
          />
        </TableCell>
      ))}
      <TableCell align="center" sx={{ py: 0.75 }}>
        <Checkbox
          checked={row.fields.externalDhcp}
          onChange={(e) => onChange({ externalDhcp: e.target.checked })}
          slotProps={{ input: { 'aria-label': `External DHCP on ${row.target}` } }}
        />
      </TableCell>
    </>
  );
}
