import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { channelNames, streamOpNames, type Envelope } from '../../../shared/contract';
import type { StreamSession } from '../services/streams/stream-session';
import type { Core } from '../core';
import { dispatch } from '../dispatch';
import type { Handlers } from '../handlers';

/** The only file that touches ipcMain: serves the handler map to LabDeck's own windows and nobody else. */
export function serveIpc(
  core: Core,
  handlers: Handlers,
  isTrusted: (e: IpcMainInvokeEvent) => boolean,
  windows: () => BrowserWindow[],
): () => void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, async (event, payload: unknown): Promise<Envelope<unknown>> => {
      if (!isTrusted(event)) {
        return { ok: false, error: { kind: 'validation', message: 'Request from an untrusted frame was refused.' } };
      }
      return dispatch(handlers, channel, payload);
    });
  }
  // Streams (consoles) belong to the page that opened them: their data goes to that sender only,
  // and they detach when it reloads or goes away.
  const sessions = new Map<WebContents, StreamSession>();
  const sessionOf = (sender: WebContents): StreamSession => {
    let session = sessions.get(sender);
    if (!session) {
      const s = core.streamSession({
        data: (stream, data) => {
          if (!sender.isDestroyed()) sender.send('stream:stream.data', { stream, data });
        },
        event: (name, payload) => {
          if (!sender.isDestroyed()) sender.send(`stream:${name}`, payload);
        },
      });
      session = s;
      sessions.set(sender, s);
      const drop = () => {
        if (sessions.get(sender) !== s) return;
        sessions.delete(sender);
        s.dispose();
      };
      sender.once('destroyed', drop);
      sender.once('did-navigate', drop); // a reload (in-page hash changes are did-navigate-in-page)
      sender.once('render-process-gone', drop);
    }
    return session;
  };
  for (const op of streamOpNames) {
    ipcMain.handle(op, async (event, payload: unknown): Promise<Envelope<unknown>> => {
      if (!isTrusted(event)) {
        return { ok: false, error: { kind: 'validation', message: 'Request from an untrusted frame was refused.' } };
      }
      return sessionOf(event.sender).handle(op, payload);
    });
  }
  const unsubscribe = core.bus.subscribe((name, payload) => {
    for (const w of windows()) if (!w.isDestroyed()) w.webContents.send(`event:${name}`, payload);
  });
  return () => {
    unsubscribe();
    for (const channel of channelNames) ipcMain.removeHandler(channel);
    for (const op of streamOpNames) ipcMain.removeHandler(op);
    for (const s of sessions.values()) s.dispose();
    sessions.clear();
  };
}
