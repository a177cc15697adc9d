import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type {
  AnsibleExportRequest,
  AnsibleExportResult,
  AnsibleExportSaveResult,
} from '../../../../shared/contract/ansible-export';
import { errorShapeOf, useCommands } from '../../api';
import { monoFont } from '../fonts';

type Props = {
  open: boolean;
  onClose: () => void;
  /** What to export; read when the dialog opens. */
  request: AnsibleExportRequest;
  /** "web1", "the networks of labhost1" … */
  what: string;
};

const sizeOf = (b64: string): number =>
  Math.floor((b64.length * 3) / 4) - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0);

/**
 * The Ansible export, shown before it is saved: the playbook, the inventory and the rest, one tab
 * per file (like the domain XML in Review), then written into a folder on this machine.
 */
export function AnsibleExportDialog({ open, onClose, request, what }: Props) {
  return (
    <Dialog open={open} onClose={onClose} maxWidth="lg" fullWidth aria-labelledby="ansible-export-title">
      <DialogTitle id="ansible-export-title">Export {what} to Ansible</DialogTitle>
      {/* Mounted per opening (and per request), so each opening reads the host afresh. */}
      {open && <ExportContent key={JSON.stringify(request)} request={request} />}
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}

function ExportContent({ request }: { request: AnsibleExportRequest }) {
  const commands = useCommands();
  const [result, setResult] = useState<AnsibleExportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState(0);
  const [dir, setDir] = useState('');
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<AnsibleExportSaveResult | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [req] = useState(request);

  useEffect(() => {
    let live = true;
    commands.compose.exportAnsible(req).then(
      (r) => {
        if (!live) return;
        setResult(r);
        setDir(r.suggestedDir);
        const play = r.files.findIndex((f) => f.path === 'playbook.yml');
        setTab(play >= 0 ? play : 0);
      },
      (err) => live && setError(errorShapeOf(err).message),
    );
    return () => {
      live = false;
    };
  }, [req, commands]);

  const save = async () => {
    if (!result) return;
    setSaving(true);
    setSaveError(null);
    try {
      setSaved(await commands.compose.saveAnsible({ dir, files: result.files }));
    } catch (err) {
      setSaveError(errorShapeOf(err).message);
    } finally {
      setSaving(false);
    }
  };

  const file = result?.files[tab];
  return (
    <DialogContent dividers>
      {!result && !error && (
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, py: 3 }} role="status">
          <CircularProgress size={20} aria-label="Making the export" />
          <Typography color="text.secondary">Reading the host and making the playbook…</Typography>
        </Box>
      )}
      {error && <Alert severity="error">{error}</Alert>}
      {result && (
        <>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {result.summary} An inventory and a playbook for Ansible's <code>community.libvirt</code> collection: it
            makes the same thing on any host, and running it again changes nothing.
          </Typography>
          {result.notes.length > 0 && (
            <Alert severity="info" sx={{ mb: 1 }}>
              {result.notes.map((n) => (
                <div key={n}>{n}</div>
              ))}
            </Alert>
          )}
          <Tabs
            value={tab}
            onChange={(_, v: number) => setTab(v)}
            variant="scrollable"
            scrollButtons="auto"
            aria-label="Exported files"
          >
            {result.files.map((f, i) => (
              <Tab
                key={f.path}
                value={i}
                label={f.path}
                sx={{ textTransform: 'none', fontFamily: monoFont, fontSize: '0.8rem' }}
              />
            ))}
          </Tabs>
          {file && (
            <Box
              component="pre"
              role="region"
              tabIndex={0}
              aria-label={`Contents of ${file.path}`}
              sx={(theme) => ({
                m: 0,
                mt: 1,
                p: 1,
                fontFamily: monoFont,
                fontSize: '0.78rem',
                lineHeight: 1.5,
                whiteSpace: 'pre',
                overflow: 'auto',
                height: '48vh',
                borderRadius: 1,
                backgroundColor: theme.palette.mode === 'light' ? 'rgba(0,0,0,0.04)' : 'rgba(255,255,255,0.06)',
              })}
            >
              {file.encoding === 'utf8'
                ? file.content
                : `(binary: the cloud-init seed ISO, ${sizeOf(file.content)} bytes, built from the files under cidata/)`}
            </Box>
          )}
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', mt: 2 }}>
            <TextField
              label="Save to folder"
              value={dir}
              onChange={(e) => setDir(e.target.value)}
              size="small"
              fullWidth
              helperText="On the machine LabDeck runs on; made when missing. Files of the same name are replaced."
            />
            <Button
              variant="contained"
              onClick={() => void save()}
              disabled={saving || dir.trim() === ''}
              aria-label="Save the export to the folder"
            >
              {saving ? 'Saving…' : 'Save'}
            </Button>
          </Box>
          {saveError && (
            <Alert severity="error" sx={{ mt: 1 }}>
              {saveError}
            </Alert>
          )}
          {saved && (
            <Alert severity="success" sx={{ mt: 1 }}>
              Saved {saved.written.length} files to {saved.dir}. Run it with{' '}
              <code>cd {saved.dir} && ansible-playbook -i inventory.yml playbook.yml</code>
            </Alert>
          )}
        </>
      )}
    </DialogContent>
  );
}
