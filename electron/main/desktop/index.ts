import { app, BrowserWindow } from 'electron';
import path from 'node:path';
import { createCore } from '../core';
import { createHandlers } from '../handlers';
import { serveIpc } from './ipc-main-adapter';
import { installMenu } from './menu';
import { safeStorageCipher } from './safe-storage-cipher';
import { denyPermissions, lockDown, makeSenderCheck } from './security';

const indexHtml = path.join(__dirname, '..', 'renderer', 'index.html');
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
      spellcheck: false,
    },
  });
  lockDown(win.webContents, indexHtml);
  win.once('ready-to-show', () => win.show());
  void win.loadFile(indexHtml);
  return win;
}

async function main(): Promise<void> {
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
  denyPermissions();
  installMenu();
  const core = await createCore({
    dataDir: process.env.LABDECK_DATA_DIR ?? app.getPath('userData'),
    mode: 'desktop',
    cipher: safeStorageCipher(),
  });
  const windows = () => BrowserWindow.getAllWindows();
  serveIpc(core, createHandlers(core), makeSenderCheck(indexHtml, () => windows().map((w) => w.webContents)), windows);
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('window-all-closed', () => {
    void core.dispose().finally(() => app.quit());
  });
}

void main();
