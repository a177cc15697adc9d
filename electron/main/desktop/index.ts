import { app, BrowserWindow, protocol } from 'electron';
import path from 'node:path';
import { createCore } from '../core';
import { createHandlers } from '../handlers';
import { installLastResort } from '../last-resort';
import { serveIpc } from './ipc-main-adapter';
import { installMenu } from './menu';
import { safeStorageCipher } from './safe-storage-cipher';
import {
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  appProtocolHandler,
  denyPermissions,
  lockDown,
  makeSenderCheck,
  TRUSTED_PAGE,
} from './security';

const rendererDir = path.join(__dirname, '..', 'renderer');
const preload = path.join(__dirname, '..', 'preload', 'index.cjs');

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    title: 'LabDeck',
    show: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(TRUSTED_PAGE);
  return win;
}

/** Where the keyring stands decides whether passwords can be remembered; the reason reaches the UI. */
function secretCipher() {
  const { cipher, reason } = safeStorageCipher();
  return { cipher, cipherUnavailableReason: reason };
}

// Before ready: app:// must be known as a standard, secure scheme.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
// Every web contents, including any a bug might create, gets the same lock-down.
app.on('web-contents-created', (_event, contents) => lockDown(contents));

async function main(): Promise<void> {
  installLastResort();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    const [w] = BrowserWindow.getAllWindows();
    if (w) {
      if (w.isMinimized()) w.restore();
      w.focus();
    }
  });
  await app.whenReady();
  protocol.handle(APP_SCHEME, appProtocolHandler(rendererDir));
  denyPermissions();
  installMenu();
  const core = await createCore({
    dataDir: process.env.LABDECK_DATA_DIR ?? app.getPath('userData'),
    mode: 'desktop',
    ...secretCipher(),
  });
  const windows = () => BrowserWindow.getAllWindows();
  serveIpc(
    core,
    createHandlers(core),
    makeSenderCheck(() => windows().map((w) => w.webContents)),
    windows,
  );
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('window-all-closed', () => {
    void core.dispose().finally(() => app.quit());
  });
}

void main();
