import { promises as fs } from 'node:fs';
import path from 'node:path';
import { session, type IpcMainInvokeEvent, type Session, type WebContents } from 'electron';
import { contentTypeOf } from '../static-file-types';

/** LabDeck's own scheme: the UI is served from app://labdeck/, never from file:// (which reaches the whole disk). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'labdeck';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page LabDeck loads; a frame at any other URL never gets an answer from the main process. */
export const TRUSTED_PAGE = `${APP_ORIGIN}/index.html`;

/** Sent with every file of the UI, on top of the page's own meta CSP. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'; frame-ancestors 'none'";

/** Privileges for app:// — registered before the app is ready (standard + secure, like https). */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: false,
  stream: false,
  bypassCSP: false,
} as const;

const stripQuery = (url: string): string => url.split('#')[0]!.split('?')[0]!;

/**
 * The app:// handler: serves files under the renderer folder only (no traversal, no other host),
 * GET only, each with the CSP and nosniff headers.
 */
export function appProtocolHandler(rendererDir: string) {
  const root = path.resolve(rendererDir);
  return async (request: Request): Promise<Response> => {
    const headers = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' };
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return new Response('Bad request', { status: 400, headers });
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST)
      return new Response('Not found', { status: 404, headers });
    if (request.method !== 'GET') return new Response('Method not allowed', { status: 405, headers });
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return new Response('Bad request', { status: 400, headers });
    }
    const file = path.resolve(root, pathname === '/' ? 'index.html' : `.${pathname}`);
    if (pathname.includes('\0') || (file !== root && !file.startsWith(root + path.sep)))
      return new Response('Forbidden', { status: 403, headers });
    try {
      const data = await fs.readFile(file);
      return new Response(new Uint8Array(data), {
        status: 200,
        headers: { ...headers, 'Content-Type': contentTypeOf(path.extname(file)) },
      });
    } catch {
      return new Response('Not found', { status: 404, headers });
    }
  };
}

export function makeSenderCheck(ours: () => WebContents[]) {
  return (e: IpcMainInvokeEvent): boolean => {
    const frame = e.senderFrame;
    if (!frame || frame.parent !== null) return false; // only the top frame of our own window
    return stripQuery(frame.url) === TRUSTED_PAGE && ours().includes(e.sender);
  };
}

/** Deny everything a remote page could ask for: navigation, redirects, new windows, webviews. */
export function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (stripQuery(url) !== TRUSTED_PAGE) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** No permission (camera, notifications, geolocation, …) is ever granted, asked or checked. */
export function denyPermissions(s: Session = session.defaultSession): void {
  s.setPermissionRequestHandler((_wc, _perm, callback) => callback(false));
  s.setPermissionCheckHandler(() => false);
  s.setDevicePermissionHandler?.(() => false);
}
