import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { alpha } from '@mui/material/styles';
import ComputerOutlined from '@mui/icons-material/ComputerOutlined';
import HubOutlined from '@mui/icons-material/HubOutlined';
import LanOutlined from '@mui/icons-material/LanOutlined';
import SettingsEthernet from '@mui/icons-material/SettingsEthernet';
import WarningAmberRounded from '@mui/icons-material/WarningAmberRounded';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { worstSeverity } from '../../../../shared/warnings';
import { dhcpText, dhcpTitle, nodeAccents, severityColors } from './edge-styles';
import { nodeWidth } from './layout-graph';
import { detailParts } from './node-text';
import { NODE_H } from './topology-layout';
import type { TopoNode, TopoNodeKind } from './topology-types';

export type TopoFlowNode = Node<{ topo: TopoNode }, 'topo'>;

export const kindIcons: Record<TopoNodeKind, typeof ComputerOutlined> = {
  interface: SettingsEthernet,
  bridge: HubOutlined,
  network: LanOutlined,
  vm: ComputerOutlined,
};

// Edges attach at the middle of each side; the handles are there for xyflow only, never for the user.
const hiddenHandle = {
  opacity: 0,
  width: 1,
  height: 1,
  minWidth: 0,
  minHeight: 0,
  border: 0,
  pointerEvents: 'none' as const,
};

function DhcpBadge({ dhcp }: { dhcp: NonNullable<TopoNode['dhcp']> }) {
  const color = dhcp === 'none' ? 'text.secondary' : dhcp === 'both' ? 'error.main' : 'info.main';
  return (
    <Box
      component="span"
      title={dhcpTitle[dhcp]}
      sx={{
        flexShrink: 0,
        px: 0.75,
        borderRadius: 999,
        border: 1,
        borderColor: color,
        color,
        fontSize: '0.68rem',
        fontWeight: 700,
        lineHeight: 1.5,
        whiteSpace: 'nowrap',
      }}
    >
      {dhcpText[dhcp]}
    </Box>
  );
}

/** The second line; a VM's vCPUs and memory never shrink, only its state may be cut short. */
function NodeDetail({ node }: { node: TopoNode }) {
  const { head, size } = detailParts(node);
  return (
    <Typography
      variant="caption"
      color="text.secondary"
      title={node.detail}
      sx={{ lineHeight: 1.3, display: 'flex', minWidth: 0, whiteSpace: 'nowrap' }}
    >
      <Box component="span" sx={{ overflow: 'hidden', textOverflow: 'ellipsis', minWidth: 0 }}>
        {head}
      </Box>
      {size && (
        <Box component="span" sx={{ flexShrink: 0 }}>
          {head ? `\u00a0· ${size}` : size}
        </Box>
      )}
    </Typography>
  );
}

/**
 * One host interface, bridge, network or VM. The kind is its icon and stripe colour (the legend
 * names them); the icon's colour is its state; the text is name, then state and address or size.
 */
export function TopologyNodeCard({ data, selected }: NodeProps<TopoFlowNode>) {
  const n = data.topo;
  const Icon = kindIcons[n.kind];
  const worst = worstSeverity(n.warnings);
  const live = n.status === 'up' || n.status === 'running';
  return (
    <Box
      title={n.label}
      sx={(theme) => ({
        width: nodeWidth(n.kind),
        height: NODE_H,
        boxSizing: 'border-box',
        position: 'relative',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'center',
        gap: 0.25,
        pl: 1.25,
        pr: 1,
        borderRadius: 1.5,
        bgcolor: 'background.paper',
        border: worst ? 2 : 1,
        borderColor: worst ? severityColors[worst] : selected ? 'primary.main' : 'divider',
        borderLeft: `5px solid ${nodeAccents[n.kind]}`,
        boxShadow: selected ? `0 0 0 3px ${alpha(theme.palette.primary.main, 0.4)}` : theme.shadows[1],
        cursor: 'pointer',
      })}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} style={hiddenHandle} />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.75, minWidth: 0 }}>
        <Icon
          aria-hidden
          sx={{
            fontSize: 16,
            flexShrink: 0,
            color: live ? 'success.main' : n.status === 'paused' ? 'warning.main' : 'text.disabled',
          }}
        />
        <Typography variant="body2" noWrap sx={{ fontWeight: 700, flex: 1, minWidth: 0 }}>
          {n.name}
        </Typography>
        {n.dhcp && <DhcpBadge dhcp={n.dhcp} />}
      </Box>
      <NodeDetail node={n} />
      {worst && (
        <Box
          aria-hidden
          sx={{
            position: 'absolute',
            top: -10,
            right: -8,
            display: 'flex',
            alignItems: 'center',
            gap: 0.25,
            px: 0.5,
            borderRadius: 999,
            bgcolor: severityColors[worst],
            color: '#fff',
            fontSize: '0.7rem',
            fontWeight: 700,
            boxShadow: 1,
          }}
        >
          <WarningAmberRounded sx={{ fontSize: 14 }} />
          {n.warnings.length}
        </Box>
      )}
      <Handle type="source" position={Position.Right} isConnectable={false} style={hiddenHandle} />
    </Box>
  );
}
