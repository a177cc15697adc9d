import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import type { Domain, HostSnapshot } from '../../../../shared/snapshot/types';
import { nicAttachments, warningsToFlag, type HostWarning } from '../../../../shared/warnings';
import { monoFont } from '../../components/fonts';
import { domainRequest } from './action-requests';
import { ConfirmActionDialog, type ActionRequest } from './ConfirmActionDialog';
import { DeleteVmDialog } from './DeleteVmDialog';
import { domainTone, Pill } from '../../components/Pill';
import { detailTableSx } from './table-style';
import { formatKiB } from './units';
import { useHostAction, type DomainAction } from './useHostAction';
import { VmActions } from './VmActions';
import { VmNicList } from './VmNicList';
import { WarningIcon } from './WarningIcon';
import { VmAddresses } from '../guest-addresses';

type Props = { hostId: string; hostName: string; snapshot: HostSnapshot; warnings: HostWarning[] };

/** Every VM with its state, size, disks and NICs; power and delete actions, each confirmed. */
export function VmsTab({ hostId, hostName, snapshot, warnings }: Props) {
  const act = useHostAction(hostId);
  const [request, setRequest] = useState<ActionRequest | null>(null);
  const [deleting, setDeleting] = useState<Domain | null>(null);
  const attachments = useMemo(() => nicAttachments(snapshot), [snapshot]);
  const domains = snapshot.libvirt?.domains ?? [];
  if (domains.length === 0) return <Typography color="text.secondary">This host has no VMs.</Typography>;

  const onAction = (d: Domain, a: DomainAction): void => {
    if (a === 'delete') setDeleting(d);
    else setRequest(domainRequest(d, a, hostName, act.domain));
  };

  return (
    <>
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" aria-label="VMs" sx={detailTableSx}>
          <TableHead>
            <TableRow>
              <TableCell>Name</TableCell>
              <TableCell>State</TableCell>
              <TableCell>Addresses</TableCell>
              <TableCell align="right">vCPUs</TableCell>
              <TableCell align="right">Memory</TableCell>
              <TableCell>Disks</TableCell>
              <TableCell>NICs (attachment, MAC, host device, IP)</TableCell>
              <TableCell align="right">Actions</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {domains.map((d) => (
              <TableRow key={d.name} hover>
                <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap' }}>
                  <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
                    <Typography variant="body2" sx={{ fontWeight: 600 }}>
                      {d.name}
                    </Typography>
                    <WarningIcon warnings={warningsToFlag(warnings, { kind: 'domain', name: d.name })} />
                  </Box>
                </TableCell>
                <TableCell>
                  <Pill tone={domainTone(d.state)}>{d.state}</Pill>
                </TableCell>
                <TableCell>
                  <VmAddresses domain={d} />
                </TableCell>
                <TableCell align="right">{d.vcpus}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {formatKiB(d.memoryKiB)}
                </TableCell>
                <TableCell>
                  {d.disks.length === 0 ? (
                    <Typography variant="body2" color="text.disabled">
                      no disks
                    </Typography>
                  ) : (
                    d.disks.map((k, i) => (
                      <Box key={`${k.target ?? i}`} sx={{ fontSize: '0.8rem' }}>
                        <strong>{k.target ?? k.device}</strong> {k.device !== 'disk' ? `${k.device} ` : ''}
                        <Box component="span" sx={{ fontFamily: monoFont, color: 'text.secondary', wordBreak: 'break-all' }}>
                          {k.source?.file ?? k.source?.dev ?? k.source?.volume ?? 'empty'}
                        </Box>
                      </Box>
                    ))
                  )}
                </TableCell>
                <TableCell>
                  <VmNicList nics={attachments.filter((a) => a.domain.name === d.name)} />
                </TableCell>
                <TableCell align="right" sx={{ py: '4px !important' }}>
                  <VmActions domain={d} hostId={hostId} hostName={hostName} onAction={(a) => onAction(d, a)} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {request && <ConfirmActionDialog request={request} onClose={() => setRequest(null)} />}
      {deleting && <DeleteVmDialog domain={deleting} host={hostName} networks={snapshot.libvirt?.networks ?? []} run={act.domain} onClose={() => setDeleting(null)} />}
    </>
  );
}
