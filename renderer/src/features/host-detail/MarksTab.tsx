import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import type { AppErrorShape } from '../../../../shared/contract';
import type { HostMarks } from '../../../../shared/compose/marks';
import type { HostSnapshot } from '../../../../shared/snapshot/types';
import { errorShapeOf, useCommands } from '../../api';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useLabStore } from '../../store';
import { checkNewSubnet, markRows, marksFromRows, type DraftErrors, type MarkFields } from './marks-draft';
import { MarksTable } from './MarksTable';

type Props = { hostId: string; hostName: string; snapshot: HostSnapshot; marks: HostMarks };

/**
 * What the host cannot tell LabDeck: MAAS spaces, fabrics and VLANs that interface constraints
 * match on, and where an external DHCP server answers. Edits are kept apart from the rows
 * (which follow live refreshes) until saved; invalid input saves nothing.
 */
export function MarksTab({ hostId, hostName, snapshot, marks }: Props) {
  const commands = useCommands();
  const put = useLabStore((s) => s.putHostSnapshot);
  const notify = useLabStore((s) => s.notify);
  const [edits, setEdits] = useState<Record<string, Partial<MarkFields>>>({});
  const [added, setAdded] = useState<string[]>([]);
  const [newCidr, setNewCidr] = useState('');
  const [cidrError, setCidrError] = useState<string | null>(null);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<AppErrorShape | null>(null);
  const [saving, setSaving] = useState(false);

  const base = useMemo(() => markRows(snapshot, marks, added), [snapshot, marks, added]);
  const apply = (rows: typeof base.subnets) =>
    rows.map((r) => (edits[r.key] ? { ...r, fields: { ...r.fields, ...edits[r.key] } } : r));
  const subnets = apply(base.subnets);
  const interfaces = apply(base.interfaces);
  const dirty = Object.keys(edits).length > 0 || added.length > 0;

  const change = (key: string, patch: Partial<MarkFields>): void => {
    setEdits((e) => ({ ...e, [key]: { ...e[key], ...patch } }));
    // The field being fixed loses its error at once; the rest stay until the next save.
    setErrors((errs) => {
      const row = errs[key];
      if (!row) return errs;
      const rest = { ...row };
      for (const f of Object.keys(patch)) delete rest[f as keyof MarkFields];
      return { ...errs, [key]: rest };
    });
  };

  const addSubnet = (): void => {
    const res = checkNewSubnet(newCidr, subnets);
    if ('error' in res) {
      setCidrError(res.error);
      return;
    }
    setAdded((a) => [...a, res.cidr]);
    setNewCidr('');
    setCidrError(null);
  };

  const discard = (): void => {
    setEdits({});
    setAdded([]);
    setErrors({});
    setMessage(null);
    setSaveError(null);
  };

  const save = async (): Promise<void> => {
    setSaveError(null);
    const res = marksFromRows([...subnets, ...interfaces], marks);
    if ('errors' in res) {
      setErrors(res.errors);
      setMessage(res.message);
      return;
    }
    setErrors({});
    setMessage(null);
    setSaving(true);
    try {
      const saved = await commands.hosts.setMarks(hostId, res.marks);
      put(hostId, { marks: saved });
      setEdits({});
      setAdded([]);
      notify({ severity: 'success', message: `Saved the marks of ${hostName}` });
    } catch (err) {
      setSaveError(errorShapeOf(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2.5 }}>
      <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 900 }}>
        Tell LabDeck what the host cannot show: the MAAS space, fabric and VLAN of each subnet or interface (interface
        constraints match on them: <code>space=</code>, <code>fabric=</code>, <code>vlan=</code>, <code>vid=</code>,{' '}
        <code>tag=</code>), and where an external DHCP server answers, which makes a bridge or subnet count as
        DHCP-capable.
      </Typography>
      {/* Only the save bar stays in view while scrolling the tables: small, so it hides little. */}
      <Paper
        variant="outlined"
        sx={{
          px: 2,
          py: 1,
          display: 'flex',
          gap: 2,
          alignItems: 'center',
          justifyContent: 'flex-end',
          position: 'sticky',
          top: -16,
          zIndex: 2,
          boxShadow: 2,
        }}
      >
        <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }}>
          Marks of {hostName} are kept by LabDeck; nothing on the host changes.
        </Typography>
        <Typography
          variant="body2"
          sx={{ fontWeight: 600, color: dirty ? 'warning.main' : 'text.disabled' }}
          aria-live="polite"
        >
          {dirty ? 'Unsaved changes' : 'No changes'}
        </Typography>
        <Button onClick={discard} disabled={!dirty || saving}>
          Discard changes
        </Button>
        <Button variant="contained" onClick={() => void save()} disabled={!dirty || saving}>
          {saving ? 'Saving…' : 'Save marks'}
        </Button>
      </Paper>
      {message && (
        <Alert severity="error" onClose={() => setMessage(null)}>
          {message}
        </Alert>
      )}
      {saveError && (
        <ErrorDetails error={saveError} title="Could not save the marks" onClose={() => setSaveError(null)} />
      )}
      <MarksTable
        title="Subnets"
        kind="subnet"
        rows={subnets}
        errors={errors}
        onChange={change}
        footer={
          <Box
            component="form"
            onSubmit={(e) => {
              e.preventDefault();
              addSubnet();
            }}
            sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', mt: 1.5 }}
          >
            <TextField
              size="small"
              label="Add a subnet (CIDR)"
              placeholder="10.0.0.0/24"
              value={newCidr}
              onChange={(e) => {
                setNewCidr(e.target.value);
                setCidrError(null);
              }}
              error={!!cidrError}
              helperText={cidrError ?? 'For segments the host has no address in, e.g. behind an L2-only bridge.'}
              sx={{ width: 420 }}
            />
            <Button type="submit" variant="outlined" disabled={newCidr.trim() === ''} sx={{ mt: 0.25 }}>
              Add subnet
            </Button>
          </Box>
        }
      />
      <MarksTable title="Interfaces" kind="interface" rows={interfaces} errors={errors} onChange={change} />
    </Box>
  );
}
