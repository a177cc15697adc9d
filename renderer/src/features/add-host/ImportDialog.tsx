import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import CheckCircle from '@mui/icons-material/CheckCircle';
import { useEffect, useState } from 'react';
import type { AppErrorShape, SshConfigCandidate } from '../../../../shared/contract';
import { errorShapeOf, useCommands } from '../../api';
import { ErrorDetails } from '../../components/ErrorDetails';
import { errorTitles } from '../../components/error-text';
import { sshTarget } from '../../format/host-format';
import { selectHostList, useLabStore } from '../../store';
import { candidateToInput, isAlreadyAdded } from './candidate-input';

type ItemResult = { state: 'adding' } | { state: 'added' } | { state: 'failed'; error: AppErrorShape };

export function ImportDialog() {
  const open = useLabStore((s) => s.importOpen);
  const setImportOpen = useLabStore((s) => s.setImportOpen);
  return (
    <Dialog open={open} onClose={() => setImportOpen(false)} maxWidth="sm" fullWidth>
      {open && <ImportBody onClose={() => setImportOpen(false)} />}
    </Dialog>
  );
}

function describe(c: SshConfigCandidate): string {
  const parts = [sshTarget(c.user, c.address, c.port)];
  parts.push(c.identityFile ? `key ${c.identityFile}` : 'SSH agent');
  if (c.proxyJump) parts.push(`via ${sshTarget(c.proxyJump.user, c.proxyJump.address, c.proxyJump.port)}`);
  return parts.join(' · ');
}

function ImportBody({ onClose }: { onClose: () => void }) {
  const commands = useCommands();
  const [candidates, setCandidates] = useState<SshConfigCandidate[] | null>(null);
  // Decided when the list loads, so a host we import now shows "added", not "already in the inventory".
  const [present, setPresent] = useState<Set<string>>(new Set());
  const [loadError, setLoadError] = useState<AppErrorShape | null>(null);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [results, setResults] = useState<Record<string, ItemResult>>({});
  const [running, setRunning] = useState(false);

  useEffect(() => {
    let live = true;
    commands.hosts.importCandidates().then(
      (list) => {
        if (!live) return;
        const hosts = selectHostList(useLabStore.getState());
        setPresent(new Set(list.filter((c) => isAlreadyAdded(c, hosts)).map((c) => c.alias)));
        setCandidates(list);
      },
      (err) => live && setLoadError(errorShapeOf(err)),
    );
    return () => {
      live = false;
    };
  }, [commands]);

  const toggle = (alias: string): void =>
    setChecked((s) => {
      const next = new Set(s);
      if (next.has(alias)) next.delete(alias);
      else next.add(alias);
      return next;
    });

  // One at a time: each add may stop to ask about a host key or a password.
  const importSelected = async (): Promise<void> => {
    if (!candidates) return;
    setRunning(true);
    for (const c of candidates.filter((x) => checked.has(x.alias))) {
      setResults((r) => ({ ...r, [c.alias]: { state: 'adding' } }));
      try {
        const host = await commands.hosts.add(candidateToInput(c));
        useLabStore.getState().upsertHost(host);
        setResults((r) => ({ ...r, [c.alias]: { state: 'added' } }));
        setChecked((s) => {
          const next = new Set(s);
          next.delete(c.alias);
          return next;
        });
      } catch (err) {
        setResults((r) => ({ ...r, [c.alias]: { state: 'failed', error: errorShapeOf(err) } }));
      }
    }
    setRunning(false);
  };

  // Hosts that can still be picked: not in the inventory before, not imported just now.
  const selectable = (candidates ?? []).filter((c) => !present.has(c.alias) && results[c.alias]?.state !== 'added');
  const failures = Object.entries(results).filter(
    (e): e is [string, Extract<ItemResult, { state: 'failed' }>] => e[1].state === 'failed',
  );
  const anyDone = Object.values(results).some((r) => r.state === 'added');

  return (
    <>
      <DialogTitle>Import from ~/.ssh/config</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 1 }}>
          Hosts from your SSH config. LabDeck connects to each one you pick, exactly as if you added it by hand.
        </DialogContentText>
        {loadError && <ErrorDetails error={loadError} title="Could not read ~/.ssh/config" />}
        {!candidates && !loadError && (
          <Box role="status" sx={{ display: 'flex', alignItems: 'center', gap: 1.5, py: 3 }}>
            <CircularProgress size={20} aria-hidden />
            <Typography variant="body2">Reading ~/.ssh/config…</Typography>
          </Box>
        )}
        {candidates && candidates.length === 0 && (
          <Alert severity="info">No importable hosts in ~/.ssh/config (wildcard entries are skipped).</Alert>
        )}
        {selectable.length > 1 && (
          <FormControlLabel
            sx={{ ml: 0.25 }}
            label={`Select all new hosts (${selectable.length})`}
            control={
              <Checkbox
                size="small"
                disabled={running}
                checked={selectable.every((c) => checked.has(c.alias))}
                indeterminate={checked.size > 0 && !selectable.every((c) => checked.has(c.alias))}
                onChange={(e) => setChecked(e.target.checked ? new Set(selectable.map((c) => c.alias)) : new Set())}
              />
            }
          />
        )}
        {candidates && candidates.length > 0 && (
          <List
            dense
            aria-label="Hosts in ~/.ssh/config"
            sx={{ border: 1, borderColor: 'divider', borderRadius: 1, maxHeight: 360, overflow: 'auto' }}
          >
            {candidates.map((c) => {
              const result = results[c.alias];
              const already = present.has(c.alias);
              const id = `import-${c.alias}`;
              return (
                <ListItem key={c.alias} divider>
                  <ListItemIcon sx={{ minWidth: 40 }}>
                    {result?.state === 'adding' ? (
                      <CircularProgress size={20} aria-label={`Adding ${c.alias}`} />
                    ) : result?.state === 'added' ? (
                      <CheckCircle color="success" aria-label={`${c.alias} added`} />
                    ) : (
                      <Checkbox
                        edge="start"
                        size="small"
                        checked={checked.has(c.alias)}
                        disabled={already || running}
                        onChange={() => toggle(c.alias)}
                        slotProps={{ input: { 'aria-labelledby': id } }}
                      />
                    )}
                  </ListItemIcon>
                  <ListItemText
                    id={id}
                    sx={{ opacity: already ? 0.6 : 1 }}
                    primary={
                      <Box component="span" sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                        <span>{c.alias}</span>
                        {already && (
                          <Chip size="small" label="already in inventory" sx={{ height: 20, fontSize: '0.7rem' }} />
                        )}
                        {result?.state === 'failed' && (
                          <Chip
                            size="small"
                            color="error"
                            variant="outlined"
                            label={errorTitles[result.error.kind]}
                            sx={{ height: 20, fontSize: '0.7rem' }}
                          />
                        )}
                      </Box>
                    }
                    secondary={describe(c)}
                    slotProps={{ secondary: { sx: { wordBreak: 'break-all' } } }}
                  />
                </ListItem>
              );
            })}
          </List>
        )}
        {failures.map(([alias, r]) => (
          <ErrorDetails key={alias} error={r.error} title={`Could not add ${alias}`} sx={{ mt: 2 }} />
        ))}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose}>{anyDone && checked.size === 0 ? 'Done' : running ? 'Close' : 'Cancel'}</Button>
        <Button variant="contained" disabled={running || checked.size === 0} onClick={() => void importSelected()}>
          {running ? 'Adding…' : `Add selected (${checked.size})`}
        </Button>
      </DialogActions>
    </>
  );
}
