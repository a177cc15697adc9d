import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import Refresh from '@mui/icons-material/Refresh';
import type { HostView } from '../../../../shared/contract';
import { useFeatureSlots } from '../../components/feature-slots';

export type RowActionHandlers = {
  onRefresh: (h: HostView) => void;
  onEdit: (h: HostView) => void;
  onRemove: (h: HostView) => void;
};

/**
 * Labels name the host so "Remove labhost1" is unambiguous for screen readers and tests alike.
 * Native titles instead of MUI tooltips: a thousand-row table mounts these on every scroll.
 */
export function HostRowActions({ host, onRefresh, onEdit, onRemove }: { host: HostView } & RowActionHandlers) {
  const { ComposeVmButton } = useFeatureSlots();
  return (
    <Box sx={{ display: 'flex', justifyContent: 'flex-end', gap: 0.25 }}>
      <ComposeVmButton host={host} />
      <IconButton
        size="small"
        title="Refresh"
        aria-label={`Refresh ${host.name}`}
        disabled={host.refreshing}
        onClick={() => onRefresh(host)}
      >
        <Refresh fontSize="small" />
      </IconButton>
      <IconButton size="small" title="Edit" aria-label={`Edit ${host.name}`} onClick={() => onEdit(host)}>
        <EditOutlined fontSize="small" />
      </IconButton>
      <IconButton size="small" title="Remove" aria-label={`Remove ${host.name}`} onClick={() => onRemove(host)}>
        <DeleteOutlined fontSize="small" />
      </IconButton>
    </Box>
  );
}
