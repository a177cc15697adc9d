import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import Refresh from '@mui/icons-material/Refresh';
import type { HostView } from '../../../../shared/contract';

export type RowActionHandlers = {
  onRefresh: (h: HostView) => void;
  onEdit: (h: HostView) => void;
  onRemove: (h: HostView) => void;
};

/** Labels name the host so "Remove labhost1" is unambiguous for screen readers and tests alike. */
export function HostRowActions({ host, onRefresh, onEdit, onRemove }: { host: HostView } & RowActionHandlers) {
  return (
    <Box sx={{ display: 'flex', justifyContent: 'flex-end', gap: 0.25 }}>
      <Tooltip title="Refresh">
        <span>
          <IconButton size="small" aria-label={`Refresh ${host.name}`} disabled={host.refreshing} onClick={() => onRefresh(host)}>
            <Refresh fontSize="small" />
          </IconButton>
        </span>
      </Tooltip>
      <Tooltip title="Edit">
        <IconButton size="small" aria-label={`Edit ${host.name}`} onClick={() => onEdit(host)}>
          <EditOutlined fontSize="small" />
        </IconButton>
      </Tooltip>
      <Tooltip title="Remove">
        <IconButton size="small" aria-label={`Remove ${host.name}`} onClick={() => onRemove(host)}>
          <DeleteOutlined fontSize="small" />
        </IconButton>
      </Tooltip>
    </Box>
  );
}
