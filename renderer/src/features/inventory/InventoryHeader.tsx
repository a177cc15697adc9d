import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import Add from '@mui/icons-material/Add';
import FileUploadOutlined from '@mui/icons-material/FileUploadOutlined';
import Refresh from '@mui/icons-material/Refresh';
import { selectHostCount, selectOnlineCount, useLabStore } from '../../store';

/** Title, a one-line health summary, and the inventory-wide actions. */
export function InventoryHeader({ showActions, onRefreshAll }: { showActions: boolean; onRefreshAll: () => void }) {
  const total = useLabStore(selectHostCount);
  const online = useLabStore(selectOnlineCount);
  const loaded = useLabStore((s) => s.hostsLoaded);
  const openHostDialog = useLabStore((s) => s.openHostDialog);
  const setImportOpen = useLabStore((s) => s.setImportOpen);
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
      <Box sx={{ flex: 1, minWidth: 200 }}>
        <Typography variant="h5" component="h2">
          Inventory
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {loaded ? `${total} ${total === 1 ? 'host' : 'hosts'} · ${online} online` : 'Loading hosts…'}
        </Typography>
      </Box>
      {showActions && (
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
          <Button variant="text" startIcon={<FileUploadOutlined />} onClick={() => setImportOpen(true)}>
            Import from ~/.ssh/config
          </Button>
          <Button variant="outlined" startIcon={<Refresh />} onClick={onRefreshAll} disabled={!loaded || total === 0}>
            Refresh all
          </Button>
          <Button variant="contained" startIcon={<Add />} onClick={() => openHostDialog({ mode: 'add' })}>
            Add host
          </Button>
        </Box>
      )}
    </Box>
  );
}
