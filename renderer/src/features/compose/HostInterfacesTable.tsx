import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { alpha } from '@mui/material/styles';
import { useState } from 'react';
import type { InterfaceFacts } from '../../../../shared/compose';
import type { InterfaceUse } from '../../../../shared/warnings/interface-usage';
import { attachPhrase, dhcpPhrase, linkState, sortFacts, usagePhrases, type LinkTone } from './host-interface-notes';

/** The host's own addresses (an admin recognises 10.99.1.2 sooner than 10.99.1.0/24), else the subnets known to be there. */
function addressText(f: InterfaceFacts): string {
  const own = f.iface.addresses
    .filter((a) => a.scope !== 'link' && a.scope !== 'host')
    .map((a) => `${a.address}/${a.prefixLen}`);
  if (own.length > 0) return own.join(', ');
  return f.subnets.length > 0 ? `subnet ${f.subnets.map((s) => s.cidr).join(', ')}` : '—';
}

type Props = {
  hostName: string;
  facts: InterfaceFacts[];
  usage: Map<string, InterfaceUse[]>;
  /** Adds a NIC constrained to this interface's name. */
  onUse: (name: string) => void;
};

function Pill({ tone, children }: { tone: LinkTone | 'info'; children: string }) {
  return (
    <Box
      component="span"
      sx={(theme) => {
        const c = tone === 'neutral' ? theme.palette.text.secondary : theme.palette[tone].main;
        return {
          display: 'inline-block',
          px: 0.75,
          borderRadius: 999,
          fontSize: '0.72rem',
          fontWeight: 600,
          whiteSpace: 'nowrap',
          color: theme.palette.mode === 'light' && tone !== 'neutral' ? theme.palette[tone].dark : c,
          backgroundColor: alpha(c, 0.12),
          border: `1px solid ${alpha(c, 0.35)}`,
        };
      }}
    >
      {children}
    </Box>
  );
}

/**
 * What a guest NIC can attach to on this host: link state, addresses, DHCP on the segment and who
 * already uses each interface. Interfaces guests can't use (lo, taps, bridge ports) are folded away.
 */
export function HostInterfacesTable({ hostName, facts, usage, onUse }: Props) {
  const [showAll, setShowAll] = useState(false);
  const sorted = sortFacts(facts);
  const unusable = sorted.filter((f) => f.unusable);
  const shown = showAll ? sorted : sorted.filter((f) => !f.unusable);
  return (
    <Box>
      <Table size="small" aria-label={`Host interfaces on ${hostName}`}>
        <TableHead>
          <TableRow>
            <TableCell>Interface</TableCell>
            <TableCell>Link</TableCell>
            <TableCell>Addresses</TableCell>
            <TableCell>DHCP on this segment</TableCell>
            <TableCell>In use by</TableCell>
            <TableCell>A guest NIC attaches as</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {shown.map((f) => {
            const link = linkState(f.iface);
            const dhcp = dhcpPhrase(f);
            const uses = usagePhrases(usage.get(f.iface.name) ?? []);
            return (
              <TableRow key={f.iface.name} sx={f.unusable ? { '& td': { color: 'text.disabled' } } : undefined}>
                <TableCell>
                  <Typography variant="body2" sx={{ fontWeight: 600 }}>
                    {f.iface.name}
                  </Typography>
                  <Typography variant="caption" color="text.secondary">
                    {f.iface.kind}
                    {f.iface.infoKind && f.iface.infoKind !== f.iface.kind ? ` (${f.iface.infoKind})` : ''}
                    {f.iface.master ? ` · port of ${f.iface.master}` : ''}
                  </Typography>
                </TableCell>
                <TableCell>
                  <Pill tone={link.tone}>{link.label}</Pill>
                </TableCell>
                <TableCell>
                  <Typography variant="body2">{addressText(f)}</Typography>
                </TableCell>
                <TableCell sx={{ maxWidth: 280 }}>
                  {f.unusable ? (
                    '—'
                  ) : (
                    <>
                      <Pill tone={dhcp.available ? 'success' : 'warning'}>{dhcp.short}</Pill>
                      <Typography variant="caption" color="text.secondary" component="div">
                        {dhcp.detail}
                      </Typography>
                    </>
                  )}
                </TableCell>
                <TableCell>
                  <Typography variant="body2">{uses.length ? uses.join('; ') : f.unusable ? '—' : 'free'}</Typography>
                </TableCell>
                <TableCell>
                  <Typography variant="body2">{attachPhrase(f)}</Typography>
                </TableCell>
                <TableCell align="right">
                  {!f.unusable && (
                    <Button
                      size="small"
                      onClick={() => onUse(f.iface.name)}
                      aria-label={`Add a NIC on ${f.iface.name}`}
                      sx={{ whiteSpace: 'nowrap' }}
                    >
                      Add NIC here
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {unusable.length > 0 && (
        <Button size="small" onClick={() => setShowAll((v) => !v)} sx={{ mt: 0.5 }}>
          {showAll
            ? 'Hide interfaces guests cannot use'
            : `Show ${unusable.length} interfaces guests cannot use (${unusable.map((f) => f.iface.name).join(', ')})`}
        </Button>
      )}
    </Box>
  );
}
