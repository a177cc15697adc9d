import Box from '@mui/material/Box';
import Collapse from '@mui/material/Collapse';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import KeyboardArrowDown from '@mui/icons-material/KeyboardArrowDown';
import KeyboardArrowRight from '@mui/icons-material/KeyboardArrowRight';
import Button from '@mui/material/Button';
import Add from '@mui/icons-material/Add';
import { Fragment, useState } from 'react';
import type { HostMarks } from '../../../../shared/compose/marks';
import type { HostSnapshot, LibvirtNetwork } from '../../../../shared/snapshot/types';
import {
  isDomainUp,
  networkDhcpState,
  nicAttachments,
  warningsToFlag,
  type HostWarning,
} from '../../../../shared/warnings';
import { reservationUsers } from '../../../../shared/networks/reservations';
import { monoFont } from '../../components/fonts';
import { AnsibleExportButton } from '../../components/ansible-export/AnsibleExportButton';
import { networkRequest, reservationRequest } from './action-requests';
import { ConfirmActionDialog, type ActionRequest } from './ConfirmActionDialog';
import { DhcpSummary } from './DhcpSummary';
import { NetworkActions } from './NetworkActions';
import { NetworkDetails } from './NetworkDetails';
import { Pill } from '../../components/Pill';
import { detailTableSx } from './table-style';
import { cidrOf } from '../../format/units';
import { useHostAction } from './useHostAction';
import { WarningIcon } from './WarningIcon';
import { useFeatureSlots, type NetworkEditorMode } from '../../components/feature-slots';

const forwardText = (n: LibvirtNetwork): string =>
  `${n.forwardMode === 'nat' ? 'NAT' : n.forwardMode}${n.forwardDevs.length ? ` via ${n.forwardDevs.join(', ')}` : ''}`;

type Props = { hostId: string; snapshot: HostSnapshot; marks: HostMarks; warnings: HostWarning[] };

/** libvirt's networks: what each forwards to, whether DHCP answers there, and their leases. */
export function NetworksTab({ hostId, snapshot, marks, warnings }: Props) {
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const [request, setRequest] = useState<ActionRequest | null>(null);
  const act = useHostAction(hostId);
  const [editor, setEditor] = useState<NetworkEditorMode | null>(null);
  const { NetworkEditorDialog } = useFeatureSlots();
  const networks = snapshot.libvirt?.networks ?? [];
  const newButton = (
    <span title={snapshot.libvirt?.readOnly?.reason}>
      <Button
        size="small"
        variant="contained"
        startIcon={<Add />}
        disabled={!!snapshot.libvirt?.readOnly}
        onClick={() => setEditor({ kind: 'create' })}
      >
        New network
      </Button>
    </span>
  );
  const editorDialog = editor && (
    <NetworkEditorDialog
      hostId={hostId}
      hostName={snapshot.hostname}
      snapshot={snapshot}
      mode={editor}
      onClose={() => setEditor(null)}
    />
  );
  if (networks.length === 0) {
    return (
      <>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
          <Typography color="text.secondary">This host has no libvirt networks.</Typography>
          {newButton}
        </Box>
        {editorDialog}
      </>
    );
  }
  const runningUsers = (name: string): string[] => [
    ...new Set(
      nicAttachments(snapshot)
        .filter((a) => a.network?.name === name && isDomainUp(a.domain))
        .map((a) => a.domain.name),
    ),
  ];
  return (
    <>
      <Box sx={{ display: 'flex', justifyContent: 'flex-end', gap: 1, mb: 1 }}>
        {newButton}
        <AnsibleExportButton
          request={{ hostId, networks: true }}
          what="the networks of this host"
          label="Export networks to Ansible…"
        />
      </Box>
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" aria-label="Networks" sx={detailTableSx}>
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: 40 }}>
                <Box
                  component="span"
                  sx={{
                    position: 'absolute',
                    width: '1px',
                    height: '1px',
                    overflow: 'hidden',
                    clip: 'rect(0 0 0 0)',
                    whiteSpace: 'nowrap',
                  }}
                >
                  Details
                </Box>
              </TableCell>
              <TableCell>Name</TableCell>
              <TableCell>State</TableCell>
              <TableCell>Autostart</TableCell>
              <TableCell>Forward mode</TableCell>
              <TableCell>Bridge</TableCell>
              <TableCell>Address</TableCell>
              <TableCell>DHCP</TableCell>
              <TableCell align="right">Leases</TableCell>
              <TableCell align="right">Actions</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {networks.map((n) => {
              const expanded = open[n.name] ?? false;
              return (
                <Fragment key={n.name}>
                  <TableRow hover sx={{ '& > td, & > th': { borderBottom: expanded ? 'none' : undefined } }}>
                    <TableCell sx={{ py: '4px !important' }}>
                      <IconButton
                        size="small"
                        aria-label={`${expanded ? 'Hide' : 'Show'} leases and static hosts of ${n.name}`}
                        aria-expanded={expanded}
                        onClick={() => setOpen((o) => ({ ...o, [n.name]: !expanded }))}
                      >
                        {expanded ? <KeyboardArrowDown fontSize="small" /> : <KeyboardArrowRight fontSize="small" />}
                      </IconButton>
                    </TableCell>
                    <TableCell component="th" scope="row">
                      <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.75, pt: 0.25 }}>
                        <Typography variant="body2" sx={{ fontWeight: 600 }}>
                          {n.name}
                        </Typography>
                        <WarningIcon warnings={warningsToFlag(warnings, { kind: 'network', name: n.name })} />
                      </Box>
                    </TableCell>
                    <TableCell>
                      <Pill tone={n.active ? 'success' : 'neutral'}>{n.active ? 'active' : 'stopped'}</Pill>
                    </TableCell>
                    <TableCell>{n.autostart ? 'on' : 'off'}</TableCell>
                    <TableCell>{forwardText(n)}</TableCell>
                    <TableCell>{n.bridge ?? '—'}</TableCell>
                    <TableCell sx={{ fontFamily: monoFont, fontSize: '0.8rem' }}>
                      {n.ips.length ? n.ips.map((ip) => <Box key={ip.address}>{cidrOf(ip)}</Box>) : '—'}
                    </TableCell>
                    <TableCell>
                      <DhcpSummary dhcp={networkDhcpState(n, snapshot, marks)} />
                    </TableCell>
                    <TableCell align="right">{n.leases.length}</TableCell>
                    <TableCell align="right" sx={{ py: '4px !important' }}>
                      <NetworkActions
                        network={n}
                        onAction={(a) => setRequest(networkRequest(n, a, runningUsers(n.name), act.network))}
                        onEdit={() => setEditor({ kind: 'edit', network: n.name })}
                        onDelete={() => setEditor({ kind: 'delete', network: n.name })}
                      />
                    </TableCell>
                  </TableRow>
                  <TableRow>
                    <TableCell colSpan={10} sx={{ py: '0 !important', ...(expanded ? {} : { borderBottom: 'none' }) }}>
                      <Collapse in={expanded} unmountOnExit>
                        <NetworkDetails
                          network={n}
                          snapshot={snapshot}
                          onRemoveReservation={(h) =>
                            setRequest(
                              reservationRequest(
                                n.name,
                                h,
                                reservationUsers(snapshot, n.name, h.mac),
                                act.removeReservation,
                              ),
                            )
                          }
                        />
                      </Collapse>
                    </TableCell>
                  </TableRow>
                </Fragment>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
      {request && <ConfirmActionDialog request={request} onClose={() => setRequest(null)} />}
      {editorDialog}
    </>
  );
}
