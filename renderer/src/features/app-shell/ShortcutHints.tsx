import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import KeyboardOutlined from '@mui/icons-material/KeyboardOutlined';
import { Fragment } from 'react';
import { shortcuts, useShortcutsDialog } from './shortcuts';

/** The app bar's "Shortcuts" button and the dialog it opens (`?` opens it too): every keyboard shortcut, where it works. */
export function ShortcutHints() {
  const open = useShortcutsDialog((s) => s.open);
  const setOpen = useShortcutsDialog((s) => s.setOpen);
  return (
    <>
      <Button
        color="inherit"
        size="small"
        startIcon={<KeyboardOutlined fontSize="small" />}
        aria-keyshortcuts="?"
        onClick={() => setOpen(true)}
      >
        Shortcuts
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="sm" fullWidth aria-labelledby="shortcuts-title">
        <DialogTitle id="shortcuts-title">Keyboard shortcuts</DialogTitle>
        <DialogContent>
          <Table size="small" aria-label="Keyboard shortcuts">
            <TableHead>
              <TableRow>
                <TableCell>Keys</TableCell>
                <TableCell>Does</TableCell>
                <TableCell>Where</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {shortcuts.map((s) => (
                <TableRow key={`${s.keys.join('+')}:${s.where}`}>
                  <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap' }}>
                    {s.keys.map((k, i) => (
                      <Fragment key={k}>
                        {i > 0 && ' or '}
                        <Box
                          component="kbd"
                          sx={{
                            fontFamily: 'inherit',
                            fontWeight: 700,
                            px: 0.75,
                            py: 0.125,
                            border: 1,
                            borderColor: 'divider',
                            borderRadius: 1,
                          }}
                        >
                          {k}
                        </Box>
                      </Fragment>
                    ))}
                  </TableCell>
                  <TableCell>{s.what}</TableCell>
                  <TableCell sx={{ color: 'text.secondary' }}>{s.where}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Box sx={{ mt: 1.5, typography: 'body2', color: 'text.secondary' }}>
            Single-key shortcuts do nothing while you type in a field or a dialog is open.
          </Box>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Close</Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
