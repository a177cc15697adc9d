import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { useCallback } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AuditEntry } from '../../../../shared/contract';
import { selectVisibleAudit, useLabStore } from '../../store';
import { AuditHostFilter } from './AuditHostFilter';
import { AuditTable } from './AuditTable';

/** Every command LabDeck ran over SSH, newest first, live. */
export function OperationsScreen() {
  const loaded = useLabStore((s) => s.auditLoaded);
  const entries = useLabStore(useShallow(selectVisibleAudit));
  const total = useLabStore((s) => s.auditEntries.length);
  const hostsById = useLabStore((s) => s.hostsById);
  const filtered = useLabStore(
    (s) => s.auditHostFilter !== 'all' || s.auditOutcomeFilter !== 'all' || s.auditText.trim() !== '',
  );
  const outcome = useLabStore((s) => s.auditOutcomeFilter);
  const setOutcome = useLabStore((s) => s.setAuditOutcomeFilter);
  const text = useLabStore((s) => s.auditText);
  const setText = useLabStore((s) => s.setAuditText);

  // Prefer the inventory name; fall back to what the engine logged (e.g. for removed hosts).
  const labelForKey = useCallback(
    (key: string) => (key.startsWith('host:') ? key.slice(5) : (hostsById[key]?.name ?? key)),
    [hostsById],
  );
  const hostLabel = useCallback((e: AuditEntry) => (e.hostId && hostsById[e.hostId]?.name) || e.host, [hostsById]);

  let body;
  if (!loaded) {
    body = (
      <Paper variant="outlined" sx={{ p: 2 }} aria-busy="true" aria-label="Loading audit log">
        {Array.from({ length: 8 }, (_, i) => (
          <Skeleton key={i} variant="text" height={28} />
        ))}
      </Paper>
    );
  } else if (entries.length === 0) {
    body = (
      <Paper variant="outlined" sx={{ p: 4, textAlign: 'center' }}>
        <Typography>
          {filtered
            ? 'No commands match these filters.'
            : 'No commands run yet. Refreshing a host records what LabDeck ran here.'}
        </Typography>
      </Paper>
    );
  } else {
    body = <AuditTable entries={entries} hostLabel={hostLabel} />;
  }

  return (
    <Box sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', gap: 2, px: 2.5, py: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Box sx={{ flex: 1, minWidth: 200 }}>
          <Typography variant="h5" component="h2">
            Operations
          </Typography>
          <Typography variant="body2" color="text.secondary">
            Every command LabDeck ran on your hosts{loaded ? ` · ${total} recorded` : ''}
          </Typography>
        </Box>
        <TextField
          size="small"
          label="Search commands"
          placeholder="e.g. domuuid web1"
          value={text}
          onChange={(e) => setText(e.target.value)}
          sx={{ minWidth: 220 }}
        />
        <TextField
          select
          size="small"
          label="Outcome"
          value={outcome}
          onChange={(e) => setOutcome(e.target.value as typeof outcome)}
          sx={{ minWidth: 150 }}
        >
          <MenuItem value="all">Any outcome</MenuItem>
          <MenuItem value="ok">ok</MenuItem>
          <MenuItem value="failed">failed</MenuItem>
          <MenuItem value="probe">probe (expected no)</MenuItem>
          <MenuItem value="timeout">timeout</MenuItem>
          <MenuItem value="cancelled">cancelled</MenuItem>
        </TextField>
        <AuditHostFilter labelFor={labelForKey} />
      </Box>
      <Box sx={{ flex: 1, minHeight: 0 }}>{body}</Box>
    </Box>
  );
}
