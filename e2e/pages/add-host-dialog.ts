import type { Page } from '@playwright/test';
import type { LabDescription, LabHost } from '../lab/lab-description';

/** Fills the Add host dialog the way a person would, by its labels. */
export async function fillAddHost(
  page: Page,
  lab: LabDescription,
  h: LabHost,
  over: { name?: string; address?: string; port?: number; user?: string } = {},
) {
  await page.getByRole('button', { name: 'Add host' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add host' });
  await dialog.getByLabel('Name').fill(over.name ?? h.name);
  await dialog.getByLabel('Address').fill(over.address ?? h.address);
  await dialog.getByLabel('Port').fill(String(over.port ?? h.port));
  await dialog.getByLabel('User').fill(over.user ?? h.user);
  await dialog.getByLabel('Key file', { exact: true }).check();
  await dialog.getByLabel('Key file path').fill(lab.clientKey);
  await dialog.getByLabel('libvirt URI').fill(h.libvirtUri);
  return dialog;
}

export async function submitAddHost(page: Page) {
  await page.getByRole('dialog', { name: 'Add host' }).getByRole('button', { name: 'Add host' }).click();
}
