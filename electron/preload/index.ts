import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { channelNames, eventNames, streamEventNames, streamOpNames } from '../../shared/contract/names';
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
// Streams (consoles): one method per operation; their events come only to the page that opened them.
for (const op of streamOpNames) {
  bridge[op] = (payload: unknown) => ipcRenderer.invoke(op, payload);
}
for (const name of streamEventNames) {
  bridge[`on:${name}`] = (listener: (payload: unknown) => void) => {
    const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(`stream:${name}`, wrapped);
    return () => ipcRenderer.removeListener(`stream:${name}`, wrapped);
  };
}
contextBridge.exposeInMainWorld(DESKTOP_BRIDGE_KEY, bridge);
