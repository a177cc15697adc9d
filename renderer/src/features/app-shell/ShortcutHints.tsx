import Box from '@mui/material/Box';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import KeyboardOutlined from '@mui/icons-material/KeyboardOutlined';

const shortcuts: [string, string][] = [
  ['/ or Ctrl+F', 'Search hosts'],
  ['r', 'Refresh all hosts'],
  ['a', 'Add host'],
];

/** Lists the keyboard shortcuts so they are discoverable without docs. */
export function ShortcutHints() {
  return (
    <Tooltip
      title={
        <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'auto auto', columnGap: 1.5, rowGap: 0.25 }}>
          {shortcuts.map(([keys, what]) => (
            <Box key={keys} sx={{ display: 'contents' }}>
              <Box component="dt" sx={{ fontWeight: 700 }}>
                {keys}
              </Box>
              <Box component="dd" sx={{ m: 0 }}>
                {what}
              </Box>
            </Box>
          ))}
        </Box>
      }
    >
      <Box
        tabIndex={0}
        aria-label="Keyboard shortcuts: / or Ctrl+F search, r refresh all, a add host"
        sx={{ display: 'flex', alignItems: 'center', gap: 0.5, opacity: 0.85, cursor: 'default', borderRadius: 1, px: 0.5 }}
      >
        <KeyboardOutlined fontSize="small" aria-hidden />
        <Typography variant="body2" component="span">
          Shortcuts
        </Typography>
      </Box>
    </Tooltip>
  );
}
