import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { CpuMode, VirtCapabilities, VirtType } from '../../../shared/contract';
import { ChoiceContent } from './ChoiceMenuItem';
import { cpuModeChoices, cpuModeInfo, virtTypeChoices, virtTypeInfo } from './virt-choices';

export type VirtCpuValue = { virtType: VirtType | ''; cpuMode: CpuMode | ''; cpuModel: string };

type Props = {
  caps: VirtCapabilities | null;
  value: VirtCpuValue;
  onChange: (patch: Partial<VirtCpuValue>) => void;
  /** Shown while a field is '' and there is no fallback: what '' means ("Automatic …"). */
  autoLabel: string;
  /** Offer '' as a choice even when a fallback is shown (the pod's settings). */
  offerAuto?: boolean;
  /** What '' turns into, shown preselected (the pod's default or the host's recommendation). */
  fallback?: { virtType: VirtType | null; cpuMode: CpuMode | null; note: string };
  cpuModelError?: string | undefined;
  /** What '' means, under a field left automatic. */
  autoHelp?: string;
};

const AUTO = '';

/** Virt type, CPU mode and (for a named model) the model, each option saying whether it starts here. */
export function VirtCpuFields({
  caps,
  value,
  onChange,
  autoLabel,
  offerAuto = false,
  fallback,
  cpuModelError,
  autoHelp = 'The pod default, else what started on this host.',
}: Props) {
  const shownType = value.virtType || (offerAuto ? '' : (fallback?.virtType ?? ''));
  const shownMode = value.cpuMode || (offerAuto ? '' : (fallback?.cpuMode ?? ''));
  const effectiveType = shownType || fallback?.virtType || null;
  const types = virtTypeChoices(caps);
  const modes = cpuModeChoices(caps, effectiveType);
  const cap = caps?.types.find((t) => t.virtType === effectiveType);
  const chosenType = types.find((t) => t.value === shownType);
  const chosenMode = modes.find((m) => m.value === shownMode);
  // A mode chosen for another virt type may not work with this one: say so rather than hide it.
  const modeWarning = chosenMode?.disabled ? `Not usable with ${effectiveType}: ${chosenMode.note}` : null;
  const fromFallback = (field: 'virtType' | 'cpuMode') => !offerAuto && value[field] === '' && fallback?.[field];

  return (
    <Box
      sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))', gap: 2, alignItems: 'start' }}
    >
      <TextField
        select
        label="Virt type"
        value={shownType}
        onChange={(e) => onChange({ virtType: e.target.value as VirtType | '' })}
        helperText={
          fromFallback('virtType') && fallback ? (
            // The probe's reason can run long (every pair's error): three lines, the rest on hover.
            <Box
              component="span"
              title={fallback.note}
              sx={{ display: '-webkit-box', WebkitLineClamp: 3, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}
            >
              {fallback.note}
            </Box>
          ) : (
            (chosenType?.note ?? (shownType ? virtTypeInfo[shownType] : autoHelp))
          )
        }
        slotProps={{
          select: {
            displayEmpty: true,
            renderValue: (v) =>
              v === AUTO
                ? autoLabel
                : `${String(v)}${types.find((t) => t.value === v)?.recommended ? ' (recommended)' : ''}`,
          },
          inputLabel: { shrink: true },
        }}
      >
        {(offerAuto || shownType === '') && <MenuItem value={AUTO}>{autoLabel}</MenuItem>}
        {types.map((t) => (
          <MenuItem key={t.value} value={t.value} disabled={t.disabled}>
            <ChoiceContent title={virtTypeInfo[t.value]} note={t.note} recommended={t.recommended} warn={t.disabled} />
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        label="CPU mode"
        value={shownMode}
        onChange={(e) => onChange({ cpuMode: e.target.value as CpuMode | '' })}
        error={modeWarning !== null}
        helperText={
          modeWarning ??
          (shownMode
            ? `${cpuModeInfo[shownMode].effect}${shownMode === 'host-model' && cap?.hostModel ? ` Here: ${cap.hostModel}.` : ''}`
            : autoHelp)
        }
        slotProps={{
          select: {
            displayEmpty: true,
            renderValue: (v) =>
              v === AUTO
                ? autoLabel
                : `${cpuModeInfo[v as CpuMode].title}${modes.find((m) => m.value === v)?.recommended ? ' (recommended)' : ''}`,
            MenuProps: { slotProps: { paper: { sx: { maxWidth: 560 } } } },
          },
          inputLabel: { shrink: true },
        }}
      >
        {(offerAuto || shownMode === '') && <MenuItem value={AUTO}>{autoLabel}</MenuItem>}
        {modes.map((m) => (
          <MenuItem key={m.value} value={m.value} disabled={m.disabled}>
            <ChoiceContent
              title={`${cpuModeInfo[m.value].title} (${m.value})`}
              note={m.note ?? cpuModeInfo[m.value].effect}
              recommended={m.recommended}
              warn={m.disabled || (m.note?.startsWith('did not') ?? false)}
            />
          </MenuItem>
        ))}
      </TextField>
      {shownMode === 'custom' &&
        (cap && cap.models.length > 0 ? (
          <TextField
            select
            label="CPU model"
            value={cap.models.includes(value.cpuModel) ? value.cpuModel : ''}
            onChange={(e) => onChange({ cpuModel: e.target.value })}
            error={Boolean(cpuModelError)}
            helperText={cpuModelError ?? `${cap.models.length} models libvirt lists as usable with ${effectiveType}.`}
            slotProps={{
              select: { displayEmpty: true, MenuProps: { slotProps: { paper: { sx: { maxHeight: 360 } } } } },
              inputLabel: { shrink: true },
            }}
          >
            <MenuItem value="" disabled>
              Choose a model
            </MenuItem>
            {cap.models.map((m) => (
              <MenuItem key={m} value={m}>
                {m}
              </MenuItem>
            ))}
          </TextField>
        ) : (
          <TextField
            label="CPU model"
            value={value.cpuModel}
            onChange={(e) => onChange({ cpuModel: e.target.value })}
            error={Boolean(cpuModelError)}
            helperText={cpuModelError ?? 'The host did not list its models; type one (e.g. qemu64).'}
            slotProps={{ htmlInput: { spellCheck: false } }}
          />
        ))}
    </Box>
  );
}
