import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import YAML from 'yaml';
import { channelNames, streamOpNames } from '../../../shared/contract';

/**
 * Issue 10, defect 12. electronegativity cannot run offline, and no Electron binary exists here, so
 * the desktop shell is loaded against this recording stand-in for the `electron` module and every
 * security-relevant call is asserted. A change that weakens any of them fails CI.
 */
type Handler = (...args: unknown[]) => unknown;
const rec = vi.hoisted(() => {
  const r = {
    appHandlers: new Map<string, Handler[]>(),
    windows: [] as { options: Record<string, unknown>; loaded: string[]; webContents: FakeContents }[],
    privileged: [] as unknown[],
    protocolHandlers: new Map<string, Handler>(),
    permissionRequest: undefined as Handler | undefined,
    permissionCheck: undefined as Handler | undefined,
    devicePermission: undefined as Handler | undefined,
    ipc: new Map<string, Handler>(),
    quit: 0,
  };
  type FakeContents = { handlers: Map<string, Handler[]>; windowOpen?: Handler; sent: unknown[] };
  return r;
});

vi.mock('electron', () => {
  const on = (map: Map<string, Handler[]>) => (event: string, fn: Handler) => {
    map.set(event, [...(map.get(event) ?? []), fn]);
  };
  const app = {
    requestSingleInstanceLock: () => true,
    on: on(rec.appHandlers),
    whenReady: () => Promise.resolve(),
    getPath: () => process.env.LABDECK_DATA_DIR!,
    quit: () => {
      rec.quit++;
    },
  };
  class BrowserWindow {
    webContents: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      const contents = {
        handlers: new Map<string, Handler[]>(),
        windowOpen: undefined as Handler | undefined,
        sent: [] as unknown[],
      };
      const entry = { options, loaded: [] as string[], webContents: contents };
      rec.windows.push(entry);
      this.webContents = {
        on: on(contents.handlers),
        setWindowOpenHandler: (fn: Handler) => {
          contents.windowOpen = fn;
        },
        send: (...a: unknown[]) => contents.sent.push(a),
        __rec: contents,
      };
      for (const fn of rec.appHandlers.get('web-contents-created') ?? []) fn({}, this.webContents);
      this.loadURL = (url: string) => {
        entry.loaded.push(url);
        return Promise.resolve();
      };
      this.loadFile = (file: string) => {
        entry.loaded.push(`file:${file}`);
        return Promise.resolve();
      };
    }
    loadURL: (url: string) => Promise<void>;
    loadFile: (file: string) => Promise<void>;
    once() {}
    isDestroyed() {
      return false;
    }
    static getAllWindows() {
      return [];
    }
  }
  return {
    app,
    BrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => rec.privileged.push(...s),
      handle: (scheme: string, fn: Handler) => rec.protocolHandlers.set(scheme, fn),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: Handler) => {
          rec.permissionRequest = fn;
        },
        setPermissionCheckHandler: (fn: Handler) => {
          rec.permissionCheck = fn;
        },
        setDevicePermissionHandler: (fn: Handler) => {
          rec.devicePermission = fn;
        },
      },
    },
    ipcMain: {
      handle: (channel: string, fn: Handler) => rec.ipc.set(channel, fn),
      removeHandler: (channel: string) => rec.ipc.delete(channel),
    },
    Menu: { setApplicationMenu: () => undefined, buildFromTemplate: (t: unknown) => t },
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'basic_text',
      encryptString: (s: string) => Buffer.from(s),
      decryptString: (b: Buffer) => b.toString(),
    },
  };
});

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'labdeck-shell-'));
  process.env.LABDECK_DATA_DIR = path.join(dir, 'data');
  await import('./index');
  for (let i = 0; i < 200 && rec.windows.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
});
afterAll(async () => {
  for (const fn of rec.appHandlers.get('window-all-closed') ?? []) fn();
  for (let i = 0; i < 200 && rec.quit === 0; i++) await new Promise((r) => setTimeout(r, 10));
  delete process.env.LABDECK_DATA_DIR;
  rmSync(dir, { recursive: true, force: true });
});

const win = () => rec.windows[0]!;
const contentsHandler = (event: string) => win().webContents.handlers.get(event)?.[0];

describe('desktop shell, against a recording stand-in for electron', () => {
  it('opens one window with locked-down webPreferences and a bundled preload', () => {
    expect(rec.windows).toHaveLength(1);
    const wp = win().options.webPreferences as Record<string, unknown>;
    expect(wp).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
    for (const risky of [
      'nodeIntegrationInSubFrames',
      'nodeIntegrationInWorker',
      'enableBlinkFeatures',
      'additionalArguments',
    ])
      expect(wp[risky]).toBeUndefined();
    expect(String(wp.preload)).toMatch(/preload[/\\]index\.cjs$/);
  });

  it('loads the UI from app://, never file://', () => {
    expect(win().loaded).toEqual(['app://labdeck/index.html']);
    expect(rec.privileged).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, bypassCSP: false }) },
    ]);
    expect(rec.protocolHandlers.has('app')).toBe(true);
    expect(rec.protocolHandlers.has('file')).toBe(false);
  });

  it('serves only the renderer folder over app://, with the CSP on every answer', async () => {
    const { appProtocolHandler, CONTENT_SECURITY_POLICY } = await import('./security');
    const root = path.join(dir, 'renderer');
    mkdirSync(root, { recursive: true });
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>LabDeck</title>');
    writeFileSync(path.join(dir, 'secret.txt'), 'outside');
    const serve = appProtocolHandler(root);
    const ok = await serve(new Request('app://labdeck/index.html'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self';/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/object-src 'none'/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/frame-ancestors 'none'/);
    expect([403, 404]).toContain((await serve(new Request('app://labdeck/%2e%2e/secret.txt'))).status);
    expect((await serve(new Request('app://labdeck/..%2fsecret.txt'))).status).toBe(403);
    expect((await serve(new Request('app://labdeck/%'))).status).toBe(400);
    expect((await serve(new Request('app://evil/index.html'))).status).toBe(404);
    expect((await serve(new Request('app://labdeck/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
    const missing = await serve(new Request('app://labdeck/nope.js'));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('keeps the page meta CSP strict too', () => {
    const html = readFileSync(path.join(__dirname, '..', '..', '..', 'renderer', 'index.html'), 'utf8');
    const csp = /Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toMatch(/script-src 'self';/);
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(csp).toMatch(/object-src 'none'/);
  });

  it('blocks navigation away, redirects, webviews and window.open', () => {
    const prevented = (event: string, ...args: unknown[]) => {
      let p = false;
      contentsHandler(event)!({ preventDefault: () => (p = true) }, ...args);
      return p;
    };
    expect(prevented('will-navigate', 'https://evil.example/')).toBe(true);
    expect(prevented('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(prevented('will-navigate', 'app://labdeck/index.html#/host')).toBe(false);
    expect(prevented('will-redirect', 'app://labdeck/index.html')).toBe(true);
    expect(prevented('will-attach-webview', {}, {})).toBe(true);
    expect(win().webContents.windowOpen?.({ url: 'https://evil.example' })).toEqual({ action: 'deny' });
  });

  it('denies every permission request and check', () => {
    let granted: boolean | undefined;
    rec.permissionRequest!({}, 'media', (ok: boolean) => (granted = ok));
    expect(granted).toBe(false);
    expect(rec.permissionCheck!({}, 'notifications')).toBe(false);
    expect(rec.devicePermission!({})).toBe(false);
  });

  it('answers IPC only from the top frame of its own window at the app:// page', async () => {
    expect([...rec.ipc.keys()].sort()).toEqual([...channelNames, ...streamOpNames].sort());
    const invoke = rec.ipc.get('app.info')!;
    const event = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent }, sender: {} });
    // The stand-in has no windows of its own (getAllWindows is empty), so even the right URL is
    // refused unless the sender is one of ours: the check is both URL and identity.
    for (const e of [
      event('app://labdeck/index.html'),
      event('file:///x/index.html'),
      event('https://evil.example/'),
      event('app://labdeck/index.html', {}),
    ]) {
      expect(await invoke(e, undefined)).toMatchObject({
        ok: false,
        error: { message: expect.stringMatching(/untrusted frame/) },
      });
      // Stream operations (consoles) are held to the same sender check.
      for (const op of streamOpNames)
        expect(await rec.ipc.get(op)!(e, { kind: 'console.serial', payload: {} })).toMatchObject({
          ok: false,
          error: { message: expect.stringMatching(/untrusted frame/) },
        });
    }
    const { makeSenderCheck } = await import('./security');
    const ours = {} as never;
    const check = makeSenderCheck(() => [ours]);
    expect(check({ senderFrame: { url: 'app://labdeck/index.html', parent: null }, sender: ours } as never)).toBe(true);
    expect(check({ senderFrame: { url: 'app://labdeck/index.html?x=1#y', parent: null }, sender: ours } as never)).toBe(
      true,
    );
    expect(check({ senderFrame: { url: 'app://labdeck/other.html', parent: null }, sender: ours } as never)).toBe(
      false,
    );
    expect(check({ senderFrame: { url: 'app://labdeck/index.html', parent: {} }, sender: ours } as never)).toBe(false);
    expect(check({ senderFrame: null, sender: ours } as never)).toBe(false);
  });

  // Issue 10, defect 9.
  it('treats safeStorage’s basic_text backend as no keyring, and says why', async () => {
    const { safeStorageCipher } = await import('./safe-storage-cipher');
    const base = {
      isEncryptionAvailable: () => true,
      encryptString: (s: string) => Buffer.from(s),
      decryptString: (b: Buffer) => b.toString(),
    };
    const basic = safeStorageCipher({ ...base, getSelectedStorageBackend: () => 'basic_text' }, 'linux');
    expect(basic.cipher).toBeUndefined();
    expect(basic.reason).toMatch(/No OS keyring/);
    expect(
      safeStorageCipher({ ...base, getSelectedStorageBackend: () => 'gnome_libsecret' }, 'linux').cipher,
    ).toBeDefined();
    expect(safeStorageCipher({ ...base, isEncryptionAvailable: () => false }, 'linux').cipher).toBeUndefined();
    expect(safeStorageCipher(base, 'darwin').cipher).toBeDefined();
  });

  it('packages with the hardening fuses set', () => {
    const cfg = YAML.parse(readFileSync(path.join(__dirname, '..', '..', '..', 'electron-builder.yml'), 'utf8'));
    expect(cfg.asar).not.toBe(false);
    expect(cfg.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
