import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { channelNames, eventNames } from '../../shared/contract/names';
import { DESKTOP_BRIDGE_KEY } from '../../shared/contract/bridge';

/**
 * The only file that touches ipcRenderer. One method per channel and one subscribe method per
 * event; the page never sees ipcRenderer itself, and cannot invoke channels that are not listed.
 */
const bridge: Record<string, unknown> = {};
for (const channel of channelNames) {
  bridge[channel] = (payload: unknown) => ipcRenderer.invoke(channel, payload);
}
for (const name of eventNames) {
  bridge[`on:${name}`] = (listener: (payload: unknown) => void) => {
    const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(`event:${name}`, wrapped);
    return () => ipcRenderer.removeListener(`event:${name}`, wrapped);
  };
}
contextBridge.exposeInMainWorld(DESKTOP_BRIDGE_KEY, bridge);
