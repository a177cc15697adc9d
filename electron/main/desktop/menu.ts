import { Menu, type MenuItemConstructorOptions } from 'electron';

/** A plain app menu: the shortcuts live in the renderer, the menu keeps the standard edit/view roles. */
export function installMenu(): void {
  const template: MenuItemConstructorOptions[] = [
    { label: 'LabDeck', submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'quit' }] },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
