import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type RFBType from '@novnc/novnc';
import { useEffect, useRef, useState } from 'react';
import { errorShapeOf, useClient, type LabDeckClient } from '../../api';
import type { StreamHandle } from '../../api/streams';
import type { ConsoleTab } from './console-store';

type Status =
  { state: 'connecting' } | { state: 'open' } | { state: 'password' } | { state: 'closed'; message: string };

/**
 * A WebSocket-shaped channel over a `console.vnc` stream, for noVNC's RFB (it accepts any object
 * with WebSocket's members). noVNC handles each message synchronously, so it is acknowledged at once.
 */
async function vncChannel(client: LabDeckClient, tab: ConsoleTab, onEnd: (reason: string) => void) {
  const early: ArrayBuffer[] = [];
  let onmessage: ((e: { data: ArrayBuffer }) => void) | null = null;
  const channel = {
    binaryType: 'arraybuffer',
    protocol: '',
    readyState: 'open',
    onopen: null as unknown,
    onclose: null as ((e: { code: number; reason: string; wasClean: boolean }) => void) | null,
    onerror: null as unknown,
    get onmessage() {
      return onmessage;
    },
    set onmessage(fn) {
      onmessage = fn;
      if (fn) for (const data of early.splice(0)) fn({ data });
    },
    send(data: ArrayBuffer | Uint8Array) {
      handle.write(data instanceof Uint8Array ? data.slice() : new Uint8Array(data));
    },
    close() {
      if (channel.readyState === 'closed') return;
      channel.readyState = 'closed';
      handle.close();
      channel.onclose?.({ code: 1000, reason: 'detached', wasClean: true });
    },
  };
  const handle: StreamHandle<'console.vnc'> = await client.streams.open(
    'console.vnc',
    { hostId: tab.hostId, domain: tab.domain },
    {
      data: (bytes, consumed) => {
        const data = bytes.slice().buffer;
        if (onmessage) onmessage({ data });
        else early.push(data);
        consumed();
      },
      closed: (ev) => {
        if (channel.readyState === 'closed') return;
        channel.readyState = 'closed';
        channel.onclose?.({ code: 1006, reason: ev.reason, wasClean: false });
        onEnd(ev.reason);
      },
    },
  );
  return { channel, handle };
}

/** A VM's screen: noVNC over a tunnel on the host's SSH connection. */
export function VncConsole({ tab, visible }: { tab: ConsoleTab; visible: boolean }) {
  const client = useClient();
  const screen = useRef<HTMLDivElement>(null);
  const rfb = useRef<RFBType | null>(null);
  const [status, setStatus] = useState<Status>({ state: 'connecting' });
  const [scale, setScale] = useState(true);
  const [password, setPassword] = useState('');
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    let conn: { handle: StreamHandle<'console.vnc'> } | undefined;
    (async () => {
      const { default: RFB } = await import('@novnc/novnc');
      const c = await vncChannel(
        client,
        tab,
        (reason) => !cancelled && setStatus({ state: 'closed', message: reason }),
      );
      conn = c;
      if (cancelled) return c.handle.close();
      const r = new RFB(screen.current!, c.channel, { shared: true });
      r.scaleViewport = scale;
      r.background = '#202124';
      r.addEventListener('connect', () => !cancelled && setStatus({ state: 'open' }));
      r.addEventListener('credentialsrequired', () => !cancelled && setStatus({ state: 'password' }));
      r.addEventListener(
        'securityfailure',
        (e) =>
          !cancelled &&
          setStatus({
            state: 'closed',
            message: `The VNC server refused: ${String((e as CustomEvent).detail?.reason ?? 'wrong password?')}`,
          }),
      );
      r.addEventListener(
        'disconnect',
        () =>
          !cancelled &&
          setStatus((s) => (s.state === 'closed' ? s : { state: 'closed', message: 'The display closed.' })),
      );
      rfb.current = r;
    })().catch((err: unknown) => !cancelled && setStatus({ state: 'closed', message: errorShapeOf(err).message }));
    return () => {
      cancelled = true;
      rfb.current?.disconnect();
      rfb.current = null;
      conn?.handle.close();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- scale is applied live below
  }, [client, tab.hostId, tab.domain, attempt]);

  useEffect(() => {
    if (rfb.current) rfb.current.scaleViewport = scale;
  }, [scale]);
  useEffect(() => {
    if (visible && rfb.current) rfb.current.scaleViewport = scale;
  }, [visible, scale]);

  const screenshot = () => {
    const url = rfb.current?.toDataURL('image/png');
    if (!url) return;
    const a = document.createElement('a');
    a.href = url;
    a.download = `${tab.domain}-${new Date().toISOString().replace(/[:.]/g, '-')}.png`;
    a.click();
  };

  return (
    <Stack sx={{ height: '100%', minHeight: 0 }} spacing={0.5}>
      <Stack direction="row" spacing={1} sx={{ px: 1, alignItems: 'center' }}>
        <Typography
          variant="body2"
          role="status"
          aria-label={`Display status of ${tab.domain}`}
          sx={{ flex: 1 }}
          color={status.state === 'closed' ? 'error' : 'text.secondary'}
        >
          {status.state === 'connecting'
            ? `Connecting to the screen of ${tab.domain} on ${tab.hostName}…`
            : status.state === 'open'
              ? `Screen of ${tab.domain} on ${tab.hostName}, tunnelled over SSH.`
              : status.state === 'password'
                ? 'This display has a VNC password.'
                : status.message}
        </Typography>
        <FormControlLabel
          control={<Switch size="small" checked={scale} onChange={(e) => setScale(e.target.checked)} />}
          label="Scale to window"
        />
        <Button
          size="small"
          disabled={status.state !== 'open'}
          onClick={() => rfb.current?.sendCtrlAltDel()}
          aria-label={`Send Ctrl+Alt+Del to ${tab.domain}`}
        >
          Ctrl+Alt+Del
        </Button>
        <Button
          size="small"
          disabled={status.state !== 'open'}
          onClick={screenshot}
          aria-label={`Save a screenshot of ${tab.domain}`}
        >
          Screenshot
        </Button>
      </Stack>
      {status.state === 'password' && (
        <Stack
          direction="row"
          spacing={1}
          sx={{ px: 1 }}
          component="form"
          onSubmit={(e) => {
            e.preventDefault();
            rfb.current?.sendCredentials({ password });
            setPassword('');
          }}
        >
          <TextField
            size="small"
            type="password"
            label="VNC password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoFocus
          />
          <Button type="submit" variant="contained" size="small">
            Unlock
          </Button>
        </Stack>
      )}
      {status.state === 'closed' && (
        <Alert
          severity="info"
          sx={{ mx: 1, py: 0 }}
          action={
            <Button
              size="small"
              color="inherit"
              onClick={() => {
                setStatus({ state: 'connecting' });
                setAttempt((a) => a + 1);
              }}
            >
              Reconnect
            </Button>
          }
        >
          The display is not connected.
        </Alert>
      )}
      <Box
        ref={screen}
        aria-label={`Screen of ${tab.domain}`}
        role="img"
        sx={{ flex: 1, minHeight: 0, bgcolor: '#202124', overflow: 'hidden' }}
        data-testid={`vnc-${tab.domain}`}
      />
    </Stack>
  );
}
