import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { channelNames, type Envelope } from '../../../shared/contract';
import type { Core } from '../core';
import { dispatch } from '../dispatch';
import type { Handlers } from '../handlers';

/** The only file that touches ipcMain: serves the handler map to LabDeck's own windows and nobody else. */
export function serveIpc(core: Core, handlers: Handlers, isTrusted: (e: IpcMainInvokeEvent) => boolean, windows: () => BrowserWindow[]): () => void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, async (event, payload: unknown): Promise<Envelope<unknown>> => {
      if (!isTrusted(event)) {
        return { ok: false, error: { kind: 'validation', message: 'Request from an untrusted frame was refused.' } };
      }
      return dispatch(handlers, channel, payload);
    });
  }
  const unsubscribe = core.bus.subscribe((name, payload) => {
    for (const w of windows()) if (!w.isDestroyed()) w.webContents.send(`event:${name}`, payload);
  });
  return () => {
    unsubscribe();
    for (const channel of channelNames) ipcMain.removeHandler(channel);
  };
}
