import TableCell from '@mui/material/TableCell';
import Typography from '@mui/material/Typography';
import { styled } from '@mui/material/styles';
import { memo, useCallback, useMemo } from 'react';
import type { Domain } from '../../../../shared/snapshot/types';
import type { LibvirtNetwork } from '../../../../shared/snapshot/types';
import { domainAttachments, warningsToFlag, type HostWarning } from '../../../../shared/warnings';
import { VmAddresses } from '../../components/guest-addresses';
import { monoFont } from '../../components/fonts';
import { domainTone, Pill } from '../../components/Pill';
import { VmNicList } from '../../components/VmNicList';
import { formatKiB } from '../../format/units';
import type { DomainAction } from './useHostAction';
import { diskSource } from './vm-list';
import { VmActions } from './VmActions';
import { WarningIcon } from './WarningIcon';

/** What every row shares; stable between renders, so unchanged rows are not drawn again. */
export type VmRowShared = {
  hostId: string;
  hostName: string;
  warnings: HostWarning[];
  networks: readonly LibvirtNetwork[];
  onAction: (d: Domain, a: DomainAction) => void;
};

// Static styles (no per-cell sx object): emotion serialises each once, not once per row.
const NameCell = styled(TableCell)({ overflowWrap: 'anywhere' });
const NameLine = styled('div')({ display: 'flex', alignItems: 'center', gap: 6 });
const NameText = styled('span')({ fontWeight: 600, minWidth: 0 });
const NowrapCell = styled(TableCell)({ whiteSpace: 'nowrap' });
const ActionsCell = styled(TableCell)({ paddingTop: '4px !important', paddingBottom: '4px !important' });
const DiskLine = styled('div')({ fontSize: '0.8rem' });
const DiskPath = styled('span')(({ theme }) => ({
  fontFamily: monoFont,
  color: theme.palette.text.secondary,
  overflowWrap: 'break-word',
}));

/** One VM's cells. Memoised: typing, sorting or a busy neighbour redraws only the rows that changed. */
export const VmRowCells = memo(function VmRowCells({
  domain: d,
  busy,
  shared,
}: {
  domain: Domain;
  busy: boolean;
  shared: VmRowShared;
}) {
  const { hostId, hostName, warnings, networks, onAction } = shared;
  // Worked out for the rows drawn only: over 10 000 VMs, every NIC's attachment costs tens of ms.
  const nics = useMemo(() => domainAttachments(d, networks), [d, networks]);
  const flagged = useMemo(() => warningsToFlag(warnings, { kind: 'domain', name: d.name }), [warnings, d.name]);
  const act = useCallback((a: DomainAction) => onAction(d, a), [onAction, d]);
  return (
    <>
      <NameCell component="th" scope="row">
        <NameLine>
          <NameText>{d.name}</NameText>
          <WarningIcon warnings={flagged} />
        </NameLine>
      </NameCell>
      <TableCell>
        <Pill tone={domainTone(d.state)}>{d.state}</Pill>
      </TableCell>
      <TableCell>
        <VmAddresses domain={d} />
      </TableCell>
      <TableCell align="right">{d.vcpus}</TableCell>
      <NowrapCell align="right">{formatKiB(d.memoryKiB)}</NowrapCell>
      <TableCell>
        {d.disks.length === 0 ? (
          <Typography variant="body2" color="text.disabled">
            no disks
          </Typography>
        ) : (
          d.disks.map((k, i) => (
            <DiskLine key={`${k.target ?? i}`}>
              <strong>{k.target ?? k.device}</strong> {k.device !== 'disk' ? `${k.device} ` : ''}
              <DiskPath>
                <PathText text={diskSource(k) ?? 'empty'} />
              </DiskPath>
            </DiskLine>
          ))
        )}
      </TableCell>
      <TableCell>
        <VmNicList nics={nics} />
      </TableCell>
      <ActionsCell align="right">
        <VmActions domain={d} hostId={hostId} hostName={hostName} busy={busy} onAction={act} />
      </ActionsCell>
    </>
  );
});

/** The row that "Go to the VM" picks out: selected, announced as the current one, outlined. */
export const highlightedRowProps = {
  selected: true,
  'aria-current': true,
  tabIndex: -1,
  sx: { outline: 2, outlineColor: 'primary.main', outlineOffset: -2 },
} as const;

/** A path that may break after each `/` (a word break opportunity), not in the middle of a name. */
function PathText({ text }: { text: string }) {
  const parts = text.split('/');
  return (
    <>
      {parts.map((p, i) => (
        <span key={i}>
          {p}
          {i < parts.length - 1 && (
            <>
              /<wbr />
            </>
          )}
        </span>
      ))}
    </>
  );
}
