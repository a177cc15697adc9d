import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useMemo, type ReactNode } from 'react';
import type { HostSnapshot, NetInterface } from '../../../../shared/snapshot/types';
import { interfaceUsage, warningsToFlag, type HostWarning } from '../../../../shared/warnings';
import { monoFont } from '../../components/fonts';
import { linkState, placement, sortInterfaces } from './interface-rows';
import { Pill } from '../../components/Pill';
import { detailTableSx } from './table-style';
import { cidrOf } from '../../format/units';
import { describeUse } from '../../format/usage-text';
import { WarningIcon } from './WarningIcon';

const none = (
  <Typography component="span" variant="body2" color="text.disabled">
    —
  </Typography>
);

const stack = (items: string[]): ReactNode => (items.length === 0 ? none : items.map((t) => <Box key={t}>{t}</Box>));

/** Global addresses first and plain; link-local ones (fe80::) after them, smaller and grey. */
function addresses(i: NetInterface): ReactNode {
  if (i.addresses.length === 0) return none;
  const local = (a: NetInterface['addresses'][number]) => a.scope === 'link' || a.scope === 'host';
  const sorted = [...i.addresses].sort((a, b) => Number(local(a)) - Number(local(b)));
  return sorted.map((a) => (
    <Box
      key={cidrOf(a)}
      sx={{
        fontFamily: monoFont,
        fontSize: local(a) ? '0.72rem' : '0.8rem',
        color: local(a) ? 'text.secondary' : undefined,
      }}
    >
      {cidrOf(a)}
    </Box>
  ));
}

/** Every interface the host has (none hidden), and what depends on each. */
export function InterfacesTab({ snapshot, warnings }: { snapshot: HostSnapshot; warnings: HostWarning[] }) {
  const usage = useMemo(() => interfaceUsage(snapshot), [snapshot]);
  const rows = useMemo(() => sortInterfaces(snapshot.interfaces), [snapshot]);
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label="Host interfaces" sx={detailTableSx}>
        <TableHead>
          <TableRow>
            <TableCell>Name</TableCell>
            <TableCell>Kind</TableCell>
            <TableCell>State</TableCell>
            <TableCell>MAC</TableCell>
            <TableCell align="right">MTU</TableCell>
            <TableCell>Addresses</TableCell>
            <TableCell>Bridge, ports, parent</TableCell>
            <TableCell>macvlan mode</TableCell>
            <TableCell sx={{ minWidth: 200 }}>Used by</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((i) => {
            const state = linkState(i);
            const ws = warningsToFlag(warnings, { kind: 'interface', name: i.name });
            const dim = i.kind === 'loopback' || i.kind === 'tap' || i.kind === 'macvtap';
            return (
              <TableRow key={i.name} hover sx={dim ? { '& td': { color: 'text.secondary' } } : undefined}>
                <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap' }}>
                  <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
                    <Typography variant="body2" sx={{ fontWeight: 600 }}>
                      {i.name}
                    </Typography>
                    <WarningIcon warnings={ws} />
                  </Box>
                </TableCell>
                <TableCell>
                  {i.kind}
                  {i.infoKind && i.infoKind !== i.kind && i.kind !== 'tap' && (
                    <Typography variant="caption" component="div" color="text.secondary">
                      {i.infoKind}
                    </Typography>
                  )}
                </TableCell>
                <TableCell>
                  <Pill tone={state.tone} title={state.detail}>
                    {state.label}
                  </Pill>
                </TableCell>
                <TableCell sx={{ fontFamily: monoFont, fontSize: '0.8rem', whiteSpace: 'nowrap' }}>
                  {i.mac ?? none}
                </TableCell>
                <TableCell align="right">{i.mtu}</TableCell>
                <TableCell>{addresses(i)}</TableCell>
                <TableCell>{stack(placement(i))}</TableCell>
                <TableCell>{i.macvlan?.mode ?? none}</TableCell>
                <TableCell>{stack((usage.get(i.name) ?? []).map(describeUse))}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
