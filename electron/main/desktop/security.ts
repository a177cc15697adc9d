import { session, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { pathToFileURL } from 'node:url';

/** The page LabDeck loads; a frame at any other URL never gets an answer from the main process. */
export function trustedPageUrl(indexHtml: string): string {
  return pathToFileURL(indexHtml).href;
}

export function makeSenderCheck(indexHtml: string, ours: () => WebContents[]) {
  const trusted = trustedPageUrl(indexHtml);
  return (e: IpcMainInvokeEvent): boolean => {
    const frame = e.senderFrame;
    if (!frame || frame.parent !== null) return false; // only the top frame of our own window
    const url = frame.url.split('#')[0]?.split('?')[0];
    return url === trusted && ours().includes(e.sender);
  };
}

/** Deny everything a remote page could ask for: navigation, new windows, permissions, webviews. */
export function lockDown(contents: WebContents, indexHtml: string): void {
  const trusted = trustedPageUrl(indexHtml);
  contents.on('will-navigate', (event, url) => {
    if (url.split('#')[0] !== trusted) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function denyPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}
