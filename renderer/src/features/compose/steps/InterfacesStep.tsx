import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import Add from '@mui/icons-material/Add';
import { useMemo } from 'react';
import { interfaceFacts, type ConstraintRow, type MacvlanMode } from '../../../../../shared/compose';
import type { AppErrorShape, ComposePlan, HostView } from '../../../../../shared/contract';
import { interfaceUsage } from '../../../../../shared/warnings/interface-usage';
import type { ComposeDraft } from '../compose-draft';
import { DefaultNicCard } from '../DefaultNicCard';
import { HostInterfacesTable } from '../HostInterfacesTable';
import { checkInterfaces, editRows, editText, newEntry, nextLabel } from '../interface-editor';
import { ConstraintTextField } from '../ConstraintTextField';
import { LivePlanPanel } from '../LivePlanPanel';
import { NicConstraintCard } from '../NicConstraintCard';
import { warningsFor } from '../plan-text';
import type { SnapshotData } from '../../../hooks/useHostSnapshot';
import { valueSuggestions } from '../value-suggestions';
import { Section } from './ResourcesStep';

type Props = {
  host: HostView;
  data: SnapshotData | null;
  draft: ComposeDraft;
  patch: (p: Partial<ComposeDraft>) => void;
  live: { plan: ComposePlan | null; error: AppErrorShape | null; loading: boolean; refresh: () => void };
  /** Why the plan is not being asked for (a mistake elsewhere in the form). */
  blocked: string | null;
};

/** Moves a NIC's mode override along when its label is renamed, and drops it when the NIC goes. */
function rekeyModes(modes: Record<string, MacvlanMode>, from: string, to: string | null): Record<string, MacvlanMode> {
  const { [from]: mode, ...rest } = modes;
  return mode && to !== null ? { ...rest, [to]: mode } : rest;
}

/** Step 3: the guest NICs (builder and MAAS text, kept in step), their macvtap modes, and the live plan. */
export function InterfacesStep({ host, data, draft, patch, live, blocked }: Props) {
  const editor = draft.interfaces;
  const check = checkInterfaces(editor);
  const snapshot = data?.snapshot ?? null;
  const facts = useMemo(() => (snapshot && data ? interfaceFacts(snapshot, data.marks) : []), [snapshot, data]);
  const usage = useMemo(() => (snapshot ? interfaceUsage(snapshot) : new Map()), [snapshot]);
  const podMode = host.pod.defaultMacvlanMode;
  const planned = (label: string) => live.plan?.nics.find((n) => n.label === label);
  const warningsOf = (label: string) => (live.plan ? warningsFor(live.plan, label) : []);

  const setRows = (rows: ConstraintRow[], perNicModes = draft.perNicModes) =>
    patch({ interfaces: editRows(rows), perNicModes });
  const setMode = (label: string, mode: MacvlanMode | null) =>
    patch({ perNicModes: mode ? { ...draft.perNicModes, [label]: mode } : rekeyModes(draft.perNicModes, label, null) });
  const addNic = (name = '') =>
    setRows([...editor.rows, { label: nextLabel(editor.rows), constraints: [newEntry('name', name)] }]);

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 3 }}>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: 3, alignItems: 'start' }}>
        <Section title="Guest NICs">
          <ConstraintTextField
            value={editor.text}
            error={check.text}
            onChange={(text) => patch({ interfaces: editText(editor, text) })}
          />
          {check.text && editor.source === 'text' && editor.rows.length > 0 && (
            <Alert severity="info" sx={{ py: 0 }}>
              The builder below shows the last NICs that parsed. Fix the text, or edit the builder to replace the text.
            </Alert>
          )}
          {check.text && editor.rows.length === 0 ? null : editor.rows.length === 0 ? (
            <DefaultNicCard
              installMode={host.pod.installMode}
              mode={draft.perNicModes['0'] ?? null}
              podMode={podMode}
              planned={planned('0')}
              warnings={warningsOf('0')}
              onMode={(m) => setMode('0', m)}
            />
          ) : (
            editor.rows.map((row, i) => (
              <NicConstraintCard
                key={i}
                index={i}
                row={row}
                error={check.row?.row === i ? check.row : null}
                suggestionsFor={(key) => valueSuggestions(key, facts, snapshot)}
                mode={draft.perNicModes[row.label] ?? null}
                podMode={podMode}
                planned={planned(row.label)}
                warnings={warningsOf(row.label)}
                onChange={(next) =>
                  setRows(
                    editor.rows.map((r, j) => (j === i ? next : r)),
                    next.label !== row.label ? rekeyModes(draft.perNicModes, row.label, next.label) : draft.perNicModes,
                  )
                }
                onRemove={() =>
                  setRows(
                    editor.rows.filter((_r, j) => j !== i),
                    rekeyModes(draft.perNicModes, row.label, null),
                  )
                }
                onMode={(m) => setMode(row.label, m)}
              />
            ))
          )}
          <Box>
            <Button startIcon={<Add />} onClick={() => addNic()}>
              Add NIC
            </Button>
          </Box>
        </Section>
        <LivePlanPanel
          plan={live.plan}
          error={live.error}
          loading={live.loading}
          blocked={blocked}
          onRefresh={live.refresh}
        />
      </Box>
      <Section title={`Host interfaces on ${host.name}`}>
        {snapshot ? (
          <HostInterfacesTable hostName={host.name} facts={facts} usage={usage} onUse={(name) => addNic(name)} />
        ) : (
          <Typography variant="body2">Reading the host…</Typography>
        )}
      </Section>
    </Box>
  );
}
