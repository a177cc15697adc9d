import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Close from '@mui/icons-material/Close';
import ExpandLess from '@mui/icons-material/ExpandLess';
import ExpandMore from '@mui/icons-material/ExpandMore';
import { useConsoleStore, type ConsoleTab } from './console-store';
import { SerialConsole } from './SerialConsole';
import { VncConsole } from './VncConsole';

const label = (t: ConsoleTab) => `${t.domain} — ${t.kind === 'console.serial' ? 'serial' : 'screen'}`;

/**
 * The open consoles, one tab each, docked under the current screen. Every tab stays mounted (hidden
 * when not selected) so switching tabs keeps its session; closing a tab detaches it.
 */
export function ConsoleDock() {
  const { tabs, active, close, select, minimised, setMinimised } = useConsoleStore();
  if (tabs.length === 0) return null;
  return (
    <Paper
      component="section"
      aria-label="Consoles"
      square
      elevation={6}
      sx={{
        display: 'flex',
        flexDirection: 'column',
        height: minimised ? 'auto' : '46vh',
        minHeight: minimised ? 0 : 300,
        borderTop: 1,
        borderColor: 'divider',
      }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', borderBottom: 1, borderColor: 'divider' }}>
        <Tabs
          value={active ?? false}
          onChange={(_e, v: string) => select(v)}
          variant="scrollable"
          aria-label="Open consoles"
          sx={{ flex: 1, minHeight: 36 }}
        >
          {tabs.map((t) => (
            <Tab
              key={t.key}
              value={t.key}
              sx={{ minHeight: 36, py: 0, textTransform: 'none' }}
              label={
                <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
                  {label(t)}
                  <IconButton
                    size="small"
                    component="span"
                    aria-label={`Close console ${label(t)}`}
                    onClick={(e) => {
                      e.stopPropagation();
                      close(t.key);
                    }}
                  >
                    <Close fontSize="inherit" />
                  </IconButton>
                </Box>
              }
            />
          ))}
        </Tabs>
        <IconButton
          size="small"
          aria-label={minimised ? 'Show consoles' : 'Hide consoles'}
          onClick={() => setMinimised(!minimised)}
          sx={{ mx: 1 }}
        >
          {minimised ? <ExpandLess /> : <ExpandMore />}
        </IconButton>
      </Box>
      {tabs.map((t) => {
        const visible = !minimised && t.key === active;
        return (
          <Box
            key={t.key}
            role="tabpanel"
            aria-label={`Console ${label(t)}`}
            hidden={!visible}
            sx={{ flex: 1, minHeight: 0, display: visible ? 'flex' : 'none', flexDirection: 'column', pt: 0.5 }}
          >
            {t.kind === 'console.serial' ? (
              <SerialConsole tab={t} visible={visible} />
            ) : (
              <VncConsole tab={t} visible={visible} />
            )}
          </Box>
        );
      })}
    </Paper>
  );
}
