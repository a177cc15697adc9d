import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef, useState } from 'react';
import { errorShapeOf, useClient } from '../../api';
import type { StreamHandle } from '../../api/streams';
import type { ConsoleTab } from './console-store';

type Status =
  | { state: 'connecting' }
  | { state: 'open' }
  | { state: 'closed'; message: string; takeover?: boolean; reconnectable: boolean };

/**
 * A VM's serial console: xterm.js on a `console.serial` stream. The terminal acknowledges bytes once
 * it has drawn them (xterm's write callback), which is the flow control a `cat` flood meets.
 */
export function SerialConsole({ tab, visible }: { tab: ConsoleTab; visible: boolean }) {
  const client = useClient();
  const box = useRef<HTMLDivElement>(null);
  const term = useRef<Terminal | null>(null);
  const fit = useRef<FitAddon | null>(null);
  const handle = useRef<StreamHandle<'console.serial'> | null>(null);
  const [status, setStatus] = useState<Status>({ state: 'connecting' });
  const [attempt, setAttempt] = useState(0);
  const [force, setForce] = useState(false);

  // One terminal for the tab's life; sessions come and go in it (reconnect keeps the scrollback).
  useEffect(() => {
    const t = new Terminal({
      convertEol: false,
      cursorBlink: true,
      scrollback: 5000,
      fontSize: 13,
      fontFamily: 'ui-monospace, "DejaVu Sans Mono", monospace',
      screenReaderMode: false,
    });
    const f = new FitAddon();
    t.loadAddon(f);
    t.open(box.current!);
    t.textarea?.setAttribute('aria-label', `Serial console of ${tab.domain}`);
    term.current = t;
    fit.current = f;
    const onInput = t.onData((d) => handle.current?.write(d));
    const onResize = t.onResize(({ cols, rows }) => handle.current?.resize(cols, rows));
    const ro = new ResizeObserver(() => {
      if (box.current && box.current.offsetWidth > 0) f.fit();
    });
    ro.observe(box.current!);
    return () => {
      ro.disconnect();
      onInput.dispose();
      onResize.dispose();
      t.dispose();
    };
  }, [tab.domain]);

  useEffect(() => {
    let cancelled = false;
    const t = term.current!;
    if (box.current && box.current.offsetWidth > 0) fit.current?.fit();
    client.streams
      .open(
        'console.serial',
        { hostId: tab.hostId, domain: tab.domain, force, cols: t.cols, rows: t.rows },
        {
          data: (bytes, consumed) => t.write(bytes, consumed),
          closed: (ev) => {
            handle.current = null;
            if (cancelled) return;
            if (ev.reason === 'detached') return;
            t.write(`\r\n\x1b[2m[${ev.reason}]\x1b[0m\r\n`);
            setStatus({ state: 'closed', message: ev.reason, reconnectable: ev.reconnectable });
          },
        },
      )
      .then((h) => {
        if (cancelled) return h.close();
        handle.current = h;
        setStatus({ state: 'open' });
        t.focus();
      })
      .catch((err: unknown) => {
        if (cancelled) return;
        const e = errorShapeOf(err);
        setStatus({
          state: 'closed',
          message: e.message,
          takeover: /holds the serial console/.test(e.message),
          reconnectable: true,
        });
      });
    return () => {
      cancelled = true;
      handle.current?.close(); // closing the tab detaches: the VM keeps running
      handle.current = null;
    };
  }, [client, tab.hostId, tab.domain, attempt, force]);

  useEffect(() => {
    if (visible)
      requestAnimationFrame(() => {
        if (box.current && box.current.offsetWidth > 0) fit.current?.fit();
        term.current?.focus();
      });
  }, [visible]);

  const copy = () => {
    const text = term.current?.getSelection();
    if (text) void navigator.clipboard?.writeText(text);
  };
  const paste = async () => {
    const text = await navigator.clipboard?.readText().catch(() => '');
    if (text) term.current?.paste(text);
  };

  return (
    <Stack sx={{ height: '100%', minHeight: 0 }} spacing={0.5}>
      <Stack direction="row" spacing={1} sx={{ px: 1, alignItems: 'center' }}>
        <Typography
          variant="body2"
          role="status"
          aria-label={`Console status of ${tab.domain}`}
          sx={{ flex: 1 }}
          color={status.state === 'closed' ? 'error' : 'text.secondary'}
        >
          {status.state === 'connecting'
            ? `Connecting to the serial console of ${tab.domain} on ${tab.hostName}…`
            : status.state === 'open'
              ? `Connected to ${tab.domain} on ${tab.hostName} (serial). Closing the tab detaches; the VM keeps running.`
              : status.message}
        </Typography>
        <Button size="small" onClick={copy} aria-label={`Copy the selection of ${tab.domain}'s console`}>
          Copy
        </Button>
        <Button size="small" onClick={() => void paste()} aria-label={`Paste into ${tab.domain}'s console`}>
          Paste
        </Button>
      </Stack>
      {status.state === 'closed' && (status.reconnectable || status.takeover) && (
        <Alert
          severity={status.takeover ? 'warning' : 'info'}
          sx={{ mx: 1, py: 0 }}
          action={
            <Stack direction="row" spacing={1}>
              {status.takeover && (
                <Button
                  size="small"
                  color="inherit"
                  onClick={() => {
                    setForce(true);
                    setStatus({ state: 'connecting' });
                    setAttempt((a) => a + 1);
                  }}
                >
                  Take over
                </Button>
              )}
              <Button
                size="small"
                color="inherit"
                onClick={() => {
                  setForce(false);
                  setStatus({ state: 'connecting' });
                  setAttempt((a) => a + 1);
                }}
              >
                Reconnect
              </Button>
            </Stack>
          }
        >
          {status.takeover ? 'Taking over disconnects the other client.' : 'The console is not connected.'}
        </Alert>
      )}
      <Box ref={box} sx={{ flex: 1, minHeight: 0, bgcolor: '#000', p: 0.5 }} data-testid={`serial-${tab.domain}`} />
    </Stack>
  );
}
