import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { GuestAddresses } from '../../../../shared/contract/guests';
import { activeStates } from '../../../../shared/snapshot/parse-domstate';
import { domainStates, type DomainState } from '../../../../shared/snapshot/types';
import { ErrorDetails } from '../ErrorDetails';
import { AddressList } from './AddressList';
import { originText, waitText } from './origins';
import { useGuestAddresses, type AddressWait } from './useGuestAddresses';

const isActive = (state: string): boolean =>
  (domainStates as readonly string[]).includes(state) && activeStates.has(state as DomainState);

/** Seconds since it was mounted (give it a new key to restart). */
function Elapsed() {
  const [since] = useState(() => Date.now());
  const [now, setNow] = useState(since);
  useEffect(() => {
    const t = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(t);
  }, []);
  return <>{Math.max(0, Math.round((now - since) / 1000))} s</>;
}

/** What each source said ("lease: 1 address · ARP: no address · agent: not configured"). */
function TriedLine({ result }: { result: GuestAddresses }) {
  return (
    <Typography variant="caption" component="p" color="text.secondary" sx={{ m: 0 }}>
      Asked:{' '}
      {result.tried.map((t, i) => (
        <span key={t.origin}>
          {i > 0 ? ' · ' : ''}
          <strong>{originText[t.origin].tag}</strong> {t.note ?? (t.ok ? 'answered' : 'no answer')}
        </span>
      ))}
    </Typography>
  );
}

function Found({ result }: { result: GuestAddresses }) {
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 0.75 }}>
      <AddressList addresses={result.addresses} label={`Addresses of ${result.domain}`} showMac />
      <TriedLine result={result} />
    </Box>
  );
}

/** The states of a wait, shown; exported apart from the hook so it can be shown for any AddressWait. */
export function GuestAddressView({
  wait,
  waitMs,
  onKeepWaiting,
}: {
  wait: AddressWait;
  waitMs: number;
  onKeepWaiting: () => void;
}) {
  const keep = (
    <Button size="small" variant="outlined" onClick={onKeepWaiting}>
      Keep waiting
    </Button>
  );
  switch (wait.phase) {
    case 'waiting':
      return (
        <Box role="status" sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
          <Typography variant="body2">
            Waiting for an address… <Elapsed key={wait.round} /> of {waitText(waitMs)}
          </Typography>
          <LinearProgress aria-label="Waiting for an address" sx={{ maxWidth: 420 }} />
          <Typography variant="caption" color="text.secondary">
            LabDeck asks libvirt's DHCP leases, the host's ARP table and the guest agent about once a second.
          </Typography>
        </Box>
      );
    case 'error':
      return (
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1, alignItems: 'flex-start' }}>
          <ErrorDetails error={wait.error} title="Could not read the VM's addresses" />
          <Button size="small" variant="outlined" onClick={onKeepWaiting}>
            Try again
          </Button>
        </Box>
      );
    case 'timedOut':
      return (
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1, alignItems: 'flex-start' }}>
          <Alert severity="warning" sx={{ width: '100%' }}>
            <AlertTitle>No address after {waitText(waitMs)}</AlertTitle>A VM on a network without DHCP, or an OS that
            does not ask, gets none; see the console.
          </Alert>
          <TriedLine result={wait.result} />
          {keep}
        </Box>
      );
    case 'done': {
      const r = wait.result;
      if (!isActive(r.state)) {
        return (
          <Typography variant="body2" color="text.secondary">
            {r.domain} is {r.state}: it has no address until it runs.
          </Typography>
        );
      }
      if (r.addresses.length === 0) {
        return (
          <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1, alignItems: 'flex-start' }}>
            <Typography variant="body2">No address yet.</Typography>
            <TriedLine result={r} />
            {keep}
          </Box>
        );
      }
      return <Found result={r} />;
    }
  }
}

/**
 * A VM's addresses, waiting for them: "Waiting for an address…" with progress, then each address
 * with where it came from, or — after waitMs — why there may be none and a "Keep waiting" button.
 */
export function GuestAddressPanel({
  hostId,
  domain,
  waitMs = 120_000,
  enabled = true,
}: {
  hostId: string;
  domain: string;
  waitMs?: number;
  enabled?: boolean;
}) {
  const { wait, keepWaiting } = useGuestAddresses(hostId, domain, { waitMs, enabled });
  if (!wait) return null;
  return (
    <Box>
      <GuestAddressView wait={wait} waitMs={waitMs} onKeepWaiting={keepWaiting} />
    </Box>
  );
}
